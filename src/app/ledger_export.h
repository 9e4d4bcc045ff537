// The 台账 of an agency for a period, as XLSX bytes (ledger/ builds the rows
// and the workbook; this reads the cases from the store).
#pragma once

#include <string>

#include "core/date.h"
#include "core/status.h"
#include "law/calendar.h"
#include "store/store.h"

namespace gk::app {

// NotFound for an unknown agency; Invalid when from > to. Open cases are
// measured as of min(to, today).
Result<std::string> ExportLedger(store::Store& store, const law::Calendar& cal,
                                 const std::string& agency_id, Date from, Date to, Date today);

}  // namespace gk::app
