// The 勾稽 checker: the identities of report-format.md §4 applied to one report,
// with the finding codes of interface.md. Used by `gongkai check`, by the
// report generator and by the supervisor's dashboard alike.
//
// Strict identities (errors): I1 row_sum, I2 column_sum, I3 balance,
// I4 section4_sum, I5/I6 negative_value; completeness: missing_section,
// missing_table, format_mismatch. Warnings: W1 carryover, W2 in_force_drift /
// repealed_exceeds_in_force, W3 previous_items_drift, W4
// published_exceeds_made, W5 text_table_mismatch, W6 carried_forward_high,
// blank_cell, previous_year_mismatch. W7 (section 四 against section 三) is
// deliberately never checked. docs/report-schema.md defines which blank cells
// count as 0. A spreadsheet (source.kind "xlsx") holds the tables only: its
// prose sections 一, 五, 六 are not required.
#pragma once

#include <vector>

#include "report/finding.h"
#include "report/model.h"

namespace gk::report {

struct ValidateOptions {
  // The same agency's report for the year before, for W1–W3; nullptr = none.
  const Report* previous = nullptr;
};

// All findings for the report, plus report.document->reader_findings, sorted
// by section (whole-report findings first, then 一 … 六), printed row order,
// column order, severity (errors first), code. Pure and deterministic; never
// throws. Every message is Chinese and names the section, row and column
// labels as printed, the expected and the actual figure.
std::vector<Finding> Validate(const Report& report, const ValidateOptions& options = {});

// True when any finding has severity error.
bool HasErrors(const std::vector<Finding>& findings);

}  // namespace gk::report
