#include "cli/commands.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "app/annual_report.h"
#include "app/calendar_service.h"
#include "app/case_import.h"
#include "app/clock.h"
#include "app/demo.h"
#include "app/ledger_export.h"
#include "app/records.h"
#include "app/report_audit.h"
#include "app/report_files.h"
#include "app/staff.h"
#include "app/verify.h"
#include "core/date.h"
#include "law/calendar.h"
#include "law/deadline.h"
#include "report/json.h"
#include "report/validate.h"
#include "store/store.h"
#include "web/server.h"

namespace gk::cli {
namespace {

void Fail(const std::string& msg) { std::fprintf(stderr, "gongkai: %s\n", msg.c_str()); }

std::optional<report::Format> FormatArg(const std::string& f) {
  if (f == "auto") return std::nullopt;
  return report::ParseFormat(f);
}

// Reads and parses one report file; on failure prints nothing and returns the
// Status (the caller decides how to report it).
Result<report::Report> LoadReport(const std::string& path, const std::string& format) {
  auto bytes = app::ReadFileBytes(path);
  if (!bytes.ok()) return Status::Unreadable(bytes.status().message());
  app::ReportReadOptions opts;
  opts.force_format = FormatArg(format);
  auto r = app::ReadReport(*bytes, path, opts);
  if (!r.ok()) return Status::Unreadable(path + ": " + r.status().message());
  return r;
}

std::string Describe(const report::Report& r) {
  std::string s = std::string(report::FormatId(r.format)) + " 格式";
  s += r.year ? "，" + std::to_string(*r.year) + " 年度" : "，年度不详";
  s += r.agency ? "，" + *r.agency : "，机构不详";
  return s;
}

// An existing database and the calendar in force (built-in + imported years);
// nullopt after printing why not.
struct Workspace {
  std::unique_ptr<store::Store> store;
  law::Calendar calendar;
};
std::optional<Workspace> OpenWorkspace(const std::string& db) {
  auto store = store::OpenStore(db, store::OpenMode::kMustExist);
  if (!store.ok()) {
    Fail(store.status().message());
    return std::nullopt;
  }
  auto cal = app::LoadCalendar(**store);
  if (!cal.ok()) {
    Fail(cal.status().message());
    return std::nullopt;
  }
  return Workspace{std::move(store).value(), std::move(cal).value()};
}

}  // namespace

namespace {

// Files and folders → the files to read (folders walked, sorted); a folder
// that cannot be listed or holds no file is named on stderr (usage error).
std::optional<std::vector<std::string>> ExpandPaths(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  bool ok = true;
  for (const std::string& a : args) {
    auto paths = app::ExpandReportPaths({a});
    if (!paths.ok()) {
      Fail(paths.status().message());
      ok = false;
    } else if (paths->empty()) {
      Fail(a + ": the folder holds no file");
      ok = false;
    } else {
      out.insert(out.end(), paths->begin(), paths->end());
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace

int RunIngest(const IngestArgs& args) {
  int exit_code = kExitOk;
  auto paths = ExpandPaths(args.files);
  if (!paths) return kExitUsage;
  for (const std::string& path : *paths) {
    auto r = LoadReport(path, args.format);
    if (!r.ok()) {
      Fail(r.status().message());
      exit_code = kExitUsage;
      continue;
    }
    std::cout << report::WriteReportJson(*r) << '\n';
  }
  std::cout.flush();
  return exit_code;
}

namespace {

// A progress bar on stderr while `done` < `total`, drawn only when stderr is
// a terminal; stops when `finished` is set.
void DrawProgress(const std::atomic<size_t>& done, size_t total, const std::atomic<bool>& finished) {
  constexpr int kWidth = 30;
  while (!finished.load()) {
    const size_t d = std::min(done.load(), total);
    const int fill = total == 0 ? kWidth : static_cast<int>(d * kWidth / total);
    std::fprintf(stderr, "\r检查中 [%s%s] %zu/%zu", std::string(static_cast<size_t>(fill), '#').c_str(),
                 std::string(static_cast<size_t>(kWidth - fill), ' ').c_str(), d, total);
    std::fflush(stderr);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::fprintf(stderr, "\r%*s\r", kWidth + 40, "");
  std::fflush(stderr);
}

void PrintCheckResult(const app::AuditResult& res, bool json) {
  if (!res.report) {
    if (json) {
      std::cout << report::WriteCheckResultJson(res.path, nullptr, res.findings) << '\n';
    } else {
      std::cout << res.path << "：无法读取\n  [错误] unreadable " << res.findings[0].message
                << '\n';
    }
    return;
  }
  if (json) {
    std::cout << report::WriteCheckResultJson(res.path, &*res.report, res.findings) << '\n';
    return;
  }
  const bool errors = report::HasErrors(res.findings);
  int n_err = 0, n_warn = 0;
  for (const auto& f : res.findings) (f.severity == report::Severity::kError ? n_err : n_warn)++;
  std::cout << res.path << "：" << Describe(*res.report) << " — " << (errors ? "未通过" : "通过")
            << "（" << n_err << " 个错误，" << n_warn << " 个警告）\n";
  for (const auto& f : res.findings) {
    std::cout << "  [" << (f.severity == report::Severity::kError ? "错误" : "警告") << "] "
              << f.code << " " << f.message << '\n';
  }
}

}  // namespace

int RunCheck(const CheckArgs& args) {
  app::AuditOptions options;
  options.force_format = FormatArg(args.format);
  options.threads = args.jobs;
  if (args.previous) {
    std::error_code ec;
    const bool dir = std::filesystem::is_directory(*args.previous, ec);
    if (dir) {
      auto prev = app::LoadPreviousReports({*args.previous}, args.jobs);
      if (!prev.ok()) {
        Fail("--previous " + prev.status().message());
        return kExitUsage;
      }
      options.previous = std::move(prev).value();
      options.match_previous_by_agency = true;
    } else {
      auto p = LoadReport(*args.previous, "auto");
      if (!p.ok()) {
        Fail("--previous " + p.status().message());
        return kExitUsage;
      }
      options.previous.push_back(std::move(p).value());
    }
  }
  auto paths = ExpandPaths(args.files);
  if (!paths) return kExitUsage;
  std::atomic<size_t> done{0};
  std::atomic<bool> finished{false};
  options.done = &done;
  std::thread progress;
  if (::isatty(STDERR_FILENO) && paths->size() > 1) {
    progress = std::thread(DrawProgress, std::cref(done), paths->size(), std::cref(finished));
  }
  const std::vector<app::AuditResult> results = app::AuditReports(*paths, options);
  finished = true;
  if (progress.joinable()) progress.join();

  bool any_unreadable = false, any_error = false;
  for (const auto& res : results) {
    any_unreadable = any_unreadable || !res.report;
    any_error = any_error || report::HasErrors(res.findings);
    PrintCheckResult(res, args.json);
  }
  std::cout.flush();
  if (args.summary) {
    Status st = app::WriteAuditSummary(*args.summary, results);
    if (!st.ok()) {
      Fail(st.message());
      return kExitUsage;
    }
  }
  if (any_unreadable) return kExitUsage;
  return any_error ? kExitFindings : kExitOk;
}

int RunDeadline(const DeadlineArgs& args) {
  law::Calendar calendar = law::Calendar::BuiltIn();
  for (const std::string& path : args.calendars) {
    auto bytes = app::ReadFileBytes(path);
    if (!bytes.ok()) {
      Fail("--calendar " + bytes.status().message());
      return kExitUsage;
    }
    auto extra = law::Calendar::FromCsv(*bytes, path);
    if (!extra.ok()) {
      Fail(extra.status().message());
      return kExitUsage;
    }
    calendar.Merge(*extra);
  }
  law::DeadlineInput in;
  auto received = Date::Parse(args.received);
  if (!received.ok()) {
    Fail("--received: " + received.status().message());
    return kExitUsage;
  }
  in.received = *received;
  if (args.corrected) {
    auto c = Date::Parse(*args.corrected);
    if (!c.ok()) {
      Fail("--corrected: " + c.status().message());
      return kExitUsage;
    }
    in.corrected = *c;
  }
  for (const std::string& p : args.pauses) {
    const size_t colon = p.find(':');
    if (colon == std::string::npos) {
      Fail("--pause '" + p + "': expected FROM:TO, e.g. 2024-03-05:2024-03-20");
      return kExitUsage;
    }
    auto from = Date::Parse(p.substr(0, colon));
    auto to = Date::Parse(p.substr(colon + 1));
    if (!from.ok() || !to.ok()) {
      Fail("--pause '" + p + "': " + (!from.ok() ? from.status() : to.status()).message());
      return kExitUsage;
    }
    in.pauses.emplace_back(*from, *to);
  }
  auto d = law::ComputeDeadlines(in, calendar);
  if (!d.ok()) {
    Fail(d.status().message());
    return kExitUsage;
  }
  std::cout << (args.json ? law::DeadlinesToJson(*d) : law::ExplainDeadlines(*d)) << '\n';
  return kExitOk;
}

int RunCalendarImport(const CalendarImportArgs& args) {
  auto bytes = app::ReadFileBytes(args.file);
  if (!bytes.ok()) {
    Fail(bytes.status().message());
    return kExitUsage;
  }
  auto store = store::OpenStore(args.db, store::OpenMode::kMustExist);
  if (!store.ok()) {
    Fail(store.status().message());
    return kExitUsage;
  }
  auto r = app::ImportCalendar(**store, *bytes, args.file, app::NowUtcIso());
  if (!r.ok()) {
    Fail(r.status().message());
    return kExitUsage;
  }
  std::string years;
  for (int y : r->years) years += (years.empty() ? "" : ", ") + std::to_string(y);
  std::cout << "imported " << r->days << " days for " << years << '\n';
  return kExitOk;
}

int RunServe(const ServeArgs& args) {
  web::ServerOptions o;
  o.db_url = args.db;
  o.demo = args.demo;
  if (!args.smtp.empty() && args.smtp.rfind("smtp://", 0) != 0 &&
      args.smtp.rfind("smtps://", 0) != 0) {
    Fail("--smtp '" + args.smtp + "': expected smtp://HOST:PORT or smtps://HOST:PORT");
    return kExitUsage;
  }
  o.smtp_url = args.smtp;
  o.mail_from = args.mail_from;
  const size_t colon = args.listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    Fail("--listen '" + args.listen + "': expected HOST:PORT, e.g. 127.0.0.1:8080");
    return kExitUsage;
  }
  o.host = args.listen.substr(0, colon);
  const std::string port = args.listen.substr(colon + 1);
  int p = 0;
  bool ok = !port.empty() && port.size() <= 5;
  for (char c : port) ok = ok && c >= '0' && c <= '9';
  if (ok) p = std::stoi(port);
  if (!ok || p < 1 || p > 65535) {
    Fail("--listen '" + args.listen + "': port must be a number from 1 to 65535");
    return kExitUsage;
  }
  o.port = p;
  Status s = web::RunServer(o);
  if (!s.ok()) {
    Fail(s.message());
    return kExitUsage;
  }
  return kExitOk;
}

int RunDemo(const DemoArgs& args) {
  auto store = store::OpenStore(args.db, store::OpenMode::kCreateIfMissing);
  if (!store.ok()) {
    Fail(store.status().message());
    return kExitUsage;
  }
  auto cal = app::LoadCalendar(**store);
  if (!cal.ok()) {
    Fail(cal.status().message());
    return kExitUsage;
  }
  Result<app::DemoLoadResult> r = Status::Internal("demo not loaded");
  Status locked = (*store)->RunExclusively("demo", [&] {
    r = args.agencies_only ? app::LoadDemoAgencies(**store, app::NowUtcIso())
                           : app::LoadDemo(**store, *cal, app::NowUtcIso());
    return Status::Ok();
  });
  if (!locked.ok()) r = locked;
  if (!r.ok()) {
    Fail(r.status().message());
    return kExitUsage;
  }
  std::cout << "demo data: " << r->agencies_added << " agencies, " << r->records_added
            << " records, " << r->cases_added << " cases, " << r->figures_added << " report figures added; "
            << r->reports_published << " reports published\n";
  return kExitOk;
}

int RunUserAdd(const UserAddArgs& args) {
  std::string password;
  if (!std::getline(std::cin, password) || password.empty()) {
    Fail("user add: give the password on the first line of stdin");
    return kExitUsage;
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  auto store = store::OpenStore(args.db, store::OpenMode::kMustExist);
  if (!store.ok()) {
    Fail(store.status().message());
    return kExitUsage;
  }
  app::NewUser u{args.username, args.role,          args.agency, password,
                 "cli",         app::NowUtcIso(), args.email};
  Status s = app::AddUser(**store, u);
  if (!s.ok()) {
    Fail("user add: " + s.message());
    return kExitUsage;
  }
  std::cout << "user " << args.username << " added (" << args.role
            << (args.agency ? ", " + *args.agency : std::string()) << ")\n";
  return kExitOk;
}

int RunApplicationsImport(const ApplicationsImportArgs& args) {
  auto bytes = app::ReadFileBytes(args.file);
  if (!bytes.ok()) {
    Fail(bytes.status().message());
    return kExitUsage;
  }
  auto ws = OpenWorkspace(args.db);
  if (!ws) return kExitUsage;
  app::ImportOptions o;
  o.entered_by = args.by;
  o.now_iso = app::NowUtcIso();
  o.mode = args.dry_run ? app::ImportMode::kCheckOnly : app::ImportMode::kLoad;
  auto r = app::ImportCases(*ws->store, ws->calendar, *bytes, o);
  if (!r.ok()) {
    Fail(args.file + ": " + r.status().message());
    // A bad line is input that was read but is wrong (1); bad options or an
    // unusable store are usage errors (2).
    return r.status().message().rfind("line ", 0) == 0 ? kExitFindings : kExitUsage;
  }
  std::cout << (args.dry_run ? "checked " : "loaded ") << r->cases << " cases (" << r->events
            << " events, " << r->open << " open, " << r->assistance << " 协助调查)\n";
  return kExitOk;
}

int RunRecordsImport(const RecordsImportArgs& args) {
  auto bytes = app::ReadFileBytes(args.file);
  if (!bytes.ok()) {
    Fail(bytes.status().message());
    return kExitUsage;
  }
  auto store = store::OpenStore(args.db, store::OpenMode::kMustExist);
  if (!store.ok()) {
    Fail(store.status().message());
    return kExitUsage;
  }
  auto r = app::ImportRecords(**store, *bytes, app::NowUtcIso());
  if (!r.ok()) {
    Fail(args.file + ": " + r.status().message());
    // A bad line (1) is input read but wrong; a failing store is unusable (2).
    return r.status().code() == StatusCode::kInvalidArgument ? kExitFindings : kExitUsage;
  }
  std::cout << "loaded " << *r << " records\n";
  return kExitOk;
}

int RunLedger(const LedgerArgs& args) {
  auto from = Date::Parse(args.from);
  auto to = Date::Parse(args.to);
  if (!from.ok() || !to.ok()) {
    Fail((!from.ok() ? "--from: " + from.status().message() : "--to: " + to.status().message()));
    return kExitUsage;
  }
  auto ws = OpenWorkspace(args.db);
  if (!ws) return kExitUsage;
  auto x =
      app::ExportLedger(*ws->store, ws->calendar, args.agency, *from, *to, app::TodayInShanghai());
  if (!x.ok()) {
    Fail(x.status().message());
    return kExitUsage;
  }
  std::ofstream out(args.out, std::ios::binary);
  out << *x;
  if (!out.good()) {
    Fail(args.out + ": cannot write");
    return kExitUsage;
  }
  std::cout << "wrote " << args.out << '\n';
  return kExitOk;
}

int RunReport(const ReportArgs& args) {
  auto ws = OpenWorkspace(args.db);
  if (!ws) return kExitUsage;
  auto r = app::RenderAnnualReport(*ws->store, ws->calendar, args.agency, args.year, args.format,
                                   /*published_only=*/false);
  if (!r.ok()) {
    Fail(r.status().message());
    return kExitUsage;
  }
  std::string bytes = std::move(r->bytes);
  if (args.format == "json") bytes += "\n";
  if (args.out.empty()) {
    std::cout << bytes << std::flush;
    return kExitOk;
  }
  std::ofstream out(args.out, std::ios::binary);
  out << bytes;
  if (!out.good()) {
    Fail(args.out + ": cannot write");
    return kExitUsage;
  }
  return kExitOk;
}

int RunVerify(const VerifyArgs& args) {
  auto ws = OpenWorkspace(args.db);
  if (!ws) return kExitUsage;
  auto rep = app::VerifyHistory(*ws->store, ws->calendar);
  if (!rep.ok()) {
    Fail(rep.status().message());
    return kExitUsage;
  }
  if (!rep->intact) {
    std::cout << "broken: " << rep->first_problem << '\n';
    return kExitFindings;
  }
  std::cout << "intact: " << rep->events << " events in " << rep->cases << " cases\n";
  return kExitOk;
}

}  // namespace gk::cli
