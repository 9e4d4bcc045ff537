#include "web/report_routes.h"

#include <nlohmann/json.hpp>

#include "app/annual_report.h"
#include "app/clock.h"
#include "app/bulletin.h"
#include "app/supervision.h"
#include "report/json.h"
#include "report/validate.h"
#include "web/html.h"
#include "web/page.h"
#include "web/staff_session.h"

namespace gk::web {
namespace {

using json = nlohmann::json;
constexpr const char* kHtml = "text/html; charset=utf-8";

std::string E(std::string_view s) { return EscapeHtml(s); }

std::optional<int> ParseYear(const std::string& s) {
  if (s.size() != 4) return std::nullopt;
  int y = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    y = y * 10 + (c - '0');
  }
  return y;
}

std::string StatusLabel(bool published) { return published ? "已发布" : "草稿"; }

// ---- public ----------------------------------------------------------------------

void ReportsPage(ServerState& st, const httplib::Request& req, httplib::Response& res) {
  const std::string agency = req.get_param_value("agency");
  std::vector<store::ReportActionRow> rows;
  std::vector<store::AgencyRow> agencies;
  {
    auto db = st.Db();
    auto all = db->ListAgencies();
    auto pub = db->PublishedReports(agency);
    if (!all.ok() || !pub.ok()) {
      res.status = 500;
      res.set_content(Page("暂时无法访问", "<h1>暂时无法访问</h1><p>请稍后重试。</p>"), kHtml);
      return;
    }
    agencies = std::move(*all);
    rows = std::move(*pub);
  }
  auto name_of = [&](const std::string& id) -> const store::AgencyRow* {
    for (const auto& a : agencies) {
      if (a.id == id) return &a;
    }
    return nullptr;
  };
  if (!agency.empty() && !name_of(agency)) {
    res.status = 404;
    res.set_content(Page("没有这个机关", "<h1>没有这个机关</h1><p><a href=\"/reports\">查看全部年度报告</a></p>"),
                    kHtml);
    return;
  }
  std::string b = "<h1>政府信息公开工作年度报告</h1>";
  b += "<form method=\"get\" action=\"/reports\"><label for=\"agency\">机关</label>"
       "<select id=\"agency\" name=\"agency\"><option value=\"\">全部机关</option>";
  for (const auto& a : agencies) {
    b += "<option value=\"" + E(a.id) + "\"" + (a.id == agency ? " selected" : "") + ">" +
         E(a.name) + "</option>";
  }
  b += "</select><button type=\"submit\">筛选</button></form>";
  if (rows.empty()) {
    b += "<p>暂无已发布的年度报告。</p>";
  } else {
    b += "<table><caption>共 " + std::to_string(rows.size()) +
         " 份（按年度倒序）</caption><thead><tr><th scope=\"col\">机关</th><th scope=\"col\">年度</th>"
         "<th scope=\"col\">发布时间</th><th scope=\"col\">下载</th></tr></thead><tbody>";
    for (const auto& r : rows) {
      const store::AgencyRow* a = name_of(r.agency_id);
      const std::string base = "/api/v1/reports/" + E(r.agency_id) + "/" + std::to_string(r.year);
      const std::string title = (a ? a->name : r.agency_id) + std::to_string(r.year) +
                                "年政府信息公开工作年度报告";
      b += "<tr><td>" + E(a ? a->name : r.agency_id) + "</td><td>" + std::to_string(r.year) +
           "</td><td>" + E(r.at.substr(0, 10)) + "</td><td>";
      for (const char* ext : {"html", "pdf", "docx", "xlsx", "json"}) {
        b += "<a href=\"" + base + "." + ext + "\" aria-label=\"" + E(title) + "（" + ext +
             "）\">" + ext + "</a> ";
      }
      b += "</td></tr>";
    }
    b += "</tbody></table>";
  }
  res.set_content(Page("年度报告", b), kHtml);
}

void ReportApi(ServerState& st, const httplib::Request& req, httplib::Response& res) {
  const std::string agency = req.matches[1];
  const std::optional<int> year = ParseYear(req.matches[2]);
  const std::string ext = req.matches[4];
  if (!year) return JsonError(res, 400, "bad_year", "year：年度应为四位数字");
  Result<std::optional<app::PublishedReport>> published = [&] {
    auto db = st.Db();
    return app::LoadPublishedReport(*db, agency, *year);
  }();
  if (!published.ok()) {
    switch (published.status().code()) {
      case StatusCode::kNotFound:
        return JsonError(res, 404, "not_found", "没有这个机关");
      case StatusCode::kInvalidArgument:
        return JsonError(res, 400, "bad_year", published.status().message());
      default:
        return JsonError(res, 500, "internal", "暂时无法读取年度报告");
    }
  }
  if (!published->has_value()) {
    return JsonError(res, 404, "not_published", std::to_string(*year) + "年度报告尚未发布");
  }
  if (ext.empty() || ext == "json") {
    return JsonBody(res, 200, report::WriteReportJson((*published)->report));
  }
  Result<app::RenderedReport> r = [&] {
    auto db = st.Db();
    return app::RenderAnnualReport(*db, st.calendar, agency, *year, ext,
                                   /*published_only=*/true);
  }();
  if (!r.ok()) return JsonError(res, 500, "internal", "暂时无法生成该格式的年度报告");
  if (ext != "html") {
    res.set_header("Content-Disposition",
                   "attachment; filename=\"report." + ext + "\"; filename*=UTF-8''" +
                       httplib::detail::encode_query_param(r->filename));
  }
  res.set_content(r->bytes, r->mime);
}

// ---- staff -------------------------------------------------------------------------

std::string Money(const report::Cell& c) { return c ? report::FormatMoney(*c) : ""; }

std::string CellLink(const std::string& base, std::string_view section, std::string_view row,
                     std::string_view col, const std::string& text) {
  return "<a href=\"" + base + "/cell?section=" + std::string(section) + "&amp;row=" +
         std::string(row) + "&amp;column=" + std::string(col) + "\">" +
         (text.empty() ? "（空）" : E(text)) + "</a>";
}

std::string Section2Table(const report::Report& r, const std::string& base) {
  std::string b = "<table><caption>二、主动公开政府信息情况</caption><tbody>";
  const report::Section2& s2 = *r.section2;
  const auto rows = report::Rows2(r.format);
  for (size_t i = 0; i < rows.size(); ++i) {
    b += "<tr><th scope=\"row\">" + E(rows[i].label) + "（" + E(rows[i].block) + "）</th>";
    for (size_t j = 0; j < rows[i].fields.size(); ++j) {
      const auto& f = rows[i].fields[j];
      const report::Cell& c = s2.cells[i][j];
      std::string v = f.kind == report::FieldKind::kMoney ? Money(c)
                                                          : (c ? std::to_string(*c) : "");
      b += "<td>" + E(f.header) + "：" + CellLink(base, "二", rows[i].key, f.key, v) + "</td>";
    }
    b += "</tr>";
  }
  return b + "</tbody></table>";
}

std::string Section3Table(const report::Report& r, const std::string& base) {
  std::string b = "<table><caption>三、收到和处理政府信息公开申请情况</caption><thead><tr>"
                  "<th scope=\"col\">项目</th>";
  for (int c = 0; c < report::kNumCols3; ++c) {
    b += "<th scope=\"col\">" + E(report::ColLabel3(c)) + "</th>";
  }
  b += "</tr></thead><tbody>";
  for (const report::Row3Spec& spec : report::Rows3(r.format)) {
    b += "<tr><th scope=\"row\">" + E(spec.group) + E(spec.label) + "</th>";
    for (int c = 0; c < report::kNumCols3; ++c) {
      const report::Cell& v = r.section3->at(spec.id, c);
      b += "<td>" + CellLink(base, "三", spec.key, report::ColKey3(c), v ? std::to_string(*v) : "") +
           "</td>";
    }
    b += "</tr>";
  }
  return b + "</tbody></table>";
}

std::string Section4Table(const report::Report& r, const std::string& base) {
  std::string b = "<table><caption>四、政府信息公开行政复议、行政诉讼情况</caption><thead><tr>"
                  "<th scope=\"col\">类别</th>";
  for (int f = 0; f < report::kNumFields4; ++f) {
    b += "<th scope=\"col\">" + E(report::FieldLabel4(f)) + "</th>";
  }
  b += "</tr></thead><tbody>";
  for (int g = 0; g < report::kNumGroups4; ++g) {
    b += "<tr><th scope=\"row\">" + E(report::GroupLabel4(g)) + "</th>";
    for (int f = 0; f < report::kNumFields4; ++f) {
      const report::Cell& v = r.section4->cells[g][f];
      b += "<td>" + CellLink(base, "四", report::GroupKey4(g), report::FieldKey4(f),
                             v ? std::to_string(*v) : "") +
           "</td>";
    }
    b += "</tr>";
  }
  return b + "</tbody></table>";
}

std::string SubmissionLabel(const std::optional<store::SubmissionRow>& sub) {
  if (!sub) return "尚未报送";
  if (sub->action == "submit") return "已于" + E(sub->at.substr(0, 10)) + "报送，等待主管部门审核";
  if (sub->action == "accept") return "主管部门已于" + E(sub->at.substr(0, 10)) + "接收";
  return "主管部门已于" + E(sub->at.substr(0, 10)) + "退回：" + E(sub->note);
}

bool MayWrite(const app::Session& s) {
  return s.user.role != auth::Role::kSupervisor && s.user.role != auth::Role::kReviewer;
}

// Resolves {agency}/{year} of a staff route: 404 for an unknown agency or
// bad year, 403 outside the user's scope. On the request's connection.
bool StaffTarget(store::Store& db, const app::Session& s, const httplib::Request& req,
                 httplib::Response& res, std::string* agency, int* year) {
  *agency = req.matches[1];
  const std::optional<int> y = ParseYear(req.matches[2]);
  auto a = db.GetAgency(*agency);
  if (!y || !a.ok() || !a->has_value()) {
    if (WantsJson(req)) {
      JsonError(res, 404, "not_found", "没有这个机关或年度");
    } else {
      res.status = 404;
      res.set_content(AdminPage(s, "没有这个机关", "<h1>没有这个机关或年度</h1>"), kHtml);
    }
    return false;
  }
  if (!InScope(db, s, *agency)) {
    Forbidden(req, res, "您无权查看其他机关的年度报告");
    return false;
  }
  *year = *y;
  return true;
}

void ReportList(ServerState& st, const app::Session& s, httplib::Response& res) {
  auto db = st.Db();
  auto agencies = db->ListAgencies();
  if (!agencies.ok()) {
    res.status = 500;
    return;
  }
  const Date today = app::TodayInShanghai();
  std::string b = "<h1>年度报告</h1><p>第四十九条：政府部门应于每年1月31日前、各级人民政府应于每年3月31日前公布本机关上一年度的政府信息公开工作年度报告。</p>";
  for (const store::AgencyRow& a : *agencies) {
    if (!app::CanSeeAgency(*agencies, s.user, a.id)) continue;
    b += "<h2>" + E(a.name) + "</h2><table><caption>" + E(a.name) +
         "各年度报告</caption><thead><tr><th scope=\"col\">年度</th><th scope=\"col\">状态</th>"
         "<th scope=\"col\">应公布日期</th><th scope=\"col\">提醒</th></tr></thead><tbody>";
    for (int year = today.year(); year >= 2019; --year) {
      auto actions = db->ReportActions(a.id, year);
      if (!actions.ok()) continue;
      const bool published = !actions->empty() && actions->back().action == "publish";
      const Date due = app::ReportDueDate(a, year);
      std::string note;
      if (!published && year < today.year()) {
        note = today > due ? "已逾期未发布" : "请于" + due.ToString() + "前发布";
      } else if (published && actions->back().at.substr(0, 10) > due.ToString()) {
        note = "发布晚于应公布日期";
      }
      b += "<tr><td><a href=\"/admin/reports/" + E(a.id) + "/" + std::to_string(year) + "\">" +
           std::to_string(year) + "年度</a></td><td>" + StatusLabel(published) + "</td><td>" +
           due.ToString() + "</td><td>" + E(note) + "</td></tr>";
    }
    b += "</tbody></table>";
  }
  res.set_content(AdminPage(s, "年度报告", b), kHtml);
}

std::string FieldOptions(report::Format f) {
  std::string out;
  for (const report::Row2Spec& r : report::Rows2(f)) {
    for (const report::Field2Spec& fs : r.fields) {
      out += "<option value=\"" + std::string(r.key) + "." + std::string(fs.key) + "\">" +
             E(r.label) + "：" + E(fs.header) + "</option>";
    }
  }
  return out;
}

void ReportEditor(ServerState& st, const app::Session& s, const httplib::Request& req,
                  httplib::Response& res, const std::string& notice) {
  auto db = st.Db();
  std::string agency;
  int year = 0;
  if (!StaffTarget(*db, s, req, res, &agency, &year)) return;
  auto r = app::LoadAnnualReport(*db, st.calendar, agency, year);
  if (!r.ok()) {
    res.status = 500;
    res.set_content(AdminPage(s, "年度报告", "<h1>暂时无法生成报告</h1><p>" +
                                               E(r.status().message()) + "</p>"),
                    kHtml);
    return;
  }
  const std::string base = "/admin/reports/" + agency + "/" + std::to_string(year);
  std::string b = "<h1>" + E(r->agency.name) + std::to_string(year) + "年政府信息公开工作年度报告</h1>";
  b += "<p>状态：" + StatusLabel(r->published) + "（" +
       std::string(report::FormatId(r->report.format)) + "年版表格）；应公布日期：" +
       app::ReportDueDate(r->agency, year).ToString() + "（第四十九条）</p>";
  if (!notice.empty()) b += "<p role=\"status\">" + E(notice) + "</p>";
  if (r->published) {
    b += "<p>已发布的报告数据已冻结。下表为发布时的数据；点击数字可查看当前记录。</p>";
  } else {
    b += "<p>下表由案件、目录和填报数据实时计算；点击任一数字可查看其来源。</p>";
  }
  b += "<p>导出：";
  for (const char* ext : {"pdf", "docx", "xlsx", "html", "json"}) {
    b += "<a href=\"" + base + "/export." + ext + "\">" + ext + "</a> ";
  }
  b += "</p>";
  b += Section2Table(r->report, base) + Section3Table(r->report, base) +
       Section4Table(r->report, base);

  b += "<h2>勾稽检查</h2>";
  if (r->findings.empty()) {
    b += "<p>未发现问题。</p>";
  } else {
    b += "<ul>";
    for (const report::Finding& f : r->findings) {
      b += "<li>" + std::string(f.severity == report::Severity::kError ? "错误" : "提示") + "：" +
           E(f.message) + "</li>";
    }
    b += "</ul>";
  }
  b += "<h2>正文</h2>";
  for (std::string_view sec : app::kNarrativeSections) {
    const std::string key(sec);
    const std::string text = r->texts.contains(key) ? r->texts.at(key) : "";
    b += "<h3>第" + key + "部分</h3>";
    if (r->generated.contains(key)) {
      b += "<p>根据记录生成：" + E(r->generated.at(key)) + "</p>";
    }
    if (key == "一") {
      b += "<p>政民互动、新媒体和培训的数字来自<a href=\"/admin/statistics/" + E(agency) + "/" +
           std::to_string(year) + "\">年度工作统计</a>。</p>";
    }
    if (!r->published && MayWrite(s)) {
      b += "<form method=\"post\" action=\"" + base + "/texts\">" + CsrfField(s) +
           "<input type=\"hidden\" name=\"section\" value=\"" + key + "\"><label for=\"text-" +
           key + "\">第" + key + "部分正文</label><textarea id=\"text-" + key +
           "\" name=\"body\" rows=\"6\">" + E(text) +
           "</textarea><button type=\"submit\">保存草稿</button></form>";
    } else {
      b += "<p>" + E(text) + "</p>";
    }
  }
  if (!r->published && MayWrite(s)) {
    b += "<h2>填报数据（来自其他业务系统）</h2><form method=\"post\" action=\"" + base +
         "/figures\">" + CsrfField(s) + "<label for=\"cell\">栏目</label><select id=\"cell\" name=\"cell\">" +
         FieldOptions(r->report.format) +
         "</select><label for=\"value\">数值（金额以万元计；留空表示不填）</label><input id=\"value\" "
         "name=\"value\" inputmode=\"decimal\"><label for=\"source\">数据来源</label><input "
         "id=\"source\" name=\"source\" required><button type=\"submit\">保存</button></form>";
  }
  if (s.user.role == auth::Role::kAgencyAdmin || s.user.role == auth::Role::kSysadmin) {
    if (r->published) {
      b += "<h2>重新打开</h2><form method=\"post\" action=\"" + base + "/reopen\">" + CsrfField(s) +
           "<label for=\"reason\">理由（将记录在案）</label><input id=\"reason\" name=\"reason\" "
           "required><button type=\"submit\">重新打开</button></form>";
    } else {
      b += "<h2>发布</h2><form method=\"post\" action=\"" + base + "/publish\">" + CsrfField(s) +
           "<button type=\"submit\">校验并发布</button></form>";
    }
  }
  // 报送 (Art. 49) to the supervising office.
  if (auto sub = app::LatestSubmission(*db, agency, year); sub.ok()) {
    b += "<h2>报送</h2><p>" + SubmissionLabel(*sub) + "</p>";
    const bool can_submit = r->published && (!sub->has_value() || (*sub)->action == "return");
    if (can_submit && (s.user.role == auth::Role::kAgencyAdmin ||
                       s.user.role == auth::Role::kSysadmin)) {
      b += "<form method=\"post\" action=\"" + base + "/submit\">" + CsrfField(s) +
           "<button type=\"submit\">报送主管部门</button></form>";
    }
  }
  auto history = db->ReportActions(agency, year);
  if (history.ok() && !history->empty()) {
    b += "<h2>发布记录</h2><ul>";
    for (const auto& a : *history) {
      b += "<li>" + E(a.at) + " " + E(a.actor) + " " + (a.action == "publish" ? "发布" : "重新打开") +
           (a.reason.empty() ? "" : "：" + E(a.reason)) + "</li>";
    }
    b += "</ul>";
  }
  res.set_content(AdminPage(s, "年度报告", b), kHtml);
}

void CellPage(ServerState& st, const app::Session& s, const httplib::Request& req,
              httplib::Response& res) {
  auto db = st.Db();
  std::string agency;
  int year = 0;
  if (!StaffTarget(*db, s, req, res, &agency, &year)) return;
  const std::string section = req.get_param_value("section");
  const std::string row = req.get_param_value("row");
  const std::string column = req.get_param_value("column");
  auto r = app::LoadAnnualReport(*db, st.calendar, agency, year,
                                 app::DrillDown{section, row, column});
  if (!r.ok()) return JsonError(res, 500, "internal", "暂时无法生成报告");
  const reporting::CellTrace* t = r->live.Find(section, row, column);
  if (!t) {
    if (WantsJson(req)) return JsonError(res, 400, "bad_cell", "section/row/column：没有这个单元格");
    res.status = 400;
    res.set_content(AdminPage(s, "没有这个单元格", "<h1>没有这个单元格</h1>"), kHtml);
    return;
  }
  static constexpr const char* kBasis[] = {"cases", "proceedings", "records", "entered", "blank"};
  if (WantsJson(req)) {
    json j;
    j["section"] = t->section;
    j["row"] = t->row;
    j["column"] = t->column;
    j["basis"] = kBasis[static_cast<int>(t->basis)];
    j["rule"] = t->rule;
    j["refs"] = t->refs;
    if (t->entered) {
      j["entered"] = {{"source", t->entered->source},
                      {"entered_by", t->entered->entered_by},
                      {"entered_at", t->entered->entered_at}};
      if (t->entered->value) j["entered"]["value"] = *t->entered->value;
    }
    return JsonBody(res, 200, j.dump(-1, ' ', false, json::error_handler_t::replace));
  }
  const std::string base = "/admin/reports/" + agency + "/" + std::to_string(year);
  std::string b = "<h1>第" + E(section) + "部分 " + E(row) + " / " + E(column) + "</h1><p>规则：" +
                  E(t->rule) + "</p>";
  if (t->entered) {
    b += "<p>填报人：" + E(t->entered->entered_by) + "，时间：" + E(t->entered->entered_at) + "</p>";
  }
  if (!t->refs.empty()) {
    b += "<table><caption>共 " + std::to_string(t->refs.size()) +
         " 条记录</caption><thead><tr><th scope=\"col\">记录</th></tr></thead><tbody>";
    for (const std::string& ref : t->refs) {
      const std::string tn = ref.substr(0, ref.find('/'));
      const bool is_case = t->basis == reporting::CellBasis::kCases ||
                           t->basis == reporting::CellBasis::kProceedings;
      b += "<tr><td>" +
           (is_case ? "<a href=\"/admin/applications/" + E(tn) + "\">" + E(ref) + "</a>" : E(ref)) +
           "</td></tr>";
    }
    b += "</tbody></table>";
  }
  b += "<p><a href=\"" + base + "\">返回报告</a></p>";
  res.set_content(AdminPage(s, "数据来源", b), kHtml);
}

// The editor's POSTs: validate, act, then show the editor with the outcome.
void EditorPost(ServerState& st, const app::Session& s, const httplib::Request& req,
                httplib::Response& res, std::string_view what) {
  std::string agency;
  int year = 0;
  Status result;
  {
    auto db = st.Db();
    if (!StaffTarget(*db, s, req, res, &agency, &year)) return;
    const app::ReportActor actor{s.user.username, s.user.role, app::NowUtcIso()};
    if (what == "figures" && !app::MayEditReport(s.user.role)) {
      // The role is refused before the form is read.
      result = Status::Forbidden("当前角色不能填报年度报告数据");
    } else if (what == "texts") {
      result = app::SaveReportNarrative(*db, agency, year, req.get_param_value("section"),
                                        req.get_param_value("body"), actor);
    } else if (what == "figures") {
      const std::string cell = req.get_param_value("cell");
      const size_t dot = cell.find('.');
      reporting::EnteredFigure f;
      f.row = cell.substr(0, dot);
      f.field = dot == std::string::npos ? "" : cell.substr(dot + 1);
      f.source = req.get_param_value("source");
      const std::string v = req.get_param_value("value");
      if (!v.empty()) {
        // Money in 万元 (decimal), counts as integers; both stored exactly.
        const bool money = f.field == "amount_10k_yuan";
        if (money) {
          if (auto fen = report::ParseMoney(v)) f.value = *fen;
        } else {
          std::optional<int64_t> n = report::ParseMoney(v);
          if (n && *n % report::kFenPer10kYuan == 0) f.value = *n / report::kFenPer10kYuan;
        }
        if (!f.value) result = Status::Invalid("value：请填写数字，实际为“" + v + "”");
      }
      if (result.ok()) result = app::EnterReportFigure(*db, agency, year, f, actor);
    } else if (what == "publish") {
      result = app::PublishAnnualReport(*db, st.calendar, agency, year, actor);
    } else if (what == "submit") {
      result = app::SubmitReport(*db, s.user, agency, year, actor.now_iso);
    } else {
      result = app::ReopenAnnualReport(*db, agency, year, req.get_param_value("reason"), actor);
    }
  }
  if (result.ok()) {
    res.set_redirect("/admin/reports/" + agency + "/" + std::to_string(year), 303);
    return;
  }
  const int status = HttpStatusOf(result);
  ReportEditor(st, s, req, res, result.message());
  res.status = status;
}

}  // namespace

std::string SupervisedReportsSection(ServerState& st, const app::Session& s) {
  auto db = st.Db();
  auto agencies = db->ListAgencies();
  if (!agencies.ok()) return "";
  const Date today = app::TodayInShanghai();
  const int year = today.year() - 1;
  std::string b = "<h2>" + std::to_string(year) +
                  "年度报告（第四十九条）</h2><table><thead><tr><th scope=\"col\">机关</th>"
                  "<th scope=\"col\">应公布日期</th><th scope=\"col\">状态</th>"
                  "<th scope=\"col\">勾稽错误</th><th scope=\"col\">提示</th>"
                  "<th scope=\"col\">报送</th></tr></thead><tbody>";
  for (const store::AgencyRow& a : *agencies) {
    if (!app::CanSeeAgency(*agencies, s.user, a.id)) continue;
    const Date due = app::ReportDueDate(a, year);
    auto pub = app::LoadPublishedReport(*db, a.id, year);
    std::string status, errors, warnings;
    if (!pub.ok() || !pub->has_value()) {
      status = today > due ? "逾期未发布" : "未发布";
    } else {
      const auto& p = **pub;
      status = "已发布（" + p.published_at.substr(0, 10) + "）";
      if (p.published_at.substr(0, 10) > due.ToString()) status += "，晚于应公布日期";
      int e = 0, w = 0;
      for (const report::Finding& f : report::Validate(p.report)) {
        (f.severity == report::Severity::kError ? e : w) += 1;
      }
      errors = std::to_string(e);
      warnings = std::to_string(w);
    }
    std::string submission;
    if (auto sub = app::LatestSubmission(*db, a.id, year); sub.ok()) {
      submission = SubmissionLabel(*sub);
      if (sub->has_value() && (*sub)->action == "submit" &&
          s.user.role == auth::Role::kSupervisor) {
        const std::string base = "/admin/supervision/reports/" + E(a.id) + "/" +
                                 std::to_string(year);
        const std::string id = E(a.id);
        submission += "<form method=\"post\" action=\"" + base + "/accept\">" + CsrfField(s) +
                      "<button type=\"submit\">接收 " + E(a.name) +
                      "</button></form><form method=\"post\" action=\"" + base + "/return\">" +
                      CsrfField(s) + "<label for=\"note-" + id + "\">退回意见</label><input id=\"note-" +
                      id + "\" name=\"note\" required><button type=\"submit\">退回</button></form>";
      }
    }
    b += "<tr><td><a href=\"/admin/reports/" + E(a.id) + "/" + std::to_string(year) + "\">" +
         E(a.name) + "</a></td><td>" + due.ToString() + "</td><td>" + E(status) + "</td><td>" +
         errors + "</td><td>" + warnings + "</td><td>" + submission + "</td></tr>";
  }
  b += "</tbody></table>";
  // Reports published outside Gongkai: upload and check.
  if (s.user.role == auth::Role::kSupervisor) {
    b += "<h2>月度通报</h2><form method=\"get\" action=\"/admin/supervision/bulletin.xlsx\"><label "
         "for=\"month\">月份（YYYY-MM）</label><input id=\"month\" name=\"month\" "
         "pattern=\"[0-9]{4}-[0-9]{2}\"><button type=\"submit\">导出 Excel</button></form><form "
         "method=\"get\" action=\"/admin/supervision/bulletin.docx\"><label "
         "for=\"month-docx\">月份（YYYY-MM）</label><input id=\"month-docx\" name=\"month\" "
         "pattern=\"[0-9]{4}-[0-9]{2}\"><button type=\"submit\">导出 Word</button></form>";
    b += "<h2>核查其他渠道发布的年度报告</h2><form method=\"post\" "
         "action=\"/admin/supervision/uploads\" enctype=\"multipart/form-data\">" +
         CsrfField(s) +
         "<label for=\"file\">报告文件（网页、Word、PDF、Excel、文本或JSON）</label><input "
         "id=\"file\" name=\"file\" type=\"file\" required><button "
         "type=\"submit\">上传并核查</button></form>";
    auto uploads = db->ExternalReports(s.user.agency_id, 50);
    if (uploads.ok() && !uploads->empty()) {
      b += "<table><caption>已核查的报告</caption><thead><tr><th scope=\"col\">文件</th><th "
           "scope=\"col\">机关</th><th scope=\"col\">年度</th><th "
           "scope=\"col\">错误</th><th scope=\"col\">提示</th><th "
           "scope=\"col\">上传时间</th></tr></thead><tbody>";
      for (const store::ExternalReportRow& u : *uploads) {
        b += "<tr><td>" + E(u.filename) + "</td><td>" + E(u.agency.value_or("")) + "</td><td>" +
             (u.year ? std::to_string(*u.year) : "") + "</td><td>" + std::to_string(u.errors) +
             "</td><td>" + std::to_string(u.warnings) + "</td><td>" + E(u.at.substr(0, 10)) +
             "</td></tr>";
      }
      b += "</tbody></table>";
    }
  }
  return b;
}

namespace {

void SupervisionPost(ServerState& st, const app::Session& s, const httplib::Request& req,
                     httplib::Response& res, bool accept) {
  const std::optional<int> year = ParseYear(req.matches[2]);
  Status r;
  if (!year) {
    r = Status::Invalid("year：年度应为四位数字");
  } else {
    auto db = st.Db();
    r = app::ReviewSubmission(*db, s.user, std::string(req.matches[1]), *year, accept,
                              req.get_param_value("note"), app::NowUtcIso());
  }
  if (r.ok()) return res.set_redirect("/admin/supervision", 303);
  res.status = HttpStatusOf(r);
  res.set_content(AdminPage(s, "报送审核", "<h1>报送审核</h1><p role=\"alert\">" + E(r.message()) +
                                              "</p><p><a href=\"/admin/supervision\">返回</a></p>"),
                  kHtml);
}

void UploadPost(ServerState& st, const app::Session& s, const httplib::Request& req,
                httplib::Response& res) {
  const auto file = req.get_file_value("file");
  Result<store::ExternalReportRow> r = [&] {
    auto db = st.Db();
    return app::CheckUploadedReport(*db, s.user, file.filename, file.content,
                                    app::NowUtcIso());
  }();
  if (!r.ok()) {
    res.status = HttpStatusOf(r.status());
    res.set_content(AdminPage(s, "核查年度报告", "<h1>核查年度报告</h1><p role=\"alert\">" +
                                                    E(r.status().message()) +
                                                    "</p><p><a href=\"/admin/supervision\">返回</a></p>"),
                    kHtml);
    return;
  }
  std::string b = "<h1>核查结果：" + E(r->filename) + "</h1><p>" + E(r->agency.value_or("（未写明机关）")) +
                  " " + (r->year ? std::to_string(*r->year) + "年度" : "") + "：错误" +
                  std::to_string(r->errors) + "处，提示" + std::to_string(r->warnings) + "处。</p>";
  json j = json::parse(r->result, nullptr, false);
  if (j.is_object() && j.contains("findings") && j["findings"].is_array()) {
    b += "<ul>";
    for (const auto& f : j["findings"]) {
      b += "<li>" + std::string(f.value("severity", "") == "error" ? "错误" : "提示") + "：" +
           E(f.value("message", "")) + "</li>";
    }
    b += "</ul>";
  }
  b += "<p><a href=\"/admin/supervision\">返回监督页面</a></p>";
  res.set_content(AdminPage(s, "核查结果", b), kHtml);
}

}  // namespace

void BulletinDownload(ServerState& st, const app::Session& s, const httplib::Request& req,
                      httplib::Response& res) {
  const std::string ext = req.matches[1];
  // ?month=YYYY-MM, default: last month.
  const Date today = app::TodayInShanghai();
  int year = today.month() == 1 ? today.year() - 1 : today.year();
  int month = today.month() == 1 ? 12 : today.month() - 1;
  const std::string m = req.get_param_value("month");
  if (!m.empty()) {
    auto d = Date::Parse(m + "-01");
    if (m.size() != 7 || !d.ok()) return JsonError(res, 400, "bad_month", "month：月份应为YYYY-MM");
    year = d->year();
    month = d->month();
  }
  Result<std::string> bytes = [&]() -> Result<std::string> {
    auto db = st.Db();
    auto b = app::BuildBulletin(*db, st.calendar, s.user, year, month);
    if (!b.ok()) return b.status();
    return ext == "xlsx" ? app::BulletinXlsx(*b) : app::BulletinDocx(*b, "政府信息公开工作主管部门");
  }();
  if (!bytes.ok()) {
    const int code = HttpStatusOf(bytes.status());
    return JsonError(res, code, code == 403 ? "forbidden" : "error", bytes.status().message());
  }
  res.set_header("Content-Disposition", "attachment; filename=\"bulletin-" +
                                            std::to_string(year) + "-" + std::to_string(month) +
                                            "." + ext + "\"");
  res.set_content(*bytes, ext == "xlsx"
                              ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                              : "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
}

void RegisterReportRoutes(httplib::Server& svr, ServerState& st) {
  svr.Get(R"(/admin/supervision/bulletin\.(xlsx|docx))",
          WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                httplib::Response& res) { BulletinDownload(st, s, req, res); }));
  svr.Post(R"(/admin/supervision/reports/([A-Za-z0-9_-]{1,64})/([0-9]{1,6})/(accept|return))",
           WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                 httplib::Response& res) {
             SupervisionPost(st, s, req, res, req.matches[3] == "accept");
           }));
  svr.Post("/admin/supervision/uploads",
           WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                 httplib::Response& res) { UploadPost(st, s, req, res); }));
  svr.Get("/reports", [&st](const httplib::Request& req, httplib::Response& res) {
    ReportsPage(st, req, res);
  });
  svr.Get(R"(/api/v1/reports/([A-Za-z0-9_-]{1,64})/([0-9]{1,6})(\.(json|html|docx|pdf|xlsx))?)",
          [&st](const httplib::Request& req, httplib::Response& res) { ReportApi(st, req, res); });
  svr.Get("/admin/reports",
          WithSession(st, [&st](const app::Session& s, const httplib::Request&,
                                httplib::Response& res) { ReportList(st, s, res); }));
  const std::string target = R"(/admin/reports/([A-Za-z0-9_-]{1,64})/([0-9]{1,6}))";
  svr.Get(target, WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                        httplib::Response& res) {
            ReportEditor(st, s, req, res, "");
          }));
  svr.Get(target + R"(/export\.(json|html|docx|pdf|xlsx))",
          WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                httplib::Response& res) {
            auto db = st.Db();
            std::string agency;
            int year = 0;
            if (!StaffTarget(*db, s, req, res, &agency, &year)) return;
            const std::string ext = req.matches[3];
            auto r = app::RenderAnnualReport(*db, st.calendar, agency, year, ext,
                                             /*published_only=*/false);
            if (!r.ok()) return JsonError(res, 500, "internal", "暂时无法导出年度报告");
            res.set_header("Content-Disposition",
                           "attachment; filename=\"report." + ext + "\"; filename*=UTF-8''" +
                               httplib::detail::encode_query_param(r->filename));
            res.set_content(r->bytes, r->mime);
          }));
  auto cell = WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                    httplib::Response& res) { CellPage(st, s, req, res); });
  svr.Get(target + "/cell", cell);
  svr.Get(R"(/admin/api/reports/([A-Za-z0-9_-]{1,64})/([0-9]{1,6})/cell)", cell);
  for (const char* what : {"texts", "figures", "publish", "reopen", "submit"}) {
    svr.Post(target + "/" + what,
             WithSession(st, [&st, what](const app::Session& s, const httplib::Request& req,
                                         httplib::Response& res) {
               EditorPost(st, s, req, res, what);
             }));
  }
}

}  // namespace gk::web
