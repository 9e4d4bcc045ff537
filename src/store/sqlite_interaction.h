// The InteractionStore of one SQLite connection.
#pragma once

#include <memory>

#include "store/interaction.h"

struct sqlite3;

namespace gk::store {

// `db` must outlive it.
std::unique_ptr<InteractionStore> MakeSqliteInteractionStore(sqlite3* db);

}  // namespace gk::store
