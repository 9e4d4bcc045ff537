// Normalisation of report text before any matching (report-format.md §6.1
// step 1). The output is a list of lines whose text is a matching form only:
// never store it as the document's text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gk::ingest {

// Inputs beyond these sizes are read only up to the limit: a report is a few
// hundred kilobytes, and the caps keep the reader linear on hostile input.
inline constexpr size_t kMaxTextBytes = 16 * 1024 * 1024;
inline constexpr size_t kMaxLines = 400'000;

struct Line {
  std::string text;     // normalised text, cell separators (tabs) kept
  std::string compact;  // `text` without any whitespace: the matching key
  bool blank = false;   // nothing but spaces (a line with a tab is an empty cell)
  bool cells = false;   // holds a cell separator (tab or '|'): a table row or cell
  // Running text: a sentence (。 or ;) or a long comma-separated line without
  // cell separators. Prose never anchors a table row and never gives values.
  bool prose = false;
};

struct NormalizedText {
  std::vector<Line> lines;
  bool traditional = false;  // Traditional script was detected and converted
  bool pinyin = false;       // pinyin annotations were removed
};

// Applies, in order: removal of "[bookmark: …]" and "[image: …]" markers;
// pinyin stripping and Traditional→Simplified conversion (with the word
// fixes of §6 item 10) when the text shows them; NFKC (full-width digits and
// brackets → ASCII); dash unification (— – − － → "-"); removal of zero-width
// characters; CRLF/CR → LF. Invalid UTF-8 is replaced, never rejected.
NormalizedText Normalize(std::string_view utf8);

// `s` without whitespace (ASCII whitespace, NBSP, ideographic space).
std::string Compact(std::string_view s);

// Number of Unicode code points in valid-or-not UTF-8 (lead bytes counted).
size_t CodePoints(std::string_view s);

}  // namespace gk::ingest
