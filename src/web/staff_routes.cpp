#include "web/staff_routes.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <map>
#include <set>

#include "app/applications.h"
#include "app/case_files.h"
#include "app/case_letters.h"
#include "app/clock.h"
#include "app/ledger_export.h"
#include "app/reminders.h"
#include "app/staff.h"
#include "cases/transitions.h"
#include "cases/vocab.h"
#include "core/hash.h"
#include "core/text.h"
#include "law/fees.h"
#include "law/outcomes.h"
#include "web/html.h"
#include "web/page.h"
#include "web/report_routes.h"
#include "web/staff_session.h"

namespace gk::web {
namespace {

using nlohmann::json;

cases::ActorRole ActorRoleOf(auth::Role r) {
  switch (r) {
    case auth::Role::kHandler:
      return cases::ActorRole::kHandler;
    case auth::Role::kEditor:
      return cases::ActorRole::kEditor;
    case auth::Role::kReviewer:
      return cases::ActorRole::kReviewer;
    case auth::Role::kAgencyAdmin:
      return cases::ActorRole::kAgencyAdmin;
    case auth::Role::kSupervisor:
      return cases::ActorRole::kSupervisor;
    case auth::Role::kSysadmin:
      return cases::ActorRole::kSysadmin;
  }
  return cases::ActorRole::kHandler;
}

// Masks personal data for the supervising office: 张三 → 张*, 13800138000 → 138****8000.
std::string MaskName(const std::string& name) {
  std::u32string u = text::ToUtf32(name);
  if (u.size() <= 1) return "*";
  return text::ToUtf8(u.substr(0, 1)) + std::string(u.size() - 1, '*');
}
std::string MaskDigits(const std::string& s) {
  if (s.size() <= 7) return std::string(s.size(), '*');
  return s.substr(0, 3) + std::string(s.size() - 7, '*') + s.substr(s.size() - 4);
}

// ---- sign-in ---------------------------------------------------------------------

std::string LoginForm(const std::string& username, const std::string& error) {
  std::string b = "<h1>工作人员登录</h1>";
  if (!error.empty()) b += "<p class=\"err\" role=\"alert\">" + EscapeHtml(error) + "</p>";
  b += "<form method=\"post\" action=\"/login\"><label for=\"username\">用户名</label>"
       "<input id=\"username\" name=\"username\" autocomplete=\"username\" required value=\"" +
       EscapeHtml(username) +
       "\"><label for=\"password\">密码</label>"
       "<input id=\"password\" name=\"password\" type=\"password\" "
       "autocomplete=\"current-password\" required>"
       "<label for=\"otp\">动态验证码（已开启两步验证的账号填写）</label>"
       "<input id=\"otp\" name=\"otp\" inputmode=\"numeric\" autocomplete=\"one-time-code\" "
       "maxlength=\"6\">"
       "<button type=\"submit\">登录</button></form>";
  return Page("登录", b);
}

void PostLogin(ServerState& st, const httplib::Request& req, httplib::Response& res) {
  const std::string user = req.get_param_value("username");
  const std::string pass = req.get_param_value("password");
  if (user.empty() || pass.empty() || user.size() > 64 || pass.size() > 256) {
    res.status = 400;
    res.set_content(LoginForm(user.substr(0, 64), "请填写用户名和密码"),
                    "text/html; charset=utf-8");
    return;
  }
  Result<app::SignInResult> r = [&] {
    auto db = st.Db();
    return app::SignIn(*db, user, pass, req.remote_addr, UnixNow(),
                       req.get_param_value("otp"));
  }();
  if (!r.ok()) {
    RecordAudit(st, user.substr(0, 64), std::nullopt, req, "sign_in",
                r.status().code() == StatusCode::kRateLimited ? 429 : 401);
    const bool limited = r.status().code() == StatusCode::kRateLimited;
    res.status = limited ? 429 : r.status().code() == StatusCode::kNotFound ? 401 : 500;
    res.set_content(
        LoginForm(user, res.status == 500 ? "暂时无法登录，请稍后重试" : r.status().message()),
        "text/html; charset=utf-8");
    return;
  }
  // A new token at every sign-in (session rotation); the old one, if any, is dropped.
  if (std::string old = CookieToken(req); !old.empty()) {
    auto db = st.Db();
    (void)app::SignOut(*db, old);
  }
  res.set_header("Set-Cookie",
                 std::string(kCookie) + "=" + r->token + "; Path=/; HttpOnly; SameSite=Strict");
  res.set_redirect("/admin", 303);
  RecordAudit(st, r->user.username, r->user.agency_id, req, "sign_in", 303);
}

void PostLogout(ServerState& st, const httplib::Request& req, httplib::Response& res) {
  if (auto s = CurrentSession(st, req)) {
    RecordAudit(st, s->user.username, s->user.agency_id, req, "sign_out", 303);
  }
  if (std::string token = CookieToken(req); !token.empty()) {
    auto db = st.Db();
    (void)app::SignOut(*db, token);
  }
  res.set_header("Set-Cookie",
                 std::string(kCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  res.set_redirect("/login", 303);
}

// ---- back office -------------------------------------------------------------------

std::string DueLabel(const store::CaseRow& c, Date today, const law::Calendar& cal) {
  if (!c.due_on) return "";
  auto due = Date::Parse(*c.due_on);
  if (!due.ok()) return "";
  if (*due < today) return "已超期";
  // Due soon: three working days or fewer left.
  if (*due <= law::DueAfterWorkingDays(cal, today, 3)) return "即将到期";
  return "";
}

void Dashboard(ServerState& st, const app::Session& s, const httplib::Request& req,
               httplib::Response& res) {
  const std::string due_filter = req.get_param_value("due");  // "", soon, overdue
  store::CaseFilter f;
  // A supervisor's scope is a subtree of agencies: list all, keep the scope.
  if (s.user.role != auth::Role::kSupervisor) f.agency_id = s.user.agency_id;
  f.limit = 500;
  std::vector<store::CaseRow> rows;
  std::vector<store::AgencyRow> agencies;
  law::Calendar cal;
  std::vector<app::DueItem> due;
  int64_t in_review = 0;  // records waiting for the 保密审查
  {
    auto db = st.Db();
    if ((s.user.role == auth::Role::kReviewer || s.user.role == auth::Role::kAgencyAdmin) &&
        s.user.agency_id) {
      store::RecordQuery q;
      q.agency_id = s.user.agency_id;
      q.status = catalog::RecordStatus::kInReview;
      q.limit = 1;
      q.with_body = false;
      if (auto page = db->records().SearchRecords(q); page.ok()) in_review = page->total;
    }
    if (auto d = app::DueItems(*db, st.calendar, s.user, app::TodayInShanghai()); d.ok()) {
      due = std::move(d).value();
    }
    if (auto r = db->ListCases(f); r.ok()) rows = std::move(r).value();
    if (auto a = db->ListAgencies(); a.ok()) agencies = std::move(a).value();
    cal = st.calendar;
  }
  std::erase_if(rows, [&](const store::CaseRow& c) {
    return !app::CanSeeAgency(agencies, s.user, c.agency_id);
  });
  auto agency_name = [&](const std::string& id) {
    for (const auto& a : agencies) {
      if (a.id == id) return a.name;
    }
    return id;
  };
  const Date today = app::TodayInShanghai();
  if (due_filter == "soon" || due_filter == "overdue") {
    const std::string want = due_filter == "soon" ? "即将到期" : "已超期";
    std::erase_if(rows, [&](const store::CaseRow& c) { return DueLabel(c, today, cal) != want; });
  }
  std::string b =
      "<h1>依申请公开案件</h1><p><a "
      "href=\"/admin/applications/new\">登记信函、当面等渠道收到的申请</a></p><p><a "
      "href=\"/admin\">全部</a> · "
      "<a href=\"/admin?due=soon\">即将到期（3个工作日内）</a> · "
      "<a href=\"/admin?due=overdue\">已超期</a></p>";
  if (in_review > 0) {
    b += "<p role=\"status\"><a href=\"/admin/records?status=in_review\">" +
         std::to_string(in_review) + "条主动公开信息等待保密审查</a></p>";
  }
  if (!due.empty()) {
    // Reminders (app/reminders.h): what falls due, overdue first.
    const auto overdue = std::count_if(due.begin(), due.end(), [](const auto& i) { return i.overdue; });
    b += "<section aria-labelledby=\"reminders\"><h2 id=\"reminders\">待办提醒</h2><p>" +
         std::to_string(overdue) + "件已超期，" + std::to_string(due.size() - overdue) +
         "件即将到期。</p><ul>";
    for (const app::DueItem& i : due) {
      b += "<li><a href=\"/admin/applications/" + EscapeHtml(i.case_id) + "\">" +
           EscapeHtml(i.case_id) + "</a>（" + EscapeHtml(i.agency_name) + "）答复期限 " +
           i.due_on.ToString() + (i.overdue ? "，已超期" : "，即将到期") + "</li>";
    }
    b += "</ul></section>";
  }
  b += "<table><caption>共 " + std::to_string(rows.size()) +
       " 件（按收到日期倒序）</caption><thead><tr>"
       "<th scope=\"col\">申请编号</th><th scope=\"col\">机关</th><th scope=\"col\">类型</th>"
       "<th scope=\"col\">收到日期</th><th scope=\"col\">状态</th><th scope=\"col\">答复期限</th>"
       "<th scope=\"col\">提示</th></tr></thead><tbody>";
  for (const auto& c : rows) {
    auto status = cases::FromKey<cases::CaseStatus>(c.status);
    auto kind = cases::FromKey<cases::CaseKind>(c.kind);
    b += "<tr><td><a href=\"/admin/applications/" + EscapeHtml(c.id) + "\">" + EscapeHtml(c.id) +
         "</a></td><td>" + EscapeHtml(agency_name(c.agency_id)) + "</td><td>" +
         EscapeHtml(kind ? std::string(cases::Label(*kind)) : c.kind) + "</td><td>" +
         EscapeHtml(c.received_on.value_or("")) + "</td><td>" +
         EscapeHtml(status ? std::string(cases::Label(*status)) : c.status) + "</td><td>" +
         EscapeHtml(c.due_on.value_or("")) + "</td><td>" + DueLabel(c, today, cal) + "</td></tr>";
  }
  b += "</tbody></table>";
  const std::string year = std::to_string(today.year());
  b += "<h2>导出台账</h2><form method=\"get\" action=\"/admin/ledger.xlsx\">";
  if (!s.user.agency_id) {
    b += "<label for=\"ledger-agency\">机关</label><select id=\"ledger-agency\" name=\"agency\">";
    for (const auto& a : agencies) {
      b += "<option value=\"" + EscapeHtml(a.id) + "\">" + EscapeHtml(a.name) + "</option>";
    }
    b += "</select>";
  }
  b += "<label for=\"ledger-from\">起始日期</label><input id=\"ledger-from\" name=\"from\" "
       "type=\"date\" value=\"" +
       year +
       "-01-01\"><label for=\"ledger-to\">截止日期</label><input id=\"ledger-to\" name=\"to\" "
       "type=\"date\" value=\"" +
       year + "-12-31\"><button type=\"submit\">导出 XLSX</button></form>";
  res.set_content(AdminPage(s, "待办案件", b), "text/html; charset=utf-8");
}

void LedgerDownload(ServerState& st, const app::Session& s, const httplib::Request& req,
                    httplib::Response& res) {
  const std::string agency = s.user.agency_id ? *s.user.agency_id : req.get_param_value("agency");
  auto from = Date::Parse(req.get_param_value("from"));
  auto to = Date::Parse(req.get_param_value("to"));
  auto bad = [&](const std::string& msg) {
    res.status = 400;
    res.set_content(AdminPage(s, "导出台账",
                              "<h1>无法导出台账</h1><p class=\"err\">" + EscapeHtml(msg) +
                                  "</p><p><a href=\"/admin\">返回</a></p>"),
                    "text/html; charset=utf-8");
  };
  if (agency.empty()) return bad("请选择机关");
  if (!from.ok() || !to.ok()) return bad("起止日期格式应为 年-月-日");
  if (*to < *from) return bad("截止日期早于起始日期");
  if (*to - *from > 3660) return bad("导出期间不能超过十年");
  const bool allowed = [&] {
    auto db = st.Db();
    return InScope(*db, s, agency);
  }();
  if (!allowed) return Forbidden(req, res, "无权导出其他机关的台账");
  Result<std::string> x = [&] {
    auto db = st.Db();
    return app::ExportLedger(*db, st.calendar, agency, *from, *to, app::TodayInShanghai());
  }();
  if (!x.ok()) {
    if (x.status().code() == StatusCode::kNotFound) return bad("没有这个机关");
    res.status = 500;
    res.set_content(AdminPage(s, "导出台账", "<h1>暂时无法导出台账</h1>"),
                    "text/html; charset=utf-8");
    return;
  }
  res.set_header("Content-Disposition", "attachment; filename=\"ledger-" + agency + "-" +
                                            from->ToString() + "-" + to->ToString() + ".xlsx\"");
  res.set_content(*x, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

// Form fields of the staff actions: JSON payload key, label, input type.
struct ActionField {
  std::string_view key;  // dotted path inside the payload
  std::string_view label;
  std::string_view type;  // text | date | number | textarea | select:<enum>
};
struct ActionForm {
  cases::EventType type;
  std::vector<ActionField> fields;
};

const std::vector<ActionForm>& ActionForms() {
  using cases::EventType;
  static const std::vector<ActionForm> kForms = {
      {EventType::kAssigned, {{"unit", "承办单位", "text"}, {"handler", "承办人", "text"}}},
      {EventType::kCorrectionRequested,
       {{"items", "需补正的内容（一次性告知）", "textarea"}, {"period_end", "补正期限", "date"}}},
      {EventType::kCorrected,
       {{"summary", "补正内容摘要", "text"},
        {"late_reason", "逾期补正的正当理由（如有）", "text"}}},
      {EventType::kDeemedWithdrawn, {{"note", "说明", "text"}}},
      {EventType::kConsultationStarted,
       {{"consultation_id", "征求意见编号", "text"},
        {"party", "征求对象类型", "select:party"},
        {"name", "第三方或机关名称", "text"},
        {"subject", "事项", "text"},
        {"answer_by", "答复期限", "date"}}},
      {EventType::kConsultationEnded,
       {{"consultation_id", "征求意见编号", "text"},
        {"result", "结果", "select:consult_result"},
        {"note", "说明", "text"}}},
      {EventType::kExtended,
       {{"days", "延长的工作日数（不超过20）", "number"},
        {"notice_on", "告知申请人日期", "date"},
        {"reason", "延期理由", "text"}}},
      {EventType::kLaterDeadline,
       {{"due_on", "另行确定的答复期限（第三十五条）", "date"},
        {"notice_on", "告知申请人日期", "date"},
        {"reason", "理由（申请数量、频次明显超过合理范围）", "text"}}},
      {EventType::kLegalReview,
       {{"result", "审核结果", "select:review_result"}, {"note", "意见", "text"}}},
      {EventType::kConfidentialityReview,
       {{"result", "审查结果", "select:review_result"}, {"note", "意见", "text"}}},
      {EventType::kFeeNotified,
       {{"method", "计收方式（国办函〔2020〕109号）", "select:fee_method"},
        {"quantity", "本申请的件数（按件）或页数（按量）", "number"},
        {"prior_pieces", "本月已计件数（按件计收时）", "number"},
        {"notice_received_on", "申请人收到收费通知的日期", "date"}}},
      {EventType::kFeePaid,
       {{"amount_yuan", "缴纳金额（元）", "number"}, {"receipt_ref", "缴款凭证号", "text"}}},
      {EventType::kFeeUnpaid, {{"note", "说明", "text"}}},
      {EventType::kDecided,
       {{"outcome", "办理结果", "select:outcome"},
        {"legal_basis", "依据（引用条款）", "text"},
        {"summary", "答复要点", "textarea"}}},
      {EventType::kTransferred,
       {{"organ.name", "负责公开的机关", "text"},
        {"organ.contact", "该机关联系方式", "text"},
        {"legal_basis", "依据", "text"},
        {"summary", "说明", "text"}}},
      {EventType::kServed,
       {{"method", "送达方式", "select:service"}, {"proof", "送达凭证", "text"}}},
      {EventType::kArchived, {{"archive_ref", "档号", "text"}}},
      {EventType::kWithdrawn, {{"reason", "撤回理由", "text"}}},
      {EventType::kReviewFiled, {{"review_id", "复议案号", "text"}, {"body", "复议机关", "text"}}},
      {EventType::kReviewDecided,
       {{"review_id", "复议案号", "text"},
        {"result", "复议结果", "select:proceeding"},
        {"note", "说明", "text"}}},
      {EventType::kLawsuitFiled,
       {{"lawsuit_id", "诉讼案号", "text"},
        {"court", "法院", "text"},
        {"route", "起诉方式", "select:route"},
        {"review_id", "复议案号（复议后起诉时）", "text"}}},
      {EventType::kLawsuitDecided,
       {{"lawsuit_id", "诉讼案号", "text"},
        {"result", "裁判结果", "select:proceeding"},
        {"note", "说明", "text"}}},
      {EventType::kAnswered, {{"reply_ref", "复函文号", "text"}, {"summary", "复函要点", "text"}}},
  };
  return kForms;
}

template <typename E>
std::string SelectOptions() {
  std::string s;
  for (const auto& n : cases::Names<E>()) {
    s += "<option value=\"" + std::string(n.key) + "\">" + EscapeHtml(n.label) + "</option>";
  }
  return s;
}

std::string OutcomeOptions() {
  std::string s;
  for (law::Outcome o : law::AllOutcomes()) {
    // Outcomes with their own event are recorded through that event.
    if (o == law::Outcome::kDeemedWithdrawn || o == law::Outcome::kFeeUnpaid ||
        o == law::Outcome::kWithdrawn || o == law::Outcome::kNotThisOrgan) {
      continue;
    }
    s += "<option value=\"" + std::string(law::Key(o)) + "\">" + EscapeHtml(law::Label(o)) +
         "</option>";
  }
  return s;
}

std::string FieldInput(const std::string& id, const ActionField& f, const std::string& today) {
  const std::string name = "p." + std::string(f.key);
  std::string s = "<label for=\"" + id + "\">" + EscapeHtml(f.label) + "</label>";
  if (f.type == "textarea")
    return s + "<textarea id=\"" + id + "\" name=\"" + name + "\" rows=\"3\"></textarea>";
  if (f.type.rfind("select:", 0) == 0) {
    const std::string_view which = f.type.substr(7);
    std::string opts;
    if (which == "outcome")
      opts = OutcomeOptions();
    else if (which == "party")
      opts = SelectOptions<cases::ConsultParty>();
    else if (which == "consult_result")
      opts = SelectOptions<cases::ConsultResult>();
    else if (which == "review_result")
      opts = SelectOptions<cases::ReviewResult>();
    else if (which == "service")
      opts = SelectOptions<cases::ServiceMethod>();
    else if (which == "proceeding")
      opts = SelectOptions<cases::ProceedingResult>();
    else if (which == "route")
      opts = SelectOptions<cases::LawsuitRoute>();
    return s + "<select id=\"" + id + "\" name=\"" + name + "\">" + opts + "</select>";
  }
  std::string v = f.type == "date" ? today : "";
  return s + "<input id=\"" + id + "\" name=\"" + name + "\" type=\"" + std::string(f.type) +
         "\" value=\"" + v + "\">";
}

void CasePage(ServerState& st, const app::Session& s, const std::string& tn, httplib::Response& res,
              const std::string& notice = "") {
  Result<app::LoadedCase> loaded = Status::NotFound("");
  law::Calendar cal;
  {
    auto db = st.Db();
    loaded = app::LoadCase(*db, st.calendar, tn);
    cal = st.calendar;
  }
  if (!loaded.ok()) {
    res.status = loaded.status().code() == StatusCode::kNotFound ? 404 : 500;
    res.set_content(
        AdminPage(s, "案件不存在",
                  "<h1>案件不存在</h1><p>没有编号为 " + EscapeHtml(tn) + " 的案件。</p>"),
        "text/html; charset=utf-8");
    return;
  }
  const cases::CaseState& c = loaded->state;
  const bool allowed = [&] {
    auto db = st.Db();
    return InScope(*db, s, c.agency_id);
  }();
  if (!allowed) {
    res.status = 403;
    res.set_content(AdminPage(s, "无权访问", "<h1>无权访问</h1><p>该案件不属于您所在的机关。</p>"),
                    "text/html; charset=utf-8");
    return;
  }
  const bool personal = auth::SeesPersonalData(s.user.role);
  std::string b = "<h1>案件 " + EscapeHtml(c.case_id) + "</h1>";
  if (!notice.empty()) b += "<p class=\"err\" role=\"alert\">" + EscapeHtml(notice) + "</p>";
  b += "<dl><dt>类型</dt><dd>" + EscapeHtml(cases::Label(c.kind)) + "</dd><dt>状态</dt><dd>" +
       EscapeHtml(cases::Label(c.status)) + "</dd><dt>收到日期</dt><dd>" +
       c.received_on.ToString() + "</dd><dt>版本</dt><dd>" + std::to_string(c.version) +
       "</dd></dl>";
  // The applicant, from the receipt event (masked for the supervising office).
  for (const cases::Event& e : loaded->events) {
    const auto* r = std::get_if<cases::ReceivedPayload>(&e.payload);
    if (!r || !r->application) continue;
    const cases::Application& a = *r->application;
    b += "<h2>申请人</h2><dl><dt>姓名或名称</dt><dd>" +
         EscapeHtml(personal ? a.name : MaskName(a.name)) + "</dd><dt>申请人类型</dt><dd>" +
         EscapeHtml(cases::Label(a.applicant_type)) + "</dd><dt>证件号码</dt><dd>" +
         EscapeHtml(personal ? a.id_number : MaskDigits(a.id_number)) +
         "</dd><dt>联系电话</dt><dd>" + EscapeHtml(personal ? a.phone : MaskDigits(a.phone)) +
         "</dd><dt>所需信息</dt><dd>" + EscapeHtml(a.description) + "</dd></dl>";
    if (!a.attachments.empty()) {
      b += "<h3>申请材料</h3><ul>";
      for (const cases::AttachmentRef& f : a.attachments) {
        b += "<li>" + EscapeHtml(cases::Label(f.kind)) + "：";
        if (personal) {
          b += "<a href=\"/admin/applications/" + EscapeHtml(c.case_id) + "/documents/" + f.sha256 +
               "\">" + EscapeHtml(f.name) + "</a>";
        } else {
          b += "（含个人信息，主管部门不可查看）";
        }
        b += "（" + std::to_string((f.size + 1023) / 1024) + " KB）</li>";
      }
      b += "</ul>";
    }
  }
  if (c.IsOpen()) b += "<h2>答复期限</h2><pre>" + EscapeHtml(c.ExplainDue()) + "</pre>";
  b += "<h2>办理过程</h2><table><thead><tr><th scope=\"col\">#</th><th scope=\"col\">日期</th>"
       "<th scope=\"col\">事项</th><th scope=\"col\">记录人</th><th "
       "scope=\"col\">记录时间</th></tr></thead><tbody>";
  for (const cases::Event& e : loaded->events) {
    b += "<tr><td>" + std::to_string(e.sequence) + "</td><td>" + e.occurred_on.ToString() +
         "</td><td>" + EscapeHtml(cases::Label(e.type())) +
         (e.entry == cases::Entry::kBackfilled ? "（补录）" : "") + "</td><td>" +
         EscapeHtml(e.actor) + "</td><td>" + EscapeHtml(e.recorded_at) + "</td></tr>";
  }
  b += "</tbody></table>";
  if (auto letters = app::CaseLetters(*loaded); !letters.empty()) {
    b += "<h2>文书</h2><ul>";
    for (const auto& l : letters) {
      const std::string base =
          "/admin/applications/" + EscapeHtml(c.case_id) + "/letters/" + std::to_string(l.seq);
      b += "<li>" + EscapeHtml(l.title) + "（" + EscapeHtml(l.date) + "，第" +
           std::to_string(l.seq) + "项） <a href=\"" + base + ".pdf\">PDF</a> · <a href=\"" + base +
           ".docx\">Word</a></li>";
    }
    b += "</ul>";
  }
  if (s.user.role != auth::Role::kSupervisor) {
    b += "<h2>可办理的事项</h2>";
    const std::string today = app::TodayInShanghai().ToString();
    for (cases::EventType t : cases::AllowedEvents(c.kind, c.status)) {
      const ActionForm* form = nullptr;
      for (const auto& f : ActionForms()) {
        if (f.type == t) form = &f;
      }
      if (!form) continue;
      const std::string key(cases::Key(t));
      b += "<form method=\"post\" action=\"/admin/applications/" + EscapeHtml(c.case_id) +
           "/events\"><fieldset><legend>" + EscapeHtml(cases::Label(t)) +
           "</legend>"
           "<input type=\"hidden\" name=\"csrf\" value=\"" +
           EscapeHtml(s.csrf) +
           "\">"
           "<input type=\"hidden\" name=\"type\" value=\"" +
           key +
           "\">"
           "<input type=\"hidden\" name=\"version\" value=\"" +
           std::to_string(c.version) +
           "\">"
           "<label for=\"" +
           key + "-date\">日期</label><input id=\"" + key +
           "-date\" name=\"occurred_on\" type=\"date\" value=\"" + today + "\">";
      for (const ActionField& f : form->fields)
        b += FieldInput(key + "-" + std::string(f.key), f, today);
      b += "<button type=\"submit\">记录</button></fieldset></form>";
    }
  }
  res.set_content(AdminPage(s, "案件 " + c.case_id, b), "text/html; charset=utf-8");
}

// Dotted form keys p.a.b → nested JSON; integers where the payload wants them.
json PayloadFromForm(const httplib::Request& req) {
  static const std::set<std::string> kInts = {"days", "quantity", "prior_pieces", "amount_yuan"};
  json p = json::object();
  for (const auto& [k, v] : req.params) {
    if (k.rfind("p.", 0) != 0 || v.empty()) continue;
    std::string path = k.substr(2);
    json* node = &p;
    size_t dot;
    while ((dot = path.find('.')) != std::string::npos) {
      node = &(*node)[path.substr(0, dot)];
      path = path.substr(dot + 1);
    }
    if (kInts.count(path)) {
      try {
        (*node)[path] = std::stoll(v);
      } catch (...) {
        (*node)[path] = v;  // the domain names the field
      }
    } else {
      (*node)[path] = v;
    }
  }
  return p;
}

// Fills what the decision form leaves implicit: the Art. 36 reply and the
// withhold reason follow from the outcome.
void CompleteDecision(cases::EventType type, json& p) {
  if (type != cases::EventType::kDecided || !p.contains("outcome") || !p["outcome"].is_string())
    return;
  auto o = law::OutcomeFromKey(p["outcome"].get<std::string>());
  if (!o) return;
  if (!p.contains("reply_type")) {
    if (auto r = law::ReplyTypeOf(*o)) p["reply_type"] = std::string(law::Key(*r));
  }
  if (!p.contains("withhold_reason")) {
    if (auto w = law::WithholdReasonOf(*o)) p["withhold_reason"] = std::string(law::Key(*w));
  }
}

struct EventRequest {
  std::string type;
  int64_t version = -1;
  std::string occurred_on;
  json payload;
};

struct AppendOutcome {
  int status = 201;
  std::string code, message;
  std::optional<cases::CaseState> state;
};

AppendOutcome AppendFromRequest(ServerState& st, const app::Session& s, const std::string& tn,
                                EventRequest er) {
  // Who may act comes first: a refusal by role or agency never depends on
  // what the request holds.
  if (s.user.role == auth::Role::kSupervisor)
    return {403, "forbidden", "主管部门只能查看，不能办理案件", std::nullopt};
  auto db = st.Db();
  auto row = db->GetCase(tn);
  if (!row.ok()) return {500, "internal", "服务器暂时无法处理", std::nullopt};
  if (!row->has_value()) return {404, "not_found", "没有这个案件", std::nullopt};
  if (!InScope(*db, s, (*row)->agency_id))
    return {403, "forbidden", "该案件不属于您所在的机关", std::nullopt};
  auto type = cases::FromKey<cases::EventType>(er.type);
  if (!type) return {400, "invalid_field", "type：未知的事项类型", std::nullopt};
  if (er.version < 0) return {400, "invalid_field", "version：缺少案件版本号", std::nullopt};
  auto date = Date::Parse(er.occurred_on);
  if (!date.ok()) return {400, "invalid_field", "occurred_on：日期格式应为 年-月-日", std::nullopt};
  CompleteDecision(*type, er.payload);
  // A fee notice states the amount the law gives for the quantity (109号);
  // the form leaves it to the server.
  if (*type == cases::EventType::kFeeNotified && !er.payload.contains("amount_yuan") &&
      er.payload.contains("method") && er.payload["method"].is_string() &&
      er.payload.contains("quantity") && er.payload["quantity"].is_number_integer()) {
    const int qty = er.payload["quantity"].get<int>();
    const int prior = er.payload.value("prior_pieces", json(0)).is_number_integer()
                          ? er.payload.value("prior_pieces", 0)
                          : 0;
    auto method = cases::FromKey<law::FeeMethod>(er.payload["method"].get<std::string>());
    if (method) {
      auto quote =
          *method == law::FeeMethod::kByPiece ? law::FeeByPiece(prior, qty) : law::FeeByPage(qty);
      if (quote.ok()) er.payload["amount_yuan"] = quote->total_yuan;
      if (*method == law::FeeMethod::kByPage)
        er.payload["prior_pieces"] = 0;
      else if (!er.payload.contains("prior_pieces"))
        er.payload["prior_pieces"] = 0;
    }
  }
  // The signed-in user is the approver of an extension and the reviewer of a
  // review unless the request names someone (the domain checks the role).
  if (*type == cases::EventType::kExtended && !er.payload.contains("approver")) {
    er.payload["approver"] = s.user.username;
  }
  if ((*type == cases::EventType::kLegalReview ||
       *type == cases::EventType::kConfidentialityReview) &&
      !er.payload.contains("reviewer")) {
    er.payload["reviewer"] = s.user.username;
  }
  auto payload = cases::PayloadFromJson(*type, er.payload.dump());
  if (!payload.ok()) return {400, "invalid_field", payload.status().message(), std::nullopt};
  app::AppendRequest req;
  req.case_id = tn;
  req.expected_version = er.version;
  req.role = ActorRoleOf(s.user.role);
  req.now_iso = app::NowUtcIso();
  req.notify = st.mail_enabled;
  req.events.push_back(cases::Event{tn, er.version + 1, *date, req.now_iso, s.user.username,
                                    cases::Entry::kLive, std::move(payload).value()});
  auto st2 = app::AppendCaseEvents(*db, st.calendar, req);
  if (!st2.ok()) {
    switch (st2.status().code()) {
      case StatusCode::kConflict:
        return {409, "conflict", st2.status().message(), std::nullopt};
      case StatusCode::kInvalidArgument:
      case StatusCode::kOutOfRange:
        return {400, "refused", st2.status().message(), std::nullopt};
      default:
        return {500, "internal", "服务器暂时无法处理", std::nullopt};
    }
  }
  return {201, "", "", std::move(st2).value()};
}

void PostCaseEventForm(ServerState& st, const app::Session& s, const httplib::Request& req,
                       httplib::Response& res) {
  const std::string tn = req.matches[1];
  EventRequest er;
  er.type = req.get_param_value("type");
  try {
    er.version = std::stoll(req.get_param_value("version"));
  } catch (...) {
    er.version = -1;
  }
  er.occurred_on = req.get_param_value("occurred_on");
  er.payload = PayloadFromForm(req);
  AppendOutcome o = AppendFromRequest(st, s, tn, std::move(er));
  if (o.status == 201) {
    res.set_redirect("/admin/applications/" + tn, 303);
    return;
  }
  if (o.status == 403 || o.status == 404) return Forbidden(req, res, o.message);
  CasePage(st, s, tn, res, "未记录：" + o.message);
  res.status = o.status;
}

void PostCaseEventJson(ServerState& st, const app::Session& s, const httplib::Request& req,
                       httplib::Response& res) {
  const std::string tn = req.matches[1];
  json j = json::parse(req.body, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return JsonError(res, 400, "invalid_json", "请求体不是有效的 JSON 对象");
  EventRequest er;
  if (j.contains("type") && j["type"].is_string()) er.type = j["type"];
  if (j.contains("version") && j["version"].is_number_integer()) er.version = j["version"];
  if (j.contains("occurred_on") && j["occurred_on"].is_string()) er.occurred_on = j["occurred_on"];
  er.payload = j.contains("payload") ? j["payload"] : json::object();
  AppendOutcome o = AppendFromRequest(st, s, tn, std::move(er));
  if (o.status != 201) return JsonError(res, o.status, o.code, o.message);
  json body = {{"tracking_no", tn},
               {"version", o.state->version},
               {"status", std::string(cases::Key(o.state->status))}};
  JsonBody(res, 201, body.dump());
}

void Supervision(ServerState& st, const app::Session& s, httplib::Response& res) {
  const Date today = app::TodayInShanghai();
  const std::string year = std::to_string(today.year());
  std::string b = "<h1>各机关依申请公开办理情况</h1><table><caption>" + year +
                  "年（收到、办结按本年计；办理中、超期为当前）</caption><thead><tr><th "
                  "scope=\"col\">机关</th><th scope=\"col\">收到申请</th><th "
                  "scope=\"col\">办理中</th><th scope=\"col\">已超期</th><th "
                  "scope=\"col\">已办结</th><th scope=\"col\">平均办理工作日</th><th "
                  "scope=\"col\">办理结果</th></tr></thead><tbody>";
  {
    auto db = st.Db();
    auto agencies = db->ListAgencies();
    if (!agencies.ok()) {
      res.status = 500;
      return;
    }
    for (const auto& a : *agencies) {
      if (!app::CanSeeAgency(*agencies, s.user, a.id)) continue;
      auto rows = db->AgencyCaseFacts(a.id);
      if (!rows.ok()) continue;
      int received = 0, open = 0, overdue = 0, done = 0;
      int64_t days = 0;
      std::map<std::string, int> outcomes;
      for (const store::CaseRow& c : *rows) {
        if (c.kind != "application" || !c.received_on) continue;
        if (c.received_on->substr(0, 4) == year) ++received;
        if (!c.concluded_on) {
          ++open;
          if (DueLabel(c, today, st.calendar) == "已超期") ++overdue;
        } else if (c.concluded_on->substr(0, 4) == year) {
          ++done;
          days += c.days_taken.value_or(0);
          if (auto o = law::OutcomeFromKey(c.outcome)) ++outcomes[std::string(law::Label(*o))];
        }
      }
      std::string mix;
      for (const auto& [label, n] : outcomes) {
        mix += (mix.empty() ? "" : "、") + label + std::to_string(n) + "件";
      }
      char avg[32] = "";
      if (done > 0) std::snprintf(avg, sizeof avg, "%.1f", static_cast<double>(days) / done);
      b += "<tr><td>" + EscapeHtml(a.name) + "</td><td>" + std::to_string(received) +
           "</td><td>" + std::to_string(open) + "</td><td>" + std::to_string(overdue) +
           "</td><td>" + std::to_string(done) + "</td><td>" + avg + "</td><td>" +
           EscapeHtml(mix) + "</td></tr>";
    }
  }
  b += "</tbody></table>";
  b += SupervisedReportsSection(st, s);
  res.set_content(AdminPage(s, "监督", b), "text/html; charset=utf-8");
}

// ---- registering letters, faxes, e-mails, oral and in-person applications ----------

std::string NewApplicationForm(const app::Session& s, const std::vector<store::AgencyRow>& agencies,
                               const app::ApplicationFields& f, const std::string& error) {
  auto val = [&](const std::string& k) {
    auto it = f.find(k);
    return it == f.end() ? std::string() : it->second;
  };
  auto input = [&](const std::string& k, const std::string& label, const std::string& type) {
    return "<label for=\"" + k + "\">" + EscapeHtml(label) + "</label><input id=\"" + k +
           "\" name=\"" + k + "\" type=\"" + type + "\" value=\"" + EscapeHtml(val(k)) + "\">";
  };
  auto select = [&](const std::string& k, const std::string& label, const std::string& options) {
    return "<label for=\"" + k + "\">" + EscapeHtml(label) + "</label><select id=\"" + k +
           "\" name=\"" + k + "\">" + options + "</select>";
  };
  std::string b = "<h1>登记申请（信函、当面、传真、电子邮件、口头）</h1>";
  if (!error.empty()) b += "<p class=\"err\" role=\"alert\">未登记：" + EscapeHtml(error) + "</p>";
  b += "<form method=\"post\" action=\"/admin/applications\"><input type=\"hidden\" name=\"csrf\" "
       "value=\"" +
       EscapeHtml(s.csrf) + "\">";
  std::string agency_opts;
  for (const auto& a : agencies) {
    if (!app::CanSeeAgency(agencies, s.user, a.id)) continue;
    agency_opts += "<option value=\"" + EscapeHtml(a.id) + "\"" +
                   (val("agency_id") == a.id ? " selected" : "") + ">" + EscapeHtml(a.name) +
                   "</option>";
  }
  b += "<fieldset><legend>收到申请（条例第三十一条）</legend>" +
       select("agency_id", "受理机关", agency_opts);
  std::string channels;
  for (const auto& n : cases::Names<cases::Channel>()) {
    if (n.value == cases::Channel::kOnline) continue;
    channels += "<option value=\"" + std::string(n.key) + "\"" +
                (val("channel") == n.key ? " selected" : "") + ">" + EscapeHtml(n.label) +
                "</option>";
  }
  b += select("channel", "渠道", channels);
  b += "<p "
       "class=\"hint\">"
       "需签收的邮件填签收日期；平常信函、传真、电子邮件填与申请人确认的日期和方式；当面和口头申请"
       "以今天为收到日期。</p>";
  b += input("evidence.postmark_on", "邮戳日期", "date") +
       input("evidence.signed_on", "签收日期", "date") +
       input("evidence.confirmed_on", "确认日期", "date");
  std::string confirm;
  for (const auto& n : cases::Names<cases::ConfirmMethod>()) {
    confirm += "<option value=\"" + std::string(n.key) + "\">" + EscapeHtml(n.label) + "</option>";
  }
  b += select("evidence.confirmed_by", "确认方式", "<option value=\"\">（无）</option>" + confirm) +
       "</fieldset>";
  std::string types, ids;
  for (const auto& n : cases::Names<cases::ApplicantType>()) {
    types += "<option value=\"" + std::string(n.key) + "\">" + EscapeHtml(n.label) + "</option>";
  }
  for (const auto& n : cases::Names<cases::IdType>()) {
    ids += "<option value=\"" + std::string(n.key) + "\">" + EscapeHtml(n.label) + "</option>";
  }
  b += "<fieldset><legend>申请人（条例第二十九条）</legend>" +
       select("applicant_type", "申请人类型", types) + input("name", "姓名或名称", "text") +
       select("id_type", "证件类型", "<option value=\"\">按申请人类型默认</option>" + ids) +
       input("id_number", "证件号码", "text") + input("contact_person", "联系人", "text") +
       input("phone", "联系电话", "tel") + input("address", "通信地址", "text") +
       input("email", "电子邮箱", "email") +
       "</fieldset><fieldset><legend>所需信息</legend><label "
       "for=\"description\">所需信息的描述</label>"
       "<textarea id=\"description\" name=\"description\" rows=\"4\">" +
       EscapeHtml(val("description")) + "</textarea>";
  std::string media, deliveries;
  for (const auto& n : cases::Names<cases::Medium>()) {
    media += "<option value=\"" + std::string(n.key) + "\">" + EscapeHtml(n.label) + "</option>";
  }
  for (const auto& n : cases::Names<cases::Delivery>()) {
    deliveries += "<option value=\"" + std::string(n.key) + "\"" +
                  (n.key == "post" ? " selected" : "") + ">" + EscapeHtml(n.label) + "</option>";
  }
  b += select("form", "载体", media) + select("delivery", "获取方式", deliveries) +
       "</fieldset><button type=\"submit\">登记</button></form>";
  return AdminPage(s, "登记申请", b);
}

app::SubmitContext StaffSubmitContext(const ServerState& st, const app::Session& s) {
  app::SubmitContext c{app::TodayInShanghai(), app::NowUtcIso(), s.user.username,
                       ActorRoleOf(s.user.role), st.mail_enabled};
  return c;
}

std::vector<store::AgencyRow> Agencies(ServerState& st) {
  auto db = st.Db();
  auto a = db->ListAgencies();
  return a.ok() ? std::move(a).value() : std::vector<store::AgencyRow>{};
}

void PostNewApplication(ServerState& st, const app::Session& s, const httplib::Request& req,
                        httplib::Response& res, bool json_body) {
  if (s.user.role == auth::Role::kSupervisor)
    return Forbidden(req, res, "主管部门只能查看，不能登记申请");
  app::ApplicationFields fields;
  if (json_body) {
    json j = json::parse(req.body, nullptr, false);
    if (j.is_discarded() || !j.is_object())
      return JsonError(res, 400, "invalid_json", "请求体不是有效的 JSON 对象");
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (it.value().is_string())
        fields[it.key()] = it.value().get<std::string>();
      else if (it.value().is_object()) {
        for (auto in = it.value().begin(); in != it.value().end(); ++in) {
          if (in.value().is_string())
            fields[it.key() + "." + in.key()] = in.value().get<std::string>();
        }
      }
    }
  } else {
    for (const auto& [k, v] : req.params) {
      if (k != "csrf") fields[k] = v;
    }
  }
  if (s.user.agency_id) {
    if (fields.count("agency_id") && fields["agency_id"] != *s.user.agency_id) {
      return Forbidden(req, res, "只能登记本机关收到的申请");
    }
    fields["agency_id"] = *s.user.agency_id;
  }
  Result<app::SubmitOutcome> r = [&] {
    auto db = st.Db();
    return app::SubmitApplication(*db, st.calendar, fields, StaffSubmitContext(st, s));
  }();
  if (!r.ok()) {
    if (json_body) return JsonError(res, 500, "internal", "服务器暂时无法登记");
    res.status = 500;
    res.set_content(AdminPage(s, "登记申请", "<h1>暂时无法登记</h1>"), "text/html; charset=utf-8");
    return;
  }
  if (r->error) {
    if (json_body) {
      json body = {{"error",
                    {{"code", "invalid_field"},
                     {"field", r->error->field},
                     {"message", r->error->message}}}};
      return JsonBody(res, 400, body.dump(-1, ' ', false, json::error_handler_t::replace));
    }
    res.status = 400;
    res.set_content(NewApplicationForm(s, Agencies(st), fields, r->error->message),
                    "text/html; charset=utf-8");
    return;
  }
  const app::Acknowledgement& a = *r->ack;
  if (json_body) {
    json body = {{"tracking_no", a.tracking_no},
                 {"query_code", a.query_code},
                 {"received_on", a.received_on.ToString()},
                 {"due_on", a.due_on.ToString()}};
    return JsonBody(res, 201, body.dump());
  }
  std::string b =
      "<h1>已登记</h1><div class=\"ack\" "
      "role=\"status\"><p>请将申请编号和查询码告知申请人（回执）。</p><dl>"
      "<dt>申请编号</dt><dd class=\"code\"><a href=\"/admin/applications/" +
      EscapeHtml(a.tracking_no) + "\">" + EscapeHtml(a.tracking_no) +
      "</a></dd><dt>查询码</dt><dd class=\"code\">" + EscapeHtml(a.query_code) +
      "</dd><dt>收到日期</dt><dd>" + a.received_on.ToString() + "</dd><dt>答复期限</dt><dd>" +
      a.due_on.ToString() + "</dd></dl></div><pre>" + EscapeHtml(a.due_working) + "</pre>";
  res.status = 201;
  res.set_content(AdminPage(s, "已登记", b), "text/html; charset=utf-8");
}

}  // namespace

void RegisterStaffRoutes(httplib::Server& svr, ServerState& st) {
  // The guard runs before routing: no session → sign in; a state-changing
  // request whose X-CSRF-Token header is wrong → 403. (A form's `csrf` field
  // is checked by WithSession once the body has been read.)
  svr.set_pre_routing_handler([&st](const httplib::Request& req, httplib::Response& res) {
    if (req.path != "/admin" && req.path.rfind("/admin/", 0) != 0)
      return httplib::Server::HandlerResponse::Unhandled;
    auto s = CurrentSession(st, req);
    if (!s) {
      if (WantsJson(req))
        JsonError(res, 401, "unauthorized", "请先登录");
      else
        res.set_redirect("/login", 303);
      return httplib::Server::HandlerResponse::Handled;
    }
    if (IsWrite(req) && req.has_header("X-CSRF-Token") && !CsrfOk(*s, req)) {
      Forbidden(req, res, "安全令牌（CSRF）错误");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  svr.Get("/login", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(LoginForm("", ""), "text/html; charset=utf-8");
  });
  svr.Post("/login",
           [&st](const httplib::Request& req, httplib::Response& res) { PostLogin(st, req, res); });
  svr.Post("/logout", [&st](const httplib::Request& req, httplib::Response& res) {
    PostLogout(st, req, res);
  });

  svr.Get("/admin", WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                          httplib::Response& res) { Dashboard(st, s, req, res); }));
  svr.Get("/admin/applications/new",
          WithSession(
              st, [&st](const app::Session& s, const httplib::Request& req,
                        httplib::Response& res) {
                if (s.user.role == auth::Role::kSupervisor)
                  return Forbidden(req, res, "主管部门只能查看，不能登记申请");
                res.set_content(NewApplicationForm(s, Agencies(st), {}, ""),
                                "text/html; charset=utf-8");
              }));
  svr.Post("/admin/applications",
           WithSession(
               st, [&st](const app::Session& s, const httplib::Request& req,
                         httplib::Response& res) { PostNewApplication(st, s, req, res, false); }));
  svr.Post("/admin/api/applications",
           WithSession(
               st, [&st](const app::Session& s, const httplib::Request& req,
                         httplib::Response& res) { PostNewApplication(st, s, req, res, true); }));
  svr.Get(R"(/admin/applications/([A-Za-z0-9-]{1,64}))",
          WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                httplib::Response& res) { CasePage(st, s, req.matches[1], res); }));
  svr.Get(R"(/admin/applications/([A-Za-z0-9-]{1,64})/letters/([0-9]{1,6})\.(pdf|docx))",
          WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                httplib::Response& res) {
            const std::string tn = req.matches[1];
            const int64_t seq = std::stoll(req.matches[2]);
            const bool pdf = req.matches[3] == "pdf";
            Result<app::RenderedLetter> r = [&]() -> Result<app::RenderedLetter> {
              auto db = st.Db();
              auto row = db->GetCase(tn);
              if (!row.ok()) return row.status();
              if (!row->has_value()) return Status::NotFound("no case");
              if (!InScope(*db, s, (*row)->agency_id)) return Status::Conflict("forbidden");
              return app::RenderCaseLetter(*db, st.calendar, tn, seq,
                                           pdf ? app::LetterFormat::kPdf : app::LetterFormat::kDocx,
                                           false);
            }();
            if (!r.ok()) {
              if (r.status().code() == StatusCode::kConflict)
                return Forbidden(req, res, "该案件不属于您所在的机关");
              res.status = r.status().code() == StatusCode::kNotFound          ? 404
                           : r.status().code() == StatusCode::kInvalidArgument ? 400
                                                                               : 500;
              res.set_content(AdminPage(s, "文书",
                                        "<h1>无法生成文书</h1><p>" +
                                            EscapeHtml(res.status == 404 ? "没有这份文书"
                                                                         : r.status().message()) +
                                            "</p>"),
                              "text/html; charset=utf-8");
              return;
            }
            res.set_header("Content-Disposition", "attachment; filename=\"" + r->filename + "\"");
            res.set_content(r->bytes, r->mime);
          }));
  svr.Get(R"(/admin/applications/([A-Za-z0-9-]{1,64})/documents/([0-9a-f]{64}))",
          WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                httplib::Response& res) {
            // Applicants' documents carry personal data: never for supervisors.
            if (!auth::SeesPersonalData(s.user.role))
              return Forbidden(req, res, "申请材料含个人信息，主管部门不可查看");
            const std::string tn = req.matches[1], sha = req.matches[2];
            auto db = st.Db();
            auto loaded = app::LoadCase(*db, st.calendar, tn);
            if (!loaded.ok()) {
              res.status = 404;
              return;
            }
            if (!InScope(*db, s, loaded->state.agency_id))
              return Forbidden(req, res, "该案件不属于您所在的机关");
            const cases::AttachmentRef* ref = nullptr;
            for (const cases::Event& e : loaded->events) {
              const auto* r = std::get_if<cases::ReceivedPayload>(&e.payload);
              if (!r || !r->application) continue;
              for (const auto& f : r->application->attachments) {
                if (f.sha256 == sha) ref = &f;
              }
            }
            auto doc = ref ? db->GetDocument(sha)
                           : Result<std::optional<store::Store::Document>>(std::nullopt);
            if (!ref || !doc.ok() || !doc->has_value()) {
              res.status = 404;
              return;
            }
            const std::string ext = ref->mime == "application/pdf" ? ".pdf"
                                    : ref->mime == "image/png"     ? ".png"
                                                                   : ".jpg";
            res.set_header("Content-Disposition",
                           "attachment; filename=\"" + tn + "-" + sha.substr(0, 8) + ext + "\"");
            res.set_content((*doc)->content, ref->mime);
          }));
  svr.Post(R"(/admin/applications/([A-Za-z0-9-]{1,64})/events)",
           WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                 httplib::Response& res) { PostCaseEventForm(st, s, req, res); }));
  svr.Post(R"(/admin/api/applications/([A-Za-z0-9-]{1,64})/events)",
           WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                 httplib::Response& res) { PostCaseEventJson(st, s, req, res); }));
  svr.Get("/admin/ledger.xlsx",
          WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                httplib::Response& res) { LedgerDownload(st, s, req, res); }));
  svr.Get("/admin/supervision",
          WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                httplib::Response& res) {
            // interface.md: role supervisor; 403 for every other role.
            if (s.user.role != auth::Role::kSupervisor) {
              return Forbidden(req, res, "监督页面仅供主管部门使用");
            }
            Supervision(st, s, res);
          }));
  // Any other write under /admin: the CSRF check still comes first (403), then 404.
  svr.Post(R"(/admin/.*)", WithSession(st, [](const app::Session&, const httplib::Request& req,
                                              httplib::Response& res) {
             if (WantsJson(req)) return JsonError(res, 404, "not_found", "没有这个接口");
             res.status = 404;
           }));
}

}  // namespace gk::web
