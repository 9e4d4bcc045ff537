#include "app/reminders.h"

#include <algorithm>

#include "cases/projection.h"
#include "law/deadline.h"

namespace gk::app {

Result<std::vector<DueItem>> DueItems(store::Store& store, const law::Calendar& cal,
                                      const StaffUser& user, Date today) {
  std::vector<DueItem> out;
  if (user.role != auth::Role::kHandler && user.role != auth::Role::kAgencyAdmin &&
      user.role != auth::Role::kSysadmin) {
    return out;
  }
  auto agencies = store.ListAgencies();
  if (!agencies.ok()) return agencies.status();
  const Date soon = law::DueAfterWorkingDays(cal, today, cases::kDueSoonWorkdays);
  for (const std::string& id : AgenciesInScope(*agencies, user)) {
    std::string name;
    for (const auto& a : *agencies) {
      if (a.id == id) name = a.name;
    }
    // Open cases keep their due date on their row, indexed: no scan.
    auto rows = store.OpenCasesDueBy(id, soon.ToString());
    if (!rows.ok()) return rows.status();
    for (const store::CaseRow& c : *rows) {
      if (c.kind != "application") continue;
      auto due = Date::Parse(*c.due_on);
      if (!due.ok()) continue;
      out.push_back({c.id, name, *due, *due < today});
    }
  }
  std::sort(out.begin(), out.end(), [](const DueItem& a, const DueItem& b) {
    if (a.overdue != b.overdue) return a.overdue;
    if (a.due_on != b.due_on) return a.due_on < b.due_on;
    return a.case_id < b.case_id;
  });
  return out;
}

Result<int> QueueDailyDigests(store::Store& store, const law::Calendar& cal, Date today,
                              const std::string& now_iso) {
  auto users = store.ListUsers(std::nullopt);
  if (!users.ok()) return users.status();
  int queued = 0;
  for (const store::UserRow& u : *users) {
    if (u.email.empty() || u.disabled) continue;
    const std::optional<auth::Role> role = auth::RoleFromKey(u.role);
    if (!role) continue;
    auto items = DueItems(store, cal, StaffUser{u.username, *role, u.agency_id}, today);
    if (!items.ok()) return items.status();
    if (items->empty()) continue;
    store::MailRow m;
    m.to_addr = u.email;
    m.subject = "政府信息公开待办提醒（" + today.ToString() + "）";
    std::string body = u.username + "：\n以下依申请公开案件已超期或即将到期（" +
                       std::to_string(cases::kDueSoonWorkdays) + "个工作日内），请及时办理：\n";
    for (const DueItem& i : *items) {
      body += "· " + i.case_id + "（" + i.agency_name + "），答复期限 " + i.due_on.ToString() +
              (i.overdue ? "，已超期" : "，即将到期") + "\n";
    }
    body += "登录后台查看：/admin?due=soon\n";
    m.body = body;
    m.created_at = now_iso;
    auto q = store.QueueDigest(u.username, today.ToString(), m);
    if (!q.ok()) return q.status();
    if (*q) ++queued;
  }
  return queued;
}

}  // namespace gk::app
