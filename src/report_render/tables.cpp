#include "report_render/tables.h"

#include <string_view>

namespace gk::report_render {
namespace {

using report::Format;
using report::Row3;

TableCell Header(std::string_view text, int row_span = 1, int col_span = 1) {
  TableCell c;
  c.text = std::string(text);
  c.role = CellRole::kColumnHeader;
  c.row_span = row_span;
  c.col_span = col_span;
  return c;
}

TableCell RowHeader(std::string_view text, int row_span = 1, int col_span = 1) {
  TableCell c = Header(text, row_span, col_span);
  c.role = CellRole::kRowHeader;
  return c;
}

TableCell Value(const report::Cell& v, ValueKind kind, int col_span = 1) {
  TableCell c;
  c.role = CellRole::kValue;
  c.value = v;
  c.kind = kind;
  c.text = FormatValue(v, kind);
  c.col_span = col_span;
  return c;
}

ValueKind KindOf(report::FieldKind k) {
  switch (k) {
    case report::FieldKind::kSignedCount:
      return ValueKind::kSigned;
    case report::FieldKind::kMoney:
      return ValueKind::kMoney;
    case report::FieldKind::kCount:
      break;
  }
  return ValueKind::kCount;
}

// The sum of cells, blanks read as 0 (report-format.md §4: blank detail cells
// beside a filled total count as 0).
int64_t SumOf(const std::vector<report::Cell>& cells) {
  int64_t s = 0;
  for (const report::Cell& c : cells) s += c.value_or(0);
  return s;
}

}  // namespace

int Table::header_rows() const {
  int n = 0;
  while (n < static_cast<int>(rows.size()) && rows[static_cast<size_t>(n)].header) ++n;
  return n;
}

std::string FormatValue(const std::optional<int64_t>& v, ValueKind kind) {
  if (!v) return "";
  switch (kind) {
    case ValueKind::kMoney:
      return report::FormatMoney(*v);
    case ValueKind::kSigned:
      if (*v > 0) {
        // (Built with += : GCC 12 warns falsely about "literal" + std::string.)
        std::string out = "+";
        out += std::to_string(*v);
        return out;
      }
      return std::to_string(*v);
    case ValueKind::kCount:
      break;
  }
  return std::to_string(*v);
}

std::vector<PlacedCell> Place(const Table& t) {
  std::vector<PlacedCell> out;
  const int ncols = t.columns;
  std::vector<std::vector<bool>> used(t.rows.size(), std::vector<bool>(static_cast<size_t>(ncols)));
  for (size_t r = 0; r < t.rows.size(); ++r) {
    int col = 0;
    for (const TableCell& c : t.rows[r].cells) {
      while (col < ncols && used[r][static_cast<size_t>(col)]) ++col;
      if (col + c.col_span > ncols || r + static_cast<size_t>(c.row_span) > t.rows.size()) break;
      bool free = true;
      for (int dr = 0; dr < c.row_span; ++dr) {
        for (int dc = 0; dc < c.col_span; ++dc) {
          if (used[r + static_cast<size_t>(dr)][static_cast<size_t>(col + dc)]) free = false;
        }
      }
      if (!free) break;
      for (int dr = 0; dr < c.row_span; ++dr) {
        for (int dc = 0; dc < c.col_span; ++dc) {
          used[r + static_cast<size_t>(dr)][static_cast<size_t>(col + dc)] = true;
        }
      }
      out.push_back(PlacedCell{static_cast<int>(r), col, &c});
      col += c.col_span;
    }
  }
  return out;
}

// ---- Table 二 (report-format.md §1) -----------------------------------------------------
// Four columns: the label (信息内容) and up to three figures. A block opens
// with its article row spanning the table, then its header row; a block with
// fewer than three fields lets its last header and figure span the rest.

std::optional<Table> Table2(const report::Report& r) {
  if (!r.section2) return std::nullopt;
  Table t;
  t.id = "table2";
  t.caption = "二、主动公开政府信息情况";
  t.columns = 4;
  t.widths = {3.2, 2.2, 2.2, 2.2};
  t.label_columns = 1;
  const auto rows = report::Rows2(r.format);
  std::string_view block;
  for (size_t i = 0; i < rows.size(); ++i) {
    const report::Row2Spec& spec = rows[i];
    const int nfields = static_cast<int>(spec.fields.size());
    if (spec.block != block) {
      block = spec.block;
      TableRow b;
      TableCell bc = Header(block, 1, 4);
      bc.role = CellRole::kBlock;
      b.cells.push_back(bc);
      t.rows.push_back(std::move(b));
      TableRow h;
      h.cells.push_back(Header("信息内容"));
      for (int j = 0; j < nfields; ++j) {
        h.cells.push_back(Header(spec.fields[static_cast<size_t>(j)].header, 1,
                                 j + 1 == nfields ? 4 - nfields : 1));
      }
      t.rows.push_back(std::move(h));
    }
    TableRow d;
    d.key = std::string(spec.key);
    d.cells.push_back(RowHeader(spec.label));
    for (int j = 0; j < nfields; ++j) {
      report::Cell v;
      if (i < r.section2->cells.size() && static_cast<size_t>(j) < r.section2->cells[i].size()) {
        v = r.section2->cells[i][static_cast<size_t>(j)];
      }
      d.cells.push_back(Value(v, KindOf(spec.fields[static_cast<size_t>(j)].kind),
                              j + 1 == nfields ? 4 - nfields : 1));
    }
    t.rows.push_back(std::move(d));
  }
  return t;
}

// ---- Table 三 (report-format.md §2) -----------------------------------------------------
// Ten columns: three label columns (top level / group / sub-item) and the
// seven figures. Header of three rows under the 勾稽关系 note.

std::optional<Table> Table3(const report::Report& r) {
  if (!r.section3) return std::nullopt;
  const report::Section3& s = *r.section3;
  Table t;
  t.id = "table3";
  t.caption = "三、收到和处理政府信息公开申请情况";
  t.columns = 3 + report::kNumCols3;
  t.widths = {1.6, 2.6, 8.2, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8};
  t.label_columns = 3;

  TableRow h1;
  h1.header = true;
  TableCell note =
      Header("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3);
  note.role = CellRole::kNote;
  h1.cells.push_back(note);
  h1.cells.push_back(Header("申请人情况", 1, 6));
  h1.cells.push_back(Header(report::ColLabel3(report::kTotalCol), 3, 1));
  TableRow h2;
  h2.header = true;
  h2.cells.push_back(Header(report::ColLabel3(0), 2, 1));
  h2.cells.push_back(Header("法人或其他组织", 1, 5));
  TableRow h3;
  h3.header = true;
  for (int c = 1; c <= 5; ++c) h3.cells.push_back(Header(report::ColLabel3(c)));
  t.rows = {h1, h2, h3};

  const auto specs = report::Rows3(r.format);
  constexpr std::string_view kResults = "三、本年度办理结果";
  const int first_data = static_cast<int>(t.rows.size());
  // Grid rows of the outcome rows (contiguous: （一） … （六）).
  int first_outcome = -1, last_outcome = -1;
  for (size_t i = 0; i < specs.size(); ++i) {
    if (specs[i].outcome) {
      if (first_outcome < 0) first_outcome = first_data + static_cast<int>(i);
      last_outcome = first_data + static_cast<int>(i);
    }
  }
  for (size_t i = 0; i < specs.size(); ++i) {
    const report::Row3Spec& spec = specs[i];
    TableRow d;
    d.key = std::string(spec.key);
    if (spec.group.empty()) {
      d.cells.push_back(RowHeader(spec.label, 1, 3));
    } else {
      if (i == 0 || specs[i - 1].group.empty()) {
        // The merged cell 三、本年度办理结果 over every result row.
        int span = 0;
        for (size_t k = i; k < specs.size() && !specs[k].group.empty(); ++k) ++span;
        d.cells.push_back(RowHeader(kResults, span, 1));
      }
      if (spec.group == kResults) {
        d.cells.push_back(RowHeader(spec.label, 1, 2));
      } else {
        if (specs[i - 1].group != spec.group) {
          int span = 0;
          for (size_t k = i; k < specs.size() && specs[k].group == spec.group; ++k) ++span;
          d.cells.push_back(RowHeader(spec.group, span, 1));
        }
        d.cells.push_back(RowHeader(spec.label));
      }
    }
    std::vector<report::Cell> details;
    for (int c = 0; c < report::kTotalCol; ++c) details.push_back(s.at(spec.id, c));
    for (int c = 0; c < report::kNumCols3; ++c) {
      TableCell v = Value(s.at(spec.id, c), ValueKind::kCount);
      if (v.value && spec.id == Row3::kTotal && first_outcome >= 0) {
        std::vector<report::Cell> outcomes;
        for (const report::Row3Spec& o : specs) {
          if (o.outcome) outcomes.push_back(s.at(o.id, c));
        }
        if (*v.value == SumOf(outcomes)) {
          v.sum = TableCell::Sum::kColumn;
          v.sum_from = first_outcome;
          v.sum_to = last_outcome;
        }
      }
      if (v.value && v.sum == TableCell::Sum::kNone && c == report::kTotalCol &&
          *v.value == SumOf(details)) {
        v.sum = TableCell::Sum::kRow;
        v.sum_from = 3;
        v.sum_to = 3 + report::kTotalCol - 1;
      }
      d.cells.push_back(v);
    }
    t.rows.push_back(std::move(d));
  }
  return t;
}

// ---- Table 四 (report-format.md §3) -----------------------------------------------------
// Fifteen figures under a three-row header; each 总计 is the sum of the four
// results before it.

std::optional<Table> Table4(const report::Report& r) {
  if (!r.section4) return std::nullopt;
  Table t;
  t.id = "table4";
  t.caption = "四、政府信息公开行政复议、行政诉讼情况";
  t.columns = report::kNumGroups4 * report::kNumFields4;
  t.widths.assign(static_cast<size_t>(t.columns), 1.0);
  t.label_columns = 0;
  TableRow h1;
  h1.header = true;
  h1.cells.push_back(Header("行政复议", 1, 5));
  h1.cells.push_back(Header("行政诉讼", 1, 10));
  TableRow h2;
  h2.header = true;
  for (int f = 0; f < report::kNumFields4; ++f)
    h2.cells.push_back(Header(report::FieldLabel4(f), 2, 1));
  h2.cells.push_back(Header("未经复议直接起诉", 1, 5));
  h2.cells.push_back(Header("复议后起诉", 1, 5));
  TableRow h3;
  h3.header = true;
  for (int g = 1; g < report::kNumGroups4; ++g) {
    for (int f = 0; f < report::kNumFields4; ++f)
      h3.cells.push_back(Header(report::FieldLabel4(f)));
  }
  TableRow d;
  d.key = "section4";
  for (int g = 0; g < report::kNumGroups4; ++g) {
    const auto& cells = r.section4->cells[static_cast<size_t>(g)];
    std::vector<report::Cell> parts(cells.begin(), cells.begin() + report::kNumFields4 - 1);
    for (int f = 0; f < report::kNumFields4; ++f) {
      TableCell v = Value(cells[static_cast<size_t>(f)], ValueKind::kCount);
      if (f == report::kNumFields4 - 1 && v.value && *v.value == SumOf(parts)) {
        v.sum = TableCell::Sum::kRow;
        v.sum_from = g * report::kNumFields4;
        v.sum_to = g * report::kNumFields4 + report::kNumFields4 - 2;
      }
      d.cells.push_back(v);
    }
  }
  t.rows = {h1, h2, h3, d};
  return t;
}

std::vector<Table> Tables(const report::Report& r) {
  std::vector<Table> out;
  for (auto t : {Table2(r), Table3(r), Table4(r)}) {
    if (t) out.push_back(std::move(*t));
  }
  return out;
}

}  // namespace gk::report_render
