// Reading the three tables of a report from the items of their sections
// (report-format.md §1 section 二, §2 section 三, §3 section 四).
#pragma once

#include <optional>
#include <vector>

#include "ingest/tokens.h"
#include "report/model.h"

namespace gk::ingest {

struct Section2Read {
  std::optional<report::Section2> table;  // nullopt: no row label with cells
  int rows_found = 0;                     // row labels seen
};

// Section 二 in the rows of `format` (§1.1 / §1.2). Labels are matched in any
// order (they are distinct; provincial annotations and extra rows are
// ignored, §1.3). Money is stored in fen; a fee or procurement amount printed
// in 元 instead of 万元 is converted and reported in `findings` as
// "unit_converted" (warning).
Section2Read ReadSection2(const std::vector<Item>& items, report::Format format,
                          std::vector<report::Finding>& findings);

struct Section3Read {
  std::optional<report::Section3> table;  // nullopt: no row label with cells
  int rows_found = 0;
  bool split_other = false;   // the three 2021 （六） sub-rows were printed
  bool single_other = false;  // the single 2019 （六）其他处理 row was printed
};

// Section 三 (§2): the 25/23 rows in printed order, 7 cells each. A row the
// document lacks keeps all cells null. Rows of both formats are read; with
// `format` 2019 and the three 2021 sub-rows printed, `other` is their sum.
Section3Read ReadSection3(const std::vector<Item>& items, report::Format format);

// Section 四 (§3): the 15 cells after the header (or, for a table with one
// labelled row per group, after each label); with more, the last window that
// satisfies I4. nullopt when no number or blank marker follows the header.
std::optional<report::Section4> ReadSection4(const std::vector<Item>& items);

}  // namespace gk::ingest
