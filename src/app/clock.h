// The only place that reads the wall clock; domain code takes dates as arguments.
#pragma once

#include <string>

#include "core/date.h"

namespace gk::app {

// Current UTC time as ISO 8601 (2026-11-24T13:20:00Z), for audit columns.
std::string NowUtcIso();
// Today's civil date in Asia/Shanghai (UTC+8, no daylight saving since 1991).
Date TodayInShanghai();

}  // namespace gk::app
