// Staff pages of the catalog under /admin/records: editors draft records
// (索引号 generated), reviewers do the 保密审查 with its checklist and publish,
// or send back, and withdraw published records with a reason; every change is
// a revision shown on the record's page. Staff see their own agency only.
#pragma once

#include <httplib.h>

#include "web/state.h"

namespace gk::web {

void RegisterCatalogAdminRoutes(httplib::Server& svr, ServerState& st);

}  // namespace gk::web
