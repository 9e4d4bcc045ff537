// The figures of sections 一 and 六 that come from the application records,
// and the sentences that state them (docs/report-rules.md). Staff edit the
// narrative around them; these sentences are generated so they always agree
// with the tables.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>

#include "cases/projection.h"
#include "reporting/compute.h"
#include "law/calendar.h"

namespace gk::reporting {

struct ApplicationSummary {
  int year = 0;
  int received = 0;       // applications received in the year (table 三 new)
  int carried_over = 0;   // 上年结转
  int concluded = 0;      // concluded in the year
  int on_time = 0;        // of those, by the due date
  int overdue = 0;        // of those, after it
  int carried_forward = 0;
  std::map<cases::Channel, int> by_channel;  // received, by channel
  std::map<std::string, int> by_outcome;     // concluded, by law::Outcome key
  int assistance = 0;                        // 协助调查 received in the year
  int64_t fees_yuan = 0;                     // 信息处理费 paid in the year
  int fee_cases = 0;
  std::optional<int> previous_received;  // the year before, when there were records then
};

ApplicationSummary Summarise(std::span<const CaseFacts> cases, int year);

// Section 一, 依申请公开 paragraph: received by channel, carried over,
// concluded by outcome, on time, and the change against the previous year.
std::string ApplicationsParagraph(const ApplicationSummary& s);
// Section 六: the 信息处理费 charged in the year (国办函〔2020〕109号).
std::string FeesParagraph(const ApplicationSummary& s);

}  // namespace gk::reporting
