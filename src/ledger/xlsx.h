// The 台账 as an XLSX workbook (libxlsxwriter), for the agency and the
// supervising office. No personal data of applicants: only what LedgerRow
// holds (ledger.h).
//
// Sheet 1 “台账”: a title row, a header row (bold, bordered, frozen, with an
// autofilter), one row per LedgerRow in the given order, and a totals row
// whose COUNT / COUNTA / COUNTIF formulas are written with their computed
// values cached (so readers that do not recalculate see the figures). Dates
// are real Excel dates (serial numbers formatted yyyy-mm-dd), days taken a
// number. A note row below says what the ledger leaves out.
//
// Sheet 2 “办理结果汇总”: applications concluded in [from, to] counted by
// report table 三 outcome row (SummariseOutcomes), each a COUNTIFS over sheet
// 1 with its cached value, a total, and the 协助调查 count on its own line
// (listed, never counted in the outcome rows).
//
// libxlsxwriter 1.1.4 (Debian 12) writes only to a file: the workbook is
// written to a private temporary directory, read back, and the directory is
// removed. Errors are Status::Internal naming the step; nothing throws.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "ledger/ledger.h"

namespace gk::ledger {

struct LedgerMeta {
  std::string agency_name;  // in the titles
  Date from;                // the period, both ends included
  Date to;
  // Printed as 导出日期 and used as the file's creation date (so that equal
  // input gives equal document properties); `to` when absent.
  std::optional<Date> generated_on;
};

// The XLSX bytes of the ledger.
Result<std::string> RenderLedgerXlsx(const std::vector<LedgerRow>& rows, const LedgerMeta& meta);

// A one-sheet table (e.g. the supervising office's monthly 通报): a title row,
// an optional subtitle row, a bold header row (frozen, with an autofilter)
// and the rows; numbers are written as numbers.
struct TableSheet {
  std::string sheet_name;
  std::string title;
  std::string subtitle;
  std::vector<std::string> headers;
  struct Cell {
    std::string text;
    std::optional<double> number;  // set: a number cell
  };
  std::vector<std::vector<Cell>> rows;
  Date created_on;  // the file's creation date
};
Result<std::string> RenderTableXlsx(const TableSheet& table);

// Sheet names, for readers of the file.
inline constexpr const char* kLedgerSheet = "台账";
inline constexpr const char* kSummarySheet = "办理结果汇总";

// The Excel serial number of a date (1900 date system: 1899-12-30 is 0).
double ExcelSerial(Date d);

}  // namespace gk::ledger
