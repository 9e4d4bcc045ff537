// PostgreSQL implementation of Store (libpqxx): one connection per Store
// object, like the SQLite store. Several processes may share one database:
// migrations run under an advisory lock, and everything that must be unique
// or ordered (tracking and letter serials, the event hash chain, 报送 and
// report actions) is serialised by row or advisory locks inside the
// transaction that writes it. Commits are durable (synchronous_commit) before
// a method returns.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace gk::store {

// `url` is a libpq connection URI (postgresql://user@host:port/db). The
// database must exist; migrations create the tables. kMustExist: a database
// without Gongkai's tables is NotFound.
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, OpenMode mode);

}  // namespace gk::store
