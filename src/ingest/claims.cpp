#include "ingest/claims.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace gk::ingest {
namespace {

constexpr size_t kMaxQuoteBytes = 160;
constexpr int64_t kMaxClaimValue = 999'999'999;

bool Has(std::string_view s, std::string_view k) { return s.find(k) != std::string_view::npos; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

size_t NextCodePoint(std::string_view s, size_t i) {
  ++i;
  while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  return i;
}

std::vector<std::string_view> Split(std::string_view s,
                                    std::initializer_list<std::string_view> seps) {
  std::vector<std::string_view> out;
  size_t start = 0, i = 0;
  while (i < s.size()) {
    bool cut = false;
    for (std::string_view sep : seps) {
      if (s.substr(i, sep.size()) == sep) {
        out.push_back(s.substr(start, i - start));
        i += sep.size();
        start = i;
        cut = true;
        break;
      }
    }
    if (!cut) i = NextCodePoint(s, i);
  }
  out.push_back(s.substr(start));
  return out;
}

struct Count {
  int64_t value = 0;
  std::string_view gap;  // text between the keyword and the number
};

// "…N件" after `from`: at most `max_gap` characters without digits, then an
// integer and a count unit. "200%" and "2022年" are not counts.
std::optional<Count> CountAfter(std::string_view s, size_t from, int max_gap) {
  size_t i = from;
  int gap = 0;
  while (i < s.size() && !IsDigit(s[i])) {
    if (++gap > max_gap) return std::nullopt;
    i = NextCodePoint(s, i);
  }
  Count c;
  c.gap = s.substr(from, i - from);
  size_t digits = 0;
  while (i < s.size() && (IsDigit(s[i]) || (s[i] == ',' && digits > 0))) {
    if (s[i] != ',') {
      c.value = c.value * 10 + (s[i] - '0');
      if (c.value > kMaxClaimValue) return std::nullopt;
      ++digits;
    }
    ++i;
  }
  if (digits == 0) return std::nullopt;
  for (std::string_view unit : {"件", "个", "份", "条", "封"}) {
    if (s.substr(i, unit.size()) == unit) return c;
  }
  return std::nullopt;
}

// `gap` with the listed filler words removed is empty.
bool OnlyFiller(std::string_view gap, std::initializer_list<std::string_view> filler) {
  std::string rest(gap);
  for (std::string_view f : filler) {
    for (size_t p; (p = rest.find(f)) != std::string::npos;) rest.erase(p, f.size());
  }
  return rest.empty();
}

bool PrecededBy(std::string_view s, size_t pos, std::string_view w) {
  return pos >= w.size() && s.substr(pos - w.size(), w.size()) == w;
}

std::string Quote(std::string_view clause) {
  if (clause.size() <= kMaxQuoteBytes) return std::string(clause);
  size_t cut = kMaxQuoteBytes;
  while (cut > 0 && (static_cast<unsigned char>(clause[cut]) & 0xC0) == 0x80) --cut;
  return std::string(clause.substr(0, cut));
}

class Collector {
 public:
  explicit Collector(report::Format format) : format_(format) {}

  void Sentence(std::string_view sentence) {
    for (std::string_view clause : Split(sentence, {",", ";", ":"})) Clause(sentence, clause);
  }

  std::vector<report::TextClaim> Take() { return std::move(claims_); }

 private:
  void Add(const char* section, const char* row, const char* column, int64_t value,
           std::string_view clause, const char* alt_row = "") {
    for (const report::TextClaim& c : claims_) {
      if (c.section == section && c.row == row && c.column == column) return;
    }
    claims_.push_back({section, row, column, value, Quote(clause), alt_row});
  }

  void Clause(std::string_view sentence, std::string_view c) {
    Applications(c);
    Outcomes(c);
    if (format_ == report::Format::k2021) NormativeDocuments(sentence, c);
    ReviewAndLitigation(c);
  }

  // 三 new / carried_over / carried_forward (W5).
  void Applications(std::string_view c) {
    // Assistance with another organ's request, enquiries and referrals are
    // not applications received (seed 002: 协助调查10件).
    for (std::string_view bad : {"协助", "咨询", "转办", "信访", "建议", "提案"}) {
      if (Has(c, bad)) return;
    }
    if (size_t p = c.find("新收"); p != std::string_view::npos) {
      auto n = CountAfter(c, p + 6, 20);
      if (n && Has(n->gap, "申请")) Add("三", "new", "total", n->value, c);
      return;
    }
    for (std::string_view verb : {"收到", "受理", "接收", "接到"}) {
      const size_t p = c.find(verb);
      if (p == std::string_view::npos) continue;
      const size_t after = p + verb.size();
      if (PrecededBy(c, p, "未") || PrecededBy(c, p, "没有")) {
        // "未收到政府信息公开申请": none this year.
        std::string_view rest = c.substr(after);
        if (Has(rest.substr(0, 60), "申请") && std::none_of(rest.begin(), rest.end(), IsDigit)) {
          Add("三", "new", "total", 0, c, "carried_over");
        }
        return;
      }
      auto n = CountAfter(c, after, 20);
      if (n && Has(n->gap, "申请") && !Has(n->gap, "办结") && !Has(n->gap, "答复")) {
        Add("三", "new", "total", n->value, c, "carried_over");
      }
      return;
    }
    if (size_t p = c.find("上年结转"); p != std::string_view::npos) {
      auto n = CountAfter(c, p + 12, 14);
      if (n) Add("三", "carried_over", "total", n->value, c);
    }
    if (size_t p = c.find("结转下年"); p != std::string_view::npos) {
      auto n = CountAfter(c, p + 12, 14);
      if (n) Add("三", "carried_forward", "total", n->value, c);
    }
  }

  // 三 granted / partially_granted (W5): the count right after the outcome.
  void Outcomes(std::string_view c) {
    if (size_t p = c.find("予以公开"); p != std::string_view::npos && !PrecededBy(c, p, "不")) {
      auto n = CountAfter(c, p + 12, 2);
      if (n && OnlyFiller(n->gap, {"共", "的"})) Add("三", "granted", "total", n->value, c);
    }
    if (size_t p = c.find("部分公开"); p != std::string_view::npos) {
      auto n = CountAfter(c, p + 12, 2);
      if (n && OnlyFiller(n->gap, {"共", "的"})) {
        Add("三", "partially_granted", "total", n->value, c);
      }
    }
  }

  // 二 normative_documents, 2021 columns (W2/W5).
  void NormativeDocuments(std::string_view sentence, std::string_view c) {
    const std::initializer_list<std::string_view> kFiller = {"行政", "规范性文件", "件数", "的",
                                                             "共",   "了",         "为"};
    if (size_t p = c.find("现行有效"); p != std::string_view::npos) {
      auto n = CountAfter(c, p + 12, 12);
      if (n && OnlyFiller(n->gap, kFiller)) {
        Add("二", "normative_documents", "in_force", n->value, c);
      }
    }
    for (std::string_view verb : {"制发", "印发", "出台"}) {
      const size_t p = c.find(verb);
      if (p == std::string_view::npos) continue;
      auto n = CountAfter(c, p + verb.size(), 12);
      if (n && Has(n->gap, "规范性文件") && OnlyFiller(n->gap, kFiller)) {
        Add("二", "normative_documents", "issued", n->value, c);
      }
      break;
    }
    if (size_t p = c.find("废止"); p != std::string_view::npos && Has(sentence, "规范性文件")) {
      auto n = CountAfter(c, p + 6, 12);
      if (n && OnlyFiller(n->gap, kFiller)) {
        Add("二", "normative_documents", "repealed", n->value, c);
      }
    }
  }

  // 四: "未发生…行政复议和行政诉讼" → the three totals are 0 (W5).
  void ReviewAndLitigation(std::string_view c) {
    size_t neg = std::string_view::npos;
    for (std::string_view w : {"未发生", "没有发生", "未出现", "未产生", "没有", "未有", "无"}) {
      neg = std::min(neg, c.find(w));
    }
    if (neg == std::string_view::npos) return;
    std::string_view rest = c.substr(neg);
    const size_t review = rest.find("复议");
    const size_t lawsuit = rest.find("诉讼");
    const size_t first = std::min(review, lawsuit);
    if (first == std::string_view::npos || first > 90) return;  // ~30 characters
    if (review != std::string_view::npos) Add("四", "review", "total", 0, c);
    if (lawsuit != std::string_view::npos) {
      Add("四", "litigation_direct", "total", 0, c);
      Add("四", "litigation_after_review", "total", 0, c);
    }
  }

  report::Format format_;
  std::vector<report::TextClaim> claims_;
};

}  // namespace

std::vector<report::TextClaim> ExtractClaims(const std::vector<Line>& lines,
                                             const std::vector<bool>& eligible,
                                             report::Format format) {
  Collector collector(format);
  for (size_t i = 0; i < lines.size() && i < eligible.size(); ++i) {
    if (!eligible[i] || lines[i].blank) continue;
    for (std::string_view sentence : Split(lines[i].compact, {"。", "!", "?"})) {
      collector.Sentence(sentence);
    }
  }
  return collector.Take();
}

}  // namespace gk::ingest
