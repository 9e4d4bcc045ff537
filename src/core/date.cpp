#include "core/date.h"

#include <cstdio>

namespace gk {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct Ymd {
  int y;
  unsigned m, d;
};

Ymd CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), m, d};
}

}  // namespace

bool IsValidYmd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = kDays[month - 1];
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) max = 29;
  return day <= max;
}

Result<Date> Date::FromYmd(int year, int month, int day) {
  if (!IsValidYmd(year, month, day)) {
    char buf[80];
    std::snprintf(buf, sizeof buf, "invalid date %04d-%02d-%02d", year, month, day);
    return Status::Invalid(buf);
  }
  return Date(DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

Result<Date> Date::Parse(std::string_view text) {
  auto bad = [&] {
    return Status::Invalid("invalid date '" + std::string(text.substr(0, 40)) +
                           "': expected YYYY-MM-DD");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (int k = 0; k < lens[i]; ++k) {
      char c = text[starts[i] + k];
      if (c < '0' || c > '9') return bad();
      parts[i] = parts[i] * 10 + (c - '0');
    }
  }
  if (!IsValidYmd(parts[0], parts[1], parts[2])) {
    return Status::Invalid("invalid date '" + std::string(text) + "': no such day");
  }
  return Date(
      DaysFromCivil(parts[0], static_cast<unsigned>(parts[1]), static_cast<unsigned>(parts[2])));
}

int Date::year() const { return CivilFromDays(days_).y; }
int Date::month() const { return static_cast<int>(CivilFromDays(days_).m); }
int Date::day() const { return static_cast<int>(CivilFromDays(days_).d); }

int Date::weekday() const {
  // 1970-01-01 was a Thursday (ISO 4).
  int64_t w = (days_ + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

std::string Date::ToString() const {
  Ymd c = CivilFromDays(days_);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.y, c.m, c.d);
  return buf;
}

}  // namespace gk
