// Section headings (report-format.md §0.1, §6 item 11) and the title facts
// (§0: year and agency), fingerprints and the cited format (§0.2).
#include "ingest/sections.h"

#include <gtest/gtest.h>

#include "ingest/facts.h"

namespace gk::ingest {
namespace {

std::optional<int> Heading(std::string_view text) {
  const NormalizedText n = Normalize(text);
  return HeadingSection(n.lines.at(0));
}

TEST(HeadingSection, OfficialHeadings) {
  EXPECT_EQ(Heading("一、总体情况"), 0);
  EXPECT_EQ(Heading("二、主动公开政府信息情况"), 1);
  EXPECT_EQ(Heading("三、收到和处理政府信息公开申请情况"), 2);
  EXPECT_EQ(Heading("四、政府信息公开行政复议、行政诉讼情况"), 3);
  EXPECT_EQ(Heading("五、存在的主要问题及改进情况"), 4);
  EXPECT_EQ(Heading("六、其他需要报告的事项"), 5);
}

TEST(HeadingSection, LostNumberingAndParaphrases) {
  EXPECT_EQ(Heading(" 2、 主动公开政府信息情况统计表"), 1);
  EXPECT_EQ(Heading("3、 收到和处理政府信息公开申请情况"), 2);
  EXPECT_EQ(Heading("4、 政府信息公开工作被申请行政复议、提起行政诉讼情况"), 3);
  EXPECT_EQ(Heading("因政府信息公开工作被申请行政复议和提起行政诉讼情况"), 3);
  EXPECT_EQ(Heading("四、政府信息公开工作行政复议、行政诉讼情况"), 3);
  EXPECT_EQ(Heading("行政机关收到和处理政府信息公开申请的情况"), 2);
  EXPECT_EQ(Heading("第三部分 依申请公开情况"), 2);
  EXPECT_EQ(Heading("二、主动公开政府信息情况。2022年，本机关……"), 1);
}

TEST(HeadingSection, SubHeadingsAndTableRowsAreNotHeadings) {
  for (std::string_view s : {
           "（一）主动公开工作情况",
           "(二)依申请公开工作情况",
           "一是主动公开政府信息情况",
           "1.主动公开。2021年，临港区加大对涉及公众利益调整的政府信息公开力度。",
           "二、上年结转政府信息公开申请数量",
           "四、结转下年度继续办理",
           "三、本年度办理结果",
           "\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
           "2021年政府信息公开工作年度报告",
           "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等部分组成。",
           "全年未发生行政复议和行政诉讼",
           "行政复议\t\t\t\t\t行政诉讼",
           "予以公开\t部分公开\t无法提供\t其他处理\t1\t2\t2\t1",
       }) {
    EXPECT_FALSE(Heading(s).has_value()) << s;
  }
}

std::array<int, kNumSections> Headings(std::string_view text) {
  return FindHeadings(Normalize(text).lines);
}

TEST(FindHeadings, LaterCandidateWinsOverSubHeadingOfSectionOne) {
  const auto h = Headings(
      "一、总体情况\n"
      "1、主动公开政府信息情况\n"  // a sub-heading inside 一
      "二、主动公开政府信息情况\n"
      "规章\t0\t0\t0\n"
      "三、收到和处理政府信息公开申请情况\n");
  EXPECT_EQ(h[0], 0);
  EXPECT_EQ(h[1], 2);
  EXPECT_EQ(h[2], 4);
  EXPECT_EQ(h[3], -1);
}

TEST(FindHeadings, NumeralMatchBeatsAMatchWithoutNumber) {
  const auto h = Headings(
      "二、主动公开政府信息情况\n"
      "主动公开政府信息情况统计\n"
      "三、收到和处理政府信息公开申请情况\n");
  EXPECT_EQ(h[1], 0);
}

TEST(FindHeadings, BracketNumberingOnlyWhenNothingElse) {
  const auto h = Headings(
      "（一）总体情况\n本机关工作正常。\n（二）主动公开政府信息情况\n"
      "（三）收到和处理政府信息公开申请情况\n（四）政府信息公开行政复议、行政诉讼情况\n"
      "（五）存在的主要问题及改进情况\n（六）其他需要报告的事项\n");
  EXPECT_EQ(h, (std::array<int, kNumSections>{0, 2, 3, 4, 5, 6}));
  // With proper headings, bracketed sub-headings stay sub-headings.
  const auto h2 = Headings(
      "一、总体情况\n（二）依申请公开工作情况\n二、主动公开政府信息情况\n"
      "三、收到和处理政府信息公开申请情况\n（四）收到和处理政府信息公开申请情况\n");
  EXPECT_EQ(h2[2], 3);
}

TEST(TableRange, EndsAtTheNextHeadingAndNeverPastSectionFive) {
  std::array<int, kNumSections> h = {0, 5, 10, 20, 30, 40};
  EXPECT_EQ(TableRange(h, 1, 100).begin, 6u);
  EXPECT_EQ(TableRange(h, 1, 100).end, 10u);
  EXPECT_EQ(TableRange(h, 3, 100).end, 30u);
  h = {0, 5, -1, 20, -1, -1};
  EXPECT_EQ(TableRange(h, 2, 100).begin, 6u);  // the gap between 二 and 四
  EXPECT_EQ(TableRange(h, 2, 100).end, 20u);
  EXPECT_EQ(TableRange(h, 3, 100).end, 100u);
}

// ---- Title ----

TitleFacts Title(std::string_view text) {
  const NormalizedText n = Normalize(text);
  return ReadTitle(n.lines, n.lines.size());
}

TEST(ReadTitle, AgencyAndYearOnOneLine) {
  const TitleFacts t = Title("威海市工业和信息化局 2022 年政府信息公开工作年度报告\n");
  EXPECT_EQ(t.year, 2022);
  EXPECT_EQ(t.agency, "威海市工业和信息化局");
}

TEST(ReadTitle, AgencyOnTheLineAbove) {
  const TitleFacts t =
      Title("[bookmark: _Hlk1]威海临港经济技术开发区管理委员会\n2021年政府信息公开工作年度报告\n");
  EXPECT_EQ(t.year, 2021);
  EXPECT_EQ(t.agency, "威海临港经济技术开发区管理委员会");
}

TEST(ReadTitle, YearBeforeAgency) {
  const TitleFacts t = Title("2023年度示例市（区）民政局政府信息公开工作年度报告");
  EXPECT_EQ(t.year, 2023);
  EXPECT_EQ(t.agency, "示例市（区）民政局");
}

TEST(ReadTitle, StatisticsPeriodWhenTheTitleHasNoYear) {
  const TitleFacts t = Title(
      "示例局政府信息公开工作年度报告\n"
      "本报告中所列数据的统计期限自 2022 年 1 月 1 日起至 2022 年 12 月 31 日止。\n"
      "示例局\n2023年1月30日\n");
  EXPECT_EQ(t.year, 2022);
  EXPECT_EQ(t.agency, "示例局");
}

TEST(ReadTitle, BreadcrumbsAndFieldNamesAreNotTheAgency) {
  EXPECT_FALSE(Title("首页 > 政府信息公开 > 政府信息公开年报\n").agency.has_value());
  const TitleFacts t = Title("标题：示例县教育局2022年政府信息公开工作年度报告\n");
  EXPECT_EQ(t.agency, "示例县教育局");
  EXPECT_EQ(t.year, 2022);
}

TEST(ReadTitle, SignatureDateIsNotTheYear) {
  const TitleFacts t = Title("一、总体情况\n本局工作正常。\n示例局\n2023年1月30日\n");
  EXPECT_FALSE(t.year.has_value());
  EXPECT_FALSE(t.agency.has_value());
}

// ---- Format evidence ----

std::optional<report::Format> Fp(std::string_view text) {
  const NormalizedText n = Normalize(text);
  return Fingerprint(n.lines, 0, n.lines.size());
}

TEST(Fingerprint, Labels) {
  EXPECT_EQ(Fp("信息内容\t本年制发件数\t本年废止件数\t现行有效件数"), report::Format::k2021);
  EXPECT_EQ(Fp("信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量"), report::Format::k2019);
  EXPECT_EQ(Fp("(六) 其他处理\t0\t0\t0\t0\t0\t0\t0"), report::Format::k2019);
  EXPECT_EQ(Fp("1.申请人无正当理由逾期不补正\t0"), report::Format::k2021);
  EXPECT_FALSE(Fp("一、总体情况").has_value());
  // Prose never counts: "现行有效件数11件" in 总体情况.
  EXPECT_FALSE(Fp("截至2021年12月31日，现行有效件数11件。").has_value());
}

TEST(DeclaredFormat, CitedNotice) {
  auto d = [](std::string_view text) { return DeclaredFormat(Normalize(text).lines); };
  EXPECT_EQ(d("《年度报告格式》(国办公开办函〔2021〕30号)"), report::Format::k2021);
  EXPECT_EQ(d("国办公开办函〔2019〕60号"), report::Format::k2019);
  EXPECT_FALSE(d("某某〔2021〕30号文件").has_value());
}

}  // namespace
}  // namespace gk::ingest
