#include "ingest/numbers.h"

#include <algorithm>
#include <array>

namespace gk::ingest {
namespace {

constexpr int kMaxIntegerDigits = 12;  // 10^12 × 10^6 still fits in int64
constexpr int kMaxFractionDigits = 24;

bool ConsumePrefix(std::string_view& s, std::string_view p) {
  if (s.substr(0, p.size()) != p) return false;
  s.remove_prefix(p.size());
  return true;
}

bool ConsumeSuffix(std::string_view& s, std::string_view p) {
  if (s.size() < p.size() || s.substr(s.size() - p.size()) != p) return false;
  s.remove_suffix(p.size());
  return true;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsBlankMarker(std::string_view t) {
  static constexpr std::array<std::string_view, 6> kWords = {"无",   "空",  "空白",
                                                             "暂无", "N/A", "n/a"};
  for (std::string_view w : kWords) {
    if (t == w) return true;
  }
  // "-", "--" (from "—", "——"), "/", "-/-": only dashes and slashes.
  for (char c : t) {
    if (c != '-' && c != '/' && c != '\\') return false;
  }
  return !t.empty();
}

// Digits with optional thousands groups ("5,416") and an optional fraction.
bool ParseMagnitude(std::string_view s, Number& n) {
  size_t i = 0;
  int int_digits = 0;
  int64_t value = 0;
  bool grouped = false;
  int group_len = 0;
  while (i < s.size() && (IsDigit(s[i]) || s[i] == ',')) {
    if (s[i] == ',') {
      // A separator needs digits before it and, if grouped, exactly 3 since the last.
      if (int_digits == 0 || (grouped && group_len != 3) || (!grouped && int_digits > 3)) {
        return false;
      }
      grouped = true;
      group_len = 0;
    } else {
      if (++int_digits > kMaxIntegerDigits) return false;
      value = value * 10 + (s[i] - '0');
      ++group_len;
    }
    ++i;
  }
  if (int_digits == 0 || (grouped && group_len != 3)) return false;
  int64_t micro = value * 1'000'000;
  if (i < s.size()) {
    if (s[i] != '.') return false;
    ++i;
    const size_t frac_start = i;
    int64_t frac = 0;
    int used = 0;
    bool round_up = false;
    while (i < s.size() && IsDigit(s[i])) {
      if (i - frac_start >= static_cast<size_t>(kMaxFractionDigits)) return false;
      if (used < 6) {
        frac = frac * 10 + (s[i] - '0');
        ++used;
      } else if (used == 6) {
        round_up = s[i] >= '5';
        ++used;
      }
      ++i;
    }
    if (i == frac_start || i != s.size()) return false;  // "1." is a list number
    for (int k = std::min(used, 6); k < 6; ++k) frac *= 10;
    micro += frac + (round_up ? 1 : 0);
  }
  n.fractional = micro % 1'000'000 != 0;
  n.micro = micro;
  return true;
}

}  // namespace

Token ClassifyToken(std::string_view tok) {
  Token t;
  if (tok.empty()) return t;
  if (IsBlankMarker(tok)) {
    t.kind = TokenKind::kBlank;
    return t;
  }
  std::string_view s = tok;
  Number n;
  if (ConsumeSuffix(s, "万元")) {
    n.unit = Unit::kTenThousandYuan;
  } else if (ConsumeSuffix(s, "元")) {
    n.unit = Unit::kYuan;
  } else {
    static constexpr std::array<std::string_view, 8> kCountUnits = {"件", "个", "项", "次",
                                                                    "条", "家", "份", "人"};
    for (std::string_view u : kCountUnits) {
      if (ConsumeSuffix(s, u)) break;
    }
  }
  bool negative = false;
  if (ConsumePrefix(s, "+") || ConsumePrefix(s, "增加") || ConsumePrefix(s, "增")) {
    n.explicit_sign = true;
  } else if (ConsumePrefix(s, "-") || ConsumePrefix(s, "减少") || ConsumePrefix(s, "减") ||
             ConsumePrefix(s, "減少") || ConsumePrefix(s, "減")) {  // 減: Traditional
    n.explicit_sign = true;
    negative = true;
  }
  if (s.empty() || !IsDigit(s.front()) || !ParseMagnitude(s, n)) return t;
  if (negative) n.micro = -n.micro;
  t.kind = TokenKind::kNumber;
  t.number = n;
  return t;
}

std::optional<int64_t> AsInteger(const Number& n) {
  if (n.fractional) return std::nullopt;
  return n.micro / 1'000'000;
}

}  // namespace gk::ingest
