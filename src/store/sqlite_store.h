// SQLite implementation of Store: one connection per Store object (open one
// per thread), WAL journal, synchronous=FULL, foreign keys on.
#pragma once

#include "store/store.h"

namespace gk::store {

enum class Durability {
  kFull,  // synchronous=FULL: every commit survives power loss (always, for the legal record)
  kNone,  // synchronous=OFF: only for generating benchmark data sets, never for real records
};
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, OpenMode mode,
                                               Durability durability = Durability::kFull);

}  // namespace gk::store
