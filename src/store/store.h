// The persistence interface. Domain code never sees SQL; adapters (CLI, web)
// open a Store from a --db URL and pass plain rows in and out. Every write is
// committed durably (SQLite: WAL + synchronous=FULL; PostgreSQL: a committed
// transaction, synchronous_commit on) before it returns.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/dump.h"
#include "store/interaction.h"
#include "store/records.h"

namespace gk::store {

struct AgencyRow {
  std::string id;
  std::string name;
  std::string kind;  // government | department (Art. 49 report due date)
  std::optional<std::string> parent_id;
  std::string code;  // tracking-number prefix, e.g. LG ("" until set)
  // What the agency's letters need ("" until set): 行政复议机关, 管辖法院,
  // 发文机关代字 and the office's contact line.
  std::string review_body, court, letter_prefix, letter_contact;
};

// One event of a case file as stored. `id`, `prev_hash` and `hash` are set by
// AppendEvents; the hash covers the stored bytes (store/event_hash.h).
struct EventRow {
  int64_t id = 0;
  std::string case_id;
  int64_t seq = 0;
  std::string type;
  std::string occurred_on;  // YYYY-MM-DD
  std::string recorded_at;  // ISO 8601
  std::string actor;
  bool backfilled = false;
  std::string payload;  // UTF-8 JSON
  std::string prev_hash;
  std::string hash;
};

// A 行政复议 or 行政诉讼 of a case (section 四).
struct ProceedingRow {
  std::string kind;  // review | lawsuit
  std::string id;
  std::string route;  // lawsuits: direct | after_review
  std::string filed_on;
  std::optional<std::string> decided_on, result;
  friend bool operator==(const ProceedingRow&, const ProceedingRow&) = default;
};

// The current facts of a case kept beside its events (recomputed from them by
// verify): for listings, and what the annual report counts.
inline constexpr int kCaseFactsVersion = 1;

// The listing projection of a case (recomputed from its events by verify).
struct CaseRow {
  std::string id;  // tracking number
  std::string agency_id;
  std::string kind;
  int64_t version = 0;
  std::string query_code_hash;
  std::string status;
  std::optional<std::string> received_on, due_on, concluded_on;
  std::string created_at, updated_at;
  // Report facts (kCaseFactsVersion; 0 = not yet computed).
  std::optional<int> applicant_col;  // table 三 column 0–5; applications only
  std::string outcome;               // law::Outcome key once concluded
  std::string channel;               // cases::Channel key
  std::optional<std::string> fee_paid_on;
  int64_t fee_yuan = 0;
  std::optional<std::string> reply_due_on;  // the reply deadline, also once concluded
  std::optional<int> days_taken;            // working days counted, once concluded
  int facts_version = 0;
  std::vector<ProceedingRow> proceedings;  // GetCase and AgencyCaseFacts only
};

struct CaseFilter {
  std::optional<std::string> agency_id;
  int limit = 200;
  int offset = 0;
};

struct UserRow {
  std::string username;
  std::optional<std::string> agency_id;
  std::string role;
  std::string password_hash;
  std::string created_at, created_by;
  std::string totp_secret;  // base32; "" = no two-factor sign-in
  int64_t totp_last_step = 0;
  bool disabled = false;
  std::string email;  // for the daily digest; "" = none
};

// 报送 of an annual report to the supervising office (migration 0010).
struct SubmissionRow {
  int64_t id = 0;
  std::string agency_id;
  int year = 0;
  std::string action;  // submit | accept | return
  std::string note, actor, at;
};
// A report published outside Gongkai, uploaded and checked (migration 0010).
struct ExternalReportRow {
  int64_t id = 0;
  std::string filename, sha256;
  std::optional<std::string> agency;
  std::optional<int> year;
  int errors = 0, warnings = 0;
  std::string result;  // JSON
  std::string uploaded_by;
  std::optional<std::string> scope;
  std::string at;
};

// One staff action (migration 0009).
struct AuditRow {
  int64_t id = 0;
  std::string at, username;
  std::optional<std::string> agency_id;
  std::string address, action;
  int status = 0;
  std::string detail;
};
struct AuditFilter {
  std::optional<std::string> agency_id;  // nullopt: every agency
  int limit = 200;
  int64_t before_id = 0;  // 0: newest first from the end
};

struct SessionRow {
  std::string token_hash;
  std::string username;
  std::string csrf_token;
  int64_t created_at = 0, last_seen = 0;  // unix seconds
  std::string address;
};

struct MailRow {
  int64_t id = 0;
  std::string to_addr, subject, body, case_id, created_at;
  int attempts = 0;
};

struct CalendarDayRow {
  std::string day;   // YYYY-MM-DD
  std::string kind;  // rest | work
  std::string name;
};

// Annual reports (migration 0008): what staff add to the computed figures,
// and the publication history. Append-only; the latest row wins.
struct ReportFigureRow {
  int64_t id = 0;
  std::string agency_id;
  int year = 0;
  std::string row_key, field_key;
  std::optional<int64_t> value;  // counts; money in fen; nullopt = blank
  std::string source, entered_by, entered_at;
};
struct ReportTextRow {
  std::string agency_id;
  int year = 0;
  std::string section;  // 一 | 五 | 六
  std::string body, saved_by, saved_at;
};
struct ReportActionRow {
  int64_t id = 0;
  std::string agency_id;
  int year = 0;
  std::string action;    // publish | reopen
  std::string snapshot;  // publish: the frozen report (JSON)
  std::string reason;    // reopen: why
  std::string actor, at;
};

class Store {
 public:
  virtual ~Store() = default;

  // Runs `fn` while no other process runs an exclusive section of the same
  // name on this database: on PostgreSQL a session advisory lock, so that
  // servers started together with --demo load the demo data once. SQLite,
  // one machine's embedded store, runs it directly.
  virtual Status RunExclusively(std::string_view name, const std::function<Status()>& fn) {
    (void)name;
    return fn();
  }

  virtual Result<std::vector<AgencyRow>> ListAgencies() = 0;
  // Inserts the agency unless one with the same id exists (idempotent).
  // Returns true when a row was inserted.
  virtual Result<bool> InsertAgencyIfAbsent(const AgencyRow& agency, std::string_view now) = 0;

  // Replaces the stored schedule of each year in `years` by `days`, in one
  // transaction. `days` must all fall in `years`.
  virtual Status ReplaceCalendarYears(std::span<const int> years,
                                      std::span<const CalendarDayRow> days, std::string_view source,
                                      std::string_view now) = 0;
  virtual Result<std::vector<CalendarDayRow>> CalendarDays() = 0;
  virtual Result<std::vector<int>> CalendarYears() = 0;

  // Sets the short code used in an agency's tracking numbers.
  virtual Status SetAgencyCode(std::string_view agency_id, std::string_view code) = 0;
  virtual Result<std::optional<AgencyRow>> GetAgency(std::string_view agency_id) = 0;

  // E-mail notices: queued, then marked sent or failed by the mailer.
  virtual Status QueueMail(const MailRow& mail) = 0;
  // Unsent mails with fewer than `max_attempts` attempts, oldest first.
  virtual Result<std::vector<MailRow>> PendingMail(int max_attempts, int limit) = 0;
  virtual Status MarkMailSent(int64_t id, std::string_view now) = 0;
  virtual Status MarkMailFailed(int64_t id, std::string_view error) = 0;

  // Uploaded documents by SHA-256 (idempotent: the same content is kept once).
  virtual Status PutDocument(std::string_view sha256, std::string_view mime,
                             std::string_view content, std::string_view now) = 0;
  struct Document {
    std::string mime;
    std::string content;
  };
  virtual Result<std::optional<Document>> GetDocument(std::string_view sha256) = 0;

  // Sets the letter settings of an agency (the four letter fields of AgencyRow).
  virtual Status SetAgencyLetterSettings(const AgencyRow& agency) = 0;
  // The 发文字号 serial of the letter of event `seq` of a case: allocated the
  // first time (next serial of the agency in `year`), the same ever after.
  virtual Result<int64_t> LetterSerial(std::string_view agency_id, int year,
                                       std::string_view case_id, int64_t seq) = 0;

  // Allocates the next serial number of `agency_id` in `year` (1, 2, …), durably.
  virtual Result<int64_t> NextTrackingSerial(std::string_view agency_id, int year) = 0;

  // Appends `events` (seq expected_version+1, +2, …) to the case and writes its
  // projection `row`, in one durable transaction. expected_version 0 creates
  // the case. A case whose stored version differs from expected_version gives
  // StatusCode::kConflict and writes nothing. Fills id/prev_hash/hash.
  virtual Status AppendEvents(const CaseRow& row, int64_t expected_version,
                              std::vector<EventRow>& events) = 0;
  virtual Result<std::optional<CaseRow>> GetCase(std::string_view case_id) = 0;
  virtual Result<std::vector<CaseRow>> ListCases(const CaseFilter& filter) = 0;
  virtual Result<std::vector<EventRow>> CaseEvents(std::string_view case_id) = 0;
  // Every case of an agency with its report facts and proceedings (no event
  // is read): what the annual report and the dashboards count.
  virtual Result<std::vector<CaseRow>> AgencyCaseFacts(std::string_view agency_id) = 0;
  // The open cases of an agency due on or before `due_by` (YYYY-MM-DD), by
  // due date (an index, not a scan: reminders and dashboards).
  virtual Result<std::vector<CaseRow>> OpenCasesDueBy(std::string_view agency_id,
                                                      std::string_view due_by) = 0;
  // Cases whose facts predate kCaseFactsVersion (at most `limit`).
  virtual Result<std::vector<std::string>> CasesWithStaleFacts(int limit) = 0;
  // Rewrites the projection of a case from its events (same version); used to
  // bring older rows up to kCaseFactsVersion. Conflict when the version moved.
  virtual Status RewriteCaseRow(const CaseRow& row) = 0;
  // Every event in chain order; stops early when `visit` returns false.
  virtual Status ScanEvents(const std::function<bool(const EventRow&)>& visit) = 0;

  // Query-code lookup throttling: failures of `address` since `since` (unix s).
  virtual Status RecordLookupFailure(std::string_view address, int64_t at) = 0;
  virtual Result<int> CountLookupFailures(std::string_view address, int64_t since) = 0;

  // Staff accounts. CreateUser: Conflict when the username exists.
  virtual Status CreateUser(const UserRow& user) = 0;
  virtual Result<std::optional<UserRow>> GetUser(std::string_view username) = 0;

  // Users of an agency (nullopt: all), by username.
  virtual Result<std::vector<UserRow>> ListUsers(const std::optional<std::string>& agency_id) = 0;
  virtual Status SetPasswordHash(std::string_view username, std::string_view hash) = 0;
  virtual Status SetTotpSecret(std::string_view username, std::string_view secret) = 0;
  virtual Status SetUserDisabled(std::string_view username, bool disabled) = 0;
  virtual Status SetUserEmail(std::string_view username, std::string_view email) = 0;
  // Queues `mail` as the user's digest of `day` unless one was queued for
  // that day (one transaction); true when queued.
  virtual Result<bool> QueueDigest(std::string_view username, std::string_view day,
                                   const MailRow& mail) = 0;
  // Records `step` as used when it is later than the last one; false when it
  // is not (the code was already used).
  virtual Result<bool> UseTotpStep(std::string_view username, int64_t step) = 0;
  // Ends every session of the user except `keep_token_hash` ("" = all).
  virtual Status DeleteUserSessions(std::string_view username, std::string_view keep_token_hash) = 0;
  // The audit log: appended durably; read newest first.
  virtual Status AppendAudit(const AuditRow& row) = 0;
  virtual Result<std::vector<AuditRow>> ListAudit(const AuditFilter& filter) = 0;
  // 报送: appended when the latest row of the agency and year has id
  // `expected_last` (0: none), else kConflict.
  virtual Status AddSubmission(const SubmissionRow& row, int64_t expected_last) = 0;
  virtual Result<std::vector<SubmissionRow>> Submissions(std::string_view agency_id, int year) = 0;
  virtual Status AddExternalReport(const ExternalReportRow& row) = 0;
  // Newest first; `scope` nullopt: all, else those uploaded within that scope.
  virtual Result<std::vector<ExternalReportRow>> ExternalReports(
      const std::optional<std::string>& scope, int limit) = 0;
  // Sessions, keyed by the hash of their token.
  virtual Status CreateSession(const SessionRow& session) = 0;
  virtual Result<std::optional<SessionRow>> GetSession(std::string_view token_hash) = 0;
  virtual Status TouchSession(std::string_view token_hash, int64_t now) = 0;
  virtual Status DeleteSession(std::string_view token_hash) = 0;

  // Sign-in throttling (interface.md: 10 failures per account and address / 15 min).
  virtual Status RecordLoginFailure(std::string_view username, std::string_view address,
                                    int64_t at) = 0;
  virtual Result<int> CountLoginFailures(std::string_view username, std::string_view address,
                                         int64_t since) = 0;

  // Annual reports. Figures and texts: all rows of the agency and year, oldest
  // first (texts: the latest of each section only).
  virtual Status AddReportFigure(const ReportFigureRow& row) = 0;
  virtual Result<std::vector<ReportFigureRow>> ReportFigures(std::string_view agency_id,
                                                             int year) = 0;
  virtual Status SaveReportText(const ReportTextRow& row) = 0;
  virtual Result<std::vector<ReportTextRow>> ReportTexts(std::string_view agency_id, int year) = 0;
  // Appends a publish/reopen action when the latest action of that agency and
  // year has id `expected_last` (0: none yet); otherwise kConflict and nothing
  // is written — two people cannot both publish or reopen the same year.
  virtual Status AddReportAction(const ReportActionRow& row, int64_t expected_last) = 0;
  // Every action of the agency and year, oldest first.
  virtual Result<std::vector<ReportActionRow>> ReportActions(std::string_view agency_id,
                                                             int year) = 0;
  // The latest action of every (agency, year) that has one, whose action is
  // publish: the published reports. All agencies when agency_id is empty;
  // newest year first, then agency id.
  virtual Result<std::vector<ReportActionRow>> PublishedReports(std::string_view agency_id) = 0;

  // Schema version after migrations (the highest applied migration number).
  virtual Result<int> SchemaVersion() = 0;

  // Backup, restore and migration (store/dump.h). Dump: every table of
  // DumpTables() in order, rows in key order, from one consistent snapshot
  // (it does not call out.Finish()).
  virtual Status Dump(DumpWriter& out) = 0;
  // A writer loading a dump into this database, which must be empty (every
  // table of DumpTables(); else FailedPrecondition), in one transaction:
  // Finish rebuilds the search index, resets id sequences and commits.
  virtual Result<std::unique_ptr<DumpWriter>> Loader() = 0;

  // The proactive-disclosure catalog (store/records.h), on the same connection.
  virtual RecordStore& records() = 0;
  // Public interaction (store/interaction.h), on the same connection.
  virtual InteractionStore& interaction() = 0;
};

enum class OpenMode { kMustExist, kCreateIfMissing };

// Parses `sqlite:PATH` or `postgresql://…` (libpq URI) and opens the store,
// running pending migrations. kMustExist: a missing SQLite file, or a
// PostgreSQL database without Gongkai's tables, is NotFound.
Result<std::unique_ptr<Store>> OpenStore(std::string_view url, OpenMode mode);

// `url` fit for messages and logs: a password in a postgresql:// URL
// (user:password@host) becomes `***`.
std::string RedactedUrl(std::string_view url);

}  // namespace gk::store
