// The three tables of the report (二, 三, 四) as a format-neutral grid with
// merged cells, built once from the model and drawn by every renderer, so
// HTML, DOCX, PDF and XLSX show the same official layout
// (report-format.md §1–§3; docs/report-render.md draws them).
//
// A Table is a list of rows; a row lists only the cells that start in it
// (like HTML: a cell with row_span 3 is absent from the next two rows).
// Place() gives each cell its grid position, for formats that need one
// (DOCX vMerge continuation cells, PDF, XLSX merged ranges).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report/model.h"

namespace gk::report_render {

enum class CellRole {
  kColumnHeader,  // <th scope="col"> (or "colgroup" when it spans columns)
  kRowHeader,     // <th scope="row"> (or "rowgroup" when it spans rows)
  kBlock,         // a block row of table 二, e.g. 第二十条第（一）项 (spans the table)
  kNote,          // the top-left note of table 三 (勾稽关系)
  kValue,         // a figure (right-aligned); blank when value is null
};

enum class ValueKind {
  kCount,   // an integer
  kSigned,  // 本年增/减: printed with its sign (+1, -1, 0)
  kMoney,   // 万元 from integer fen (report::FormatMoney)
};

struct TableCell {
  std::string text;  // as printed; "" for a blank value
  CellRole role = CellRole::kValue;
  int row_span = 1;
  int col_span = 1;
  // Values only: the figure (null = blank cell) and how it is printed.
  std::optional<int64_t> value;
  ValueKind kind = ValueKind::kCount;
  // Values only: the spreadsheet formula of a total, filled in by the
  // builder when the report's figure equals it (see docs/report-render.md),
  // e.g. sum of the columns [first_col, last_col] of this row or of the rows
  // [first_row, last_row] of this column (grid coordinates).
  enum class Sum { kNone, kRow, kColumn } sum = Sum::kNone;
  int sum_from = 0;  // first grid column (kRow) or row (kColumn)
  int sum_to = 0;    // last, inclusive
};

struct TableRow {
  std::vector<TableCell> cells;
  bool header = false;  // part of the column header (repeated on each page)
  std::string key;      // model key of a data row ("new", "rules", …), "" otherwise
};

struct Table {
  std::string id;              // "table2" | "table3" | "table4"
  std::string caption;         // e.g. 二、主动公开政府信息情况
  int columns = 0;             // grid width
  std::vector<double> widths;  // relative column widths (sum is arbitrary)
  int label_columns = 0;       // leading columns holding labels
  std::vector<TableRow> rows;
  int header_rows() const;  // leading rows with header == true
};

// One cell with its grid position (top-left corner).
struct PlacedCell {
  int row = 0;
  int col = 0;
  const TableCell* cell = nullptr;
};

// The cells of a table with their grid positions, in row order then column
// order. Cells that would overlap or overflow the grid are a bug of the
// builder and are dropped.
std::vector<PlacedCell> Place(const Table& t);

// The printed text of a figure: "" for null, FormatMoney for money, a sign
// for positive changes ("+1").
std::string FormatValue(const std::optional<int64_t>& v, ValueKind kind);

// The tables of the report in its format. A section that is null in the
// model gives no table.
std::optional<Table> Table2(const report::Report& r);
std::optional<Table> Table3(const report::Report& r);
std::optional<Table> Table4(const report::Report& r);
std::vector<Table> Tables(const report::Report& r);

}  // namespace gk::report_render
