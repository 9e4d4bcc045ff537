// The report as an XLSX workbook (libxlsxwriter), one worksheet per table and
// one for the charts:
//
//   “二、主动公开”  table 二 in the official layout of the report's format;
//   “三、依申请公开” table 三: the three-row merged header, merged row groups;
//   “四、复议诉讼”  table 四: the three-row merged header and 15 figures;
//   “图表”         the data of each chart (charts.h) and a native column or
//                  line chart beside it, with alternative text.
//
// Each table sheet opens with the caption and a line naming the agency and the
// statistics period (草稿 for a draft), then the grid: merged header cells
// (merge ranges), bordered cells, frozen header rows, header rows repeated
// when printed. Totals are formulas written with their cached values
// (worksheet_write_formula_num): in table 三 the 总计 column of every row is
// SUM of its six applicant columns and the row （七）总计 is SUM of the outcome
// rows above it; in table 四 each 总计 is SUM of its four results. A total is
// a formula only when the report's figure equals what the formula computes
// (blank details read as 0, report-format.md §4); otherwise the report's
// figure is written as it stands, so the workbook never shows a figure the
// report does not. Blank cells stay empty, never 0; money is a number of
// 万元 (FormatMoney precision); 本年增/减 shows its sign (+1).
//
// libxlsxwriter 1.1.4 (Debian 12) writes only to a file: the workbook goes
// through a private temporary directory that is removed afterwards. Errors
// are Status::Internal naming the step; nothing throws.
#pragma once

#include <string>

#include "core/status.h"
#include "report_render/document.h"

namespace gk::report_render {

inline constexpr const char* kSheet2 = "二、主动公开";
inline constexpr const char* kSheet3 = "三、依申请公开";
inline constexpr const char* kSheet4 = "四、复议诉讼";
inline constexpr const char* kChartSheet = "图表";

// Invalid as CheckDocument.
Result<std::string> RenderXlsx(const ReportDocument& doc);

}  // namespace gk::report_render
