#include "app/staff.h"

#include "auth/password.h"
#include "auth/totp.h"
#include "core/hash.h"

namespace gk::app {
namespace {

constexpr std::string_view kTokenAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

bool ValidUsername(std::string_view u) {
  if (u.empty() || u.size() > 64) return false;
  for (char c : u) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-' || c == '@';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

bool PlausibleEmail(std::string_view e) {
  const size_t at = e.find('@');
  if (e.size() > 254 || at == std::string_view::npos || at == 0 || at + 1 >= e.size() ||
      e.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  for (char c : e) {
    if (static_cast<unsigned char>(c) <= ' ' || c == '<' || c == '>' || c == ',') return false;
  }
  return true;
}

Status AddUser(store::Store& store, const NewUser& u) {
  if (!ValidUsername(u.username)) {
    return Status::Invalid("username '" + u.username.substr(0, 64) +
                           "': use 1-64 letters, digits, '.', '_', '-' or '@'");
  }
  auto role = auth::RoleFromKey(u.role);
  if (!role) {
    return Status::Invalid(
        "--role '" + u.role +
        "': expected handler, editor, reviewer, agency_admin, supervisor or sysadmin");
  }
  if (auth::NeedsAgency(*role) && !u.agency_id) {
    return Status::Invalid("--role " + u.role + " needs --agency ID");
  }
  if (*role == auth::Role::kSysadmin && u.agency_id) {
    return Status::Invalid("--role sysadmin is not bound to an agency; leave out --agency");
  }
  if (u.agency_id) {
    auto a = store.GetAgency(*u.agency_id);
    if (!a.ok()) return a.status();
    if (!a->has_value()) return Status::NotFound("unknown agency '" + *u.agency_id + "'");
  }
  if (Status s = auth::CheckPasswordRules(u.password); !s.ok()) {
    return Status::Invalid("password: at least " + std::to_string(auth::kMinPasswordLength) +
                           " printable characters required");
  }
  if (!u.email.empty() && !PlausibleEmail(u.email)) {
    return Status::Invalid("email '" + u.email.substr(0, 64) + "': not an e-mail address");
  }
  auto hash = auth::HashPassword(u.password);
  if (!hash.ok()) return hash.status();
  store::UserRow row{u.username, u.agency_id, u.role, *hash, u.now_iso, u.created_by, "", 0,
                     false, u.email};
  return store.CreateUser(row);
}

Result<SignInResult> SignIn(store::Store& store, std::string_view username,
                            std::string_view password, std::string_view address, int64_t now,
                            std::string_view otp) {
  auto failures = store.CountLoginFailures(username, address, now - kSignInWindowSeconds);
  if (!failures.ok()) return failures.status();
  if (*failures >= kSignInFailureLimit) {
    return Status::RateLimited("登录失败次数过多，请15分钟后再试");
  }
  auto user = store.GetUser(username);
  if (!user.ok()) return user.status();
  // Verify even for unknown names so both take the same time.
  static const std::string kDummy = *auth::HashPassword("gongkai-dummy-password");
  const bool ok = user->has_value() ? auth::VerifyPassword(password, (*user)->password_hash)
                                    : (auth::VerifyPassword(password, kDummy), false);
  auto role = user->has_value() ? auth::RoleFromKey((*user)->role) : std::nullopt;
  if (!ok || !role || (*user)->disabled) {
    if (auto s = store.RecordLoginFailure(username, address, now); !s.ok()) return s;
    return Status::NotFound("用户名或密码错误");
  }
  if (!(*user)->totp_secret.empty()) {
    // RFC 6238: a code of the current step (±1), each code once.
    const std::optional<int64_t> step =
        auth::VerifyTotp((*user)->totp_secret, otp, now, (*user)->totp_last_step);
    auto used = step ? store.UseTotpStep(username, *step) : Result<bool>(false);
    if (!used.ok()) return used.status();
    if (!*used) {
      if (auto s = store.RecordLoginFailure(username, address, now); !s.ok()) return s;
      return Status::NotFound(otp.empty() ? "该账号已开启两步验证，请填写动态验证码"
                                          : "动态验证码错误或已使用");
    }
  }
  SignInResult r;
  r.token = RandomToken(43, kTokenAlphabet);
  r.csrf = RandomToken(32, kTokenAlphabet);
  r.user = StaffUser{(*user)->username, *role, (*user)->agency_id};
  store::SessionRow s{Sha256Hex(r.token), r.user.username, r.csrf, now, now, std::string(address)};
  if (auto st = store.CreateSession(s); !st.ok()) return st;
  return r;
}

Result<std::optional<Session>> FindSession(store::Store& store, std::string_view token,
                                           int64_t now) {
  if (token.empty() || token.size() > 128) return std::optional<Session>();
  const std::string hash = Sha256Hex(token);
  auto s = store.GetSession(hash);
  if (!s.ok()) return s.status();
  if (!s->has_value()) return std::optional<Session>();
  if (now - (*s)->last_seen > kSessionIdleSeconds) {
    (void)store.DeleteSession(hash);
    return std::optional<Session>();
  }
  auto user = store.GetUser((*s)->username);
  if (!user.ok()) return user.status();
  if (!user->has_value()) return std::optional<Session>();
  auto role = auth::RoleFromKey((*user)->role);
  if (!role || (*user)->disabled) return std::optional<Session>();
  if (auto t = store.TouchSession(hash, now); !t.ok()) return t;
  Session out{StaffUser{(*user)->username, *role, (*user)->agency_id}, (*s)->csrf_token, hash};
  return std::optional<Session>(std::move(out));
}

Status SignOut(store::Store& store, std::string_view token) {
  if (token.empty()) return Status::Ok();
  return store.DeleteSession(Sha256Hex(token));
}

std::vector<std::string> AgenciesInScope(const std::vector<store::AgencyRow>& all,
                                         const StaffUser& user) {
  std::vector<std::string> out;
  for (const store::AgencyRow& a : all) {
    if (!user.agency_id) {
      out.push_back(a.id);
      continue;
    }
    if (user.role != auth::Role::kSupervisor) {
      if (a.id == *user.agency_id) out.push_back(a.id);
      continue;
    }
    // Walk up the parent chain (bounded: a cycle in bad data cannot loop).
    const store::AgencyRow* cur = &a;
    for (int depth = 0; cur && depth < 32; ++depth) {
      if (cur->id == *user.agency_id) {
        out.push_back(a.id);
        break;
      }
      const store::AgencyRow* parent = nullptr;
      if (cur->parent_id) {
        for (const store::AgencyRow& p : all) {
          if (p.id == *cur->parent_id) parent = &p;
        }
      }
      cur = parent;
    }
  }
  return out;
}

bool CanSeeAgency(const std::vector<store::AgencyRow>& all, const StaffUser& user,
                  std::string_view agency_id) {
  if (!user.agency_id) return true;
  for (const std::string& id : AgenciesInScope(all, user)) {
    if (id == agency_id) return true;
  }
  return false;
}

}  // namespace gk::app
