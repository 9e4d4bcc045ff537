// Staff roles (interface.md `user add`) and what each may see.
#pragma once

#include <optional>
#include <string_view>

namespace gk::auth {

enum class Role {
  kHandler,      // 承办: applications
  kEditor,       // drafts records
  kReviewer,     // 保密审查, publishes
  kAgencyAdmin,  // 机构负责人: approves extensions, manages its staff
  kSupervisor,   // 主管部门: reads the agencies in its scope, personal data masked
  kSysadmin,
};

std::string_view Key(Role r);    // handler, editor, …
std::string_view Label(Role r);  // 承办人, …
std::optional<Role> RoleFromKey(std::string_view key);

// Roles bound to one agency (all but supervisor and sysadmin).
bool NeedsAgency(Role r);
// Whether the role may see applicants' personal data (supervisors see it masked).
bool SeesPersonalData(Role r);

}  // namespace gk::auth
