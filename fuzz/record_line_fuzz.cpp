// Fuzz target: the catalog's parsers — a `records import` line (parse,
// validate, snapshot JSON), the search tokenizer on both sides and the query
// builder. Nothing may crash; token offsets must lie inside the input and a
// built query must quote every word.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "catalog/record_json.h"
#include "catalog/search.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = gk::catalog::RecordFromImportJson(text);
  if (auto* r = std::get_if<gk::catalog::Record>(&parsed)) {
    // What the parser accepts is valid and has a snapshot.
    if (gk::catalog::Validate(*r)) std::abort();
    if (gk::catalog::RecordToJson(*r).empty()) std::abort();
  }
  for (auto mode : {gk::catalog::TokenizeMode::kDocument, gk::catalog::TokenizeMode::kQuery}) {
    gk::catalog::Tokenize(text, mode, [&](const gk::catalog::Token& t) {
      if (t.begin >= t.end || t.end > size || t.text.empty()) std::abort();
      return true;
    });
  }
  auto q = gk::catalog::BuildQuery(text);
  if (q.ok() && q->words.empty() != q->fts.empty()) std::abort();
  return 0;
}
