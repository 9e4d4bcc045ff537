#include "ingest/sections.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace gk::ingest {
namespace {

constexpr size_t kMaxHeadingChars = 40;
constexpr size_t kMaxCandidates = 64;  // per section

constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五",
                                          "六", "七", "八", "九", "十"};

// 1…10 for a Chinese numeral at the start of `s` (3 bytes), else 0.
int LeadingNumeral(std::string_view s) {
  for (int i = 0; i < 10; ++i) {
    if (s.substr(0, kNumerals[i].size()) == kNumerals[i]) return i + 1;
  }
  return 0;
}

bool StartsWithAny(std::string_view s, std::initializer_list<std::string_view> ps) {
  for (std::string_view p : ps) {
    if (s.substr(0, p.size()) == p) return true;
  }
  return false;
}

bool ConsumeAny(std::string_view& s, std::initializer_list<std::string_view> ps) {
  for (std::string_view p : ps) {
    if (s.substr(0, p.size()) == p) {
      s.remove_prefix(p.size());
      return true;
    }
  }
  return false;
}

void TrimLeft(std::string_view& s) {
  while (true) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '#' ||
                       s.front() == '*' || s.front() == '>')) {
      s.remove_prefix(1);
    } else if (!ConsumeAny(s, {"■", "●", "◆", "◇", "○", "□", "▲", "·", "•"})) {
      return;
    }
  }
}

size_t NonEmptyCells(std::string_view text) {
  size_t n = 0;
  bool content = false;
  for (char c : text) {
    if (c == '\t' || c == '|') {
      if (content) ++n;
      content = false;
    } else if (c != ' ') {
      content = true;
    }
  }
  return n + (content ? 1 : 0);
}

// Separators that may follow a heading number: "二、" "2." "2," "二:" "二 ".
bool ConsumeNumberSeparator(std::string_view& s) {
  return ConsumeAny(s, {"、", ".", ",", ":", " ", "\t"});
}

struct Prefix {
  int numeral = 0;           // Chinese numeral of the heading number (1 = 一)
  bool bracket = false;      // "（一）" / "(1)": a sub-heading
  bool enumeration = false;  // "一是…": running text
};

Prefix ConsumePrefix(std::string_view& s) {
  Prefix p;
  if (StartsWithAny(s, {"(", "[", "【", "〔", "<"})) {
    p.bracket = true;
    // "（二）主动公开…": keep the numeral for reports numbered this way.
    std::string_view rest = s;
    ConsumeAny(rest, {"(", "[", "<", "【", "〔"});
    const int n = LeadingNumeral(rest);
    if (n > 0) {
      rest.remove_prefix(3);
      if (ConsumeAny(rest, {")", "]", ">", "】", "〕"})) {
        p.numeral = n;
        s = rest;
      }
    }
    return p;
  }
  if (int n = LeadingNumeral(s); n > 0) {
    std::string_view rest = s.substr(3);
    if (rest.substr(0, 3) == "是") {
      p.enumeration = true;
    } else if (ConsumeNumberSeparator(rest)) {
      p.numeral = n;
      s = rest;
    }
    return p;
  }
  if (s.substr(0, 3) == "第" && LeadingNumeral(s.substr(3)) > 0) {
    std::string_view rest = s.substr(6);
    if (ConsumeAny(rest, {"部分", "章", "节"})) {
      p.numeral = LeadingNumeral(s.substr(3));
      ConsumeNumberSeparator(rest);
      s = rest;
    }
    return p;
  }
  // A lost auto-number: "2、 主动公开…" (not "2021年…").
  if (!s.empty() && s[0] >= '1' && s[0] <= '9' && (s.size() < 2 || s[1] < '0' || s[1] > '9')) {
    std::string_view rest = s.substr(1);
    if (ConsumeNumberSeparator(rest) || ConsumeAny(rest, {")"})) s = rest;
  }
  return p;
}

bool Has(std::string_view h, std::string_view k) { return h.find(k) != std::string_view::npos; }

// Keywords when the heading's numeral names section k (relaxed).
bool MatchesNumbered(int k, std::string_view h) {
  switch (k) {
    case 0:
      return Has(h, "总体") || Has(h, "概况") || Has(h, "概述") || Has(h, "基本情况");
    case 1:
      return Has(h, "主动公开");
    case 2:
      return Has(h, "申请") && !Has(h, "数量") && !Has(h, "结转");
    case 3:
      return Has(h, "复议") || Has(h, "诉讼");
    case 4:
      return Has(h, "问题") || Has(h, "改进");
    case 5:
      return Has(h, "其他") || Has(h, "需要报告") || Has(h, "事项");
  }
  return false;
}

// Keywords without a matching numeral (strict).
bool MatchesStrict(int k, std::string_view h) {
  if (Has(h, "未发生") || Has(h, "没有") || Has(h, "无")) return false;
  switch (k) {
    case 0:
      return Has(h, "总体情况") || Has(h, "总体概况");
    case 1:
      return Has(h, "主动公开") && (Has(h, "政府信息") || Has(h, "统计"));
    case 2:
      // Not "处理" alone: table rows say "…不再处理其政府信息公开申请".
      return Has(h, "申请") && (Has(h, "收到") || Has(h, "受理")) && !Has(h, "数量") &&
             !Has(h, "结转") && !Has(h, "申请人");
    case 3:
      return Has(h, "复议") && Has(h, "诉讼");
    case 4:
      return Has(h, "存在的主要问题") || (Has(h, "问题") && Has(h, "改进"));
    case 5:
      return Has(h, "其他需要报告") || (Has(h, "其他") && Has(h, "事项") && Has(h, "报告"));
  }
  return false;
}

}  // namespace

std::optional<HeadingMatch> MatchHeading(const Line& line, bool allow_brackets) {
  // A heading is one cell; "行政复议\t…\t行政诉讼" is the section-四 table header.
  if (line.blank || (line.cells && NonEmptyCells(line.text) > 1)) return std::nullopt;
  std::string_view s = line.text;
  TrimLeft(s);
  const Prefix p = ConsumePrefix(s);
  if ((p.bracket && !(allow_brackets && p.numeral > 0)) || p.enumeration) return std::nullopt;
  std::string h = Compact(s);
  if (p.numeral > 0) {
    // "二、主动公开政府信息情况。…": judge the part before the first stop.
    size_t cut = h.size();
    for (std::string_view stop : {"。", ",", ";", ":", "!", "?"}) cut = std::min(cut, h.find(stop));
    h.resize(cut);
  } else {
    for (std::string_view stop : {"。", ",", ";", "!", "?"}) {
      if (Has(h, stop)) return std::nullopt;
    }
    while (!h.empty() && h.back() == ':') h.pop_back();
  }
  if (h.size() < 6 || CodePoints(h) > kMaxHeadingChars || Has(h, "年度报告")) {
    return std::nullopt;
  }
  if (p.numeral >= 1 && p.numeral <= kNumSections && MatchesNumbered(p.numeral - 1, h)) {
    return HeadingMatch{p.numeral - 1, true};
  }
  for (int k = 0; k < kNumSections; ++k) {
    if (MatchesStrict(k, h)) return HeadingMatch{k, false};
  }
  return std::nullopt;
}

std::optional<int> HeadingSection(const Line& line) {
  auto m = MatchHeading(line, false);
  if (!m) return std::nullopt;
  return m->section;
}

namespace {

struct Chain {
  std::array<int, kNumSections> lines;
  int found = 0;
};

Chain BestChain(const std::vector<Line>& lines, bool allow_brackets) {
  struct Cand {
    int line;
    int section;
    bool numbered;
  };
  std::vector<Cand> cands;
  std::array<size_t, kNumSections> per_section{};
  for (size_t i = 0; i < lines.size(); ++i) {
    auto m = MatchHeading(lines[i], allow_brackets);
    if (!m || per_section[m->section] >= kMaxCandidates) continue;
    ++per_section[m->section];
    cands.push_back({static_cast<int>(i), m->section, m->numbered});
  }
  // Best chain of candidates increasing in both line and section: most
  // sections first, then most headings whose numeral matches; among equal
  // chains the later candidates win (sub-headings of 总体情况 come earlier).
  auto weight = [&](size_t i) { return kNumSections + 1 + (cands[i].numbered ? 1 : 0); };
  std::vector<int> score(cands.size()), prev(cands.size(), -1);
  for (size_t i = 0; i < cands.size(); ++i) {
    score[i] = weight(i);
    for (size_t j = 0; j < i; ++j) {
      if (cands[j].section >= cands[i].section) continue;
      if (score[j] + weight(i) >= score[i]) {  // ">=": j runs forward, later wins ties
        score[i] = score[j] + weight(i);
        prev[i] = static_cast<int>(j);
      }
    }
  }
  Chain out;
  out.lines.fill(-1);
  int end = -1;
  for (size_t i = 0; i < cands.size(); ++i) {
    if (end < 0 || score[i] >= score[static_cast<size_t>(end)]) end = static_cast<int>(i);
  }
  for (int i = end; i >= 0; i = prev[static_cast<size_t>(i)]) {
    out.lines[cands[static_cast<size_t>(i)].section] = cands[static_cast<size_t>(i)].line;
    ++out.found;
  }
  return out;
}

}  // namespace

std::array<int, kNumSections> FindHeadings(const std::vector<Line>& lines) {
  Chain chain = BestChain(lines, false);
  // A few reports number their sections "（一）…（六）": accepted only when
  // the usual numbering finds too little.
  if (chain.found < 3) {
    Chain bracketed = BestChain(lines, true);
    if (bracketed.found > chain.found) chain = bracketed;
  }
  return chain.lines;
}

LineRange TableRange(const std::array<int, kNumSections>& h, int k, size_t num_lines) {
  LineRange r{0, num_lines};
  if (h[k] >= 0) {
    r.begin = static_cast<size_t>(h[k]) + 1;
  } else {
    for (int j = k - 1; j >= 0; --j) {
      if (h[j] >= 0) {
        r.begin = static_cast<size_t>(h[j]) + 1;
        break;
      }
    }
  }
  for (int j = k + 1; j < kNumSections; ++j) {
    if (h[j] >= 0) {
      r.end = static_cast<size_t>(h[j]);
      break;
    }
  }
  r.end = std::min(r.end, num_lines);
  if (r.begin > r.end) r.begin = r.end;
  return r;
}

}  // namespace gk::ingest
