#include "web/catalog_admin.h"

#include "app/clock.h"
#include "app/records.h"
#include "catalog/record.h"
#include "catalog/timeliness.h"
#include "web/html.h"
#include "web/page.h"
#include "web/record_parts_routes.h"
#include "web/staff_session.h"

namespace gk::web {
namespace {

using catalog::Record;
using catalog::RecordStatus;

void Html(httplib::Response& res, const std::string& page) {
  res.set_content(page, "text/html; charset=utf-8");
}

void Denied(const app::Session& s, httplib::Response& res) {
  res.status = 403;
  Html(res,
       AdminPage(
           s, "无权访问",
           "<h1>无权访问</h1><p>主动公开信息由本机关的信息编辑、审核人员和机构负责人管理。</p>"));
}

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

// Reads the record fields of the draft form into `r`.
std::optional<catalog::FieldError> ReadForm(const httplib::Request& req, Record& r) {
  auto text = [&](const char* k) { return req.get_param_value(k); };
  r.title = text("title");
  r.publisher = text("publisher");
  r.category = text("category");
  r.doc_no = text("doc_no");
  r.body = text("body");
  r.classifications = {text("topic"), text("genre"), text("audience")};
  auto doc_type = catalog::ParseDocType(text("doc_type"));
  r.doc_type = doc_type.value_or(catalog::DocType::kOther);
  struct DateField {
    const char* key;
    const char* label;
    std::optional<Date>* out;
  };
  for (const DateField& f :
       {DateField{"formed_on", "成文日期", &r.formed_on},
        DateField{"published_on", "发布日期", &r.published_on},
        DateField{"validity_changed_on", "有效性变更日期", &r.validity_changed_on}}) {
    const std::string v = text(f.key);
    if (v.empty()) {
      f.out->reset();
      continue;
    }
    auto d = Date::Parse(v);
    if (!d.ok())
      return catalog::FieldError{
          f.key, std::string(f.key) + "（" + f.label + "）：日期格式不正确，应为 年-月-日"};
    *f.out = *d;
  }
  const std::string validity = text("validity");
  r.validity = validity.empty() ? std::nullopt : catalog::ParseValidity(validity);
  if (!validity.empty() && !r.validity)
    return catalog::FieldError{"validity", "validity（有效性）：应为 有效、失效 或 废止"};
  const std::string item = text("art20_item");
  r.art20_item.reset();
  if (!item.empty()) {
    if (item.size() > 2 || item.find_first_not_of("0123456789") != std::string::npos)
      return catalog::FieldError{"art20_item", "art20_item（条例第二十条事项）：应为 1 至 15"};
    r.art20_item = std::stoi(item);
  }
  r.pinned = text("pinned") == "1";
  const std::string order = text("pin_order");
  r.pin_order = 0;
  if (!order.empty()) {
    if (order.size() > 4 || order.find_first_not_of("0123456789") != std::string::npos)
      return catalog::FieldError{"pin_order", "pin_order（置顶顺序）：应为 0 至 9999 的整数"};
    r.pin_order = std::stoi(order);
  }
  return std::nullopt;
}

std::string Field(const char* key, const char* label, const std::string& value,
                  const char* extra = "") {
  return "<label for=\"" + std::string(key) + "\">" + label + "</label><input id=\"" + key +
         "\" name=\"" + key + "\" value=\"" + EscapeHtml(value) + "\"" + extra + ">";
}

std::string RecordForm(const app::Session& s, const Record& r, const std::string& action,
                       int64_t revision, bool creating) {
  std::string b = "<form method=\"post\" action=\"" + EscapeHtml(action) + "\">" + CsrfField(s);
  if (revision > 0)
    b += "<input type=\"hidden\" name=\"revision\" value=\"" + std::to_string(revision) + "\">";
  if (creating)
    b += Field("index_no", "索引号（留空则自动生成：机构代码/年份-序号）", r.index_no,
               " maxlength=\"64\"");
  b += Field("title", "标题（必填）", r.title, " required maxlength=\"500\" size=\"60\"");
  b += Field("publisher", "发布机构（必填）", r.publisher,
             " required maxlength=\"200\" size=\"40\"");
  b += Field("category", "目录分类（必填）", r.category, " required maxlength=\"50\"");
  b += Field("doc_no", "文号", r.doc_no, " maxlength=\"100\"");
  b += "<label for=\"doc_type\">文件类型</label><select id=\"doc_type\" name=\"doc_type\">";
  for (auto t : {catalog::DocType::kOther, catalog::DocType::kNormative, catalog::DocType::kRule}) {
    const std::string l(catalog::DocTypeLabel(t));
    b += "<option" + std::string(r.doc_type == t ? " selected" : "") + ">" + l + "</option>";
  }
  b += "</select>";
  b += Field("formed_on", "成文日期", DateText(r.formed_on), " type=\"date\"");
  b += Field("published_on", "发布日期（留空则为发布当日）", DateText(r.published_on),
             " type=\"date\"");
  b += "<label for=\"validity\">有效性（规章、规范性文件）</label><select id=\"validity\" "
       "name=\"validity\"><option value=\"\">不适用</option>";
  for (auto v :
       {catalog::Validity::kInForce, catalog::Validity::kExpired, catalog::Validity::kRepealed}) {
    const std::string l(catalog::ValidityLabel(v));
    b += "<option" + std::string(r.validity == v ? " selected" : "") + ">" + l + "</option>";
  }
  b += "</select>";
  b += Field("validity_changed_on", "有效性变更日期", DateText(r.validity_changed_on),
             " type=\"date\"");
  b += Field("topic", "主题分类", r.classifications.topic, " maxlength=\"50\"");
  b += Field("genre", "体裁分类", r.classifications.genre, " maxlength=\"50\"");
  b += Field("audience", "服务对象分类", r.classifications.audience, " maxlength=\"50\"");
  b += "<label for=\"art20_item\">条例第二十条事项</label><select id=\"art20_item\" "
       "name=\"art20_item\"><option value=\"\">无</option>";
  for (int i = 1; i <= catalog::kArt20Items; ++i)
    b += "<option value=\"" + std::to_string(i) + "\"" + (r.art20_item == i ? " selected" : "") +
         ">（" + std::to_string(i) + "）" + std::string(catalog::Art20ItemLabel(i)) + "</option>";
  b += "</select>";
  b += "<label><input type=\"checkbox\" name=\"pinned\" value=\"1\"" +
       std::string(r.pinned ? " checked" : "") + "> 置顶</label>";
  b += Field("pin_order", "置顶顺序（数字小者在前）", std::to_string(r.pin_order),
             " inputmode=\"numeric\" size=\"6\"");
  b += "<label for=\"body\">正文</label><textarea id=\"body\" name=\"body\" rows=\"12\">" +
       EscapeHtml(r.body) + "</textarea>";
  b += "<button type=\"submit\">保存草稿</button></form>";
  return b;
}

Result<std::optional<store::AgencyRow>> Agency(ServerState& st, const std::string& id) {
  auto db = st.Db();
  return db->GetAgency(id);
}

void List(ServerState& st, const app::Session& s, const httplib::Request& req,
          httplib::Response& res) {
  auto actor = CatalogActor(s);
  if (!actor) return Denied(s, res);
  auto status = catalog::ParseStatus(req.get_param_value("status"));
  const RecordStatus shown = status.value_or(RecordStatus::kDraft);
  store::RecordQuery q;
  q.agency_id = actor->agency_id;
  q.status = shown;
  q.order = store::RecordOrder::kNewest;
  q.limit = 200;
  Result<store::RecordPage> page = [&] {
    auto db = st.Db();
    return db->records().SearchRecords(q);
  }();
  std::string b = "<h1>主动公开信息</h1><p><a href=\"/admin/records/new\">起草新信息</a></p>";
  b += "<nav aria-label=\"状态\"><ul>";
  for (auto st_ : {RecordStatus::kDraft, RecordStatus::kInReview, RecordStatus::kPublished,
                   RecordStatus::kWithdrawn}) {
    const std::string label(catalog::StatusLabel(st_));
    b += "<li>" +
         std::string(st_ == shown
                         ? "<strong aria-current=\"page\">" + label + "</strong>"
                         : "<a href=\"/admin/records?status=" +
                               std::string(catalog::StatusKey(st_)) + "\">" + label + "</a>") +
         "</li>";
  }
  b += "</ul></nav>";
  if (!page.ok()) {
    b += "<p class=\"err\">暂时无法读取。</p>";
  } else if (page->items.empty()) {
    b += "<p>没有" + std::string(catalog::StatusLabel(shown)) + "的信息。</p>";
  } else {
    b += "<table><caption>" + std::string(catalog::StatusLabel(shown)) + "（" +
         std::to_string(page->total) +
         " 条）</caption><thead><tr><th scope=\"col\">索引号</th><th scope=\"col\">标题</th>"
         "<th scope=\"col\">成文日期</th><th scope=\"col\">发布日期</th><th scope=\"col\">时效"
         "（条例第二十六条）</th></tr></thead><tbody>";
    law::Calendar cal;
    {
      auto db = st.Db();
      cal = st.calendar;
    }
    for (const auto& h : page->items) {
      const Record& r = h.record;
      auto t = catalog::Art26Timeliness(cal, r.formed_on, r.published_on);
      std::string flag = !t        ? ""
                         : t->late ? "逾期发布（应于 " + t->due.ToString() + " 前）"
                                   : "按时";
      b += "<tr><td>" + EscapeHtml(r.index_no) + "</td><td><a href=\"/admin/records/" +
           std::to_string(r.id) + "\">" + EscapeHtml(r.title) + "</a></td><td>" +
           DateText(r.formed_on) + "</td><td>" + DateText(r.published_on) + "</td><td>" + flag +
           "</td></tr>";
    }
    b += "</tbody></table>";
  }
  Html(res, AdminPage(s, "主动公开信息", b));
}

void NewForm(ServerState& st, const app::Session& s, httplib::Response& res) {
  auto actor = CatalogActor(s);
  if (!actor) return Denied(s, res);
  Record r;
  auto a = Agency(st, actor->agency_id);
  if (a.ok() && a->has_value()) r.publisher = (*a)->name;
  Html(res, AdminPage(s, "起草新信息",
                      "<h1>起草新信息</h1>" + RecordForm(s, r, "/admin/records", 0, true)));
}

void Create(ServerState& st, const app::Session& s, const httplib::Request& req,
            httplib::Response& res) {
  auto actor = CatalogActor(s);
  if (!actor) return Denied(s, res);
  Record r;
  r.index_no = req.get_param_value("index_no");
  std::string error;
  if (auto e = ReadForm(req, r)) error = e->message;
  if (error.empty()) {
    Result<int64_t> id = [&] {
      auto db = st.Db();
      return app::CreateDraft(*db, *actor, r, app::TodayInShanghai(), app::NowUtcIso());
    }();
    if (id.ok()) return res.set_redirect("/admin/records/" + std::to_string(*id), 303);
    error = id.status().code() == StatusCode::kConflict ? "索引号已被本机关其他信息使用"
                                                        : id.status().message();
  }
  res.status = 400;
  Html(res, AdminPage(s, "起草新信息",
                      "<h1>起草新信息</h1><p class=\"err\" role=\"alert\">" + EscapeHtml(error) +
                          "</p>" + RecordForm(s, r, "/admin/records", 0, true)));
}

std::optional<int64_t> ParseId(const std::string& s) {
  if (s.empty() || s.size() > 12 || s.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(s);
}

void Show(ServerState& st, const app::Session& s, const std::string& id_text,
          httplib::Response& res, const std::string& error = "") {
  auto actor = CatalogActor(s);
  if (!actor) return Denied(s, res);
  auto id = ParseId(id_text);
  Result<std::optional<store::StoredRecord>> got = Status::NotFound("");
  Result<std::vector<store::RecordRevision>> revs = std::vector<store::RecordRevision>{};
  std::string parts;
  if (id) {
    auto db = st.Db();
    got = db->records().GetRecord(*id);
    revs = db->records().RecordRevisions(*id);
    if (got.ok() && got->has_value() && (*got)->record.agency_id == actor->agency_id)
      parts = AdminRecordPartsSection(*db, s, **got,
                                      (*got)->record.status == RecordStatus::kDraft);
  }
  if (!got.ok() || !got->has_value() || (*got)->record.agency_id != actor->agency_id) {
    res.status = 404;
    return Html(res, AdminPage(s, "没有这条信息",
                               "<h1>没有这条信息</h1><p><a href=\"/admin/records\">返回</a></p>"));
  }
  const store::StoredRecord& sr = **got;
  const Record& r = sr.record;
  const std::string base = "/admin/records/" + std::to_string(r.id);
  const std::string rev =
      "<input type=\"hidden\" name=\"revision\" value=\"" + std::to_string(sr.revision) + "\">";
  std::string b = "<h1>" + EscapeHtml(r.title) + "</h1>";
  if (!error.empty()) b += "<p class=\"err\" role=\"alert\">" + EscapeHtml(error) + "</p>";
  b += "<dl><dt>索引号</dt><dd>" + EscapeHtml(r.index_no) + "</dd><dt>状态</dt><dd>" +
       std::string(catalog::StatusLabel(r.status)) + "</dd><dt>版本</dt><dd>" +
       std::to_string(sr.revision) + "</dd></dl>";
  if (r.status == RecordStatus::kPublished)
    b += "<p><a href=\"/records/" + std::to_string(r.id) + "\">查看公开页面</a></p>";
  const bool reviewer = actor->role == "reviewer" || actor->role == "agency_admin";
  if (r.status == RecordStatus::kDraft) {
    b += "<h2>修改草稿</h2>" + RecordForm(s, r, base + "/edit", sr.revision, false);
    b += "<h2>送审</h2><form method=\"post\" action=\"" + base + "/actions\">" + CsrfField(s) + rev +
         "<input type=\"hidden\" name=\"action\" value=\"submit\"><button type=\"submit\">"
         "送保密审查</button></form>";
  } else if (r.status == RecordStatus::kInReview && reviewer) {
    b += "<h2>保密审查</h2><form method=\"post\" action=\"" + base + "/actions\">" + CsrfField(s) + rev +
         "<fieldset><legend>审查清单（逐项确认后方可发布）</legend>";
    for (const auto& item : app::ReviewChecklist())
      b += "<label><input type=\"checkbox\" name=\"check\" value=\"" + std::string(item.key) +
           "\"> " + std::string(item.label) + "</label>";
    b += "</fieldset><label for=\"note\">审查意见（退回时必填）</label><textarea id=\"note\" "
         "name=\"note\" rows=\"3\"></textarea>"
         "<button type=\"submit\" name=\"action\" value=\"approve\">同意公开并发布</button> "
         "<button type=\"submit\" name=\"action\" value=\"reject\">退回修改</button></form>";
  } else if (r.status == RecordStatus::kPublished && reviewer) {
    // A 规范性文件 that is repealed or expires stays published with its new validity.
    b += "<h2>变更有效性</h2><form method=\"post\" action=\"" + base + "/validity\">" + CsrfField(s) +
         rev + "<label for=\"validity\">有效性</label><select id=\"validity\" name=\"validity\">";
    for (auto v :
         {catalog::Validity::kInForce, catalog::Validity::kExpired, catalog::Validity::kRepealed}) {
      const std::string l(catalog::ValidityLabel(v));
      b += "<option" + std::string(r.validity == v ? " selected" : "") + ">" + l + "</option>";
    }
    b += "</select><label for=\"changed_on\">变更日期</label><input id=\"changed_on\" "
         "name=\"changed_on\" type=\"date\" required value=\"" +
         app::TodayInShanghai().ToString() +
         "\"><label for=\"validity_note\">说明</label><textarea id=\"validity_note\" "
         "name=\"note\" rows=\"2\"></textarea><button type=\"submit\">变更有效性</button></form>";
    b += "<h2>撤回</h2><form method=\"post\" action=\"" + base + "/actions\">" + CsrfField(s) + rev +
         "<input type=\"hidden\" name=\"action\" value=\"withdraw\"><label for=\"note\">撤回理由"
         "（必填）</label><textarea id=\"note\" name=\"note\" rows=\"3\" required></textarea>"
         "<button type=\"submit\">撤回</button></form>";
  }
  b += parts;
  b += "<h2>修订记录</h2>";
  if (revs.ok()) {
    b += "<table><caption>每次修改都保留</caption><thead><tr><th scope=\"col\">版本</th><th "
         "scope=\"col\">时间</th>"
         "<th scope=\"col\">人员</th><th scope=\"col\">操作</th><th "
         "scope=\"col\">说明</th></tr></thead><tbody>";
    for (const auto& v : *revs)
      b += "<tr><td>" + std::to_string(v.revision) + "</td><td>" + EscapeHtml(v.recorded_at) +
           "</td><td>" + EscapeHtml(v.actor) + "</td><td>" + EscapeHtml(v.action) +
           "</td><td><pre>" + EscapeHtml(v.note) + "</pre></td></tr>";
    b += "</tbody></table>";
  }
  b += "<p><a href=\"/admin/records\">返回列表</a></p>";
  Html(res, AdminPage(s, r.title, b));
}

std::optional<int64_t> Revision(const httplib::Request& req) {
  return ParseId(req.get_param_value("revision"));
}

void Edit(ServerState& st, const app::Session& s, const httplib::Request& req,
          httplib::Response& res, const std::string& id_text) {
  auto actor = CatalogActor(s);
  if (!actor) return Denied(s, res);
  auto id = ParseId(id_text);
  auto rev = Revision(req);
  if (!id || !rev) {
    res.status = 400;
    return Show(st, s, id_text, res, "请求缺少版本号，请刷新页面后重试");
  }
  Record r;
  r.id = *id;
  Status status = Status::Ok();
  if (auto e = ReadForm(req, r)) {
    status = Status::Invalid(e->message);
  } else {
    auto db = st.Db();
    status = app::EditDraft(*db, *actor, r, *rev, app::NowUtcIso());
  }
  if (status.ok()) return res.set_redirect("/admin/records/" + std::to_string(*id), 303);
  res.status = status.code() == StatusCode::kNotFound   ? 404
               : status.code() == StatusCode::kConflict ? 409
                                                        : 400;
  Show(st, s, id_text, res,
       status.code() == StatusCode::kConflict ? "该信息已被他人修改，请刷新后重试"
                                              : status.message());
}

void SetValidity(ServerState& st, const app::Session& s, const httplib::Request& req,
                 httplib::Response& res, const std::string& id_text) {
  auto actor = CatalogActor(s);
  if (!actor) return Denied(s, res);
  auto id = ParseId(id_text);
  auto rev = Revision(req);
  auto validity = catalog::ParseValidity(req.get_param_value("validity"));
  auto changed_on = Date::Parse(req.get_param_value("changed_on"));
  Status status = Status::Ok();
  if (!id || !rev) {
    status = Status::Invalid("请求不完整，请刷新页面后重试");
  } else if (!validity) {
    status = Status::Invalid("validity（有效性）：应为 有效、失效 或 废止");
  } else if (!changed_on.ok()) {
    status = Status::Invalid("changed_on（变更日期）：日期格式不正确，应为 年-月-日");
  } else {
    auto db = st.Db();
    status = app::ChangeValidity(*db, *actor, *id, *rev, *validity, *changed_on,
                                 req.get_param_value("note"), app::NowUtcIso());
  }
  if (status.ok()) return res.set_redirect("/admin/records/" + std::to_string(*id), 303);
  res.status = status.code() == StatusCode::kNotFound   ? 404
               : status.code() == StatusCode::kConflict ? 409
                                                        : 400;
  Show(st, s, id_text, res,
       status.code() == StatusCode::kConflict ? "该信息已被他人修改，请刷新后重试"
                                              : status.message());
}

void Act(ServerState& st, const app::Session& s, const httplib::Request& req,
         httplib::Response& res, const std::string& id_text) {
  auto actor = CatalogActor(s);
  if (!actor) return Denied(s, res);
  auto id = ParseId(id_text);
  auto rev = Revision(req);
  const std::string a = req.get_param_value("action");
  std::optional<app::RecordAction> action;
  for (auto x : {app::RecordAction::kSubmit, app::RecordAction::kApprove,
                 app::RecordAction::kReject, app::RecordAction::kWithdraw})
    if (app::ActionKey(x) == a) action = x;
  if (!id || !rev || !action) {
    res.status = 400;
    return Show(st, s, id_text, res, "请求不完整，请刷新页面后重试");
  }
  std::vector<std::string> checks;
  for (size_t i = 0; i < req.get_param_value_count("check"); ++i)
    checks.push_back(req.get_param_value("check", i));
  Status status = [&] {
    auto db = st.Db();
    return app::ApplyAction(*db, *actor, *id, *rev, *action, req.get_param_value("note"),
                            checks, app::TodayInShanghai(), app::NowUtcIso());
  }();
  if (status.ok()) return res.set_redirect("/admin/records/" + std::to_string(*id), 303);
  res.status = status.code() == StatusCode::kNotFound   ? 404
               : status.code() == StatusCode::kConflict ? 409
                                                        : 400;
  Show(st, s, id_text, res,
       status.code() == StatusCode::kConflict ? "该信息已被他人修改，请刷新后重试"
                                              : status.message());
}

}  // namespace

std::optional<app::Actor> CatalogActor(const app::Session& s) {
  if (!s.user.agency_id) return std::nullopt;
  const auto role = s.user.role;
  if (role != auth::Role::kEditor && role != auth::Role::kReviewer &&
      role != auth::Role::kAgencyAdmin)
    return std::nullopt;
  return app::Actor{s.user.username, std::string(auth::Key(role)), *s.user.agency_id};
}

void ShowAdminRecord(ServerState& st, const app::Session& s, const std::string& id_text,
                     httplib::Response& res, const std::string& error) {
  Show(st, s, id_text, res, error);
}

void RegisterCatalogAdminRoutes(httplib::Server& svr, ServerState& st) {
  svr.Get("/admin/records",
          WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                     httplib::Response& res) { List(st, s, req, res); }));
  svr.Get("/admin/records/new",
          WithSession(st, [&st](const app::Session& s, const httplib::Request&,
                                     httplib::Response& res) { NewForm(st, s, res); }));
  svr.Post("/admin/records",
           WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                      httplib::Response& res) { Create(st, s, req, res); }));
  svr.Get(
      R"(/admin/records/([0-9]{1,12}))",
      WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                 httplib::Response& res) { Show(st, s, req.matches[1], res); }));
  svr.Post(R"(/admin/records/([0-9]{1,12})/edit)",
           WithSession(
               st, [&st](const app::Session& s, const httplib::Request& req,
                         httplib::Response& res) { Edit(st, s, req, res, req.matches[1]); }));
  svr.Post(R"(/admin/records/([0-9]{1,12})/validity)",
           WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                      httplib::Response& res) {
             SetValidity(st, s, req, res, req.matches[1]);
           }));
  svr.Post(R"(/admin/records/([0-9]{1,12})/actions)",
           WithSession(
               st, [&st](const app::Session& s, const httplib::Request& req,
                         httplib::Response& res) { Act(st, s, req, res, req.matches[1]); }));
  RegisterRecordPartsRoutes(svr, st);
}

}  // namespace gk::web
