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

#include "web/state.h"

namespace gk::web {

void RegisterReportRoutes(httplib::Server& svr, ServerState& st);

}  // namespace gk::web
