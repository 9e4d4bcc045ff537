#include "reporting/summary.h"

#include <cmath>
#include <string>
#include <vector>

#include "law/outcomes.h"

namespace gk::reporting {
namespace {

std::string N(int64_t n) { return std::to_string(n); }

// Outcome labels as the report's rows name them, shortened for prose.
std::string OutcomeWords(const std::string& key) {
  const std::optional<law::Outcome> o = law::OutcomeFromKey(key);
  if (!o) return key;
  switch (*o) {
    case law::Outcome::kGranted:
      return "予以公开";
    case law::Outcome::kPartial:
      return "部分公开";
    case law::Outcome::kNotHeld:
      return "本机关不掌握相关政府信息无法提供";
    case law::Outcome::kDeemedWithdrawn:
      return "申请人无正当理由逾期不补正做其他处理";
    case law::Outcome::kFeeUnpaid:
      return "申请人逾期未缴纳信息处理费做其他处理";
    case law::Outcome::kWithdrawn:
      return "申请人撤回申请";
    default:
      return std::string(law::Label(*o));
  }
}

}  // namespace

ApplicationSummary Summarise(std::span<const CaseFacts> cases, int year) {
  ApplicationSummary s;
  s.year = year;
  bool earlier_records = false;
  int previous = 0;
  for (const CaseFacts& c : cases) {
    if (c.case_id.empty()) continue;
    if (c.kind == cases::CaseKind::kAssistance) {
      if (c.received_on.year() == year) ++s.assistance;
      continue;
    }
    const int ry = c.received_on.year();
    if (ry < year) earlier_records = true;
    if (ry == year - 1) ++previous;
    const std::optional<Date> end = c.concluded_on;
    if (ry == year) {
      ++s.received;
      ++s.by_channel[c.channel];
    }
    if (ry < year && (!end || end->year() >= year)) ++s.carried_over;
    if (ry <= year && (!end || end->year() > year)) ++s.carried_forward;
    if (end && end->year() == year && c.outcome) {
      ++s.concluded;
      ++s.by_outcome[std::string(law::Key(*c.outcome))];
      if (c.due_on && *end > *c.due_on) {
        ++s.overdue;
      } else {
        ++s.on_time;
      }
    }
    if (c.fee_paid_on && c.fee_paid_on->year() == year) {
      s.fees_yuan += c.fee_yuan;
      ++s.fee_cases;
    }
  }
  if (earlier_records) s.previous_received = previous;
  return s;
}

std::string ApplicationsParagraph(const ApplicationSummary& s) {
  std::string out = N(s.year) + "年，本机关共收到政府信息公开申请" + N(s.received) + "件";
  if (s.received > 0 && !s.by_channel.empty()) {
    std::vector<std::string> parts;
    for (const auto& [channel, n] : s.by_channel) {
      parts.push_back(std::string(cases::Label(channel)) + N(n) + "件");
    }
    out += "（";
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? "、" : "") + parts[i];
    out += "）";
  }
  if (s.previous_received) {
    const int prev = *s.previous_received;
    if (prev == 0) {
      out += "，上年为0件";
    } else if (s.received == prev) {
      out += "，与上年持平";
    } else {
      const int64_t pct = std::llround((s.received - prev) * 100.0 / prev);
      out += "，同比" + std::string(pct >= 0 ? "增长" : "下降") + N(pct >= 0 ? pct : -pct) + "%";
    }
  }
  if (s.carried_over > 0) out += "，上年结转" + N(s.carried_over) + "件";
  out += "。";
  if (s.concluded > 0) {
    out += "全年办结" + N(s.concluded) + "件，其中";
    bool first = true;
    for (const auto& [key, n] : s.by_outcome) {
      out += (first ? "" : "、") + OutcomeWords(key) + N(n) + "件";
      first = false;
    }
    out += "；";
    if (s.overdue == 0) {
      out += "均在法定期限内答复。";
    } else {
      out += "按期答复" + N(s.on_time) + "件，逾期答复" + N(s.overdue) + "件。";
    }
  }
  if (s.carried_forward > 0) out += "结转下年度继续办理" + N(s.carried_forward) + "件。";
  if (s.assistance > 0) {
    out += "另办理依申请公开协助调查" + N(s.assistance) + "件（不计入申请数量）。";
  }
  return out;
}

std::string FeesParagraph(const ApplicationSummary& s) {
  if (s.fees_yuan == 0) return N(s.year) + "年度，本机关未收取政府信息公开信息处理费。";
  return N(s.year) + "年度，本机关依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）对" +
         N(s.fee_cases) + "件申请收取信息处理费，共计" + N(s.fees_yuan) + "元。";
}

}  // namespace gk::reporting
