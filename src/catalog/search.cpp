#include "catalog/search.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "catalog/record.h"
#include "core/text.h"

namespace gk::catalog {
namespace {

// Whitespace (after folding: U+3000 and NBSP are spaces by then), control
// characters and undecodable bytes separate runs; every other character is
// searchable.
bool Searchable(char32_t c) {
  if (c < 0x80) return c > 0x20 && c != 0x7F;
  if (c == 0xFFFD || c == 0x85 || (c >= 0x80 && c < 0xA0)) return false;
  return !u_isUWhiteSpace(static_cast<UChar32>(c));
}

// Decodes one code point at s[i]; returns its length (1 for invalid bytes,
// with c = U+FFFD).
size_t Decode(std::string_view s, size_t i, char32_t& c) {
  const auto b = static_cast<unsigned char>(s[i]);
  size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    c = 0xFFFD;
    return 1;
  }
  char32_t v = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (size_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      c = 0xFFFD;
      return 1;
    }
    v = (v << 6) | (cc & 0x3F);
  }
  c = v;
  return len;
}

void Append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// One folded character with the byte range of the source code point it
// came from (NFKC may expand one source character into several).
struct FoldedChar {
  char32_t c;
  size_t begin, end;
};

// NFKC + case folding, character by character so every folded character
// keeps its source offsets (snippets highlight the original text). Fast
// paths: ASCII and the unified ideographs are stable under NFKC_CF.
std::vector<FoldedChar> Fold(std::string_view s) {
  std::vector<FoldedChar> out;
  out.reserve(s.size() / 2 + 1);
  for (size_t i = 0; i < s.size();) {
    char32_t c;
    const size_t len = Decode(s, i, c);
    if (c < 0x80) {
      out.push_back({(c >= 'A' && c <= 'Z') ? c + 32 : c, i, i + len});
    } else if (c >= 0x4E00 && c <= 0x9FFF) {
      out.push_back({c, i, i + len});
    } else if (c == 0xFFFD) {
      out.push_back({U' ', i, i + len});
    } else {
      const std::string key = text::SearchKey(s.substr(i, len));
      for (size_t k = 0; k < key.size();) {
        char32_t f;
        k += Decode(key, k, f);
        out.push_back({f, i, i + len});
      }
    }
    i += len;
  }
  return out;
}

}  // namespace

bool Tokenize(std::string_view utf8, TokenizeMode mode,
              const std::function<bool(const Token&)>& emit) {
  const std::vector<FoldedChar> chars = Fold(utf8);
  const size_t n = chars.size();
  Token t;
  auto emit_gram = [&](size_t x, size_t len, bool colocated) {
    t.text.clear();
    for (size_t k = x; k < x + len; ++k) Append(t.text, chars[k].c);
    t.begin = chars[x].begin;
    t.end = chars[x + len - 1].end;
    t.colocated = colocated;
    return emit(t);
  };
  for (size_t i = 0; i < n;) {
    if (!Searchable(chars[i].c)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && Searchable(chars[j].c)) ++j;
    if (mode == TokenizeMode::kDocument) {
      // Each character, and the bigram it starts, at one position.
      for (size_t x = i; x < j; ++x) {
        if (!emit_gram(x, 1, false)) return false;
        if (x + 1 < j && !emit_gram(x, 2, true)) return false;
      }
    } else if (j - i == 1) {
      if (!emit_gram(i, 1, false)) return false;
    } else {
      // Query: the run's bigrams, one per position: consecutive bigrams occur
      // exactly where the run occurs as a substring (the last character's
      // unigram adds nothing but a long posting list to read).
      for (size_t x = i; x + 1 < j; ++x)
        if (!emit_gram(x, 2, false)) return false;
    }
    i = j;
  }
  return true;
}

std::vector<Token> Tokens(std::string_view utf8, TokenizeMode mode) {
  std::vector<Token> out;
  Tokenize(utf8, mode, [&](const Token& t) {
    out.push_back(t);
    return true;
  });
  return out;
}

namespace {

std::string Quote(std::string_view w) {
  std::string quoted = "\"";
  for (char c : w) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

}  // namespace

Result<SearchQuery> BuildQuery(std::string_view q) {
  if (!text::IsValidUtf8(q)) return Status::Invalid("检索词不是有效的 UTF-8 文本");
  if (CharCount(q) > kMaxQueryChars)
    return Status::Invalid("检索词不能超过 " + std::to_string(kMaxQueryChars) + " 个字符");
  // Split on ASCII whitespace and the ideographic space U+3000.
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) words.push_back(std::move(cur));
    cur.clear();
  };
  for (size_t i = 0; i < q.size();) {
    if (q[i] == ' ' || q[i] == '\t' || q[i] == '\n' || q[i] == '\r' || q[i] == '\f' ||
        q[i] == '\v') {
      flush();
      ++i;
    } else if (q.compare(i, 3, "\xE3\x80\x80") == 0) {
      flush();
      i += 3;
    } else {
      cur += q[i++];
    }
  }
  flush();
  if (words.size() > kMaxQueryWords)
    return Status::Invalid("检索词最多 " + std::to_string(kMaxQueryWords) + " 个（以空格分隔）");
  SearchQuery out;
  for (std::string& w : words) {
    if (Tokens(w, TokenizeMode::kQuery).empty()) continue;
    if (!out.fts.empty()) out.fts += " AND ";
    out.fts += "{title body} : " + Quote(w);
    out.words.push_back(std::move(w));
  }
  return out;
}

}  // namespace gk::catalog

namespace gk::catalog {

std::vector<std::string> WordsOfFts(std::string_view fts) {
  std::vector<std::string> words;
  for (size_t i = 0; i < fts.size(); ++i) {
    if (fts[i] != '"') continue;
    std::string w;
    size_t j = i + 1;
    for (; j < fts.size(); ++j) {
      if (fts[j] == '"') {
        if (j + 1 < fts.size() && fts[j + 1] == '"') {
          w += '"';
          ++j;
          continue;
        }
        break;
      }
      w += fts[j];
    }
    words.push_back(std::move(w));
    i = j;
  }
  return words;
}

std::string TitleOnlyFts(std::string_view fts) {
  std::string out;
  for (const std::string& w : WordsOfFts(fts)) {
    if (!out.empty()) out += " AND ";
    out += "{title} : " + Quote(w);
  }
  return out;
}

bool TokenExact(std::string_view word) {
  return Tokens(word, TokenizeMode::kQuery).size() == 1;
}

bool MatchesAll(std::string_view title, std::string_view body,
                const std::vector<std::string>& words) {
  const std::string t = text::SearchKey(title);
  const std::string b = text::SearchKey(body);
  for (const std::string& w : words) {
    const std::string k = text::SearchKey(w);
    if (t.find(k) == std::string::npos && b.find(k) == std::string::npos) return false;
  }
  return true;
}

std::string MarkMatches(std::string_view text, const std::vector<std::string>& words,
                        size_t max_chars) {
  const std::vector<FoldedChar> chars = Fold(text);
  const size_t n = chars.size();
  // Which folded characters are part of a match.
  std::vector<bool> hit(n, false);
  for (const std::string& w : words) {
    std::vector<char32_t> key;
    for (const FoldedChar& f : Fold(w))
      if (Searchable(f.c)) key.push_back(f.c);
    if (key.empty() || key.size() > n) continue;
    for (size_t p = 0; p + key.size() <= n; ++p) {
      size_t k = 0;
      while (k < key.size() && chars[p + k].c == key[k]) ++k;
      if (k == key.size())
        for (k = 0; k < key.size(); ++k) hit[p + k] = true;
    }
  }
  size_t from = 0, to = n;
  if (max_chars > 0 && n > max_chars) {
    size_t first = 0;
    while (first < n && !hit[first]) ++first;
    if (first == n) first = 0;
    from = first > max_chars / 4 ? first - max_chars / 4 : 0;
    to = std::min(n, from + max_chars);
    if (to == n) from = n - max_chars;
  }
  std::string out;
  if (from > 0) out += "…";
  bool open = false;
  size_t pos = from < n ? chars[from].begin : text.size();
  for (size_t i = from; i < to; ++i) {
    // Several folded characters may share one source character.
    if (chars[i].begin < pos) continue;
    if (hit[i] && !open) {
      out += '\x01';  // store::kHitBegin
      open = true;
    } else if (!hit[i] && open) {
      out += '\x02';  // store::kHitEnd
      open = false;
    }
    out.append(text.substr(chars[i].begin, chars[i].end - chars[i].begin));
    pos = chars[i].end;
  }
  if (open) out += '\x02';
  if (to < n) out += "…";
  return out;
}

}  // namespace gk::catalog
