// Staff pages of the catalog under /admin/records: editors draft records
// (索引号 generated), reviewers do the 保密审查 with its checklist and publish,
// or send back, and withdraw published records with a reason; every change is
// a revision shown on the record's page. Staff see their own agency only.
#pragma once

#include <httplib.h>

#include <optional>

#include "app/records.h"
#include "app/staff.h"
#include "web/state.h"

namespace gk::web {

void RegisterCatalogAdminRoutes(httplib::Server& svr, ServerState& st);

// The user as the catalog's actor: editors, reviewers and agency heads of an
// agency; nullopt for every other role.
std::optional<app::Actor> CatalogActor(const app::Session& s);

// The staff page of record `id_text` (its agency's staff only), with `error`
// shown above it when a change was refused; the caller sets the status.
void ShowAdminRecord(ServerState& st, const app::Session& s, const std::string& id_text,
                     httplib::Response& res, const std::string& error);

}  // namespace gk::web
