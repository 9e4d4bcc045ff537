#include "ingest/normalize.h"

#include <algorithm>
#include <array>

#include "core/text.h"

namespace gk::ingest {
namespace {

bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

// Characters that exist only in Traditional script and are frequent in
// annual reports (§6 item 10). Three or more of them mark a converted page.
constexpr std::u32string_view kTraditionalOnly =
    U"與個們來時說國經開關務發這數處結轉訴訟議規範檔請資義見報體會為對從點電網機構區縣鎮辦"
    U"門問題類總計屬護權確認費繳納執決複製強許罰採購項統歸條錄據況於衛產務紀員實"
    U"應當舉訊託聯絡綜濟區鄉";

bool LooksTraditional(std::u32string_view s) {
  static const std::u32string kSorted = [] {
    std::u32string v(kTraditionalOnly);
    std::sort(v.begin(), v.end());
    return v;
  }();
  int hits = 0;
  for (char32_t c : s) {
    if (c >= 0x4E00 && std::binary_search(kSorted.begin(), kSorted.end(), c) && ++hits >= 3) {
      return true;
    }
  }
  return false;
}

bool IsLatinLetter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= 0xC0 && c <= 0x24F); }

// "公(gong)開(kai)": a Han character directly followed by a bracketed Latin
// syllable. Two occurrences are needed before the text is rewritten.
bool LooksPinyinAnnotated(std::u32string_view s) {
  int hits = 0;
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if (IsHan(s[i]) && (s[i + 1] == U'(' || s[i + 1] == U'（') && IsLatinLetter(s[i + 2]) &&
        ++hits >= 2) {
      return true;
    }
  }
  return false;
}

// Drops "[bookmark: …]" and "[image: …]" markers left by document
// converters (§6 item 16, §5.5). A marker never spans a line break.
std::string StripMarkers(std::string_view s) {
  static constexpr std::array<std::string_view, 2> kMarkers = {"[bookmark:", "[image:"};
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '[') {
      bool dropped = false;
      for (std::string_view m : kMarkers) {
        if (s.substr(i, m.size()) != m) continue;
        size_t j = i + m.size();
        while (j < s.size() && s[j] != ']' && s[j] != '\n' && j - i < 4096) ++j;
        if (j < s.size() && s[j] == ']') {
          i = j + 1;
          dropped = true;
        }
        break;
      }
      if (dropped) continue;
    }
    out.push_back(s[i]);
    ++i;
  }
  return out;
}

void ReplaceAll(std::string& s, std::string_view from, std::string_view to) {
  size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
}

// Regional word substitutions made by Simplified→Traditional converters
// (§6 item 10), undone after the character-level conversion.
void FixConvertedWords(std::string& s) {
  ReplaceAll(s, "档案", "文件");  // 規範性檔案 → 规范性文件
  ReplaceAll(s, "资讯", "信息");  // 政府資訊公開 → 政府信息公开
  ReplaceAll(s, "讯息", "信息");
  ReplaceAll(s, "网路", "网络");
  ReplaceAll(s, "透过", "通过");
}

bool IsDash(char32_t c) {
  return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0x2E3A || c == 0x2E3B || c == 0xFE58 ||
         c == 0xFE63 || c == 0xFF0D || c == 0x2500 || c == 0x2501;
}

bool IsZeroWidth(char32_t c) {
  return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
}

bool IsOtherSpace(char32_t c) {
  return c == 0x00A0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}

// Per-code-point clean-up after NFKC: line breaks, dashes, spaces, controls.
std::u32string CleanCodePoints(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c == U'\r') {
      if (i + 1 < s.size() && s[i + 1] == U'\n') continue;
      c = U'\n';
    } else if (c == 0x2028 || c == 0x2029 || c == 0x0B || c == 0x0C || c == 0x85) {
      c = U'\n';
    } else if (IsDash(c)) {
      c = U'-';
    } else if (IsZeroWidth(c)) {
      continue;
    } else if (IsOtherSpace(c) || (c < 0x20 && c != U'\t' && c != U'\n') || c == 0x7F) {
      c = U' ';
    }
    out.push_back(c);
  }
  return out;
}

// "|---|:---:|" (Markdown table rules) and "------" / "======" decorations;
// shorter dash runs are blank-cell markers ("——" → "--").
bool IsRuleLine(std::string_view t) {
  bool pipe = false;
  size_t marks = 0;
  for (char c : t) {
    if (c == '|') {
      pipe = true;
    } else if (c == '-' || c == '=' || c == ':' || c == '+') {
      ++marks;
    } else if (c != ' ' && c != '\t') {
      return false;
    }
  }
  return (pipe && marks > 0) || (marks >= 6 && t.find('\t') == std::string_view::npos);
}

void Classify(Line& line) {
  line.compact = Compact(line.text);
  line.cells =
      line.text.find('\t') != std::string::npos || line.text.find('|') != std::string::npos;
  // A line holding only a tab is an empty cell (one-cell-per-line layout),
  // not an empty line.
  line.blank =
      (line.compact.empty() && line.text.find('\t') == std::string::npos) || IsRuleLine(line.text);
  if (line.blank) {
    line.compact.clear();
    line.cells = false;
    return;
  }
  if (line.cells) return;
  const size_t n = CodePoints(line.compact);
  const bool sentence =
      line.compact.find("。") != std::string::npos || line.compact.find(';') != std::string::npos;
  const bool comma = line.compact.find(',') != std::string::npos;
  line.prose = sentence || (comma && n > 40) || n > 150;
}

}  // namespace

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string Compact(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') continue;
    if (s.substr(i, 2) == "\xC2\xA0") {  // U+00A0
      ++i;
      continue;
    }
    if (s.substr(i, 3) == "\xE3\x80\x80") {  // U+3000
      i += 2;
      continue;
    }
    out.push_back(c);
  }
  return out;
}

NormalizedText Normalize(std::string_view utf8) {
  NormalizedText out;
  if (utf8.size() > kMaxTextBytes) {
    size_t cut = kMaxTextBytes;
    while (cut > 0 && (static_cast<unsigned char>(utf8[cut]) & 0xC0) == 0x80) --cut;
    utf8 = utf8.substr(0, cut);
  }
  std::string text =
      text::IsValidUtf8(utf8) ? std::string(utf8) : text::ToUtf8(text::ToUtf32(utf8));
  text = StripMarkers(text);

  std::u32string cps = text::ToUtf32(text);
  if (LooksPinyinAnnotated(cps)) {
    text = text::StripPinyinAnnotations(text);
    out.pinyin = true;
    cps = text::ToUtf32(text);
  }
  if (LooksTraditional(cps)) {
    text = text::ToSimplified(text);
    FixConvertedWords(text);
    out.traditional = true;
  }
  text = text::ToUtf8(CleanCodePoints(text::ToUtf32(text::Nfkc(text))));

  out.lines.reserve(std::min<size_t>(
      kMaxLines, static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1));
  size_t start = 0;
  while (start <= text.size() && out.lines.size() < kMaxLines) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    Line line;
    line.text = text.substr(start, end - start);
    Classify(line);
    out.lines.push_back(std::move(line));
    if (end == text.size()) break;
    start = end + 1;
  }
  return out;
}

}  // namespace gk::ingest
