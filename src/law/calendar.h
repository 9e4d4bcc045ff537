// The working-day calendar of the national schedule (law.md §4): Monday–Friday,
// minus the weekdays that are 法定节假日 / 调休 rest days, plus the Saturdays and
// Sundays that are 调休 working days (上班).
//
// A calendar holds one list of exceptions per covered year. A year is
// "covered" once the calendar has at least one row for it (interface.md
// `deadline`, calendar file); in an uncovered year every Monday–Friday counts
// as a working day, and callers that need certainty check Covers() first.
//
// The built-in calendar is data/holidays/cn.csv compiled into the binary. It
// covers exactly 2019–2026 (the 国务院办公厅 notices listed in law.md §4.2).
// It deliberately has no 2018 rows even though the 2019 notice made
// 2018-12-29 (Saturday) a working day for the 2019 New Year: a single row for
// 2018 would mark the whole of 2018 as covered with 2018's own holidays
// missing. 2018 is out of scope (the 2019 Regulations took effect 2019-05-15).
//
// File format (`--calendar FILE`, `calendar import FILE`): CSV, UTF-8 (a BOM
// is accepted), LF or CRLF line ends, header `date,kind,name`, then one row per
// exception: `date` is YYYY-MM-DD; `kind` is `rest` (a Monday–Friday day off)
// or `work` (a Saturday/Sunday working day); `name` is the holiday's Chinese
// name (e.g. 春节). Fields may be double-quoted; blank lines are ignored.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace gk::law {

// How the national schedule treats one day.
enum class DayType {
  kWorkday,        // Monday–Friday, no exception
  kWeekend,        // Saturday or Sunday, no exception
  kHoliday,        // a Monday–Friday rest day (法定节假日 or 调休 rest)
  kMakeupWorkday,  // a Saturday or Sunday working day (调休上班)
};

enum class ExceptionKind { kRest, kWork };

// One row of a calendar file.
struct CalendarEntry {
  Date date;
  ExceptionKind kind = ExceptionKind::kRest;
  std::string name;  // e.g. 春节, 中秋节、国庆节
  friend bool operator==(const CalendarEntry&, const CalendarEntry&) = default;
};

class Calendar {
 public:
  Calendar() = default;  // covers no year

  // The compiled-in national schedule, 2019–2026. Never fails (its data is
  // checked by the tests); the object lives for the whole program.
  static const Calendar& BuiltIn();

  // Strict parse of the file format above. On error: Status::Invalid whose
  // message names `source_name`, the line number and the problem, e.g.
  // "holidays.csv line 7: kind must be 'rest' or 'work', found 'off'".
  // Rejected: a bad or missing header, a row without exactly 3 fields, a bad
  // date, an unknown kind, an empty name, invalid UTF-8, a `rest` row on a
  // weekend, a `work` row on a weekday, a date given twice, and a file with no
  // rows at all.
  static Result<Calendar> FromCsv(std::string_view csv, std::string_view source_name);

  // Adds the years of `other`: for every year `other` covers, this calendar's
  // rows for that year are replaced by other's. Other years stay as they are.
  void Merge(const Calendar& other);

  bool Covers(int year) const;
  std::vector<int> Years() const;  // covered years, ascending
  // The covered years for messages: "2019–2026", "2019–2021, 2023", "none".
  std::string CoveredYearsText() const;

  DayType TypeOf(Date d) const;
  bool IsWorkingDay(Date d) const {
    const DayType t = TypeOf(d);
    return t == DayType::kWorkday || t == DayType::kMakeupWorkday;
  }
  // Why `d` is not an ordinary Monday–Friday working day, in Chinese:
  // "周六" / "周日" for a weekend, the holiday's name (e.g. "春节") for a
  // weekday rest day, "调休上班" for a weekend working day; "" for an ordinary
  // working day.
  std::string WhyNotWorking(Date d) const;

  // All rows, ascending by date.
  const std::vector<CalendarEntry>& entries() const { return entries_; }

  // The calendar in the file format above (LF line ends, rows by date), so that
  // FromCsv(ToCsv()) gives an equal calendar.
  std::string ToCsv() const;

  friend bool operator==(const Calendar&, const Calendar&) = default;

 private:
  const CalendarEntry* Find(Date d) const;

  std::vector<CalendarEntry> entries_;  // ascending by date, dates unique
  std::vector<int> years_;              // ascending, unique
};

}  // namespace gk::law
