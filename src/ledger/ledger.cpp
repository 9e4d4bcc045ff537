#include "ledger/ledger.h"

#include <algorithm>

#include "law/outcomes.h"

namespace gk::ledger {
namespace {

using cases::CaseKind;
using cases::CaseState;

Timeliness TimelinessOf(const CaseState& s, Date as_of, const law::Calendar& cal) {
  if (s.kind == CaseKind::kAssistance && !s.reply_by) return Timeliness::kNoDeadline;
  const cases::DueState d = s.DueStateOn(as_of, cal);
  if (s.IsConcluded()) {
    return d == cases::DueState::kOverdue ? Timeliness::kConcludedLate
                                          : Timeliness::kConcludedOnTime;
  }
  switch (d) {
    case cases::DueState::kOnTime:
      return Timeliness::kOnTime;
    case cases::DueState::kDueSoon:
      return Timeliness::kDueSoon;
    case cases::DueState::kOverdue:
      return Timeliness::kOverdue;
  }
  return Timeliness::kOnTime;
}

LedgerRow RowOf(const CaseState& s, Date as_of, const law::Calendar& cal) {
  LedgerRow r;
  r.tracking_no = s.case_id;
  r.kind = s.kind;
  r.kind_label = s.kind == CaseKind::kAssistance ? "协助调查" : "依申请";
  r.channel_label = std::string(cases::Label(s.channel));
  if (s.kind == CaseKind::kApplication && s.applicant_type) {
    r.applicant_type_label = std::string(cases::Label(*s.applicant_type));
  }
  r.received_on = s.received_on;
  r.concluded_on = s.ConcludedOn();
  r.served_on = s.served_on;
  r.status_label = std::string(cases::Label(s.status));
  r.working_days = s.WorkingDaysTaken(cal, as_of);
  r.timeliness = TimelinessOf(s, as_of, cal);
  if (s.kind == CaseKind::kAssistance) {
    r.due_on = s.reply_by;
    if (s.answered_on) r.outcome_label = std::string(cases::Label(cases::CaseStatus::kAnswered));
    return r;
  }
  r.clock_start = s.clock_start;
  if (s.extension) r.extension_days = s.extension->days;
  if (s.IsOpen()) {
    // The due date as of as_of: an open pause ends then at the earliest.
    if (auto d = s.DeadlinesOn(as_of, cal); d.ok()) r.due_on = d->due_on;
  } else if (s.deadlines) {
    r.due_on = s.deadlines->due_on;
  }
  if (s.conclusion) {
    r.outcome_label = std::string(law::Label(s.conclusion->outcome));
    r.report_row = s.ReportRow(report::FormatForYear(s.conclusion->on.year()));
    if (r.report_row) r.report_row_label = RowLabel(*r.report_row);
  }
  return r;
}

}  // namespace

std::string_view Label(Timeliness t) {
  switch (t) {
    case Timeliness::kOnTime:
      return "正常";
    case Timeliness::kDueSoon:
      return "即将到期";
    case Timeliness::kOverdue:
      return "已超期";
    case Timeliness::kConcludedOnTime:
      return "按期办结";
    case Timeliness::kConcludedLate:
      return "超期办结";
    case Timeliness::kNoDeadline:
      return "无期限";
  }
  return "?";
}

std::string RowLabel(report::Row3 row) {
  const report::Row3Spec& spec = report::Row3Info(row);
  // Sub-rows carry their group (（三）不予公开 …); top-level outcome rows stand alone.
  if (spec.group.starts_with("（")) return std::string(spec.group) + " " + std::string(spec.label);
  return std::string(spec.label);
}

std::vector<LedgerRow> BuildLedger(std::span<const cases::CaseState> cases, Date from, Date to,
                                   const law::Calendar& cal, std::optional<Date> as_of) {
  const Date when = as_of.value_or(to);
  std::vector<LedgerRow> rows;
  for (const CaseState& s : cases) {
    if (s.status == cases::CaseStatus::kNone || s.received_on > to) continue;
    const std::optional<Date> done = s.ConcludedOn();
    if (done && *done < from) continue;
    rows.push_back(RowOf(s, when, cal));
  }
  std::sort(rows.begin(), rows.end(), [](const LedgerRow& a, const LedgerRow& b) {
    if (a.received_on != b.received_on) return a.received_on < b.received_on;
    return a.tracking_no < b.tracking_no;
  });
  return rows;
}

OutcomeSummary SummariseOutcomes(const std::vector<LedgerRow>& rows, Date from, Date to) {
  OutcomeSummary out;
  const report::Format main = report::FormatForYear(to.year());
  const report::Format other =
      main == report::Format::k2021 ? report::Format::k2019 : report::Format::k2021;
  std::vector<int> counts(report::kNumRow3, 0);
  for (const LedgerRow& r : rows) {
    if (r.kind == CaseKind::kAssistance) {
      ++out.assistance;
      continue;
    }
    if (!r.report_row || !r.concluded_on || *r.concluded_on < from || *r.concluded_on > to) {
      continue;
    }
    ++counts[static_cast<int>(*r.report_row)];
    ++out.total;
  }
  std::vector<bool> listed(report::kNumRow3, false);
  for (const report::Row3Spec& spec : report::Rows3(main)) {
    if (!spec.outcome) continue;
    listed[static_cast<int>(spec.id)] = true;
    out.rows.push_back({spec.id, RowLabel(spec.id), counts[static_cast<int>(spec.id)]});
  }
  for (const report::Row3Spec& spec : report::Rows3(other)) {
    const int i = static_cast<int>(spec.id);
    if (!spec.outcome || listed[i] || counts[i] == 0) continue;
    listed[i] = true;
    out.rows.push_back({spec.id, RowLabel(spec.id), counts[i]});
  }
  return out;
}

}  // namespace gk::ledger
