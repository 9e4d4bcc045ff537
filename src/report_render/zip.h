// Zips named parts in memory with libzip (for DOCX packages).
#pragma once

#include <ctime>
#include <string>
#include <vector>

#include "core/status.h"

namespace gk::report_render {

struct ZipPart {
  std::string name;
  std::string data;
};

// The zip archive of the parts, in the given order, each entry dated mtime.
// Internal naming the step (and `what`, e.g. "DOCX") when libzip fails.
Result<std::string> ZipParts(const std::vector<ZipPart>& parts, time_t mtime, const char* what);

}  // namespace gk::report_render
