#include "app/report_files.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "ingest/reader.h"
#include "report/json.h"

namespace gk::app {
namespace {

constexpr off_t kMaxReportBytes = 64 * 1024 * 1024;

bool LooksLikeJson(std::string_view b) {
  size_t i = 0;
  if (b.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < b.size() && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) ++i;
  return i < b.size() && b[i] == '{';
}

}  // namespace

Result<std::string> ReadFileBytes(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return Status::NotFound(path + ": " + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return Status::Invalid(path + ": is a directory, expected a file");
  if (!S_ISREG(st.st_mode)) return Status::Invalid(path + ": not a regular file");
  if (st.st_size > kMaxReportBytes) return Status::Invalid(path + ": larger than 64 MiB");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open (" + std::strerror(errno) + ")");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::Invalid(path + ": read error");
  return ss.str();
}

Result<report::Report> ReadReport(std::string_view bytes, const std::string& name,
                                  const ReportReadOptions& options) {
  if (LooksLikeJson(bytes)) {
    std::string_view body = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? bytes.substr(3) : bytes;
    auto r = report::ReadReportJson(body);
    if (!r.ok())
      return Status::Unreadable("not a gongkai.annual-report/1 JSON document: " +
                                r.status().message());
    report::Report rep = std::move(r).value();
    rep.source.file = name;
    rep.source.kind = "json";
    if (options.force_format) rep.format = *options.force_format;
    return rep;
  }
  ingest::ReadOptions ro;
  ro.force_format = options.force_format;
  ro.file_name = name;
  return ingest::ReadReportBytes(bytes, ro);
}

}  // namespace gk::app
