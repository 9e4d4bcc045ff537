#include "web/request_log.h"

#include <array>

namespace gk::web {

std::string RedactQuery(std::string_view target) {
  static constexpr std::array<std::string_view, 7> kSecret = {
      "query_code", "password", "token", "code", "csrf", "secret", "totp"};
  const size_t q = target.find('?');
  if (q == std::string_view::npos) return std::string(target);
  std::string out(target.substr(0, q + 1));
  std::string_view rest = target.substr(q + 1);
  bool first = true;
  while (!rest.empty()) {
    size_t amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (!first) out.push_back('&');
    first = false;
    size_t eq = pair.find('=');
    std::string_view key = pair.substr(0, eq);
    bool secret = false;
    for (auto k : kSecret) secret = secret || key == k;
    if (secret && eq != std::string_view::npos) {
      out.append(key).append("=***");
    } else {
      out.append(pair);
    }
  }
  return out;
}

}  // namespace gk::web
