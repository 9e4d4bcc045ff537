// The demo's 政民互动 (docs/interaction.md): for each seed agency, the
// messages, consultations, interviews, press conferences, open days, new
// media figures and trainings its published report states (seeds 000–004).
#pragma once

#include <string_view>

#include "core/status.h"
#include "law/calendar.h"
#include "store/store.h"

namespace gk::app {

// Loads the agency's demo interaction unless it already has any (a second
// run adds nothing). Returns how many items were added.
Result<int> LoadDemoInteraction(store::Store& store, const law::Calendar& cal,
                                std::string_view agency_id, std::string_view now);

}  // namespace gk::app
