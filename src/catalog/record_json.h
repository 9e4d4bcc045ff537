// JSON forms of a record: the `records import` line (interface.md "Record
// fields") and the snapshot kept with every revision. Pure.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "catalog/record.h"

namespace gk::catalog {

// Parses one JSON Lines object of `records import` into a published record
// and validates it. Required: agency_id, index_no, title, publisher,
// published_on, category (strings). Optional (absent or null): doc_no,
// doc_type (规章|行政规范性文件|其他, default 其他), formed_on, validity
// (有效|失效|废止), validity_changed_on, body; also topic, genre, audience,
// art20_item (1..15). Dates are YYYY-MM-DD. Other keys are ignored. The error
// names the field (Chinese message).
std::variant<Record, FieldError> RecordFromImportJson(std::string_view line);

// The full record as one JSON object (the revision snapshot), keys in a fixed
// order; invalid UTF-8 is replaced, never thrown.
std::string RecordToJson(const Record& r);

}  // namespace gk::catalog
