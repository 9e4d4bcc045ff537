// PostgreSQL side of public interaction (政民互动): the InteractionStore over
// one connection (migration postgres/0012).
#pragma once

#include <memory>

#include "store/interaction.h"

#include <pqxx/connection>

namespace gk::store {

// The InteractionStore of one connection; `conn` must outlive it.
std::unique_ptr<InteractionStore> MakePostgresInteractionStore(pqxx::connection& conn);

}  // namespace gk::store
