#include "web/public_applications.h"

#include <chrono>
#include <nlohmann/json.hpp>

#include "app/applications.h"
#include "app/clock.h"
#include "cases/vocab.h"
#include "web/html.h"
#include "web/page.h"

namespace gk::web {
namespace {

using nlohmann::json;
constexpr size_t kMaxBody = 64 * 1024;

// JSON object → flat fields; the agent object becomes agent.* keys. Values
// must be strings (numbers are accepted for convenience); anything else is a
// field error.
std::optional<app::FieldError> FlattenJson(const json& j, app::ApplicationFields& out) {
  if (!j.is_object()) return app::FieldError{"body", "请求体应为 JSON 对象"};
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& k = it.key();
    const json& v = it.value();
    if (k == "agent") {
      if (v.is_null()) continue;
      if (!v.is_object())
        return app::FieldError{"agent",
                               "agent：应为对象（name、id_type、id_number、authorisation）"};
      for (auto a = v.begin(); a != v.end(); ++a) {
        if (!a.value().is_string())
          return app::FieldError{"agent." + a.key(), "agent." + a.key() + "：应为文本"};
        out["agent." + a.key()] = a.value().get<std::string>();
      }
      continue;
    }
    if (v.is_string())
      out[k] = v.get<std::string>();
    else if (v.is_number_integer())
      out[k] = std::to_string(v.get<int64_t>());
    else if (v.is_boolean() || v.is_null())
      continue;
    else
      return app::FieldError{k, k + "：应为文本"};
  }
  return std::nullopt;
}

// A multipart form: text items become fields, file items uploads.
void ReadMultipart(const httplib::Request& req, app::ApplicationFields& fields,
                   std::vector<app::Upload>& uploads) {
  for (const auto& [name, item] : req.files) {
    if (item.filename.empty()) {
      fields[name] = item.content;
    } else {
      uploads.push_back({name, item.filename, item.content});
    }
  }
}

app::SubmitContext Now(const ServerState& st) {
  return {app::TodayInShanghai(), app::NowUtcIso(), "", std::nullopt, st.mail_enabled};
}

void ApiSubmit(ServerState& st, const httplib::Request& req, httplib::Response& res) {
  app::ApplicationFields fields;
  std::vector<app::Upload> uploads;
  const std::string ctype = req.get_header_value("Content-Type");
  if (req.is_multipart_form_data()) {
    ReadMultipart(req, fields, uploads);
  } else if (req.body.size() > kMaxBody) {
    return JsonError(res, 413, "too_large", "申请内容过长");
  } else if (ctype.find("application/json") != std::string::npos) {
    json j = json::parse(req.body, nullptr, false);
    if (j.is_discarded()) return JsonError(res, 400, "invalid_json", "请求体不是有效的 JSON");
    if (auto e = FlattenJson(j, fields)) {
      json body = {
          {"error", {{"code", "invalid_field"}, {"field", e->field}, {"message", e->message}}}};
      return JsonBody(res, 400, body.dump(-1, ' ', false, json::error_handler_t::replace));
    }
  } else {
    for (const auto& [k, v] : req.params) fields[k] = v;
  }
  Result<app::SubmitOutcome> r = [&] {
    auto db = st.Db();
    return app::SubmitApplication(*db, st.calendar, fields, Now(st), uploads);
  }();
  if (!r.ok()) return JsonError(res, 500, "internal", "服务器暂时无法受理申请，请稍后重试");
  if (r->error) {
    json body = {
        {"error",
         {{"code", "invalid_field"}, {"field", r->error->field}, {"message", r->error->message}}}};
    return JsonBody(res, 400, body.dump(-1, ' ', false, json::error_handler_t::replace));
  }
  const app::Acknowledgement& a = *r->ack;
  json body = {{"tracking_no", a.tracking_no},
               {"query_code", a.query_code},
               {"received_on", a.received_on.ToString()},
               {"due_on", a.due_on.ToString()}};
  JsonBody(res, 201, body.dump());
}

int64_t UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Result<app::PublicCaseView> Lookup(ServerState& st, const httplib::Request& req,
                                   const std::string& tracking_no, const std::string& code) {
  auto db = st.Db();
  return app::LookupApplication(*db, st.calendar, tracking_no, code,
                                {req.remote_addr, UnixNow()});
}

json ViewJson(const app::PublicCaseView& v) {
  json docs = json::array();
  for (const auto& d : v.documents) {
    const std::string base =
        "/api/v1/applications/" + v.tracking_no + "/documents/" + std::to_string(d.seq);
    docs.push_back({{"seq", d.seq},
                    {"title", d.title},
                    {"date", d.date},
                    {"pdf", base + ".pdf"},
                    {"docx", base + ".docx"}});
  }
  json events = json::array();
  for (const auto& e : v.events) {
    events.push_back({{"date", e.date}, {"type", e.type}, {"label", e.label}, {"note", e.note}});
  }
  return {{"tracking_no", v.tracking_no},
          {"agency", v.agency_name},
          {"status", v.status},
          {"status_label", v.status_label},
          {"received_on", v.received_on},
          {"due_on", v.due_on.empty() ? json(nullptr) : json(v.due_on)},
          {"events", events},
          {"documents", docs}};
}

void ApiLookup(ServerState& st, const httplib::Request& req, httplib::Response& res) {
  const std::string tn = req.matches[1];
  const std::string code = req.get_param_value("query_code");
  auto v = Lookup(st, req, tn, code);
  if (!v.ok()) {
    if (v.status().code() == StatusCode::kRateLimited)
      return JsonError(res, 429, "too_many_attempts", v.status().message());
    if (v.status().code() == StatusCode::kNotFound)
      return JsonError(res, 404, "not_found", "申请编号或查询码不正确");
    return JsonError(res, 500, "internal", "服务器暂时无法查询，请稍后重试");
  }
  JsonBody(res, 200, ViewJson(*v).dump(-1, ' ', false, json::error_handler_t::replace));
}

void SendLetter(ServerState& st, const httplib::Request& req, httplib::Response& res,
                const std::string& tn, const std::string& code, const std::string& seq_text,
                const std::string& format, bool json_errors) {
  int64_t seq = 0;
  for (char c : seq_text) seq = (c >= '0' && c <= '9' && seq < 100000) ? seq * 10 + (c - '0') : -1;
  auto fail = [&](int status, const std::string& code_key, const std::string& msg) {
    if (json_errors) return JsonError(res, status, code_key, msg);
    res.status = status;
    res.set_content(Page("文书下载", "<h1>无法下载</h1><p>" + EscapeHtml(msg) +
                                         "</p><p><a href=\"/track\">返回查询</a></p>"),
                    "text/html; charset=utf-8");
  };
  if (seq <= 0 || (format != "pdf" && format != "docx"))
    return fail(404, "not_found", "没有这份文书");
  Result<app::RenderedLetter> r = [&] {
    auto db = st.Db();
    return app::ApplicantDocument(
        *db, st.calendar, tn, code, seq,
        format == "pdf" ? app::LetterFormat::kPdf : app::LetterFormat::kDocx,
        {req.remote_addr, UnixNow()});
  }();
  if (!r.ok()) {
    switch (r.status().code()) {
      case StatusCode::kRateLimited:
        return fail(429, "too_many_attempts", r.status().message());
      case StatusCode::kNotFound:
        return fail(404, "not_found", "申请编号、查询码或文书不正确");
      default:
        return fail(500, "internal", "暂时无法生成文书，请稍后重试");
    }
  }
  res.set_header("Content-Disposition", "attachment; filename=\"" + r->filename + "\"");
  res.set_content(r->bytes, r->mime);
}

// ---- HTML ------------------------------------------------------------------------

std::string Options(const std::vector<std::pair<std::string, std::string>>& opts,
                    const std::string& selected) {
  std::string s;
  for (const auto& [k, label] : opts) {
    s += "<option value=\"" + EscapeHtml(k) + "\"" + (k == selected ? " selected" : "") + ">" +
         EscapeHtml(label) + "</option>";
  }
  return s;
}

template <typename E>
std::vector<std::pair<std::string, std::string>> EnumOptions() {
  std::vector<std::pair<std::string, std::string>> v;
  for (const auto& n : cases::Names<E>()) v.emplace_back(std::string(n.key), std::string(n.label));
  return v;
}

std::string ApplyForm(ServerState& st, const app::ApplicationFields& f,
                      const std::optional<app::FieldError>& error) {
  auto val = [&](const std::string& k) {
    auto it = f.find(k);
    return it == f.end() ? std::string() : it->second;
  };
  std::vector<std::pair<std::string, std::string>> agencies;
  {
    auto db = st.Db();
    if (auto a = db->ListAgencies(); a.ok()) {
      for (const auto& x : *a) agencies.emplace_back(x.id, x.name);
    }
  }
  auto err_for = [&](const std::string& k) -> std::string {
    if (!error || error->field != k) return "";
    return "<p class=\"err\" id=\"err-" + EscapeHtml(k) + "\">" + EscapeHtml(error->message) +
           "</p>";
  };
  auto described = [&](const std::string& k) -> std::string {
    return error && error->field == k
               ? " aria-invalid=\"true\" aria-describedby=\"err-" + EscapeHtml(k) + "\""
               : "";
  };
  auto input = [&](const std::string& k, const std::string& label, const std::string& type,
                   bool required, const std::string& hint = "") {
    std::string s =
        "<label for=\"" + k + "\">" + EscapeHtml(label) + (required ? "（必填）" : "") + "</label>";
    if (!hint.empty())
      s += "<span class=\"hint\" id=\"hint-" + k + "\">" + EscapeHtml(hint) + "</span>";
    s += "<input id=\"" + k + "\" name=\"" + k + "\" type=\"" + type + "\" value=\"" +
         EscapeHtml(val(k)) + "\"" + (required ? " required" : "") + described(k) + ">" +
         err_for(k);
    return s;
  };
  std::string b = "<h1>政府信息公开申请</h1>";
  b += "<p>"
       "依据《中华人民共和国政府信息公开条例》第二十七条至第二十九条，公民、法人或者其他组织可以向"
       "行政机关申请获取政府信息。"
       "提交后系统即时出具回执（第三十一条），答复期限为收到申请之日起20个工作日（第三十三条）。</"
       "p>";
  if (error) {
    b += "<div role=\"alert\"><p class=\"err\">申请未提交：" + EscapeHtml(error->message) +
         "</p></div>";
  }
  b += "<form method=\"post\" action=\"/apply\" enctype=\"multipart/form-data\" novalidate>";
  b += "<fieldset><legend>受理机关</legend><label for=\"agency_id\">向哪个机关申请（必填）</label>"
       "<select id=\"agency_id\" name=\"agency_id\" required" +
       described("agency_id") + ">" + "<option value=\"\">请选择</option>" +
       Options(agencies, val("agency_id")) + "</select>" + err_for("agency_id") + "</fieldset>";
  b += "<fieldset><legend>申请人信息</legend>";
  b += "<label for=\"applicant_type\">申请人类型（必填）</label><select id=\"applicant_type\" "
       "name=\"applicant_type\" required" +
       described("applicant_type") + ">" +
       Options(EnumOptions<cases::ApplicantType>(), val("applicant_type")) + "</select>" +
       err_for("applicant_type");
  b += input("name", "姓名或名称", "text", true);
  b +=
      "<label for=\"id_type\">证件类型</label><select id=\"id_type\" name=\"id_type\"" +
      described("id_type") + ">" +
      "<option value=\"\">按申请人类型默认（自然人：居民身份证；组织：统一社会信用代码）</option>" +
      Options(EnumOptions<cases::IdType>(), val("id_type")) + "</select>" + err_for("id_type");
  b += input("id_number", "证件号码", "text", true);
  b += input("contact_person", "联系人（法人或其他组织填写）", "text", false);
  b += input("phone", "联系电话", "tel", true);
  b += input("address", "通信地址", "text", true);
  b += input("email", "电子邮箱（选择电子邮件获取时必填）", "email", false);
  b += "</fieldset>";
  b += "<fieldset><legend>所需政府信息</legend><label "
       "for=\"description\">所需信息的名称、文号或者便于查询的其他特征性描述（必填）</label>"
       "<textarea id=\"description\" name=\"description\" rows=\"6\" maxlength=\"5000\" required" +
       described("description") + ">" + EscapeHtml(val("description")) + "</textarea>" +
       err_for("description");
  b += "<label for=\"form\">信息的载体</label><select id=\"form\" name=\"form\"" +
       described("form") + ">" + Options(EnumOptions<cases::Medium>(), val("form")) + "</select>" +
       err_for("form");
  b += "<label for=\"delivery\">获取信息的方式</label><select id=\"delivery\" name=\"delivery\"" +
       described("delivery") + ">" +
       Options(EnumOptions<cases::Delivery>(), val("delivery").empty() ? "post" : val("delivery")) +
       "</select>" + err_for("delivery") + "</fieldset>";
  b += "<fieldset><legend>代理人（如委托他人代为申请）</legend>";
  b += input("agent.name", "代理人姓名", "text", false);
  b += "<label for=\"agent.id_type\">代理人证件类型</label><select id=\"agent.id_type\" "
       "name=\"agent.id_type\">" +
       Options(EnumOptions<cases::IdType>(), val("agent.id_type")) + "</select>" +
       err_for("agent.id_type");
  b += input("agent.id_number", "代理人证件号码", "text", false);
  b += input("agent.authorisation", "授权委托书编号或说明", "text", false);
  b += "</fieldset><fieldset><legend>上传材料（PDF、JPG或PNG，每个不超过5MB）</legend>";
  for (const auto& [key, label] : {std::pair{"id_copy", "身份证明复印件"},
                                   std::pair{"authorisation", "授权委托书（委托代理时）"}}) {
    b += std::string("<label for=\"") + key + "\">" + label + "</label><input id=\"" + key +
         "\" name=\"" + key +
         "\" type=\"file\" accept=\".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png\"" +
         described(key) + ">" + err_for(key);
  }
  b += "</fieldset><button type=\"submit\">提交申请</button></form>";
  return Page("申请公开", b);
}

void ApplyPage(ServerState& st, const httplib::Request&, httplib::Response& res) {
  res.set_content(ApplyForm(st, {}, std::nullopt), "text/html; charset=utf-8");
}

void ApplySubmit(ServerState& st, const httplib::Request& req, httplib::Response& res) {
  app::ApplicationFields fields;
  std::vector<app::Upload> uploads;
  for (const auto& [k, v] : req.params) fields[k] = v;
  if (req.is_multipart_form_data()) ReadMultipart(req, fields, uploads);
  if (!req.is_multipart_form_data() && req.body.size() > kMaxBody) {
    res.status = 413;
    res.set_content(ApplyForm(st, {}, app::FieldError{"description", "申请内容过长"}),
                    "text/html; charset=utf-8");
    return;
  }
  Result<app::SubmitOutcome> r = [&] {
    auto db = st.Db();
    return app::SubmitApplication(*db, st.calendar, fields, Now(st), uploads);
  }();
  if (!r.ok()) {
    res.status = 500;
    res.set_content(Page("暂时无法受理",
                         "<h1>暂时无法受理</"
                         "h1><p>服务器暂时无法受理申请，您填写的内容没有提交，请稍后重试。</p>"),
                    "text/html; charset=utf-8");
    return;
  }
  if (r->error) {
    res.status = 400;
    res.set_content(ApplyForm(st, fields, r->error), "text/html; charset=utf-8");
    return;
  }
  const app::Acknowledgement& a = *r->ack;
  std::string b = "<h1>申请已收到</h1><div class=\"ack\" role=\"status\">";
  b += "<p>" + EscapeHtml(a.agency_name) + "已于 " + a.received_on.ToString() +
       " 收到您的政府信息公开申请（《政府信息公开条例》第三十一条：通过互联网渠道提交的，以双方确认"
       "之日为收到申请之日，本回执即为确认）。</p>";
  b += "<dl><dt>申请编号</dt><dd class=\"code\">" + EscapeHtml(a.tracking_no) + "</dd>";
  b += "<dt>查询码</dt><dd class=\"code\">" + EscapeHtml(a.query_code) + "</dd>";
  b += "<dt>答复期限</dt><dd>" + a.due_on.ToString() +
       (a.provisional ? "（暂按周末计算，节假日安排公布后重新计算）" : "") + "</dd></dl>";
  b += "<p><strong>请妥善保存申请编号和查询码</strong>，凭它们在<a "
       "href=\"/track\">申请查询</a>页面查看办理进度和答复。查询码只显示这一次。</p></div>";
  b += "<h2>答复期限如何计算</h2><pre>" + EscapeHtml(a.due_working) + "</pre>";
  res.status = 201;
  res.set_content(Page("申请已收到", b), "text/html; charset=utf-8");
}

std::string TrackForm(const std::string& tracking_no, const std::string& error) {
  std::string b = "<h1>申请办理进度查询</h1>";
  if (!error.empty()) b += "<p class=\"err\" role=\"alert\">" + EscapeHtml(error) + "</p>";
  b += "<form method=\"post\" action=\"/track\"><label for=\"tracking_no\">申请编号</label>"
       "<input id=\"tracking_no\" name=\"tracking_no\" required autocomplete=\"off\" value=\"" +
       EscapeHtml(tracking_no) +
       "\">"
       "<label for=\"query_code\">查询码</label><input id=\"query_code\" name=\"query_code\" "
       "type=\"password\" required autocomplete=\"off\">"
       "<button type=\"submit\">查询</button></form>";
  return b;
}

void TrackPage(ServerState&, const httplib::Request&, httplib::Response& res) {
  res.set_content(Page("查询申请", TrackForm("", "")), "text/html; charset=utf-8");
}

void TrackSubmit(ServerState& st, const httplib::Request& req, httplib::Response& res) {
  const std::string tn = req.get_param_value("tracking_no");
  const std::string code = req.get_param_value("query_code");
  if (tn.empty() || code.empty() || tn.size() > 64 || code.size() > 64) {
    res.status = 400;
    res.set_content(Page("查询申请", TrackForm(tn.substr(0, 64), "请填写申请编号和查询码")),
                    "text/html; charset=utf-8");
    return;
  }
  auto v = Lookup(st, req, tn, code);
  if (!v.ok()) {
    const bool limited = v.status().code() == StatusCode::kRateLimited;
    const bool missing = v.status().code() == StatusCode::kNotFound;
    res.status = limited ? 429 : missing ? 404 : 500;
    res.set_content(
        Page("查询申请", TrackForm(tn, limited || missing ? v.status().message()
                                                          : "服务器暂时无法查询，请稍后重试")),
        "text/html; charset=utf-8");
    return;
  }
  std::string b = "<h1>申请 " + EscapeHtml(v->tracking_no) + " 的办理进度</h1>";
  b += "<dl><dt>受理机关</dt><dd>" + EscapeHtml(v->agency_name) + "</dd><dt>当前状态</dt><dd>" +
       EscapeHtml(v->status_label) + "</dd><dt>收到申请日期</dt><dd>" + EscapeHtml(v->received_on) +
       "</dd>";
  if (!v->due_on.empty()) b += "<dt>答复期限</dt><dd>" + EscapeHtml(v->due_on) + "</dd>";
  b += "</dl><h2>办理过程</h2><table><thead><tr><th scope=\"col\">日期</th><th "
       "scope=\"col\">事项</th><th scope=\"col\">说明</th></tr></thead><tbody>";
  for (const auto& e : v->events) {
    b += "<tr><td>" + EscapeHtml(e.date) + "</td><td>" + EscapeHtml(e.label) + "</td><td>" +
         EscapeHtml(e.note) + "</td></tr>";
  }
  b += "</tbody></table>";
  if (!v->documents.empty()) {
    b += "<h2>文书</h2><ul>";
    for (const auto& d : v->documents) {
      b += "<li>" + EscapeHtml(d.title) + "（" + EscapeHtml(d.date) + "）";
      for (const char* f : {"pdf", "docx"}) {
        b += " <form method=\"post\" action=\"/track/document\" style=\"display:inline\">"
             "<input type=\"hidden\" name=\"tracking_no\" value=\"" +
             EscapeHtml(v->tracking_no) +
             "\">"
             "<input type=\"hidden\" name=\"query_code\" value=\"" +
             EscapeHtml(code) +
             "\">"
             "<input type=\"hidden\" name=\"seq\" value=\"" +
             std::to_string(d.seq) +
             "\">"
             "<input type=\"hidden\" name=\"format\" value=\"" +
             f +
             "\">"
             "<button type=\"submit\">下载 " +
             (std::string(f) == "pdf" ? "PDF" : "Word") + "</button></form>";
      }
      b += "</li>";
    }
    b += "</ul>";
  }
  if (v->awaiting_correction) {
    // The code goes in a hidden field of a POST form, never in a URL.
    b += "<h2>在线补正</h2><form method=\"post\" action=\"/track/correct\">"
         "<input type=\"hidden\" name=\"tracking_no\" value=\"" +
         EscapeHtml(v->tracking_no) +
         "\">"
         "<input type=\"hidden\" name=\"query_code\" value=\"" +
         EscapeHtml(code) +
         "\">"
         "<label for=\"summary\">补正内容（按补正告知书的要求说明或补充）</label>"
         "<textarea id=\"summary\" name=\"summary\" rows=\"6\" maxlength=\"5000\" "
         "required></textarea>"
         "<label for=\"late_reason\">逾期补正的正当理由（如超过补正期限）</label>"
         "<input id=\"late_reason\" name=\"late_reason\">"
         "<button type=\"submit\">提交补正</button></form>";
  }
  res.set_content(Page("办理进度", b), "text/html; charset=utf-8");
}

void CorrectSubmit(ServerState& st, const httplib::Request& req, httplib::Response& res) {
  const std::string tn = req.get_param_value("tracking_no");
  const std::string code = req.get_param_value("query_code");
  app::CorrectionInput in{req.get_param_value("summary"), req.get_param_value("late_reason")};
  if (tn.empty() || code.empty() || tn.size() > 64 || code.size() > 64 ||
      in.summary.size() > 20000) {
    res.status = 400;
    res.set_content(
        Page("查询申请", TrackForm(tn.substr(0, 64), "请求不完整，请重新查询后再提交补正")),
        "text/html; charset=utf-8");
    return;
  }
  Result<app::PublicCaseView> v = [&] {
    auto db = st.Db();
    return app::SubmitCorrection(*db, st.calendar, tn, code, in, {req.remote_addr, UnixNow()},
                                 Now(st));
  }();
  if (!v.ok()) {
    const StatusCode c = v.status().code();
    res.status = c == StatusCode::kRateLimited                                     ? 429
                 : c == StatusCode::kNotFound                                      ? 404
                 : c == StatusCode::kInvalidArgument || c == StatusCode::kConflict ? 400
                                                                                   : 500;
    res.set_content(
        Page("在线补正", TrackForm(tn, res.status == 500 ? "服务器暂时无法处理，请稍后重试"
                                                         : "补正未提交：" + v.status().message())),
        "text/html; charset=utf-8");
    return;
  }
  std::string b =
      "<h1>补正已收到</h1><p role=\"status\">申请 " + EscapeHtml(v->tracking_no) +
      " 的补正已于今日收到。依照《政府信息公开条例》第三十条，答复期限自收到补正之日起重新计算，"
      "新的答复期限为 " +
      EscapeHtml(v->due_on) + "。</p><p><a href=\"/track\">返回查询</a></p>";
  res.status = 201;
  res.set_content(Page("补正已收到", b), "text/html; charset=utf-8");
}

}  // namespace

void RegisterPublicApplicationRoutes(httplib::Server& svr, ServerState& st) {
  svr.Post("/api/v1/applications",
           [&st](const httplib::Request& req, httplib::Response& res) { ApiSubmit(st, req, res); });
  svr.Get(R"(/api/v1/applications/([A-Za-z0-9-]{1,64}))",
          [&st](const httplib::Request& req, httplib::Response& res) { ApiLookup(st, req, res); });
  svr.Get("/apply",
          [&st](const httplib::Request& req, httplib::Response& res) { ApplyPage(st, req, res); });
  svr.Post("/apply", [&st](const httplib::Request& req, httplib::Response& res) {
    ApplySubmit(st, req, res);
  });
  svr.Get("/track",
          [&st](const httplib::Request& req, httplib::Response& res) { TrackPage(st, req, res); });
  svr.Post("/track", [&st](const httplib::Request& req, httplib::Response& res) {
    TrackSubmit(st, req, res);
  });
  svr.Post("/track/document", [&st](const httplib::Request& req, httplib::Response& res) {
    SendLetter(st, req, res, req.get_param_value("tracking_no").substr(0, 64),
               req.get_param_value("query_code").substr(0, 64), req.get_param_value("seq"),
               req.get_param_value("format"), false);
  });
  svr.Get(R"(/api/v1/applications/([A-Za-z0-9-]{1,64})/documents/([0-9]{1,6})\.(pdf|docx))",
          [&st](const httplib::Request& req, httplib::Response& res) {
            SendLetter(st, req, res, req.matches[1],
                       req.get_param_value("query_code").substr(0, 64), req.matches[2],
                       req.matches[3], true);
          });
  svr.Post("/track/correct", [&st](const httplib::Request& req, httplib::Response& res) {
    CorrectSubmit(st, req, res);
  });
}

}  // namespace gk::web
