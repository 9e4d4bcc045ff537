// The layouts of report-format.md §6 in every document format: each text
// fixture (traditional script, OCR damage, blanks, rows missing, the 2019
// template in a 2021 report, fees in 元, one cell per line, the seeds) is
// rebuilt as an HTML page, a DOCX and an XLSX — each tab-separated line a
// table row, every other line a paragraph — and must give the same tables,
// facts and findings as the text. Then the structures only a format has:
// DOCX gridSpan / vMerge / nested tables / text boxes, XLSX merged ranges,
// several sheets and shared rich text.
#include <gtest/gtest.h>

#include <sstream>

#include "ingest/docx_reader.h"
#include "ingest/flat_text.h"
#include "ingest/reader.h"
#include "ingest/test_util.h"
#include "ingest/xlsx_reader.h"
#include "report/json.h"
#include "report/validate.h"
#include "report_render/zip.h"

namespace gk::ingest {
namespace {

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> cells;
  size_t start = 0;
  for (;;) {
    const size_t tab = line.find('\t', start);
    cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return cells;
}

std::string Xml(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// Consecutive lines with tabs form one table.
template <typename Para, typename Row, typename Open, typename Close>
void Blocks(const std::string& text, Para para, Row row, Open open, Close close) {
  bool in_table = false;
  for (const std::string& line : SplitLines(text)) {
    const bool cells = line.find('\t') != std::string::npos;
    if (cells && !in_table) open();
    if (!cells && in_table) close();
    in_table = cells;
    if (cells) {
      row(SplitTabs(line));
    } else {
      para(line);
    }
  }
  if (in_table) close();
}

std::string ToHtml(const std::string& text) {
  std::string out = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n";
  Blocks(
      text, [&](const std::string& p) { out += "<p>" + Xml(p) + "</p>\n"; },
      [&](const std::vector<std::string>& cells) {
        out += "<tr>";
        for (const auto& c : cells) out += "<td>" + Xml(c) + "</td>";
        out += "</tr>\n";
      },
      [&] { out += "<table border=\"1\">\n"; }, [&] { out += "</table>\n"; });
  return out + "</body></html>\n";
}

std::string Zip(const std::vector<report_render::ZipPart>& parts) {
  auto z = report_render::ZipParts(parts, 0, "test");
  EXPECT_TRUE(z.ok());
  return z.ok() ? *z : "";
}

constexpr const char* kW =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string DocxOf(const std::string& body) {
  return Zip({{"word/document.xml",
               std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + kW +
                   "><w:body>" + body + "</w:body></w:document>"}});
}

std::string P(std::string_view s) { return "<w:p><w:r><w:t xml:space=\"preserve\">" + Xml(s) + "</w:t></w:r></w:p>"; }

std::string ToDocx(const std::string& text) {
  std::string body;
  Blocks(
      text, [&](const std::string& p) { body += P(p); },
      [&](const std::vector<std::string>& cells) {
        body += "<w:tr>";
        for (const auto& c : cells) body += "<w:tc>" + P(c) + "</w:tc>";
        body += "</w:tr>";
      },
      [&] { body += "<w:tbl>"; }, [&] { body += "</w:tbl>"; });
  return DocxOf(body);
}

std::string ColName(size_t c) {
  std::string s;
  for (++c; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  return s;
}

bool IsInteger(const std::string& s) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string SheetXml(const std::vector<std::vector<std::string>>& rows, const std::string& extra) {
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
  for (size_t r = 0; r < rows.size(); ++r) {
    x += "<row r=\"" + std::to_string(r + 1) + "\">";
    for (size_t c = 0; c < rows[r].size(); ++c) {
      const std::string ref = ColName(c) + std::to_string(r + 1);
      const std::string& v = rows[r][c];
      if (v.empty()) {
        x += "<c r=\"" + ref + "\"/>";
      } else if (IsInteger(v)) {
        x += "<c r=\"" + ref + "\"><v>" + v + "</v></c>";
      } else {
        x += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + Xml(v) + "</t></is></c>";
      }
    }
    x += "</row>";
  }
  return x + "</sheetData>" + extra + "</worksheet>";
}

std::string XlsxOf(const std::vector<std::string>& sheets, const std::string& shared = "") {
  std::string wb =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>";
  std::string rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  std::vector<report_render::ZipPart> parts;
  for (size_t i = 0; i < sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    wb += "<sheet name=\"S" + n + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n + "\" Target=\"worksheets/sheet" + n + ".xml\"/>";
    parts.push_back({"xl/worksheets/sheet" + n + ".xml", sheets[i]});
  }
  parts.push_back({"xl/workbook.xml", wb + "</sheets></workbook>"});
  parts.push_back({"xl/_rels/workbook.xml.rels", rels + "</Relationships>"});
  if (!shared.empty()) parts.push_back({"xl/sharedStrings.xml", shared});
  return Zip(parts);
}

std::string ToXlsx(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  for (const std::string& line : SplitLines(text)) rows.push_back(SplitTabs(line));
  return XlsxOf({SheetXml(rows, "")});
}

// Tables, title facts, fingerprint and findings as one comparable string.
std::string Summary(const report::Report& r) {
  report::Report copy = r;
  copy.source = {};
  std::string s = report::WriteReportJson(copy);
  for (const report::Finding& f : report::Validate(r)) {
    s += "\n" + f.code + " " + f.section + " " + f.row + " " + f.column;
  }
  return s;
}

TEST(Layouts, EveryFixtureReadsTheSameInEveryFormat) {
  const char* const fixtures[] = {
      "tests/data/ingest/blanks_2021.txt",         "tests/data/ingest/fees_in_yuan_2021.txt",
      "tests/data/ingest/ocr_noise_2021.txt",      "tests/data/ingest/one_cell_2021.txt",
      "tests/data/ingest/rows_missing_2021.txt",   "tests/data/ingest/sample_2019.txt",
      "tests/data/ingest/sample_2021.txt",         "tests/data/ingest/traditional_2021.txt",
      "tests/data/ingest/wrong_template_2021.txt", "tests/data/ingest/repeated_header_2021.txt",
      "tests/data/seeds/000.txt",
      "tests/data/seeds/001.txt",                  "tests/data/seeds/002.txt",
      "tests/data/seeds/003.txt",                  "tests/data/seeds/004.txt",
  };
  for (const char* name : fixtures) {
    SCOPED_TRACE(name);
    const std::string text = testing::LoadFile(name);
    auto want = ReadReportBytes(text, {});
    ASSERT_TRUE(want.ok()) << want.status().message();
    const std::string expected = Summary(*want);
    const std::pair<const char*, std::string> forms[] = {
        {"html", ToHtml(text)}, {"docx", ToDocx(text)}, {"xlsx", ToXlsx(text)}};
    for (const auto& [kind, bytes] : forms) {
      SCOPED_TRACE(kind);
      auto got = ReadReportBytes(bytes, {});
      ASSERT_TRUE(got.ok()) << got.status().message();
      EXPECT_EQ(got->source.kind, kind);
      EXPECT_EQ(Summary(*got), expected);
    }
  }
}

// Table 三 broken over a page: a page number, then its three header rows
// printed again before the rest of the rows.
TEST(Layouts, RepeatedHeaderAfterAPageBreak) {
  const std::string text = testing::LoadFile("tests/data/ingest/repeated_header_2021.txt");
  for (const std::string& bytes : {text, ToHtml(text), ToDocx(text), ToXlsx(text)}) {
    auto r = ReadReportBytes(bytes, {});
    ASSERT_TRUE(r.ok()) << r.status().message();
    SCOPED_TRACE(r->source.kind);
    testing::ExpectTablesEqual(
        *r, nlohmann::json::parse(testing::IngestData("sample_2021.expected.json")));
  }
}

// A page laid out with a table (navigation | content) and no report table
// in it: the content cell is read as paragraphs, so its headings are found.
TEST(Layouts, HtmlLayoutTableWithoutNestedTables) {
  std::string content;
  for (const std::string& line : SplitLines(testing::Seed("000.txt"))) {
    content += "<p>" + Xml(line) + "</p>";
  }
  const std::string page = "<html><body><table><tr><td><a href=\"/\">首页</a></td><td>" +
                           content + "</td></tr></table></body></html>";
  auto r = ReadReportBytes(page, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  for (bool found : r->document->has_section) EXPECT_TRUE(found);
  EXPECT_EQ(r->agency, "威海经济技术开发区管理委员会");
}

TEST(Layouts, WrongTemplateAndProseFiguresAreFoundInADocx) {
  std::string text = testing::LoadFile("tests/data/ingest/wrong_template_2021.txt");
  // The prose says 17 applications (table: 17 new, 2 carried over); make it
  // contradict both.
  const size_t at = text.find("共收到政府信息公开申请17件");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, std::string("共收到政府信息公开申请17件").size(), "共收到政府信息公开申请25件");
  auto r = ReadReportBytes(ToDocx(text), {});
  ASSERT_TRUE(r.ok());
  bool mismatch = false, text_table = false;
  for (const report::Finding& f : report::Validate(*r)) {
    mismatch = mismatch || f.code == "format_mismatch";
    text_table = text_table || f.code == "text_table_mismatch";
  }
  EXPECT_TRUE(mismatch);
  EXPECT_TRUE(text_table);
}

// Word's structures: the label column merged down (vMerge), a block row
// across the table (gridSpan), the whole report inside a layout table, a
// heading in a text box (with its VML fallback, read once), content controls.
TEST(Layouts, DocxMergedNestedAndTextBoxes) {
  auto tc = [](std::string_view text, std::string_view pr = "") {
    return "<w:tc><w:tcPr>" + std::string(pr) + "</w:tcPr>" + P(text) + "</w:tc>";
  };
  const std::string restart = "<w:vMerge w:val=\"restart\"/>", cont = "<w:vMerge/>";
  std::string t2 = "<w:tbl>";
  t2 += "<w:tr>" + tc("第二十条第（一）项", "<w:gridSpan w:val=\"4\"/>") + "</w:tr>";
  t2 += "<w:tr>" + tc("信息内容") + tc("本年制发件数") + tc("本年废止件数") + tc("现行有效件数") +
        "</w:tr>";
  t2 += "<w:tr>" + tc("规章") + tc("0") + tc("") + tc("0") + "</w:tr>";
  t2 += "<w:tr>" + tc("行政规范性文件") + tc("２") + tc("1") + tc("13") + "</w:tr>";
  t2 += "</w:tbl>";
  std::string t3 = "<w:tbl>";
  t3 += "<w:tr>" + tc("一、本年新收政府信息公开申请数量", "<w:gridSpan w:val=\"3\"/>");
  for (const char* v : {"5", "0", "0", "0", "0", "0", "5"}) t3 += tc(v);
  t3 += "</w:tr><w:tr>" + tc("三、本年度办理结果", restart) + tc("（一）予以公开", "<w:gridSpan w:val=\"2\"/>");
  for (const char* v : {"4", "0", "0", "0", "0", "0", "4"}) t3 += tc(v);
  t3 += "</w:tr><w:tr>" + tc("", cont) + tc("（三）不予公开", restart) + tc("1.属于国家秘密");
  for (const char* v : {"1", "0", "0", "0", "0", "0", "1"}) t3 += tc(v);
  t3 += "</w:tr><w:tr>" + tc("", cont) + tc("", cont) + tc("2.其他法律行政法规禁止公开");
  for (const char* v : {"0", "0", "0", "0", "0", "0", "0"}) t3 += tc(v);
  t3 += "</w:tr></w:tbl>";
  const std::string textbox =
      "<w:p><w:r><mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
      "<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx xmlns:wps=\"x\"><w:txbxContent>" +
      P("二、主动公开政府信息情况") +
      "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox "
      "xmlns:v=\"v\"><w:txbxContent>" +
      P("二、主动公开政府信息情况") + "</w:txbxContent></v:textbox></w:pict></mc:Fallback>"
      "</mc:AlternateContent></w:r></w:p>";
  const std::string inner = P("某市某局2022年政府信息公开工作年度报告") + P("一、总体情况") +
                            "<w:sdt><w:sdtContent>" + P("本年度工作有序开展。") +
                            "</w:sdtContent></w:sdt>" + textbox + t2 +
                            P("三、收到和处理政府信息公开申请情况") + t3 +
                            P("四、政府信息公开行政复议、行政诉讼情况");
  const std::string body = "<w:tbl><w:tr><w:tc>" + inner + "</w:tc></w:tr></w:tbl>";
  const std::string docx = DocxOf(body);
  auto text = DocxToText(docx);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->find("二、主动公开政府信息情况"), text->rfind("二、主动公开政府信息情况"))
      << "the VML fallback of a text box is not read twice";
  auto r = ReadReportBytes(docx, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->year, 2022);
  EXPECT_EQ(r->agency, "某市某局");
  EXPECT_TRUE(r->document->has_section[1]);
  const report::Format f = report::Format::k2021;
  ASSERT_TRUE(r->section2);
  EXPECT_EQ(*r->section2->Find(f, "normative_documents", "issued"), 2);
  EXPECT_FALSE(r->section2->Find(f, "rules", "repealed")->has_value());
  ASSERT_TRUE(r->section3);
  EXPECT_EQ(r->section3->at(report::Row3::kGranted, 6), 4);
  EXPECT_EQ(r->section3->at(report::Row3::kWithheldStateSecret, 0), 1);
  EXPECT_EQ(r->section3->at(report::Row3::kWithheldLawProhibited, 0), 0);
}

// A workbook with the title in the first sheet (merged across), section 二 in
// shared rich-text strings, and sections 三/四 on a second sheet whose label
// column is a merged range.
TEST(Layouts, XlsxSheetsMergesAndSharedStrings) {
  const std::string shared =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<si><r><t>某市某局2022年</t></r><r><t>政府信息公开工作年度报告</t></r>"
      "<rPh><t>ぼう</t></rPh></si>"
      "<si><t>行政规范性文件</t></si></sst>";
  const std::string sheet1 =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"/><c r=\"C1\"/><c r=\"D1\"/></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>二、主动公开政府信息情况</t></is></c></row>"
      "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>第二十条第（一）项</t></is></c></row>"
      "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>信息内容</t></is></c>"
      "<c r=\"B5\" t=\"inlineStr\"><is><t>本年制发件数</t></is></c>"
      "<c r=\"C5\" t=\"inlineStr\"><is><t>本年废止件数</t></is></c>"
      "<c r=\"D5\" t=\"inlineStr\"><is><t>现行有效件数</t></is></c></row>"
      "<row r=\"6\"><c r=\"A6\" t=\"s\"><v>1</v></c><c r=\"B6\"><v>2</v></c><c r=\"C6\"/>"
      "<c r=\"D6\"><f>B6+11</f><v>13</v></c></row>"
      "</sheetData><mergeCells count=\"2\"><mergeCell ref=\"A1:D1\"/><mergeCell ref=\"A4:D4\"/>"
      "</mergeCells></worksheet>";
  std::vector<std::vector<std::string>> rows = {
      {"三、收到和处理政府信息公开申请情况"},
      {"一、本年新收政府信息公开申请数量", "", "", "5", "0", "0", "0", "0", "0", "5"},
      {"三、本年度办理结果", "（一）予以公开", "", "4", "0", "0", "0", "0", "0", "4"},
      {"", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "", "1", "0", "0", "0",
       "0", "0", "1"},
      {"四、政府信息公开行政复议、行政诉讼情况"},
  };
  const std::string sheet2 = SheetXml(
      rows, "<mergeCells count=\"4\"><mergeCell ref=\"A2:C2\"/><mergeCell ref=\"A3:A4\"/>"
            "<mergeCell ref=\"B3:C3\"/><mergeCell ref=\"B4:C4\"/></mergeCells>");
  const std::string xlsx = XlsxOf({sheet1, sheet2}, shared);
  auto r = ReadReportBytes(xlsx, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->source.kind, "xlsx");
  EXPECT_EQ(r->year, 2022);
  EXPECT_EQ(r->agency, "某市某局");
  const report::Format f = report::Format::k2021;
  ASSERT_TRUE(r->section2);
  EXPECT_EQ(*r->section2->Find(f, "normative_documents", "issued"), 2);
  EXPECT_FALSE(r->section2->Find(f, "normative_documents", "repealed")->has_value());
  EXPECT_EQ(*r->section2->Find(f, "normative_documents", "in_force"), 13);
  ASSERT_TRUE(r->section3);
  EXPECT_EQ(r->section3->at(report::Row3::kNew, 6), 5);
  EXPECT_EQ(r->section3->at(report::Row3::kGranted, 0), 4);
  EXPECT_EQ(r->section3->at(report::Row3::kPartiallyGranted, 6), 1);
}

TEST(Layouts, DamagedOfficeFilesAreUnreadable) {
  EXPECT_FALSE(DocxToText(Zip({{"word/document.xml", "<w:document><w:body><w:p>"}})).ok());
  EXPECT_FALSE(DocxToText(Zip({{"word/other.xml", "<x/>"}})).ok());
  EXPECT_FALSE(XlsxToText(Zip({{"xl/workbook.xml", "<workbook><sheets/></workbook>"}})).ok());
  auto r = ReadReportBytes(Zip({{"mimetype", "application/epub+zip"}}), {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("neither DOCX nor XLSX"), std::string::npos);
}

}  // namespace
}  // namespace gk::ingest

namespace gk::ingest {
namespace {

TEST(FlatText, CellsParagraphsAndTables) {
  EXPECT_EQ(CellText("  a\tb\n c\xC2\xA0\xE3\x80\x80 "), "a b c");
  EXPECT_EQ(CellText("\xC2\xA0"), "");
  FlatText t;
  t.Paragraph(" 一、总体情况\n");
  t.Paragraph("   ");
  t.Row({"规章", "0", "", "0"});
  t.Row({"", ""});
  t.EndTable();
  t.EndTable();
  t.Paragraph("二、");
  EXPECT_EQ(t.text(), "一、总体情况\n规章\t0\t\t0\n\t\n\n二、\n");
}

TEST(Xlsx, FormulaWithoutCachedValueIsBlank) {
  const std::string sheet =
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>规章</t></is></c>"
      "<c r=\"B1\"><f>1+1</f></c><c r=\"C1\"><v>3</v></c><c r=\"D1\" t=\"b\"><v>1</v></c>"
      "<c r=\"E1\"><v>1.5E2</v></c></row></sheetData></worksheet>";
  auto t = SheetXmlToText(sheet, "");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(*t, "规章\t\t3\tTRUE\t150\n\n");
}

TEST(Docx, DocumentXmlAlone) {
  auto t = DocumentXmlToText(
      std::string("<w:document ") + kW + "><w:body>" + P("一、总体情况") +
      "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>1</w:t><w:br/><w:t>b</w:t></w:r>"
      "<w:del><w:r><w:delText>x</w:delText></w:r></w:del></w:p></w:body></w:document>");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(*t, "一、总体情况\na\t1\nb\n");
  EXPECT_FALSE(DocumentXmlToText("<w:document/>").ok());
}

}  // namespace
}  // namespace gk::ingest
