#include "web/staff_session.h"

#include <chrono>

#include "app/clock.h"
#include "core/hash.h"
#include "web/html.h"

namespace gk::web {

int64_t UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string CookieToken(const httplib::Request& req) {
  const std::string h = req.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < h.size()) {
    size_t end = h.find(';', pos);
    if (end == std::string::npos) end = h.size();
    std::string_view part(h.data() + pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.substr(0, kCookie.size() + 1) == std::string(kCookie) + "=") {
      return std::string(part.substr(kCookie.size() + 1));
    }
    pos = end + 1;
  }
  return "";
}

std::optional<app::Session> CurrentSession(ServerState& st, const httplib::Request& req) {
  const std::string token = CookieToken(req);
  if (token.empty()) return std::nullopt;
  auto db = st.Db();
  auto s = app::FindSession(*db, token, UnixNow());
  if (!s.ok()) return std::nullopt;
  return *s;
}

bool WantsJson(const httplib::Request& req) {
  return req.path.rfind("/admin/api/", 0) == 0 ||
         req.get_header_value("Accept").find("application/json") != std::string::npos;
}

bool IsWrite(const httplib::Request& req) {
  return req.method == "POST" || req.method == "PUT" || req.method == "PATCH" ||
         req.method == "DELETE";
}

void Forbidden(const httplib::Request& req, httplib::Response& res, std::string_view why) {
  if (WantsJson(req)) return JsonError(res, 403, "forbidden", why);
  res.status = 403;
  res.set_content(Page("无权访问", "<h1>无权访问</h1><p>" + EscapeHtml(why) + "</p>"),
                  "text/html; charset=utf-8");
}

bool CsrfOk(const app::Session& s, const httplib::Request& req) {
  std::string token = req.get_header_value("X-CSRF-Token");
  if (token.empty()) token = req.get_param_value("csrf");
  if (token.empty() && req.has_file("csrf")) token = req.get_file_value("csrf").content;  // multipart
  return !token.empty() && ConstantTimeEquals(token, s.csrf);
}

bool InScope(store::Store& db, const app::Session& s, std::string_view agency_id) {
  auto all = db.ListAgencies();
  return all.ok() && app::CanSeeAgency(*all, s.user, agency_id);
}

std::string AdminPage(const app::Session& s, std::string_view title, std::string_view body) {
  std::string b = "<p>" + EscapeHtml(s.user.username) + "（" +
                  std::string(auth::Label(s.user.role)) + "） · <a href=\"/admin\">待办案件</a> · <a href=\"/admin/reports\">年度报告</a>"
                  " · <a href=\"/admin/account\">我的账号</a>";
  if (s.user.role == auth::Role::kSupervisor) {
    b += " · <a href=\"/admin/supervision\">监督</a>";
  }
  if (s.user.role == auth::Role::kEditor || s.user.role == auth::Role::kReviewer ||
      s.user.role == auth::Role::kAgencyAdmin) {
    b += " · <a href=\"/admin/records\">主动公开信息</a>";
  }
  if (s.user.role != auth::Role::kSysadmin) {
    b += " · <a href=\"/admin/interaction\">政民互动</a>";
  }
  if (s.user.role == auth::Role::kAgencyAdmin || s.user.role == auth::Role::kSysadmin) {
    b += " · <a href=\"/admin/users\">账号管理</a> · <a href=\"/admin/audit\">操作日志</a>";
  }
  b +=
      "</p><form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" value=\"" +
      EscapeHtml(s.csrf) + "\"><button type=\"submit\">退出登录</button></form>";
  b += body;
  return Page(title, b);
}


std::string CsrfField(const app::Session& s) {
  return "<input type=\"hidden\" name=\"csrf\" value=\"" + EscapeHtml(s.csrf) + "\">";
}

int HttpStatusOf(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kOutOfRange:
      return 400;
    case StatusCode::kForbidden:
      return 403;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kConflict:
    case StatusCode::kFailedPrecondition:
      return 409;
    case StatusCode::kUnreadable:
      return 422;
    case StatusCode::kRateLimited:
      return 429;
    default:
      return 500;
  }
}

void RecordAudit(ServerState& st, const std::string& username,
                 const std::optional<std::string>& agency_id, const httplib::Request& req,
                 std::string_view action, int status, std::string_view detail) {
  store::AuditRow row;
  row.at = app::NowUtcIso();
  row.username = username.substr(0, 64);
  row.agency_id = agency_id;
  row.address = req.remote_addr;
  row.action = std::string(action.substr(0, 300));
  row.status = status;
  row.detail = std::string(detail.substr(0, 500));
  auto db = st.Db();
  (void)db->AppendAudit(row);
}

}  // namespace gk::web
