// One log line per request, with secrets redacted from the query string.
#pragma once

#include <string>
#include <string_view>

namespace gk::web {

// Replaces the values of query_code, password, token, code, csrf and secret
// parameters with "***", e.g. "/track?query_code=ab12" → "/track?query_code=***".
std::string RedactQuery(std::string_view target);

}  // namespace gk::web
