// The supervising office's work (Art. 49; docs/http.md "Supervision"):
// 报送 — an agency submits its published annual report, the supervisor
// accepts it or returns it with findings, the agency resubmits — and the check
// of reports published outside Gongkai, uploaded in any format the readers
// support. Messages are Chinese, for the web.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/staff.h"
#include "core/status.h"
#include "store/store.h"

namespace gk::app {

// The state of a year's 报送: "" (not submitted), submit, accept or return.
Result<std::optional<store::SubmissionRow>> LatestSubmission(store::Store& store,
                                                             std::string_view agency_id, int year);

// The agency head (agency_admin of the agency) or a sysadmin submits a
// published report; again after it was returned. FailedPrecondition when the
// year is not published or is already submitted or accepted.
Status SubmitReport(store::Store& store, const StaffUser& user, std::string_view agency_id,
                    int year, std::string_view now);

// A supervisor whose scope holds the agency accepts the submitted report or
// returns it; a return needs the findings (`note`).
Status ReviewSubmission(store::Store& store, const StaffUser& supervisor,
                        std::string_view agency_id, int year, bool accept, std::string_view note,
                        std::string_view now);

// Reads and checks a report published elsewhere (the readers of `ingest`),
// keeps the file and the result. Unreadable content: kUnreadable, nothing kept.
Result<store::ExternalReportRow> CheckUploadedReport(store::Store& store,
                                                     const StaffUser& supervisor,
                                                     std::string_view filename,
                                                     std::string_view bytes, std::string_view now);

}  // namespace gk::app
