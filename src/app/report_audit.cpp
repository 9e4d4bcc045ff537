#include "app/report_audit.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

#include "app/report_files.h"
#include "report/validate.h"

namespace gk::app {
namespace {

namespace fs = std::filesystem;

bool Hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

int Threads(int requested) {
  if (requested > 0) return requested;
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

// Runs fn(i) for i in [0, n) on `threads` threads.
template <typename Fn>
void ParallelFor(size_t n, int threads, Fn fn) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  const int extra = std::min<int>(threads, static_cast<int>(n)) - 1;
  std::vector<std::thread> pool;
  for (int t = 0; t < extra; ++t) pool.emplace_back(work);
  work();
  for (auto& th : pool) th.join();
}

Result<report::Report> ReadOne(const std::string& path,
                               const std::optional<report::Format>& force) {
  auto bytes = ReadFileBytes(path);
  if (!bytes.ok()) return Status::Unreadable(bytes.status().message());
  ReportReadOptions opts;
  opts.force_format = force;
  auto r = ReadReport(*bytes, path, opts);
  if (!r.ok()) return Status::Unreadable(path + ": " + r.status().message());
  return r;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

struct SummaryRow {
  std::vector<std::string> text;  // 文件 … 结论
  int errors = 0, warnings = 0;
  std::string codes, messages;
};

SummaryRow Row(const AuditResult& r) {
  SummaryRow row;
  for (const auto& f : r.findings) (f.severity == report::Severity::kError ? row.errors : row.warnings)++;
  std::vector<std::string> codes;
  for (const auto& f : r.findings) {
    if (std::find(codes.begin(), codes.end(), f.code) == codes.end()) codes.push_back(f.code);
    if (!row.messages.empty()) row.messages += '\n';
    row.messages += f.message;
  }
  for (const auto& c : codes) row.codes += (row.codes.empty() ? "" : " ") + c;
  std::string agency, year, format, kind, verdict = "无法读取";
  if (r.report) {
    agency = r.report->agency.value_or("");
    year = r.report->year ? std::to_string(*r.report->year) : "";
    format = std::string(report::FormatId(r.report->format));
    kind = r.report->source.kind;
    verdict = report::HasErrors(r.findings) ? "未通过" : "通过";
  }
  row.text = {r.path, agency, year, format, kind, verdict};
  return row;
}

const char* const kHeaders[] = {"文件",   "机构",   "年度",     "格式",     "文件类型", "结论",
                                "错误数", "警告数", "问题代码", "问题说明", "上年报告"};

Status WriteCsv(const std::string& tmp, const std::vector<AuditResult>& results) {
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) return Status::Invalid("cannot write " + tmp);
  out << "\xEF\xBB\xBF";
  for (size_t i = 0; i < std::size(kHeaders); ++i) out << (i ? "," : "") << kHeaders[i];
  out << "\r\n";
  for (const auto& r : results) {
    const SummaryRow row = Row(r);
    for (const auto& t : row.text) out << CsvField(t) << ',';
    out << row.errors << ',' << row.warnings << ',' << CsvField(row.codes) << ','
        << CsvField(row.messages) << ',' << CsvField(r.previous_file) << "\r\n";
  }
  out.flush();
  if (!out) return Status::Invalid("write error on " + tmp);
  return Status::Ok();
}

Status WriteXlsx(const std::string& tmp, const std::vector<AuditResult>& results) {
  lxw_workbook* wb = workbook_new(tmp.c_str());
  if (wb == nullptr) return Status::Invalid("cannot create " + tmp);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "检查结果");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  for (lxw_col_t c = 0; c < std::size(kHeaders); ++c) {
    worksheet_write_string(ws, 0, c, kHeaders[c], bold);
  }
  worksheet_set_column(ws, 0, 0, 40, nullptr);
  worksheet_set_column(ws, 1, 1, 30, nullptr);
  worksheet_set_column(ws, 8, 8, 30, nullptr);
  worksheet_set_column(ws, 9, 9, 80, wrap);
  worksheet_set_column(ws, 10, 10, 40, nullptr);
  worksheet_freeze_panes(ws, 1, 0);
  lxw_row_t r = 1;
  for (const auto& res : results) {
    const SummaryRow row = Row(res);
    for (lxw_col_t c = 0; c < row.text.size(); ++c) {
      if (c == 2 && !row.text[c].empty()) {
        worksheet_write_number(ws, r, c, std::stod(row.text[c]), nullptr);
      } else {
        worksheet_write_string(ws, r, c, row.text[c].c_str(), nullptr);
      }
    }
    worksheet_write_number(ws, r, 6, row.errors, nullptr);
    worksheet_write_number(ws, r, 7, row.warnings, nullptr);
    worksheet_write_string(ws, r, 8, row.codes.c_str(), nullptr);
    worksheet_write_string(ws, r, 9, row.messages.c_str(), wrap);
    worksheet_write_string(ws, r, 10, res.previous_file.c_str(), nullptr);
    ++r;
  }
  if (!results.empty()) worksheet_autofilter(ws, 0, 0, r - 1, std::size(kHeaders) - 1);
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    return Status::Invalid("cannot write " + tmp + ": " + lxw_strerror(err));
  }
  return Status::Ok();
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  if (s.size() < suffix.size()) return false;
  std::string tail = s.substr(s.size() - suffix.size());
  std::transform(tail.begin(), tail.end(), tail.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return tail == suffix;
}

}  // namespace

Result<std::vector<std::string>> ExpandReportPaths(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (const std::string& a : args) {
    std::error_code ec;
    if (!fs::is_directory(a, ec)) {
      out.push_back(a);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(a, fs::directory_options::skip_permission_denied, ec);
    if (ec) return Status::Invalid(a + ": cannot list the folder (" + ec.message() + ")");
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) return Status::Invalid(a + ": cannot list the folder (" + ec.message() + ")");
      const fs::directory_entry& e = *it;
      if (Hidden(e.path())) {
        if (e.is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (e.is_symlink(ec) && e.is_directory(ec)) {
        it.disable_recursion_pending();
        continue;
      }
      if (e.is_regular_file(ec)) found.push_back(e.path().string());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

const report::Report* MatchPrevious(const report::Report& r, const AuditOptions& options) {
  if (options.previous.empty()) return nullptr;
  if (!options.match_previous_by_agency) return &options.previous[0];
  if (!r.agency || !r.year) return nullptr;
  for (const auto& p : options.previous) {
    if (p.agency == r.agency && p.year && *p.year == *r.year - 1) return &p;
  }
  return nullptr;
}

std::vector<AuditResult> AuditReports(const std::vector<std::string>& paths,
                                      const AuditOptions& options) {
  std::vector<AuditResult> results(paths.size());
  ParallelFor(paths.size(), Threads(options.threads), [&](size_t i) {
    AuditResult& out = results[i];
    out.path = paths[i];
    auto r = ReadOne(paths[i], options.force_format);
    if (!r.ok()) {
      report::Finding f;
      f.severity = report::Severity::kError;
      f.code = "unreadable";
      f.message = "无法作为年度报告读取：" + r.status().message();
      out.findings.push_back(std::move(f));
    } else {
      report::ValidateOptions vo;
      vo.previous = MatchPrevious(*r, options);
      if (vo.previous != nullptr) out.previous_file = vo.previous->source.file;
      out.findings = report::Validate(*r, vo);
      out.report = std::move(r).value();
    }
    if (options.done != nullptr) ++*options.done;
  });
  return results;
}

Result<std::vector<report::Report>> LoadPreviousReports(const std::vector<std::string>& args,
                                                        int threads) {
  std::vector<report::Report> out;
  for (const std::string& a : args) {
    std::error_code ec;
    const bool dir = fs::is_directory(a, ec);
    auto paths = ExpandReportPaths({a});
    if (!paths.ok()) return paths.status();
    std::vector<std::optional<report::Report>> read(paths->size());
    std::vector<Status> errors(paths->size());
    ParallelFor(paths->size(), Threads(threads), [&](size_t i) {
      auto r = ReadOne((*paths)[i], std::nullopt);
      if (r.ok()) {
        read[i] = std::move(r).value();
      } else {
        errors[i] = r.status();
      }
    });
    for (size_t i = 0; i < read.size(); ++i) {
      if (read[i]) {
        out.push_back(std::move(*read[i]));
      } else if (!dir) {
        return errors[i];
      }
    }
  }
  return out;
}

Status WriteAuditSummary(const std::string& path, const std::vector<AuditResult>& results) {
  // Checked first: libxlsxwriter prints its own message on a bad path.
  const fs::path parent = fs::path(path).parent_path();
  const std::string dir = parent.empty() ? "." : parent.string();
  if (::access(dir.c_str(), W_OK) != 0) {
    return Status::Invalid(path + ": cannot write (the folder " + dir +
                           " does not exist or is not writable)");
  }
  const std::string tmp = path + ".tmp" + std::to_string(::getpid());
  Status st = EndsWith(path, ".xlsx") ? WriteXlsx(tmp, results) : WriteCsv(tmp, results);
  if (!st.ok()) {
    std::remove(tmp.c_str());
    return st;
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return Status::Invalid(path + ": cannot write (" + ec.message() + ")");
  }
  return Status::Ok();
}

}  // namespace gk::app
