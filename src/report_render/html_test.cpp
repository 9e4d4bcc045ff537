#include "report_render/html.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "report_render/test_util.h"

namespace gk::report_render {
namespace {

using testing::Doc2019;
using testing::Doc2021;

// The fragment is well-formed XML (XHTML syntax), so pugixml reads it.
struct Parsed {
  pugi::xml_document doc;
  explicit Parsed(const std::string& html) {
    pugi::xml_parse_result r = doc.load_buffer(html.data(), html.size());
    EXPECT_TRUE(r) << r.description() << " at " << r.offset << ": "
                   << html.substr(static_cast<size_t>(std::max<ptrdiff_t>(0, r.offset - 80)), 160);
  }
  pugi::xml_node One(const std::string& xpath) const {
    return doc.select_node(xpath.c_str()).node();
  }
};

std::string Fragment(const ReportDocument& d) {
  Result<std::string> html = RenderHtmlFragment(d);
  EXPECT_TRUE(html.ok()) << html.status().message();
  return html.ok() ? *html : std::string();
}

std::string Text(pugi::xml_node n) { return n.text().get(); }

TEST(HtmlTest, Table3HeaderCells) {
  const Parsed p(Fragment(Doc2021()));
  const std::string t = "//table[@id='gk-table3']";
  EXPECT_EQ(Text(p.One(t + "/caption")), "三、收到和处理政府信息公开申请情况");
  pugi::xml_node applicants = p.One(t + "/thead/tr[1]/th[.='申请人情况']");
  ASSERT_TRUE(applicants);
  EXPECT_STREQ(applicants.attribute("scope").value(), "col");
  EXPECT_STREQ(applicants.attribute("colspan").value(), "6");
  pugi::xml_node total = p.One(t + "/thead/tr[1]/th[.='总计']");
  EXPECT_STREQ(total.attribute("rowspan").value(), "3");
  pugi::xml_node note = p.One(t + "/thead/tr[1]/td[@class='gk-note']");
  EXPECT_STREQ(note.attribute("rowspan").value(), "3");
  EXPECT_STREQ(note.attribute("colspan").value(), "3");
  EXPECT_STREQ(p.One(t + "/thead/tr[2]/th[.='自然人']").attribute("rowspan").value(), "2");
  pugi::xml_node legal = p.One(t + "/thead/tr[2]/th[.='法人或其他组织']");
  EXPECT_STREQ(legal.attribute("colspan").value(), "5");
  std::vector<std::string> third;
  for (pugi::xpath_node th : p.doc.select_nodes((t + "/thead/tr[3]/th").c_str())) {
    EXPECT_STREQ(th.node().attribute("scope").value(), "col");
    third.push_back(Text(th.node()));
  }
  EXPECT_EQ(third, (std::vector<std::string>{"商业企业", "科研机构", "社会公益组织", "法律服务机构",
                                             "其他"}));
  // Row groups.
  pugi::xml_node results = p.One(t + "/tbody/tr/th[.='三、本年度办理结果']");
  EXPECT_STREQ(results.attribute("scope").value(), "row");
  EXPECT_STREQ(results.attribute("rowspan").value(), "22");
  EXPECT_STREQ(p.One(t + "/tbody/tr/th[.='（三）不予公开']").attribute("rowspan").value(), "8");
  EXPECT_STREQ(p.One(t + "/tbody/tr/th[.='（五）不予处理']").attribute("rowspan").value(), "5");
  EXPECT_STREQ(p.One(t + "/tbody/tr/th[.='（六）其他处理']").attribute("rowspan").value(), "3");
  // The (二) row: its label and seven right-aligned figures.
  pugi::xml_node partial =
      p.One(t + "/tbody/tr[th='（二）部分公开（区分处理的，只计这一情形，不计其他情形）']");
  ASSERT_TRUE(partial);
  std::vector<std::string> figures;
  for (pugi::xpath_node td : partial.select_nodes("td[@class='gk-num']")) {
    figures.push_back(Text(td.node()));
  }
  EXPECT_EQ(figures, (std::vector<std::string>{"1", "0", "0", "0", "0", "0", "1"}));
}

TEST(HtmlTest, Table3Format2019HasOneOtherRow) {
  const Parsed p(Fragment(Doc2019()));
  const std::string t = "//table[@id='gk-table3']";
  EXPECT_STREQ(p.One(t + "/tbody/tr/th[.='三、本年度办理结果']").attribute("rowspan").value(),
               "20");
  pugi::xml_node other = p.One(t + "/tbody/tr/th[.='（六）其他处理']");
  EXPECT_STREQ(other.attribute("colspan").value(), "2");
  EXPECT_FALSE(other.attribute("rowspan"));
  EXPECT_FALSE(p.One(t + "//th[.='3.其他']"));
}

TEST(HtmlTest, Table2BlocksBlanksSignsAndMoney) {
  const Parsed p(Fragment(Doc2019()));
  const std::string t = "//table[@id='gk-table2']";
  EXPECT_EQ(p.doc.select_nodes((t + "/tbody").c_str()).size(), 5u);
  pugi::xml_node block = p.One(t + "/tbody[1]/tr[1]/th");
  EXPECT_EQ(Text(block), "第二十条第（一）项");
  EXPECT_STREQ(block.attribute("scope").value(), "rowgroup");
  EXPECT_STREQ(block.attribute("colspan").value(), "4");
  EXPECT_STREQ(p.One(t + "/tbody[1]/tr[2]/th[.='本年新制作数量']").attribute("scope").value(),
               "col");
  pugi::xml_node other = p.One(t + "//tr[th='其他对外管理服务事项']");
  ASSERT_TRUE(other);
  std::vector<std::string> cells;
  for (pugi::xpath_node td : other.select_nodes("td")) cells.push_back(Text(td.node()));
  EXPECT_EQ(cells, (std::vector<std::string>{"3", "+1", ""}));  // blank stays blank
  EXPECT_EQ(Text(p.One(t + "//tr[th='行政处罚']/td[2]")), "-1");
  pugi::xml_node amount = p.One(t + "//tr[th='政府集中采购']/td[2]");
  EXPECT_EQ(Text(amount), "146.2243");
  EXPECT_STREQ(amount.attribute("colspan").value(), "2");
  EXPECT_STREQ(amount.attribute("class").value(), "gk-num");
}

TEST(HtmlTest, NullCellsAreBlankNeverZero) {
  ReportDocument d = Doc2021();
  for (auto& row : d.report.section3->cells) {
    for (auto& c : row) c.reset();
  }
  d.report.section4->cells[1][2].reset();
  const Parsed p(Fragment(d));
  int blank = 0;
  for (pugi::xpath_node td : p.doc.select_nodes("//table[@id='gk-table3']/tbody//td")) {
    EXPECT_EQ(Text(td.node()), "");
    ++blank;
  }
  EXPECT_EQ(blank, 25 * 7);
  EXPECT_EQ(Text(p.One("//table[@id='gk-table4']/tbody/tr/td[8]")), "");
  EXPECT_EQ(Text(p.One("//table[@id='gk-table4']/tbody/tr/td[7]")), "0");
  // The charts from section 三 have nothing to show.
  EXPECT_FALSE(p.One("//figure[@aria-labelledby='gk-chart-outcomes-caption']"));
}

TEST(HtmlTest, Table4Header) {
  const Parsed p(Fragment(Doc2021()));
  const std::string t = "//table[@id='gk-table4']";
  EXPECT_STREQ(p.One(t + "/thead/tr[1]/th[.='行政复议']").attribute("colspan").value(), "5");
  EXPECT_STREQ(p.One(t + "/thead/tr[1]/th[.='行政诉讼']").attribute("colspan").value(), "10");
  EXPECT_STREQ(p.One(t + "/thead/tr[2]/th[.='结果维持']").attribute("rowspan").value(), "2");
  EXPECT_STREQ(p.One(t + "/thead/tr[2]/th[.='复议后起诉']").attribute("colspan").value(), "5");
  EXPECT_EQ(p.doc.select_nodes((t + "/thead/tr[3]/th").c_str()).size(), 10u);
  EXPECT_EQ(p.doc.select_nodes((t + "/tbody/tr/td").c_str()).size(), 15u);
}

TEST(HtmlTest, SectionsNarrativeAndEscaping) {
  const std::string html = Fragment(Doc2021());
  const Parsed p(html);
  EXPECT_STREQ(p.One("/article").attribute("lang").value(), "zh-CN");
  EXPECT_EQ(Text(p.One("//h1")), "威海市工业和信息化局2022年政府信息公开工作年度报告");
  std::vector<std::string> h2;
  for (pugi::xpath_node n : p.doc.select_nodes("//h2")) h2.push_back(Text(n.node()));
  EXPECT_EQ(h2, (std::vector<std::string>{
                    "一、总体情况", "二、主动公开政府信息情况",
                    "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
                    "五、存在的主要问题及改进情况", "六、其他需要报告的事项"}));
  EXPECT_EQ(Text(p.One("//h3[1]")), "（一）主动公开");
  EXPECT_TRUE(
      p.One("//p[.='收到线上依申请公开件3件，按期办结3件，未发生行政复议和行政诉讼案件。']"));
  EXPECT_TRUE(p.One("//p[.='严格落实信息发布审查制度 <审查> & “三审三校”。']"));
  EXPECT_NE(html.find("&lt;审查&gt; &amp;"), std::string::npos);
  EXPECT_TRUE(p.One("//p[.='二是政策解读形式较为单一。']"));
  EXPECT_EQ(Text(p.One("//footer/p[2]")), "2023年1月30日");
  EXPECT_FALSE(p.One("//p[@class='gk-draft']"));  // published
}

TEST(HtmlTest, ChartsAreAccessibleSvg) {
  const Parsed p(Fragment(Doc2021()));
  const auto figures = p.doc.select_nodes("//figure");
  ASSERT_EQ(figures.size(), 4u);
  for (pugi::xpath_node f : figures) {
    pugi::xml_node svg = f.node().child("svg");
    ASSERT_TRUE(svg);
    EXPECT_STREQ(svg.attribute("role").value(), "img");
    const std::string title_id = svg.child("title").attribute("id").value();
    const std::string desc_id = svg.child("desc").attribute("id").value();
    EXPECT_EQ(std::string(svg.attribute("aria-labelledby").value()), title_id + " " + desc_id);
    EXPECT_FALSE(std::string(svg.child("desc").text().get()).empty());
    EXPECT_STREQ(f.node().child("table").attribute("class").value(), "gk-visually-hidden");
  }
  pugi::xml_node outcomes =
      p.One("//svg[@aria-labelledby='gk-chart-outcomes-title gk-chart-outcomes-desc']");
  ASSERT_TRUE(outcomes);
  EXPECT_NE(std::string(outcomes.child("desc").text().get())
                .find("部分公开1件；不予公开0件；无法提供2件"),
            std::string::npos);
  // The trend chart sits in section 一, the outcomes in section 三.
  EXPECT_TRUE(
      p.One("//section[h2='一、总体情况']/figure//svg[@aria-labelledby='gk-chart-trend-title "
            "gk-chart-trend-desc']"));
  EXPECT_TRUE(
      p.One("//section[h2='三、收到和处理政府信息公开申请情况']/figure//"
            "svg[@aria-labelledby='gk-chart-outcomes-title gk-chart-outcomes-desc']"));
  // The hidden data table of the proactive chart.
  EXPECT_EQ(
      Text(p.One(
          "//figure[@aria-labelledby='gk-chart-proactive-caption']/table//tr[th='工作动态']/td")),
      "87");
}

TEST(HtmlTest, DraftAndMissingTables) {
  ReportDocument d = Doc2019();
  d.report.section4.reset();
  const Parsed p(Fragment(d));
  EXPECT_TRUE(p.One("//p[@class='gk-draft']"));
  EXPECT_FALSE(p.One("//table[@id='gk-table4']"));
  EXPECT_TRUE(
      p.One("//section[h2='四、政府信息公开行政复议、行政诉讼情况']/p[@class='gk-missing']"));
  // No trend or proactive data: those charts are omitted.
  EXPECT_EQ(p.doc.select_nodes("//figure").size(), 2u);
}

TEST(HtmlTest, StandalonePage) {
  Result<std::string> page = RenderHtmlPage(Doc2021());
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(page->rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">", 0), 0u);
  EXPECT_NE(page->find("<title>威海市工业和信息化局2022年政府信息公开工作年度报告</title>"),
            std::string::npos);
  EXPECT_NE(page->find(".gk-visually-hidden"), std::string::npos);
  EXPECT_NE(page->find("<main>"), std::string::npos);
}

TEST(HtmlTest, RefusesAReportWithoutTitle) {
  ReportDocument d = Doc2021();
  d.title = "  \n";
  Result<std::string> html = RenderHtmlFragment(d);
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.status().code(), StatusCode::kInvalidArgument);
  d = Doc2021();
  d.report.section2->cells.pop_back();
  EXPECT_FALSE(RenderHtmlPage(d).ok());
}

}  // namespace
}  // namespace gk::report_render
