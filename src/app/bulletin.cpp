#include "app/bulletin.h"

#include <algorithm>
#include <cstdio>

#include "law/deadline.h"
#include "ledger/xlsx.h"
#include "letters/docx.h"
#include "letters/letters.h"

namespace gk::app {
namespace {

std::string Percent(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", v * 100);
  return buf;
}
std::string OneDecimal(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}
std::string Title(const Bulletin& b) {
  return std::to_string(b.year) + "年" + std::to_string(b.month) + "月政府信息公开申请办理情况通报";
}

}  // namespace

Result<Bulletin> BuildBulletin(store::Store& store, const law::Calendar& cal,
                               const StaffUser& user, int year, int month) {
  (void)cal;
  if (user.role != auth::Role::kSupervisor && user.role != auth::Role::kSysadmin) {
    return Status::Forbidden("只有主管部门可以导出通报");
  }
  auto first = Date::FromYmd(year, month, 1);
  if (!first.ok() || year < 2008 || year > 2100) return Status::Invalid("month：月份应为YYYY-MM");
  Bulletin out;
  out.year = year;
  out.month = month;
  out.first = *first;
  out.last = (month == 12 ? *Date::FromYmd(year + 1, 1, 1) : *Date::FromYmd(year, month + 1, 1))
                 .AddDays(-1);
  const std::string from = out.first.ToString(), to = out.last.ToString();
  auto agencies = store.ListAgencies();
  if (!agencies.ok()) return agencies.status();
  for (const store::AgencyRow& a : *agencies) {
    if (!CanSeeAgency(*agencies, user, a.id)) continue;
    auto rows = store.AgencyCaseFacts(a.id);
    if (!rows.ok()) return rows.status();
    BulletinRow r;
    r.agency_id = a.id;
    r.agency_name = a.name;
    int64_t days = 0;
    for (const store::CaseRow& c : *rows) {
      if (c.kind != "application" || !c.received_on) continue;
      if (*c.received_on >= from && *c.received_on <= to) ++r.received;
      if (c.concluded_on && *c.concluded_on >= from && *c.concluded_on <= to) {
        ++r.concluded;
        days += c.days_taken.value_or(0);
        if (!c.reply_due_on || *c.concluded_on <= *c.reply_due_on) ++r.on_time;
      }
      const bool open_at_end =
          *c.received_on <= to && (!c.concluded_on || *c.concluded_on > to);
      if (open_at_end && c.reply_due_on && *c.reply_due_on < to) ++r.overdue_now;
    }
    if (r.concluded) r.average_days = static_cast<double>(days) / r.concluded;
    out.rows.push_back(std::move(r));
  }
  std::stable_sort(out.rows.begin(), out.rows.end(), [](const BulletinRow& x, const BulletinRow& y) {
    if (x.OnTimeRate() != y.OnTimeRate()) return x.OnTimeRate() > y.OnTimeRate();
    if (x.overdue_now != y.overdue_now) return x.overdue_now < y.overdue_now;
    return x.agency_name < y.agency_name;
  });
  for (size_t i = 0; i < out.rows.size(); ++i) out.rows[i].rank = static_cast<int>(i) + 1;
  return out;
}

Result<std::string> BulletinXlsx(const Bulletin& b) {
  ledger::TableSheet t;
  t.sheet_name = "通报";
  t.title = Title(b);
  t.subtitle = "统计期间：" + b.first.ToString() + "至" + b.last.ToString() +
               "；按期办结率相同时，月末超期未办结件数少者在前";
  t.headers = {"排名", "机关", "本月收到", "本月办结", "按期办结", "按期办结率", "月末超期未办结",
               "平均办理工作日"};
  for (const BulletinRow& r : b.rows) {
    using C = ledger::TableSheet::Cell;
    t.rows.push_back({C{"", static_cast<double>(r.rank)}, C{r.agency_name, std::nullopt},
                      C{"", static_cast<double>(r.received)},
                      C{"", static_cast<double>(r.concluded)},
                      C{"", static_cast<double>(r.on_time)}, C{Percent(r.OnTimeRate()), std::nullopt},
                      C{"", static_cast<double>(r.overdue_now)},
                      C{r.concluded ? OneDecimal(r.average_days) : "", std::nullopt}});
  }
  t.created_on = b.last;
  return ledger::RenderTableXlsx(t);
}

Result<std::string> BulletinDocx(const Bulletin& b, const std::string& issuer) {
  letters::Letter l;
  l.title = Title(b);
  l.addressee = "各有关单位";
  int received = 0, concluded = 0, on_time = 0, overdue = 0;
  for (const BulletinRow& r : b.rows) {
    received += r.received;
    concluded += r.concluded;
    on_time += r.on_time;
    overdue += r.overdue_now;
  }
  l.paragraphs.push_back("现将" + std::to_string(b.year) + "年" + std::to_string(b.month) +
                         "月各单位政府信息公开申请办理情况通报如下。");
  l.paragraphs.push_back("一、总体情况。本月各单位共收到政府信息公开申请" +
                         std::to_string(received) + "件，办结" + std::to_string(concluded) +
                         "件，其中按期办结" + std::to_string(on_time) + "件；月末超期未办结" +
                         std::to_string(overdue) + "件。");
  l.paragraphs.push_back("二、各单位排名（按按期办结率，相同时按月末超期未办结件数）。");
  for (const BulletinRow& r : b.rows) {
    std::string p = std::to_string(r.rank) + "．" + r.agency_name + "：收到" +
                    std::to_string(r.received) + "件，办结" + std::to_string(r.concluded) +
                    "件，按期办结率" + Percent(r.OnTimeRate());
    if (r.concluded) p += "，平均办理" + OneDecimal(r.average_days) + "个工作日";
    p += "，月末超期未办结" + std::to_string(r.overdue_now) + "件。";
    l.paragraphs.push_back(p);
  }
  l.paragraphs.push_back(
      "三、工作要求。请存在超期未办结申请的单位立即组织办理，严格执行《中华人民共和国政府信息"
      "公开条例》第三十三条规定的答复期限。");
  l.issuer = issuer;
  l.date = b.last;
  return letters::RenderDocx(l);
}

}  // namespace gk::app
