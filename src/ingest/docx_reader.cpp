#include "ingest/docx_reader.h"

#include <pugixml.hpp>

#include <cstring>
#include <exception>
#include <vector>

#include "ingest/flat_text.h"
#include "ingest/zip_archive.h"

namespace gk::ingest {
namespace {

constexpr int kMaxDepth = 200;

bool Is(const pugi::xml_node& n, const char* name) { return std::strcmp(n.name(), name) == 0; }

class DocxWalker {
 public:
  FlatText out;

  // Block-level content: w:body, w:tc, w:txbxContent, w:sdtContent, ….
  void Blocks(const pugi::xml_node& parent, int depth) {
    if (depth > kMaxDepth || out.full()) return;
    for (const pugi::xml_node& n : parent.children()) {
      if (Is(n, "w:p")) {
        Paragraph(n, depth + 1);
      } else if (Is(n, "w:tbl")) {
        Table(n, depth + 1);
      } else if (Is(n, "w:sdt") || Is(n, "w:sdtContent") || Is(n, "w:customXml") ||
                 Is(n, "w:ins") || Is(n, "w:smartTag")) {
        Blocks(Is(n, "w:sdt") ? n.child("w:sdtContent") : n, depth + 1);
      }
    }
  }

 private:
  // Text of a paragraph's runs; text boxes met on the way are kept for later.
  void Inline(const pugi::xml_node& node, std::string& s, std::vector<pugi::xml_node>& boxes,
              int depth) {
    if (depth > kMaxDepth) return;
    for (const pugi::xml_node& n : node.children()) {
      if (n.type() != pugi::node_element) continue;
      if (Is(n, "w:t")) {
        s += n.text().get();
      } else if (Is(n, "w:tab")) {
        s += '\t';
      } else if (Is(n, "w:br") || Is(n, "w:cr")) {
        s += '\n';
      } else if (Is(n, "w:noBreakHyphen")) {
        s += '-';
      } else if (Is(n, "w:del") || Is(n, "w:delText") || Is(n, "mc:Fallback") ||
                 Is(n, "w:instrText") || Is(n, "w:pPr") || Is(n, "w:rPr")) {
        continue;
      } else if (Is(n, "w:txbxContent")) {
        boxes.push_back(n);
      } else {
        Inline(n, s, boxes, depth + 1);
      }
    }
  }

  void Paragraph(const pugi::xml_node& p, int depth) {
    std::string s;
    std::vector<pugi::xml_node> boxes;
    Inline(p, s, boxes, depth);
    // A line break inside a paragraph starts a new line; tabs split cells.
    size_t start = 0;
    while (start <= s.size()) {
      size_t nl = s.find('\n', start);
      if (nl == std::string::npos) nl = s.size();
      Line(std::string_view(s).substr(start, nl - start));
      start = nl + 1;
    }
    for (const pugi::xml_node& box : boxes) Blocks(box, depth + 1);
  }

  void Line(std::string_view line) {
    if (line.find('\t') == std::string_view::npos) {
      out.Paragraph(line);
      return;
    }
    std::vector<std::string> cells;
    size_t start = 0;
    // Leading tabs are indentation.
    while (start < line.size() && line[start] == '\t') ++start;
    while (start <= line.size()) {
      size_t tab = line.find('\t', start);
      if (tab == std::string_view::npos) tab = line.size();
      cells.emplace_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    while (!cells.empty() && CellText(cells.back()).empty()) cells.pop_back();
    if (cells.size() <= 1) {
      out.Paragraph(cells.empty() ? std::string() : cells[0]);
    } else {
      out.Row(cells);
    }
  }

  static bool HoldsTable(const pugi::xml_node& n, int depth) {
    if (depth > kMaxDepth) return false;
    for (const pugi::xml_node& c : n.children()) {
      if (Is(c, "w:tbl") || HoldsTable(c, depth + 1)) return true;
    }
    return false;
  }

  // A cell's text: its paragraphs joined by spaces (text boxes included).
  void CellTextOf(const pugi::xml_node& tc, std::string& s, int depth) {
    if (depth > kMaxDepth) return;
    for (const pugi::xml_node& n : tc.children()) {
      if (Is(n, "w:p")) {
        std::vector<pugi::xml_node> boxes;
        std::string p;
        Inline(n, p, boxes, depth + 1);
        s += ' ';
        s += p;
        for (const pugi::xml_node& b : boxes) CellTextOf(b, s, depth + 1);
      } else if (Is(n, "w:sdt")) {
        CellTextOf(n.child("w:sdtContent"), s, depth + 1);
      } else if (Is(n, "w:sdtContent") || Is(n, "w:customXml")) {
        CellTextOf(n, s, depth + 1);
      }
    }
  }

  void CollectCells(const pugi::xml_node& tr, std::vector<pugi::xml_node>& cells, int depth) {
    if (depth > kMaxDepth) return;
    for (const pugi::xml_node& n : tr.children()) {
      if (Is(n, "w:tc")) {
        cells.push_back(n);
      } else if (Is(n, "w:sdt")) {
        CollectCells(n.child("w:sdtContent"), cells, depth + 1);
      } else if (Is(n, "w:customXml")) {
        CollectCells(n, cells, depth + 1);
      }
    }
  }

  void CollectRows(const pugi::xml_node& tbl, std::vector<pugi::xml_node>& rows, int depth) {
    if (depth > kMaxDepth) return;
    for (const pugi::xml_node& n : tbl.children()) {
      if (Is(n, "w:tr")) {
        rows.push_back(n);
      } else if (Is(n, "w:sdt")) {
        CollectRows(n.child("w:sdtContent"), rows, depth + 1);
      } else if (Is(n, "w:customXml")) {
        CollectRows(n, rows, depth + 1);
      }
    }
  }

  void Table(const pugi::xml_node& tbl, int depth) {
    if (depth > kMaxDepth) return;
    std::vector<pugi::xml_node> rows;
    CollectRows(tbl, rows, depth);
    for (const pugi::xml_node& tr : rows) {
      std::vector<pugi::xml_node> cells;
      CollectCells(tr, cells, depth + 1);
      bool nested = false;
      for (const auto& c : cells) nested = nested || HoldsTable(c, depth + 2);
      if (nested) {
        for (const auto& c : cells) Blocks(c, depth + 2);
        continue;
      }
      std::vector<std::string> texts;
      for (const auto& c : cells) {
        const pugi::xml_node vmerge = c.child("w:tcPr").child("w:vMerge");
        if (vmerge) {
          const char* val = vmerge.attribute("w:val").value();
          if (std::strcmp(val, "restart") != 0) continue;  // continues the cell above
        }
        std::string s;
        CellTextOf(c, s, depth + 2);
        texts.push_back(std::move(s));
      }
      if (texts.size() == 1) {
        out.Paragraph(texts[0]);
      } else if (!texts.empty()) {
        out.Row(texts);
      }
    }
    out.EndTable();
  }
};

Result<std::string> ReadXml(std::string_view xml_text);

Result<std::string> Read(std::string_view bytes) {
  auto zip = ZipArchive::Open(bytes);
  if (!zip.ok()) return zip.status();
  auto xml = zip->Read("word/document.xml");
  if (!xml.ok()) return Status::Unreadable("DOCX: " + xml.status().message());
  return ReadXml(*xml);
}

Result<std::string> ReadXml(std::string_view xml_text) {
  const std::string_view* xml = &xml_text;
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_buffer(xml->data(), xml->size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!parsed) {
    return Status::Unreadable(std::string("DOCX: word/document.xml is not well-formed XML (") +
                              parsed.description() + ")");
  }
  DocxWalker w;
  pugi::xml_node body = doc.child("w:document").child("w:body");
  if (!body) return Status::Unreadable("DOCX: word/document.xml has no w:body");
  w.Blocks(body, 0);
  return w.out.text();
}

}  // namespace

Result<std::string> DocumentXmlToText(std::string_view xml) {
  try {
    return ReadXml(xml);
  } catch (const std::exception& e) {
    return Status::Unreadable(std::string("DOCX could not be read: ") + e.what());
  }
}

Result<std::string> DocxToText(std::string_view bytes) {
  try {
    return Read(bytes);
  } catch (const std::exception& e) {
    return Status::Unreadable(std::string("DOCX could not be read: ") + e.what());
  }
}

}  // namespace gk::ingest
