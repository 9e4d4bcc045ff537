#include "app/ledger_export.h"

#include <algorithm>
#include <vector>

#include "app/case_files.h"
#include "ledger/ledger.h"
#include "ledger/xlsx.h"

namespace gk::app {

Result<std::string> ExportLedger(store::Store& store, const law::Calendar& cal,
                                 const std::string& agency_id, Date from, Date to, Date today) {
  if (to < from)
    return Status::Invalid("the period ends (" + to.ToString() + ") before it starts (" +
                           from.ToString() + ")");
  auto agency = store.GetAgency(agency_id);
  if (!agency.ok()) return agency.status();
  if (!agency->has_value()) return Status::NotFound("unknown agency '" + agency_id + "'");
  store::CaseFilter f;
  f.agency_id = agency_id;
  f.limit = 1'000'000;
  auto rows = store.ListCases(f);
  if (!rows.ok()) return rows.status();
  std::vector<cases::CaseState> states;
  states.reserve(rows->size());
  for (const store::CaseRow& r : *rows) {
    auto c = LoadCase(store, cal, r.id);
    if (!c.ok()) return c.status();
    states.push_back(std::move(c->state));
  }
  const Date as_of = std::min(to, today);
  std::vector<ledger::LedgerRow> ledger = ledger::BuildLedger(states, from, to, cal, as_of);
  ledger::LedgerMeta meta{(*agency)->name, from, to, today};
  return ledger::RenderLedgerXlsx(ledger, meta);
}

}  // namespace gk::app
