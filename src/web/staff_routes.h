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

// The helpers shared by every /admin page (session, CSRF, page frame) are in
// web/staff_session.h.

}  // namespace gk::web
