// Going live mid-stream: loading the cases of an old paper or spreadsheet 台账
// (`gongkai applications import FILE.jsonl`) as 补录 events, so the first
// report's carried-over figures (上年结转) and section 四 are right.
// docs/import-format.md describes the file; in short, one case per line:
//
//   {"tracking_no":"…","agency_id":"…","events":[
//     {"type":"received","occurred_on":"2025-11-03","payload":{…}}, …]}
//
// Each payload is exactly what cases::PayloadFromJson accepts for its type,
// read as a backfilled entry (补录: the applicant's identity and contact
// fields may be empty; the agency's own time limits are not enforced).
//
// All or nothing. The whole file is checked first — JSON, keys, the agency,
// the tracking number (unused in the store, unique in the file), every
// payload, and every case's events replayed through cases::Apply with
// ActorRole::kImport — and nothing is written unless every line passes. The
// first problem is Status::Invalid naming the line (1-based, blank lines
// counted) and the field, with the domain's Chinese message:
//
//   line 7: events[2].payload.outcome：取值应为 … 之一，实际为"gave"
//
// (`events[i]` counts from 0). Then each case is appended as a new case
// (expected version 0) with its projection. Every event is recorded with
// actor = entered_by, entry = backfilled, recorded_at = now_iso, sequence
// numbers 1, 2, … in file order. Imported cases have no query code: the
// applicant cannot look them up online.
//
// Limits: the store appends case by case, so a failure of the store itself
// (disk full, or a case with the same tracking number created concurrently
// between the check and the append) can leave the cases before it loaded;
// the error then says how many were loaded and where it stopped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "law/calendar.h"
#include "store/store.h"

namespace gk::app {

enum class ImportMode {
  kLoad,       // check everything, then append
  kCheckOnly,  // check everything, write nothing (a dry run)
};

struct ImportOptions {
  // Who enters the old records: a staff username (must exist; handler,
  // agency_admin or sysadmin; a user of one agency may enter only that
  // agency's cases), or "" for the generic actor "import".
  std::string entered_by;
  std::string now_iso;  // recorded_at of every event, ISO 8601
  ImportMode mode = ImportMode::kLoad;
};

struct ImportReport {
  int cases = 0;  // loaded (or, kCheckOnly, that would be loaded)
  int events = 0;
  int open = 0;                           // still open after their last event
  int assistance = 0;                     // 协助调查 among `cases`
  std::vector<std::string> tracking_nos;  // in file order
};

// Errors: Invalid `line N: field：…` for a bad line; Invalid / NotFound
// naming `entered_by` or `now_iso` for bad options (unknown user: NotFound);
// Invalid for a file without any case; store failures as the store gives them.
Result<ImportReport> ImportCases(store::Store& store, const law::Calendar& cal,
                                 std::string_view jsonl, const ImportOptions& options);

inline constexpr int kMaxImportEventsPerCase = 500;
inline constexpr size_t kMaxImportLineBytes = 4 << 20;  // 4 MiB

}  // namespace gk::app
