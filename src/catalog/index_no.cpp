#include "catalog/index_no.h"

#include <cstdio>

namespace gk::catalog {
namespace {

bool IsCodeChar(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '-'; }
bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}
int64_t ToInt(std::string_view s) {
  int64_t v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

bool IsValidOrganCode(std::string_view code) {
  if (code.empty() || code.size() > 19) return false;
  for (char c : code)
    if (!IsCodeChar(c)) return false;
  return true;
}

Result<std::string> FormatIndexNo(std::string_view organ_code, int year, int64_t serial) {
  if (!IsValidOrganCode(organ_code))
    return Status::Invalid("机构代码“" + std::string(organ_code) +
                           "”不能用于索引号：应为 1 至 19 位数字、大写字母或连字符");
  if (year < 1900 || year > 9999) return Status::Invalid("索引号年份超出范围");
  if (serial < 1 || serial > 99999)
    return Status::Invalid("本年度索引号序号已用完（最多 99999 条）");
  char tail[32];
  std::snprintf(tail, sizeof tail, "/%04d-%05lld", year, static_cast<long long>(serial));
  return std::string(organ_code) + tail;
}

std::optional<ParsedIndexNo> ParseIndexNo(std::string_view s) {
  const size_t slash = s.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view code = s.substr(0, slash);
  std::string_view rest = s.substr(slash + 1);
  const size_t dash = rest.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  std::string_view date = rest.substr(0, dash), serial = rest.substr(dash + 1);
  if (!IsValidOrganCode(code) || !AllDigits(date) || !AllDigits(serial)) return std::nullopt;
  if (date.size() < 4 || date.size() > 6 || serial.size() < 3 || serial.size() > 6)
    return std::nullopt;
  return ParsedIndexNo{std::string(code), static_cast<int>(ToInt(date.substr(0, 4))),
                       ToInt(serial)};
}

}  // namespace gk::catalog
