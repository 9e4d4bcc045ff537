#include "letters/docx.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "letters/test_util.h"

namespace gk::letters {
namespace {

using testing::Context;
using testing::D;
using testing::OpenCase;

// A zip held in memory, opened with libzip.
class ZipReader {
 public:
  explicit ZipReader(const std::string& bytes) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (src != nullptr) {
      za_ = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
      if (za_ == nullptr) zip_source_free(src);
    }
    zip_error_fini(&err);
  }
  ~ZipReader() {
    if (za_ != nullptr) zip_discard(za_);
  }
  bool ok() const { return za_ != nullptr; }

  std::vector<std::string> Names() const {
    std::vector<std::string> out;
    const zip_int64_t n = zip_get_num_entries(za_, 0);
    for (zip_int64_t i = 0; i < n; ++i) out.emplace_back(zip_get_name(za_, i, 0));
    return out;
  }

  std::optional<std::string> Read(const char* name) const {
    zip_stat_t st;
    if (zip_stat(za_, name, 0, &st) != 0) return std::nullopt;
    zip_file_t* f = zip_fopen(za_, name, 0);
    if (f == nullptr) return std::nullopt;
    std::string out(st.size, '\0');
    const zip_int64_t got = zip_fread(f, out.data(), st.size);
    zip_fclose(f);
    if (got != static_cast<zip_int64_t>(st.size)) return std::nullopt;
    return out;
  }

 private:
  zip_t* za_ = nullptr;
};

// The text of each w:p (w:br as "\n").
std::vector<std::string> Paragraphs(const pugi::xml_node& root) {
  std::vector<std::string> out;
  for (pugi::xpath_node p : root.select_nodes("//w:p")) {
    struct Walker : pugi::xml_tree_walker {
      std::string text;
      bool for_each(pugi::xml_node& n) override {
        const std::string_view name = n.name();
        if (name == "w:br") text += "\n";
        if (name == "w:t") text += n.text().get();
        return true;
      }
    } walker;
    p.node().traverse(walker);
    out.push_back(walker.text);
  }
  return out;
}

Letter Reply() {
  testing::CaseBuilder b = OpenCase();
  b.Add("2026-03-20", cases::testing::Decision(law::Outcome::kGranted));
  LetterContext ctx = Context();
  ctx.attachments = {"2020年行政许可事项办理情况统计表"};
  Result<Letter> l = ReplyLetter(b.state(), b.events().back(), ctx);
  EXPECT_TRUE(l.ok()) << l.status().message();
  return l.ok() ? *l : Letter();
}

struct Parsed {
  pugi::xml_document doc;
  bool ok = false;
};

void Parse(const ZipReader& zip, const char* name, Parsed* out) {
  std::optional<std::string> xml = zip.Read(name);
  ASSERT_TRUE(xml.has_value()) << name;
  pugi::xml_parse_result r = out->doc.load_buffer(xml->data(), xml->size());
  ASSERT_TRUE(r) << name << ": " << r.description();
  out->ok = true;
}

TEST(DocxTest, IsAWordprocessingPackage) {
  const Letter l = Reply();
  Result<std::string> docx = RenderDocx(l);
  ASSERT_TRUE(docx.ok()) << docx.status().message();
  EXPECT_EQ(docx->substr(0, 2), "PK");
  ZipReader zip(*docx);
  ASSERT_TRUE(zip.ok());
  const std::vector<std::string> names = zip.Names();
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(names.front(), "[Content_Types].xml");
  for (const char* part :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
        "word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "word/footer2.xml",
        "word/_rels/document.xml.rels", "docProps/core.xml"}) {
    Parsed p;
    Parse(zip, part, &p);
  }

  Parsed types;
  Parse(zip, "[Content_Types].xml", &types);
  EXPECT_TRUE(types.doc.select_node("//Override[@PartName='/word/document.xml']"));
  Parsed rels;
  Parse(zip, "_rels/.rels", &rels);
  EXPECT_EQ(std::string(rels.doc.select_node("//Relationship[@Target='word/document.xml']")
                            .node()
                            .attribute("Type")
                            .value()),
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument");
  Parsed core;
  Parse(zip, "docProps/core.xml", &core);
  EXPECT_EQ(std::string(core.doc.child("cp:coreProperties").child("dc:title").text().get()),
            "政府信息公开申请答复书");
}

TEST(DocxTest, DocumentHoldsEveryElementInOrder) {
  const Letter l = Reply();
  Result<std::string> docx = RenderDocx(l);
  ASSERT_TRUE(docx.ok()) << docx.status().message();
  ZipReader zip(*docx);
  Parsed doc;
  Parse(zip, "word/document.xml", &doc);
  const std::vector<std::string> paras = Paragraphs(doc.doc);
  std::vector<std::string> expected = {l.doc_no, "", l.title, "", "张三："};
  for (const std::string& p : l.paragraphs) expected.push_back(p);
  expected.insert(expected.end(), {"", "附件：2020年行政许可事项办理情况统计表", "", "", l.issuer,
                                   "2026年3月20日", l.contact_line});
  EXPECT_EQ(paras, expected);
  // No private field of the applicant.
  for (const std::string& field : testing::PrivateFields()) {
    EXPECT_EQ(docx->find(field), std::string::npos) << field;
    for (const std::string& p : paras) EXPECT_EQ(p.find(field), std::string::npos) << field;
  }
}

TEST(DocxTest, Gbt9704Layout) {
  Result<std::string> docx = RenderDocx(Reply());
  ASSERT_TRUE(docx.ok()) << docx.status().message();
  ZipReader zip(*docx);
  Parsed doc;
  Parse(zip, "word/document.xml", &doc);
  pugi::xml_node sect = doc.doc.select_node("//w:sectPr").node();
  ASSERT_TRUE(sect);
  EXPECT_STREQ(sect.child("w:pgSz").attribute("w:w").value(), "11906");  // A4
  EXPECT_STREQ(sect.child("w:pgSz").attribute("w:h").value(), "16838");
  pugi::xml_node mar = sect.child("w:pgMar");
  EXPECT_STREQ(mar.attribute("w:top").value(), "2098");     // 37 mm
  EXPECT_STREQ(mar.attribute("w:bottom").value(), "1984");  // 35 mm
  EXPECT_STREQ(mar.attribute("w:left").value(), "1587");    // 28 mm
  EXPECT_STREQ(mar.attribute("w:right").value(), "1474");   // 26 mm
  EXPECT_STREQ(sect.child("w:docGrid").attribute("w:linePitch").value(), "579");
  EXPECT_TRUE(sect.select_node("w:footerReference[@w:type='default']"));
  EXPECT_TRUE(sect.select_node("w:footerReference[@w:type='even']"));

  auto sig_right = [&](const std::string& issuer) {
    for (pugi::xpath_node p : doc.doc.select_nodes("//w:p[w:pPr/w:pStyle/@w:val='GkSignature']")) {
      if (std::string(p.node().child("w:r").child("w:t").text().get()) == issuer) {
        return p.node().child("w:pPr").child("w:ind").attribute("w:right").value();
      }
    }
    return "";
  };
  auto para_with = [&](const std::string& text) {
    for (pugi::xpath_node p : doc.doc.select_nodes("//w:p")) {
      std::string t;
      for (pugi::xpath_node n : p.node().select_nodes(".//w:t")) t += n.node().text().get();
      if (t == text) return p.node();
    }
    return pugi::xml_node();
  };
  const Letter l = Reply();
  pugi::xml_node doc_no = para_with(l.doc_no);
  ASSERT_TRUE(doc_no);
  EXPECT_STREQ(doc_no.child("w:pPr").child("w:jc").attribute("w:val").value(), "center");
  pugi::xml_node title = para_with(l.title);
  ASSERT_TRUE(title);
  EXPECT_STREQ(title.child("w:pPr").child("w:pStyle").attribute("w:val").value(), "GkTitle");
  EXPECT_STREQ(title.child("w:pPr").child("w:jc").attribute("w:val").value(), "center");
  pugi::xml_node addressee = para_with("张三：");
  ASSERT_TRUE(addressee);
  EXPECT_STREQ(addressee.child("w:pPr").child("w:jc").attribute("w:val").value(), "left");
  EXPECT_FALSE(addressee.child("w:pPr").child("w:ind"));
  pugi::xml_node body = para_with(l.paragraphs[1]);
  ASSERT_TRUE(body);
  EXPECT_STREQ(body.child("w:pPr").child("w:ind").attribute("w:firstLine").value(), "640");
  EXPECT_STREQ(body.child("w:pPr").child("w:jc").attribute("w:val").value(), "both");
  pugi::xml_node date = para_with("2026年3月20日");
  ASSERT_TRUE(date);
  EXPECT_STREQ(date.child("w:pPr").child("w:jc").attribute("w:val").value(), "right");
  // The long name keeps 2 characters from the right; the date (6½ characters)
  // sits under its centre: 2 + (16 − 6.5) / 2 = 6.75 characters = 2160 twips.
  EXPECT_STREQ(date.child("w:pPr").child("w:ind").attribute("w:right").value(), "2160");
  EXPECT_STREQ(sig_right(l.issuer), "640");
  pugi::xml_node sig = para_with(l.issuer);
  ASSERT_TRUE(sig);
  EXPECT_STREQ(sig.child("w:pPr").child("w:jc").attribute("w:val").value(), "right");
  EXPECT_TRUE(sig.child("w:pPr").child("w:keepNext"));

  Parsed styles;
  Parse(zip, "word/styles.xml", &styles);
  pugi::xml_node rpr = styles.doc.select_node("//w:rPrDefault/w:rPr").node();
  EXPECT_STREQ(rpr.child("w:rFonts").attribute("w:eastAsia").value(), "仿宋");
  EXPECT_STREQ(rpr.child("w:sz").attribute("w:val").value(), "32");  // 三号
  pugi::xml_node spacing = styles.doc.select_node("//w:pPrDefault/w:pPr/w:spacing").node();
  EXPECT_STREQ(spacing.attribute("w:line").value(), "579");
  EXPECT_STREQ(spacing.attribute("w:lineRule").value(), "exact");
  pugi::xml_node title_style = styles.doc.select_node("//w:style[@w:styleId='GkTitle']").node();
  EXPECT_STREQ(title_style.child("w:rPr").child("w:rFonts").attribute("w:eastAsia").value(),
               "方正小标宋简体");
  EXPECT_STREQ(title_style.child("w:rPr").child("w:sz").attribute("w:val").value(), "44");  // 二号

  Parsed fonts;
  Parse(zip, "word/fontTable.xml", &fonts);
  EXPECT_STREQ(fonts.doc.select_node("//w:font[@w:name='方正小标宋简体']/w:altName")
                   .node()
                   .attribute("w:val")
                   .value(),
               "宋体");

  Parsed settings;
  Parse(zip, "word/settings.xml", &settings);
  EXPECT_TRUE(settings.doc.select_node("//w:evenAndOddHeaders"));
  for (const char* footer : {"word/footer1.xml", "word/footer2.xml"}) {
    Parsed f;
    Parse(zip, footer, &f);
    EXPECT_STREQ(f.doc.select_node("//w:fldSimple").node().attribute("w:instr").value(), " PAGE ");
    const std::vector<std::string> texts = Paragraphs(f.doc);
    ASSERT_EQ(texts.size(), 1u);
    EXPECT_EQ(texts[0], "— 1 —");
  }
}

TEST(DocxTest, EscapesAndCleansText) {
  Letter l;
  l.title = "关于<script>&“测试”的答复";
  l.addressee = "A&B公司";
  l.paragraphs = {"第一段 <b>不是标签</b> & 符号\x01。", "]]> 结束"};
  l.issuer = "某机关";
  l.date = D("2026-01-05");
  Result<std::string> docx = RenderDocx(l);
  ASSERT_TRUE(docx.ok()) << docx.status().message();
  ZipReader zip(*docx);
  Parsed doc;
  Parse(zip, "word/document.xml", &doc);
  const std::vector<std::string> paras = Paragraphs(doc.doc);
  ASSERT_GE(paras.size(), 5u);
  EXPECT_EQ(paras[0], "关于<script>&“测试”的答复");
  EXPECT_EQ(paras[2], "A&B公司：");
  EXPECT_EQ(paras[3], "第一段 <b>不是标签</b> & 符号。");
  EXPECT_EQ(paras[4], "]]> 结束");
}

TEST(DocxTest, MultiLineTitleUsesLineBreaks) {
  Letter l;
  l.title = "关于某某事项\n的答复";
  l.issuer = "某机关";
  l.date = D("2026-01-05");
  Result<std::string> docx = RenderDocx(l);
  ASSERT_TRUE(docx.ok()) << docx.status().message();
  ZipReader zip(*docx);
  Parsed doc;
  Parse(zip, "word/document.xml", &doc);
  EXPECT_EQ(Paragraphs(doc.doc).front(), "关于某某事项\n的答复");
}

TEST(DocxTest, Deterministic) {
  const Letter l = Reply();
  Result<std::string> a = RenderDocx(l);
  Result<std::string> b = RenderDocx(l);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

TEST(DocxTest, RefusesALetterWithoutTitleOrIssuer) {
  Letter l = Reply();
  l.title.clear();
  Result<std::string> docx = RenderDocx(l);
  ASSERT_FALSE(docx.ok());
  EXPECT_EQ(docx.status().code(), StatusCode::kInvalidArgument);
  l = Reply();
  l.issuer = " ";
  EXPECT_FALSE(RenderDocx(l).ok());
}

// With LibreOffice installed, the package opens in a real word processor.
TEST(DocxTest, OpensInLibreOffice) {
  // Debian's libreoffice-writer(-nogui) ships writer.xcd; soffice alone
  // (e.g. with Calc only) cannot open a DOCX.
  if (!testing::HaveTool("soffice") ||
      !std::filesystem::exists("/usr/lib/libreoffice/share/registry/writer.xcd")) {
    GTEST_SKIP() << "LibreOffice Writer is not installed";
  }
  if (!testing::HaveTool("pdftotext")) GTEST_SKIP() << "pdftotext is not installed";
  const Letter l = Reply();
  Result<std::string> docx = RenderDocx(l);
  ASSERT_TRUE(docx.ok());
  const std::string dir = testing::TempPath("lo");
  const std::string path = dir + "/letter.docx";
  bool ok = false;
  testing::Run("mkdir -p '" + dir + "'", &ok);
  testing::WriteFile(path, *docx);
  const std::string conf = testing::FontconfigFile();
  testing::Run("cd '" + dir + "' && HOME='" + dir + "' FONTCONFIG_FILE='" + conf +
                   "' soffice --headless --convert-to pdf letter.docx >/dev/null 2>&1",
               &ok);
  std::remove(conf.c_str());
  ASSERT_TRUE(ok) << "soffice failed to convert the DOCX";
  const std::string text = testing::Run("pdftotext -enc UTF-8 '" + dir + "/letter.pdf' -", &ok);
  ASSERT_TRUE(ok);
  const std::string squeezed = testing::Squeeze(text);
  for (const std::string& part : {l.doc_no, l.title, l.paragraphs.back(), l.issuer}) {
    EXPECT_NE(squeezed.find(testing::Squeeze(part)), std::string::npos) << part << "\n" << text;
  }
  bool pages_ok = false;
  const std::string info = testing::Run("pdfinfo '" + dir + "/letter.pdf'", &pages_ok);
  EXPECT_NE(info.find("(A4)"), std::string::npos) << info;
  testing::Run("rm -rf '" + dir + "'", &ok);
}

}  // namespace
}  // namespace gk::letters
