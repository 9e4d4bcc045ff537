// Regulation Art. 26: proactive information is published within 20 working
// days of its formation (形成) or change (变更), unless a law or regulation
// says otherwise (law.md §2.3). Pure: the calendar is an argument.
#pragma once

#include <optional>

#include "core/date.h"
#include "law/calendar.h"

namespace gk::catalog {

inline constexpr int kArt26Days = 20;

struct Timeliness {
  Date due;           // the 20th working day after formed_on
  bool late = false;  // published_on is after `due`
};

// nullopt when either date is unknown (nothing to judge). The day of
// formation is not counted (law.md §4).
std::optional<Timeliness> Art26Timeliness(const law::Calendar& cal, std::optional<Date> formed_on,
                                          std::optional<Date> published_on);

}  // namespace gk::catalog
