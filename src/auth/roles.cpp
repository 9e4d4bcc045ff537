#include "auth/roles.h"

#include <array>

namespace gk::auth {
namespace {

struct RoleInfo {
  Role role;
  std::string_view key;
  std::string_view label;
};
constexpr std::array<RoleInfo, 6> kRoles = {{
    {Role::kHandler, "handler", "承办人"},
    {Role::kEditor, "editor", "信息编辑"},
    {Role::kReviewer, "reviewer", "审核人"},
    {Role::kAgencyAdmin, "agency_admin", "机构负责人"},
    {Role::kSupervisor, "supervisor", "主管部门"},
    {Role::kSysadmin, "sysadmin", "系统管理员"},
}};

}  // namespace

std::string_view Key(Role r) { return kRoles[static_cast<size_t>(r)].key; }
std::string_view Label(Role r) { return kRoles[static_cast<size_t>(r)].label; }

std::optional<Role> RoleFromKey(std::string_view key) {
  for (const auto& r : kRoles) {
    if (r.key == key) return r.role;
  }
  return std::nullopt;
}

bool NeedsAgency(Role r) { return r != Role::kSupervisor && r != Role::kSysadmin; }
bool SeesPersonalData(Role r) { return r != Role::kSupervisor; }

}  // namespace gk::auth
