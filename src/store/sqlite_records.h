// SQLite side of the catalog: the FTS5 tokenizer `gk_cjk` (catalog/search.h)
// and the RecordStore over one connection.
#pragma once

#include <memory>

#include "core/status.h"
#include "store/records.h"

struct sqlite3;

namespace gk::store {

// Registers the FTS5 tokenizer `gk_cjk` on `db`. Must run on every
// connection before records_fts is used (OpenSqliteStore does it).
Status RegisterCjkTokenizer(sqlite3* db);

// The RecordStore of one connection; `db` must outlive it.
std::unique_ptr<RecordStore> MakeSqliteRecordStore(sqlite3* db);

}  // namespace gk::store
