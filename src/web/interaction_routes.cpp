#include "web/interaction_routes.h"

#include <nlohmann/json.hpp>

#include "app/clock.h"
#include "app/interaction.h"
#include "web/html.h"
#include "web/page.h"
#include "web/staff_session.h"

namespace gk::web {
namespace {

using nlohmann::json;
using interaction::FieldError;
constexpr size_t kMaxRequest = 64 * 1024;
constexpr int kPerPage = 20;

void Html(httplib::Response& res, const std::string& page) {
  res.set_content(page, "text/html; charset=utf-8");
}

app::PostContext Ctx(const httplib::Request& req) {
  return {app::TodayInShanghai(), app::NowUtcIso(), req.remote_addr, UnixNow()};
}

std::optional<int64_t> Id(const std::string& s) {
  if (s.empty() || s.size() > 12 || s.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(s);
}

// Paragraphs of user text, escaped.
std::string Paras(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) out += "<p>" + EscapeHtml(line) + "</p>";
    pos = end + 1;
  }
  return out;
}

std::string Nav() {
  return "<nav aria-label=\"政民互动\"><p><a href=\"/interaction\">网民留言</a> · <a "
         "href=\"/interaction/consultations\">意见征集</a> · <a "
         "href=\"/interaction/events\">在线访谈与发布会</a></p></nav>";
}

std::vector<store::AgencyRow> Agencies(ServerState& st) {
  auto db = st.Db();
  auto a = db->ListAgencies();
  return a.ok() ? *a : std::vector<store::AgencyRow>();
}

std::string AgencyName(const std::vector<store::AgencyRow>& all, std::string_view id) {
  for (const auto& a : all) {
    if (a.id == id) return a.name;
  }
  return std::string(id);
}

// The error of a form field: the message, and the attributes of its input.
struct FormError {
  std::optional<FieldError> e;
  std::string For(const std::string& k) const {
    if (!e || e->field != k) return "";
    return "<p class=\"err\" id=\"err-" + k + "\">" + EscapeHtml(e->message) + "</p>";
  }
  std::string Attr(const std::string& k) const {
    return e && e->field == k ? " aria-invalid=\"true\" aria-describedby=\"err-" + k + "\"" : "";
  }
  std::string Alert(std::string_view what) const {
    if (!e) return "";
    return "<div role=\"alert\"><p class=\"err\">" + std::string(what) + "：" +
           EscapeHtml(e->message) + "</p></div>";
  }
};

using Fields = std::map<std::string, std::string>;

std::string Val(const Fields& f, const std::string& k) {
  auto it = f.find(k);
  return it == f.end() ? "" : it->second;
}

std::string MessageForm(ServerState& st, const Fields& f, const FormError& err) {
  std::string b = "<h2 id=\"write\">我要留言</h2>";
  b += err.Alert("留言未提交");
  b += "<p>留言由所选机关在其规定的工作日内答复（默认5个工作日）。姓名和电话仅供办理联系，"
       "任何时候都不会公开显示。</p>";
  b += "<form method=\"post\" action=\"/interaction/messages\" novalidate>";
  b += "<label for=\"agency_id\">留言机关（必填）</label><select id=\"agency_id\" "
       "name=\"agency_id\" required" +
       err.Attr("agency_id") + "><option value=\"\">请选择</option>";
  for (const auto& a : Agencies(st)) {
    b += "<option value=\"" + EscapeHtml(a.id) + "\"" +
         (a.id == Val(f, "agency_id") ? " selected" : "") + ">" + EscapeHtml(a.name) +
         "</option>";
  }
  b += "</select>" + err.For("agency_id");
  auto input = [&](const std::string& k, const std::string& label, const std::string& type,
                   const std::string& extra) {
    return "<label for=\"" + k + "\">" + label + "</label><input id=\"" + k + "\" name=\"" + k +
           "\" type=\"" + type + "\" value=\"" + EscapeHtml(Val(f, k)) + "\"" + extra +
           err.Attr(k) + ">" + err.For(k);
  };
  b += input("name", "姓名（必填，不公开）", "text", " required maxlength=\"50\" autocomplete=\"name\"");
  b += input("phone", "联系电话（必填，不公开）", "tel", " required maxlength=\"20\" autocomplete=\"tel\"");
  b += input("title", "标题（必填）", "text", " required maxlength=\"100\"");
  b += "<label for=\"body\">留言内容（必填，不超过5000字）</label><textarea id=\"body\" "
       "name=\"body\" rows=\"6\" maxlength=\"5000\" required" +
       err.Attr("body") + ">" + EscapeHtml(Val(f, "body")) + "</textarea>" + err.For("body");
  b += "<p><input type=\"checkbox\" id=\"public_ok\" name=\"public_ok\" value=\"1\"" +
       std::string(Val(f, "public_ok") == "1" ? " checked" : "") +
       "><label for=\"public_ok\" class=\"inline\">同意公开留言和答复（姓名、电话不公开）</label></p>";
  b += "<button type=\"submit\">提交留言</button></form>";
  return b;
}

std::string TrackForm(const std::string& message_no, const std::string& error) {
  std::string b = "<h2 id=\"track\">查询留言答复</h2>";
  if (!error.empty()) b += "<p class=\"err\" role=\"alert\">" + EscapeHtml(error) + "</p>";
  b += "<form method=\"post\" action=\"/interaction/track\"><label for=\"message_no\">留言编号</"
       "label><input id=\"message_no\" name=\"message_no\" required autocomplete=\"off\" value=\"" +
       EscapeHtml(message_no) +
       "\"><label for=\"query_code\">查询码</label><input id=\"query_code\" name=\"query_code\" "
       "type=\"password\" required autocomplete=\"off\"><button type=\"submit\">查询</button></form>";
  return b;
}

std::string PublicMessage(const interaction::Message& m, const std::string& agency) {
  std::string b = "<article class=\"message\"><h3>" + EscapeHtml(m.title) + "</h3>";
  b += "<p class=\"meta\">留言人：" + EscapeHtml(interaction::MaskName(m.name)) + " · 留言时间：" +
       m.received_on.ToString() + " · 答复单位：" + EscapeHtml(agency) + "</p>";
  b += "<div class=\"ask\">" + Paras(interaction::MaskNumbersInText(m.body)) + "</div>";
  b += "<div class=\"reply\"><p><strong>答复（" +
       (m.answered_on ? m.answered_on->ToString() : std::string()) + "）：</strong></p>" +
       Paras(interaction::MaskNumbersInText(m.answer)) + "</div></article>";
  return b;
}

void ListPage(ServerState& st, const httplib::Request& req, httplib::Response& res,
              const Fields& form, const FormError& err) {
  const auto agencies = Agencies(st);
  store::MessageFilter f;
  f.published_only = true;
  const std::string agency = req.get_param_value("agency");
  if (!agency.empty()) f.agency_id = agency;
  int page = 1;
  if (auto p = Id(req.get_param_value("page")); p && *p >= 1 && *p <= 100000)
    page = static_cast<int>(*p);
  f.limit = kPerPage;
  f.offset = (page - 1) * kPerPage;
  std::vector<interaction::Message> list;
  int64_t total = 0;
  {
    auto db = st.Db();
    auto l = db->interaction().ListMessages(f);
    auto n = db->interaction().CountMessages(f);
    if (!l.ok() || !n.ok()) {
      res.status = 500;
      return Html(res, Page("政民互动", "<h1>暂时无法显示</h1><p>请稍后重试。</p>"));
    }
    list = std::move(*l);
    total = *n;
  }
  std::string b = "<h1>政民互动</h1>" + Nav();
  b += "<p>公开显示已答复且留言人同意公开的留言。留言人姓名和电话号码不公开。</p>";
  b += "<h2>网民留言（" + std::to_string(total) + "条）</h2>";
  if (list.empty()) b += "<p>暂无公开的留言答复。</p>";
  for (const auto& m : list) b += PublicMessage(m, AgencyName(agencies, m.agency_id));
  if (total > page * kPerPage) {
    b += "<p><a href=\"/interaction?page=" + std::to_string(page + 1) +
         (agency.empty() ? "" : "&amp;agency=" + EscapeHtml(agency)) + "\">下一页</a></p>";
  }
  b += MessageForm(st, form, err);
  b += TrackForm("", "");
  Html(res, Page("政民互动", b));
}

// JSON or form fields of a new message.
std::optional<FieldError> ReadMessage(const httplib::Request& req, interaction::MessageInput& in,
                                      bool* json_body) {
  const std::string ctype = req.get_header_value("Content-Type");
  *json_body = ctype.find("application/json") != std::string::npos;
  if (!*json_body) {
    in.agency_id = req.get_param_value("agency_id");
    in.name = req.get_param_value("name");
    in.phone = req.get_param_value("phone");
    in.title = req.get_param_value("title");
    in.body = req.get_param_value("body");
    const std::string p = req.get_param_value("public_ok");
    in.public_ok = p == "1" || p == "true" || p == "on";
    return std::nullopt;
  }
  json j = json::parse(req.body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return FieldError{"body", "请求体应为 JSON 对象"};
  for (const char* k : {"agency_id", "name", "phone", "title", "body"}) {
    if (!j.contains(k) || j[k].is_null()) continue;
    if (!j[k].is_string()) return FieldError{k, std::string(k) + "：应为文本"};
  }
  auto s = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : ""; };
  in.agency_id = s("agency_id");
  in.name = s("name");
  in.phone = s("phone");
  in.title = s("title");
  in.body = s("body");
  if (j.contains("public_ok") && !j["public_ok"].is_null()) {
    if (!j["public_ok"].is_boolean())
      return FieldError{"public_ok", "public_ok（是否同意公开）：应为 true 或 false"};
    in.public_ok = j["public_ok"].get<bool>();
  }
  return std::nullopt;
}

void JsonFieldError(httplib::Response& res, const FieldError& e) {
  json body = {{"error", {{"code", "invalid_field"}, {"field", e.field}, {"message", e.message}}}};
  JsonBody(res, 400, body.dump(-1, ' ', false, json::error_handler_t::replace));
}

void PostMessage(ServerState& st, const httplib::Request& req, httplib::Response& res,
                 bool api) {
  interaction::MessageInput in;
  bool json_body = false;
  Fields echo;  // re-shown to the writer on an error, as typed
  for (const auto& [k, v] : req.params) echo[k] = v;
  auto fail_form = [&](int status, const FieldError& e) {
    res.status = status;
    ListPage(st, req, res, echo, FormError{e});
    res.status = status;
  };
  if (req.body.size() > kMaxRequest) {
    const FieldError e{"body", "body（留言内容）：内容过长"};
    if (api) return JsonError(res, 413, "too_large", e.message);
    return fail_form(413, e);
  }
  if (auto e = ReadMessage(req, in, &json_body)) {
    if (api) return e->field == "body" && json_body && e->message.starts_with("请求体")
                        ? JsonError(res, 400, "invalid_json", e->message)
                        : JsonFieldError(res, *e);
    return fail_form(400, *e);
  }
  Result<app::MessageOutcome> r = [&] {
    auto db = st.Db();
    return app::SubmitMessage(*db, st.calendar, in, Ctx(req));
  }();
  if (!r.ok()) {
    const bool limited = r.status().code() == StatusCode::kRateLimited;
    if (api)
      return limited ? JsonError(res, 429, "too_many_requests", r.status().message())
                     : JsonError(res, 500, "internal", "服务器暂时无法受理留言，请稍后重试");
    return fail_form(limited ? 429 : 500,
                     FieldError{"", limited ? r.status().message() : "服务器暂时无法受理留言，请稍后重试"});
  }
  if (r->error) {
    if (api) return JsonFieldError(res, *r->error);
    return fail_form(400, *r->error);
  }
  const app::MessageReceipt& a = *r->receipt;
  if (api) {
    json body = {{"message_no", a.message_no},
                 {"query_code", a.query_code},
                 {"received_on", a.received_on.ToString()},
                 {"due_on", a.due_on.ToString()}};
    return JsonBody(res, 201, body.dump());
  }
  std::string b = "<h1>留言已收到</h1><div class=\"ack\" role=\"status\"><dl>";
  b += "<dt>留言编号</dt><dd class=\"code\">" + EscapeHtml(a.message_no) + "</dd>";
  b += "<dt>查询码</dt><dd class=\"code\">" + EscapeHtml(a.query_code) + "</dd>";
  b += "<dt>答复期限</dt><dd>" + a.due_on.ToString() + "</dd></dl>";
  if (a.held) b += "<p>您的留言含有需要审核的内容，审核通过后办理。</p>";
  b += "<p><strong>请妥善保存留言编号和查询码</strong>，凭它们在<a "
       "href=\"/interaction#track\">政民互动</a>页面查询答复。查询码只显示这一次。</p></div>";
  res.status = 201;
  Html(res, Page("留言已收到", b));
}

void TrackSubmit(ServerState& st, const httplib::Request& req, httplib::Response& res) {
  const std::string no = req.get_param_value("message_no").substr(0, 64);
  const std::string code = req.get_param_value("query_code").substr(0, 64);
  auto page = [&](int status, const std::string& error) {
    res.status = status;
    Html(res, Page("查询留言", "<h1>查询留言答复</h1>" + TrackForm(no, error)));
  };
  if (no.empty() || code.empty()) return page(400, "请填写留言编号和查询码");
  Result<interaction::Message> m = [&] {
    auto db = st.Db();
    return app::LookupMessage(*db, no, code, Ctx(req));
  }();
  if (!m.ok()) {
    const StatusCode c = m.status().code();
    if (c == StatusCode::kRateLimited) return page(429, m.status().message());
    if (c == StatusCode::kNotFound) return page(404, m.status().message());
    return page(500, "服务器暂时无法查询，请稍后重试");
  }
  std::string b = "<h1>留言 " + EscapeHtml(m->message_no) + "</h1><dl>";
  b += "<dt>标题</dt><dd>" + EscapeHtml(m->title) + "</dd>";
  b += "<dt>留言时间</dt><dd>" + m->received_on.ToString() + "</dd>";
  b += "<dt>办理状态</dt><dd>" + std::string(interaction::MessageStatusLabel(m->status)) + "</dd>";
  b += "<dt>答复期限</dt><dd>" + m->due_on.ToString() + "</dd></dl>";
  b += "<h2>留言内容</h2>" + Paras(m->body);
  if (m->status == interaction::kAnswered) {
    b += "<h2>答复（" + (m->answered_on ? m->answered_on->ToString() : std::string()) + "）</h2>" +
         Paras(m->answer);
    b += std::string("<p>") + (interaction::IsPublished(*m) ? "该留言和答复已在政民互动页面公开。" : "该答复未公开。") + "</p>";
  }
  Html(res, Page("留言答复", b));
}

// ---- consultations -----------------------------------------------------------------

void ConsultationList(ServerState& st, const httplib::Request&, httplib::Response& res) {
  const auto agencies = Agencies(st);
  std::vector<interaction::Consultation> list;
  {
    auto db = st.Db();
    auto l = db->interaction().ListConsultations(std::nullopt);
    if (l.ok()) list = std::move(*l);
  }
  const Date today = app::TodayInShanghai();
  std::string b = "<h1>意见征集</h1>" + Nav();
  if (list.empty()) b += "<p>暂无意见征集。</p>";
  b += "<ul class=\"list\">";
  for (const auto& c : list) {
    b += "<li><a href=\"/interaction/consultations/" + std::to_string(c.id) + "\">" +
         EscapeHtml(c.title) + "</a> <span class=\"meta\">" +
         EscapeHtml(AgencyName(agencies, c.agency_id)) + " · " + c.opens_on.ToString() + " 至 " +
         c.closes_on.ToString() + " · " + EscapeHtml(interaction::StateLabel(c, today)) +
         "</span></li>";
  }
  b += "</ul>";
  Html(res, Page("意见征集", b));
}

std::string CommentForm(const std::string& action, const std::string& legend, const Fields& f,
                        const FormError& err) {
  std::string b = "<h2 id=\"comment\">" + legend + "</h2>" + err.Alert("未提交");
  b += "<form method=\"post\" action=\"" + action + "\" novalidate>";
  b += "<label for=\"c-name\">姓名（选填，不公开）</label><input id=\"c-name\" name=\"name\" "
       "maxlength=\"50\" value=\"" +
       EscapeHtml(Val(f, "name")) + "\"" + err.Attr("name") + ">" + err.For("name");
  b += "<label for=\"c-body\">内容（必填，不超过3000字）</label><textarea id=\"c-body\" "
       "name=\"body\" rows=\"5\" maxlength=\"3000\" required" +
       err.Attr("body") + ">" + EscapeHtml(Val(f, "body")) + "</textarea>" + err.For("body");
  b += "<button type=\"submit\">提交</button></form><p>提交的内容经审核后显示。</p>";
  return b;
}

void ConsultationPage(ServerState& st, const httplib::Request& req, httplib::Response& res,
                      int64_t id, const Fields& form, const FormError& err) {
  const auto agencies = Agencies(st);
  std::optional<interaction::Consultation> c;
  std::vector<interaction::Comment> comments;
  std::optional<store::StoredRecord> record;
  {
    auto db = st.Db();
    auto got = db->interaction().GetConsultation(id);
    if (got.ok() && got->has_value()) {
      c = **got;
      auto l = db->interaction().ListComments("consultation", id, std::string(interaction::kApproved));
      if (l.ok()) comments = std::move(*l);
      if (c->record_id) {
        auto r = db->records().GetRecord(*c->record_id);
        if (r.ok() && r->has_value() && (*r)->record.status == catalog::RecordStatus::kPublished)
          record = **r;
      }
    }
  }
  (void)req;
  if (!c) {
    res.status = 404;
    return Html(res, Page("意见征集", "<h1>没有这项意见征集</h1><p><a href=\"/interaction/consultations\">返回意见征集</a></p>"));
  }
  const Date today = app::TodayInShanghai();
  std::string b = "<h1>" + EscapeHtml(c->title) + "</h1>" + Nav();
  b += "<dl><dt>征集单位</dt><dd>" + EscapeHtml(AgencyName(agencies, c->agency_id)) +
       "</dd><dt>征集时间</dt><dd>" + c->opens_on.ToString() + " 至 " + c->closes_on.ToString() +
       "</dd><dt>状态</dt><dd>" + EscapeHtml(interaction::StateLabel(*c, today)) + "</dd></dl>";
  b += "<h2>征求意见稿</h2>" + Paras(c->body);
  if (c->feedback_on) {
    b += "<h2>意见采纳情况（" + c->feedback_on->ToString() + " 公布）</h2>" + Paras(c->feedback);
    if (record)
      b += "<p>形成的文件：<a href=\"/records/" + std::to_string(record->record.id) + "\">" +
           EscapeHtml(record->record.title) + "</a></p>";
  }
  b += "<h2>公众意见（" + std::to_string(comments.size()) + "条）</h2>";
  if (comments.empty()) b += "<p>暂无公开的意见。</p>";
  for (const auto& k : comments) {
    b += "<article class=\"message\"><p class=\"meta\">" +
         EscapeHtml(interaction::MaskName(k.name)) + " · " + k.received_on.ToString() + "</p>" +
         Paras(interaction::MaskNumbersInText(k.body)) + "</article>";
  }
  if (interaction::IsOpen(*c, today))
    b += CommentForm("/interaction/consultations/" + std::to_string(id) + "/comments", "提交意见",
                     form, err);
  Html(res, Page("意见征集", b));
}

// ---- events ---------------------------------------------------------------------------

void EventList(ServerState& st, const httplib::Request&, httplib::Response& res) {
  const auto agencies = Agencies(st);
  std::vector<interaction::Event> list;
  {
    auto db = st.Db();
    auto l = db->interaction().ListEvents(std::nullopt);
    if (l.ok()) list = std::move(*l);
  }
  std::string b = "<h1>在线访谈、新闻发布会和政府开放日</h1>" + Nav();
  if (list.empty()) b += "<p>暂无活动。</p>";
  b += "<ul class=\"list\">";
  for (const auto& e : list) {
    b += "<li>" + std::string(interaction::EventKindLabel(e.kind)) + "：<a href=\"/interaction/events/" +
         std::to_string(e.id) + "\">" + EscapeHtml(e.title) + "</a> <span class=\"meta\">" +
         EscapeHtml(AgencyName(agencies, e.agency_id)) + " · " + e.held_on.ToString() +
         "</span></li>";
  }
  b += "</ul>";
  Html(res, Page("在线访谈与发布会", b));
}

void EventPage(ServerState& st, const httplib::Request&, httplib::Response& res, int64_t id,
               const Fields& form, const FormError& err) {
  const auto agencies = Agencies(st);
  std::optional<interaction::Event> e;
  std::vector<interaction::Comment> questions;
  std::vector<catalog::Record> records;
  {
    auto db = st.Db();
    auto got = db->interaction().GetEvent(id);
    if (got.ok() && got->has_value()) {
      e = **got;
      auto l = db->interaction().ListComments("event", id, std::string(interaction::kApproved));
      if (l.ok()) questions = std::move(*l);
      for (int64_t r : e->record_ids) {
        auto rec = db->records().GetRecord(r);
        if (rec.ok() && rec->has_value() &&
            (*rec)->record.status == catalog::RecordStatus::kPublished)
          records.push_back((*rec)->record);
      }
    }
  }
  if (!e) {
    res.status = 404;
    return Html(res, Page("活动", "<h1>没有这场活动</h1><p><a href=\"/interaction/events\">返回</a></p>"));
  }
  std::string b = "<h1>" + EscapeHtml(e->title) + "</h1>" + Nav();
  b += "<dl><dt>类型</dt><dd>" + std::string(interaction::EventKindLabel(e->kind)) +
       "</dd><dt>日期</dt><dd>" + e->held_on.ToString() + "</dd><dt>主办单位</dt><dd>" +
       EscapeHtml(AgencyName(agencies, e->agency_id)) + "</dd>";
  if (!e->guests.empty()) b += "<dt>嘉宾</dt><dd>" + EscapeHtml(e->guests) + "</dd>";
  b += "</dl>";
  if (!records.empty()) {
    b += "<h2>解读的文件</h2><ul>";
    for (const auto& r : records)
      b += "<li><a href=\"/records/" + std::to_string(r.id) + "\">" + EscapeHtml(r.title) +
           "</a></li>";
    b += "</ul>";
  }
  if (!e->transcript.empty()) b += "<h2>文字实录</h2>" + Paras(e->transcript);
  b += "<h2>网民提问（" + std::to_string(questions.size()) + "条）</h2>";
  if (questions.empty()) b += "<p>暂无公开的提问。</p>";
  for (const auto& q : questions) {
    b += "<article class=\"message\"><p class=\"meta\">" +
         EscapeHtml(interaction::MaskName(q.name)) + " · " + q.received_on.ToString() + "</p>" +
         Paras(interaction::MaskNumbersInText(q.body));
    if (!q.answer.empty())
      b += "<div class=\"reply\"><p><strong>答复：</strong></p>" +
           Paras(interaction::MaskNumbersInText(q.answer)) + "</div>";
    b += "</article>";
  }
  if (e->questions_open)
    b += CommentForm("/interaction/events/" + std::to_string(id) + "/questions", "向嘉宾提问", form,
                     err);
  Html(res, Page(interaction::EventKindLabel(e->kind), b));
}

// A comment or question from the form: 201, or the page again with the error.
void PostComment(ServerState& st, const httplib::Request& req, httplib::Response& res,
                 std::string_view kind) {
  const auto id = Id(req.matches[1]);
  Fields f = {{"name", req.get_param_value("name")}, {"body", req.get_param_value("body")}};
  auto again = [&](int status, const FieldError& e) {
    if (kind == "consultation")
      ConsultationPage(st, req, res, *id, f, FormError{e});
    else
      EventPage(st, req, res, *id, f, FormError{e});
    if (res.status == 200 || res.status == -1) res.status = status;
  };
  if (req.body.size() > kMaxRequest) return again(413, FieldError{"body", "body（内容）：内容过长"});
  Result<std::optional<FieldError>> r = [&] {
    auto db = st.Db();
    return app::SubmitComment(*db, kind, *id, f["name"], f["body"], Ctx(req));
  }();
  if (!r.ok()) {
    const int status = HttpStatusOf(r.status());
    if (status == 404) {
      res.status = 404;
      return Html(res, Page("未找到", "<h1>未找到</h1><p>" + EscapeHtml(r.status().message()) + "</p>"));
    }
    return again(status, FieldError{"", status == 500 ? "服务器暂时无法处理，请稍后重试"
                                                       : r.status().message()});
  }
  if (*r) return again(400, **r);
  res.status = 201;
  const std::string back = kind == "consultation"
                               ? "/interaction/consultations/" + std::to_string(*id)
                               : "/interaction/events/" + std::to_string(*id);
  Html(res, Page("已收到", "<h1>已收到</h1><p role=\"status\">感谢参与，您提交的内容经审核后显示。</p><p><a href=\"" +
                              back + "\">返回</a></p>"));
}

}  // namespace

void RegisterInteractionRoutes(httplib::Server& svr, ServerState& st) {
  svr.Get("/interaction", [&st](const httplib::Request& req, httplib::Response& res) {
    ListPage(st, req, res, {}, {});
  });
  svr.Post("/interaction/messages", [&st](const httplib::Request& req, httplib::Response& res) {
    PostMessage(st, req, res, false);
  });
  svr.Post("/api/v1/messages", [&st](const httplib::Request& req, httplib::Response& res) {
    PostMessage(st, req, res, true);
  });
  svr.Post("/interaction/track", [&st](const httplib::Request& req, httplib::Response& res) {
    TrackSubmit(st, req, res);
  });
  svr.Get("/interaction/consultations",
          [&st](const httplib::Request& req, httplib::Response& res) {
            ConsultationList(st, req, res);
          });
  svr.Get(R"(/interaction/consultations/([0-9]{1,12}))",
          [&st](const httplib::Request& req, httplib::Response& res) {
            ConsultationPage(st, req, res, *Id(req.matches[1]), {}, {});
          });
  svr.Post(R"(/interaction/consultations/([0-9]{1,12})/comments)",
           [&st](const httplib::Request& req, httplib::Response& res) {
             PostComment(st, req, res, "consultation");
           });
  svr.Get("/interaction/events", [&st](const httplib::Request& req, httplib::Response& res) {
    EventList(st, req, res);
  });
  svr.Get(R"(/interaction/events/([0-9]{1,12}))",
          [&st](const httplib::Request& req, httplib::Response& res) {
            EventPage(st, req, res, *Id(req.matches[1]), {}, {});
          });
  svr.Post(R"(/interaction/events/([0-9]{1,12})/questions)",
           [&st](const httplib::Request& req, httplib::Response& res) {
             PostComment(st, req, res, "event");
           });
}

}  // namespace gk::web
