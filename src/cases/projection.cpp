#include "cases/projection.h"

#include <algorithm>
#include <string>

#include "cases/transitions.h"

namespace gk::cases {
namespace {

bool SameCount(const law::WorkingDayCount& a, const law::WorkingDayCount& b) {
  if (a.from != b.from || a.days != b.days || a.date != b.date ||
      a.uncovered_years != b.uncovered_years || a.notes.size() != b.notes.size()) {
    return false;
  }
  for (size_t i = 0; i < a.notes.size(); ++i) {
    const law::DayNote& x = a.notes[i];
    const law::DayNote& y = b.notes[i];
    if (x.date != y.date || x.kind != y.kind || x.reason != y.reason) return false;
  }
  return true;
}

// law::ComputeDeadlines, except that an input date in a year the calendar does
// not cover does not fail: interface.md — an application is never refused for
// this; its dates are counted with weekends only and marked provisional until
// the year's schedule is imported.
Result<law::Deadlines> LawDeadlines(const law::DeadlineInput& in, const law::Calendar& cal) {
  Result<law::Deadlines> r = law::ComputeDeadlines(in, cal);
  if (r.ok() || r.status().code() != StatusCode::kOutOfRange) return r;
  law::Deadlines d;
  d.received = in.received;
  d.corrected = in.corrected;
  d.pauses = in.pauses;
  d.clock_start = in.corrected.value_or(in.received);
  d.correction_notice_due = law::AddWorkingDays(cal, d.received, law::kCorrectionNoticeDays);
  d.due = law::AddWorkingDays(cal, d.clock_start, law::kReplyDays, d.pauses);
  d.extended_due = law::AddWorkingDays(cal, d.due.date, law::kExtensionDays, d.pauses);
  d.paused_workdays = d.due.paused_workdays() + d.extended_due.paused_workdays();
  d.provisional = true;
  return d;
}

bool InPauses(Date d, std::span<const law::Pause> pauses) {
  for (const law::Pause& p : pauses) {
    if (p.first <= d && d <= p.second) return true;
  }
  return false;
}

// Counted working days in (from, to]: working days of the calendar outside
// every pause.
int CountedDays(const law::Calendar& cal, Date from, Date to, std::span<const law::Pause> pauses) {
  int n = 0;
  for (Date d = from.AddDays(1); d <= to; d = d.AddDays(1)) {
    if (cal.IsWorkingDay(d) && !InPauses(d, pauses)) ++n;
  }
  return n;
}

// The pauses with open ones ending on `end` (or their expected end).
std::vector<law::Pause> PausesUntil(const CaseState& s, std::optional<Date> end) {
  std::vector<law::Pause> out;
  for (const ClockPause& p : s.pauses) {
    Date to = p.to;
    if (p.open && end) to = std::max(p.from, *end);
    out.push_back({p.from, to});
  }
  return out;
}

DueState Judge(const law::Calendar& cal, Date today, Date due, std::span<const law::Pause> pauses) {
  if (today > due) return DueState::kOverdue;
  return CountedDays(cal, today, due, pauses) <= kDueSoonWorkdays ? DueState::kDueSoon
                                                                  : DueState::kOnTime;
}

}  // namespace

bool operator==(const CaseDeadlines& a, const CaseDeadlines& b) {
  if (a.due_on != b.due_on || a.provisional != b.provisional ||
      a.later_deadline != b.later_deadline ||
      a.extension.has_value() != b.extension.has_value()) {
    return false;
  }
  if (a.extension && !SameCount(*a.extension, *b.extension)) return false;
  return a.law.received == b.law.received && a.law.clock_start == b.law.clock_start &&
         a.law.corrected == b.law.corrected && a.law.pauses == b.law.pauses &&
         SameCount(a.law.correction_notice_due, b.law.correction_notice_due) &&
         SameCount(a.law.due, b.law.due) && SameCount(a.law.extended_due, b.law.extended_due) &&
         a.law.paused_workdays == b.law.paused_workdays && a.law.provisional == b.law.provisional;
}

int Proceeding::Section4Group() const {
  if (kind == ProceedingKind::kReview) return 0;
  return route == LawsuitRoute::kDirect ? 1 : 2;
}

bool CaseState::IsConcluded() const {
  return kind == CaseKind::kApplication ? conclusion.has_value() : answered_on.has_value();
}

bool CaseState::IsOpen() const { return status != CaseStatus::kNone && !IsConcluded(); }

std::optional<Date> CaseState::ConcludedOn() const {
  if (kind == CaseKind::kAssistance) return answered_on;
  if (conclusion) return conclusion->on;
  return std::nullopt;
}

std::optional<report::Row3> CaseState::ReportRow(report::Format f) const {
  // 协助调查 is never counted in section 三.
  if (kind != CaseKind::kApplication || !conclusion) return std::nullopt;
  return law::ReportRow(conclusion->outcome, f);
}

std::optional<int> CaseState::ReportColumn() const {
  if (kind != CaseKind::kApplication || !applicant_type) return std::nullopt;
  return static_cast<int>(*applicant_type);
}

std::vector<report::Row3> CaseState::ReportRows(int year, report::Format f) const {
  std::vector<report::Row3> rows;
  if (kind != CaseKind::kApplication || status == CaseStatus::kNone) return rows;
  const std::optional<Date> done = ConcludedOn();
  const int received_year = received_on.year();
  if (received_year > year) return rows;
  if (done && done->year() < year) return rows;  // concluded before the year
  rows.push_back(received_year == year ? report::Row3::kNew : report::Row3::kCarriedOver);
  if (done && done->year() == year) {
    rows.push_back(*ReportRow(f));
  } else {
    rows.push_back(report::Row3::kCarriedForward);
  }
  return rows;
}

std::vector<Section4Cell> CaseState::Section4Cells(int year) const {
  std::vector<Section4Cell> out;
  for (const Proceeding& p : proceedings) {
    if (p.decided_on && p.decided_on->year() == year && p.result) {
      out.push_back({p.Section4Group(), static_cast<int>(*p.result), p.id});
    } else if (p.filed_on.year() == year) {
      out.push_back({p.Section4Group(), 3, p.id});  // 尚未审结 on 31 December
    }
  }
  return out;
}

std::optional<int> CaseState::WorkingDaysTaken(const law::Calendar& cal,
                                               std::optional<Date> today) const {
  if (status == CaseStatus::kNone) return std::nullopt;
  std::optional<Date> end = ConcludedOn();
  if (!end) end = today;
  if (!end) return std::nullopt;
  if (kind == CaseKind::kAssistance) return CountedDays(cal, received_on, *end, {});
  const std::vector<law::Pause> pauses = PausesUntil(*this, end);
  return CountedDays(cal, clock_start, *end, pauses);
}

Result<CaseDeadlines> ComputeCaseDeadlines(const CaseState& s, const law::Calendar& cal,
                                           std::optional<Date> today) {
  law::DeadlineInput in;
  in.received = s.received_on;
  if (s.correction && s.correction->corrected_on) in.corrected = s.correction->corrected_on;
  in.pauses = PausesUntil(s, today);
  Result<law::Deadlines> d = LawDeadlines(in, cal);
  if (!d.ok()) return d.status();
  CaseDeadlines out;
  out.law = std::move(*d);
  out.due_on = out.law.due.date;
  out.provisional = out.law.provisional;
  if (s.extension) {
    // Art. 33 ¶2: the granted days are counted after the original due date.
    out.extension = law::AddWorkingDays(cal, out.law.due.date, s.extension->days, in.pauses);
    out.due_on = out.extension->date;
    out.provisional = out.provisional || out.extension->provisional();
  }
  if (s.later_deadline) {
    // Art. 35: the notified date replaces the due date (law.md §3.6). A
    // consultation started afterwards still stops the Art. 33 clock, so the
    // computed date stays a floor: the notice never shortens the period.
    out.later_deadline = s.later_deadline->due_on;
    out.due_on = std::max(out.due_on, s.later_deadline->due_on);
  }
  return out;
}

Result<CaseDeadlines> CaseState::DeadlinesOn(Date today, const law::Calendar& cal) const {
  if (kind != CaseKind::kApplication || status == CaseStatus::kNone) {
    return Status::NotFound("申请" + case_id + "没有答复期限");
  }
  return ComputeCaseDeadlines(*this, cal, today);
}

DueState CaseState::DueStateOn(Date today, const law::Calendar& cal) const {
  if (status == CaseStatus::kNone) return DueState::kOnTime;
  if (kind == CaseKind::kAssistance) {
    if (!reply_by) return DueState::kOnTime;
    if (answered_on) return *answered_on > *reply_by ? DueState::kOverdue : DueState::kOnTime;
    return Judge(cal, today, *reply_by, {});
  }
  if (IsConcluded()) {
    return deadlines && *ConcludedOn() > deadlines->due_on ? DueState::kOverdue : DueState::kOnTime;
  }
  // Art. 30: the period runs again from the corrected application.
  if (status == CaseStatus::kAwaitingCorrection) return DueState::kOnTime;
  Result<CaseDeadlines> d = ComputeCaseDeadlines(*this, cal, today);
  if (!d.ok()) return DueState::kOnTime;
  return Judge(cal, today, d->due_on, PausesUntil(*this, today));
}

std::string CaseState::ExplainDue() const {
  if (!deadlines) return "";
  std::string out = law::ExplainDeadlines(deadlines->law);
  for (const ClockPause& p : pauses) {
    out += "\n暂停原因：" + p.from.ToString() + "至" + p.to.ToString() + "，";
    if (p.reason == PauseReason::kConsultation) {
      std::string who = p.note;
      for (const ConsultationState& c : consultations) {
        if (c.id == p.note) who = std::string(Label(c.party)) + "“" + c.name + "”";
      }
      out += "征求" + who + "意见（第三十三条第三款：所需时间不计算在答复期限内）";
    } else {
      out += "等待缴纳信息处理费";
      if (fee) out += std::to_string(fee->amount_yuan) + "元";
      out += "（国办函〔2020〕109号）";
    }
    if (p.open) out += "，尚未结束，暂按预计结束日计算";
  }
  if (extension) {
    out += "\n延长答复期限：" + extension->approver + "于" + extension->approved_on.ToString() +
           "批准延长" + std::to_string(extension->days) + "个工作日（第三十三条第二款），" +
           extension->notice_on.ToString() + "告知申请人";
  }
  if (later_deadline) {
    out += "\n另行确定答复期限：" + later_deadline->set_on.ToString() +
           "因申请数量、频次明显超过合理范围确定答复期限至" + later_deadline->due_on.ToString() +
           "（第三十五条），" + later_deadline->notice_on.ToString() + "告知申请人";
  }
  out += "\n当前答复期限：" + deadlines->due_on.ToString();
  if (deadlines->provisional) out += "（暂定：日历未收录相关年份）";
  return out;
}

CaseStatus ProcessingStatus(const CaseState& s) {
  for (const ConsultationState& c : s.consultations) {
    if (c.open()) return CaseStatus::kConsulting;
  }
  if (!s.checks.empty()) return CaseStatus::kUnderReview;
  if (s.assignment) return CaseStatus::kAssigned;
  return CaseStatus::kRegistered;
}

Result<CaseState> Replay(std::span<const Event> events, const ApplyContext& ctx) {
  CaseState s;
  for (const Event& e : events) {
    Result<CaseState> next = Apply(s, e, ctx);
    if (!next.ok()) {
      return Status(next.status().code(), "第" + std::to_string(e.sequence) + "个事件（" +
                                              std::string(Key(e.type())) + "）：" +
                                              next.status().message());
    }
    s = std::move(*next);
  }
  return s;
}

}  // namespace gk::cases
