// Chinese full-text search: the tokenizer behind the SQLite FTS5 table (and
// the PostgreSQL token column later), and the query builder. Pure.
//
// Matching rule (interface.md): a query is split on spaces into words; a
// record matches when every word occurs in its title or in its body, as a
// substring, after NFKC + case folding of both (text::SearchKey). This holds
// for any character: Han of any length (2-character words exactly), Latin
// case-folded (`pdf` finds `PDFs`), digits, punctuation (`GB/T`). Only
// whitespace separates: no word contains one, so no match spans one.
//
// How: the document side emits, for every character of a run of
// non-whitespace characters, its unigram and — at the same position (FTS5
// "colocated") — the bigram it starts in the run. The query side emits a run
// of n ≥ 2 characters as its n-1 bigrams, a single character as its
// unigram; each word becomes one phrase, and a phrase of consecutive bigrams
// is exactly a substring.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace gk::catalog {

enum class TokenizeMode { kDocument, kQuery };

struct Token {
  std::string text;  // folded token text (UTF-8)
  size_t begin = 0;  // byte range of the token in the original input
  size_t end = 0;
  bool colocated = false;  // same position as the previous token
};

// Calls `emit` for each token of `utf8` (invalid bytes are separators).
// Stops early and returns false when `emit` returns false.
bool Tokenize(std::string_view utf8, TokenizeMode mode,
              const std::function<bool(const Token&)>& emit);
// Convenience: all tokens.
std::vector<Token> Tokens(std::string_view utf8, TokenizeMode mode);

inline constexpr size_t kMaxQueryChars = 100;
inline constexpr size_t kMaxQueryWords = 8;

struct SearchQuery {
  std::vector<std::string> words;  // the user's words that have searchable tokens
  // The FTS5 MATCH expression: each word a quoted phrase, restricted to the
  // title and body columns, joined by AND. "" when `words` is empty (no
  // text condition: every record matches).
  std::string fts;
};

// Splits `q` on whitespace (ASCII and U+3000) and quotes each word (double
// quotes doubled), so no input can inject FTS5 syntax. Words that fold to
// nothing (e.g. only zero-width characters) are dropped. Invalid (Chinese message) when `q` is
// longer than kMaxQueryChars characters, has more than kMaxQueryWords words
// or is not valid UTF-8.
Result<SearchQuery> BuildQuery(std::string_view q);

}  // namespace gk::catalog

namespace gk::catalog {

// The words of a SearchQuery::fts expression (the inverse of BuildQuery's
// quoting): the PostgreSQL store matches these.
std::vector<std::string> WordsOfFts(std::string_view fts);

// The same words as `fts` (a SearchQuery::fts), each required in the title
// alone: "every word in the title", the first tier of a broad query's order.
std::string TitleOnlyFts(std::string_view fts);

// Whether `word` can be matched on tokens alone: a single character, or a
// run of two (its bigram is in a document exactly when the word is a
// substring of it). Longer words need the substring check after the index.
bool TokenExact(std::string_view word);

// Whether every word occurs in `title` or in `body` after NFKC + case folding
// (the matching rule above, checked directly).
bool MatchesAll(std::string_view title, std::string_view body,
                const std::vector<std::string>& words);

// `text` with every occurrence of the words marked \x01 … \x02 (whole text
// when max_chars is 0, else a window of about max_chars characters around
// the first match, cut ends shown as "…").
std::string MarkMatches(std::string_view text, const std::vector<std::string>& words,
                        size_t max_chars);
// The window of a search hit's body snippet, in characters (both stores).
inline constexpr size_t kSnippetChars = 48;

}  // namespace gk::catalog
