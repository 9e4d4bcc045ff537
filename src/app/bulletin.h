// The supervising office's monthly 通报: the agencies in its scope ranked by
// how they handled applications in the month — concluded on time, late, still
// open past their due date — as XLSX (a table) and DOCX (an official
// document listing the ranking).
#pragma once

#include <string>
#include <vector>

#include "app/staff.h"
#include "core/date.h"
#include "core/status.h"
#include "law/calendar.h"
#include "store/store.h"

namespace gk::app {

struct BulletinRow {
  std::string agency_id, agency_name;
  int received = 0;     // received in the month
  int concluded = 0;    // concluded in the month
  int on_time = 0;      // of those, by their due date
  int overdue_now = 0;  // open and past their due date at the end of the month
  double average_days = 0;  // working days to the reply, concluded in the month
  int rank = 0;
  // On-time rate of the month's conclusions (1 when none concluded).
  double OnTimeRate() const { return concluded ? static_cast<double>(on_time) / concluded : 1.0; }
};

struct Bulletin {
  int year = 0, month = 0;
  Date first, last;  // the month
  std::vector<BulletinRow> rows;  // ranked: on-time rate, then fewer overdue, then name
};

// Forbidden unless the user is a supervisor or sysadmin; Invalid for a bad month.
Result<Bulletin> BuildBulletin(store::Store& store, const law::Calendar& cal,
                               const StaffUser& user, int year, int month);

Result<std::string> BulletinXlsx(const Bulletin& b);
Result<std::string> BulletinDocx(const Bulletin& b, const std::string& issuer);

}  // namespace gk::app
