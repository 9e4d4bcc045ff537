// Check digits of Chinese identifiers (law.md §5). Messages are Chinese because
// they reach applicants through the application form.
#pragma once

#include <optional>
#include <string_view>

#include "core/status.h"

namespace gk::ids {

// GB 32100-2015 统一社会信用代码: 18 characters of 0-9 A-H J-N P-R T U W-Y,
// position 18 = 31 - (Σ value·3^(i-1) mod 31) mod 31. Only the position-18
// check is applied (the embedded 组织机构代码 check is not: interface.md).
Status ValidateUscc(std::string_view code);
// Check character for the first 17 characters, or nullopt if any is outside the set.
std::optional<char> UsccCheckChar(std::string_view first17);

// GB 11643-1999 公民身份号码: 17 digits + check "10X98765432"[Σ d·w mod 11];
// birth date (positions 7-14) must be a real date. Upper-case X only.
Status ValidateResidentId(std::string_view id);
std::optional<char> ResidentIdCheckChar(std::string_view first17);

// GB 11714-1997 组织机构代码 (9 chars, check at 9: 11 - Σ mod 11; 10→X, 11→0).
// Reported by the catalog for 索引号 prefixes, never used to reject input.
bool IsValidOrgCode(std::string_view code);

}  // namespace gk::ids
