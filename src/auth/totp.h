// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP, HMAC-SHA1, 6
// digits, 30-second steps) — what authenticator apps expect — for optional
// two-factor sign-in. Pure: the caller passes the time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gk::auth {

inline constexpr int64_t kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;

// RFC 4648 base32 (A–Z, 2–7, no padding), as authenticator apps show secrets.
std::string Base32Encode(std::string_view bytes);
// Case-insensitive, spaces and '=' ignored; nullopt for any other character.
std::optional<std::string> Base32Decode(std::string_view text);

// A new random secret of 20 bytes (160 bits, RFC 4226's recommendation), base32.
std::string NewTotpSecret();

// The HOTP value of `secret` (raw bytes) at `counter`, with `digits` digits.
std::string Hotp(std::string_view secret, uint64_t counter, int digits = kTotpDigits);

// The time step of unix time `now`.
int64_t TotpStep(int64_t now);

// Checks `code` against the steps now-1, now, now+1 (clock drift) of the
// base32 `secret`, refusing steps at or before `last_used_step` (a code works
// once). Returns the step that matched.
std::optional<int64_t> VerifyTotp(std::string_view secret_base32, std::string_view code,
                                  int64_t now, int64_t last_used_step);

// The otpauth:// URI an authenticator app imports.
std::string TotpUri(std::string_view issuer, std::string_view account,
                    std::string_view secret_base32);

}  // namespace gk::auth
