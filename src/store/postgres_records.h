// PostgreSQL side of the catalog: the RecordStore over one connection, with
// search on app-side unigram+bigram tokens in tsvector columns (migration
// postgres/0007; catalog/search.h).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "store/records.h"

#include <pqxx/connection>

namespace gk::store {

// The RecordStore of one connection; `conn` must outlive it.
std::unique_ptr<RecordStore> MakePostgresRecordStore(pqxx::connection& conn);

}  // namespace gk::store

namespace gk::store {
// The token arrays (PostgreSQL array literals) of a published record's
// title+body and title: what search_tokens and title_tokens are built from.
std::pair<std::string, std::string> PostgresRecordTokens(std::string_view title,
                                                         std::string_view body);
}  // namespace gk::store
