#include "store/store.h"

#include "store/postgres_store.h"
#include "store/sqlite_store.h"

#include "catalog/search.h"

namespace gk::store {

Result<std::unique_ptr<Store>> OpenStore(std::string_view url, OpenMode mode) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.substr(0, kSqlite.size()) == kSqlite) {
    std::string path(url.substr(kSqlite.size()));
    if (path.empty())
      return Status::Invalid("--db sqlite: needs a file path, e.g. sqlite:var/gongkai.db");
    return OpenSqliteStore(path, mode);
  }
  if (url.substr(0, 13) == "postgresql://" || url.substr(0, 11) == "postgres://") {
    return OpenPostgresStore(std::string(url), mode);
  }
  return Status::Invalid("unknown database URL '" + std::string(url.substr(0, 80)) +
                         "': expected sqlite:PATH or postgresql://…");
}

std::string RedactedUrl(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  const size_t at = url.find('@', scheme + 3);
  const size_t colon = url.find(':', scheme + 3);
  if (at == std::string_view::npos || colon == std::string_view::npos || colon > at)
    return std::string(url);
  return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

RecordHit MarkedHit(catalog::Record record, const std::vector<std::string>& words,
                    bool with_body) {
  RecordHit hit{std::move(record), "", ""};
  hit.title_snippet = catalog::MarkMatches(hit.record.title, words, 0);
  hit.body_snippet = catalog::MarkMatches(hit.record.body, words, catalog::kSnippetChars);
  if (!with_body) hit.record.body.clear();
  return hit;
}

}  // namespace gk::store
