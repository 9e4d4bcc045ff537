// SHA-256 (OpenSSL) and random tokens for the event hash chain, query codes
// and session tokens.
#pragma once

#include <string>
#include <string_view>

namespace gk {

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

// `length` characters drawn uniformly (rejection sampling) from `alphabet`
// with the operating system's CSPRNG.
std::string RandomToken(size_t length, std::string_view alphabet);

// Compares in time independent of where the strings differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace gk
