// Flattened table text as a stream of items, the same for every layout
// (report-format.md §6 item 1): one cell per line (seed 001), one row per line
// with tab-separated cells (002, 004), "label value" inside one cell (004).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ingest/normalize.h"
#include "ingest/numbers.h"

namespace gk::ingest {

enum class ItemKind {
  kText,       // words of a cell that are not trailing values (a label or header)
  kValue,      // a number or a blank-cell marker
  kEmptyCell,  // a cell with nothing in it (between tabs, or a line of only a tab)
  kEndOfLine,  // after the items of every non-blank line
  kBlankLine,  // an empty line: ends a row in the one-cell-per-line layout
};

struct Item {
  ItemKind kind = ItemKind::kText;
  std::string text;     // kText: the words without whitespace; kValue: the token
  Token token;          // kValue only
  bool prose = false;   // kText of a prose line (never a row label)
  int line = 0;         // index into NormalizedText::lines
  int line_values = 0;  // kEndOfLine: value and empty-cell items on that line
};

// Ranges are cut here so a hostile input cannot produce unbounded work.
inline constexpr size_t kMaxItems = 50'000;

// Items of lines [begin, end). Cells are separated by tabs or '|'; the
// separator that starts a line is indentation, not an empty cell. Inside a
// cell, only the words after the last text word are values, so digits that
// belong to a label ("1 属于国家秘密", "第二十条第(一)项") are never read as
// values, while "行政许可 0" gives the label and the value 0. A unit word after
// a number ("3 件") belongs to the number. A prose line is one kText item.
std::vector<Item> Tokenize(const std::vector<Line>& lines, size_t begin, size_t end);

}  // namespace gk::ingest
