// Password hashing: argon2id (libsodium crypto_pwhash_str) with the
// "interactive" limits (~75 ms, 64 MiB). At most two hashes run at once so a
// burst of sign-ins cannot exhaust memory.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace gk::auth {

inline constexpr size_t kMinPasswordLength = 8;
inline constexpr size_t kMaxPasswordLength = 256;

// Checks the password rules (length; printable), Chinese message for users.
Status CheckPasswordRules(std::string_view password);
// The encoded hash ($argon2id$…); Internal on failure (out of memory).
Result<std::string> HashPassword(std::string_view password);
// Constant-time check against an encoded hash.
bool VerifyPassword(std::string_view password, const std::string& encoded);

}  // namespace gk::auth
