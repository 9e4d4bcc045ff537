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

// All migrations in ascending version order.
const std::vector<Migration>& Migrations();

}  // namespace gk::store
