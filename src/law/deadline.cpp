#include "law/deadline.h"

#include <climits>
#include <nlohmann/json.hpp>

namespace gk::law {
namespace {

enum class Working { kRecord, kSkip };

bool InAnyPause(Date d, std::span<const Pause> pauses) {
  for (const Pause& p : pauses) {
    if (p.first <= d && d <= p.second) return true;
  }
  return false;
}

// The counting loop of law.md §4.1 shared by AddWorkingDays and
// DueAfterWorkingDays; with kSkip no notes are built.
WorkingDayCount Count(const Calendar& cal, Date from, int n, std::span<const Pause> pauses,
                      Working working) {
  WorkingDayCount out;
  out.from = from;
  Date x = from;
  int counted = 0;
  int year = INT_MIN;
  while (counted < n) {
    x = x.AddDays(1);
    if (const int y = x.year(); y != year) {
      year = y;
      if (!cal.Covers(y)) out.uncovered_years.push_back(y);
    }
    const DayType type = cal.TypeOf(x);
    DayNoteKind kind;
    if (type == DayType::kWeekend) {
      kind = DayNoteKind::kWeekend;
    } else if (type == DayType::kHoliday) {
      kind = DayNoteKind::kHoliday;
    } else if (InAnyPause(x, pauses)) {
      kind = DayNoteKind::kPaused;
    } else {
      ++counted;
      if (type == DayType::kWorkday) continue;
      kind = DayNoteKind::kMakeupWorkday;
    }
    if (working == Working::kRecord) {
      out.notes.push_back(
          {x, kind,
           kind == DayNoteKind::kPaused ? std::string(kPausedReason) : cal.WhyNotWorking(x)});
    }
  }
  out.days = counted;
  out.date = x;
  return out;
}

Status CheckCovered(const Calendar& cal, Date d) {
  if (cal.Covers(d.year())) return Status::Ok();
  return Status::OutOfRange("date " + d.ToString() + ": the calendar does not cover " +
                            std::to_string(d.year()) + " (covered: " + cal.CoveredYearsText() +
                            "); add it with --calendar FILE");
}

const char* ChineseWeekday(Date d) {
  static const char* const kNames[] = {"星期一", "星期二", "星期三", "星期四",
                                       "星期五", "星期六", "星期日"};
  return kNames[d.weekday() - 1];
}

std::string DateWithWeekday(Date d) { return d.ToString() + "（" + ChineseWeekday(d) + "）"; }

nlohmann::ordered_json WorkingJson(const WorkingDayCount& c) {
  nlohmann::ordered_json w;
  w["from"] = c.from.ToString();
  w["working_days"] = c.days;
  w["date"] = c.date.ToString();
  w["provisional"] = c.provisional();
  auto excluded = nlohmann::ordered_json::array();
  auto makeup = nlohmann::ordered_json::array();
  for (const DayNote& n : c.notes) {
    nlohmann::ordered_json e;
    e["date"] = n.date.ToString();
    e["reason"] = n.reason;
    (n.counted() ? makeup : excluded).push_back(std::move(e));
  }
  w["excluded"] = std::move(excluded);
  w["makeup_workdays"] = std::move(makeup);
  return w;
}

// "2021-09-19（周日）；2021-10-01至2021-10-07（国庆节、周六、周日）": runs of
// consecutive excluded days, each with its distinct reasons; paused days form
// runs of their own so the reader sees which days the pause took.
std::string ExcludedRuns(const WorkingDayCount& c) {
  std::string out;
  size_t i = 0;
  const auto& notes = c.notes;
  while (i < notes.size()) {
    if (notes[i].counted()) {
      ++i;
      continue;
    }
    size_t j = i;
    std::vector<std::string_view> reasons{notes[i].reason};
    const bool paused = notes[i].kind == DayNoteKind::kPaused;
    while (j + 1 < notes.size() && !notes[j + 1].counted() &&
           notes[j + 1].date - notes[j].date == 1 &&
           (notes[j + 1].kind == DayNoteKind::kPaused) == paused) {
      ++j;
      bool seen = false;
      for (std::string_view r : reasons) seen = seen || r == notes[j].reason;
      if (!seen) reasons.push_back(notes[j].reason);
    }
    if (!out.empty()) out += "；";
    out += notes[i].date.ToString();
    if (j > i) out += "至" + notes[j].date.ToString();
    out += "（";
    for (size_t k = 0; k < reasons.size(); ++k) {
      if (k > 0) out += "、";
      out += reasons[k];
    }
    out += "）";
    i = j + 1;
  }
  return out;
}

std::string MakeupDays(const WorkingDayCount& c) {
  std::string out;
  for (const DayNote& n : c.notes) {
    if (!n.counted()) continue;
    if (!out.empty()) out += "、";
    out += DateWithWeekday(n.date);
  }
  return out;
}

void ExplainCount(const WorkingDayCount& c, std::string_view title, std::string_view basis,
                  std::string* out) {
  *out += std::string(title) + "：" + DateWithWeekday(c.date) + "\n";
  *out += "  依据：" + std::string(basis) + "\n";
  *out += "  计算：自" + c.from.ToString() + "的次日起，数满" + std::to_string(c.days) +
          "个工作日，第" + std::to_string(c.days) + "个工作日为" + c.date.ToString() + "\n";
  const std::string excluded = ExcludedRuns(c);
  if (!excluded.empty()) *out += "  不计入：" + excluded + "\n";
  const std::string makeup = MakeupDays(c);
  if (!makeup.empty()) *out += "  计入的调休上班日：" + makeup + "\n";
}

}  // namespace

int WorkingDayCount::paused_workdays() const {
  int n = 0;
  for (const DayNote& note : notes) n += note.kind == DayNoteKind::kPaused;
  return n;
}

WorkingDayCount AddWorkingDays(const Calendar& cal, Date from, int n,
                               std::span<const Pause> pauses) {
  return Count(cal, from, n, pauses, Working::kRecord);
}

Date DueAfterWorkingDays(const Calendar& cal, Date start, int n) {
  return Count(cal, start, n, {}, Working::kSkip).date;
}

Result<Deadlines> ComputeDeadlines(const DeadlineInput& input, const Calendar& cal) {
  if (Status s = CheckCovered(cal, input.received); !s.ok()) return s;
  if (input.corrected) {
    if (Status s = CheckCovered(cal, *input.corrected); !s.ok()) return s;
    if (*input.corrected < input.received) {
      return Status::Invalid("corrected date " + input.corrected->ToString() +
                             " is before the received date " + input.received.ToString());
    }
  }
  for (const Pause& p : input.pauses) {
    if (Status s = CheckCovered(cal, p.first); !s.ok()) return s;
    if (Status s = CheckCovered(cal, p.second); !s.ok()) return s;
    if (p.second < p.first) {
      return Status::Invalid("pause " + p.first.ToString() + ":" + p.second.ToString() +
                             ": FROM is after TO");
    }
  }

  Deadlines d;
  d.received = input.received;
  d.corrected = input.corrected;
  d.pauses = input.pauses;
  // Art. 30: the period runs again from receipt of the corrected application.
  d.clock_start = input.corrected.value_or(input.received);
  // Art. 30: 补正 notice within 7 working days of receipt; no pauses (see header).
  d.correction_notice_due = AddWorkingDays(cal, d.received, kCorrectionNoticeDays);
  // Art. 33 ¶2: 20 working days; consultation time not counted (Art. 32/33).
  d.due = AddWorkingDays(cal, d.clock_start, kReplyDays, d.pauses);
  // Art. 33 ¶2: extension of at most 20 working days.
  d.extended_due = AddWorkingDays(cal, d.due.date, kExtensionDays, d.pauses);
  d.paused_workdays = d.due.paused_workdays() + d.extended_due.paused_workdays();
  d.provisional =
      d.correction_notice_due.provisional() || d.due.provisional() || d.extended_due.provisional();
  return d;
}

std::string DeadlinesToJson(const Deadlines& d, JsonWorking working) {
  nlohmann::ordered_json j;
  j["received"] = d.received.ToString();
  j["clock_start"] = d.clock_start.ToString();
  j["correction_notice_due"] = d.correction_notice_due.date.ToString();
  j["due"] = d.due.date.ToString();
  j["extended_due"] = d.extended_due.date.ToString();
  j["paused_workdays"] = d.paused_workdays;
  j["provisional"] = d.provisional;
  if (working == JsonWorking::kInclude) {
    nlohmann::ordered_json w;
    w["correction_notice_due"] = WorkingJson(d.correction_notice_due);
    w["due"] = WorkingJson(d.due);
    w["extended_due"] = WorkingJson(d.extended_due);
    j["working"] = std::move(w);
  }
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string ExplainDeadlines(const Deadlines& d) {
  std::string out;
  out += "收到申请：" + DateWithWeekday(d.received) + "\n";
  ExplainCount(d.correction_notice_due, "补正告知期限",
               "《政府信息公开条例》第三十条，申请内容不明确的，自收到申请之日起7个工作日内"
               "一次性告知申请人补正",
               &out);
  if (d.corrected) {
    out += "收到补正后的申请：" + DateWithWeekday(*d.corrected) +
           "（第三十条：答复期限自收到补正后的申请之日起重新计算）\n";
  }
  for (const Pause& p : d.pauses) {
    out += "暂停计算期间：" + p.first.ToString() + "至" + p.second.ToString() +
           "（征求第三方或其他机关意见所需时间不计入期限，第三十二条、第三十三条）\n";
  }
  ExplainCount(d.due, "答复期限",
               d.corrected ? "第三十三条第二款，自收到补正后的申请之日起20个工作日内予以答复"
                           : "第三十三条第二款，自收到申请之日起20个工作日内予以答复",
               &out);
  ExplainCount(d.extended_due, "延长后的答复期限",
               "第三十三条第二款，需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请"
               "人，延长的期限最长不得超过20个工作日",
               &out);
  out += "暂停计算的工作日：" + std::to_string(d.paused_workdays) + "天\n";
  std::vector<int> years;
  for (const WorkingDayCount* c : {&d.correction_notice_due, &d.due, &d.extended_due}) {
    for (int y : c->uncovered_years) {
      bool seen = false;
      for (int s : years) seen = seen || s == y;
      if (!seen) years.push_back(y);
    }
  }
  for (int y : years) {
    out += "注意：日历未收录" + std::to_string(y) +
           "年的节假日安排，该年仅按周六、周日休息计算，上述日期为暂定；收录后请重新计算。\n";
  }
  out += "期限届满日当天（含）之前作出即为按期。";  // no final newline, like the JSON
  return out;
}

}  // namespace gk::law
