// Reading report bytes: encodings and content sniffing (interface.md `ingest`).
#include "ingest/reader.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include "core/text.h"
#include "ingest/test_util.h"

namespace gk::ingest {
namespace {

std::string Utf16Le(std::string_view utf8, bool bom) {
  std::string out = bom ? "\xFF\xFE" : "";
  for (char32_t c : text::ToUtf32(utf8)) {
    auto put = [&](uint16_t u) {
      out.push_back(static_cast<char>(u & 0xFF));
      out.push_back(static_cast<char>(u >> 8));
    };
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

std::string Gb18030(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err));
  out.resize(U_SUCCESS(err) ? static_cast<size_t>(n) : 0);
  return out;
}

TEST(ReadReportBytes, Utf8) {
  ReadOptions opts;
  opts.file_name = "reports/002.txt";
  auto r = ReadReportBytes(testing::Seed("002.txt"), opts);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->source.encoding, "utf-8");
  EXPECT_EQ(r->source.kind, "text");
  EXPECT_EQ(r->source.file, "reports/002.txt");
  testing::ExpectTablesEqual(*r, testing::Expected("002.expected.json"));
}

TEST(ReadReportBytes, Utf16AndGb18030GiveTheSameTables) {
  const std::string seed = testing::Seed("004.txt");
  const auto want = testing::Expected("004.expected.json");
  auto le = ReadReportBytes(Utf16Le(seed, true), {});
  ASSERT_TRUE(le.ok()) << le.status().message();
  EXPECT_EQ(le->source.encoding, "utf-16le");
  testing::ExpectTablesEqual(*le, want);

  auto gb = ReadReportBytes(Gb18030(seed), {});
  ASSERT_TRUE(gb.ok()) << gb.status().message();
  EXPECT_EQ(gb->source.encoding, "gb18030");
  testing::ExpectTablesEqual(*gb, want);
  EXPECT_EQ(gb->agency, "威海市工业和信息化局");
}

TEST(ReadReportBytes, DamagedOrForeignContainersAreUnreadable) {
  const std::string cases[] = {
      "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n",                       // a PDF header only
      std::string("PK\x03\x04", 4) + "word/document.xml",    // a cut ZIP
      "<!DOCTYPE html><html><body>hello</body></html>",        // a page, not a report
      "  <html lang=\"zh\">",
      "<table><tr><td>x</td></tr></table>",
      Utf16Le("<html><body>x</body></html>", true),
  };
  for (const std::string& c : cases) {
    auto r = ReadReportBytes(c, {});
    ASSERT_FALSE(r.ok()) << c;
    EXPECT_EQ(r.status().code(), StatusCode::kUnreadable);
  }
}

TEST(ReadReportBytes, LegacyOfficeAndRtfAreNotSupportedYet) {
  const std::pair<std::string, const char*> cases[] = {
      {std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "xxxx", "Word 97-2003"},
      {"{\\rtf1\\ansi 一、总体情况}", "RTF"},
  };
  for (const auto& [bytes, kind] : cases) {
    auto r = ReadReportBytes(bytes, {});
    ASSERT_FALSE(r.ok()) << kind;
    EXPECT_EQ(r.status().code(), StatusCode::kUnreadable);
    EXPECT_NE(r.status().message().find(kind), std::string::npos) << r.status().message();
    EXPECT_NE(r.status().message().find("not supported yet"), std::string::npos);
  }
}

TEST(ReadReportBytes, UndecodableBytes) {
  auto r = ReadReportBytes(std::string("\x81\x20\xFF\xFF\x80", 5), {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnreadable);
}

TEST(ReadReportBytes, NotAReport) {
  auto r = ReadReportBytes("hello world\n", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnreadable);
}

}  // namespace
}  // namespace gk::ingest
