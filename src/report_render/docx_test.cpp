#include "report_render/docx.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "report_render/test_util.h"

namespace gk::report_render {
namespace {

using testing::Doc2019;
using testing::Doc2021;

std::optional<std::string> ReadPart(const std::string& bytes, const char* name) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  zip_t* za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err) : nullptr;
  zip_error_fini(&err);
  if (za == nullptr) {
    if (src) zip_source_free(src);
    return std::nullopt;
  }
  std::optional<std::string> out;
  zip_stat_t st;
  if (zip_stat(za, name, 0, &st) == 0) {
    if (zip_file_t* f = zip_fopen(za, name, 0)) {
      std::string data(st.size, '\0');
      if (zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size)) out = data;
      zip_fclose(f);
    }
  }
  zip_discard(za);
  return out;
}

struct Docx {
  std::string bytes;
  pugi::xml_document doc;
  explicit Docx(const ReportDocument& d) {
    Result<std::string> r = RenderDocx(d);
    EXPECT_TRUE(r.ok()) << r.status().message();
    if (!r.ok()) return;
    bytes = *r;
    std::optional<std::string> xml = ReadPart(bytes, "word/document.xml");
    EXPECT_TRUE(xml);
    if (xml) {
      EXPECT_TRUE(doc.load_buffer(xml->data(), xml->size()));
    }
  }
};

std::string CellText(pugi::xml_node tc) {
  std::string out;
  for (pugi::xpath_node t : tc.select_nodes(".//w:t")) out += t.node().text().get();
  return out;
}

// The tables of the document: w:tbl in order.
std::vector<pugi::xml_node> Tables(const pugi::xml_document& doc) {
  std::vector<pugi::xml_node> out;
  for (pugi::xpath_node t : doc.select_nodes("//w:tbl")) out.push_back(t.node());
  return out;
}

TEST(DocxTest, PackageParts) {
  Docx d(Doc2021());
  EXPECT_EQ(d.bytes.substr(0, 2), "PK");
  for (const char* part :
       {"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml",
        "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml",
        "word/_rels/document.xml.rels"}) {
    std::optional<std::string> xml = ReadPart(d.bytes, part);
    ASSERT_TRUE(xml) << part;
    pugi::xml_document x;
    EXPECT_TRUE(x.load_buffer(xml->data(), xml->size())) << part;
  }
  EXPECT_FALSE(ReadPart(d.bytes, "word/header1.xml"));  // published: no draft header
  Docx draft(Doc2019());
  std::optional<std::string> header = ReadPart(draft.bytes, "word/header1.xml");
  ASSERT_TRUE(header);
  EXPECT_NE(header->find("草稿"), std::string::npos);
  // Deterministic.
  EXPECT_EQ(*RenderDocx(Doc2021()), d.bytes);
}

TEST(DocxTest, HeadingsNarrativeAndSignature) {
  Docx d(Doc2021());
  std::vector<std::string> h1;
  for (pugi::xpath_node p : d.doc.select_nodes("//w:p[w:pPr/w:pStyle/@w:val='Heading1']")) {
    h1.push_back(CellText(p.node()));
  }
  EXPECT_EQ(h1, (std::vector<std::string>{
                    "一、总体情况", "二、主动公开政府信息情况",
                    "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
                    "五、存在的主要问题及改进情况", "六、其他需要报告的事项"}));
  EXPECT_EQ(CellText(d.doc.select_node("//w:p[w:pPr/w:pStyle/@w:val='Title']").node()),
            "威海市工业和信息化局2022年政府信息公开工作年度报告");
  EXPECT_TRUE(
      d.doc.select_node("//w:p[w:pPr/w:pStyle/@w:val='Heading2'][w:r/w:t='（三）政府信息管理']"));
  EXPECT_TRUE(d.doc.select_node("//w:t[.='严格落实信息发布审查制度 <审查> & “三审三校”。']"));
  EXPECT_TRUE(
      d.doc.select_node("//w:p[w:pPr/w:pStyle/@w:val='GkSignature'][w:r/w:t='2023年1月30日']"));
}

TEST(DocxTest, FontsAreWordNamesWithEastAsiaAndFallbacks) {
  Docx d(Doc2021());
  std::optional<std::string> styles = ReadPart(d.bytes, "word/styles.xml");
  ASSERT_TRUE(styles);
  pugi::xml_document s;
  ASSERT_TRUE(s.load_buffer(styles->data(), styles->size()));
  auto east_asia = [&](const char* id) {
    const std::string xpath = std::string("//w:style[@w:styleId='") + id + "']/w:rPr/w:rFonts";
    return std::string(s.select_node(xpath.c_str()).node().attribute("w:eastAsia").value());
  };
  EXPECT_EQ(east_asia("GkBody"), "仿宋_GB2312");
  EXPECT_EQ(east_asia("Heading1"), "黑体");
  EXPECT_EQ(east_asia("Title"), "宋体");
  EXPECT_EQ(east_asia("GkTable"), "宋体");
  EXPECT_EQ(std::string(
                s.select_node("//w:docDefaults//w:rFonts").node().attribute("w:eastAsia").value()),
            "仿宋_GB2312");
  std::optional<std::string> fonts = ReadPart(d.bytes, "word/fontTable.xml");
  ASSERT_TRUE(fonts);
  pugi::xml_document f;
  ASSERT_TRUE(f.load_buffer(fonts->data(), fonts->size()));
  EXPECT_STREQ(
      f.select_node("//w:font[@w:name='仿宋_GB2312']/w:altName").node().attribute("w:val").value(),
      "FangSong");
  EXPECT_STREQ(
      f.select_node("//w:font[@w:name='黑体']/w:altName").node().attribute("w:val").value(),
      "SimHei");
  EXPECT_STREQ(
      f.select_node("//w:font[@w:name='宋体']/w:altName").node().attribute("w:val").value(),
      "SimSun");
}

TEST(DocxTest, Table3MergedHeadersAndRowGroups) {
  Docx d(Doc2021());
  const std::vector<pugi::xml_node> tables = Tables(d.doc);
  ASSERT_EQ(tables.size(), 3u);
  const pugi::xml_node t3 = tables[1];
  EXPECT_EQ(t3.select_nodes("w:tblGrid/w:gridCol").size(), 10u);
  const auto rows = t3.select_nodes("w:tr");
  ASSERT_EQ(rows.size(), 3u + 25u);
  // Header rows repeat on each page.
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_TRUE(rows[i].node().child("w:trPr").child("w:tblHeader")) << i;
  }
  EXPECT_FALSE(rows[3].node().child("w:trPr").child("w:tblHeader"));
  // Row 1: note (gridSpan 3, vMerge restart), 申请人情况 (gridSpan 6), 总计 (restart).
  const auto r1 = rows[0].node().select_nodes("w:tc");
  ASSERT_EQ(r1.size(), 3u);
  EXPECT_STREQ(r1[0].node().child("w:tcPr").child("w:gridSpan").attribute("w:val").value(), "3");
  EXPECT_STREQ(r1[0].node().child("w:tcPr").child("w:vMerge").attribute("w:val").value(),
               "restart");
  EXPECT_EQ(CellText(r1[1].node()), "申请人情况");
  EXPECT_STREQ(r1[1].node().child("w:tcPr").child("w:gridSpan").attribute("w:val").value(), "6");
  EXPECT_EQ(CellText(r1[2].node()), "总计");
  // Row 2: note continues, 自然人 restart, 法人或其他组织 gridSpan 5, 总计 continues.
  const auto r2 = rows[1].node().select_nodes("w:tc");
  ASSERT_EQ(r2.size(), 4u);
  EXPECT_TRUE(r2[0].node().child("w:tcPr").child("w:vMerge"));
  EXPECT_FALSE(r2[0].node().child("w:tcPr").child("w:vMerge").attribute("w:val"));
  EXPECT_EQ(CellText(r2[0].node()), "");
  EXPECT_EQ(CellText(r2[1].node()), "自然人");
  EXPECT_EQ(CellText(r2[2].node()), "法人或其他组织");
  EXPECT_STREQ(r2[2].node().child("w:tcPr").child("w:gridSpan").attribute("w:val").value(), "5");
  // Row 3: five legal-person columns between the continued merges.
  const auto r3 = rows[2].node().select_nodes("w:tc");
  ASSERT_EQ(r3.size(), 8u);
  EXPECT_EQ(CellText(r3[2].node()), "商业企业");
  EXPECT_EQ(CellText(r3[6].node()), "其他");
  // （三）不予公开 opens a vertical merge over its 8 rows.
  const auto secret = rows[7].node().select_nodes("w:tc");
  EXPECT_EQ(CellText(secret[1].node()), "（三）不予公开");
  EXPECT_STREQ(secret[1].node().child("w:tcPr").child("w:vMerge").attribute("w:val").value(),
               "restart");
  EXPECT_EQ(CellText(secret[2].node()), "1.属于国家秘密");
  const auto next = rows[8].node().select_nodes("w:tc");
  EXPECT_TRUE(next[0].node().child("w:tcPr").child("w:vMerge"));  // 三、本年度办理结果
  EXPECT_TRUE(next[1].node().child("w:tcPr").child("w:vMerge"));  // （三）不予公开
  EXPECT_EQ(CellText(next[2].node()), "2.其他法律行政法规禁止公开");
  // Every row covers the ten grid columns.
  for (size_t i = 0; i < rows.size(); ++i) {
    int span = 0;
    for (pugi::xpath_node tc : rows[i].node().select_nodes("w:tc")) {
      pugi::xml_attribute g = tc.node().child("w:tcPr").child("w:gridSpan").attribute("w:val");
      span += g ? g.as_int() : 1;
    }
    EXPECT_EQ(span, 10) << "row " << i;
  }
  // Figures right-aligned: the （二） row.
  const auto partial = rows[6].node().select_nodes("w:tc");
  EXPECT_EQ(CellText(partial[partial.size() - 7].node()), "1");
  EXPECT_STREQ(partial[partial.size() - 7]
                   .node()
                   .child("w:p")
                   .child("w:pPr")
                   .child("w:jc")
                   .attribute("w:val")
                   .value(),
               "right");
}

TEST(DocxTest, Format2019TablesAndBlanks) {
  Docx d(Doc2019());
  const std::vector<pugi::xml_node> tables = Tables(d.doc);
  ASSERT_EQ(tables.size(), 3u);
  EXPECT_EQ(tables[1].select_nodes("w:tr").size(), 3u + 23u);
  // 其他对外管理服务事项: 3, +1 and a blank cell (no text, not 0).
  pugi::xml_node row =
      tables[0].select_node("w:tr[w:tc/w:p/w:r/w:t='其他对外管理服务事项']").node();
  ASSERT_TRUE(row);
  const auto tcs = row.select_nodes("w:tc");
  ASSERT_EQ(tcs.size(), 4u);
  EXPECT_EQ(CellText(tcs[1].node()), "3");
  EXPECT_EQ(CellText(tcs[2].node()), "+1");
  EXPECT_EQ(CellText(tcs[3].node()), "");
  pugi::xml_node procurement =
      tables[0].select_node("w:tr[w:tc/w:p/w:r/w:t='政府集中采购']").node();
  const auto p = procurement.select_nodes("w:tc");
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(CellText(p[2].node()), "146.2243");
  EXPECT_STREQ(p[2].node().child("w:tcPr").child("w:gridSpan").attribute("w:val").value(), "2");
}

TEST(DocxTest, ChartsArePicturesWithTextAlternatives) {
  Docx d(Doc2021());
  const auto parts = testing::Unzip(d.bytes);
  std::optional<std::string> rels = ReadPart(d.bytes, "word/_rels/document.xml.rels");
  ASSERT_TRUE(rels);
  pugi::xml_document r;
  ASSERT_TRUE(r.load_buffer(rels->data(), rels->size()));
  const auto pictures = d.doc.select_nodes("//w:drawing/wp:inline");
  ASSERT_EQ(pictures.size(), 4u);  // outcomes, applicants, trend, proactive
  for (pugi::xpath_node p : pictures) {
    const std::string descr = p.node().child("wp:docPr").attribute("descr").value();
    EXPECT_NE(descr.find("（单位："), std::string::npos) << descr;
    const std::string id = p.node().select_node(".//a:blip").node().attribute("r:embed").value();
    const std::string target = r.select_node(("//Relationship[@Id='" + id + "']").c_str())
                                   .node()
                                   .attribute("Target")
                                   .value();
    ASSERT_FALSE(target.empty()) << id;
    auto part = parts.find("word/" + target);
    ASSERT_NE(part, parts.end()) << target;
    EXPECT_EQ(part->second.substr(0, 8), "\x89PNG\r\n\x1a\n") << target;
  }
  EXPECT_NE(d.doc.select_node("//wp:docPr[@name='政府信息公开申请办理结果']")
                .node()
                .attribute("descr")
                .as_string(),
            std::string());
  std::optional<std::string> types = ReadPart(d.bytes, "[Content_Types].xml");
  EXPECT_NE(types->find("Extension=\"png\""), std::string::npos);
  // Without chart data (and with section 三 all zero) no picture at all.
  ReportDocument none = Doc2019();
  none.report.section3.reset();
  Docx n(none);
  EXPECT_EQ(n.doc.select_nodes("//w:drawing").size(), 0u);
  EXPECT_FALSE(ReadPart(n.bytes, "word/media/chart1.png"));
}

TEST(DocxTest, RefusesAReportWithoutAgency) {
  ReportDocument d = Doc2021();
  d.agency_full_name.clear();
  d.report.agency.reset();
  Result<std::string> r = RenderDocx(d);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace gk::report_render
