#include "app/calendar_service.h"

namespace gk::app {

Result<law::Calendar> LoadCalendar(store::Store& store) {
  law::Calendar cal = law::Calendar::BuiltIn();
  auto days = store.CalendarDays();
  if (!days.ok()) return days.status();
  if (days->empty()) return cal;
  std::string csv = "date,kind,name\n";
  for (const auto& d : *days) csv += d.day + "," + d.kind + "," + d.name + "\n";
  auto stored = law::Calendar::FromCsv(csv, "database calendar_days");
  if (!stored.ok()) return stored.status();
  cal.Merge(*stored);
  return cal;
}

Result<CalendarImportResult> ImportCalendar(store::Store& store, std::string_view csv,
                                            std::string_view source, std::string_view now) {
  auto parsed = law::Calendar::FromCsv(csv, source);
  if (!parsed.ok()) return parsed.status();
  CalendarImportResult out;
  out.years = parsed->Years();
  if (out.years.empty()) return Status::Invalid(std::string(source) + ": no calendar rows");
  std::vector<store::CalendarDayRow> rows;
  for (const law::CalendarEntry& e : parsed->entries()) {
    rows.push_back(
        {e.date.ToString(), e.kind == law::ExceptionKind::kRest ? "rest" : "work", e.name});
  }
  out.days = static_cast<int>(rows.size());
  if (auto s = store.ReplaceCalendarYears(out.years, rows, source, now); !s.ok()) return s;
  return out;
}

}  // namespace gk::app
