// Annual report routes (interface.md; docs/http.md):
//   public  GET /reports, GET /api/v1/reports/{agency}/{year}[.json|.html|.docx|.pdf|.xlsx]
//           (published reports only);
//   staff   GET /admin/reports, GET /admin/reports/{agency}/{year} (the editor:
//           live tables with drill-down, findings, figures, narrative, publish
//           and reopen), GET /admin/reports/{agency}/{year}/cell and
//           /admin/api/reports/{agency}/{year}/cell?section=&row=&column=
//           (drill-down), and the POSTs behind the editor's forms.
#pragma once

#include <httplib.h>

#include <string>

#include "app/staff.h"
#include "web/state.h"

namespace gk::web {

void RegisterReportRoutes(httplib::Server& svr, ServerState& st);

// The supervising office's view of the annual reports of the agencies in the
// user's scope: for last year, each agency's status against its Art. 49 date
// and the validator's findings on what it published (an HTML section).
std::string SupervisedReportsSection(ServerState& st, const app::Session& s);

}  // namespace gk::web
