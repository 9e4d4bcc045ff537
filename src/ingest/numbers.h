// Reading one table token: a number, a blank-cell marker or text
// (report-format.md §0.3 value conventions, §6 items 7–9).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace gk::ingest {

enum class Unit { kNone, kYuan, kTenThousandYuan };

struct Number {
  int64_t micro = 0;           // value × 1 000 000 (rounded half up past 6 decimals)
  bool fractional = false;     // a non-zero fraction was printed
  bool explicit_sign = false;  // printed with + - 增 减 (本年增/减, §1.2)
  Unit unit = Unit::kNone;     // a unit printed after the digits (万元 / 元)
};

enum class TokenKind { kText, kNumber, kBlank };

struct Token {
  TokenKind kind = TokenKind::kText;
  Number number;  // kNumber only
};

// Classifies one whitespace-free token of normalised text (NFKC, dashes
// unified to "-"):
//  * blank markers "-", "--", "/", "无", "空", "空白", "暂无" → kBlank (a blank
//    cell, never 0);
//  * "5,416", "146.2243", "+1", "-1", "增1", "减2", "3件", "706万元" → kNumber;
//  * everything else → kText ("1.", "1.属于国家秘密", "0631-5587393", "2021年",
//    "200%", a number of more than 12 integer digits).
// Never throws; no allocation.
Token ClassifyToken(std::string_view tok);

// The integer value of a number without a fraction; nullopt otherwise.
std::optional<int64_t> AsInteger(const Number& n);

}  // namespace gk::ingest
