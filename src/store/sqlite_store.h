// SQLite implementation of Store: one connection per Store object (open one
// per thread), WAL journal, synchronous=FULL, foreign keys on.
#pragma once

#include "store/store.h"

namespace gk::store {

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, OpenMode mode);

}  // namespace gk::store
