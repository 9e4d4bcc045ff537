// Text decoding and normalisation. Stored text is always the original UTF-8;
// the normalised forms below are for matching and search keys only.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace gk::text {

enum class Encoding { kUtf8, kUtf8Bom, kUtf16Le, kUtf16Be, kGb18030 };
const char* EncodingName(Encoding e);  // "utf-8", "utf-8-bom", "utf-16le", ...

struct Decoded {
  std::string utf8;
  Encoding encoding = Encoding::kUtf8;
};

// Detects the encoding of `bytes` and returns UTF-8 text without a BOM.
// Order: BOM (UTF-8, UTF-16 LE/BE); valid UTF-8; UTF-16 without BOM when the
// zero-byte pattern is unmistakable; else GB18030 (a superset of GBK/GB2312)
// when it decodes cleanly. Fails with kUnreadable when nothing decodes.
Result<Decoded> DecodeToUtf8(std::string_view bytes);

bool IsValidUtf8(std::string_view s);

// Unicode NFKC (full-width digits/brackets → ASCII, compatibility forms).
std::string Nfkc(std::string_view utf8);
// NFKC followed by case folding: the key used to compare and search.
std::string SearchKey(std::string_view utf8);
// Traditional → Simplified Chinese (character level, ICU "Hant-Hans").
std::string ToSimplified(std::string_view utf8);
// Removes pinyin annotations inserted after characters, e.g. "公(gong)開(kai)"
// or "經(jīng)" → "公開", "經" (NFD, drop combining marks inside the parens).
std::string StripPinyinAnnotations(std::string_view utf8);

// Splits UTF-8 into code points (invalid bytes become U+FFFD).
std::u32string ToUtf32(std::string_view utf8);
std::string ToUtf8(std::u32string_view s);

}  // namespace gk::text
