// Working-day arithmetic and the reply deadlines of an application
// (Regulations Arts. 30, 31, 33; law.md §3.3, §3.6, §4; interface.md
// `deadline`). Pure: the calendar and all dates are arguments.
//
// Counting rule (law.md §4.1): the trigger day itself is not counted; counting
// starts the next day and goes day by day, counting only working days, until
// n are counted. The result is the nth counted day, so it is always a working
// day (民法典 Art. 203 never has to move it). A deadline is met when the act
// happens on or before that day.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "law/calendar.h"

namespace gk::law {

// A period in which counting is suspended, FROM and TO both included
// (Art. 32/33: time spent consulting a third party or another organ is not
// counted). Only the working days inside it matter.
using Pause = std::pair<Date, Date>;  // {from, to}

// What happened to a day that is noted in a count.
enum class DayNoteKind {
  kWeekend,        // not counted: Saturday/Sunday
  kHoliday,        // not counted: weekday rest day (reason = holiday name)
  kPaused,         // not counted: a working day inside a pause
  kMakeupWorkday,  // counted: a Saturday/Sunday working day (调休上班)
};

struct DayNote {
  Date date;
  DayNoteKind kind = DayNoteKind::kWeekend;
  // Chinese, for showing the working: "周六", "周日", the holiday name
  // (e.g. "春节"), "暂停计算（征求第三方意见）" or "调休上班".
  std::string reason;
  bool counted() const { return kind == DayNoteKind::kMakeupWorkday; }
};

inline constexpr std::string_view kPausedReason = "暂停计算（征求第三方意见）";

// The result of counting `days` working days after `from`, with its working.
struct WorkingDayCount {
  Date from;     // the trigger day (not counted)
  int days = 0;  // how many working days were counted
  Date date;     // the last counted working day (== from when days == 0)
  // Every day in (from, date] that is not an ordinary counted weekday: each
  // excluded day with its reason and each counted weekend make-up day; in
  // date order.
  std::vector<DayNote> notes;
  // Years in (from, date] that the calendar does not cover; they were counted
  // with weekends only (Monday–Friday = working day).
  std::vector<int> uncovered_years;

  bool provisional() const { return !uncovered_years.empty(); }
  int paused_workdays() const;  // notes of kind kPaused
};

// Counts n working days after `from` (n ≤ 0 gives `from` itself), skipping
// non-working days and the working days inside any of `pauses` (overlapping
// pauses are fine; a pause's days before `from` have no effect). Every pause
// must have from ≤ to. Days in years the calendar does not cover are counted
// as Monday–Friday and listed in uncovered_years.
WorkingDayCount AddWorkingDays(const Calendar& cal, Date from, int n,
                               std::span<const Pause> pauses = {});

// The nth working day after `start`, without pauses or working; for the other
// periods of the Regulations: Art. 26 (publish within 20 working days of
// formation), Art. 32 (third party answers within 15 working days), Art. 34
// (15 working days). Same counting rule as AddWorkingDays.
Date DueAfterWorkingDays(const Calendar& cal, Date start, int n);

// Periods of the Regulations, in working days.
inline constexpr int kCorrectionNoticeDays = 7;  // Art. 30
inline constexpr int kReplyDays = 20;            // Art. 33 ¶2
inline constexpr int kExtensionDays = 20;        // Art. 33 ¶2: extension ≤ 20
inline constexpr int kProactiveDays = 20;        // Art. 26
inline constexpr int kConsultationDays = 15;     // Arts. 32, 34

struct DeadlineInput {
  Date received;                  // date of receipt (Art. 31)
  std::optional<Date> corrected;  // receipt of the corrected application (补正, Art. 30)
  std::vector<Pause> pauses;      // third-party / other-organ consultations (Art. 32/33)
};

struct Deadlines {
  Date received;
  Date clock_start;  // corrected if given, else received (Art. 30)
  std::optional<Date> corrected;
  std::vector<Pause> pauses;  // as given
  // Art. 30: the 补正 notice is due within 7 working days of receipt. Counted
  // from `received` without pauses: the notice comes before any consultation
  // (one cannot consult a third party on an application still to be corrected).
  WorkingDayCount correction_notice_due;
  // Art. 33 ¶2: the 20th counted working day after clock_start; paused working
  // days are not counted.
  WorkingDayCount due;
  // Art. 33 ¶2: the extension adds at most 20 further counted working days
  // after `due`; paused working days are not counted.
  WorkingDayCount extended_due;
  // Paused working days after clock_start up to extended_due (each day once,
  // however many pauses cover it).
  int paused_workdays = 0;
  // True when any computed date needed a year the calendar does not cover;
  // such years are counted with weekends only (interface.md `deadline`).
  bool provisional = false;
};

// Computes the deadlines of one application. Errors:
// - an input date (received, corrected, either end of a pause) in a year the
//   calendar does not cover → OutOfRange, e.g. "date 2018-05-04: the calendar
//   does not cover 2018 (covered: 2019–2026); add it with --calendar FILE";
// - corrected before received → Invalid;
// - a pause whose FROM is after its TO → Invalid.
Result<Deadlines> ComputeDeadlines(const DeadlineInput& input, const Calendar& cal);

enum class JsonWorking { kInclude, kOmit };

// The interface.md object, keys in this order: received, clock_start,
// correction_notice_due, due, extended_due, paused_workdays, provisional;
// with kInclude one more key "working":
//   {"correction_notice_due": W, "due": W, "extended_due": W} where
//   W = {"from": date, "working_days": n, "date": date, "provisional": bool,
//        "excluded": [{"date", "reason"}…], "makeup_workdays": [{"date", "reason"}…]}.
// Single line, no trailing newline.
std::string DeadlinesToJson(const Deadlines& d, JsonWorking working = JsonWorking::kInclude);

// Human-readable Chinese explanation, several lines separated by '\n' (no
// final newline): each date, the rule and article it comes from, the days
// left out of each count and the counted make-up working days.
std::string ExplainDeadlines(const Deadlines& d);

}  // namespace gk::law
