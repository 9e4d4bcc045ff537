#include "report_render/document.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <thread>
#include <vector>

#include "report_render/docx.h"
#include "report_render/html.h"
#include "report_render/pdf.h"
#include "report_render/render.h"
#include "report_render/test_util.h"
#include "report_render/xlsx.h"

namespace gk::report_render {
namespace {

TEST(DocumentTest, CleanText) {
  EXPECT_EQ(CleanText("政府信息\r\n公开\r年报"), "政府信息\n公开\n年报");
  EXPECT_EQ(CleanText(std::string("a\0b\x01\x7F"
                                  "c\td",
                                  9)),
            "abc\td");
  EXPECT_EQ(CleanText("\xFF\xC0\x80"
                      "x"),
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
            "x");
  EXPECT_EQ(CleanText("\xE4\xB8"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // cut sequence
  EXPECT_EQ(CleanText("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(CleanText("\xC2\x85"
                      "中"),
            "中");  // C1 control
  EXPECT_EQ(CleanText("𠮷"), "𠮷");
}

TEST(DocumentTest, Paragraphs) {
  EXPECT_EQ(Paragraphs("  第一段。\n\n\u3000\u3000第二段。\u3000\n \t \n第三段"),
            (std::vector<std::string>{"第一段。", "第二段。", "第三段"}));
  EXPECT_TRUE(Paragraphs(" \n\u3000\n").empty());
  EXPECT_TRUE(Paragraphs("").empty());
}

TEST(DocumentTest, NamesAndDates) {
  ReportDocument d = testing::Doc2021();
  EXPECT_EQ(AgencyName(d), "威海市工业和信息化局");
  d.agency_full_name = " ";
  d.report.agency = "威海市工信局";
  EXPECT_EQ(AgencyName(d), "威海市工信局");
  EXPECT_EQ(ChineseDate(Date::FromYmd(2023, 1, 30).value()), "2023年1月30日");
  EXPECT_EQ(SectionHeading(3), "四、政府信息公开行政复议、行政诉讼情况");
  EXPECT_EQ(SectionHeading(6), "");
  EXPECT_TRUE(CheckDocument(d).ok());
}

// Hostile text in every free field: all formats still render, and the
// markup formats stay well-formed.
TEST(DocumentTest, HostileTextRendersEverywhere) {
  ReportDocument d = testing::Doc2021();
  const std::string hostile = std::string("<script>alert(1)</script>]]>&amp;\"'\x01\xFF\n") +
                              "\u202E反向\u3000" + std::string(1, '\0') + "尾";
  d.title = "标题" + hostile;
  d.agency_full_name = "机关" + hostile;
  d.narrative.overview = hostile;
  d.narrative.overview_parts = {{hostile, hostile}};
  d.narrative.problems = hostile;
  d.narrative.other = hostile;
  d.charts.proactive_by_category = {{hostile, 3}, {"", 1}};

  Result<std::string> html = RenderHtmlFragment(d);
  ASSERT_TRUE(html.ok()) << html.status().message();
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_buffer(html->data(), html->size()));
  EXPECT_EQ(html->find("<script>"), std::string::npos);
  EXPECT_TRUE(RenderHtmlPage(d).ok());

  Result<std::string> docx = RenderDocx(d);
  ASSERT_TRUE(docx.ok()) << docx.status().message();
  const auto parts = testing::Unzip(*docx);
  for (const auto& [name, data] : parts) {
    if (!name.ends_with(".xml") && !name.ends_with(".rels")) continue;
    pugi::xml_document x;
    EXPECT_TRUE(x.load_buffer(data.data(), data.size())) << name;
  }
  Result<std::string> pdf = RenderPdf(d);
  EXPECT_TRUE(pdf.ok()) << pdf.status().message();
  Result<std::string> xlsx = RenderXlsx(d);
  EXPECT_TRUE(xlsx.ok()) << xlsx.status().message();
}

TEST(RenderTest, FormatsByName) {
  for (const char* name : {"html", "html-fragment", "docx", "pdf", "xlsx"}) {
    const std::optional<OutputFormat> f = ParseOutputFormat(name);
    ASSERT_TRUE(f) << name;
    EXPECT_EQ(OutputFormatName(*f), name);
  }
  EXPECT_FALSE(ParseOutputFormat("PDF"));
  EXPECT_FALSE(ParseOutputFormat("json"));  // report/json.h
  EXPECT_EQ(MediaType(OutputFormat::kPdf), "application/pdf");
  EXPECT_EQ(FileExtension(OutputFormat::kXlsx), ".xlsx");
  ReportDocument d = testing::Doc2021();
  EXPECT_EQ(FileName(d, OutputFormat::kDocx),
            "威海市工业和信息化局2022年政府信息公开工作年度报告.docx");
  d.title = "a/b\\c:d*e?f\"g<h>i|j";
  EXPECT_EQ(FileName(d, OutputFormat::kPdf), "abcdefghij.pdf");
}

TEST(RenderTest, EveryFormatRenders) {
  const ReportDocument d = testing::Doc2019();
  EXPECT_EQ(Render(d, OutputFormat::kHtml)->rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(Render(d, OutputFormat::kHtmlFragment)->rfind("<article", 0), 0u);
  EXPECT_EQ(Render(d, OutputFormat::kDocx)->substr(0, 2), "PK");
  EXPECT_EQ(Render(d, OutputFormat::kXlsx)->substr(0, 2), "PK");
  EXPECT_EQ(Render(d, OutputFormat::kPdf)->rfind("%PDF-", 0), 0u);
  ReportDocument bad = d;
  bad.title.clear();
  EXPECT_EQ(Render(bad, OutputFormat::kXlsx).status().code(), StatusCode::kInvalidArgument);
}

// The server renders from several threads at once: the bytes are the same as
// when rendered alone (pango's font map is per thread, libxlsxwriter writes
// to a private directory per call).
TEST(RenderTest, ConcurrentRendersGiveTheSameBytes) {
  const ReportDocument d = testing::Doc2021();
  const OutputFormat formats[] = {OutputFormat::kPdf, OutputFormat::kDocx, OutputFormat::kXlsx,
                                  OutputFormat::kHtml};
  std::vector<std::string> alone;
  for (OutputFormat f : formats) alone.push_back(Render(d, f).value());
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (OutputFormat f : formats) {
        Result<std::string> r = Render(d, f);
        got[t].push_back(r.ok() ? *r : r.status().message());
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const auto& g : got) {
    ASSERT_EQ(g.size(), alone.size());
    for (size_t i = 0; i < g.size(); ++i) {
      // Every format is deterministic (XLSX too: fixed creation date, and
      // libxlsxwriter dates zip entries 1980-01-01).
      EXPECT_TRUE(g[i] == alone[i]) << OutputFormatName(formats[i]);
    }
  }
}

}  // namespace
}  // namespace gk::report_render
