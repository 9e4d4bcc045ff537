#include "report_render/xlsx.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <string>

#include "report_render/test_util.h"

namespace gk::report_render {
namespace {

using testing::Doc2019;
using testing::Doc2021;

struct Workbook {
  std::map<std::string, std::string> parts;
  explicit Workbook(const ReportDocument& d) {
    Result<std::string> r = RenderXlsx(d);
    EXPECT_TRUE(r.ok()) << r.status().message();
    if (r.ok()) parts = testing::Unzip(*r);
  }
  // The worksheet XML of sheet n (1-based, in workbook order).
  pugi::xml_document Sheet(int n) const {
    pugi::xml_document doc;
    auto it = parts.find("xl/worksheets/sheet" + std::to_string(n) + ".xml");
    EXPECT_NE(it, parts.end()) << n;
    if (it != parts.end()) {
      EXPECT_TRUE(doc.load_buffer(it->second.data(), it->second.size()));
    }
    return doc;
  }
};

pugi::xml_node CellAt(const pugi::xml_document& sheet, const std::string& ref) {
  return sheet.select_node(("//c[@r='" + ref + "']").c_str()).node();
}

bool Merged(const pugi::xml_document& sheet, const std::string& range) {
  return bool(sheet.select_node(("//mergeCell[@ref='" + range + "']").c_str()));
}

TEST(XlsxTest, SheetsAndCharts) {
  Workbook w(Doc2021());
  ASSERT_FALSE(w.parts.empty());
  const std::string& book = w.parts["xl/workbook.xml"];
  for (const char* name : {kSheet2, kSheet3, kSheet4, kChartSheet}) {
    EXPECT_NE(book.find(std::string("name=\"") + name + "\""), std::string::npos) << name;
  }
  // Outcomes, applicants, trend and proactive: four native charts.
  for (int i = 1; i <= 4; ++i) {
    EXPECT_TRUE(w.parts.count("xl/charts/chart" + std::to_string(i) + ".xml")) << i;
  }
  EXPECT_NE(w.parts["xl/charts/chart3.xml"].find("<c:lineChart>"), std::string::npos);
  EXPECT_NE(w.parts["xl/charts/chart1.xml"].find("<c:barChart>"), std::string::npos);
  // The 2019 sample has no trend or proactive data: two charts.
  Workbook w19(Doc2019());
  EXPECT_TRUE(w19.parts.count("xl/charts/chart2.xml"));
  EXPECT_FALSE(w19.parts.count("xl/charts/chart3.xml"));
}

TEST(XlsxTest, Table3MergedHeaderAndTotalFormulas) {
  Workbook w(Doc2021());
  const pugi::xml_document s = w.Sheet(2);
  // Grid from row 4: the header of three rows.
  EXPECT_TRUE(Merged(s, "A4:C6"));    // 勾稽关系 note
  EXPECT_TRUE(Merged(s, "D4:I4"));    // 申请人情况
  EXPECT_TRUE(Merged(s, "J4:J6"));    // 总计
  EXPECT_TRUE(Merged(s, "D5:D6"));    // 自然人
  EXPECT_TRUE(Merged(s, "E5:I5"));    // 法人或其他组织
  EXPECT_TRUE(Merged(s, "A7:C7"));    // 一、本年新收…
  EXPECT_TRUE(Merged(s, "A9:A30"));   // 三、本年度办理结果 over 22 rows
  EXPECT_TRUE(Merged(s, "B11:B18"));  // （三）不予公开
  // 总计 column of 一、本年新收: SUM of the six applicant columns, cached 3.
  pugi::xml_node total = CellAt(s, "J7");
  EXPECT_STREQ(total.child("f").text().get(), "SUM(D7:I7)");
  EXPECT_STREQ(total.child("v").text().get(), "3");
  // （七）总计 (row 30): SUM of the outcome rows 9…29.
  pugi::xml_node seventh = CellAt(s, "D30");
  EXPECT_STREQ(seventh.child("f").text().get(), "SUM(D9:D29)");
  EXPECT_STREQ(seventh.child("v").text().get(), "3");
  EXPECT_STREQ(CellAt(s, "J30").child("f").text().get(), "SUM(J9:J29)");
  // Frozen below the header.
  EXPECT_STREQ(s.select_node("//pane").node().attribute("topLeftCell").value(), "A7");
}

TEST(XlsxTest, Table4TotalsAndTable2Blanks) {
  Workbook w(Doc2019());
  const pugi::xml_document s4 = w.Sheet(3);
  EXPECT_TRUE(Merged(s4, "A4:E4"));
  EXPECT_TRUE(Merged(s4, "F4:O4"));
  EXPECT_TRUE(Merged(s4, "A5:A6"));
  EXPECT_STREQ(CellAt(s4, "E7").child("f").text().get(), "SUM(A7:D7)");
  EXPECT_STREQ(CellAt(s4, "O7").child("f").text().get(), "SUM(K7:N7)");

  const pugi::xml_document s2 = w.Sheet(1);
  // Rows: 4 block (一), 5 header, 6 规章, 7 规范性文件, 8 block (五), 9 header,
  // 10 行政许可, 11 其他对外管理服务事项: 3, +1, blank.
  EXPECT_TRUE(Merged(s2, "A4:D4"));
  pugi::xml_node blank = CellAt(s2, "D11");
  ASSERT_TRUE(blank);  // styled, but no value
  EXPECT_FALSE(blank.child("v"));
  EXPECT_STREQ(CellAt(s2, "C11").child("v").text().get(), "1");
  // 政府集中采购 (row 21): the amount in 万元 across two merged columns.
  EXPECT_TRUE(Merged(s2, "C21:D21"));
  EXPECT_STREQ(CellAt(s2, "C21").child("v").text().get(), "146.2243");
}

TEST(XlsxTest, ChartDataFollowsTable3) {
  Workbook w(Doc2021());
  const pugi::xml_document s = w.Sheet(4);
  // Outcomes: row 3 予以公开 … row 8 其他处理; 无法提供 sums the 总计 of rows 19…21.
  EXPECT_STREQ(CellAt(s, "B3").child("f").text().get(), "SUM('三、依申请公开'!J9)");
  EXPECT_STREQ(CellAt(s, "B6").child("f").text().get(),
               "SUM('三、依申请公开'!J19,'三、依申请公开'!J20,'三、依申请公开'!J21)");
  EXPECT_STREQ(CellAt(s, "B6").child("v").text().get(), "2");
  // Trend figures are plain numbers (not in any table).
  bool trend = false;
  for (pugi::xpath_node c : s.select_nodes("//c[v='141']")) trend = trend || !c.node().child("f");
  EXPECT_TRUE(trend);
}

TEST(XlsxTest, AWrongTotalIsWrittenAsAFigure) {
  ReportDocument d = Doc2021();
  d.report.section3->at(report::Row3::kNew, report::kTotalCol) = 5;
  Workbook w(d);
  const pugi::xml_document s = w.Sheet(2);
  EXPECT_FALSE(CellAt(s, "J7").child("f"));
  EXPECT_STREQ(CellAt(s, "J7").child("v").text().get(), "5");
}

}  // namespace
}  // namespace gk::report_render
