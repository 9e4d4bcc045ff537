// Reading published reports from files or uploaded bytes: picks the reader by
// content (JSON of gongkai.annual-report/1, else the document readers).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "report/model.h"

namespace gk::app {

// Reads a whole file; NotFound / Invalid with a message naming the path.
Result<std::string> ReadFileBytes(const std::string& path);

struct ReportReadOptions {
  std::optional<report::Format> force_format;
};
// kUnreadable when the content cannot be decoded or is not a report.
Result<report::Report> ReadReport(std::string_view bytes, const std::string& name,
                                  const ReportReadOptions& options);

}  // namespace gk::app
