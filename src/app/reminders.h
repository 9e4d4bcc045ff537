// Reminders of what falls due: for each staff member, the open applications
// of the agencies they work for that are overdue or due within
// cases::kDueSoonWorkdays working days — listed in the back office and sent
// once a day as an e-mail digest to those who gave an address (when the
// server has an SMTP server configured).
#pragma once

#include <string>
#include <vector>

#include "app/staff.h"
#include "core/date.h"
#include "core/status.h"
#include "law/calendar.h"
#include "store/store.h"

namespace gk::app {

struct DueItem {
  std::string case_id;
  std::string agency_name;
  Date due_on;
  bool overdue = false;
};

// The user's due-soon and overdue applications (handlers, agency heads and
// sysadmins; nothing for other roles), overdue first, then by due date.
Result<std::vector<DueItem>> DueItems(store::Store& store, const law::Calendar& cal,
                                      const StaffUser& user, Date today);

// Queues today's digest for every enabled user with an e-mail address and
// something due; at most one per user and day. Returns how many were queued.
Result<int> QueueDailyDigests(store::Store& store, const law::Calendar& cal, Date today,
                              const std::string& now_iso);

}  // namespace gk::app
