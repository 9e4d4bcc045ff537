// Civil (proleptic Gregorian) dates without time zones. Pure value type:
// no clock is read here; callers pass "today" in explicitly.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace gk {

class Date {
 public:
  Date() = default;  // 1970-01-01
  // Requires a valid y-m-d; use Parse or FromYmd for unchecked input.
  static Result<Date> FromYmd(int year, int month, int day);
  // Parses exactly YYYY-MM-DD (ASCII digits). Error message names the input.
  static Result<Date> Parse(std::string_view text);
  static Date FromDays(int64_t days_since_epoch) { return Date(days_since_epoch); }

  int year() const;
  int month() const;
  int day() const;
  // 1 = Monday … 7 = Sunday (ISO 8601).
  int weekday() const;
  bool is_weekend() const { return weekday() >= 6; }
  int64_t days() const { return days_; }

  Date AddDays(int64_t n) const { return Date(days_ + n); }
  std::string ToString() const;  // YYYY-MM-DD

  friend bool operator==(Date a, Date b) { return a.days_ == b.days_; }
  friend auto operator<=>(Date a, Date b) { return a.days_ <=> b.days_; }
  friend int64_t operator-(Date a, Date b) { return a.days_ - b.days_; }

 private:
  explicit Date(int64_t d) : days_(d) {}
  int64_t days_ = 0;
};

bool IsValidYmd(int year, int month, int day);

}  // namespace gk
