// Normalisation (report-format.md §6.1 step 1), token classification (§0.3,
// §6 items 7–9) and the item stream (§6 items 1–3).
#include "ingest/normalize.h"

#include <gtest/gtest.h>

#include "ingest/numbers.h"
#include "ingest/tokens.h"

namespace gk::ingest {
namespace {

std::vector<std::string> Compacts(std::string_view text) {
  std::vector<std::string> out;
  for (const Line& l : Normalize(text).lines) out.push_back(l.compact);
  return out;
}

TEST(Normalize, FullWidthDigitsAndBracketsBecomeAscii) {
  const auto lines = Normalize("第二十条第（一）项\t１２\t５，４１６\t＋１\t－８").lines;
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "第二十条第(一)项\t12\t5,416\t+1\t-8");
}

TEST(Normalize, DashesAreUnified) {
  EXPECT_EQ(Normalize("—\t——\t–\t−\t三安全— 稳定").lines[0].text, "-\t--\t-\t-\t三安全- 稳定");
}

TEST(Normalize, BookmarksAndImagesAreRemoved) {
  const auto lines =
      Normalize("[bookmark: _Hlk66973412]一、本年新收\n[image: 新建 XLS 工作表_Sheet1]\n").lines;
  EXPECT_EQ(lines[0].compact, "一、本年新收");
  EXPECT_TRUE(lines[1].blank);
}

TEST(Normalize, LineEndings) {
  EXPECT_EQ(Compacts("a\r\nb\rc\nd"), (std::vector<std::string>{"a", "b", "c", "d"}));
}

TEST(Normalize, TraditionalScriptIsConverted) {
  const NormalizedText n = Normalize("行政規範性檔案\t本年處理決定數量\t結轉\t訴訟\t複議");
  EXPECT_TRUE(n.traditional);
  EXPECT_EQ(n.lines[0].compact, "行政规范性文件本年处理决定数量结转诉讼复议");
}

TEST(Normalize, SimplifiedTextIsLeftAlone) {
  const NormalizedText n = Normalize("档案管理\t本年处理决定数量");
  EXPECT_FALSE(n.traditional);
  EXPECT_EQ(n.lines[0].compact, "档案管理本年处理决定数量");  // 档案 kept: not a converted page
}

TEST(Normalize, PinyinAnnotationsAreStripped) {
  const NormalizedText n = Normalize("政(zhèng)府(fǔ)信(xìn)息(xī)公开\n规章(设区的市)");
  EXPECT_TRUE(n.pinyin);
  EXPECT_EQ(n.lines[0].compact, "政府信息公开");
  EXPECT_EQ(n.lines[1].compact, "规章(设区的市)");
}

TEST(Normalize, ZeroWidthCharactersAreRemoved) {
  EXPECT_EQ(Normalize("行政\u200B许可\uFEFF").lines[0].compact, "行政许可");
}

TEST(Normalize, InvalidUtf8IsReplacedNotRejected) {
  const NormalizedText n = Normalize("规章\xFF\xFE\t0");
  ASSERT_EQ(n.lines.size(), 1u);
  EXPECT_NE(n.lines[0].compact.find("规章"), std::string::npos);
}

TEST(Normalize, LineKinds) {
  const auto lines = Normalize(
                         "本年新收政府信息公开申请6件。\n"
                         "规章\t0\t0\t0\n"
                         "\n"
                         "|---|---|\n"
                         "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 2 0 0 0 0 0 2")
                         .lines;
  EXPECT_TRUE(lines[0].prose);
  EXPECT_TRUE(lines[1].cells);
  EXPECT_FALSE(lines[1].prose);
  EXPECT_TRUE(lines[2].blank);
  EXPECT_TRUE(lines[3].blank);   // Markdown table rule
  EXPECT_FALSE(lines[4].prose);  // a table row, though it holds commas
}

// ---- Tokens ----

int64_t Micro(std::string_view tok) {
  const Token t = ClassifyToken(tok);
  EXPECT_EQ(t.kind, TokenKind::kNumber) << tok;
  return t.number.micro;
}

TEST(ClassifyToken, Numbers) {
  EXPECT_EQ(Micro("0"), 0);
  EXPECT_EQ(Micro("5416"), 5'416'000'000);
  EXPECT_EQ(Micro("5,416"), 5'416'000'000);
  EXPECT_EQ(Micro("1,234,567"), 1'234'567'000'000);
  EXPECT_EQ(Micro("146.2243"), 146'224'300);
  EXPECT_EQ(Micro("0.0000005"), 1);  // rounded half up past 6 decimals
  EXPECT_EQ(Micro("3件"), 3'000'000);
}

TEST(ClassifyToken, SignedChange) {
  EXPECT_EQ(Micro("+1"), 1'000'000);
  EXPECT_EQ(Micro("-1"), -1'000'000);
  EXPECT_EQ(Micro("增1"), 1'000'000);
  EXPECT_EQ(Micro("增加2"), 2'000'000);
  EXPECT_EQ(Micro("减2"), -2'000'000);
  EXPECT_EQ(Micro("減少3"), -3'000'000);
  EXPECT_TRUE(ClassifyToken("+1").number.explicit_sign);
  EXPECT_FALSE(ClassifyToken("1").number.explicit_sign);
}

TEST(ClassifyToken, Units) {
  EXPECT_EQ(ClassifyToken("706万元").number.unit, Unit::kTenThousandYuan);
  EXPECT_EQ(ClassifyToken("7060000元").number.unit, Unit::kYuan);
  EXPECT_EQ(ClassifyToken("706").number.unit, Unit::kNone);
}

TEST(ClassifyToken, BlankMarkers) {
  for (std::string_view t : {"-", "--", "/", "无", "空", "空白", "暂无", "-/-"}) {
    EXPECT_EQ(ClassifyToken(t).kind, TokenKind::kBlank) << t;
  }
}

TEST(ClassifyToken, TextIsNeverANumber) {
  for (std::string_view t :
       {"1.", "1.属于国家秘密", "0631-5587393", "2021年", "200%", "12,34", "1234567890123",
        "第二十条第(一)项", "三安全一稳定", "+", "增", "1.2.3", "(1)", "='7", ""}) {
    EXPECT_EQ(ClassifyToken(t).kind, TokenKind::kText) << t;
  }
}

TEST(AsInteger, FractionsAreNotCounts) {
  EXPECT_EQ(AsInteger(ClassifyToken("7").number), 7);
  EXPECT_EQ(AsInteger(ClassifyToken("7.00").number), 7);
  EXPECT_FALSE(AsInteger(ClassifyToken("7.5").number).has_value());
}

// ---- Items ----

std::string Kinds(const std::vector<Item>& items) {
  std::string s;
  for (const Item& it : items) {
    switch (it.kind) {
      case ItemKind::kText:
        s += "T(" + it.text + ")";
        break;
      case ItemKind::kValue:
        s += "V(" + it.text + ")";
        break;
      case ItemKind::kEmptyCell:
        s += "E";
        break;
      case ItemKind::kEndOfLine:
        s += "|";
        break;
      case ItemKind::kBlankLine:
        s += "B";
        break;
    }
  }
  return s;
}

std::string Items(std::string_view text) {
  const NormalizedText n = Normalize(text);
  return Kinds(Tokenize(n.lines, 0, n.lines.size()));
}

TEST(Tokenize, TabRowWithLeadingAndTrailingEmptyCells) {
  EXPECT_EQ(Items("\t\t2.重复申请\t1\t0\t"), "ET(2.重复申请)V(1)V(0)E|");
}

TEST(Tokenize, OneCellPerLine) { EXPECT_EQ(Items("\t规章\n\t0\n\t\n\n"), "T(规章)|V(0)|E|BB"); }

TEST(Tokenize, LabelAndValueInOneCell) {
  EXPECT_EQ(Items("行政许可 0\t"), "T(行政许可)V(0)E|");
  EXPECT_EQ(Items("行政处罚\t行政处罚 0"), "T(行政处罚)T(行政处罚)V(0)|");
}

TEST(Tokenize, DigitsInsideLabelsAreText) {
  EXPECT_EQ(Items("1 属于国家秘密\t0"), "T(1属于国家秘密)V(0)|");
  EXPECT_EQ(Items("第二十条第 (一) 项"), "T(第二十条第(一)项)|");
  EXPECT_EQ(Items("1. 属于国家秘密 0"), "T(1.属于国家秘密)V(0)|");
}

TEST(Tokenize, OcrNoiseStaysNumbers) {
  EXPECT_EQ(Items("(一)予以\t1 1 1\t0"), "T((一)予以)V(1)V(1)V(1)V(0)|");
}

TEST(Tokenize, UnitWordJoinsItsNumber) { EXPECT_EQ(Items("行政许可 3 件"), "T(行政许可)V(3)|"); }

TEST(Tokenize, ProseIsOneTextItem) {
  EXPECT_EQ(Items("本年共收到申请 3 件，均已办结。"), "T(本年共收到申请3件,均已办结。)|");
}

TEST(Tokenize, MarkdownPipes) { EXPECT_EQ(Items("| 规章 | 0 | 1 |"), "T(规章)V(0)V(1)E|"); }

}  // namespace
}  // namespace gk::ingest
