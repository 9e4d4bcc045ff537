#include "app/clock.h"

#include <chrono>
#include <ctime>

namespace gk::app {

std::string NowUtcIso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Date TodayInShanghai() {
  const auto secs = std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
  return Date::FromDays((secs + 8 * 3600) / 86400);
}

}  // namespace gk::app
