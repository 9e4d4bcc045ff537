#include "ingest/facts.h"

#include <algorithm>
#include <string_view>

namespace gk::ingest {
namespace {

constexpr size_t kMaxTitleLines = 80;    // non-blank lines searched for the title
constexpr size_t kMaxPeriodLines = 400;  // lines searched for the statistics period
constexpr size_t kMaxAgencyChars = 60;

bool Has(std::string_view s, std::string_view k) { return s.find(k) != std::string_view::npos; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

struct YearAt {
  int year = 0;
  size_t begin = 0;  // first digit
  size_t end = 0;    // after 年 (and 度)
};

// The first "YYYY年" (2000…2100) in `s` not glued to other digits.
std::optional<YearAt> FindYear(std::string_view s, size_t from = 0) {
  for (size_t p = from; p + 4 < s.size(); ++p) {
    if (!IsDigit(s[p]) || (p > 0 && IsDigit(s[p - 1]))) continue;
    if (!IsDigit(s[p + 1]) || !IsDigit(s[p + 2]) || !IsDigit(s[p + 3])) continue;
    if (s.substr(p + 4, 3) != "年") continue;
    const int y =
        (s[p] - '0') * 1000 + (s[p + 1] - '0') * 100 + (s[p + 2] - '0') * 10 + (s[p + 3] - '0');
    if (y < 2000 || y > 2100) continue;
    size_t end = p + 7;
    if (s.substr(end, 3) == "度") end += 3;
    return YearAt{y, p, end};
  }
  return std::nullopt;
}

void ReplaceAll(std::string& s, std::string_view from, std::string_view to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) {
    s.replace(pos, from.size(), to);
  }
}

bool StripPrefix(std::string& s, std::string_view p) {
  if (s.compare(0, p.size(), p) != 0) return false;
  s.erase(0, p.size());
  return true;
}

bool StripSuffix(std::string& s, std::string_view p) {
  if (s.size() < p.size() || s.compare(s.size() - p.size(), p.size(), p) != 0) return false;
  s.erase(s.size() - p.size());
  return true;
}

// An agency name from title text, or "" when it does not look like one.
std::string CleanAgency(std::string_view raw) {
  // "标题:XX局…": the part after a field name.
  if (size_t colon = raw.rfind(':'); colon != std::string_view::npos) raw = raw.substr(colon + 1);
  std::string s(raw);
  while (StripPrefix(s, "关于") || StripPrefix(s, ":") || StripPrefix(s, "-")) {
  }
  while (StripSuffix(s, "关于") || StripSuffix(s, "的") || StripSuffix(s, "(") ||
         StripSuffix(s, ":") || StripSuffix(s, "-") || StripSuffix(s, "《")) {
  }
  const size_t n = CodePoints(s);
  if (n < 2 || n > kMaxAgencyChars) return "";
  for (std::string_view bad :
       {"。", ",", ";", ":", ">", "/", "|", "年度报告", "http", "首页", "位置", "索引号"}) {
    if (Has(s, bad)) return "";
  }
  if (std::any_of(s.begin(), s.end(), IsDigit)) return "";
  // Agency names are printed with full-width brackets; NFKC made them ASCII.
  ReplaceAll(s, "(", "（");
  ReplaceAll(s, ")", "）");
  return s;
}

std::optional<size_t> TitleKeyword(std::string_view c) {
  for (std::string_view k : {"政府信息公开", "政务公开", "信息公开"}) {
    if (size_t p = c.find(k); p != std::string_view::npos) return p;
  }
  return std::nullopt;
}

// "统计期限自2022年1月1日起至2022年12月31日止": the year of the first day.
std::optional<int> PeriodYear(const std::vector<Line>& lines) {
  const size_t n = std::min(lines.size(), kMaxPeriodLines);
  for (size_t i = 0; i < n; ++i) {
    std::string_view c = lines[i].compact;
    if (!Has(c, "统计") && !Has(c, "数据")) continue;
    for (size_t p = c.find("年1月1日"); p != std::string_view::npos;
         p = c.find("年1月1日", p + 1)) {
      if (p < 4) continue;
      if (auto y = FindYear(c, p - 4); y && y->begin == p - 4) return y->year;
    }
  }
  return std::nullopt;
}

bool CitesFormat(std::string_view c, std::string_view year, std::string_view number) {
  for (size_t p = c.find(year); p != std::string_view::npos; p = c.find(year, p + 1)) {
    std::string_view rest = c.substr(p + year.size());
    // Up to two bracket characters between the year and the number: 〔2021〕30号.
    for (int skipped = 0; skipped <= 2 && !rest.empty(); ++skipped) {
      if (rest.substr(0, number.size()) == number) return true;
      if (IsDigit(rest.front())) break;
      size_t len = 1;
      while (len < rest.size() && (static_cast<unsigned char>(rest[len]) & 0xC0) == 0x80) ++len;
      rest.remove_prefix(len);
    }
  }
  return false;
}

}  // namespace

TitleFacts ReadTitle(const std::vector<Line>& lines, size_t limit) {
  TitleFacts out;
  limit = std::min(limit, lines.size());
  size_t seen = 0;
  for (size_t i = 0; i < limit && seen < kMaxTitleLines; ++i) {
    const Line& l = lines[i];
    if (l.blank) continue;
    ++seen;
    std::string_view c = l.compact;
    if (l.prose || CodePoints(c) > 100) continue;
    if (!Has(c, "年度报告") && !Has(c, "年报")) continue;
    // A title wrapped over two lines ("…2022年政府信息公开" / "工作年度报告", as a
    // PDF lays it out): the line before completes it.
    std::string joined;
    if (!TitleKeyword(c) || !FindYear(c)) {
      size_t j = i;
      while (j > 0 && lines[j - 1].blank) --j;
      if (j > 0 && !lines[j - 1].prose && !lines[j - 1].cells &&
          CodePoints(lines[j - 1].compact) <= 60) {
        joined = lines[j - 1].compact + std::string(c);
        c = joined;
      }
    }
    auto key = TitleKeyword(c);
    if (!key) continue;
    auto year = FindYear(c);
    std::string agency;
    if (year && year->begin < *key) {
      agency = CleanAgency(c.substr(0, year->begin));
      // "2021年度威海市…局政府信息公开工作年度报告"
      if (agency.empty() && year->end < *key) {
        agency = CleanAgency(c.substr(year->end, *key - year->end));
      }
    } else {
      agency = CleanAgency(c.substr(0, *key));
    }
    // The agency on its own line above "2021年政府信息公开工作年度报告" (seed 001).
    for (size_t back = i; agency.empty() && back > 0 && i - back < 3;) {
      const Line& prev = lines[--back];
      if (prev.blank) continue;
      if (!prev.prose && !prev.cells) agency = CleanAgency(prev.compact);
      break;
    }
    if (year) out.year = year->year;
    if (!agency.empty()) out.agency = agency;
    break;
  }
  if (!out.year) out.year = PeriodYear(lines);
  return out;
}

std::optional<report::Format> Fingerprint(const std::vector<Line>& lines, size_t begin,
                                          size_t end) {
  // Each label counts once, however often it is printed.
  static constexpr std::string_view k2021[] = {"本年制发",         "本年废止",     "现行有效",
                                               "本年处理决定数量", "本年收费金额", "不补正"};
  static constexpr std::string_view k2019[] = {
      "本年新制作",   "本年新公开",   "对外公开总数量", "上一年项目数量",  "其他对外管理服务",
      "政府集中采购", "采购项目数量", "采购总金额",     "第二十条第(九)项"};
  std::vector<bool> seen21(std::size(k2021)), seen19(std::size(k2019));
  bool change = false, fee_row = false, other_processing = false;
  end = std::min(end, lines.size());
  for (size_t i = begin; i < end; ++i) {
    if (lines[i].prose || lines[i].blank) continue;
    std::string_view c = lines[i].compact;
    for (size_t k = 0; k < std::size(k2021); ++k) seen21[k] = seen21[k] || Has(c, k2021[k]);
    for (size_t k = 0; k < std::size(k2019); ++k) seen19[k] = seen19[k] || Has(c, k2019[k]);
    change = change || Has(c, "本年增/减") || Has(c, "本年增减");
    fee_row = fee_row || Has(c, "缴纳费用") || Has(c, "收费通知");
    other_processing = other_processing || Has(c, "其他处理");
  }
  int s21 = static_cast<int>(std::count(seen21.begin(), seen21.end(), true)) + (fee_row ? 1 : 0);
  int s19 = static_cast<int>(std::count(seen19.begin(), seen19.end(), true)) + (change ? 1 : 0);
  // A single （六）其他处理 row without the 2021 sub-rows (§0.2).
  if (other_processing && !seen21[5] && !fee_row) ++s19;
  if (s21 > s19) return report::Format::k2021;
  if (s19 > s21) return report::Format::k2019;
  return std::nullopt;
}

std::optional<report::Format> DeclaredFormat(const std::vector<Line>& lines) {
  for (const Line& l : lines) {
    std::string_view c = l.compact;
    if (!Has(c, "公开办") && !Has(c, "报告格式")) continue;
    if (CitesFormat(c, "2021", "30号")) return report::Format::k2021;
    if (CitesFormat(c, "2019", "60号")) return report::Format::k2019;
  }
  return std::nullopt;
}

}  // namespace gk::ingest
