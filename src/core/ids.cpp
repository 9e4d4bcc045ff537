#include "core/ids.h"

#include <string>

#include "core/date.h"

namespace gk::ids {
namespace {

constexpr std::string_view kUsccCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
// 3^(i-1) mod 31 for positions 1..17 (GB 32100-2015).
constexpr int kUsccWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
// 2^(18-i) mod 11 for positions 1..17 (GB 11643-1999).
constexpr int kIdWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kIdCheck = "10X98765432";

int UsccValue(char c) {
  auto pos = kUsccCharset.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

}  // namespace

std::optional<char> UsccCheckChar(std::string_view first17) {
  if (first17.size() < 17) return std::nullopt;
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    int v = UsccValue(first17[i]);
    if (v < 0) return std::nullopt;
    sum += v * kUsccWeights[i];
  }
  int c = (31 - sum % 31) % 31;
  return kUsccCharset[c];
}

Status ValidateUscc(std::string_view code) {
  if (code.size() != 18) {
    return Status::Invalid("统一社会信用代码应为18位，实际为" + std::to_string(code.size()) + "位");
  }
  for (size_t i = 0; i < code.size(); ++i) {
    if (UsccValue(code[i]) < 0) {
      return Status::Invalid("统一社会信用代码第" + std::to_string(i + 1) +
                             "位含有不允许的字符（不得使用I、O、Z、S、V及小写字母）");
    }
  }
  if (*UsccCheckChar(code) != code[17]) {
    return Status::Invalid("统一社会信用代码校验位错误，请核对后重新填写");
  }
  return Status::Ok();
}

std::optional<char> ResidentIdCheckChar(std::string_view first17) {
  if (first17.size() < 17) return std::nullopt;
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    char c = first17[i];
    if (c < '0' || c > '9') return std::nullopt;
    sum += (c - '0') * kIdWeights[i];
  }
  return kIdCheck[sum % 11];
}

Status ValidateResidentId(std::string_view id) {
  if (id.size() != 18) {
    return Status::Invalid("居民身份证号码应为18位，实际为" + std::to_string(id.size()) + "位");
  }
  for (int i = 0; i < 17; ++i) {
    if (id[i] < '0' || id[i] > '9') {
      return Status::Invalid("居民身份证号码前17位应为数字");
    }
  }
  const int y = std::stoi(std::string(id.substr(6, 4)));
  const int m = std::stoi(std::string(id.substr(10, 2)));
  const int d = std::stoi(std::string(id.substr(12, 2)));
  if (!IsValidYmd(y, m, d) || y < 1880) {
    return Status::Invalid("居民身份证号码中的出生日期无效");
  }
  if (*ResidentIdCheckChar(id) != id[17]) {
    return Status::Invalid("居民身份证号码校验位错误，请核对后重新填写");
  }
  return Status::Ok();
}

bool IsValidOrgCode(std::string_view code) {
  if (code.size() != 9) return false;
  static constexpr int kW[8] = {3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 8; ++i) {
    char c = code[i];
    int v;
    if (c >= '0' && c <= '9')
      v = c - '0';
    else if (c >= 'A' && c <= 'Z')
      v = c - 'A' + 10;
    else
      return false;
    sum += v * kW[i];
  }
  int c9 = 11 - sum % 11;
  char expect = c9 == 10 ? 'X' : c9 == 11 ? '0' : static_cast<char>('0' + c9);
  return code[8] == expect;
}

}  // namespace gk::ids
