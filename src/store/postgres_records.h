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

// A SQL expression over `records r`: the text of the record's attachments as
// search appends it to the body ("" without any).
extern const std::string_view kAttachmentTextSql;

// The token arrays (PostgreSQL array literals) of a published record's
// title+body (the body with its attachments' text) and title: what
// search_tokens and title_tokens are built from.
std::pair<std::string, std::string> PostgresRecordTokens(std::string_view title,
                                                         std::string_view body);
}  // namespace gk::store
