// Staff accounts and sessions: `gongkai user add`, sign-in with throttling,
// session lookup with idle timeout, sign-out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/roles.h"
#include "core/status.h"
#include "store/store.h"

namespace gk::app {

struct NewUser {
  std::string username;
  std::string role;  // key of auth::Role
  std::optional<std::string> agency_id;
  std::string password;
  std::string created_by;  // "cli" or the admin's username
  std::string now_iso;
  std::string email = "";  // optional: the daily digest goes there
};
// Whether `email` looks like an address (one '@', no spaces, ≤ 254 bytes).
bool PlausibleEmail(std::string_view email);
// Invalid (English, for the CLI) for a bad username, role, agency, password or e-mail.
Status AddUser(store::Store& store, const NewUser& user);

struct StaffUser {
  std::string username;
  auth::Role role = auth::Role::kHandler;
  std::optional<std::string> agency_id;  // nullopt: every agency
};

struct SignInResult {
  std::string token;  // the cookie value (only its hash is stored)
  std::string csrf;
  StaffUser user;
};

inline constexpr int kSignInFailureLimit = 10;
inline constexpr int64_t kSignInWindowSeconds = 15 * 60;
inline constexpr int64_t kSessionIdleSeconds = 30 * 60;

// kRateLimited after 10 failures for the account from the address within 15
// minutes (for the rest of that window); NotFound for a wrong name or password
// (one message for both, so names cannot be probed), for a disabled account,
// and — when the account has two-factor sign-in — for a missing, wrong or
// reused one-time code (each counts as a failure). A new token every time.
Result<SignInResult> SignIn(store::Store& store, std::string_view username,
                            std::string_view password, std::string_view address, int64_t now,
                            std::string_view otp = "");

struct Session {
  StaffUser user;
  std::string csrf;
  std::string token_hash;
};
// nullopt for an unknown or idle (> 30 min) session; refreshes last_seen.
Result<std::optional<Session>> FindSession(store::Store& store, std::string_view token,
                                           int64_t now);
Status SignOut(store::Store& store, std::string_view token);

// The agencies `user` may see: every agency for a user without one
// (sysadmin, a supervisor over all); for a supervisor, its agency and every
// agency below it (parent_id chain); for agency staff, their own agency.
std::vector<std::string> AgenciesInScope(const std::vector<store::AgencyRow>& all,
                                         const StaffUser& user);
// May `user` see the work of `agency_id`?
bool CanSeeAgency(const std::vector<store::AgencyRow>& all, const StaffUser& user,
                  std::string_view agency_id);

}  // namespace gk::app
