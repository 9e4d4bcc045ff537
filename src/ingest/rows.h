// Finding the rows of a flattened table and the cells that follow each label
// (report-format.md §6 items 1–5, §6.1 steps 4–6). Layout-independent: it
// works on the item stream of tokens.h.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/tokens.h"

namespace gk::ingest {

// A distinctive substring of a row label, matched on whitespace-free
// normalised text. A weak anchor ("总计", "其他") is ambiguous (a column
// header too, §6 item 4) and only counts within three rows of the last row
// that received values.
struct Anchor {
  std::string_view text;
  bool weak = false;
};

struct RowDef {
  std::span<const Anchor> anchors;
  size_t n_values = 0;  // cells of the row
};

enum class RowOrder {
  kPrinted,   // rows only follow each other in the printed order (section 三)
  kAnyOrder,  // each row at most once, in any order (section 二's distinct labels)
};

// One cell position after a label: nullopt for an empty cell; otherwise a
// number or a blank marker.
using Slot = std::optional<Token>;

struct RowMatch {
  bool found = false;       // the row's label was seen (with cells, or last in the table)
  std::vector<Slot> slots;  // cells that followed the label, in order
  std::string context;      // text since the previous row (block and header cells) + label
  int line = -1;            // line of the label
};

// Assigns the items to rows. A label may be split over several items and
// lines (its anchor is searched in the run of consecutive text items, and
// the latest match wins, so a group cell such as "（六）其他处理" followed by
// "1.申请人…逾期不补正…" resolves to the sub-row). A label without values is
// replaced by the next label. A row closes once it has its cells and then
// meets non-label text, an empty line, or the end of a line that held several
// cells; value-less continuation lines after it are never a row.
std::vector<RowMatch> MatchRows(const std::vector<Item>& items, std::span<const RowDef> rows,
                                RowOrder order);

// Accepts or rejects a candidate window of cells (e.g. identity I1).
using WindowCheck = std::function<bool(std::span<const Slot>)>;

// Chooses the `n` cells of a row from its slots: trailing empty cells are
// dropped (column drift, §6 item 17); with more slots than `n`, the last
// window accepted by `check` wins, else the last `n` (OCR noise before the
// values, §6 item 5); with fewer, the cells fill from the left, after any
// empty label-column padding, and the rest stay empty (a cut-off row, §6.1
// step 5).
std::vector<Slot> PickCells(const std::vector<Slot>& slots, size_t n, const WindowCheck& check);

// The value of a slot, or nullopt for an empty cell or a blank marker.
const Number* SlotNumber(const Slot& s);

}  // namespace gk::ingest
