#include "report_render/pdf.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "report_render/tables.h"
#include "report_render/test_util.h"

namespace gk::report_render {
namespace {

using testing::Doc2019;
using testing::Doc2021;
using testing::Lines;
using testing::Squeeze;

// poppler-utils is the independent reader here (scripts/deps.sh): a missing
// tool fails the tests.
class PdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(testing::HaveTool("pdftotext") && testing::HaveTool("pdfinfo") &&
                testing::HaveTool("pdffonts"))
        << "poppler-utils is required (scripts/deps.sh)";
  }
  // Renders the document and runs a poppler tool on it.
  std::string Tool(const std::string& tool, const ReportDocument& d, const std::string& args = "") {
    Result<std::string> pdf = RenderPdf(d);
    EXPECT_TRUE(pdf.ok()) << pdf.status().message();
    if (!pdf.ok()) return "";
    const std::filesystem::path path = dir_.path() / "report.pdf";
    testing::WriteFile(path, *pdf);
    bool ok = false;
    const std::string out = testing::Run(tool + " " + args + " '" + path.string() + "' " +
                                             (tool == "pdftotext" ? "-" : "") + " 2>&1",
                                         &ok);
    EXPECT_TRUE(ok) << tool << ": " << out;
    return out;
  }
  testing::TempDir dir_;
};

std::vector<std::string> Tokens(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  std::string t;
  while (in >> t) out.push_back(t);
  return out;
}

// The first n code points of a UTF-8 string.
std::string Prefix(std::string_view s, size_t n) {
  size_t i = 0;
  for (size_t k = 0; k < n && i < s.size(); ++k) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  return std::string(s.substr(0, i));
}

// Table 三 in the layout text: each data row, in printed order, on the line
// where its label starts, ends with its seven figures.
void ExpectTable3Rows(const std::string& text, const report::Report& r) {
  const std::vector<std::string> lines = Lines(text);
  size_t at = 0;
  while (at < lines.size() &&
         Squeeze(lines[at]).find("三、收到和处理政府信息公开申请情况") == std::string::npos) {
    ++at;
  }
  ASSERT_LT(at, lines.size()) << text;
  for (const report::Row3Spec& spec : report::Rows3(r.format)) {
    const std::string key = Squeeze(Prefix(spec.label, 5));
    size_t found = at;
    while (found < lines.size() && Squeeze(lines[found]).find(key) == std::string::npos) ++found;
    ASSERT_LT(found, lines.size()) << "row " << spec.key << " (" << key << ") not found in order\n"
                                   << text;
    const std::vector<std::string> tokens = Tokens(lines[found]);
    ASSERT_GE(tokens.size(), 8u) << lines[found];
    std::vector<std::string> expected, actual(tokens.end() - 7, tokens.end());
    for (int c = 0; c < report::kNumCols3; ++c) {
      expected.push_back(std::to_string(r.section3->at(spec.id, c).value()));
    }
    EXPECT_EQ(actual, expected) << spec.key << ": " << lines[found];
    at = found + 1;
  }
}

// Table 二: each row is its label followed by its printed (non-blank) figures.
void ExpectTable2Rows(const std::string& text, const report::Report& r) {
  const std::optional<Table> t = Table2(r);
  ASSERT_TRUE(t);
  const std::vector<std::string> lines = Lines(text);
  size_t at = 0;
  for (const TableRow& row : t->rows) {
    if (row.key.empty()) continue;
    std::vector<std::string> expected = {row.cells[0].text};
    for (size_t i = 1; i < row.cells.size(); ++i) {
      if (!row.cells[i].text.empty()) expected.push_back(row.cells[i].text);
    }
    bool matched = false;
    for (; at < lines.size() && !matched; ++at) matched = Tokens(lines[at]) == expected;
    EXPECT_TRUE(matched) << "row " << row.key
                         << " not found in order: " << ::testing::PrintToString(expected);
  }
}

TEST_F(PdfTest, A4WithMetadata) {
  const std::string info = Tool("pdfinfo", Doc2021());
  EXPECT_NE(info.find("(A4)"), std::string::npos) << info;
  EXPECT_NE(info.find("威海市工业和信息化局2022年政府信息公开工作年度报告"), std::string::npos)
      << info;
  EXPECT_NE(info.find("Creator:         Gongkai"), std::string::npos) << info;
}

TEST_F(PdfTest, CjkFontsAreEmbedded) {
  const std::string fonts = Tool("pdffonts", Doc2021());
  const std::vector<std::string> lines = Lines(fonts);
  int cjk = 0, checked = 0;
  for (size_t i = 2; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    ++checked;
    EXPECT_NE(lines[i].find(" yes yes yes "), std::string::npos)
        << "font not embedded as a subset with a Unicode map: " << lines[i];
    if (lines[i].find("CJK") != std::string::npos) ++cjk;
  }
  EXPECT_GT(checked, 0) << fonts;
  EXPECT_GE(cjk, 2) << fonts;  // serif (body, tables) and sans (headings)
}

TEST_F(PdfTest, Format2021TablesInRowOrder) {
  const ReportDocument d = Doc2021();
  const std::string text = Tool("pdftotext", d, "-layout -enc UTF-8");
  ExpectTable2Rows(text, d.report);
  ExpectTable3Rows(text, d.report);
  // Table 四: 15 figures on one line after its header.
  const std::vector<std::string> lines = Lines(text);
  bool four = false;
  for (const std::string& l : lines) {
    if (Tokens(l) == std::vector<std::string>(15, "0")) four = true;
  }
  EXPECT_TRUE(four) << text;
  // Labels whole in content order (the layout text interleaves wrapped cells).
  const std::string s = Squeeze(Tool("pdftotext", d, "-raw -enc UTF-8"));
  for (const char* label : {"一、总体情况", "第二十条第（一）项", "本年制发件数", "申请人情况",
                            "法人或其他组织", "社会公益组织", "行政复议", "未经复议直接起诉",
                            "复议后起诉", "五、存在的主要问题及改进情况",
                            "严格落实信息发布审查制度<审查>&“三审三校”。", "2023年1月30日"}) {
    EXPECT_NE(s.find(label), std::string::npos) << label;
  }
  EXPECT_EQ(s.find("草稿"), std::string::npos);  // published
}

TEST_F(PdfTest, Format2019TablesBlanksSignsAndMoney) {
  const ReportDocument d = Doc2019();
  const std::string text = Tool("pdftotext", d, "-layout -enc UTF-8");
  ExpectTable2Rows(text, d.report);  // 其他对外管理服务事项 3 +1 (blank), 政府集中采购 5 146.2243
  ExpectTable3Rows(text, d.report);
  EXPECT_EQ(Squeeze(text).find("3.其他"), std::string::npos);
}

TEST_F(PdfTest, TableHeaderRepeatsOnEveryPageOfTheTable) {
  const std::string text = Tool("pdftotext", Doc2021(), "-layout -enc UTF-8");
  std::vector<std::string> pages;
  for (size_t start = 0; start < text.size();) {
    const size_t ff = text.find('\f', start);
    pages.push_back(text.substr(start, ff == std::string::npos ? std::string::npos : ff - start));
    if (ff == std::string::npos) break;
    start = ff + 1;
  }
  int with_rows = 0;
  for (const std::string& page : pages) {
    const std::string s = Squeeze(page);
    bool rows = false;
    for (const report::Row3Spec& spec : report::Rows3(report::Format::k2021)) {
      if (spec.id == report::Row3::kTotal) continue;  // "总计" is also a header
      rows = rows || s.find(Squeeze(Prefix(spec.label, 6))) != std::string::npos;
    }
    if (!rows) continue;
    ++with_rows;
    EXPECT_NE(s.find("法人或其他组织"), std::string::npos) << page;
    EXPECT_NE(s.find("申请人情况"), std::string::npos) << page;
  }
  EXPECT_GE(with_rows, 2) << "table 三 should run over a page break in this sample";
}

TEST_F(PdfTest, SectionHeadingsStayWithTheirTables) {
  for (const ReportDocument& d : {Doc2021(), Doc2019()}) {
    const std::string text = Tool("pdftotext", d, "-raw -enc UTF-8");
    std::vector<std::string> pages;
    for (size_t start = 0; start < text.size();) {
      const size_t ff = text.find('\f', start);
      pages.push_back(
          Squeeze(text.substr(start, ff == std::string::npos ? std::string::npos : ff - start)));
      if (ff == std::string::npos) break;
      start = ff + 1;
    }
    const std::pair<const char*, const char*> pairs[] = {
        {"二、主动公开政府信息情况", "第二十条第（一）项"},
        {"三、收到和处理政府信息公开申请情况", "法人或其他组织"},
        {"四、政府信息公开行政复议、行政诉讼情况", "未经复议直接起诉"}};
    for (const auto& [heading, header] : pairs) {
      bool found = false;
      for (const std::string& page : pages) {
        if (page.find(heading) == std::string::npos) continue;
        found = true;
        EXPECT_NE(page.find(header), std::string::npos) << heading << " is cut from its table";
      }
      EXPECT_TRUE(found) << heading;
    }
  }
}

TEST_F(PdfTest, ChartsAreDrawnWhenThereIsData) {
  const std::string s21 = Squeeze(Tool("pdftotext", Doc2021(), "-enc UTF-8"));
  for (const char* title : {"政府信息公开申请办理结果", "本年新收政府信息公开申请的申请人类型",
                            "近五年政府信息公开工作情况", "主动公开政府信息分类情况", "工作动态"}) {
    EXPECT_NE(s21.find(title), std::string::npos) << title;
  }
  const std::string s19 = Squeeze(Tool("pdftotext", Doc2019(), "-enc UTF-8"));
  EXPECT_NE(s19.find("政府信息公开申请办理结果"), std::string::npos);
  EXPECT_EQ(s19.find("近五年政府信息公开工作情况"), std::string::npos);
  EXPECT_EQ(s19.find("主动公开政府信息分类情况"), std::string::npos);
}

TEST_F(PdfTest, DraftIsMarkedOnEveryPage) {
  const std::string text = Tool("pdftotext", Doc2019(), "-enc UTF-8");
  int pages = 0;
  for (size_t start = 0; start < text.size();) {
    const size_t ff = text.find('\f', start);
    const std::string page =
        text.substr(start, ff == std::string::npos ? std::string::npos : ff - start);
    if (!Squeeze(page).empty()) {
      ++pages;
      EXPECT_NE(page.find("草稿"), std::string::npos) << page;
    }
    if (ff == std::string::npos) break;
    start = ff + 1;
  }
  EXPECT_GE(pages, 2);
}

TEST(PdfRender, RefusesAReportWithoutTitle) {
  ReportDocument d = Doc2021();
  d.title.clear();
  Result<std::string> r = RenderPdf(d);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

TEST(PdfRender, Deterministic) {
  Result<std::string> a = RenderPdf(Doc2021());
  Result<std::string> b = RenderPdf(Doc2021());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(*a == *b);
}

TEST(PdfRender, MissingSectionsAndBlankCells) {
  ReportDocument d = Doc2021();
  d.report.section4.reset();
  d.report.section3->at(report::Row3::kGranted, 0).reset();
  Result<std::string> r = RenderPdf(d);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rfind("%PDF-", 0), 0u);
}

}  // namespace
}  // namespace gk::report_render
