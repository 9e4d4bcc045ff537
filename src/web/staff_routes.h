// Staff side (interface.md): /login, /logout, and the back office under
// /admin — the case list, the case file with its timeline, deadlines and the
// actions allowed next, the JSON event API, and the supervising office's view.
// Every /admin request needs a session; every state-changing /admin request
// needs the session's CSRF token (else 403, before anything is done).
#pragma once

#include <httplib.h>

#include <functional>
#include <string>
#include <string_view>

#include "app/staff.h"
#include "web/state.h"

namespace gk::web {

// Installs the /admin guard as the server's pre-routing handler and the routes.
void RegisterStaffRoutes(httplib::Server& svr, ServerState& st);

// For the staff pages of other modules (e.g. /admin/records): a handler that
// runs `fn` with the signed-in session — without one, a redirect to /login
// (401 for JSON); a write without the session's CSRF token, 403.
using StaffHandler =
    std::function<void(const app::Session&, const httplib::Request&, httplib::Response&)>;
httplib::Server::Handler WithStaffSession(ServerState& st, StaffHandler fn);
// The back-office layout (who is signed in, sign-out form) around `body`.
std::string StaffPage(const app::Session& s, std::string_view title, std::string_view body);

}  // namespace gk::web
