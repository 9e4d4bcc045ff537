// 索引号 (index numbers) of catalog entries (law.md §5.3: a convention, not
// law). Generated ones have the common form `<organ code>/<YYYY>-<serial>`,
// the serial 5 digits, zero-padded, restarting every year per agency.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace gk::catalog {

// An organ code usable in generated index numbers: 1–19 of [0-9A-Z-].
bool IsValidOrganCode(std::string_view code);

// `<organ_code>/<year>-<serial, 5 digits>`, e.g. "000013338/2023-00079".
// Invalid when the code is not valid, the year is outside 1900..9999 or the
// serial outside 1..99999.
Result<std::string> FormatIndexNo(std::string_view organ_code, int year, int64_t serial);

struct ParsedIndexNo {
  std::string organ_code;
  int year = 0;  // the first four digits of the date part (YYYY or YYYYMM)
  int64_t serial = 0;
};

// Lenient reading of the common pattern `[0-9A-Z-]{8,19}/\d{4,6}-\d{3,6}`
// (also with a 1–7 character code, as generated for short internal codes).
// nullopt for anything else; other forms are still valid index numbers, they
// just carry no year and serial.
std::optional<ParsedIndexNo> ParseIndexNo(std::string_view index_no);

}  // namespace gk::catalog
