// The demo data set (interface.md "Demo data"). Loading is idempotent: a second
// run inserts nothing.
#pragma once

#include <span>
#include <string_view>

#include "core/status.h"
#include "law/calendar.h"
#include "store/store.h"

namespace gk::app {

// The five Weihai agencies of the seed reports.
std::span<const store::AgencyRow> DemoAgencies();

struct DemoLoadResult {
  int agencies_added = 0;
  int records_added = 0;
  int cases_added = 0;
  int figures_added = 0;
  int reports_published = 0;
};

// The agencies only (with their letter settings).
Result<DemoLoadResult> LoadDemoAgencies(store::Store& store, std::string_view now);

// Everything: the agencies, their applications and 协助调查 requests
// (app/demo_cases.h), section 二 figures, and the published reports. An
// agency that already has cases gets no demo cases; a year that has entered
// figures gets none; a year with a publication history is left alone.
Result<DemoLoadResult> LoadDemo(store::Store& store, const law::Calendar& cal,
                                std::string_view now);

}  // namespace gk::app
