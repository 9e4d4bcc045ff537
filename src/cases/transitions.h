// Which event may follow in which state: ONE table (Transitions()), and Apply,
// which checks an event against the table and the rules of the Regulations and
// returns the next state. docs/cases.md prints the table; cases_test checks the
// document against it.
//
// Apply checks, in this order, and refuses with the first failure:
//  1. sequence ≥ 1 (else Invalid) and == state.version + 1, else
//     StatusCode::kConflict ("the change
//     was based on version N, the case is at version M"): the store relies on
//     this for concurrent edits — a stale change is refused, never lost;
//  2. the event on its own (ValidateEvent) and its case id;
//  3. the actor's role, when the context gives one: 主管部门 (supervisor)
//     records nothing; the public only received, registered, corrected and
//     withdrawn; an extension only the agency head (agency_admin), Art. 33 ¶2
//     (补录 entries: any staff role, the approver is taken from the record);
//  4. the table: the event must be allowed in the current status, else
//     Invalid “当前状态为“已答复”，不能发出补正通知”;
//  5. the rules (Invalid, Chinese message citing the article):
//     - no act dated before the receipt date (Art. 31);
//     - correction notice within 7 working days of receipt (Art. 30; not
//       checked for 补录 entries) and only once (一次性); the corrected
//       application not before the notice; after the period only with a
//       reason (正当理由); deemed withdrawn only after the period ends;
//     - a consultation ends only after it started, once; a third party or
//       co-producing organ gets at least 15 working days (Arts. 32, 34);
//       no_answer only after answer_by;
//     - extension only once, 1–20 working days, approved and notified by the
//       due date (Art. 33 ¶2; the timing not checked for 补录), approver ==
//       actor for live entries;
//     - decided not before clock_start; not while the latest legal or
//       confidentiality review returned the draft; unclear_after_correction
//       only after a correction (Art. 30);
//     - one fee notice per application (109号: one method); paid by pay_by
//       with the notified amount; unpaid only after pay_by;
//     - served not before the decision; archived not before what it closes;
//     - review / lawsuit ids unique per case; decided once, not before filing;
//       a lawsuit after review names a review of this case.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "cases/events.h"
#include "cases/projection.h"
#include "cases/vocab.h"
#include "core/status.h"
#include "law/calendar.h"

namespace gk::cases {

// Where an allowed event takes the case.
enum class Next {
  kTo,      // to the row's `to` status
  kStay,    // the status does not change
  kResume,  // back to ProcessingStatus() (a wait has ended)
};

// A set of statuses as a bit mask (bit i = CaseStatus value i).
using StatusSet = uint32_t;
constexpr StatusSet Bit(CaseStatus s) { return StatusSet{1} << static_cast<int>(s); }

struct Transition {
  CaseKind kind;
  EventType event;
  StatusSet from;  // the statuses in which the event is allowed
  Next next;
  CaseStatus to;  // used when next == kTo
  bool Allows(CaseStatus s) const { return (from & Bit(s)) != 0; }
};

// The table. For each (kind, status, event) at most one row allows it.
std::span<const Transition> Transitions();
// The row allowing `event` in `status` for `kind`, or nullptr.
const Transition* FindTransition(CaseKind kind, CaseStatus status, EventType event);
// The event types the table allows next (what the case page offers).
std::vector<EventType> AllowedEvents(CaseKind kind, CaseStatus status);
// The statuses a case of `kind` can be in (kNone included).
std::vector<CaseStatus> StatusesOf(CaseKind kind);

// The fee wait and the reply clock: whether the days from the fee notice to
// payment are left out of the reply period (law.md §3.11: unverified; see
// docs/cases.md).
enum class FeeClock { kPaused, kRunning };

struct ApplyContext {
  const law::Calendar& calendar;
  // The role of the actor recording the event; nullopt when replaying a stored
  // history (roles were checked when the events were appended).
  std::optional<ActorRole> role;
  FeeClock fee_clock = FeeClock::kPaused;
};

// Applies one event to a state (see the header comment for the checks).
Result<CaseState> Apply(const CaseState& state, const Event& event, const ApplyContext& ctx);

}  // namespace gk::cases
