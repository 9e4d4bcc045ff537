#include "ingest/xlsx_reader.h"

#include <pugixml.hpp>

#include <charconv>
#include <cstring>
#include <exception>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ingest/flat_text.h"
#include "ingest/zip_archive.h"

namespace gk::ingest {
namespace {

constexpr size_t kMaxCells = 1'000'000;
constexpr int kMaxColumn = 16384;      // XFD
constexpr int kMaxRow = 1'048'576;
constexpr int kMaxReadColumn = 256;
constexpr size_t kMaxMerges = 4096;
constexpr size_t kMaxMergeRows = 1'000'000;  // rows indexed over all merged ranges

// "B12" → (11, 1) zero-based (row, column); false when malformed.
bool ParseRef(std::string_view ref, int& row, int& col) {
  size_t i = 0;
  col = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    col = col * 26 + (ref[i] - 'A' + 1);
    if (col > kMaxColumn) return false;
    ++i;
  }
  if (i == 0 || i == ref.size()) return false;
  row = 0;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9') return false;
    row = row * 10 + (ref[i] - '0');
    if (row > kMaxRow) return false;
  }
  if (row == 0) return false;
  row -= 1;
  col -= 1;
  return true;
}

// Concatenated text of t elements, skipping phonetic runs (rPh).
std::string RichText(const pugi::xml_node& si) {
  std::string s;
  for (const pugi::xml_node& n : si.children()) {
    if (std::strcmp(n.name(), "t") == 0) {
      s += n.text().get();
    } else if (std::strcmp(n.name(), "r") == 0) {
      s += n.child("t").text().get();
    }
  }
  return s;
}

std::string NumberText(const char* v) {
  double d = 0;
  const char* end = v + std::strlen(v);
  auto [p, ec] = std::from_chars(v, end, d);
  if (ec != std::errc() || p != end) return v;
  char buf[64];
  auto [q, ec2] = std::to_chars(buf, buf + sizeof buf, d);
  if (ec2 != std::errc()) return v;
  return std::string(buf, q);
}

Status Malformed(const std::string& part, const pugi::xml_parse_result& r) {
  return Status::Unreadable("XLSX: " + part + " is not well-formed XML (" + r.description() + ")");
}

std::string ResolveTarget(std::string target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return "xl/" + target;
}

class SheetReader {
 public:
  SheetReader(const std::vector<std::string>& shared, FlatText& out, size_t& cells)
      : shared_(shared), out_(out), cells_(cells) {}

  Status Read(const pugi::xml_document& doc) {
    const pugi::xml_node ws = doc.child("worksheet");
    // Merged ranges: every covered cell but the top-left one.
    for (const pugi::xml_node& m : ws.child("mergeCells").children("mergeCell")) {
      std::string_view ref = m.attribute("ref").value();
      const size_t colon = ref.find(':');
      if (colon == std::string_view::npos) continue;
      int r1, c1, r2, c2;
      if (!ParseRef(ref.substr(0, colon), r1, c1) || !ParseRef(ref.substr(colon + 1), r2, c2)) {
        continue;
      }
      if (r2 < r1 || c2 < c1) continue;
      if (static_cast<size_t>(r2 - r1 + 1) * static_cast<size_t>(c2 - c1 + 1) > kMaxCells) {
        continue;
      }
      if (merges_.size() >= kMaxMerges) continue;
      // Indexed by row, so a cell looks at the merges of its own row only.
      if (indexed_ + static_cast<size_t>(r2 - r1 + 1) > kMaxMergeRows) continue;
      indexed_ += static_cast<size_t>(r2 - r1 + 1);
      merges_.push_back({r1, c1, r2, c2});
      for (int r = r1; r <= r2; ++r) by_row_[r].push_back(merges_.size() - 1);
    }
    int next_row = 0;
    for (const pugi::xml_node& row : ws.child("sheetData").children("row")) {
      int r = next_row;
      if (const char* rr = row.attribute("r").value(); *rr) r = std::atoi(rr) - 1;
      if (r < 0 || r >= kMaxRow) r = next_row;
      next_row = r + 1;
      std::map<int, std::string> values;
      int next_col = 0;
      for (const pugi::xml_node& c : row.children("c")) {
        if (++cells_ > kMaxCells) return Status::Unreadable("XLSX: more than 1 000 000 cells");
        int cr = r, cc = next_col;
        if (const char* ref = c.attribute("r").value(); *ref) {
          if (!ParseRef(ref, cr, cc)) cc = next_col;
        }
        if (cc >= kMaxReadColumn) continue;  // far right of any report table
        next_col = cc + 1;
        if (Covered(r, cc)) continue;
        values[cc] = Value(c);
      }
      if (values.empty()) continue;
      Emit(r, values);
    }
    out_.EndTable();
    return Status::Ok();
  }

 private:
  struct Range {
    int r1, c1, r2, c2;
  };

  bool Covered(int r, int c) const {
    auto it = by_row_.find(r);
    if (it == by_row_.end()) return false;
    for (size_t i : it->second) {
      const Range& m = merges_[i];
      if (c >= m.c1 && c <= m.c2) return !(r == m.r1 && c == m.c1);
    }
    return false;
  }

  std::string Value(const pugi::xml_node& c) const {
    const std::string_view t = c.attribute("t").value();
    if (t == "inlineStr") return RichText(c.child("is"));
    const char* v = c.child("v").text().get();
    if (t == "s") {
      const long i = std::atol(v);
      if (i >= 0 && static_cast<size_t>(i) < shared_.size()) return shared_[static_cast<size_t>(i)];
      return "";
    }
    if (t == "str" || t == "e") return v;
    if (t == "b") return std::strcmp(v, "1") == 0 ? "TRUE" : "FALSE";
    if (*v == '\0') return "";
    return NumberText(v);
  }

  void Emit(int r, const std::map<int, std::string>& values) {
    const int last = values.rbegin()->first;
    std::vector<std::string> cells;
    int non_empty = 0;
    for (int c = 0; c <= last; ++c) {
      if (Covered(r, c)) continue;
      auto it = values.find(c);
      cells.push_back(it == values.end() ? std::string() : it->second);
      if (!CellText(cells.back()).empty()) ++non_empty;
    }
    if (non_empty == 0) return;
    // Leading empty cells are margin, not blank figures.
    size_t first = 0;
    while (first < cells.size() && CellText(cells[first]).empty()) ++first;
    cells.erase(cells.begin(), cells.begin() + static_cast<long>(first));
    if (cells.size() == 1) {
      out_.Paragraph(cells[0]);
    } else {
      out_.Row(cells);
    }
  }

  const std::vector<std::string>& shared_;
  FlatText& out_;
  size_t& cells_;
  std::vector<Range> merges_;
  std::unordered_map<int, std::vector<size_t>> by_row_;
  size_t indexed_ = 0;  // row entries in by_row_
};

Result<std::vector<std::string>> SharedStrings(std::string_view xml) {
  std::vector<std::string> shared;
  pugi::xml_document d;
  const auto pr = d.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!pr) return Malformed("xl/sharedStrings.xml", pr);
  for (const pugi::xml_node& si : d.child("sst").children("si")) shared.push_back(RichText(si));
  return shared;
}

Result<std::string> Read(std::string_view bytes) {
  auto zip = ZipArchive::Open(bytes);
  if (!zip.ok()) return zip.status();
  auto wb_xml = zip->Read("xl/workbook.xml");
  if (!wb_xml.ok()) return Status::Unreadable("XLSX: " + wb_xml.status().message());

  std::vector<std::string> shared;
  if (zip->Has("xl/sharedStrings.xml")) {
    auto ss = zip->Read("xl/sharedStrings.xml");
    if (!ss.ok()) return Status::Unreadable("XLSX: " + ss.status().message());
    auto strings = SharedStrings(*ss);
    if (!strings.ok()) return strings.status();
    shared = std::move(strings).value();
  }

  // Sheet order from the workbook; part names from its relationships.
  std::map<std::string, std::string> targets;
  if (zip->Has("xl/_rels/workbook.xml.rels")) {
    auto rels = zip->Read("xl/_rels/workbook.xml.rels");
    if (rels.ok()) {
      pugi::xml_document d;
      if (d.load_buffer(rels->data(), rels->size())) {
        for (const pugi::xml_node& r : d.child("Relationships").children("Relationship")) {
          targets[r.attribute("Id").value()] = ResolveTarget(r.attribute("Target").value());
        }
      }
    }
  }
  pugi::xml_document wb;
  const auto pr = wb.load_buffer(wb_xml->data(), wb_xml->size());
  if (!pr) return Malformed("xl/workbook.xml", pr);
  std::vector<std::string> parts;
  int n = 0;
  for (const pugi::xml_node& s : wb.child("workbook").child("sheets").children("sheet")) {
    ++n;
    auto it = targets.find(s.attribute("r:id").value());
    parts.push_back(it != targets.end() ? it->second
                                        : "xl/worksheets/sheet" + std::to_string(n) + ".xml");
  }
  if (parts.empty()) return Status::Unreadable("XLSX: the workbook has no worksheet");

  FlatText out;
  // The document title (docProps/core.xml dc:title) names agency and year
  // when the sheets only hold the tables.
  if (zip->Has("docProps/core.xml")) {
    auto core = zip->Read("docProps/core.xml");
    pugi::xml_document d;
    if (core.ok() && d.load_buffer(core->data(), core->size())) {
      out.Paragraph(d.child("cp:coreProperties").child("dc:title").text().get());
    }
  }
  size_t cells = 0;
  std::set<std::string> seen;
  for (const std::string& part : parts) {
    if (!seen.insert(part).second || !zip->Has(part)) continue;
    auto xml = zip->Read(part);
    if (!xml.ok()) return Status::Unreadable("XLSX: " + xml.status().message());
    pugi::xml_document d;
    const auto spr = d.load_buffer(xml->data(), xml->size(), pugi::parse_default | pugi::parse_ws_pcdata);
    if (!spr) return Malformed(part, spr);
    SheetReader reader(shared, out, cells);
    if (Status st = reader.Read(d); !st.ok()) return st;
    if (out.full()) break;
  }
  return out.text();
}

Result<std::string> ReadSheet(std::string_view sheet_xml, std::string_view shared_xml) {
  std::vector<std::string> shared;
  if (!shared_xml.empty()) {
    auto strings = SharedStrings(shared_xml);
    if (!strings.ok()) return strings.status();
    shared = std::move(strings).value();
  }
  pugi::xml_document d;
  const auto pr = d.load_buffer(sheet_xml.data(), sheet_xml.size(),
                                pugi::parse_default | pugi::parse_ws_pcdata);
  if (!pr) return Malformed("the worksheet", pr);
  FlatText out;
  size_t cells = 0;
  SheetReader reader(shared, out, cells);
  if (Status st = reader.Read(d); !st.ok()) return st;
  return out.text();
}

}  // namespace

Result<std::string> SheetXmlToText(std::string_view sheet_xml, std::string_view shared_xml) {
  try {
    return ReadSheet(sheet_xml, shared_xml);
  } catch (const std::exception& e) {
    return Status::Unreadable(std::string("XLSX could not be read: ") + e.what());
  }
}

Result<std::string> XlsxToText(std::string_view bytes) {
  try {
    return Read(bytes);
  } catch (const std::exception& e) {
    return Status::Unreadable(std::string("XLSX could not be read: ") + e.what());
  }
}

}  // namespace gk::ingest
