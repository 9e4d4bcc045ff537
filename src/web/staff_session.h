// The staff session shared by every /admin handler: the session cookie, the
// CSRF check, the agency scope and the page frame with the staff menu.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/staff.h"
#include "web/page.h"
#include "web/state.h"

namespace gk::web {

inline constexpr std::string_view kCookie = "gk_session";

int64_t UnixNow();
// The session cookie's value, "" when absent.
std::string CookieToken(const httplib::Request& req);
// The signed-in user of the request (borrows a connection).
std::optional<app::Session> CurrentSession(ServerState& st, const httplib::Request& req);
// JSON answers for /admin/api/ and for requests that accept JSON.
bool WantsJson(const httplib::Request& req);
bool IsWrite(const httplib::Request& req);
// 403, as JSON or as a page.
void Forbidden(const httplib::Request& req, httplib::Response& res, std::string_view why);
// The CSRF token of a state-changing request: the X-CSRF-Token header, or the
// `csrf` form field (read once the body is in).
bool CsrfOk(const app::Session& s, const httplib::Request& req);
// Whether the signed-in user may see `agency_id` (on the request's connection).
bool InScope(store::Store& db, const app::Session& s, std::string_view agency_id);
// The hidden form field carrying the session's CSRF token.
std::string CsrfField(const app::Session& s);
// The HTTP status of a use case's refusal: 400 invalid input, 403 role,
// 404 not found, 409 conflict or a state that refuses it (e.g. a published
// year), 422 unreadable content, 429 too many attempts, else 500.
int HttpStatusOf(const Status& s);
// A back-office page: the user, the staff menu and sign-out around `body`.
std::string AdminPage(const app::Session& s, std::string_view title, std::string_view body);

// Appends a staff action to the audit log (who, when, what, from which
// address, the answer's status); never fails the request.
void RecordAudit(ServerState& st, const std::string& username,
                 const std::optional<std::string>& agency_id, const httplib::Request& req,
                 std::string_view action, int status, std::string_view detail = "");

// Runs `fn` with the request's session; sends the user to sign in otherwise.
// Every state-changing request is recorded in the audit log.
template <typename Fn>
httplib::Server::Handler WithSession(ServerState& st, Fn fn) {
  return [&st, fn](const httplib::Request& req, httplib::Response& res) {
    auto s = CurrentSession(st, req);
    if (!s) {
      if (WantsJson(req)) return JsonError(res, 401, "unauthorized", "请先登录");
      res.set_redirect("/login", 303);
      return;
    }
    if (IsWrite(req) && !CsrfOk(*s, req)) {
      Forbidden(req, res, "缺少或错误的安全令牌（CSRF），请刷新页面后重试");
      RecordAudit(st, s->user.username, s->user.agency_id, req, req.method + " " + req.path,
                  res.status, "csrf");
      return;
    }
    fn(*s, req, res);
    if (IsWrite(req)) {
      RecordAudit(st, s->user.username, s->user.agency_id, req, req.method + " " + req.path,
                  res.status == -1 ? 200 : res.status);
    }
  };
}


}  // namespace gk::web
