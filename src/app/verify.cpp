#include "app/verify.h"

#include <map>
#include <vector>

#include "app/case_files.h"
#include "core/hash.h"
#include "store/event_hash.h"

namespace gk::app {

Result<VerifyReport> VerifyHistory(store::Store& store, const law::Calendar& cal) {
  VerifyReport rep;
  auto fail = [&rep](std::string why) {
    if (rep.intact) rep.first_problem = std::move(why);
    rep.intact = false;
  };
  // 1. The chain, in storage order.
  std::string prev = store::kGenesisHash;
  int64_t expected_id = 1;
  std::map<std::string, std::vector<store::EventRow>> by_case;
  Status scan = store.ScanEvents([&](const store::EventRow& e) {
    const std::string name = "event " + std::to_string(e.id) + " (case " + e.case_id + " #" +
                             std::to_string(e.seq) + ")";
    ++rep.events;
    if (e.id != expected_id) {
      fail(name + ": expected chain position " + std::to_string(expected_id) +
           " (an event is missing)");
    } else if (e.prev_hash != prev) {
      fail(name + ": does not link to the event before it");
    } else if (store::EventHash(e, prev) != e.hash) {
      fail(name + ": stored content does not match its hash (changed after it was written)");
    }
    expected_id = e.id + 1;
    prev = e.hash;
    by_case[e.case_id].push_back(e);
    return rep.intact;
  });
  if (!scan.ok()) return scan;
  if (!rep.intact) return rep;

  // 2. Transitions and projections, case by case.
  for (auto& [case_id, rows] : by_case) {
    ++rep.cases;
    std::vector<cases::Event> events;
    for (const auto& r : rows) {
      auto e = FromRow(r);
      if (!e.ok()) {
        fail(e.status().message());
        return rep;
      }
      events.push_back(std::move(e).value());
    }
    cases::ApplyContext ctx{cal, std::nullopt};
    auto state = cases::Replay(events, ctx);
    if (!state.ok()) {
      fail("case " + case_id + ": " + state.status().message());
      return rep;
    }
    // Uploaded documents must still hash to the reference in the receipt.
    for (const cases::Event& e : events) {
      const auto* r = std::get_if<cases::ReceivedPayload>(&e.payload);
      if (!r || !r->application) continue;
      for (const cases::AttachmentRef& f : r->application->attachments) {
        auto doc = store.GetDocument(f.sha256);
        if (!doc.ok()) return doc.status();
        if (!doc->has_value() || Sha256Hex((*doc)->content) != f.sha256) {
          fail("case " + case_id + ": document " + f.name + " (" + f.sha256.substr(0, 12) +
               "…) is missing or its content changed");
          return rep;
        }
      }
    }
    auto stored = store.GetCase(case_id);
    if (!stored.ok()) return stored.status();
    if (!stored->has_value()) {
      fail("case " + case_id + ": events without a case row");
      return rep;
    }
    const store::CaseRow want = ProjectRow(*state, cal);
    const store::CaseRow& have = **stored;
    // due_on is left out: it follows the calendar in force, which may have
    // gained a year since the row was written.
    if (have.version != want.version || have.status != want.status ||
        have.concluded_on != want.concluded_on || have.received_on != want.received_on ||
        have.kind != want.kind || have.agency_id != want.agency_id ||
        // Rows written before the report facts existed are refreshed at start.
        (have.facts_version != 0 &&
         (have.applicant_col != want.applicant_col || have.outcome != want.outcome ||
          have.channel != want.channel || have.fee_paid_on != want.fee_paid_on ||
          have.fee_yuan != want.fee_yuan || have.proceedings != want.proceedings ||
          have.facts_version != want.facts_version))) {
      fail("case " + case_id + ": stored projection (version " + std::to_string(have.version) +
           ", status " + have.status + ") differs from its events (version " +
           std::to_string(want.version) + ", status " + want.status + ")");
      return rep;
    }
  }
  return rep;
}

}  // namespace gk::app
