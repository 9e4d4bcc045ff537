// The subcommands of `gongkai`, as plain functions over option structs so that
// main.cpp alone deals with argument parsing. Each returns the process exit
// code of interface.md: 0 success, 1 input read but wrong, 2 unusable input.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace gk::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

struct IngestArgs {
  std::vector<std::string> files;
  std::string format = "auto";  // auto | 2019 | 2021
};
int RunIngest(const IngestArgs& args);

struct CheckArgs {
  std::vector<std::string> files;        // files and folders (walked, sorted)
  std::optional<std::string> previous;   // a file, or a folder matched by agency + year-1
  bool json = false;
  std::string format = "auto";
  std::optional<std::string> summary;    // FILE.xlsx | FILE.csv: one row per report
  int jobs = 0;                          // 0 = every core
};
int RunCheck(const CheckArgs& args);

struct DeadlineArgs {
  std::string received;
  std::optional<std::string> corrected;
  std::vector<std::string> pauses;  // FROM:TO
  std::vector<std::string> calendars;
  bool json = false;
};
int RunDeadline(const DeadlineArgs& args);

struct CalendarImportArgs {
  std::string file;
  std::string db = "sqlite:var/gongkai.db";
};
int RunCalendarImport(const CalendarImportArgs& args);

struct ServeArgs {
  std::string db = "sqlite:var/gongkai.db";
  std::string listen = "127.0.0.1:8080";
  bool demo = false;
  std::string smtp;  // smtp://host:port ("" = no e-mail notices)
  std::string mail_from = "gongkai@localhost";
};
int RunServe(const ServeArgs& args);

struct DemoArgs {
  std::string db = "sqlite:var/gongkai.db";
  bool agencies_only = false;
};
int RunDemo(const DemoArgs& args);

struct UserAddArgs {
  std::string username;
  std::string role;
  std::optional<std::string> agency;
  std::string email;  // for the daily digest (optional)
  std::string db = "sqlite:var/gongkai.db";
};
int RunUserAdd(const UserAddArgs& args);

struct ApplicationsImportArgs {
  std::string file;
  std::string by;  // the staff user who enters the 补录
  bool dry_run = false;
  std::string db = "sqlite:var/gongkai.db";
};
int RunApplicationsImport(const ApplicationsImportArgs& args);

struct LedgerArgs {
  std::string agency;
  std::string from, to;
  std::string out;
  std::string db = "sqlite:var/gongkai.db";
};
int RunLedger(const LedgerArgs& args);

struct ReportArgs {
  std::string agency;
  int year = 0;
  std::string format = "json";  // json | html | docx | pdf | xlsx
  std::string out;              // "" = stdout
  std::string db = "sqlite:var/gongkai.db";
};
int RunReport(const ReportArgs& args);
struct RecordsImportArgs {
  std::string file;
  std::string db = "sqlite:var/gongkai.db";
};
int RunRecordsImport(const RecordsImportArgs& args);

struct VerifyArgs {
  std::string db = "sqlite:var/gongkai.db";
};
int RunVerify(const VerifyArgs& args);

// Whole databases (database_commands.cpp; format in store/dump.h).
struct MigrateArgs {
  std::string from, to;  // database URLs; `to` must be new or empty
};
int RunMigrate(const MigrateArgs& args);
struct BackupArgs {
  std::string db = "sqlite:var/gongkai.db";
  std::string out;  // a new file
};
int RunBackup(const BackupArgs& args);
struct RestoreArgs {
  std::string from;  // a backup file
  std::string db;    // new or empty database
};
int RunRestore(const RestoreArgs& args);

}  // namespace gk::cli
