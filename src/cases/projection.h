// The state of a case: a projection of its events (Replay), never stored as
// the truth. Everything here is derived from the events and the calendar.
//
// Dates that matter for the law:
// - received_on: the Art. 31 receipt date; clock_start: the receipt date of the
//   corrected application when there was a 补正 (Art. 30), else received_on;
// - pauses: days the reply clock stands still — consultations (Arts. 32–34,
//   Art. 33 ¶3) and, by default, the wait for a fee (see ApplyContext);
// - deadlines: law::ComputeDeadlines over those, plus the granted extension
//   (Art. 33 ¶2); deadlines->due_on is the date the reply is due now.
// A case is concluded on the date of its decision (答复), not of its service;
// deemed withdrawal, unpaid fee and withdrawal conclude it on their dates.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cases/events.h"
#include "cases/vocab.h"
#include "core/date.h"
#include "core/status.h"
#include "law/calendar.h"
#include "law/deadline.h"
#include "law/fees.h"
#include "law/outcomes.h"
#include "report/model.h"

namespace gk::cases {

struct Assignment {
  std::string unit;
  std::string handler;
  Date assigned_on;
  friend bool operator==(const Assignment&, const Assignment&) = default;
};

struct CorrectionState {  // Art. 30
  Date notice_on;
  Date period_end;
  std::string items;
  std::optional<Date> corrected_on;  // receipt of the corrected application
  friend bool operator==(const CorrectionState&, const CorrectionState&) = default;
};

struct ConsultationState {  // Arts. 32–34
  std::string id;
  ConsultParty party = ConsultParty::kThirdParty;
  std::string name;
  Date started_on;
  Date answer_by;
  std::optional<Date> ended_on;
  std::optional<ConsultResult> result;
  bool open() const { return !ended_on.has_value(); }
  friend bool operator==(const ConsultationState&, const ConsultationState&) = default;
};

struct ExtensionState {  // Art. 33 ¶2
  int days = 0;
  std::string approver;
  Date approved_on;
  Date notice_on;
  friend bool operator==(const ExtensionState&, const ExtensionState&) = default;
};

struct LaterDeadlineState {  // Art. 35
  Date due_on;  // the notified deadline, which replaces the computed one
  Date set_on;
  Date notice_on;
  std::string reason;
  friend bool operator==(const LaterDeadlineState&, const LaterDeadlineState&) = default;
};

// A legal (法律审核) or confidentiality (保密审查) review of the draft reply.
struct ReplyCheck {
  EventType type = EventType::kLegalReview;  // kLegalReview | kConfidentialityReview
  std::string reviewer;
  ReviewResult result = ReviewResult::kPassed;
  Date on;
  friend bool operator==(const ReplyCheck&, const ReplyCheck&) = default;
};

enum class FeeStatus { kAwaiting, kPaid, kUnpaid };

struct FeeState {  // 国办函〔2020〕109号
  law::FeeMethod method = law::FeeMethod::kByPiece;
  int quantity = 0;
  int64_t amount_yuan = 0;
  Date notified_on;
  Date notice_received_on;
  // 20 working days counted from the day after the notice was received.
  Date pay_by;
  std::optional<Date> paid_on;
  FeeStatus status = FeeStatus::kAwaiting;
  friend bool operator==(const FeeState&, const FeeState&) = default;
};

// How the case ended.
struct Conclusion {
  law::Outcome outcome = law::Outcome::kGranted;
  Date on;                                   // the decision's date
  EventType by = EventType::kDecided;        // the event that concluded it
  std::optional<law::ReplyType> reply_type;  // Art. 36, where the outcome is one
  std::optional<law::WithholdReason> withhold_reason;
  std::optional<Organ> competent_organ;  // not_this_organ
  friend bool operator==(const Conclusion&, const Conclusion&) = default;
};

enum class ProceedingKind { kReview, kLawsuit };

// An administrative review (行政复议) or lawsuit (行政诉讼) about this case.
struct Proceeding {
  ProceedingKind kind = ProceedingKind::kReview;
  std::string id;
  std::string body;                            // review body or court
  LawsuitRoute route = LawsuitRoute::kDirect;  // lawsuits
  std::string review_id;                       // lawsuits after review
  Date filed_on;
  std::optional<Date> decided_on;
  std::optional<ProceedingResult> result;
  // Report section 四 group: 0 review, 1 litigation_direct, 2 litigation_after_review.
  int Section4Group() const;
  friend bool operator==(const Proceeding&, const Proceeding&) = default;
};

// Days on which the reply clock stands still, both ends included. While the
// pause is open, `to` is its expected end (the consultation's answer_by, the
// fee's pay_by).
struct ClockPause {
  Date from;
  Date to;
  PauseReason reason = PauseReason::kConsultation;
  bool open = false;
  std::string note;  // who was consulted, or the fee amount
  friend bool operator==(const ClockPause&, const ClockPause&) = default;
};

// The reply deadlines of an application and how they were reached.
struct CaseDeadlines {
  law::Deadlines law;  // law::ComputeDeadlines(received, corrected, pauses)
  std::optional<law::WorkingDayCount> extension;  // the granted days after law.due
  // Art. 35: the later deadline notified to the applicant, when there is one.
  std::optional<Date> later_deadline;
  // law.due.date, or the extension's last day; with an Art. 35 deadline, the
  // later of it and the computed date.
  Date due_on;
  bool provisional = false;  // a date needed a year the calendar does not cover
  friend bool operator==(const CaseDeadlines& a, const CaseDeadlines& b);
};

// A cell of report section 四 that a proceeding counts in, for one year.
struct Section4Cell {
  int group = 0;  // report::GroupKey4: review, litigation_direct, litigation_after_review
  int field = 0;  // report::FieldKey4: upheld, corrected, other, pending
  std::string proceeding_id;
  friend bool operator==(const Section4Cell&, const Section4Cell&) = default;
};

struct CaseState {
  std::string case_id;
  CaseKind kind = CaseKind::kApplication;
  CaseStatus status = CaseStatus::kNone;
  int64_t version = 0;  // number of events applied
  std::string agency_id;
  Channel channel = Channel::kOnline;
  std::optional<ApplicantType> applicant_type;  // applications
  Date received_on;
  Date clock_start;
  std::optional<Date> registered_on;
  std::optional<Assignment> assignment;
  std::optional<CorrectionState> correction;
  std::vector<ConsultationState> consultations;
  std::optional<ExtensionState> extension;
  std::optional<LaterDeadlineState> later_deadline;
  std::vector<ReplyCheck> checks;
  std::optional<FeeState> fee;
  std::optional<Conclusion> conclusion;
  std::optional<Date> served_on;
  std::optional<Date> reply_by;     // assistance: the requesting office's date, if any
  std::optional<Date> answered_on;  // assistance
  std::optional<Date> archived_on;
  std::vector<Proceeding> proceedings;
  std::vector<ClockPause> pauses;
  std::optional<CaseDeadlines> deadlines;  // applications, once received

  // Received and not yet concluded (assistance: not yet answered).
  bool IsOpen() const;
  // Applications: decided, transferred, deemed withdrawn, fee unpaid or
  // withdrawn. Assistance: answered.
  bool IsConcluded() const;
  std::optional<Date> ConcludedOn() const;

  // The table 三 outcome row of a concluded application; nullopt for an open
  // case and always for assistance (never counted in section 三).
  std::optional<report::Row3> ReportRow(report::Format f) const;
  // The column of table 三 (0 natural_person … 5 other); nullopt for assistance.
  std::optional<int> ReportColumn() const;
  // Every table 三 row this case counts in for `year`: kNew (received in the
  // year), kCarriedOver (received earlier, not concluded before the year), its
  // outcome row (concluded in the year), kCarriedForward (received by 31 Dec,
  // not concluded by then). For each case new + carried_over = outcome +
  // carried_forward. Empty for assistance.
  std::vector<report::Row3> ReportRows(int year, report::Format f) const;
  // Section 四: a proceeding counts in the year it was filed (pending when not
  // decided in that year) and in the year it was decided (its result).
  std::vector<Section4Cell> Section4Cells(int year) const;

  // Working days counted against the reply period (applications: after
  // clock_start, paused days left out; assistance: after receipt) up to the
  // conclusion, or up to `today` while open; nullopt when open without today.
  std::optional<int> WorkingDaysTaken(const law::Calendar& cal,
                                      std::optional<Date> today = std::nullopt) const;

  // Applications: the deadlines as of `today` — an open pause is taken to end
  // on `today` (the clock resumes tomorrow at the earliest).
  Result<CaseDeadlines> DeadlinesOn(Date today, const law::Calendar& cal) const;
  // Open cases: overdue after the due date; due soon with ≤ 3 working days
  // left (kDueSoonWorkdays); a case awaiting correction is on time (the clock
  // runs again from the corrected application). Concluded cases: overdue when
  // concluded after the due date. Assistance uses its reply_by when given.
  DueState DueStateOn(Date today, const law::Calendar& cal) const;

  // Chinese explanation of the due date: law::ExplainDeadlines plus the
  // reason of each pause and the extension. "" when there are no deadlines.
  std::string ExplainDue() const;

  friend bool operator==(const CaseState&, const CaseState&) = default;
};

inline constexpr int kDueSoonWorkdays = 3;

// The deadlines of an application state: law::ComputeDeadlines over
// received_on, the corrected date and the pauses, plus the granted extension.
// Open pauses end on `today` when given, else on their expected end. A date in
// a year the calendar does not cover never fails: the figures are then counted
// with weekends only and marked provisional (interface.md `deadline`).
Result<CaseDeadlines> ComputeCaseDeadlines(const CaseState& s, const law::Calendar& cal,
                                           std::optional<Date> today = std::nullopt);

// The processing status an open application returns to when a wait ends
// (Next::kResume): 征求意见中 while a consultation is open, else 审查中 once a
// review was recorded, else 已转办 once assigned, else 已登记.
CaseStatus ProcessingStatus(const CaseState& s);

struct ApplyContext;  // transitions.h

// Applies the events in order to an empty state (Apply, transitions.h). The
// first refused event stops the replay: its Status, with the message prefixed
// by the event's sequence number.
Result<CaseState> Replay(std::span<const Event> events, const ApplyContext& ctx);

}  // namespace gk::cases
