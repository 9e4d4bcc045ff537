#include "catalog/timeliness.h"

#include "law/deadline.h"

namespace gk::catalog {

std::optional<Timeliness> Art26Timeliness(const law::Calendar& cal, std::optional<Date> formed_on,
                                          std::optional<Date> published_on) {
  if (!formed_on || !published_on) return std::nullopt;
  const Date due = law::DueAfterWorkingDays(cal, *formed_on, kArt26Days);
  return Timeliness{due, *published_on > due};
}

}  // namespace gk::catalog
