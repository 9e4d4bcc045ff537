// The annual report of an agency and year (docs/report-rules.md): computed
// live from the records until it is published; publishing validates it,
// refuses it with errors, and freezes the year in a stored snapshot; a
// published year changes only after an explicit, logged reopen by the agency
// head (agency_admin) or a sysadmin.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auth/roles.h"
#include "core/status.h"
#include "law/calendar.h"
#include "report/finding.h"
#include "report/model.h"
#include "reporting/compute.h"
#include "reporting/summary.h"
#include "store/store.h"

namespace gk::app {

// The sections whose narrative staff write (一 also gets the generated
// paragraph on applications; 六 the fee sentence).
inline constexpr std::string_view kNarrativeSections[] = {"一", "五", "六"};

struct AnnualReport {
  store::AgencyRow agency;
  int year = 0;
  bool published = false;
  std::optional<store::ReportActionRow> last_action;  // the latest publish/reopen
  // The report shown: the published snapshot, or the live figures (status
  // "draft"). The live computation is always there for drill-down.
  report::Report report;
  reporting::ComputedReport live;
  std::vector<report::Finding> findings;  // the validator on `report`
  reporting::ApplicationSummary summary;  // live
  // Narrative by section (一, 五, 六): the published text, or the saved
  // draft, or the generated sentences when nothing was saved.
  std::map<std::string, std::string> texts;
  std::map<std::string, std::string> generated;  // 一 and 六, from the records
};

// The cell whose drill-down list `live` should carry (none by default: the
// lists of every cell are costly for a large agency).
struct DrillDown {
  std::string section, row, column;
};

// NotFound for an unknown agency; Invalid for a year outside 2008–2100.
Result<AnnualReport> LoadAnnualReport(store::Store& store, const law::Calendar& cal,
                                      std::string_view agency_id, int year,
                                      const std::optional<DrillDown>& drill = std::nullopt);

// A published report as frozen: nullopt when the year is not published (never
// published, or reopened since). Does not recompute anything.
struct PublishedReport {
  store::AgencyRow agency;
  report::Report report;  // status "published"
  std::map<std::string, std::string> texts;
  std::string published_at, published_by;
};
Result<std::optional<PublishedReport>> LoadPublishedReport(store::Store& store,
                                                           std::string_view agency_id, int year);


// The catalog facts of an agency's records that section 二 counts.
Result<std::vector<reporting::RecordFacts>> LoadRecordFacts(store::Store& store,
                                                            std::string_view agency_id);

struct ReportActor {
  std::string username;
  auth::Role role = auth::Role::kHandler;
  std::string now_iso;
};

// Publishes the live report: FailedPrecondition (Chinese) when the validator
// finds errors or the year is already published; Conflict when someone else
// published or reopened meanwhile. Roles: agency_admin, sysadmin.
Status PublishAnnualReport(store::Store& store, const law::Calendar& cal,
                           std::string_view agency_id, int year, const ReportActor& actor);
// Reopens a published year, with the reason (required). Roles: agency_admin,
// sysadmin.
Status ReopenAnnualReport(store::Store& store, std::string_view agency_id, int year,
                          std::string_view reason, const ReportActor& actor);

// Who may enter figures and narrative texts of a report: handler, editor,
// agency_admin, sysadmin.
bool MayEditReport(auth::Role role);

// Enters a section 二 figure (reporting::ValidateEnteredFigure) or saves a
// narrative draft; refused while the year is published. Roles: handler,
// editor, agency_admin, sysadmin.
Status EnterReportFigure(store::Store& store, std::string_view agency_id, int year,
                         const reporting::EnteredFigure& figure, const ReportActor& actor);
Status SaveReportNarrative(store::Store& store, std::string_view agency_id, int year,
                           std::string_view section, std::string_view body,
                           const ReportActor& actor);

// A report as a file: the published snapshot (published_only), or else the
// live report when the year is not published. `format`: json, html,
// html-fragment, docx, pdf, xlsx. NotFound when published_only and the year
// is not published; Invalid for an unknown format.
struct RenderedReport {
  std::string bytes;
  std::string mime;
  std::string filename;
};
Result<RenderedReport> RenderAnnualReport(store::Store& store, const law::Calendar& cal,
                                          std::string_view agency_id, int year,
                                          std::string_view format, bool published_only);

// The Art. 49 publication deadline of an agency's report for `year`:
// departments by 31 January, governments by 31 March of the next year.
Date ReportDueDate(const store::AgencyRow& agency, int year);

}  // namespace gk::app
