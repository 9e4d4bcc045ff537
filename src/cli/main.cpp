// gongkai — command-line entry point. Only argument parsing lives here; the
// commands are in commands.cpp.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace gk::cli;
  CLI::App app{"公开 Gongkai — 政府信息公开工作平台 (government information disclosure)",
               "gongkai"};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Show help for every command");

  IngestArgs ingest;
  auto* c_ingest = app.add_subcommand(
      "ingest", "Read published annual reports and print one JSON object per file (JSON Lines)");
  c_ingest
      ->add_option("FILE", ingest.files,
                   "Report files: HTML, DOCX, PDF, XLSX, JSON or text (UTF-8, UTF-16, GB18030)")
      ->required();
  c_ingest->add_option("--format", ingest.format, "Table format: auto, 2019 or 2021")
      ->check(CLI::IsMember({"auto", "2019", "2021"}));

  CheckArgs check;
  auto* c_check = app.add_subcommand("check", "Read and validate annual reports (勾稽关系)");
  c_check->add_option("FILE", check.files, "Report files or folders (walked, sorted)")
      ->required();
  c_check->add_option("--previous", check.previous,
                      "The previous year's report, or a folder of them matched by agency and "
                      "year, for carry-over checks");
  c_check->add_option("--summary", check.summary,
                      "Also write one row per report to FILE.xlsx or FILE.csv");
  c_check->add_option("--jobs", check.jobs, "Files read at once (default: every core)")
      ->check(CLI::Range(1, 256));
  c_check->add_flag("--json", check.json, "Print one JSON object per file");
  c_check->add_option("--format", check.format, "Table format: auto, 2019 or 2021")
      ->check(CLI::IsMember({"auto", "2019", "2021"}));

  DeadlineArgs deadline;
  auto* c_deadline = app.add_subcommand(
      "deadline", "Reply deadlines of one application (Regulation Art. 30, 31, 33)");
  c_deadline
      ->add_option("--received", deadline.received,
                   "Date the application was received (YYYY-MM-DD)")
      ->required();
  c_deadline->add_option(
      "--corrected", deadline.corrected,
      "Date the corrected application was received (Art. 30: the period restarts)");
  c_deadline->add_option(
      "--pause", deadline.pauses,
      "FROM:TO days not counted (third-party consultation, Art. 32/33); repeatable");
  c_deadline->add_option("--calendar", deadline.calendars,
                         "CSV file (date,kind,name) adding holiday years; repeatable");
  c_deadline->add_flag("--json", deadline.json, "Print one JSON object");

  auto* c_calendar = app.add_subcommand("calendar", "Manage the working-day calendar");
  c_calendar->require_subcommand(1);
  CalendarImportArgs cal_import;
  auto* c_cal_import = c_calendar->add_subcommand(
      "import", "Add a year's official holiday schedule to the database");
  c_cal_import->add_option("FILE", cal_import.file, "CSV file with header date,kind,name")
      ->required();
  c_cal_import->add_option("--db", cal_import.db, "Database URL (sqlite:PATH or postgresql://…)");

  ServeArgs serve;
  auto* c_serve = app.add_subcommand("serve", "Run the web server");
  c_serve->add_option("--db", serve.db, "Database URL (sqlite:PATH); created if missing");
  c_serve->add_option("--listen", serve.listen, "HOST:PORT to listen on");
  c_serve->add_flag("--demo", serve.demo, "Load the demo data first if the database is empty");
  c_serve->add_option(
      "--smtp", serve.smtp,
      "SMTP server for e-mail notices to applicants, e.g. smtp://127.0.0.1:25 (off by default)");
  c_serve->add_option("--mail-from", serve.mail_from, "Sender address of the notices");

  DemoArgs demo;
  auto* c_demo = app.add_subcommand("demo", "Load the demo data set (idempotent)");
  c_demo->add_option("--db", demo.db, "Database URL (sqlite:PATH); created if missing");
  c_demo->add_flag("--agencies-only", demo.agencies_only,
                   "Only the five agencies and their letter settings (a clean start for real "
                   "records)");

  auto* c_user = app.add_subcommand("user", "Manage staff accounts");
  c_user->require_subcommand(1);
  UserAddArgs user_add;
  auto* c_user_add = c_user->add_subcommand(
      "add", "Create a staff account; the password is read from the first line of stdin");
  c_user_add->add_option("USERNAME", user_add.username, "Sign-in name")->required();
  c_user_add
      ->add_option("--role", user_add.role,
                   "handler, editor, reviewer, agency_admin, supervisor or sysadmin")
      ->required();
  c_user_add->add_option("--agency", user_add.agency,
                         "Agency id (supervisor: the top of its scope, default all)");
  c_user_add->add_option("--email", user_add.email,
                         "E-mail address for the daily digest of what falls due (optional)");
  c_user_add->add_option("--db", user_add.db, "Database URL (sqlite:PATH or postgresql://…)");

  auto* c_apps = app.add_subcommand("applications", "Applications (依申请公开) in bulk");
  c_apps->require_subcommand(1);
  ApplicationsImportArgs apps_import;
  auto* c_apps_import = c_apps->add_subcommand(
      "import",
      "Load cases from an old 台账 as 补录 events (docs/import-format.md); all or nothing");
  c_apps_import->add_option("FILE", apps_import.file, "JSON Lines file, one case per line")
      ->required();
  c_apps_import->add_option("--by", apps_import.by, "Staff user entering the records (补录人)")
      ->required();
  c_apps_import->add_flag("--dry-run", apps_import.dry_run, "Check the file, write nothing");
  c_apps_import->add_option("--db", apps_import.db, "Database URL (sqlite:PATH or postgresql://…)");

  LedgerArgs ledger;
  auto* c_ledger = app.add_subcommand("ledger", "Export the 台账 of a period as XLSX");
  c_ledger->add_option("--agency", ledger.agency, "Agency id")->required();
  c_ledger->add_option("--from", ledger.from, "First day (YYYY-MM-DD)")->required();
  c_ledger->add_option("--to", ledger.to, "Last day (YYYY-MM-DD)")->required();
  c_ledger->add_option("--out", ledger.out, "Output file (.xlsx)")->required();
  c_ledger->add_option("--db", ledger.db, "Database URL (sqlite:PATH or postgresql://…)");

  ReportArgs report;
  auto* c_report = app.add_subcommand(
      "report", "The annual report computed from the records (the published snapshot once published)");
  c_report->add_option("--agency", report.agency, "Agency id")->required();
  c_report->add_option("--year", report.year, "Report year")->required();
  c_report->add_option("--format", report.format, "json | html | docx | pdf | xlsx")
      ->check(CLI::IsMember({"json", "html", "docx", "pdf", "xlsx"}));
  c_report->add_option("--out", report.out, "Output file (default: stdout)");
  c_report->add_option("--db", report.db, "Database URL (sqlite:PATH or postgresql://…)");

  auto* c_records = app.add_subcommand("records", "Proactive-disclosure records (主动公开)");
  c_records->require_subcommand(1);
  RecordsImportArgs records_import;
  auto* c_records_import = c_records->add_subcommand(
      "import", "Bulk-load published records from JSON Lines (docs/catalog.md); all or nothing");
  c_records_import->add_option("FILE", records_import.file, "JSON Lines file, one record per line")
      ->required();
  c_records_import->add_option("--db", records_import.db, "Database URL (sqlite:PATH or postgresql://…)");

  VerifyArgs verify;
  auto* c_verify = app.add_subcommand(
      "verify", "Re-check the event history: hash chain, transitions, projections");
  c_verify->add_option("--db", verify.db, "Database URL (sqlite:PATH or postgresql://…)");

  MigrateArgs migrate;
  auto* c_migrate = app.add_subcommand(
      "migrate", "Copy a whole database into a new, empty one (e.g. SQLite to PostgreSQL)");
  c_migrate->add_option("--from", migrate.from, "Source database URL")->required();
  c_migrate->add_option("--to", migrate.to, "Target database URL (new or empty)")->required();

  BackupArgs backup;
  auto* c_backup = app.add_subcommand("backup", "Write a portable backup file of a database");
  c_backup->add_option("--db", backup.db, "Database URL (sqlite:PATH or postgresql://…)");
  c_backup->add_option("--out", backup.out, "Backup file to create (not overwritten)")->required();

  RestoreArgs restore;
  auto* c_restore =
      app.add_subcommand("restore", "Load a backup file into a new, empty database");
  c_restore->add_option("--from", restore.from, "Backup file")->required();
  c_restore->add_option("--db", restore.db, "Target database URL (new or empty)")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // One clear line on stderr and exit 2 (interface.md), not CLI11's own codes.
    std::fprintf(stderr, "gongkai: %s (see gongkai --help)\n", e.what());
    return kExitUsage;
  }

  try {
    if (c_ingest->parsed()) return RunIngest(ingest);
    if (c_check->parsed()) return RunCheck(check);
    if (c_deadline->parsed()) return RunDeadline(deadline);
    if (c_cal_import->parsed()) return RunCalendarImport(cal_import);
    if (c_serve->parsed()) return RunServe(serve);
    if (c_demo->parsed()) return RunDemo(demo);
    if (c_verify->parsed()) return RunVerify(verify);
    if (c_user_add->parsed()) return RunUserAdd(user_add);
    if (c_apps_import->parsed()) return RunApplicationsImport(apps_import);
    if (c_ledger->parsed()) return RunLedger(ledger);
    if (c_report->parsed()) return RunReport(report);
    if (c_records_import->parsed()) return RunRecordsImport(records_import);
    if (c_migrate->parsed()) return RunMigrate(migrate);
    if (c_backup->parsed()) return RunBackup(backup);
    if (c_restore->parsed()) return RunRestore(restore);
  } catch (const std::exception& e) {
    // Last line of defence: library code should have returned a Status.
    std::fprintf(stderr, "gongkai: internal error: %s\n", e.what());
    return kExitUsage;
  }
  return kExitUsage;
}
