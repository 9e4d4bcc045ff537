// A finding of the report checker (interface.md "Findings").
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace gk::report {

enum class Severity { kError, kWarning };

struct Finding {
  Severity severity = Severity::kError;
  std::string code;     // row_sum, column_sum, balance, … (interface.md)
  std::string section;  // "一" … "六", "" when not about one section
  std::string row;      // JSON row / group key, "" when not applicable
  std::string column;   // JSON column / field key, "" when not applicable
  std::optional<int64_t> expected;
  std::optional<int64_t> actual;
  std::string message;  // Chinese, names section, row, column, expected, actual
};

inline const char* SeverityName(Severity s) { return s == Severity::kError ? "error" : "warning"; }

}  // namespace gk::report
