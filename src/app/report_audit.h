// Auditing many published reports in one run (`gongkai check DIR…`): the
// files of folders, read and validated on several threads, results in a
// stable order, the previous year's report matched by agency and year, and a
// summary table (CSV or XLSX) with one row per report (docs/ingest.md).
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "report/finding.h"
#include "report/model.h"

namespace gk::app {

// The files named by `args`: a file as given; a folder → every regular file
// below it (recursively, hidden entries and symbolic links to folders
// skipped), sorted by path. A path that does not exist is kept, so the
// caller reports it as unreadable. Order: argument order, then sorted.
// Invalid when a folder cannot be listed.
Result<std::vector<std::string>> ExpandReportPaths(const std::vector<std::string>& args);

struct AuditOptions {
  std::optional<report::Format> force_format;
  // Previous-year reports for carry-over (W1–W3). Without
  // match_previous_by_agency, previous[0] is the previous report of every file
  // (`--previous FILE`); with it, a file's previous report is the one of the
  // same agency for the year before (`--previous DIR`; none → no carry-over).
  std::vector<report::Report> previous;
  bool match_previous_by_agency = false;
  int threads = 0;  // 0 = the number of cores (at least 1)
  // Incremented after each file (for a progress bar); may be null.
  std::atomic<size_t>* done = nullptr;
};

struct AuditResult {
  std::string path;
  std::optional<report::Report> report;  // nullopt: unreadable
  std::vector<report::Finding> findings;  // for an unreadable file, one `unreadable`
  std::string previous_file;               // the previous-year report compared, "" for none
};

// Reads and validates every path; results in the order of `paths`.
std::vector<AuditResult> AuditReports(const std::vector<std::string>& paths,
                                      const AuditOptions& options);

// Reads reports for AuditOptions::previous from files and folders; the
// unreadable ones are skipped when a folder is given, and fail (naming the
// file) when a file is given.
Result<std::vector<report::Report>> LoadPreviousReports(const std::vector<std::string>& args,
                                                        int threads);

// The previous report for `r` (rules of AuditOptions::previous); null if none.
const report::Report* MatchPrevious(const report::Report& r, const AuditOptions& options);

// Writes the summary table to `path`: XLSX when it ends in .xlsx, else CSV
// (UTF-8 with BOM, for spreadsheet programs). One row per result: 文件, 机构,
// 年度, 格式, 文件类型, 结论 (通过/未通过/无法读取), 错误数, 警告数, 问题代码,
// 问题说明, 上年报告 (the previous-year file compared, for carry-over). Written to a temporary file beside `path` and renamed, so a
// failure leaves no partial file. Invalid with a message naming the path.
Status WriteAuditSummary(const std::string& path, const std::vector<AuditResult>& results);

}  // namespace gk::app
