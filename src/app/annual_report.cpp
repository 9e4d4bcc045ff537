#include "app/annual_report.h"

#include "app/interaction.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/case_files.h"
#include "app/interaction.h"
#include "cases/vocab.h"
#include "law/outcomes.h"
#include "report/json.h"
#include "report_render/render.h"
#include "report/validate.h"

namespace gk::app {
namespace {

using json = nlohmann::json;

constexpr int kFirstYear = 2008;  // the 2008 Regulation's first reporting year
constexpr int kLastYear = 2100;

Status CheckYear(int year) {
  if (year < kFirstYear || year > kLastYear) {
    return Status::Invalid("year：年度应在" + std::to_string(kFirstYear) + "至" +
                           std::to_string(kLastYear) + "之间，实际为" + std::to_string(year));
  }
  return Status::Ok();
}

Result<store::AgencyRow> GetAgencyOr404(store::Store& store, std::string_view agency_id) {
  auto a = store.GetAgency(agency_id);
  if (!a.ok()) return a.status();
  if (!a->has_value()) return Status::NotFound("没有机关“" + std::string(agency_id) + "”");
  return std::move(**a);
}

std::optional<store::ReportActionRow> LastAction(std::vector<store::ReportActionRow> actions) {
  if (actions.empty()) return std::nullopt;
  return std::move(actions.back());
}

bool MayPublish(auth::Role r) { return r == auth::Role::kAgencyAdmin || r == auth::Role::kSysadmin; }

// The stored snapshot: the report JSON and the narrative as published.
std::string SnapshotJson(const report::Report& r, const std::map<std::string, std::string>& texts) {
  json j;
  j["report"] = json::parse(report::WriteReportJson(r));
  j["texts"] = texts;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Status ReadSnapshot(const std::string& text, report::Report* r,
                    std::map<std::string, std::string>* texts) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("report")) {
    return Status::Internal("stored report snapshot is not readable");
  }
  Result<report::Report> parsed = report::ReadReportJson(j["report"].dump());
  if (!parsed.ok()) return Status::Internal("stored report snapshot: " + parsed.status().message());
  *r = std::move(*parsed);
  if (j.contains("texts") && j["texts"].is_object()) {
    for (auto& [k, v] : j["texts"].items()) {
      if (v.is_string()) (*texts)[k] = v.get<std::string>();
    }
  }
  return Status::Ok();
}

std::optional<Date> OptDate(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  auto d = Date::Parse(*s);
  if (!d.ok()) return std::nullopt;
  return *d;
}

// The report facts of a stored case row (store::kCaseFactsVersion).
reporting::CaseFacts FactsFromRow(const store::CaseRow& r) {
  reporting::CaseFacts f;
  if (!r.received_on) return f;  // not received: counts nowhere
  f.case_id = r.id;
  f.kind = cases::FromKey<cases::CaseKind>(r.kind).value_or(cases::CaseKind::kApplication);
  f.column = r.applicant_col;
  f.channel = cases::FromKey<cases::Channel>(r.channel).value_or(cases::Channel::kOnline);
  f.received_on = *OptDate(r.received_on);
  f.concluded_on = OptDate(r.concluded_on);
  if (!r.outcome.empty()) f.outcome = law::OutcomeFromKey(r.outcome);
  f.due_on = OptDate(r.reply_due_on);
  f.fee_paid_on = OptDate(r.fee_paid_on);
  f.fee_yuan = r.fee_yuan;
  for (const store::ProceedingRow& p : r.proceedings) {
    reporting::ProceedingFacts pf;
    pf.id = p.id;
    pf.group = p.kind == "review" ? 0 : p.route == "after_review" ? 2 : 1;
    pf.filed_on = OptDate(p.filed_on).value_or(Date());
    pf.decided_on = OptDate(p.decided_on);
    if (p.result) {
      if (auto res = cases::FromKey<cases::ProceedingResult>(*p.result)) {
        pf.result = static_cast<int>(*res);
      }
    }
    f.proceedings.push_back(std::move(pf));
  }
  return f;
}

Result<std::vector<reporting::EnteredFigure>> Figures(store::Store& store,
                                                      std::string_view agency_id, int year) {
  auto rows = store.ReportFigures(agency_id, year);
  if (!rows.ok()) return rows.status();
  std::vector<reporting::EnteredFigure> out;
  for (store::ReportFigureRow& r : *rows) {
    out.push_back({std::move(r.row_key), std::move(r.field_key), r.value, std::move(r.source),
                   std::move(r.entered_by), std::move(r.entered_at)});
  }
  return out;
}

Status CheckOpenYear(store::Store& store, std::string_view agency_id, int year) {
  auto actions = store.ReportActions(agency_id, year);
  if (!actions.ok()) return actions.status();
  if (!actions->empty() && actions->back().action == "publish") {
    return Status::FailedPrecondition(std::to_string(year) +
                                      "年度报告已发布，数据已冻结；如需修改，请由机构负责人先撤回发布（重新打开）");
  }
  return Status::Ok();
}

}  // namespace

Result<RenderedReport> RenderAnnualReport(store::Store& store, const law::Calendar& cal,
                                          std::string_view agency_id, int year,
                                          std::string_view format, bool published_only) {
  const bool json_out = format == "json";
  report_render::OutputFormat out_format = report_render::OutputFormat::kHtml;
  if (!json_out) {
    const std::optional<report_render::OutputFormat> f = report_render::ParseOutputFormat(format);
    if (!f) return Status::Invalid("format：不支持的格式“" + std::string(format) + "”");
    out_format = *f;
  }
  report_render::ReportDocument doc;
  std::map<std::string, std::string> texts;
  auto published = LoadPublishedReport(store, agency_id, year);
  if (!published.ok()) return published.status();
  if (published->has_value()) {
    doc.report = (*published)->report;
    doc.agency_full_name = (*published)->agency.name;
    doc.status = report_render::PublicationStatus::kPublished;
    if (auto d = Date::Parse((*published)->published_at.substr(0, 10)); d.ok()) doc.date = *d;
    texts = (*published)->texts;
  } else if (published_only) {
    return Status::NotFound(std::to_string(year) + "年度报告尚未发布");
  } else {
    auto live = LoadAnnualReport(store, cal, agency_id, year);
    if (!live.ok()) return live.status();
    doc.report = live->report;
    doc.agency_full_name = live->agency.name;
    texts = live->texts;
  }
  const std::string title =
      doc.agency_full_name + std::to_string(year) + "年政府信息公开工作年度报告";
  if (json_out) {
    return RenderedReport{report::WriteReportJson(doc.report), "application/json",
                          title + ".json"};
  }
  doc.title = title;
  doc.narrative.overview = texts["一"];
  doc.narrative.problems = texts["五"];
  doc.narrative.other = texts["六"];
  // Five-year trend of applications received, from the case facts.
  auto rows = store.AgencyCaseFacts(agency_id);
  if (!rows.ok()) return rows.status();
  std::vector<reporting::CaseFacts> facts;
  for (const store::CaseRow& r : *rows) facts.push_back(FactsFromRow(r));
  int first_year = year;
  for (const reporting::CaseFacts& f : facts) {
    if (!f.case_id.empty()) first_year = std::min(first_year, f.received_on.year());
  }
  // Records published, by year and (for the report's year) by category.
  auto records = store.records().AgencyRecordsForReport(agency_id);
  if (!records.ok()) return records.status();
  std::map<int, int64_t> published_by_year;
  std::map<std::string, int64_t> by_category;
  int first_record_year = year + 1;
  for (const store::ReportRecordRow& r : *records) {
    if (!r.published_on) continue;
    const int y = r.published_on->year();
    first_record_year = std::min(first_record_year, y);
    ++published_by_year[y];
    if (y == year) ++by_category[r.category.empty() ? "其他" : r.category];
  }
  for (int y = year - 4; y <= year; ++y) {
    report_render::TrendPoint p;
    p.year = y;
    // Years before the first record are unknown, not 0.
    if (y >= first_year) p.applications = reporting::Summarise(facts, y).received;
    if (y >= first_record_year) p.records_published = published_by_year[y];
    doc.charts.trend.push_back(p);
  }
  for (const auto& [label, count] : by_category) {
    doc.charts.proactive_by_category.push_back({label, count});
  }
  Result<std::string> bytes = report_render::Render(doc, out_format);
  if (!bytes.ok()) return bytes.status();
  return RenderedReport{std::move(*bytes), std::string(report_render::MediaType(out_format)),
                        report_render::FileName(doc, out_format)};
}

Date ReportDueDate(const store::AgencyRow& agency, int year) {
  // Art. 49: departments by 31 January, governments by 31 March.
  return *Date::FromYmd(year + 1, agency.kind == "department" ? 1 : 3, 31);
}

Result<std::optional<PublishedReport>> LoadPublishedReport(store::Store& store,
                                                           std::string_view agency_id, int year) {
  if (Status s = CheckYear(year); !s.ok()) return s;
  auto agency = GetAgencyOr404(store, agency_id);
  if (!agency.ok()) return agency.status();
  auto actions = store.ReportActions(agency_id, year);
  if (!actions.ok()) return actions.status();
  if (actions->empty() || actions->back().action != "publish") {
    return std::optional<PublishedReport>();
  }
  PublishedReport out;
  out.agency = std::move(*agency);
  if (Status s = ReadSnapshot(actions->back().snapshot, &out.report, &out.texts); !s.ok()) return s;
  out.report.status = "published";
  out.published_at = actions->back().at;
  out.published_by = actions->back().actor;
  return std::optional<PublishedReport>(std::move(out));
}

Result<std::vector<reporting::RecordFacts>> LoadRecordFacts(store::Store& store,
                                                            std::string_view agency_id) {
  auto rows = store.records().AgencyRecordsForReport(agency_id);
  if (!rows.ok()) return rows.status();
  std::vector<reporting::RecordFacts> out;
  out.reserve(rows->size());
  for (const store::ReportRecordRow& r : *rows) {
    if (!r.published_on) continue;  // never published: not counted
    reporting::RecordFacts f;
    f.id = std::to_string(r.id);
    f.doc_type = r.doc_type;
    f.formed_on = r.formed_on;
    f.published_on = *r.published_on;
    f.validity = r.validity.value_or(catalog::Validity::kInForce);
    f.validity_changed_on = r.validity_changed_on;
    out.push_back(std::move(f));
  }
  return out;
}

Result<AnnualReport> LoadAnnualReport(store::Store& store, const law::Calendar& cal,
                                      std::string_view agency_id, int year,
                                      const std::optional<DrillDown>& drill) {
  if (Status s = CheckYear(year); !s.ok()) return s;
  auto agency = GetAgencyOr404(store, agency_id);
  if (!agency.ok()) return agency.status();
  AnnualReport out;
  out.agency = std::move(*agency);
  out.year = year;

  // The facts kept beside the events: no replay of the history.
  if (auto refreshed = RefreshCaseFacts(store, cal); !refreshed.ok()) return refreshed.status();
  auto rows = store.AgencyCaseFacts(agency_id);
  if (!rows.ok()) return rows.status();
  std::vector<reporting::CaseFacts> cases;
  cases.reserve(rows->size());
  for (const store::CaseRow& r : *rows) cases.push_back(FactsFromRow(r));
  auto figures = Figures(store, agency_id, year);
  if (!figures.ok()) return figures.status();
  auto records = LoadRecordFacts(store, agency_id);
  if (!records.ok()) return records.status();
  reporting::ReportInput in{out.agency.name, year, cases, *records, *figures,
                            reporting::RefsWanted::kNone, "", "", ""};
  if (drill) {
    in.refs = reporting::RefsWanted::kOneCell;
    in.refs_section = drill->section;
    in.refs_row = drill->row;
    in.refs_column = drill->column;
  }
  out.live = reporting::ComputeReport(in);
  out.summary = reporting::Summarise(cases, year);
  out.generated["一"] = reporting::ApplicationsParagraph(out.summary);
  // The 政民互动 figures of the year (app/interaction.h), when there are any.
  auto interaction_stats = LoadYearStats(store, agency_id, year);
  if (!interaction_stats.ok()) return interaction_stats.status();
  if (std::string p = interaction::InteractionParagraph(*interaction_stats); !p.empty()) {
    out.generated["一"] += (out.generated["一"].empty() ? "" : "\n") + p;
  }
  out.generated["六"] = reporting::FeesParagraph(out.summary);

  auto actions = store.ReportActions(agency_id, year);
  if (!actions.ok()) return actions.status();
  out.last_action = LastAction(std::move(*actions));
  out.published = out.last_action && out.last_action->action == "publish";
  if (out.published) {
    if (Status s = ReadSnapshot(out.last_action->snapshot, &out.report, &out.texts); !s.ok()) {
      return s;
    }
    out.report.status = "published";
  } else {
    out.report = out.live.report;
    out.report.status = "draft";
    auto texts = store.ReportTexts(agency_id, year);
    if (!texts.ok()) return texts.status();
    for (const auto& t : *texts) out.texts[t.section] = t.body;
    for (const auto& [section, text] : out.generated) {
      if (!out.texts.contains(section)) out.texts[section] = text;
    }
    for (std::string_view s : kNarrativeSections) out.texts.try_emplace(std::string(s), "");
  }
  out.findings = report::Validate(out.report);
  return out;
}

Status PublishAnnualReport(store::Store& store, const law::Calendar& cal,
                           std::string_view agency_id, int year, const ReportActor& actor) {
  if (!MayPublish(actor.role)) {
    return Status::Forbidden("只有机构负责人（agency_admin）或系统管理员可以发布年度报告");
  }
  auto r = LoadAnnualReport(store, cal, agency_id, year);
  if (!r.ok()) return r.status();
  if (r->published) {
    return Status::FailedPrecondition(std::to_string(year) + "年度报告已发布");
  }
  if (report::HasErrors(r->findings)) {
    int errors = 0;
    std::string first;
    for (const report::Finding& f : r->findings) {
      if (f.severity != report::Severity::kError) continue;
      if (errors++ == 0) first = f.message;
    }
    return Status::FailedPrecondition("报告有" + std::to_string(errors) +
                                      "处勾稽错误，不能发布。第一处：" + first);
  }
  report::Report frozen = r->report;
  frozen.status.reset();
  store::ReportActionRow row;
  row.agency_id = std::string(agency_id);
  row.year = year;
  row.action = "publish";
  row.snapshot = SnapshotJson(frozen, r->texts);
  row.actor = actor.username;
  row.at = actor.now_iso;
  Status s = store.AddReportAction(row, r->last_action ? r->last_action->id : 0);
  if (s.code() == StatusCode::kConflict) {
    return Status::Conflict("其间他人已发布或重新打开该年度报告，请刷新后重试");
  }
  return s;
}

Status ReopenAnnualReport(store::Store& store, std::string_view agency_id, int year,
                          std::string_view reason, const ReportActor& actor) {
  if (!MayPublish(actor.role)) {
    return Status::Forbidden("只有机构负责人（agency_admin）或系统管理员可以重新打开已发布的年度报告");
  }
  if (Status s = CheckYear(year); !s.ok()) return s;
  if (auto a = GetAgencyOr404(store, agency_id); !a.ok()) return a.status();
  std::string why(reason);
  if (why.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::Invalid("reason：请写明重新打开的理由");
  }
  if (why.size() > 2000) return Status::Invalid("reason：理由过长（不超过2000字节）");
  auto actions = store.ReportActions(agency_id, year);
  if (!actions.ok()) return actions.status();
  if (actions->empty() || actions->back().action != "publish") {
    return Status::FailedPrecondition(std::to_string(year) + "年度报告尚未发布，无需重新打开");
  }
  store::ReportActionRow row;
  row.agency_id = std::string(agency_id);
  row.year = year;
  row.action = "reopen";
  row.reason = why;
  row.actor = actor.username;
  row.at = actor.now_iso;
  Status s = store.AddReportAction(row, actions->back().id);
  if (s.code() == StatusCode::kConflict) {
    return Status::Conflict("其间他人已发布或重新打开该年度报告，请刷新后重试");
  }
  return s;
}

bool MayEditReport(auth::Role r) {
  return r == auth::Role::kHandler || r == auth::Role::kEditor ||
         r == auth::Role::kAgencyAdmin || r == auth::Role::kSysadmin;
}

Status EnterReportFigure(store::Store& store, std::string_view agency_id, int year,
                         const reporting::EnteredFigure& figure, const ReportActor& actor) {
  if (!MayEditReport(actor.role)) return Status::Forbidden("当前角色不能填报年度报告数据");
  if (Status s = CheckYear(year); !s.ok()) return s;
  if (auto a = GetAgencyOr404(store, agency_id); !a.ok()) return a.status();
  if (Status s = reporting::ValidateEnteredFigure(figure, report::FormatForYear(year)); !s.ok()) {
    return s;
  }
  if (Status s = CheckOpenYear(store, agency_id, year); !s.ok()) return s;
  store::ReportFigureRow row;
  row.agency_id = std::string(agency_id);
  row.year = year;
  row.row_key = figure.row;
  row.field_key = figure.field;
  row.value = figure.value;
  row.source = figure.source;
  row.entered_by = actor.username;
  row.entered_at = actor.now_iso;
  return store.AddReportFigure(row);
}

Status SaveReportNarrative(store::Store& store, std::string_view agency_id, int year,
                           std::string_view section, std::string_view body,
                           const ReportActor& actor) {
  if (!MayEditReport(actor.role)) return Status::Forbidden("当前角色不能编辑年度报告");
  if (Status s = CheckYear(year); !s.ok()) return s;
  if (auto a = GetAgencyOr404(store, agency_id); !a.ok()) return a.status();
  bool known = false;
  for (std::string_view s : kNarrativeSections) known = known || s == section;
  if (!known) return Status::Invalid("section：只能编辑第一、五、六部分的文字");
  if (body.size() > 100'000) return Status::Invalid("body：正文过长（不超过100000字节）");
  if (Status s = CheckOpenYear(store, agency_id, year); !s.ok()) return s;
  return store.SaveReportText({std::string(agency_id), year, std::string(section),
                               std::string(body), actor.username, actor.now_iso});
}

}  // namespace gk::app
