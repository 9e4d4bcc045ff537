// Test support: staff accounts made with `gongkai user add` and signed in
// over HTTP, as the HTTP tests of the back office need them.
#pragma once

#include <string>

namespace gk::testing {

// The password every test account gets: pass-<name>-123.
std::string StaffPassword(const std::string& name);

// Creates the account with `bin user add` on database `db`; `agency` may be
// empty (supervisor of all, sysadmin). Returns "" or the command's error.
std::string AddStaffUser(const std::string& bin, const std::string& db, const std::string& name,
                         const std::string& role, const std::string& agency);

// A signed-in staff user: the session cookie ("name=value"), the CSRF token
// (read from /admin/account, which every role has), and the Set-Cookie
// header and status of the sign-in (303 on success).
struct StaffSession {
  std::string cookie, csrf, set_cookie;
  int status = 0;
};
StaffSession SignInStaff(int port, const std::string& name);

}  // namespace gk::testing
