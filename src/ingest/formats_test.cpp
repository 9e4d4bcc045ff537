// Every document format reads back to the figures it was written with: the
// report rendered by report_render as HTML, DOCX, PDF and XLSX (2019 and 2021
// formats, blank cells, signed changes) is ingested again and compared cell
// by cell; the same report as UTF-8 text, UTF-16 text and a GB18030 page
// gives the same figures (docs/ingest.md).
#include <gtest/gtest.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <unicode/ucnv.h>

#include "core/text.h"
#include "ingest/docx_reader.h"
#include "ingest/html_reader.h"
#include "ingest/pdf_reader.h"
#include "ingest/reader.h"
#include "ingest/test_util.h"
#include "ingest/xlsx_reader.h"
#include "report/json.h"
#include "report_render/render.h"
#include "report_render/test_util.h"

namespace gk::ingest {
namespace {

namespace rt = report_render::testing;

// 2021 with blank cells (a blank detail and a blank total) beside figures.
report_render::ReportDocument Doc2021WithBlanks() {
  report_render::ReportDocument d = rt::Doc2021();
  d.report.section3->at(report::Row3::kNew, 2) = std::nullopt;  // research
  d.report.section3->at(report::Row3::kCarriedForward, 6) = std::nullopt;
  d.report.section2->Find(report::Format::k2021, "rules", "repealed")->reset();
  d.report.section4->cells[1][3] = std::nullopt;
  return d;
}

void ExpectSameFigures(const report::Report& got, const report::Report& want) {
  EXPECT_EQ(got.format, want.format);
  EXPECT_EQ(got.year, want.year);
  EXPECT_EQ(got.agency, want.agency);
  testing::ExpectTablesEqual(got, nlohmann::json::parse(report::WriteReportJson(want)));
}

struct FormatCase {
  report_render::OutputFormat format;
  const char* kind;
};
const FormatCase kFormats[] = {
    {report_render::OutputFormat::kHtml, "html"},
    {report_render::OutputFormat::kHtmlFragment, "html"},  // <article> without <html>
    {report_render::OutputFormat::kDocx, "docx"},
    {report_render::OutputFormat::kPdf, "pdf"},
    {report_render::OutputFormat::kXlsx, "xlsx"},
};

std::vector<std::string> Claims(const report::Report& r) {
  std::vector<std::string> out;
  for (const report::TextClaim& c : r.document->claims) {
    out.push_back(c.section + " " + c.row + " " + c.column + " " + std::to_string(c.value));
  }
  return out;
}

void RoundTrip(const report_render::ReportDocument& doc) {
  std::optional<std::vector<std::string>> page_claims;
  for (const FormatCase& fc : kFormats) {
    SCOPED_TRACE(fc.kind);
    auto bytes = report_render::Render(doc, fc.format);
    ASSERT_TRUE(bytes.ok()) << bytes.status().message();
    auto r = ReadReportBytes(*bytes, {});
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(r->source.kind, fc.kind);
    ExpectSameFigures(*r, doc.report);
    // The prose gives the same figures (W5) wherever it is printed; a
    // workbook has none.
    if (fc.format == report_render::OutputFormat::kXlsx) continue;
    if (!page_claims) {
      page_claims = Claims(*r);
    } else {
      EXPECT_EQ(Claims(*r), *page_claims);
    }
  }
}

TEST(RoundTrip, Format2021) { RoundTrip(rt::Doc2021()); }
TEST(RoundTrip, Format2021WithBlanks) { RoundTrip(Doc2021WithBlanks()); }
TEST(RoundTrip, Format2019SignedAndBlank) { RoundTrip(rt::Doc2019()); }

// The raw-order fallback alone finds the three tables of a PDF (a wrapped
// label may lose its row there: content order is not reading order, which is
// why word boxes come first).
TEST(RoundTrip, PdfRawOrderFallback) {
  const report_render::ReportDocument doc = rt::Doc2021();
  auto pdf = report_render::Render(doc, report_render::OutputFormat::kPdf);
  ASSERT_TRUE(pdf.ok());
  auto text = PdfToText(*pdf, PdfLayout::kRawOrder);
  ASSERT_TRUE(text.ok()) << text.status().message();
  auto r = ReadTextReport(*text, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_TRUE(r->section2 && r->section3 && r->section4);
  const report::Format f = report::Format::k2021;
  EXPECT_EQ(*r->section2->Find(f, "normative_documents", "in_force"), 13);
  EXPECT_EQ(*r->section2->Find(f, "fees", "amount_10k_yuan"), 0) << "chart labels dropped";
  EXPECT_EQ(r->section3->at(report::Row3::kNew, 6), 3);
  EXPECT_EQ(r->section3->at(report::Row3::kTotal, 6), 3);
  EXPECT_EQ(r->section4->cells[2][4], 0);
}

std::string ToGb18030(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err));
  out.resize(U_SUCCESS(err) ? static_cast<size_t>(n) : 0);
  return out;
}

std::string ToUtf16Le(std::string_view utf8) {
  std::string out = "\xFF\xFE";
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

TEST(Encodings, TextUtf16AndGb18030PageGiveTheSameFigures) {
  const report_render::ReportDocument doc = rt::Doc2019();
  auto html = report_render::Render(doc, report_render::OutputFormat::kHtml);
  ASSERT_TRUE(html.ok());
  // The page flattened to text is the plain-text form of the same report.
  auto text = HtmlToText(*html);
  ASSERT_TRUE(text.ok());

  auto utf8 = ReadReportBytes(*text, {});
  ASSERT_TRUE(utf8.ok()) << utf8.status().message();
  EXPECT_EQ(utf8->source.kind, "text");
  ExpectSameFigures(*utf8, doc.report);

  auto utf16 = ReadReportBytes(ToUtf16Le(*text), {});
  ASSERT_TRUE(utf16.ok()) << utf16.status().message();
  EXPECT_EQ(utf16->source.encoding, "utf-16le");
  ExpectSameFigures(*utf16, doc.report);

  std::string page = *html;
  const size_t meta = page.find("charset=\"utf-8\"");
  ASSERT_NE(meta, std::string::npos);
  page.replace(meta, 15, "charset=\"gb2312\"");
  auto gb = ReadReportBytes(ToGb18030(page), {});
  ASSERT_TRUE(gb.ok()) << gb.status().message();
  EXPECT_EQ(gb->source.kind, "html");
  EXPECT_EQ(gb->source.encoding, "gb18030");
  ExpectSameFigures(*gb, doc.report);
}

TEST(Html, DecodingFollowsTheBytesThenTheDeclaration) {
  const std::string gb_page = "<html><head><meta charset=\"gbk\"></head><body>" +
                              ToGb18030("二、主动公开") + "\xFF</body></html>";
  std::string enc;
  auto gb = DecodeHtml(gb_page, enc);
  ASSERT_TRUE(gb.ok());
  EXPECT_EQ(enc, "gb18030");
  EXPECT_NE(gb->find("二、主动公开"), std::string::npos) << "a stray byte does not lose the page";
  // A UTF-8 page that still declares gb2312.
  auto utf8 = DecodeHtml("<meta charset=gb2312><p>二、主动公开</p>", enc);
  ASSERT_TRUE(utf8.ok());
  EXPECT_EQ(enc, "utf-8");
  EXPECT_NE(utf8->find("二、主动公开"), std::string::npos);
}

TEST(Html, FragmentsAndTheExtensionHint) {
  const std::string fragment =
      "<div class=\"content\"><p>某县某局2022年政府信息公开工作年度报告</p>"
      "<p>二、主动公开政府信息情况</p><table><tr><td>第二十条第（一）项</td></tr>"
      "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
      "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>"
      "<tr><td>行政规范性文件</td><td>2</td><td>1</td><td>7</td></tr></table>"
      "<p>三、收到和处理政府信息公开申请情况</p></div>";
  auto r = ReadReportBytes(fragment, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->source.kind, "html");
  // One block tag only: the content is ambiguous, the name decides.
  const std::string thin =
      "<section>某县某局2022年政府信息公开工作年度报告<br>二、主动公开政府信息情况<br>"
      "三、收到和处理政府信息公开申请情况<br>四、政府信息公开行政复议、行政诉讼情况</section>";
  ReadOptions as_html;
  as_html.file_name = "reports/report.HTM";
  auto named = ReadReportBytes(thin, as_html);
  ASSERT_TRUE(named.ok()) << named.status().message();
  EXPECT_EQ(named->source.kind, "html");
  EXPECT_TRUE(named->document->has_section[1]);
  auto unnamed = ReadReportBytes(thin, {});
  ASSERT_TRUE(unnamed.ok() || unnamed.status().code() == StatusCode::kUnreadable);
  if (unnamed.ok()) {
    EXPECT_EQ(unnamed->source.kind, "text");
  }
}

TEST(Html, HostileNestingIsRefusedQuickly) {
  std::string divs = "<html><body>";
  for (int i = 0; i < 200000; ++i) divs += "<div>";
  std::string tables = "<html><body>";
  for (int i = 0; i < 100000; ++i) tables += "<table><tr><td>";
  for (const std::string& page : {divs, tables}) {
    auto r = HtmlToText(page);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kUnreadable);
  }
  // Real pages leave p, li, td, tr open by the thousand: not nesting.
  std::string sloppy = "<html><body><table>";
  for (int i = 0; i < 5000; ++i) sloppy += "<tr><td>规章<td>0<p>注<li>x<br>";
  EXPECT_TRUE(HtmlToText(sloppy + "</table></body></html>").ok());
}

TEST(Html, DeclaredCharset) {
  EXPECT_EQ(DeclaredHtmlCharset("<meta charset=\"GBK\">"), "gbk");
  EXPECT_EQ(DeclaredHtmlCharset(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" />"),
            "gb2312");
  EXPECT_EQ(DeclaredHtmlCharset("<html><body>无</body></html>"), "");
}

// A hand-written page the way government sites publish it: a layout table
// around the content, merged cells, full-width digits, a blank cell.
TEST(Html, LayoutTableSpansAndFullWidthDigits) {
  const std::string page = R"(<html><head><meta charset="utf-8"><title>x</title></head><body>
<table><tr><td><div>某县人民政府办公室2022年政府信息公开工作年度报告</div>
<p>一、总体情况</p><p>本年度收到申请５件。</p>
<p>二、主动公开政府信息情况</p>
<table border=1>
<tr><td colspan=4>第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>０</td><td>&nbsp;</td><td>０</td></tr>
<tr><td>行政规范性文件</td><td>２</td><td>１</td><td>１３</td></tr>
</table>
<p>三、收到和处理政府信息公开申请情况</p>
<table border=1>
<tr><td rowspan=3 colspan=3>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=6>申请人情况</td><td rowspan=3>总计</td></tr>
<tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan=3>一、本年新收政府信息公开申请数量</td><td>5</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td></tr>
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p>
<p>六、其他需要报告的事项</p></td></tr></table></body></html>)";
  auto r = ReadReportBytes(page, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->source.kind, "html");
  EXPECT_EQ(r->year, 2022);
  ASSERT_TRUE(r->section2);
  const report::Format f = report::Format::k2021;
  EXPECT_EQ(*r->section2->Find(f, "normative_documents", "in_force"), 13);
  EXPECT_FALSE(r->section2->Find(f, "rules", "repealed")->has_value());
  ASSERT_TRUE(r->section3);
  EXPECT_EQ(r->section3->at(report::Row3::kNew, 0), 5);
  EXPECT_EQ(r->section3->at(report::Row3::kNew, 6), 5);
  for (bool s : r->document->has_section) EXPECT_TRUE(s);
}

TEST(Docx, NotADocument) {
  EXPECT_FALSE(DocxToText("PK\x03\x04garbage").ok());
  EXPECT_FALSE(XlsxToText("not a zip").ok());
}

}  // namespace
}  // namespace gk::ingest

namespace gk::ingest {
namespace {

// A PDF laid out like Word's: figures centred in their columns, of different
// widths ("1,024" beside "0"), one blank in the middle of a row.
std::string CentredPdf() {
  std::string out;
  auto write = [](void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  };
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(write, &out, 595, 842);
  cairo_t* cr = cairo_create(surface);
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_from_string("Noto Sans CJK SC 9");
  pango_layout_set_font_description(layout, font);
  auto text = [&](double x, double y, const char* s, bool centre) {
    pango_layout_set_text(layout, s, -1);
    int w = 0, h = 0;
    pango_layout_get_pixel_size(layout, &w, &h);
    cairo_move_to(cr, centre ? x - w / 2.0 : x, y);
    pango_cairo_show_layout(cr, layout);
  };
  double y = 40;
  text(40, y, "某县某局2020年政府信息公开工作年度报告", false);
  text(40, y += 30, "二、主动公开政府信息情况", false);
  text(40, y += 24, "第二十条第（五）项", false);
  const double cols[] = {300, 390, 480};
  text(40, y += 20, "信息内容", false);
  text(cols[0], y, "上一年项目数量", true);
  text(cols[1], y, "本年增/减", true);
  text(cols[2], y, "处理决定数量", true);
  text(40, y += 20, "行政许可", false);
  text(cols[0], y, "12", true);
  text(cols[1], y, "+1", true);
  text(cols[2], y, "1,024", true);
  text(40, y += 20, "其他对外管理服务事项", false);
  text(cols[0], y, "3", true);
  text(cols[2], y, "5", true);
  text(40, y += 30, "三、收到和处理政府信息公开申请情况", false);
  text(40, y += 30, "四、政府信息公开行政复议、行政诉讼情况", false);
  text(40, y += 30, "五、存在的主要问题及改进情况", false);
  pango_font_description_free(font);
  g_object_unref(layout);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return out;
}

TEST(Pdf, CentredFiguresAndAMiddleBlank) {
  const std::string pdf = CentredPdf();
  ASSERT_EQ(pdf.substr(0, 5), "%PDF-");
  auto r = ReadReportBytes(pdf, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->source.kind, "pdf");
  EXPECT_EQ(r->year, 2020);
  ASSERT_TRUE(r->section2);
  const report::Format f = report::Format::k2019;
  EXPECT_EQ(r->format, f);
  EXPECT_EQ(*r->section2->Find(f, "licensing", "previous_items"), 12);
  EXPECT_EQ(*r->section2->Find(f, "licensing", "change"), 1);
  EXPECT_EQ(*r->section2->Find(f, "licensing", "decisions"), 1024);
  EXPECT_EQ(*r->section2->Find(f, "other_services", "previous_items"), 3);
  EXPECT_FALSE(r->section2->Find(f, "other_services", "change")->has_value());
  EXPECT_EQ(*r->section2->Find(f, "other_services", "decisions"), 5);
}

}  // namespace
}  // namespace gk::ingest
