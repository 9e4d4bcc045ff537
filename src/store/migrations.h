// Numbered schema migrations compiled into the binary (store/migrations/NNNN_*.sql).
#pragma once

#include <string_view>
#include <vector>

namespace gk::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// All migrations in ascending version order (SQLite).
const std::vector<Migration>& Migrations();
// The same versions for PostgreSQL (migrations/postgres/NNNN_*.sql), so
// SchemaVersion() agrees across the two stores.
const std::vector<Migration>& PostgresMigrations();

}  // namespace gk::store
