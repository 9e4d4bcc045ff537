#include "auth/totp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>

#include "core/hash.h"

namespace gk::auth {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string UriEscape(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string Base32Encode(std::string_view bytes) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];
  return out;
}

std::optional<std::string> Base32Decode(std::string_view text) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char ch : text) {
    if (ch == ' ' || ch == '=') continue;
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    const size_t v = kAlphabet.find(ch);
    if (v == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<uint32_t>(v);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xFF);
      bits -= 8;
    }
  }
  return out;
}

std::string NewTotpSecret() {
  // 32 base32 characters from the CSPRNG = 160 bits.
  return RandomToken(32, kAlphabet);
}

std::string Hotp(std::string_view secret, uint64_t counter, int digits) {
  std::array<unsigned char, 8> msg{};
  for (int i = 7; i >= 0; --i) {
    msg[static_cast<size_t>(i)] = static_cast<unsigned char>(counter & 0xFF);
    counter >>= 8;
  }
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), msg.data(), msg.size(), mac,
       &len);
  // RFC 4226 §5.3: dynamic truncation.
  const int offset = mac[len - 1] & 0x0F;
  const uint32_t bin = (static_cast<uint32_t>(mac[offset] & 0x7F) << 24) |
                       (static_cast<uint32_t>(mac[offset + 1]) << 16) |
                       (static_cast<uint32_t>(mac[offset + 2]) << 8) | mac[offset + 3];
  uint32_t mod = 1;
  for (int i = 0; i < digits; ++i) mod *= 10;
  std::string code = std::to_string(bin % mod);
  while (static_cast<int>(code.size()) < digits) code.insert(code.begin(), '0');
  return code;
}

int64_t TotpStep(int64_t now) { return now / kTotpStepSeconds; }

std::optional<int64_t> VerifyTotp(std::string_view secret_base32, std::string_view code,
                                  int64_t now, int64_t last_used_step) {
  if (code.size() != kTotpDigits) return std::nullopt;
  for (char c : code) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  const std::optional<std::string> secret = Base32Decode(secret_base32);
  if (!secret || secret->empty()) return std::nullopt;
  const int64_t step = TotpStep(now);
  for (int64_t s : {step - 1, step, step + 1}) {
    if (s <= last_used_step || s < 0) continue;
    if (ConstantTimeEquals(Hotp(*secret, static_cast<uint64_t>(s)), code)) return s;
  }
  return std::nullopt;
}

std::string TotpUri(std::string_view issuer, std::string_view account,
                    std::string_view secret_base32) {
  return "otpauth://totp/" + UriEscape(issuer) + ":" + UriEscape(account) +
         "?secret=" + std::string(secret_base32) + "&issuer=" + UriEscape(issuer) +
         "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace gk::auth
