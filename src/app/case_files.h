// Reading and writing case files: events are checked by the domain
// (cases::Apply) before the store appends them, and the listing projection is
// recomputed in the same transaction.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cases/events.h"
#include "cases/projection.h"
#include "cases/transitions.h"
#include "core/status.h"
#include "law/calendar.h"
#include "store/store.h"

namespace gk::app {

struct LoadedCase {
  store::CaseRow row;
  std::vector<cases::Event> events;
  cases::CaseState state;
};

// NotFound when there is no such case; Internal when a stored event no longer
// parses or replays (verify names it).
Result<LoadedCase> LoadCase(store::Store& store, const law::Calendar& cal,
                            std::string_view case_id);

struct AppendRequest {
  std::string case_id;
  int64_t expected_version = 0;      // the version the change was based on (0: a new case)
  std::vector<cases::Event> events;  // sequences expected_version+1, …
  std::optional<cases::ActorRole> role;
  std::string query_code_hash;  // new cases only
  std::string now_iso;
  bool notify = false;  // queue e-mail notices (the server has SMTP configured)
};

// Applies the events to the case's current state (refusing illegal moves with
// the domain's message), then appends them durably with the new projection.
// A stale expected_version gives StatusCode::kConflict.
Result<cases::CaseState> AppendCaseEvents(store::Store& store, const law::Calendar& cal,
                                          const AppendRequest& request);

// The listing projection of a state.
store::CaseRow ProjectRow(const cases::CaseState& s, const law::Calendar& cal);

// Brings case rows written before store::kCaseFactsVersion up to date from
// their events (at start; cheap when there are none). Returns how many.
Result<int> RefreshCaseFacts(store::Store& store, const law::Calendar& cal);
store::EventRow ToRow(const cases::Event& e);
Result<cases::Event> FromRow(const store::EventRow& row);

}  // namespace gk::app
