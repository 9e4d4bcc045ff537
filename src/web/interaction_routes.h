// Public routes of 政民互动 (interface.md, docs/interaction.md): the answered
// and published messages (/interaction, names and phones masked), the message
// form (POST /interaction/messages, no script needed) and its JSON twin
// POST /api/v1/messages, tracking a message by number and query code (a form
// post), consultations with their comment form and published feedback, and
// interviews, press conferences and open days with the public's questions.
#pragma once

#include <httplib.h>

#include "web/state.h"

namespace gk::web {

void RegisterInteractionRoutes(httplib::Server& svr, ServerState& st);

}  // namespace gk::web
