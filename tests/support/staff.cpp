#include "support/staff.h"

#include <httplib.h>

#include <regex>
#include <vector>

#include "support/process.h"

namespace gk::testing {

std::string StaffPassword(const std::string& name) { return "pass-" + name + "-123"; }

std::string AddStaffUser(const std::string& bin, const std::string& db, const std::string& name,
                         const std::string& role, const std::string& agency) {
  std::vector<std::string> args = {bin, "user", "add", name, "--role", role, "--db", db};
  if (!agency.empty()) {
    args.push_back("--agency");
    args.push_back(agency);
  }
  auto r = Run(args, StaffPassword(name) + "\n");
  return r.exit_code == 0 ? "" : "user add " + name + ": " + r.err;
}

StaffSession SignInStaff(int port, const std::string& name) {
  httplib::Client c("127.0.0.1", port);
  StaffSession s;
  auto r = c.Post("/login", "username=" + name + "&password=" + StaffPassword(name),
                  "application/x-www-form-urlencoded");
  if (!r) return s;
  s.status = r->status;
  s.set_cookie = r->get_header_value("Set-Cookie");
  s.cookie = s.set_cookie.substr(0, s.set_cookie.find(';'));
  auto page = c.Get("/admin/account", {{"Cookie", s.cookie}});
  std::smatch m;
  if (page && std::regex_search(page->body, m, std::regex("name=\"csrf\" value=\"([^\"]+)\"")))
    s.csrf = m[1];
  return s;
}

}  // namespace gk::testing
