// The demo data set (interface.md "Demo data"). Loading is idempotent: a second
// run inserts nothing. Later data (applications, records, figures) joins here.
#pragma once

#include <span>
#include <string_view>

#include "core/status.h"
#include "store/store.h"

namespace gk::app {

// The five Weihai agencies of the seed reports.
std::span<const store::AgencyRow> DemoAgencies();

struct DemoLoadResult {
  int agencies_added = 0;
};
Result<DemoLoadResult> LoadDemo(store::Store& store, std::string_view now);

}  // namespace gk::app
