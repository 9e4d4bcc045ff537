// Accounts and the audit log (docs/http.md):
//   /admin/account — own password, two-factor sign-in (TOTP) on and off;
//   /admin/users — the accounts an agency head (its agency) or a sysadmin
//   (all) manages: create, reset a password, disable and enable;
//   /admin/audit — the audit log of staff actions (agency head: its agency;
//   sysadmin: all), exportable as CSV.
#pragma once

#include <httplib.h>

#include "web/state.h"

namespace gk::web {

void RegisterAccountRoutes(httplib::Server& svr, ServerState& st);

}  // namespace gk::web
