#include "report_render/docx.h"

#include <cmath>
#include <exception>
#include <pugixml.hpp>
#include <string_view>
#include <utility>
#include <vector>

#include "report_render/charts.h"
#include "report_render/fonts.h"
#include "report_render/tables.h"
#include "report_render/zip.h"

namespace gk::report_render {
namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kRelTypes =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* kPkgRels = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kMainType = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

// A4, margins of GB/T 9704 (top 37, bottom 35, left 28, right 26 mm).
int MmToTwips(double mm) { return static_cast<int>(std::lround(mm * 1440.0 / 25.4)); }
constexpr double kPageW = 210, kPageH = 297, kTop = 37, kBottom = 35, kLeft = 28, kRight = 26;
int HalfPoints(double pt) { return static_cast<int>(std::lround(pt * 2)); }

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

// Run properties of a face: the font for every script (eastAsia included),
// size and weight.
void FaceProps(pugi::xml_node rpr, const Face& f) {
  pugi::xml_node fonts = Child(rpr, "w:rFonts");
  Attr(fonts, "w:ascii", f.word);
  Attr(fonts, "w:hAnsi", f.word);
  Attr(fonts, "w:eastAsia", f.word);
  Attr(fonts, "w:cs", f.word);
  if (f.bold) {
    Child(rpr, "w:b");
    Child(rpr, "w:bCs");
  }
  Val(rpr, "w:sz", std::to_string(HalfPoints(f.size_pt)));
  Val(rpr, "w:szCs", std::to_string(HalfPoints(f.size_pt)));
}

// ---- Package parts ------------------------------------------------------------------------

std::string ContentTypes(bool draft, bool images) {
  pugi::xml_document doc;
  pugi::xml_node types = Root(doc, "Types");
  Attr(types, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  pugi::xml_node d = Child(types, "Default");
  Attr(d, "Extension", "rels");
  Attr(d, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
  d = Child(types, "Default");
  Attr(d, "Extension", "xml");
  Attr(d, "ContentType", "application/xml");
  if (images) {
    d = Child(types, "Default");
    Attr(d, "Extension", "png");
    Attr(d, "ContentType", "image/png");
  }
  const std::string main = kMainType;
  std::vector<std::pair<const char*, std::string>> overrides = {
      {"/word/document.xml", main + "document.main+xml"},
      {"/word/styles.xml", main + "styles+xml"},
      {"/word/settings.xml", main + "settings+xml"},
      {"/word/fontTable.xml", main + "fontTable+xml"},
      {"/word/footer1.xml", main + "footer+xml"},
      {"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
  };
  if (draft) overrides.emplace_back("/word/header1.xml", main + "header+xml");
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

// rId4 is the footer, rId5 the draft header, then the chart images in order
// (their ids: FirstImageRel).
int FirstImageRel(bool draft) { return draft ? 6 : 5; }

std::string DocumentRels(bool draft, size_t images) {
  const std::string t = kRelTypes;
  std::vector<std::pair<std::string, std::string>> rels = {
      {t + "styles", "styles.xml"},
      {t + "settings", "settings.xml"},
      {t + "fontTable", "fontTable.xml"},
      {t + "footer", "footer1.xml"},
  };
  if (draft) rels.emplace_back(t + "header", "header1.xml");
  for (size_t i = 0; i < images; ++i) {
    rels.emplace_back(t + "image", "media/chart" + std::to_string(i + 1) + ".png");
  }
  return Relationships(rels);
}

std::string CoreProps(const ReportDocument& d, const std::string& created) {
  pugi::xml_document doc;
  pugi::xml_node cp = Root(doc, "cp:coreProperties");
  Attr(cp, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  Attr(cp, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  Attr(cp, "xmlns:dcterms", "http://purl.org/dc/terms/");
  Attr(cp, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  Child(cp, "dc:title").text().set(TitleOf(d).c_str());
  Child(cp, "dc:creator").text().set(AgencyName(d).c_str());
  Child(cp, "dc:language").text().set("zh-CN");
  pugi::xml_node c = Child(cp, "dcterms:created");
  Attr(c, "xsi:type", "dcterms:W3CDTF");
  c.text().set((created + "T00:00:00Z").c_str());
  return Serialize(doc);
}

struct StyleDef {
  const char* id;
  const char* name;
  const Face* face;
  const char* jc;
  int first_line;  // twips
  int outline;     // -1: none
  int before, after;
};

constexpr StyleDef kStyles[] = {
    {"Title", "Title", &kTitleFace, "center", 0, -1, 0, 240},
    {"Heading1", "heading 1", &kHeadingFace, "left", 640, 0, 120, 60},
    {"Heading2", "heading 2", &kSubheadingFace, "left", 640, 1, 60, 0},
    {"GkBody", "正文段落", &kBodyFace, "both", 640, -1, 0, 0},
    {"GkTable", "表格文字", &kTableFace, "center", 0, -1, 0, 0},
    {"GkTableHeader", "表头文字", &kTableHeaderFace, "center", 0, -1, 0, 0},
    {"GkSignature", "落款", &kBodyFace, "right", 0, -1, 0, 0},
    {"GkDraft", "草稿标记", &kHeadingFace, "center", 0, -1, 0, 0},
};

std::string Styles() {
  pugi::xml_document doc;
  pugi::xml_node styles = Root(doc, "w:styles");
  Attr(styles, "xmlns:w", kW);
  pugi::xml_node defaults = Child(styles, "w:docDefaults");
  pugi::xml_node rpr = Child(Child(defaults, "w:rPrDefault"), "w:rPr");
  FaceProps(rpr, kBodyFace);
  pugi::xml_node lang = Child(rpr, "w:lang");
  Attr(lang, "w:val", "zh-CN");
  Attr(lang, "w:eastAsia", "zh-CN");
  pugi::xml_node ppr = Child(Child(defaults, "w:pPrDefault"), "w:pPr");
  pugi::xml_node spacing = Child(ppr, "w:spacing");
  Attr(spacing, "w:before", 0);
  Attr(spacing, "w:after", 0);
  Attr(spacing, "w:line", 560);  // 28 pt: the body line pitch of official documents
  Attr(spacing, "w:lineRule", "exact");

  pugi::xml_node normal = Child(styles, "w:style");
  Attr(normal, "w:type", "paragraph");
  Attr(normal, "w:default", "1");
  Attr(normal, "w:styleId", "Normal");
  Val(normal, "w:name", "Normal");
  Child(normal, "w:qFormat");

  for (const StyleDef& d : kStyles) {
    pugi::xml_node s = Child(styles, "w:style");
    Attr(s, "w:type", "paragraph");
    if (d.outline < 0 && std::string_view(d.id) != "Title") Attr(s, "w:customStyle", "1");
    Attr(s, "w:styleId", d.id);
    Val(s, "w:name", d.name);
    Val(s, "w:basedOn", "Normal");
    Val(s, "w:next", "GkBody");
    Child(s, "w:qFormat");
    pugi::xml_node p = Child(s, "w:pPr");
    if (d.outline >= 0) Child(p, "w:keepNext");
    pugi::xml_node sp = Child(p, "w:spacing");
    Attr(sp, "w:before", d.before);
    Attr(sp, "w:after", d.after);
    const bool table = std::string_view(d.id).starts_with("GkTable");
    Attr(sp, "w:line", table ? 240 : std::string_view(d.id) == "Title" ? 720 : 560);
    Attr(sp, "w:lineRule", table ? "auto" : "exact");
    if (d.first_line > 0) {
      pugi::xml_node ind = Child(p, "w:ind");
      Attr(ind, "w:firstLine", d.first_line);
    }
    Val(p, "w:jc", d.jc);
    if (d.outline >= 0) Val(p, "w:outlineLvl", std::to_string(d.outline));
    FaceProps(Child(s, "w:rPr"), *d.face);
  }
  return Serialize(doc);
}

std::string Settings() {
  pugi::xml_document doc;
  pugi::xml_node settings = Root(doc, "w:settings");
  Attr(settings, "xmlns:w", kW);
  Val(settings, "w:defaultTabStop", "640");
  pugi::xml_node lang = Child(settings, "w:themeFontLang");
  Attr(lang, "w:val", "en-US");
  Attr(lang, "w:eastAsia", "zh-CN");
  return Serialize(doc);
}

// Word substitutes w:altName when a font is missing.
std::string FontTable() {
  pugi::xml_document doc;
  pugi::xml_node fonts = Root(doc, "w:fonts");
  Attr(fonts, "xmlns:w", kW);
  for (const Face* f : {&kTitleFace, &kHeadingFace, &kSubheadingFace, &kBodyFace}) {
    pugi::xml_node font = Child(fonts, "w:font");
    Attr(font, "w:name", f->word);
    Val(font, "w:altName", f->word_alt);
    Val(font, "w:charset", "86");  // GB2312
    Val(font, "w:family", f == &kHeadingFace ? "modern" : "roman");
    Val(font, "w:pitch", "variable");
  }
  return Serialize(doc);
}

void TextRun(pugi::xml_node p, std::string_view text) {
  pugi::xml_node t = Child(Child(p, "w:r"), "w:t");
  Attr(t, "xml:space", "preserve");
  t.text().set(std::string(text).c_str());
}

// Page numbers “— n —” centred in the footer.
std::string Footer() {
  pugi::xml_document doc;
  pugi::xml_node ftr = Root(doc, "w:ftr");
  Attr(ftr, "xmlns:w", kW);
  pugi::xml_node p = Child(ftr, "w:p");
  pugi::xml_node ppr = Child(p, "w:pPr");
  pugi::xml_node sp = Child(ppr, "w:spacing");
  Attr(sp, "w:line", 240);
  Attr(sp, "w:lineRule", "auto");
  Val(ppr, "w:jc", "center");
  TextRun(p, "— ");
  pugi::xml_node field = Child(p, "w:fldSimple");
  Attr(field, "w:instr", " PAGE ");
  TextRun(field, "1");
  TextRun(p, " —");
  return Serialize(doc);
}

std::string DraftHeader() {
  pugi::xml_document doc;
  pugi::xml_node hdr = Root(doc, "w:hdr");
  Attr(hdr, "xmlns:w", kW);
  pugi::xml_node p = Child(hdr, "w:p");
  pugi::xml_node ppr = Child(p, "w:pPr");
  Val(ppr, "w:pStyle", "GkDraft");
  pugi::xml_node r = Child(p, "w:r");
  pugi::xml_node rpr = Child(r, "w:rPr");
  Val(rpr, "w:color", "C00000");
  pugi::xml_node t = Child(r, "w:t");
  t.text().set("草稿（未正式发布）");
  return Serialize(doc);
}

// ---- Body -----------------------------------------------------------------------------------

void Para(pugi::xml_node body, const char* style, std::string_view text) {
  pugi::xml_node p = Child(body, "w:p");
  Val(Child(p, "w:pPr"), "w:pStyle", style);
  if (!text.empty()) TextRun(p, text);
}

void Prose(pugi::xml_node body, std::string_view text) {
  for (const std::string& p : Paragraphs(text)) Para(body, "GkBody", p);
}

void Border(pugi::xml_node borders, const char* side) {
  pugi::xml_node b = Child(borders, side);
  Attr(b, "w:val", "single");
  Attr(b, "w:sz", 4);
  Attr(b, "w:space", 0);
  Attr(b, "w:color", "000000");
}

void DocxTable(pugi::xml_node body, const Table& t) {
  const int text_width = MmToTwips(kPageW - kLeft - kRight);
  double total = 0;
  for (double w : t.widths) total += w;
  std::vector<int> cols;
  for (double w : t.widths) cols.push_back(static_cast<int>(std::floor(text_width * w / total)));

  pugi::xml_node tbl = Child(body, "w:tbl");
  pugi::xml_node pr = Child(tbl, "w:tblPr");
  pugi::xml_node w = Child(pr, "w:tblW");
  Attr(w, "w:w", text_width);
  Attr(w, "w:type", "dxa");
  Val(pr, "w:jc", "center");
  pugi::xml_node borders = Child(pr, "w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
    Border(borders, side);
  }
  pugi::xml_node layout = Child(pr, "w:tblLayout");
  Attr(layout, "w:type", "fixed");
  pugi::xml_node mar = Child(pr, "w:tblCellMar");
  for (const char* side : {"w:left", "w:right"}) {
    pugi::xml_node m = Child(mar, side);
    Attr(m, "w:w", 57);
    Attr(m, "w:type", "dxa");
  }
  Val(pr, "w:tblCaption", t.caption);  // the accessible name of the table
  pugi::xml_node grid = Child(tbl, "w:tblGrid");
  for (int c : cols) Attr(Child(grid, "w:gridCol"), "w:w", c);

  // Which placed cell covers each grid position.
  const std::vector<PlacedCell> placed = Place(t);
  std::vector<std::vector<const PlacedCell*>> cover(
      t.rows.size(), std::vector<const PlacedCell*>(static_cast<size_t>(t.columns), nullptr));
  for (const PlacedCell& p : placed) {
    for (int r = p.row; r < p.row + p.cell->row_span; ++r) {
      for (int c = p.col; c < p.col + p.cell->col_span; ++c) {
        cover[static_cast<size_t>(r)][static_cast<size_t>(c)] = &p;
      }
    }
  }
  for (size_t r = 0; r < t.rows.size(); ++r) {
    pugi::xml_node tr = Child(tbl, "w:tr");
    pugi::xml_node trpr = Child(tr, "w:trPr");
    Child(trpr, "w:cantSplit");
    if (t.rows[r].header) Child(trpr, "w:tblHeader");  // repeated on each page
    for (int c = 0; c < t.columns;) {
      const PlacedCell* p = cover[r][static_cast<size_t>(c)];
      if (p == nullptr) {  // not expected: keep the grid whole
        pugi::xml_node tc = Child(tr, "w:tc");
        Child(tc, "w:tcPr");
        Child(tc, "w:p");
        ++c;
        continue;
      }
      const TableCell& cell = *p->cell;
      const bool origin = p->row == static_cast<int>(r);
      int width = 0;
      for (int k = c; k < c + cell.col_span; ++k) width += cols[static_cast<size_t>(k)];
      pugi::xml_node tc = Child(tr, "w:tc");
      pugi::xml_node tcpr = Child(tc, "w:tcPr");
      pugi::xml_node tcw = Child(tcpr, "w:tcW");
      Attr(tcw, "w:w", width);
      Attr(tcw, "w:type", "dxa");
      if (cell.col_span > 1) Val(tcpr, "w:gridSpan", std::to_string(cell.col_span));
      if (cell.row_span > 1) {
        if (origin) {
          Val(tcpr, "w:vMerge", "restart");
        } else {
          Child(tcpr, "w:vMerge");  // continues the merge above
        }
      }
      if (cell.role == CellRole::kBlock || cell.role == CellRole::kColumnHeader ||
          cell.role == CellRole::kNote) {
        pugi::xml_node shd = Child(tcpr, "w:shd");
        Attr(shd, "w:val", "clear");
        Attr(shd, "w:color", "auto");
        Attr(shd, "w:fill", cell.role == CellRole::kBlock ? "E8EEF5" : "F2F2F2");
      }
      Val(tcpr, "w:vAlign", "center");
      pugi::xml_node para = Child(tc, "w:p");
      pugi::xml_node ppr = Child(para, "w:pPr");
      const bool header = cell.role == CellRole::kColumnHeader || cell.role == CellRole::kBlock;
      Val(ppr, "w:pStyle", header ? "GkTableHeader" : "GkTable");
      const char* jc = cell.role == CellRole::kValue       ? "right"
                       : cell.role == CellRole::kRowHeader ? "left"
                                                           : "center";
      Val(ppr, "w:jc", jc);
      if (origin && !cell.text.empty()) TextRun(para, cell.text);
      c += cell.col_span;
    }
  }
  // Word needs a paragraph between a table and what follows.
  Para(body, "GkBody", "");
}

// Charts are pictures in the DOCX (PNG drawn by charts.h at the text width),
// with the text alternative as the picture's description.
constexpr double kChartW = 442, kChartH = 250;  // points
constexpr int64_t kEmuPerPt = 12700;

void Picture(pugi::xml_node body, const Chart& c, int index, int rel) {
  const std::string cx = std::to_string(static_cast<int64_t>(kChartW) * kEmuPerPt);
  const std::string cy = std::to_string(static_cast<int64_t>(kChartH) * kEmuPerPt);
  const std::string summary = ChartSummary(c);
  pugi::xml_node p = Child(body, "w:p");
  pugi::xml_node ppr = Child(p, "w:pPr");
  Val(ppr, "w:pStyle", "GkTable");
  pugi::xml_node sp = Child(ppr, "w:spacing");
  Attr(sp, "w:before", 120);
  Attr(sp, "w:after", 120);
  Val(ppr, "w:jc", "center");
  pugi::xml_node inline_ = Child(Child(Child(p, "w:r"), "w:drawing"), "wp:inline");
  for (const char* a : {"distT", "distB", "distL", "distR"}) Attr(inline_, a, 0);
  pugi::xml_node extent = Child(inline_, "wp:extent");
  Attr(extent, "cx", cx);
  Attr(extent, "cy", cy);
  pugi::xml_node doc_pr = Child(inline_, "wp:docPr");
  Attr(doc_pr, "id", index);
  Attr(doc_pr, "name", c.title);
  Attr(doc_pr, "descr", summary);
  pugi::xml_node locks = Child(Child(inline_, "wp:cNvGraphicFramePr"), "a:graphicFrameLocks");
  Attr(locks, "noChangeAspect", 1);
  pugi::xml_node data = Child(Child(inline_, "a:graphic"), "a:graphicData");
  Attr(data, "uri", "http://schemas.openxmlformats.org/drawingml/2006/picture");
  pugi::xml_node pic = Child(data, "pic:pic");
  pugi::xml_node nv = Child(pic, "pic:nvPicPr");
  pugi::xml_node cnv = Child(nv, "pic:cNvPr");
  Attr(cnv, "id", 0);
  Attr(cnv, "name", "chart" + std::to_string(index) + ".png");
  Attr(cnv, "descr", summary);
  Child(nv, "pic:cNvPicPr");
  pugi::xml_node fill = Child(pic, "pic:blipFill");
  Attr(Child(fill, "a:blip"), "r:embed", "rId" + std::to_string(rel));
  Child(Child(fill, "a:stretch"), "a:fillRect");
  pugi::xml_node sppr = Child(pic, "pic:spPr");
  pugi::xml_node xfrm = Child(sppr, "a:xfrm");
  pugi::xml_node off = Child(xfrm, "a:off");
  Attr(off, "x", 0);
  Attr(off, "y", 0);
  pugi::xml_node ext = Child(xfrm, "a:ext");
  Attr(ext, "cx", cx);
  Attr(ext, "cy", cy);
  pugi::xml_node geom = Child(sppr, "a:prstGeom");
  Attr(geom, "prst", "rect");
  Child(geom, "a:avLst");
}

std::string DocumentXml(const ReportDocument& d, const std::vector<Chart>& charts) {
  pugi::xml_document doc;
  pugi::xml_node root = Root(doc, "w:document");
  Attr(root, "xmlns:w", kW);
  Attr(root, "xmlns:r", kR);
  Attr(root, "xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing");
  Attr(root, "xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main");
  Attr(root, "xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture");
  pugi::xml_node body = Child(root, "w:body");

  Para(body, "Title", TitleOf(d));
  const std::vector<Table> tables = Tables(d.report);
  const char* ids[3] = {"table2", "table3", "table4"};
  for (int s = 0; s < 6; ++s) {
    Para(body, "Heading1", SectionHeading(s));
    if (s == 0) {
      Prose(body, d.narrative.overview);
      for (const Subsection& sub : d.narrative.overview_parts) {
        const std::vector<std::string> h = Paragraphs(sub.heading);
        if (!h.empty()) Para(body, "Heading2", h.front());
        Prose(body, sub.text);
      }
    } else if (s <= 3) {
      const Table* t = nullptr;
      for (const Table& x : tables) {
        if (x.id == ids[s - 1]) t = &x;
      }
      if (t != nullptr) {
        DocxTable(body, *t);
      } else {
        Para(body, "GkBody", "（本部分未提供统计表。）");
      }
    } else {
      Prose(body, s == 4 ? d.narrative.problems : d.narrative.other);
    }
    for (size_t i = 0; i < charts.size(); ++i) {
      if (ChartSection(charts[i]) == s) {
        Picture(body, charts[i], static_cast<int>(i + 1),
                FirstImageRel(d.status == PublicationStatus::kDraft) + static_cast<int>(i));
      }
    }
  }
  Para(body, "GkBody", "");
  Para(body, "GkSignature", AgencyName(d));
  if (d.date) Para(body, "GkSignature", ChineseDate(*d.date));

  pugi::xml_node sect = Child(body, "w:sectPr");
  if (d.status == PublicationStatus::kDraft) {
    pugi::xml_node h = Child(sect, "w:headerReference");
    Attr(h, "w:type", "default");
    Attr(h, "r:id", "rId5");
  }
  pugi::xml_node f = Child(sect, "w:footerReference");
  Attr(f, "w:type", "default");
  Attr(f, "r:id", "rId4");
  pugi::xml_node size = Child(sect, "w:pgSz");
  Attr(size, "w:w", MmToTwips(kPageW));
  Attr(size, "w:h", MmToTwips(kPageH));
  pugi::xml_node mar = Child(sect, "w:pgMar");
  Attr(mar, "w:top", MmToTwips(kTop));
  Attr(mar, "w:right", MmToTwips(kRight));
  Attr(mar, "w:bottom", MmToTwips(kBottom));
  Attr(mar, "w:left", MmToTwips(kLeft));
  Attr(mar, "w:header", MmToTwips(15));
  Attr(mar, "w:footer", MmToTwips(20));
  Attr(mar, "w:gutter", 0);
  return Serialize(doc);
}

}  // namespace

Result<std::string> RenderDocx(const ReportDocument& doc) {
  if (Status s = CheckDocument(doc); !s.ok()) return s;
  try {
    // A fixed date instead of the clock: the report's date, else 1 January
    // after the reporting year.
    Date created = Date::FromDays(0);
    if (doc.date) {
      created = *doc.date;
    } else if (doc.report.year) {
      Result<Date> d = Date::FromYmd(*doc.report.year + 1, 1, 1);
      if (d.ok()) created = *d;
    }
    const bool draft = doc.status == PublicationStatus::kDraft;
    const std::vector<Chart> charts = ReportCharts(doc);
    std::vector<ZipPart> images;
    for (size_t i = 0; i < charts.size(); ++i) {
      Result<std::string> png = ChartPng(charts[i], kChartW, kChartH, 2.5);
      if (!png.ok()) return Status::Internal("DOCX：" + png.status().message());
      images.push_back({"word/media/chart" + std::to_string(i + 1) + ".png", std::move(*png)});
    }
    std::vector<ZipPart> parts;
    parts.push_back({"[Content_Types].xml", ContentTypes(draft, !images.empty())});
    parts.push_back({"_rels/.rels", PackageRels()});
    parts.push_back({"docProps/core.xml", CoreProps(doc, created.ToString())});
    parts.push_back({"word/document.xml", DocumentXml(doc, charts)});
    parts.push_back({"word/styles.xml", Styles()});
    parts.push_back({"word/settings.xml", Settings()});
    parts.push_back({"word/fontTable.xml", FontTable()});
    parts.push_back({"word/footer1.xml", Footer()});
    if (draft) parts.push_back({"word/header1.xml", DraftHeader()});
    parts.push_back({"word/_rels/document.xml.rels", DocumentRels(draft, images.size())});
    for (ZipPart& img : images) parts.push_back(std::move(img));
    return ZipParts(parts, static_cast<time_t>(created.days() * 86400 + 12 * 3600), "DOCX");
  } catch (const std::exception& e) {
    return Status::Internal(std::string("DOCX：生成失败（") + e.what() + "）");
  } catch (...) {
    return Status::Internal("DOCX：生成失败");
  }
}

}  // namespace gk::report_render
