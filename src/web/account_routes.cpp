#include "web/account_routes.h"

#include "app/accounts.h"
#include "app/clock.h"
#include "auth/roles.h"
#include "auth/totp.h"
#include "web/html.h"
#include "web/page.h"
#include "web/staff_session.h"

namespace gk::web {
namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";

std::string E(std::string_view s) { return EscapeHtml(s); }
void Notice(std::string* b, const std::string& notice, bool error) {
  if (notice.empty()) return;
  *b += std::string(error ? "<p class=\"err\" role=\"alert\">" : "<p role=\"status\">") +
        E(notice) + "</p>";
}

// ---- the user's own account ----------------------------------------------------------

void AccountPage(ServerState& st, const app::Session& s, httplib::Response& res,
                 const std::string& notice, bool error) {
  std::optional<store::UserRow> user;
  {
    auto db = st.Db();
    if (auto u = db->GetUser(s.user.username); u.ok()) user = std::move(*u);
  }
  std::string b = "<h1>我的账号</h1>";
  Notice(&b, notice, error);
  b += "<p>用户名：" + E(s.user.username) + "；角色：" + std::string(auth::Label(s.user.role)) +
       "</p>";
  b += "<h2>修改密码</h2><form method=\"post\" action=\"/admin/account/password\">" + CsrfField(s) +
       "<label for=\"current\">当前密码</label><input id=\"current\" name=\"current\" "
       "type=\"password\" autocomplete=\"current-password\" required>"
       "<label for=\"new_password\">新密码</label><input id=\"new_password\" "
       "name=\"new_password\" type=\"password\" autocomplete=\"new-password\" required>"
       "<button type=\"submit\">修改密码</button></form>";
  b += "<h2>待办提醒</h2><p>填写电子邮箱后，每天会收到一封已超期和即将到期案件的提醒邮件（服务器已配置邮件服务时）。</p>"
       "<form method=\"post\" action=\"/admin/account/email\">" +
       CsrfField(s) + "<label for=\"email\">电子邮箱（留空则不发送）</label><input id=\"email\" "
       "name=\"email\" type=\"email\" autocomplete=\"email\" value=\"" +
       E(user ? user->email : "") + "\"><button type=\"submit\">保存</button></form>";
  b += "<h2>两步验证</h2>";
  if (user && !user->totp_secret.empty()) {
    b += "<p>已开启：登录时需填写手机验证器上的动态验证码。</p><form method=\"post\" "
         "action=\"/admin/account/totp/disable\">" +
         CsrfField(s) +
         "<label for=\"totp_password\">密码</label><input id=\"totp_password\" name=\"password\" "
         "type=\"password\" autocomplete=\"current-password\" required><button "
         "type=\"submit\">关闭两步验证</button></form>";
  } else {
    const std::string secret = auth::NewTotpSecret();
    b += "<p>在手机验证器（支持 TOTP 的应用）中添加账号，密钥为：<code>" + E(secret) +
         "</code>（或导入 <code>" + E(auth::TotpUri("公开", s.user.username, secret)) +
         "</code>），然后填写验证器显示的6位数字。</p><form method=\"post\" "
         "action=\"/admin/account/totp\">" +
         CsrfField(s) + "<input type=\"hidden\" name=\"secret\" value=\"" + E(secret) +
         "\"><label for=\"code\">动态验证码</label><input id=\"code\" name=\"code\" "
         "inputmode=\"numeric\" autocomplete=\"one-time-code\" maxlength=\"6\" required><button "
         "type=\"submit\">开启两步验证</button></form>";
  }
  res.set_content(AdminPage(s, "我的账号", b), kHtml);
}

void AccountPost(ServerState& st, const app::Session& s, const httplib::Request& req,
                 httplib::Response& res, std::string_view what) {
  Status r;
  std::string done;
  {
    auto db = st.Db();
    if (what == "password") {
      r = app::ChangeOwnPassword(*db, s, req.get_param_value("current"),
                                 req.get_param_value("new_password"));
      done = "密码已修改，其他设备上的登录已退出";
    } else if (what == "email") {
      const std::string email = req.get_param_value("email");
      r = !email.empty() && !app::PlausibleEmail(email)
              ? Status::Invalid("email：电子邮箱格式不正确")
              : db->SetUserEmail(s.user.username, email);
      done = email.empty() ? "已取消提醒邮件" : "提醒邮件将发送到 " + email;
    } else if (what == "totp") {
      r = app::EnableTotp(*db, s, req.get_param_value("secret"),
                          req.get_param_value("code"), UnixNow());
      done = "两步验证已开启";
    } else {
      r = app::DisableTotp(*db, s, req.get_param_value("password"));
      done = "两步验证已关闭";
    }
  }
  AccountPage(st, s, res, r.ok() ? done : r.message(), !r.ok());
  res.status = r.ok() ? 200 : HttpStatusOf(r);
}

// ---- the accounts an administrator manages ---------------------------------------------

std::string RoleOptions(const app::Session& s) {
  std::string out;
  for (auth::Role r : {auth::Role::kHandler, auth::Role::kEditor, auth::Role::kReviewer,
                       auth::Role::kAgencyAdmin, auth::Role::kSupervisor, auth::Role::kSysadmin}) {
    if (s.user.role != auth::Role::kSysadmin && !auth::NeedsAgency(r)) continue;
    out += "<option value=\"" + std::string(auth::Key(r)) + "\">" + std::string(auth::Label(r)) +
           "</option>";
  }
  return out;
}

void UsersPage(ServerState& st, const app::Session& s, const httplib::Request& req,
               httplib::Response& res, const std::string& notice, bool error) {
  Result<std::vector<store::UserRow>> users = [&] {
    auto db = st.Db();
    return app::ManagedUsers(*db, s.user);
  }();
  if (!users.ok()) return Forbidden(req, res, users.status().message());
  std::string b = "<h1>账号管理</h1>";
  Notice(&b, notice, error);
  b += "<table><caption>共 " + std::to_string(users->size()) +
       " 个账号</caption><thead><tr><th scope=\"col\">用户名</th><th scope=\"col\">角色</th>"
       "<th scope=\"col\">机关</th><th scope=\"col\">状态</th><th scope=\"col\">操作</th></tr>"
       "</thead><tbody>";
  for (const store::UserRow& u : *users) {
    const auto role = auth::RoleFromKey(u.role);
    const std::string base = "/admin/users/" + E(u.username);
    b += "<tr><td>" + E(u.username) + "</td><td>" +
         (role ? std::string(auth::Label(*role)) : E(u.role)) + "</td><td>" +
         E(u.agency_id.value_or("（全部）")) + "</td><td>" + (u.disabled ? "已停用" : "正常") +
         (u.totp_secret.empty() ? "" : "，两步验证") + "</td><td>";
    b += "<form method=\"post\" action=\"" + base + "/password\">" + CsrfField(s) +
         "<label for=\"pw-" + E(u.username) + "\">为 " + E(u.username) +
         " 重设密码</label><input id=\"pw-" + E(u.username) +
         "\" name=\"new_password\" type=\"password\" autocomplete=\"new-password\" "
         "required><button type=\"submit\">重设</button></form>";
    if (u.username != s.user.username) {
      b += "<form method=\"post\" action=\"" + base + (u.disabled ? "/enable" : "/disable") +
           "\">" + CsrfField(s) + "<button type=\"submit\">" + (u.disabled ? "启用 " : "停用 ") +
           E(u.username) + "</button></form>";
    }
    b += "</td></tr>";
  }
  b += "</tbody></table><h2>新建账号</h2><form method=\"post\" action=\"/admin/users\">" +
       CsrfField(s) +
       "<label for=\"username\">用户名</label><input id=\"username\" name=\"username\" required "
       "maxlength=\"64\"><label for=\"role\">角色</label><select id=\"role\" name=\"role\">" +
       RoleOptions(s) + "</select>";
  if (s.user.role == auth::Role::kSysadmin) {
    b += "<label for=\"agency\">机关代码（系统管理员、主管部门可留空）</label><input id=\"agency\" "
         "name=\"agency\">";
  }
  b += "<label for=\"password\">初始密码</label><input id=\"password\" name=\"password\" "
       "type=\"password\" autocomplete=\"new-password\" required><button "
       "type=\"submit\">新建</button></form>";
  res.set_content(AdminPage(s, "账号管理", b), kHtml);
}

void UsersPost(ServerState& st, const app::Session& s, const httplib::Request& req,
               httplib::Response& res, std::string_view what) {
  Status r;
  std::string done;
  {
    auto db = st.Db();
    if (what == "create") {
      app::NewUser u;
      u.username = req.get_param_value("username");
      u.role = req.get_param_value("role");
      u.password = req.get_param_value("password");
      const std::string agency = req.get_param_value("agency");
      if (s.user.role == auth::Role::kSysadmin) {
        if (!agency.empty()) u.agency_id = agency;
      } else {
        u.agency_id = s.user.agency_id;
      }
      u.created_by = s.user.username;
      u.now_iso = app::NowUtcIso();
      r = app::CreateUserAs(*db, s.user, u);
      done = "账号已新建";
    } else {
      const std::string name = req.matches[1];
      if (what == "password") {
        r = app::ResetPassword(*db, s.user, name, req.get_param_value("new_password"));
        done = "密码已重设，该账号的登录已全部退出";
      } else {
        r = app::SetDisabled(*db, s.user, name, what == "disable");
        done = what == "disable" ? "账号已停用" : "账号已启用";
      }
    }
  }
  UsersPage(st, s, req, res, r.ok() ? done : r.message(), !r.ok());
  if (!r.ok()) res.status = HttpStatusOf(r);
}

// ---- the audit log ------------------------------------------------------------------------

std::string CsvField(std::string_view v) {
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void AuditPage(ServerState& st, const app::Session& s, const httplib::Request& req,
               httplib::Response& res) {
  if (s.user.role != auth::Role::kAgencyAdmin && s.user.role != auth::Role::kSysadmin) {
    return Forbidden(req, res, "只有机构负责人或系统管理员可以查看操作日志");
  }
  store::AuditFilter f;
  if (s.user.role != auth::Role::kSysadmin) f.agency_id = s.user.agency_id;
  const bool csv = req.get_param_value("format") == "csv";
  f.limit = csv ? 100000 : 500;
  Result<std::vector<store::AuditRow>> rows = [&] {
    auto db = st.Db();
    return db->ListAudit(f);
  }();
  if (!rows.ok()) {
    res.status = 500;
    return;
  }
  if (csv) {
    std::string out = "\xEF\xBB\xBF时间,用户,机关,地址,操作,状态,说明\r\n";
    for (const store::AuditRow& r : *rows) {
      out += CsvField(r.at) + "," + CsvField(r.username) + "," + CsvField(r.agency_id.value_or("")) +
             "," + CsvField(r.address) + "," + CsvField(r.action) + "," +
             std::to_string(r.status) + "," + CsvField(r.detail) + "\r\n";
    }
    res.set_header("Content-Disposition", "attachment; filename=\"audit.csv\"");
    res.set_content(out, "text/csv; charset=utf-8");
    return;
  }
  std::string b = "<h1>操作日志</h1><p><a href=\"/admin/audit?format=csv\">导出 CSV</a></p>"
                  "<table><caption>最近 " +
                  std::to_string(rows->size()) +
                  " 条（按时间倒序）</caption><thead><tr><th scope=\"col\">时间</th><th "
                  "scope=\"col\">用户</th><th scope=\"col\">地址</th><th scope=\"col\">操作</th><th "
                  "scope=\"col\">状态</th></tr></thead><tbody>";
  for (const store::AuditRow& r : *rows) {
    b += "<tr><td>" + E(r.at) + "</td><td>" + E(r.username) + "</td><td>" + E(r.address) +
         "</td><td>" + E(r.action) + "</td><td>" + std::to_string(r.status) + "</td></tr>";
  }
  res.set_content(AdminPage(s, "操作日志", b + "</tbody></table>"), kHtml);
}

}  // namespace

void RegisterAccountRoutes(httplib::Server& svr, ServerState& st) {
  svr.Get("/admin/account",
          WithSession(st, [&st](const app::Session& s, const httplib::Request&,
                                httplib::Response& res) { AccountPage(st, s, res, "", false); }));
  for (const char* what : {"password", "email", "totp", "totp/disable"}) {
    svr.Post(std::string("/admin/account/") + what,
             WithSession(st, [&st, what](const app::Session& s, const httplib::Request& req,
                                         httplib::Response& res) {
               AccountPost(st, s, req, res, what);
             }));
  }
  svr.Get("/admin/users",
          WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                httplib::Response& res) { UsersPage(st, s, req, res, "", false); }));
  svr.Post("/admin/users",
           WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                 httplib::Response& res) { UsersPost(st, s, req, res, "create"); }));
  for (const char* what : {"password", "disable", "enable"}) {
    svr.Post(std::string(R"(/admin/users/([A-Za-z0-9._@-]{1,64})/)") + what,
             WithSession(st, [&st, what](const app::Session& s, const httplib::Request& req,
                                         httplib::Response& res) {
               UsersPost(st, s, req, res, what);
             }));
  }
  svr.Get("/admin/audit",
          WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                httplib::Response& res) { AuditPage(st, s, req, res); }));
}

}  // namespace gk::web
