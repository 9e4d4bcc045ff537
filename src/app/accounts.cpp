#include "app/accounts.h"

#include "auth/password.h"
#include "auth/roles.h"
#include "auth/totp.h"

namespace gk::app {
namespace {

Result<store::UserRow> Target(store::Store& store, const StaffUser& admin,
                              std::string_view username) {
  auto u = store.GetUser(username);
  if (!u.ok()) return u.status();
  if (!u->has_value()) return Status::NotFound("没有用户“" + std::string(username) + "”");
  if (Status s = CheckManages(admin, (*u)->agency_id, (*u)->role); !s.ok()) return s;
  return std::move(**u);
}

Status CheckNewPassword(std::string_view password) {
  if (!auth::CheckPasswordRules(password).ok()) {
    return Status::Invalid("password：密码至少" + std::to_string(auth::kMinPasswordLength) +
                           "个可打印字符");
  }
  return Status::Ok();
}

}  // namespace

Status CheckManages(const StaffUser& admin, const std::optional<std::string>& agency_id,
                    std::string_view role) {
  if (admin.role == auth::Role::kSysadmin) return Status::Ok();
  if (admin.role != auth::Role::kAgencyAdmin) {
    return Status::Forbidden("只有机构负责人或系统管理员可以管理账号");
  }
  const std::optional<auth::Role> r = auth::RoleFromKey(role);
  if (!agency_id || agency_id != admin.agency_id || !r || !auth::NeedsAgency(*r)) {
    return Status::Forbidden("机构负责人只能管理本机关的承办人、编辑、审核人和负责人账号");
  }
  return Status::Ok();
}

Result<std::vector<store::UserRow>> ManagedUsers(store::Store& store, const StaffUser& admin) {
  if (admin.role == auth::Role::kSysadmin) return store.ListUsers(std::nullopt);
  if (admin.role != auth::Role::kAgencyAdmin || !admin.agency_id) {
    return Status::Forbidden("只有机构负责人或系统管理员可以管理账号");
  }
  return store.ListUsers(admin.agency_id);
}

Status CreateUserAs(store::Store& store, const StaffUser& admin, const NewUser& user) {
  if (Status s = CheckManages(admin, user.agency_id, user.role); !s.ok()) return s;
  Status s = AddUser(store, user);
  if (s.code() == StatusCode::kConflict) return Status::Conflict("用户名已存在");
  if (!s.ok() && s.code() == StatusCode::kInvalidArgument) {
    // AddUser speaks to the command line; say it for the form.
    if (s.message().rfind("username", 0) == 0) {
      return Status::Invalid("username：用户名为1–64个字母、数字或 . _ - @");
    }
    if (s.message().rfind("password", 0) == 0) return CheckNewPassword("");
    return Status::Invalid("role：角色或机关不正确");
  }
  return s;
}

Status ResetPassword(store::Store& store, const StaffUser& admin, std::string_view username,
                     std::string_view new_password) {
  auto target = Target(store, admin, username);
  if (!target.ok()) return target.status();
  if (Status s = CheckNewPassword(new_password); !s.ok()) return s;
  auto hash = auth::HashPassword(new_password);
  if (!hash.ok()) return hash.status();
  if (Status s = store.SetPasswordHash(username, *hash); !s.ok()) return s;
  return store.DeleteUserSessions(username, "");
}

Status SetDisabled(store::Store& store, const StaffUser& admin, std::string_view username,
                   bool disabled) {
  if (username == admin.username) return Status::Invalid("username：不能停用自己的账号");
  auto target = Target(store, admin, username);
  if (!target.ok()) return target.status();
  if (Status s = store.SetUserDisabled(username, disabled); !s.ok()) return s;
  return disabled ? store.DeleteUserSessions(username, "") : Status::Ok();
}

Status ChangeOwnPassword(store::Store& store, const Session& session, std::string_view current,
                         std::string_view new_password) {
  auto user = store.GetUser(session.user.username);
  if (!user.ok()) return user.status();
  if (!user->has_value() || !auth::VerifyPassword(current, (*user)->password_hash)) {
    return Status::Invalid("current：当前密码不正确");
  }
  if (Status s = CheckNewPassword(new_password); !s.ok()) return s;
  auto hash = auth::HashPassword(new_password);
  if (!hash.ok()) return hash.status();
  if (Status s = store.SetPasswordHash(session.user.username, *hash); !s.ok()) return s;
  return store.DeleteUserSessions(session.user.username, session.token_hash);
}

Status EnableTotp(store::Store& store, const Session& session, std::string_view secret,
                  std::string_view code, int64_t now) {
  const std::optional<std::string> raw = auth::Base32Decode(secret);
  if (!raw || raw->size() < 16) return Status::Invalid("secret：密钥无效，请重新开始设置");
  const std::optional<int64_t> step = auth::VerifyTotp(secret, code, now, 0);
  if (!step) return Status::Invalid("code：动态验证码不正确，请核对手机上的验证器和时间");
  if (Status s = store.SetTotpSecret(session.user.username, secret); !s.ok()) return s;
  // The code just shown cannot be used again to sign in.
  return store.UseTotpStep(session.user.username, *step).status();
}

Status DisableTotp(store::Store& store, const Session& session, std::string_view password) {
  auto user = store.GetUser(session.user.username);
  if (!user.ok()) return user.status();
  if (!user->has_value() || !auth::VerifyPassword(password, (*user)->password_hash)) {
    return Status::Invalid("password：密码不正确");
  }
  return store.SetTotpSecret(session.user.username, "");
}

}  // namespace gk::app
