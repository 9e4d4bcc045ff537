#include "report_render/tables.h"

#include <gtest/gtest.h>

#include "report_render/charts.h"
#include "report_render/test_util.h"

namespace gk::report_render {
namespace {

using testing::Doc2019;
using testing::Doc2021;

const PlacedCell* At(const std::vector<PlacedCell>& cells, int row, int col) {
  for (const PlacedCell& p : cells) {
    if (p.row == row && p.col == col) return &p;
  }
  return nullptr;
}

TEST(TablesTest, Table3HeaderFollowsTheOfficialLayout) {
  const std::optional<Table> t = Table3(Doc2021().report);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->columns, 10);
  EXPECT_EQ(t->header_rows(), 3);
  const std::vector<PlacedCell> cells = Place(*t);
  struct Expect {
    int row, col;
    const char* text;
    int rs, cs;
  };
  const Expect expected[] = {
      {0, 0, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3},
      {0, 3, "申请人情况", 1, 6},
      {0, 9, "总计", 3, 1},
      {1, 3, "自然人", 2, 1},
      {1, 4, "法人或其他组织", 1, 5},
      {2, 4, "商业企业", 1, 1},
      {2, 5, "科研机构", 1, 1},
      {2, 6, "社会公益组织", 1, 1},
      {2, 7, "法律服务机构", 1, 1},
      {2, 8, "其他", 1, 1},
  };
  for (const Expect& e : expected) {
    const PlacedCell* p = At(cells, e.row, e.col);
    ASSERT_NE(p, nullptr) << e.text;
    EXPECT_EQ(p->cell->text, e.text);
    EXPECT_EQ(p->cell->row_span, e.rs) << e.text;
    EXPECT_EQ(p->cell->col_span, e.cs) << e.text;
  }
}

TEST(TablesTest, Table3RowGroupsSpanTheirRows) {
  for (report::Format f : {report::Format::k2021, report::Format::k2019}) {
    report::Report r = f == report::Format::k2021 ? Doc2021().report : Doc2019().report;
    const std::optional<Table> t = Table3(r);
    ASSERT_TRUE(t);
    const int data_rows = f == report::Format::k2021 ? 25 : 23;
    ASSERT_EQ(static_cast<int>(t->rows.size()), 3 + data_rows);
    const std::vector<PlacedCell> cells = Place(*t);
    // 一、本年新收 spans the three label columns.
    const PlacedCell* first = At(cells, 3, 0);
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->cell->text, "一、本年新收政府信息公开申请数量");
    EXPECT_EQ(first->cell->col_span, 3);
    // 三、本年度办理结果 from （一）予以公开 to （七）总计.
    const PlacedCell* results = At(cells, 5, 0);
    ASSERT_NE(results, nullptr);
    EXPECT_EQ(results->cell->text, "三、本年度办理结果");
    EXPECT_EQ(results->cell->row_span, data_rows - 3);
    EXPECT_EQ(At(cells, 5, 1)->cell->text, "（一）予以公开");
    EXPECT_EQ(At(cells, 5, 1)->cell->col_span, 2);
    // （三）不予公开 over its eight numbered rows.
    const PlacedCell* withheld = At(cells, 7, 1);
    ASSERT_NE(withheld, nullptr);
    EXPECT_EQ(withheld->cell->text, "（三）不予公开");
    EXPECT_EQ(withheld->cell->row_span, 8);
    EXPECT_EQ(At(cells, 7, 2)->cell->text, "1.属于国家秘密");
    // （六）其他处理: three sub-rows in 2021, one row in 2019.
    const PlacedCell* other = At(cells, 23, 1);
    ASSERT_NE(other, nullptr);
    EXPECT_EQ(other->cell->text, "（六）其他处理");
    if (f == report::Format::k2021) {
      EXPECT_EQ(other->cell->row_span, 3);
      EXPECT_EQ(At(cells, 23, 2)->cell->text,
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
    } else {
      EXPECT_EQ(other->cell->col_span, 2);
    }
    // Every data row has its seven figures in columns 3…9.
    for (int row = 3; row < 3 + data_rows; ++row) {
      for (int col = 3; col < 10; ++col) {
        const PlacedCell* v = At(cells, row, col);
        ASSERT_NE(v, nullptr) << row << "," << col;
        EXPECT_EQ(v->cell->role, CellRole::kValue);
      }
    }
    const PlacedCell* last = At(cells, 3 + data_rows - 1, 0);
    ASSERT_NE(last, nullptr);
    EXPECT_EQ(last->cell->text, "四、结转下年度继续办理");
  }
}

TEST(TablesTest, TotalsCarryTheirSums) {
  const std::optional<Table> t = Table3(Doc2021().report);
  ASSERT_TRUE(t);
  const std::vector<PlacedCell> cells = Place(*t);
  // Row 一、本年新收: 总计 = sum of the six applicant columns.
  const TableCell* total = At(cells, 3, 9)->cell;
  EXPECT_EQ(total->value, 3);
  EXPECT_EQ(total->sum, TableCell::Sum::kRow);
  EXPECT_EQ(total->sum_from, 3);
  EXPECT_EQ(total->sum_to, 8);
  // （七）总计 = sum of the outcome rows (grid rows 5 … 25 in 2021).
  const TableCell* seventh = At(cells, 26, 3)->cell;
  EXPECT_EQ(seventh->value, 3);
  EXPECT_EQ(seventh->sum, TableCell::Sum::kColumn);
  EXPECT_EQ(seventh->sum_from, 5);
  EXPECT_EQ(seventh->sum_to, 25);
}

TEST(TablesTest, AWrongTotalIsPrintedAsReportedWithoutAFormula) {
  ReportDocument d = Doc2021();
  d.report.section3->at(report::Row3::kNew, report::kTotalCol) = 4;  // details sum to 3
  const std::optional<Table> t = Table3(d.report);
  const TableCell* total = At(Place(*t), 3, 9)->cell;
  EXPECT_EQ(total->text, "4");
  EXPECT_EQ(total->sum, TableCell::Sum::kNone);
}

TEST(TablesTest, Table2BlocksAndSpans) {
  const std::optional<Table> t21 = Table2(Doc2021().report);
  ASSERT_TRUE(t21);
  // 4 blocks × (article row + header row) + 6 data rows.
  EXPECT_EQ(t21->rows.size(), 14u);
  EXPECT_EQ(t21->rows[0].cells[0].text, "第二十条第（一）项");
  EXPECT_EQ(t21->rows[0].cells[0].col_span, 4);
  EXPECT_EQ(t21->rows[1].cells[1].text, "本年制发件数");
  EXPECT_EQ(t21->rows[3].cells[0].text, "行政规范性文件");
  EXPECT_EQ(t21->rows[3].cells[3].text, "13");
  EXPECT_EQ(t21->rows[5].cells[1].text, "本年处理决定数量");
  EXPECT_EQ(t21->rows[5].cells[1].col_span, 3);

  const std::optional<Table> t19 = Table2(Doc2019().report);
  ASSERT_TRUE(t19);
  // 5 blocks × 2 + 8 data rows.
  EXPECT_EQ(t19->rows.size(), 18u);
  const TableRow* other = nullptr;
  const TableRow* punishment = nullptr;
  const TableRow* procurement = nullptr;
  for (const TableRow& r : t19->rows) {
    if (r.key == "other_services") other = &r;
    if (r.key == "punishment") punishment = &r;
    if (r.key == "procurement") procurement = &r;
  }
  ASSERT_TRUE(other && punishment && procurement);
  EXPECT_EQ(other->cells[2].text, "+1");
  EXPECT_EQ(other->cells[3].text, "");  // blank, not 0
  EXPECT_FALSE(other->cells[3].value.has_value());
  EXPECT_EQ(punishment->cells[2].text, "-1");
  EXPECT_EQ(procurement->cells[2].text, "146.2243");
  EXPECT_EQ(procurement->cells[2].col_span, 2);
}

TEST(TablesTest, Table4) {
  const std::optional<Table> t = Table4(Doc2021().report);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->columns, 15);
  EXPECT_EQ(t->header_rows(), 3);
  const std::vector<PlacedCell> cells = Place(*t);
  EXPECT_EQ(At(cells, 0, 5)->cell->text, "行政诉讼");
  EXPECT_EQ(At(cells, 1, 5)->cell->text, "未经复议直接起诉");
  EXPECT_EQ(At(cells, 1, 4)->cell->row_span, 2);
  EXPECT_EQ(At(cells, 2, 14)->cell->text, "总计");
  EXPECT_EQ(At(cells, 3, 9)->cell->sum, TableCell::Sum::kRow);
  EXPECT_EQ(At(cells, 3, 9)->cell->sum_from, 5);
  EXPECT_EQ(At(cells, 3, 9)->cell->sum_to, 8);
}

TEST(TablesTest, MissingSectionsGiveNoTable) {
  report::Report r = Doc2021().report;
  r.section3.reset();
  EXPECT_FALSE(Table3(r));
  EXPECT_EQ(Tables(r).size(), 2u);
}

TEST(ChartsTest, ChartsFromTheReportAndTheirData) {
  const std::vector<Chart> charts = ReportCharts(Doc2021());
  ASSERT_EQ(charts.size(), 4u);
  EXPECT_EQ(charts[0].id, "outcomes");
  EXPECT_EQ(charts[0].categories.size(), 6u);
  EXPECT_EQ(charts[0].series[0].values[1], 1.0);  // 部分公开
  EXPECT_EQ(charts[0].series[0].values[3], 2.0);  // 无法提供
  EXPECT_EQ(charts[1].id, "applicants");
  EXPECT_EQ(charts[1].series[0].values[0], 3.0);
  EXPECT_EQ(charts[2].id, "trend");
  EXPECT_EQ(charts[2].categories.front(), "2018年");
  EXPECT_EQ(charts[3].id, "proactive");
  EXPECT_NE(ChartSummary(charts[0]).find("部分公开1件"), std::string::npos);

  // No chart data and an empty section 三: nothing to draw.
  ReportDocument d = Doc2019();
  EXPECT_EQ(ReportCharts(d).size(), 2u);
  d.report.section3.reset();
  EXPECT_TRUE(ReportCharts(d).empty());
}

TEST(ChartsTest, TrendKeepsTheLastFiveYearsAndSkipsBlanks) {
  ReportDocument d = Doc2021();
  d.charts.trend.push_back({2017, 9, 9});
  d.charts.trend[2].applications.reset();
  std::vector<Chart> charts = ReportCharts(d);
  const Chart* trend = nullptr;
  for (const Chart& c : charts) {
    if (c.id == "trend") trend = &c;
  }
  ASSERT_NE(trend, nullptr);
  EXPECT_EQ(trend->categories.front(), "2018年");
  EXPECT_EQ(trend->categories.size(), 5u);
  EXPECT_FALSE(trend->series[0].values[2].has_value());
  EXPECT_NE(ChartSummary(*trend).find("2020年无数据"), std::string::npos);
  const std::string svg = ChartSvg(*trend);
  EXPECT_EQ(svg.find("<svg"), 0u);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("<polyline"), std::string::npos);
}

}  // namespace
}  // namespace gk::report_render
