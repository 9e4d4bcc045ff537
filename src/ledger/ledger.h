// The 台账 (case ledger) of a period: one row per case with its dates, outcome
// and days taken, built from case states (cases::CaseState, a projection of
// the events). Pure: no I/O, no clock; "today" comes in as an argument.
//
// The ledger is shared with the supervising office, so a row carries NO
// personal data of the applicant: no name, identity number, telephone,
// address or e-mail — only the tracking number, dates, labels and counts.
// The struct has no field that could hold them (ledger_test checks the
// rendered file too).
//
// 协助调查 (assistance) cases are listed, marked as such, and never counted in
// the outcome summary (report section 三 counts applications only).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cases/projection.h"
#include "cases/vocab.h"
#include "core/date.h"
#include "law/calendar.h"
#include "report/model.h"

namespace gk::ledger {

// Whether the case kept (or is keeping) its deadline.
enum class Timeliness {
  kOnTime,           // open, more than kDueSoonWorkdays working days left  — 正常
  kDueSoon,          // open, due within kDueSoonWorkdays working days      — 即将到期
  kOverdue,          // open, past its due date                              — 已超期
  kConcludedOnTime,  // concluded by its due date                            — 按期办结
  kConcludedLate,    // concluded after its due date                         — 超期办结
  kNoDeadline,       // 协助调查 without a reply date from the requesting office — 无期限
};
std::string_view Label(Timeliness t);

struct LedgerRow {
  std::string tracking_no;
  cases::CaseKind kind = cases::CaseKind::kApplication;
  std::string kind_label;            // 依申请 | 协助调查
  std::string channel_label;         // 网上申请, 信函, …
  std::string applicant_type_label;  // 自然人, 商业企业, …; "" for 协助调查
  Date received_on;                  // Art. 31 receipt date
  std::optional<Date> clock_start;   // applications: after a 补正, the corrected application
  // Applications: the reply due date (with the extension); 协助调查: the
  // requesting office's reply date, if it gave one.
  std::optional<Date> due_on;
  int extension_days = 0;  // Art. 33 ¶2; 0 = not extended
  std::optional<Date> concluded_on;
  std::string outcome_label;  // law::Label(outcome); 协助调查: 已复函; "" while open
  // The report table 三 row the outcome counts in (format of the conclusion
  // year); nullopt while open and always for 协助调查.
  std::optional<report::Row3> report_row;
  std::string report_row_label;  // e.g. "（三）不予公开 1.属于国家秘密"; "" when no row
  std::optional<Date> served_on;
  std::optional<int> working_days;  // CaseState::WorkingDaysTaken up to the conclusion / as_of
  Timeliness timeliness = Timeliness::kOnTime;
  std::string status_label;  // 已答复, 审查中, …

  bool extended() const { return extension_days > 0; }
};

// The printed label of a table 三 outcome row: the group and the row, e.g.
// "（三）不予公开 1.属于国家秘密", "（一）予以公开".
std::string RowLabel(report::Row3 row);

// The cases active in [from, to]: received on or before `to` and not concluded
// before `from` (so received in the period, concluded in it, or carried over
// open through it). Cases with no event are left out. Rows are ordered by
// receipt date, then tracking number. Open cases are measured as of `as_of`
// (days taken, due state); it defaults to `to` — pass today when `to` is later.
std::vector<LedgerRow> BuildLedger(std::span<const cases::CaseState> cases, Date from, Date to,
                                   const law::Calendar& cal,
                                   std::optional<Date> as_of = std::nullopt);

// Counts of applications concluded in [from, to] by report table 三 row.
struct OutcomeCount {
  report::Row3 row;
  std::string label;  // RowLabel(row)
  int count = 0;
};
struct OutcomeSummary {
  // Every outcome row of the format of `to`'s year, in printed order, zero
  // counts included; then any row of the other format that has cases (a
  // period spanning 2020 and 2021).
  std::vector<OutcomeCount> rows;
  int total = 0;       // sum of rows
  int assistance = 0;  // 协助调查 rows of the ledger (listed, not counted above)
};
OutcomeSummary SummariseOutcomes(const std::vector<LedgerRow>& rows, Date from, Date to);

}  // namespace gk::ledger
