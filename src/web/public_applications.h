// Public routes of applications (interface.md): the form /apply, the JSON
// intake POST /api/v1/applications, the status page /track and
// GET /api/v1/applications/{tracking_no}. No applicant data is ever echoed
// back except into the applicant's own form when it has to be corrected.
#pragma once

#include <httplib.h>

#include "web/state.h"

namespace gk::web {

void RegisterPublicApplicationRoutes(httplib::Server& svr, ServerState& st);

}  // namespace gk::web
