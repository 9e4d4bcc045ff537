// The public portal of proactive disclosure (interface.md): the home page,
// agency pages (公开指南, 公开目录), search, record pages, the JSON API
// /api/v1/records, the Atom feed and the sitemap; and the staff pages under
// /admin/records (draft, 保密审查, publish, withdraw). Only published records
// are ever shown publicly. Register before RegisterStaffRoutes (its catch-all
// POST /admin/… route must come last).
#pragma once

#include <httplib.h>

#include "web/state.h"

namespace gk::web {

void RegisterCatalogRoutes(httplib::Server& svr, ServerState& st);

}  // namespace gk::web
