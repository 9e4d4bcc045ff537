#include "web/interaction_admin.h"

#include <map>

#include "app/clock.h"
#include "app/interaction.h"
#include "web/html.h"
#include "web/page.h"
#include "web/staff_session.h"

namespace gk::web {
namespace {

using interaction::FieldError;
using E = std::string;

std::string H(std::string_view s) { return EscapeHtml(s); }

void Html(httplib::Response& res, const std::string& page) {
  res.set_content(page, "text/html; charset=utf-8");
}

std::optional<int64_t> Id(const std::string& s) {
  if (s.empty() || s.size() > 12 || s.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(s);
}

app::InteractionActor ActorOf(const app::Session& s) {
  return {s.user.username, s.user.role, s.user.agency_id, app::TodayInShanghai(),
          app::NowUtcIso()};
}

// Whose work the page shows: the user's agency; a supervisor picks one in its
// scope (?agency=). nullopt: the user may not see this page (403 sent).
struct View {
  std::string agency_id;
  std::string agency_name;
  bool read_only = false;  // supervisor
  bool masked = false;     // names and phones masked
};

std::optional<View> ViewOf(ServerState& st, const app::Session& s, const httplib::Request& req,
                           httplib::Response& res) {
  const auto role = s.user.role;
  auto db = st.Db();
  auto all = db->ListAgencies();
  if (!all.ok()) {
    res.status = 500;
    Html(res, AdminPage(s, "政民互动", "<h1>暂时无法显示</h1>"));
    return std::nullopt;
  }
  View v;
  if (role == auth::Role::kSupervisor) {
    const auto scope = app::AgenciesInScope(*all, s.user);
    std::string want = req.get_param_value("agency");
    if (want.empty() && !scope.empty()) want = scope.front();
    if (std::find(scope.begin(), scope.end(), want) == scope.end()) {
      Forbidden(req, res, "只能查看监督范围内机关的政民互动");
      return std::nullopt;
    }
    v.agency_id = want;
    v.read_only = true;
    v.masked = true;
  } else if (s.user.agency_id && app::MayHandleMessages(role)) {
    v.agency_id = *s.user.agency_id;
  } else {
    Forbidden(req, res, "政民互动由本机关的工作人员办理");
    return std::nullopt;
  }
  for (const auto& a : *all) {
    if (a.id == v.agency_id) v.agency_name = a.name;
  }
  return v;
}

std::string Menu(const View& v) {
  const std::string q = v.read_only ? "?agency=" + H(v.agency_id) : "";
  return "<nav aria-label=\"政民互动管理\"><p><a href=\"/admin/interaction" + q +
         "\">留言办理</a> · <a href=\"/admin/interaction/consultations" + q +
         "\">意见征集</a> · <a href=\"/admin/interaction/events" + q +
         "\">访谈与发布会</a> · <a href=\"/admin/interaction/media" + q +
         "\">政务新媒体</a> · <a href=\"/admin/interaction/trainings" + q +
         "\">培训</a> · <a href=\"/admin/statistics/" + H(v.agency_id) + "/" +
         std::to_string(app::TodayInShanghai().year()) + "\">年度工作统计</a></p></nav>";
}

std::string Paras(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) out += "<p>" + H(line) + "</p>";
    pos = end + 1;
  }
  return out;
}

std::string ErrorBox(const std::string& message) {
  return message.empty() ? ""
                         : "<div role=\"alert\"><p class=\"err\">未保存：" + H(message) +
                               "</p></div>";
}

// The page of a refused or failed action: status from the use case.
void Refused(const app::Session& s, httplib::Response& res, const Status& st,
             const std::string& back) {
  res.status = HttpStatusOf(st);
  Html(res, AdminPage(s, "未完成", "<h1>未完成</h1>" + ErrorBox(st.message()) + "<p><a href=\"" +
                                       H(back) + "\">返回</a></p>"));
}

// ---- messages ---------------------------------------------------------------------

void MessagesPage(ServerState& st, const app::Session& s, const httplib::Request& req,
                  httplib::Response& res, const std::string& error = "") {
  auto v = ViewOf(st, s, req, res);
  if (!v) return;
  store::MessageFilter f;
  f.agency_id = v->agency_id;
  const std::string status = req.get_param_value("status");
  if (!interaction::MessageStatusLabel(status).empty()) f.status = status;
  f.limit = 200;
  std::vector<interaction::Message> list;
  int days = interaction::kDefaultAnswerDays;
  {
    auto db = st.Db();
    auto l = db->interaction().ListMessages(f);
    if (l.ok()) list = std::move(*l);
    if (auto d = app::AnswerDays(*db, v->agency_id); d.ok()) days = *d;
  }
  const Date today = app::TodayInShanghai();
  std::string b = "<h1>政民互动 · " + H(v->agency_name) + "</h1>" + Menu(*v) + ErrorBox(error);
  b += "<h2>网民留言</h2><p>筛选：<a href=\"/admin/interaction\">全部</a>";
  for (auto k : {interaction::kHeld, interaction::kOpen, interaction::kAnswered,
                 interaction::kDismissed}) {
    b += " · <a href=\"/admin/interaction?status=" + std::string(k) +
         (v->read_only ? "&amp;agency=" + H(v->agency_id) : "") + "\">" +
         std::string(interaction::MessageStatusLabel(k)) + "</a>";
  }
  b += "</p><table><thead><tr><th scope=\"col\">编号</th><th scope=\"col\">标题</th><th "
       "scope=\"col\">留言人</th><th scope=\"col\">收到</th><th scope=\"col\">答复期限</th><th "
       "scope=\"col\">状态</th><th scope=\"col\">承办人</th></tr></thead><tbody>";
  for (const auto& m : list) {
    const bool overdue = (m.status == interaction::kOpen || m.status == interaction::kHeld) &&
                         m.due_on < today;
    b += "<tr><td><a href=\"/admin/interaction/messages/" + H(m.message_no) +
         (v->read_only ? "?agency=" + H(v->agency_id) : "") + "\">" + H(m.message_no) +
         "</a></td><td>" + H(m.title) + "</td><td>" +
         H(v->masked ? interaction::MaskName(m.name) : m.name) + "</td><td>" +
         m.received_on.ToString() + "</td><td>" + m.due_on.ToString() +
         (overdue ? "（已逾期）" : "") + "</td><td>" +
         std::string(interaction::MessageStatusLabel(m.status)) +
         (interaction::IsPublished(m) ? "，已公开" : "") + "</td><td>" + H(m.assignee) +
         "</td></tr>";
  }
  b += "</tbody></table>";
  b += "<h2>答复期限</h2><p>本机关留言答复期限：" + std::to_string(days) + " 个工作日。</p>";
  if (s.user.role == auth::Role::kAgencyAdmin) {
    b += "<form method=\"post\" action=\"/admin/interaction/settings\">" + CsrfField(s) +
         "<label for=\"answer_days\">答复期限（工作日，1–60）</label><input id=\"answer_days\" "
         "name=\"answer_days\" type=\"number\" min=\"1\" max=\"60\" value=\"" +
         std::to_string(days) + "\"><button type=\"submit\">保存</button></form>";
  }
  Html(res, AdminPage(s, "政民互动", b));
}

void MessagePage(ServerState& st, const app::Session& s, const httplib::Request& req,
                 httplib::Response& res, const std::string& error = "") {
  auto v = ViewOf(st, s, req, res);
  if (!v) return;
  const std::string no = req.matches[1];
  std::optional<interaction::Message> m;
  std::vector<store::UserRow> users;
  {
    auto db = st.Db();
    auto got = db->interaction().GetMessage(no);
    if (got.ok() && got->has_value() && (*got)->agency_id == v->agency_id) m = **got;
    if (auto u = db->ListUsers(v->agency_id); u.ok()) users = std::move(*u);
  }
  if (!m) {
    res.status = 404;
    return Html(res, AdminPage(s, "留言", "<h1>没有这条留言</h1><p><a href=\"/admin/interaction\">返回</a></p>"));
  }
  const std::string base = "/admin/interaction/messages/" + H(m->message_no);
  std::string b = "<h1>留言 " + H(m->message_no) + "</h1>" + Menu(*v) + ErrorBox(error);
  b += "<dl><dt>标题</dt><dd>" + H(m->title) + "</dd><dt>留言人</dt><dd>" +
       H(v->masked ? interaction::MaskName(m->name) : m->name) + "</dd><dt>联系电话</dt><dd>" +
       H(v->masked ? interaction::MaskPhone(m->phone) : m->phone) + "</dd><dt>收到</dt><dd>" +
       m->received_on.ToString() + "</dd><dt>答复期限</dt><dd>" + m->due_on.ToString() +
       "</dd><dt>状态</dt><dd>" + std::string(interaction::MessageStatusLabel(m->status)) +
       "</dd><dt>同意公开</dt><dd>" + (m->public_ok ? "是" : "否") + "</dd>";
  if (!m->hold_reason.empty()) b += "<dt>待审核原因</dt><dd>含敏感词：" + H(m->hold_reason) + "</dd>";
  b += "<dt>承办人</dt><dd>" + H(m->assignee.empty() ? "未分办" : m->assignee) + "</dd></dl>";
  b += "<h2>留言内容</h2>" + Paras(v->masked ? interaction::MaskNumbersInText(m->body) : m->body);
  if (m->status == interaction::kAnswered) {
    b += "<h2>答复（" + (m->answered_on ? m->answered_on->ToString() : E()) + "，" +
         H(m->answered_by) + "）</h2>" + Paras(m->answer);
    b += std::string("<p>") + (interaction::IsPublished(*m) ? "已在政民互动页面公开。" : "未公开。") + "</p>";
  }
  if (!v->read_only) {
    auto form = [&](const std::string& action, const std::string& inner, const std::string& label) {
      return "<form method=\"post\" action=\"" + base + "\">" + CsrfField(s) +
             "<input type=\"hidden\" name=\"action\" value=\"" + action + "\">" + inner +
             "<button type=\"submit\">" + label + "</button></form>";
    };
    if (m->status == interaction::kHeld) {
      b += "<h2>审核</h2>" + form("release", "", "审核通过，转入办理") +
           form("dismiss", "", "不予处理");
    }
    if (m->status == interaction::kOpen || m->status == interaction::kHeld) {
      std::string opts;
      for (const auto& u : users) {
        auto r = auth::RoleFromKey(u.role);
        if (u.disabled || !r || !app::MayHandleMessages(*r)) continue;
        opts += "<option value=\"" + H(u.username) + "\"" +
                (u.username == m->assignee ? " selected" : "") + ">" + H(u.username) + "（" +
                std::string(auth::Label(*r)) + "）</option>";
      }
      b += "<h2>分办</h2>" + form("assign",
                                  "<label for=\"assignee\">承办人</label><select id=\"assignee\" "
                                  "name=\"assignee\">" + opts + "</select>",
                                  "分办");
    }
    if (m->status == interaction::kOpen || m->status == interaction::kAnswered) {
      b += "<h2>答复</h2>" +
           form("answer",
                "<label for=\"answer\">答复内容</label><textarea id=\"answer\" name=\"answer\" "
                "rows=\"6\" maxlength=\"5000\" required>" + H(m->answer) + "</textarea>" +
                    (m->public_ok
                         ? "<p><input type=\"checkbox\" id=\"publish\" name=\"publish\" value=\"1\"" +
                               E(m->answer_public ? " checked" : "") +
                               "><label for=\"publish\" class=\"inline\">在政民互动页面公开（姓名、电话不公开）</label></p>"
                         : "<p>留言人不同意公开，答复仅留言人可查询。</p>"),
                "保存答复");
    }
    if (interaction::IsPublished(*m)) b += form("unpublish", "", "取消公开");
  }
  Html(res, AdminPage(s, "留言 " + m->message_no, b));
}

void MessageAction(ServerState& st, const app::Session& s, const httplib::Request& req,
                   httplib::Response& res) {
  const std::string no = req.matches[1];
  const std::string a = req.get_param_value("action");
  app::MessageChange c;
  if (a == "assign") c.action = app::MessageAction::kAssign;
  else if (a == "release") c.action = app::MessageAction::kRelease;
  else if (a == "dismiss") c.action = app::MessageAction::kDismiss;
  else if (a == "answer") c.action = app::MessageAction::kAnswer;
  else if (a == "unpublish") c.action = app::MessageAction::kUnpublish;
  else return Refused(s, res, Status::Invalid("action（操作）：不支持的操作"), "/admin/interaction");
  c.assignee = req.get_param_value("assignee");
  c.answer = req.get_param_value("answer");
  c.publish = req.get_param_value("publish") == "1";
  const Status r = [&] {
    auto db = st.Db();
    return app::ChangeMessage(*db, ActorOf(s), no, c);
  }();
  if (!r.ok()) {
    if (r.code() == StatusCode::kInvalidArgument || r.code() == StatusCode::kFailedPrecondition) {
      MessagePage(st, s, req, res, r.message());
      if (res.status != 403 && res.status != 404) res.status = HttpStatusOf(r);
      return;
    }
    return Refused(s, res, r, "/admin/interaction");
  }
  res.set_redirect("/admin/interaction/messages/" + no, 303);
}

void SettingsAction(ServerState& st, const app::Session& s, const httplib::Request& req,
                    httplib::Response& res) {
  const auto days = Id(req.get_param_value("answer_days"));
  const Status r = [&] {
    if (!days || *days > 60) return Status::Invalid("answer_days（答复期限）：应为 1 至 60 个工作日");
    auto db = st.Db();
    return app::SetAnswerDays(*db, ActorOf(s), static_cast<int>(*days));
  }();
  if (!r.ok()) return Refused(s, res, r, "/admin/interaction");
  res.set_redirect("/admin/interaction", 303);
}

// ---- consultations -------------------------------------------------------------

std::string Input(const std::string& key, const std::string& label, const std::string& value,
                  const std::string& extra = "") {
  return "<label for=\"" + key + "\">" + label + "</label><input id=\"" + key + "\" name=\"" +
         key + "\" value=\"" + H(value) + "\"" + extra + ">";
}

void ConsultationsPage(ServerState& st, const app::Session& s, const httplib::Request& req,
                       httplib::Response& res, const std::string& error = "") {
  auto v = ViewOf(st, s, req, res);
  if (!v) return;
  std::vector<interaction::Consultation> list;
  {
    auto db = st.Db();
    if (auto l = db->interaction().ListConsultations(v->agency_id); l.ok()) list = std::move(*l);
  }
  const Date today = app::TodayInShanghai();
  std::string b = "<h1>意见征集 · " + H(v->agency_name) + "</h1>" + Menu(*v) + ErrorBox(error);
  b += "<table><thead><tr><th scope=\"col\">标题</th><th scope=\"col\">征集时间</th><th "
       "scope=\"col\">状态</th></tr></thead><tbody>";
  for (const auto& c : list) {
    b += "<tr><td><a href=\"/admin/interaction/consultations/" + std::to_string(c.id) +
         (v->read_only ? "?agency=" + H(v->agency_id) : "") + "\">" + H(c.title) + "</a></td><td>" +
         c.opens_on.ToString() + " 至 " + c.closes_on.ToString() + "</td><td>" +
         H(interaction::StateLabel(c, today)) + "</td></tr>";
  }
  b += "</tbody></table>";
  if (!v->read_only && app::MayManageInteraction(s.user.role)) {
    b += "<h2>发起意见征集</h2><form method=\"post\" action=\"/admin/interaction/consultations\">" +
         CsrfField(s) + Input("title", "标题", req.get_param_value("title"), " required maxlength=\"200\"") +
         "<label for=\"body\">征求意见稿</label><textarea id=\"body\" name=\"body\" rows=\"8\" "
         "required>" + H(req.get_param_value("body")) + "</textarea>" +
         Input("opens_on", "开始日期", req.get_param_value("opens_on"), " type=\"date\" required") +
         Input("closes_on", "截止日期", req.get_param_value("closes_on"), " type=\"date\" required") +
         "<button type=\"submit\">发布征集</button></form>";
  }
  Html(res, AdminPage(s, "意见征集", b));
}

void ConsultationCreate(ServerState& st, const app::Session& s, const httplib::Request& req,
                        httplib::Response& res) {
  app::ConsultationInput in{req.get_param_value("title"), req.get_param_value("body"),
                            req.get_param_value("opens_on"), req.get_param_value("closes_on")};
  Result<std::variant<FieldError, int64_t>> r = [&] {
    auto db = st.Db();
    return app::OpenConsultation(*db, ActorOf(s), in);
  }();
  if (!r.ok()) return Refused(s, res, r.status(), "/admin/interaction/consultations");
  if (auto* e = std::get_if<FieldError>(&*r)) {
    ConsultationsPage(st, s, req, res, e->message);
    res.status = 400;
    return;
  }
  res.set_redirect("/admin/interaction/consultations/" + std::to_string(std::get<int64_t>(*r)),
                   303);
}

std::string ModerationList(const app::Session& s, const View& v, std::string_view kind,
                           const std::vector<interaction::Comment>& list) {
  std::string b;
  if (list.empty()) return "<p>暂无。</p>";
  for (const auto& c : list) {
    b += "<article class=\"message\"><p class=\"meta\">" +
         H(v.masked ? interaction::MaskName(c.name) : (c.name.empty() ? "匿名" : c.name)) +
         " · " + c.received_on.ToString() + " · " +
         (c.status == std::string(interaction::kPending)    ? "待审核"
          : c.status == std::string(interaction::kApproved) ? "已公开"
                                                            : "不予公开") +
         "</p>" + Paras(c.body);
    if (!c.answer.empty()) b += "<p><strong>答复：</strong></p>" + Paras(c.answer);
    if (!v.read_only && app::MayManageInteraction(s.user.role)) {
      const std::string id = std::to_string(c.id);
      b += "<form method=\"post\" action=\"/admin/interaction/comments/" + id + "\">" +
           CsrfField(s) + "<input type=\"hidden\" name=\"kind\" value=\"" + E(kind) + "\">";
      if (kind == "event")
        b += "<label for=\"answer-" + id + "\">答复</label><textarea id=\"answer-" + id +
             "\" name=\"answer\" rows=\"3\">" + H(c.answer) + "</textarea>";
      b += "<button type=\"submit\" name=\"decision\" value=\"approve\">公开</button> "
           "<button type=\"submit\" name=\"decision\" value=\"reject\">不予公开</button></form>";
    }
    b += "</article>";
  }
  return b;
}

void ConsultationPage(ServerState& st, const app::Session& s, const httplib::Request& req,
                      httplib::Response& res, const std::string& error = "") {
  auto v = ViewOf(st, s, req, res);
  if (!v) return;
  const int64_t id = *Id(req.matches[1]);
  std::optional<interaction::Consultation> c;
  std::vector<interaction::Comment> comments;
  {
    auto db = st.Db();
    auto got = db->interaction().GetConsultation(id);
    if (got.ok() && got->has_value() && (*got)->agency_id == v->agency_id) {
      c = **got;
      if (auto l = db->interaction().ListComments("consultation", id, std::nullopt); l.ok())
        comments = std::move(*l);
    }
  }
  if (!c) {
    res.status = 404;
    return Html(res, AdminPage(s, "意见征集", "<h1>没有这项意见征集</h1>"));
  }
  const Date today = app::TodayInShanghai();
  const std::string base = "/admin/interaction/consultations/" + std::to_string(id);
  std::string b = "<h1>" + H(c->title) + "</h1>" + Menu(*v) + ErrorBox(error);
  b += "<dl><dt>征集时间</dt><dd>" + c->opens_on.ToString() + " 至 " + c->closes_on.ToString() +
       "</dd><dt>状态</dt><dd>" + H(interaction::StateLabel(*c, today)) +
       "</dd><dt>公开页面</dt><dd><a href=\"/interaction/consultations/" + std::to_string(id) +
       "\">/interaction/consultations/" + std::to_string(id) + "</a></dd></dl>";
  b += "<h2>征求意见稿</h2>" + Paras(c->body);
  b += "<h2>收到的意见（" + std::to_string(comments.size()) + "条）</h2>" +
       ModerationList(s, *v, "consultation", comments);
  if (c->feedback_on) {
    b += "<h2>已公布的采纳情况（" + c->feedback_on->ToString() + "）</h2>" + Paras(c->feedback);
    if (c->record_id) b += "<p>形成的文件：<a href=\"/records/" + std::to_string(*c->record_id) +
                           "\">信息 " + std::to_string(*c->record_id) + "</a></p>";
  }
  if (!v->read_only && app::MayManageInteraction(s.user.role)) {
    if (interaction::IsOpen(*c, today)) {
      b += "<form method=\"post\" action=\"" + base + "\">" + CsrfField(s) +
           "<input type=\"hidden\" name=\"action\" value=\"close\"><button "
           "type=\"submit\">结束征集</button></form>";
    } else if (today >= c->opens_on) {
      b += "<h2>公布意见采纳情况</h2><form method=\"post\" action=\"" + base + "\">" +
           CsrfField(s) +
           "<input type=\"hidden\" name=\"action\" value=\"feedback\"><label "
           "for=\"feedback\">采纳情况</label><textarea id=\"feedback\" name=\"feedback\" "
           "rows=\"6\" required>" + H(req.get_param_value("feedback").empty() ? c->feedback : req.get_param_value("feedback")) +
           "</textarea>" +
           Input("record_id", "形成的文件（已发布信息的编号，可留空）",
                 c->record_id ? std::to_string(*c->record_id) : req.get_param_value("record_id"),
                 " inputmode=\"numeric\"") +
           "<button type=\"submit\">公布</button></form>";
    }
  }
  Html(res, AdminPage(s, c->title, b));
}

void ConsultationAction(ServerState& st, const app::Session& s, const httplib::Request& req,
                        httplib::Response& res) {
  const int64_t id = *Id(req.matches[1]);
  const std::string a = req.get_param_value("action");
  const std::string base = "/admin/interaction/consultations/" + std::to_string(id);
  Status status = Status::Ok();
  std::optional<FieldError> field;
  {
    auto db = st.Db();
    if (a == "close") {
      status = app::CloseConsultation(*db, ActorOf(s), id);
    } else if (a == "feedback") {
      const std::string rid = interaction::Trim(req.get_param_value("record_id"));
      const auto record = rid.empty() ? std::optional<int64_t>(0) : Id(rid);
      if (!record) {
        field = FieldError{"record_id", "record_id（形成的文件）：应为信息编号"};
      } else {
        auto r = app::PublishFeedback(*db, ActorOf(s), id, req.get_param_value("feedback"), *record);
        if (!r.ok()) status = r.status();
        else field = *r;
      }
    } else {
      status = Status::Invalid("action（操作）：不支持的操作");
    }
  }
  if (!status.ok() && status.code() != StatusCode::kFailedPrecondition &&
      status.code() != StatusCode::kInvalidArgument)
    return Refused(s, res, status, base);
  if (!status.ok() || field) {
    ConsultationPage(st, s, req, res, field ? field->message : status.message());
    if (res.status != 403 && res.status != 404) res.status = field ? 400 : HttpStatusOf(status);
    return;
  }
  res.set_redirect(base, 303);
}

void CommentAction(ServerState& st, const app::Session& s, const httplib::Request& req,
                   httplib::Response& res) {
  const int64_t id = *Id(req.matches[1]);
  const std::string kind = req.get_param_value("kind");
  const std::string decision = req.get_param_value("decision");
  if ((kind != "consultation" && kind != "event") ||
      (decision != "approve" && decision != "reject"))
    return Refused(s, res, Status::Invalid("decision（审核结果）：应为公开或不予公开"),
                   "/admin/interaction");
  int64_t parent = 0;
  const Status r = [&] {
    auto db = st.Db();
    auto c = db->interaction().GetComment(kind, id);
    if (c.ok() && c->has_value()) parent = (*c)->parent_id;
    return app::ModerateComment(*db, ActorOf(s), kind, id, decision == "approve",
                                req.get_param_value("answer"));
  }();
  const std::string back = (kind == "event" ? "/admin/interaction/events/"
                                            : "/admin/interaction/consultations/") +
                           std::to_string(parent);
  if (!r.ok()) return Refused(s, res, r, back);
  res.set_redirect(back, 303);
}

// ---- events ----------------------------------------------------------------------

std::string EventForm(const app::Session& s, const std::string& action,
                      const interaction::Event& e) {
  std::string ids;
  for (int64_t r : e.record_ids) {
    if (!ids.empty()) ids += ',';
    ids += std::to_string(r);
  }
  std::string b = "<form method=\"post\" action=\"" + action + "\">" + CsrfField(s);
  b += "<label for=\"kind\">类型</label><select id=\"kind\" name=\"kind\">";
  for (auto k : {interaction::kInterview, interaction::kPress, interaction::kOpenDay})
    b += "<option value=\"" + E(k) + "\"" + (e.kind == k ? " selected" : "") + ">" +
         E(interaction::EventKindLabel(k)) + "</option>";
  b += "</select>";
  b += Input("title", "主题", e.title, " required maxlength=\"200\"");
  b += Input("held_on", "日期", e.id || !e.title.empty() ? e.held_on.ToString() : "", " type=\"date\" required");
  b += Input("guests", "嘉宾", e.guests, " maxlength=\"500\"");
  b += Input("record_ids", "解读的文件（已发布信息的编号，逗号分隔）", ids);
  b += "<label for=\"transcript\">文字实录</label><textarea id=\"transcript\" name=\"transcript\" "
       "rows=\"8\">" + H(e.transcript) + "</textarea>";
  b += "<p><input type=\"checkbox\" id=\"questions_open\" name=\"questions_open\" value=\"1\"" +
       E(e.questions_open ? " checked" : "") +
       "><label for=\"questions_open\" class=\"inline\">征集网民提问</label></p>";
  b += "<button type=\"submit\">保存</button></form>";
  return b;
}

void EventsPage(ServerState& st, const app::Session& s, const httplib::Request& req,
                httplib::Response& res, const std::string& error = "",
                const interaction::Event& draft = {}) {
  auto v = ViewOf(st, s, req, res);
  if (!v) return;
  std::vector<interaction::Event> list;
  {
    auto db = st.Db();
    if (auto l = db->interaction().ListEvents(v->agency_id); l.ok()) list = std::move(*l);
  }
  std::string b = "<h1>在线访谈、新闻发布会和政府开放日 · " + H(v->agency_name) + "</h1>" +
                  Menu(*v) + ErrorBox(error);
  b += "<table><thead><tr><th scope=\"col\">日期</th><th scope=\"col\">类型</th><th "
       "scope=\"col\">主题</th><th scope=\"col\">解读的文件</th></tr></thead><tbody>";
  for (const auto& e : list) {
    b += "<tr><td>" + e.held_on.ToString() + "</td><td>" + E(interaction::EventKindLabel(e.kind)) +
         "</td><td><a href=\"/admin/interaction/events/" + std::to_string(e.id) +
         (v->read_only ? "?agency=" + H(v->agency_id) : "") + "\">" + H(e.title) +
         "</a></td><td>" + std::to_string(e.record_ids.size()) + "</td></tr>";
  }
  b += "</tbody></table>";
  if (!v->read_only && app::MayManageInteraction(s.user.role))
    b += "<h2>登记活动</h2>" + EventForm(s, "/admin/interaction/events", draft);
  Html(res, AdminPage(s, "访谈与发布会", b));
}

void EventPage(ServerState& st, const app::Session& s, const httplib::Request& req,
               httplib::Response& res, const std::string& error = "") {
  auto v = ViewOf(st, s, req, res);
  if (!v) return;
  const int64_t id = *Id(req.matches[1]);
  std::optional<interaction::Event> e;
  std::vector<interaction::Comment> questions;
  {
    auto db = st.Db();
    auto got = db->interaction().GetEvent(id);
    if (got.ok() && got->has_value() && (*got)->agency_id == v->agency_id) {
      e = **got;
      if (auto l = db->interaction().ListComments("event", id, std::nullopt); l.ok())
        questions = std::move(*l);
    }
  }
  if (!e) {
    res.status = 404;
    return Html(res, AdminPage(s, "活动", "<h1>没有这场活动</h1>"));
  }
  std::string b = "<h1>" + H(e->title) + "</h1>" + Menu(*v) + ErrorBox(error);
  b += "<p>公开页面：<a href=\"/interaction/events/" + std::to_string(id) +
       "\">/interaction/events/" + std::to_string(id) + "</a></p>";
  b += "<h2>网民提问（" + std::to_string(questions.size()) + "条）</h2>" +
       ModerationList(s, *v, "event", questions);
  if (!v->read_only && app::MayManageInteraction(s.user.role))
    b += "<h2>修改</h2>" + EventForm(s, "/admin/interaction/events/" + std::to_string(id), *e);
  else
    b += "<p>" + E(interaction::EventKindLabel(e->kind)) + " · " + e->held_on.ToString() + "</p>" +
         Paras(e->transcript);
  Html(res, AdminPage(s, e->title, b));
}

void EventSave(ServerState& st, const app::Session& s, const httplib::Request& req,
               httplib::Response& res) {
  const int64_t id = req.matches.size() > 1 ? *Id(req.matches[1]) : 0;
  app::EventInput in{req.get_param_value("kind"),       req.get_param_value("title"),
                     req.get_param_value("held_on"),    req.get_param_value("guests"),
                     req.get_param_value("transcript"), req.get_param_value("record_ids"),
                     req.get_param_value("questions_open") == "1"};
  Result<std::variant<FieldError, int64_t>> r = [&] {
    auto db = st.Db();
    return app::SaveEvent(*db, ActorOf(s), id, in);
  }();
  const std::string back = id ? "/admin/interaction/events/" + std::to_string(id)
                              : "/admin/interaction/events";
  if (!r.ok()) return Refused(s, res, r.status(), back);
  if (auto* e = std::get_if<FieldError>(&*r)) {
    if (id) {
      EventPage(st, s, req, res, e->message);
    } else {
      interaction::Event draft;
      draft.kind = in.kind;
      draft.title = in.title;
      draft.guests = in.guests;
      draft.transcript = in.transcript;
      draft.questions_open = in.questions_open;
      EventsPage(st, s, req, res, e->message, draft);
    }
    if (res.status != 403 && res.status != 404) res.status = 400;
    return;
  }
  res.set_redirect("/admin/interaction/events/" + std::to_string(std::get<int64_t>(*r)), 303);
}

// ---- new media and trainings ----------------------------------------------------------

void MediaPage(ServerState& st, const app::Session& s, const httplib::Request& req,
               httplib::Response& res, const std::string& error = "") {
  auto v = ViewOf(st, s, req, res);
  if (!v) return;
  std::vector<interaction::MediaAccount> accounts;
  std::vector<store::MediaFigureRow> figures;
  {
    auto db = st.Db();
    if (auto a = db->interaction().ListMediaAccounts(v->agency_id); a.ok()) accounts = std::move(*a);
    if (auto f = db->interaction().MediaFigures(v->agency_id); f.ok()) figures = std::move(*f);
  }
  std::string b = "<h1>政务新媒体 · " + H(v->agency_name) + "</h1>" + Menu(*v) + ErrorBox(error);
  b += "<h2>账号</h2><table><thead><tr><th scope=\"col\">平台</th><th scope=\"col\">名称</th><th "
       "scope=\"col\">主办单位</th></tr></thead><tbody>";
  for (const auto& a : accounts)
    b += "<tr><td>" + H(a.platform) + "</td><td>" + H(a.name) + "</td><td>" + H(a.owner) +
         "</td></tr>";
  b += "</tbody></table>";
  std::map<int64_t, std::string> names;
  for (const auto& a : accounts) names[a.id] = a.name;
  b += "<h2>月度数据</h2><table><thead><tr><th scope=\"col\">账号</th><th scope=\"col\">月份</th><th "
       "scope=\"col\">发布数</th><th scope=\"col\">关注数</th></tr></thead><tbody>";
  for (const auto& f : figures) {
    char month[16];
    std::snprintf(month, sizeof month, "%04d-%02d", f.year, f.month);
    b += "<tr><td>" + H(names[f.account_id]) + "</td><td>" + month + "</td><td>" +
         std::to_string(f.posts) + "</td><td>" + std::to_string(f.followers) + "</td></tr>";
  }
  b += "</tbody></table>";
  if (!v->read_only && app::MayManageInteraction(s.user.role)) {
    b += "<h2>登记账号</h2><form method=\"post\" action=\"/admin/interaction/media/accounts\">" +
         CsrfField(s) + "<label for=\"platform\">平台</label><select id=\"platform\" name=\"platform\">";
    for (const auto& p : interaction::Platforms()) b += "<option>" + H(p) + "</option>";
    b += "</select>" + Input("name", "账号名称", "", " required maxlength=\"100\"") +
         Input("owner", "主办单位", "", " maxlength=\"100\"") +
         "<button type=\"submit\">登记</button></form>";
    b += "<h2>填报月度数据</h2><form method=\"post\" action=\"/admin/interaction/media/figures\">" +
         CsrfField(s) + "<label for=\"account_id\">账号</label><select id=\"account_id\" name=\"account_id\">";
    for (const auto& a : accounts)
      b += "<option value=\"" + std::to_string(a.id) + "\">" + H(a.platform + " · " + a.name) + "</option>";
    b += "</select>" + Input("month", "月份（年-月）", "", " placeholder=\"2022-03\" required") +
         Input("posts", "发布数", "", " inputmode=\"numeric\" required") +
         Input("followers", "关注数（月末）", "", " inputmode=\"numeric\" required") +
         "<button type=\"submit\">保存</button></form>";
    b += "<h2>导入月度数据</h2><p>CSV 或 XLSX 表格，表头为：账号,月份,发布数,关注数。"
         "全部行无误才导入，同一账号同一月份的数据以导入为准。</p>"
         "<form method=\"post\" action=\"/admin/interaction/media/import\" "
         "enctype=\"multipart/form-data\">" + CsrfField(s) +
         "<label for=\"file\">文件</label><input id=\"file\" name=\"file\" type=\"file\" "
         "accept=\".csv,.xlsx\" required><button type=\"submit\">导入</button></form>";
  }
  Html(res, AdminPage(s, "政务新媒体", b));
}

template <typename Fn>
void MediaWrite(ServerState& st, const app::Session& s, const httplib::Request& req,
                httplib::Response& res, Fn fn) {
  Result<std::optional<FieldError>> r = [&] {
    auto db = st.Db();
    return fn(*db);
  }();
  if (!r.ok()) {
    if (r.status().code() == StatusCode::kInvalidArgument) {
      MediaPage(st, s, req, res, r.status().message());
      if (res.status != 403) res.status = 400;
      return;
    }
    return Refused(s, res, r.status(), "/admin/interaction/media");
  }
  if (*r) {
    MediaPage(st, s, req, res, (*r)->message);
    if (res.status != 403) res.status = 400;
    return;
  }
  res.set_redirect("/admin/interaction/media", 303);
}

void TrainingsPage(ServerState& st, const app::Session& s, const httplib::Request& req,
                   httplib::Response& res, const std::string& error = "") {
  auto v = ViewOf(st, s, req, res);
  if (!v) return;
  std::vector<interaction::Training> list;
  {
    auto db = st.Db();
    if (auto l = db->interaction().ListTrainings(v->agency_id); l.ok()) list = std::move(*l);
  }
  std::string b = "<h1>培训 · " + H(v->agency_name) + "</h1>" + Menu(*v) + ErrorBox(error);
  b += "<table><thead><tr><th scope=\"col\">日期</th><th scope=\"col\">主题</th><th "
       "scope=\"col\">参训人次</th></tr></thead><tbody>";
  for (const auto& t : list)
    b += "<tr><td>" + t.held_on.ToString() + "</td><td>" + H(t.title) + "</td><td>" +
         std::to_string(t.attendees) + "</td></tr>";
  b += "</tbody></table>";
  if (!v->read_only && app::MayManageInteraction(s.user.role)) {
    b += "<h2>登记培训</h2><form method=\"post\" action=\"/admin/interaction/trainings\">" +
         CsrfField(s) + Input("title", "培训主题", req.get_param_value("title"), " required maxlength=\"200\"") +
         Input("held_on", "日期", req.get_param_value("held_on"), " type=\"date\" required") +
         Input("attendees", "参训人次", req.get_param_value("attendees"), " inputmode=\"numeric\" required") +
         "<button type=\"submit\">登记</button></form>";
  }
  Html(res, AdminPage(s, "培训", b));
}

void TrainingAdd(ServerState& st, const app::Session& s, const httplib::Request& req,
                 httplib::Response& res) {
  app::TrainingInput in{req.get_param_value("title"), req.get_param_value("held_on"),
                        req.get_param_value("attendees")};
  Result<std::optional<FieldError>> r = [&] {
    auto db = st.Db();
    return app::AddTraining(*db, ActorOf(s), in);
  }();
  if (!r.ok()) return Refused(s, res, r.status(), "/admin/interaction/trainings");
  if (*r) {
    TrainingsPage(st, s, req, res, (*r)->message);
    if (res.status != 403) res.status = 400;
    return;
  }
  res.set_redirect("/admin/interaction/trainings", 303);
}

// ---- yearly statistics ------------------------------------------------------------

void StatisticsPage(ServerState& st, const app::Session& s, const httplib::Request& req,
                    httplib::Response& res) {
  const std::string agency = req.matches[1];
  const int year = std::stoi(req.matches[2]);
  std::optional<std::string> name;
  Result<interaction::YearStats> stats = Status::Internal("");
  {
    auto db = st.Db();
    auto a = db->GetAgency(agency);
    if (a.ok() && a->has_value()) name = (*a)->name;
    if (name && !InScope(*db, s, agency)) return Forbidden(req, res, "只能查看本机关或监督范围内机关的统计");
    if (name) stats = app::LoadYearStats(*db, agency, year);
  }
  if (!name) {
    res.status = 404;
    return Html(res, AdminPage(s, "年度工作统计", "<h1>没有这个机关</h1>"));
  }
  if (!stats.ok()) {
    res.status = 500;
    return Html(res, AdminPage(s, "年度工作统计", "<h1>暂时无法统计</h1>"));
  }
  const std::string base = "/admin/statistics/" + H(agency) + "/" + std::to_string(year);
  const std::string drill = req.get_param_value("figure");
  std::string b = "<h1>" + H(*name) + " " + std::to_string(year) + "年政务公开工作统计</h1>";
  b += "<p><a href=\"/admin/statistics/" + H(agency) + "/" + std::to_string(year - 1) +
       "\">上一年</a> · <a href=\"/admin/statistics/" + H(agency) + "/" +
       std::to_string(year + 1) + "\">下一年</a> · <a href=\"/admin/reports/" + H(agency) + "/" +
       std::to_string(year) + "\">年度报告</a></p>";
  std::string group;
  for (const auto& f : stats->figures) {
    if (f.group != group) {
      if (!group.empty()) b += "</tbody></table>";
      group = f.group;
      b += "<h2>" + H(group) + "</h2><table><thead><tr><th scope=\"col\">项目</th><th "
           "scope=\"col\">数量</th></tr></thead><tbody>";
    }
    b += "<tr><td>" + H(f.label) + "</td><td>";
    if (f.items.empty())
      b += std::to_string(f.value);
    else
      b += "<a href=\"" + base + "?figure=" + H(f.key) + "#drill\">" + std::to_string(f.value) + "</a>";
    b += "</td></tr>";
  }
  if (!group.empty()) b += "</tbody></table>";
  if (const interaction::Figure* f = stats->Find(drill)) {
    b += "<h2 id=\"drill\">" + H(f->group + " · " + f->label) + "：" + std::to_string(f->value) +
         "</h2><ul>";
    for (const auto& r : f->items) {
      b += "<li>" + (r.href.empty() ? H(r.label) : "<a href=\"" + H(r.href) + "\">" + H(r.label) + "</a>") + "</li>";
    }
    b += "</ul>";
  }
  const std::string paragraph = interaction::InteractionParagraph(*stats);
  if (!paragraph.empty())
    b += "<h2>年度报告第一部分的表述</h2><p>" + H(paragraph) + "</p>";
  Html(res, AdminPage(s, "年度工作统计", b));
}

}  // namespace

void RegisterInteractionAdminRoutes(httplib::Server& svr, ServerState& st) {
  using Req = const httplib::Request&;
  using Res = httplib::Response&;
  using S = const app::Session&;
  svr.Get("/admin/interaction",
          WithSession(st, [&st](S s, Req req, Res res) { MessagesPage(st, s, req, res); }));
  svr.Post("/admin/interaction/settings",
           WithSession(st, [&st](S s, Req req, Res res) { SettingsAction(st, s, req, res); }));
  svr.Get(R"(/admin/interaction/messages/([A-Za-z0-9-]{1,64}))",
          WithSession(st, [&st](S s, Req req, Res res) { MessagePage(st, s, req, res); }));
  svr.Post(R"(/admin/interaction/messages/([A-Za-z0-9-]{1,64}))",
           WithSession(st, [&st](S s, Req req, Res res) { MessageAction(st, s, req, res); }));
  svr.Get("/admin/interaction/consultations",
          WithSession(st, [&st](S s, Req req, Res res) { ConsultationsPage(st, s, req, res); }));
  svr.Post("/admin/interaction/consultations",
           WithSession(st, [&st](S s, Req req, Res res) { ConsultationCreate(st, s, req, res); }));
  svr.Get(R"(/admin/interaction/consultations/([0-9]{1,12}))",
          WithSession(st, [&st](S s, Req req, Res res) { ConsultationPage(st, s, req, res); }));
  svr.Post(R"(/admin/interaction/consultations/([0-9]{1,12}))",
           WithSession(st, [&st](S s, Req req, Res res) { ConsultationAction(st, s, req, res); }));
  svr.Post(R"(/admin/interaction/comments/([0-9]{1,12}))",
           WithSession(st, [&st](S s, Req req, Res res) { CommentAction(st, s, req, res); }));
  svr.Get("/admin/interaction/events",
          WithSession(st, [&st](S s, Req req, Res res) { EventsPage(st, s, req, res); }));
  svr.Post("/admin/interaction/events",
           WithSession(st, [&st](S s, Req req, Res res) { EventSave(st, s, req, res); }));
  svr.Get(R"(/admin/interaction/events/([0-9]{1,12}))",
          WithSession(st, [&st](S s, Req req, Res res) { EventPage(st, s, req, res); }));
  svr.Post(R"(/admin/interaction/events/([0-9]{1,12}))",
           WithSession(st, [&st](S s, Req req, Res res) { EventSave(st, s, req, res); }));
  svr.Get("/admin/interaction/media",
          WithSession(st, [&st](S s, Req req, Res res) { MediaPage(st, s, req, res); }));
  svr.Post("/admin/interaction/media/accounts",
           WithSession(st, [&st](S s, Req req, Res res) {
             MediaWrite(st, s, req, res, [&](store::Store& db) {
               return app::AddMediaAccount(db, ActorOf(s), req.get_param_value("platform"),
                                           req.get_param_value("name"),
                                           req.get_param_value("owner"));
             });
           }));
  svr.Post("/admin/interaction/media/figures",
           WithSession(st, [&st](S s, Req req, Res res) {
             MediaWrite(st, s, req, res, [&](store::Store& db) {
               return app::EnterMediaFigure(
                   db, ActorOf(s),
                   {req.get_param_value("account_id"), req.get_param_value("month"),
                    req.get_param_value("posts"), req.get_param_value("followers")});
             });
           }));
  svr.Post("/admin/interaction/media/import",
           WithSession(st, [&st](S s, Req req, Res res) {
             MediaWrite(st, s, req, res,
                        [&](store::Store& db) -> Result<std::optional<FieldError>> {
                          if (!req.has_file("file") || req.get_file_value("file").content.empty())
                            return std::optional<FieldError>(
                                FieldError{"file", "file（文件）：请选择要导入的 CSV 或 XLSX 文件"});
                          auto n = app::ImportMediaFigures(db, ActorOf(s),
                                                           req.get_file_value("file").content);
                          if (!n.ok()) return n.status();
                          return std::optional<FieldError>();
                        });
           }));
  svr.Get("/admin/interaction/trainings",
          WithSession(st, [&st](S s, Req req, Res res) { TrainingsPage(st, s, req, res); }));
  svr.Post("/admin/interaction/trainings",
           WithSession(st, [&st](S s, Req req, Res res) { TrainingAdd(st, s, req, res); }));
  svr.Get(R"(/admin/statistics/([a-z0-9-]{1,64})/(20[0-9]{2}))",
          WithSession(st, [&st](S s, Req req, Res res) { StatisticsPage(st, s, req, res); }));
}

}  // namespace gk::web
