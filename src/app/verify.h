// `gongkai verify`: re-checks the whole event history — the hash chain over the
// stored bytes, that every case's events replay under the transition table,
// and that the stored listing projection matches the replay.
#pragma once

#include <string>

#include "core/status.h"
#include "law/calendar.h"
#include "store/store.h"

namespace gk::app {

struct VerifyReport {
  int64_t events = 0;
  int64_t cases = 0;
  bool intact = true;
  std::string first_problem;  // names the first broken event or case
};

Result<VerifyReport> VerifyHistory(store::Store& store, const law::Calendar& cal);

}  // namespace gk::app
