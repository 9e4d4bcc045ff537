// Minimal HTML helpers for server-rendered pages.
#pragma once

#include <string>
#include <string_view>

namespace gk::web {

// Escapes & < > " ' for element content and attribute values.
std::string EscapeHtml(std::string_view s);

}  // namespace gk::web
