// The working-day calendar in force: the built-in schedule (2019–2026) with the
// years imported into the database laid over it, year by year.
#pragma once

#include <span>
#include <string_view>

#include "core/status.h"
#include "law/calendar.h"
#include "store/store.h"

namespace gk::app {

Result<law::Calendar> LoadCalendar(store::Store& store);

struct CalendarImportResult {
  std::vector<int> years;
  int days = 0;
};
// Parses a calendar CSV (same format as --calendar) and stores its years.
Result<CalendarImportResult> ImportCalendar(store::Store& store, std::string_view csv,
                                            std::string_view source, std::string_view now);

}  // namespace gk::app
