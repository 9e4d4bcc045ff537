// The persistence interface. Domain code never sees SQL; adapters (CLI, web)
// open a Store from a --db URL and pass plain rows in and out. Every write is
// committed durably (SQLite: WAL + synchronous=FULL) before it returns.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace gk::store {

struct AgencyRow {
  std::string id;
  std::string name;
  std::string kind;  // government | department (Art. 49 report due date)
  std::optional<std::string> parent_id;
};

struct CalendarDayRow {
  std::string day;   // YYYY-MM-DD
  std::string kind;  // rest | work
  std::string name;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual Result<std::vector<AgencyRow>> ListAgencies() = 0;
  // Inserts the agency unless one with the same id exists (idempotent).
  // Returns true when a row was inserted.
  virtual Result<bool> InsertAgencyIfAbsent(const AgencyRow& agency, std::string_view now) = 0;

  // Replaces the stored schedule of each year in `years` by `days`, in one
  // transaction. `days` must all fall in `years`.
  virtual Status ReplaceCalendarYears(std::span<const int> years,
                                      std::span<const CalendarDayRow> days,
                                      std::string_view source, std::string_view now) = 0;
  virtual Result<std::vector<CalendarDayRow>> CalendarDays() = 0;
  virtual Result<std::vector<int>> CalendarYears() = 0;

  // Schema version after migrations (the highest applied migration number).
  virtual Result<int> SchemaVersion() = 0;
};

enum class OpenMode { kMustExist, kCreateIfMissing };

// Parses `sqlite:PATH` (or `postgresql://…`, not yet supported) and opens the
// store, running pending migrations. kMustExist: a missing file is NotFound.
Result<std::unique_ptr<Store>> OpenStore(std::string_view url, OpenMode mode);

}  // namespace gk::store
