#include "letters/docx.h"

#include <zip.h>

#include <cmath>
#include <ctime>
#include <exception>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "letters/layout.h"

namespace gk::letters {
namespace {

using layout::Align;
using layout::Block;
using layout::Face;
using layout::Role;

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kRelTypes =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* kPkgRels = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kMainType = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

// 1 twip = 1/20 pt; 1 body character (三号) = 16 pt = 320 twips.
constexpr int kCharTwips = 320;

int MmToTwips(double mm) { return static_cast<int>(std::lround(mm * 1440.0 / 25.4)); }
int CharsToTwips(double chars) { return static_cast<int>(std::lround(chars * kCharTwips)); }
int HalfPoints(double pt) { return static_cast<int>(std::lround(pt * 2)); }

// ---- XML helpers ---------------------------------------------------------------------

pugi::xml_node Child(pugi::xml_node parent, const char* name) { return parent.append_child(name); }

pugi::xml_node Val(pugi::xml_node parent, const char* name, std::string_view value) {
  pugi::xml_node n = parent.append_child(name);
  n.append_attribute("w:val").set_value(std::string(value).c_str());
  return n;
}

void Attr(pugi::xml_node n, const char* name, std::string_view value) {
  n.append_attribute(name).set_value(std::string(value).c_str());
}
void Attr(pugi::xml_node n, const char* name, int value) {
  n.append_attribute(name).set_value(value);
}

pugi::xml_node Root(pugi::xml_document& doc, const char* name) {
  pugi::xml_node decl = doc.prepend_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  return doc.append_child(name);
}

std::string Serialize(const pugi::xml_document& doc) {
  struct Writer : pugi::xml_writer {
    std::string out;
    void write(const void* data, size_t size) override {
      out.append(static_cast<const char*>(data), size);
    }
  } w;
  doc.save(w, "", pugi::format_raw, pugi::encoding_utf8);
  return std::move(w.out);
}

// w:rFonts naming one font for every script.
void Fonts(pugi::xml_node rpr, std::string_view name) {
  pugi::xml_node f = Child(rpr, "w:rFonts");
  Attr(f, "w:ascii", name);
  Attr(f, "w:hAnsi", name);
  Attr(f, "w:eastAsia", name);
  Attr(f, "w:cs", name);
}

void Size(pugi::xml_node rpr, double pt) {
  Val(rpr, "w:sz", std::to_string(HalfPoints(pt)));
  Val(rpr, "w:szCs", std::to_string(HalfPoints(pt)));
}

// ---- Parts -----------------------------------------------------------------------------

std::string ContentTypes() {
  pugi::xml_document doc;
  pugi::xml_node types = Root(doc, "Types");
  Attr(types, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  pugi::xml_node d = Child(types, "Default");
  Attr(d, "Extension", "rels");
  Attr(d, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
  d = Child(types, "Default");
  Attr(d, "Extension", "xml");
  Attr(d, "ContentType", "application/xml");
  const std::string main = kMainType;
  const std::pair<const char*, std::string> overrides[] = {
      {"/word/document.xml", main + "document.main+xml"},
      {"/word/styles.xml", main + "styles+xml"},
      {"/word/settings.xml", main + "settings+xml"},
      {"/word/fontTable.xml", main + "fontTable+xml"},
      {"/word/footer1.xml", main + "footer+xml"},
      {"/word/footer2.xml", main + "footer+xml"},
      {"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
  };
  for (const auto& [part, type] : overrides) {
    pugi::xml_node o = Child(types, "Override");
    Attr(o, "PartName", part);
    Attr(o, "ContentType", type);
  }
  return Serialize(doc);
}

std::string Relationships(const std::vector<std::pair<std::string, std::string>>& rels) {
  pugi::xml_document doc;
  pugi::xml_node root = Root(doc, "Relationships");
  Attr(root, "xmlns", kPkgRels);
  int id = 1;
  for (const auto& [type, target] : rels) {
    pugi::xml_node r = Child(root, "Relationship");
    Attr(r, "Id", "rId" + std::to_string(id++));
    Attr(r, "Type", type);
    Attr(r, "Target", target);
  }
  return Serialize(doc);
}

std::string PackageRels() {
  return Relationships({
      {std::string(kRelTypes) + "officeDocument", "word/document.xml"},
      {"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
       "docProps/core.xml"},
  });
}

// Order matters: footer1 is rId4 (odd pages), footer2 rId5 (even pages).
std::string DocumentRels() {
  const std::string t = kRelTypes;
  return Relationships({
      {t + "styles", "styles.xml"},
      {t + "settings", "settings.xml"},
      {t + "fontTable", "fontTable.xml"},
      {t + "footer", "footer1.xml"},
      {t + "footer", "footer2.xml"},
  });
}

std::string CoreProps(const Letter& l) {
  pugi::xml_document doc;
  pugi::xml_node cp = Root(doc, "cp:coreProperties");
  Attr(cp, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  Attr(cp, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  Attr(cp, "xmlns:dcterms", "http://purl.org/dc/terms/");
  Attr(cp, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  std::string title = layout::CleanText(l.title);
  for (char& c : title) {
    if (c == '\n') c = ' ';
  }
  Child(cp, "dc:title").text().set(title.c_str());
  Child(cp, "dc:creator").text().set(layout::CleanText(l.issuer).c_str());
  pugi::xml_node created = Child(cp, "dcterms:created");
  Attr(created, "xsi:type", "dcterms:W3CDTF");
  created.text().set((l.date.ToString() + "T00:00:00Z").c_str());
  return Serialize(doc);
}

// Style ids by role; each style carries the font and size of its face.
const char* StyleId(Role r) {
  switch (r) {
    case Role::kDocNo:
      return "GkDocNo";
    case Role::kTitle:
      return "GkTitle";
    case Role::kAddressee:
      return "GkAddressee";
    case Role::kBody:
    case Role::kBlank:
      return "GkBody";
    case Role::kAttachment:
      return "GkAttachment";
    case Role::kSignature:
      return "GkSignature";
    case Role::kDate:
      return "GkDate";
    case Role::kNote:
      return "GkNote";
  }
  return "GkBody";
}

std::string Styles() {
  pugi::xml_document doc;
  pugi::xml_node styles = Root(doc, "w:styles");
  Attr(styles, "xmlns:w", kW);

  const layout::Font& body = layout::FontOf(Face::kBody);
  pugi::xml_node defaults = Child(styles, "w:docDefaults");
  pugi::xml_node rpr = Child(Child(defaults, "w:rPrDefault"), "w:rPr");
  Fonts(rpr, body.word);
  Size(rpr, body.size_pt);
  pugi::xml_node lang = Child(rpr, "w:lang");
  Attr(lang, "w:val", "en-US");
  Attr(lang, "w:eastAsia", "zh-CN");
  pugi::xml_node ppr = Child(Child(defaults, "w:pPrDefault"), "w:pPr");
  // GB/T 9704 6.2.3: 22 lines per page — exact line spacing on the grid.
  pugi::xml_node spacing = Child(ppr, "w:spacing");
  Attr(spacing, "w:before", 0);
  Attr(spacing, "w:after", 0);
  Attr(spacing, "w:line", layout::kLinePitchTwips);
  Attr(spacing, "w:lineRule", "exact");
  Val(ppr, "w:jc", "both");

  pugi::xml_node normal = Child(styles, "w:style");
  Attr(normal, "w:type", "paragraph");
  Attr(normal, "w:default", "1");
  Attr(normal, "w:styleId", "Normal");
  Val(normal, "w:name", "Normal");
  Child(normal, "w:qFormat");

  struct Def {
    const char* id;
    const char* name;
    Face face;
  };
  const Def defs[] = {
      {"GkDocNo", "发文字号", Face::kBody},      {"GkTitle", "公文标题", Face::kTitle},
      {"GkAddressee", "主送机关", Face::kBody},  {"GkBody", "公文正文", Face::kBody},
      {"GkAttachment", "附件说明", Face::kBody}, {"GkSignature", "发文机关署名", Face::kBody},
      {"GkDate", "成文日期", Face::kBody},       {"GkNote", "附注", Face::kBody},
      {"GkFooter", "页码", Face::kPageNumber},
  };
  for (const Def& d : defs) {
    pugi::xml_node s = Child(styles, "w:style");
    Attr(s, "w:type", "paragraph");
    Attr(s, "w:customStyle", "1");
    Attr(s, "w:styleId", d.id);
    Val(s, "w:name", d.name);
    Val(s, "w:basedOn", "Normal");
    Child(s, "w:qFormat");
    if (d.face != Face::kBody) {
      const layout::Font& f = layout::FontOf(d.face);
      pugi::xml_node r = Child(s, "w:rPr");
      Fonts(r, f.word);
      Size(r, f.size_pt);
    }
  }
  return Serialize(doc);
}

std::string Settings() {
  pugi::xml_document doc;
  pugi::xml_node settings = Root(doc, "w:settings");
  Attr(settings, "xmlns:w", kW);
  Val(settings, "w:defaultTabStop", std::to_string(2 * kCharTwips));
  // GB/T 9704 7.5: odd page numbers on the right, even on the left.
  Child(settings, "w:evenAndOddHeaders");
  return Serialize(doc);
}

// Word substitutes w:altName when a font is missing (e.g. 方正小标宋简体 → 宋体).
std::string FontTable() {
  pugi::xml_document doc;
  pugi::xml_node fonts = Root(doc, "w:fonts");
  Attr(fonts, "xmlns:w", kW);
  for (Face face : {Face::kBody, Face::kTitle, Face::kPageNumber}) {
    const layout::Font& f = layout::FontOf(face);
    pugi::xml_node font = Child(fonts, "w:font");
    Attr(font, "w:name", f.word);
    Val(font, "w:altName", f.word_alt);
    Val(font, "w:charset", "86");  // GB2312
    Val(font, "w:family", face == Face::kBody ? "modern" : "roman");
    Val(font, "w:pitch", face == Face::kBody ? "fixed" : "variable");
  }
  return Serialize(doc);
}

// A footer with the page number field between 一字线 (7.5), one 四号
// character from the right (odd pages) or the left (even pages).
std::string Footer(bool odd) {
  pugi::xml_document doc;
  pugi::xml_node ftr = Root(doc, "w:ftr");
  Attr(ftr, "xmlns:w", kW);
  Attr(ftr, "xmlns:r", kR);
  pugi::xml_node p = Child(ftr, "w:p");
  pugi::xml_node ppr = Child(p, "w:pPr");
  Val(ppr, "w:pStyle", "GkFooter");
  pugi::xml_node spacing = Child(ppr, "w:spacing");
  Attr(spacing, "w:line", 240);
  Attr(spacing, "w:lineRule", "auto");
  const int one_char =
      static_cast<int>(std::lround(layout::FontOf(Face::kPageNumber).size_pt * 20));
  pugi::xml_node ind = Child(ppr, "w:ind");
  Attr(ind, odd ? "w:right" : "w:left", one_char);
  Val(ppr, "w:jc", odd ? "right" : "left");
  auto text_run = [](pugi::xml_node parent, const char* text) {
    pugi::xml_node t = Child(Child(parent, "w:r"), "w:t");
    Attr(t, "xml:space", "preserve");
    t.text().set(text);
  };
  text_run(p, "— ");
  pugi::xml_node field = Child(p, "w:fldSimple");
  Attr(field, "w:instr", " PAGE ");
  text_run(field, "1");
  text_run(p, " —");
  return Serialize(doc);
}

const char* Justification(Align a) {
  switch (a) {
    case Align::kLeft:
      return "left";
    case Align::kCenter:
      return "center";
    case Align::kRight:
      return "right";
    case Align::kJustify:
      break;
  }
  return "both";
}

void Paragraph(pugi::xml_node body, const Block& b) {
  pugi::xml_node p = Child(body, "w:p");
  pugi::xml_node ppr = Child(p, "w:pPr");
  Val(ppr, "w:pStyle", StyleId(b.role));
  if (b.keep_with_next) Child(ppr, "w:keepNext");
  if (b.first_indent > 0 || b.left_indent > 0 || b.hanging > 0 || b.right_indent > 0) {
    pugi::xml_node ind = Child(ppr, "w:ind");
    // w:left is where lines after the first start; w:hanging pulls the first
    // line back to left_indent, w:firstLine pushes it further in.
    if (b.left_indent + b.hanging > 0) Attr(ind, "w:left", CharsToTwips(b.left_indent + b.hanging));
    if (b.right_indent > 0) Attr(ind, "w:right", CharsToTwips(b.right_indent));
    if (b.hanging > 0) {
      Attr(ind, "w:hanging", CharsToTwips(b.hanging));
    } else if (b.first_indent > 0) {
      Attr(ind, "w:firstLine", CharsToTwips(b.first_indent));
    }
  }
  Val(ppr, "w:jc", Justification(b.align));

  if (b.text.empty()) return;  // a blank line: the paragraph alone
  pugi::xml_node run = Child(p, "w:r");
  size_t start = 0;
  while (start <= b.text.size()) {
    const size_t nl = std::min(b.text.find('\n', start), b.text.size());
    if (start > 0) Child(run, "w:br");
    const std::string part = b.text.substr(start, nl - start);
    if (!part.empty()) {
      pugi::xml_node t = Child(run, "w:t");
      Attr(t, "xml:space", "preserve");
      t.text().set(part.c_str());
    }
    start = nl + 1;
  }
}

std::string Document(const Letter& l) {
  pugi::xml_document doc;
  pugi::xml_node root = Root(doc, "w:document");
  Attr(root, "xmlns:w", kW);
  Attr(root, "xmlns:r", kR);
  pugi::xml_node body = Child(root, "w:body");
  for (const Block& b : layout::Blocks(l)) Paragraph(body, b);

  pugi::xml_node sect = Child(body, "w:sectPr");
  pugi::xml_node odd = Child(sect, "w:footerReference");
  Attr(odd, "w:type", "default");
  Attr(odd, "r:id", "rId4");
  pugi::xml_node even = Child(sect, "w:footerReference");
  Attr(even, "w:type", "even");
  Attr(even, "r:id", "rId5");
  pugi::xml_node size = Child(sect, "w:pgSz");
  Attr(size, "w:w", MmToTwips(layout::kPageWidthMm));
  Attr(size, "w:h", MmToTwips(layout::kPageHeightMm));
  pugi::xml_node mar = Child(sect, "w:pgMar");
  Attr(mar, "w:top", MmToTwips(layout::kTopMm));
  Attr(mar, "w:right", MmToTwips(layout::kRightMm));
  Attr(mar, "w:bottom", MmToTwips(layout::kBottomMm));
  Attr(mar, "w:left", MmToTwips(layout::kLeftMm));
  Attr(mar, "w:header", MmToTwips(15));
  // The page number line sits 7 mm below the 版心 (7.5): the footer's bottom
  // is about one 四号 line lower.
  Attr(mar, "w:footer",
       MmToTwips(layout::kBottomMm - layout::kPageNumberGapMm) -
           static_cast<int>(std::lround(layout::FontOf(Face::kPageNumber).size_pt * 20)));
  Attr(mar, "w:gutter", 0);
  pugi::xml_node grid = Child(sect, "w:docGrid");
  Attr(grid, "w:type", "lines");
  Attr(grid, "w:linePitch", layout::kLinePitchTwips);
  return Serialize(doc);
}

// ---- Zip ---------------------------------------------------------------------------------

struct Part {
  const char* name;
  std::string data;
};

std::string ZipError(std::string_view step, zip_error_t* err) {
  return "DOCX：" + std::string(step) + "失败（libzip：" + zip_error_strerror(err) + "）";
}

// Zips the parts in memory. The part buffers outlive zip_close, as libzip
// reads them only then.
Result<std::string> Zip(const std::vector<Part>& parts, time_t mtime) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (src == nullptr) {
    Status s = Status::Internal(ZipError("创建内存缓冲区", &err));
    zip_error_fini(&err);
    return s;
  }
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  if (za == nullptr) {
    Status s = Status::Internal(ZipError("创建压缩包", &err));
    zip_source_free(src);
    zip_error_fini(&err);
    return s;
  }
  zip_error_fini(&err);
  zip_source_keep(src);  // still ours after zip_close
  auto fail = [&](std::string_view step) {
    Status s =
        Status::Internal("DOCX：" + std::string(step) + "失败（libzip：" + zip_strerror(za) + "）");
    zip_discard(za);
    zip_source_free(src);
    return s;
  };
  for (const Part& p : parts) {
    zip_source_t* s = zip_source_buffer(za, p.data.data(), p.data.size(), 0);
    if (s == nullptr) return fail(std::string("写入") + p.name);
    const zip_int64_t idx = zip_file_add(za, p.name, s, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(s);
      return fail(std::string("写入") + p.name);
    }
    if (zip_file_set_mtime(za, static_cast<zip_uint64_t>(idx), mtime, 0) < 0) {
      return fail(std::string("设置时间") + p.name);
    }
  }
  if (zip_close(za) < 0) return fail("关闭压缩包");

  std::string out;
  if (zip_source_open(src) < 0) {
    Status s = Status::Internal(std::string("DOCX：读取压缩包失败（libzip：") +
                                zip_error_strerror(zip_source_error(src)) + "）");
    zip_source_free(src);
    return s;
  }
  bool ok = zip_source_seek(src, 0, SEEK_END) == 0;
  const zip_int64_t size = ok ? zip_source_tell(src) : -1;
  ok = ok && size >= 0 && zip_source_seek(src, 0, SEEK_SET) == 0;
  if (ok) {
    out.resize(static_cast<size_t>(size));
    ok = zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size)) == size;
  }
  zip_source_close(src);
  zip_source_free(src);
  if (!ok) return Status::Internal("DOCX：读取压缩包失败");
  return out;
}

}  // namespace

Result<std::string> RenderDocx(const Letter& letter) {
  if (Status s = layout::Check(letter); !s.ok()) return s;
  try {
    std::vector<Part> parts;
    parts.push_back({"[Content_Types].xml", ContentTypes()});
    parts.push_back({"_rels/.rels", PackageRels()});
    parts.push_back({"docProps/core.xml", CoreProps(letter)});
    parts.push_back({"word/document.xml", Document(letter)});
    parts.push_back({"word/styles.xml", Styles()});
    parts.push_back({"word/settings.xml", Settings()});
    parts.push_back({"word/fontTable.xml", FontTable()});
    parts.push_back({"word/footer1.xml", Footer(/*odd=*/true)});
    parts.push_back({"word/footer2.xml", Footer(/*odd=*/false)});
    parts.push_back({"word/_rels/document.xml.rels", DocumentRels()});
    // Entry times: noon UTC of the letter's date, so the bytes do not depend
    // on the clock.
    const time_t mtime = static_cast<time_t>(letter.date.days() * 86400 + 12 * 3600);
    return Zip(parts, mtime);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("DOCX：生成失败（") + e.what() + "）");
  } catch (...) {
    return Status::Internal("DOCX：生成失败");
  }
}

}  // namespace gk::letters
