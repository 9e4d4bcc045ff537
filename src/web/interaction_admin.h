// Staff pages of 政民互动 under /admin/interaction: messages (assign, release
// or dismiss a held one, answer, publish), consultations (open, close,
// moderate comments, publish the 采纳情况), events with the public's questions,
// new media accounts and monthly figures (form, CSV/XLSX import), trainings,
// the answer period; and /admin/statistics/{agency}/{year}, the yearly work
// statistics with drill-down. Agency staff see their agency; a supervisor
// reads the agencies in its scope with names and phones masked.
#pragma once

#include <httplib.h>

#include "web/state.h"

namespace gk::web {

void RegisterInteractionAdminRoutes(httplib::Server& svr, ServerState& st);

}  // namespace gk::web
