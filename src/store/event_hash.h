// The hash chain of the event log: each event's hash covers its stored fields
// and the previous event's hash, so changing, inserting or removing a stored
// event breaks every later link (found by `gongkai verify`).
#pragma once

#include <string>

#include "store/store.h"

namespace gk::store {

inline constexpr const char* kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// SHA-256 hex of prev_hash and the event's fields (id, case, seq, type, dates,
// actor, backfilled, payload bytes), each length-prefixed so no two different
// events share an input.
std::string EventHash(const EventRow& e, const std::string& prev_hash);

}  // namespace gk::store
