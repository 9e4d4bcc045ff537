// Page layout and JSON error bodies shared by all handlers.
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>

namespace gk::web {

// A whole HTML page (lang="zh-CN", skip link, header, footer) around `body`.
std::string Page(std::string_view title, std::string_view body);

// Public portal pages: the large-text mode (适老化) and the link that toggles it.
struct PageOptions {
  bool large_text = false;
  std::string large_text_toggle;  // href of the toggle link ("" = no link)
};
std::string Page(std::string_view title, std::string_view body, const PageOptions& options);

// interface.md: {"error":{"code":…,"message":…}} with a 4xx/5xx status.
void JsonError(httplib::Response& res, int status, std::string_view code, std::string_view msg);
void JsonBody(httplib::Response& res, int status, const std::string& body);

}  // namespace gk::web
