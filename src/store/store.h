// The persistence interface. Domain code never sees SQL; adapters (CLI, web)
// open a Store from a --db URL and pass plain rows in and out. Every write is
// committed durably (SQLite: WAL + synchronous=FULL) before it returns.
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

class Store {
 public:
  virtual ~Store() = default;

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
  // Every event in chain order; stops early when `visit` returns false.
  virtual Status ScanEvents(const std::function<bool(const EventRow&)>& visit) = 0;

  // Query-code lookup throttling: failures of `address` since `since` (unix s).
  virtual Status RecordLookupFailure(std::string_view address, int64_t at) = 0;
  virtual Result<int> CountLookupFailures(std::string_view address, int64_t since) = 0;

  // Staff accounts. CreateUser: Conflict when the username exists.
  virtual Status CreateUser(const UserRow& user) = 0;
  virtual Result<std::optional<UserRow>> GetUser(std::string_view username) = 0;

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

  // Schema version after migrations (the highest applied migration number).
  virtual Result<int> SchemaVersion() = 0;

  // The proactive-disclosure catalog (store/records.h), on the same connection.
  virtual RecordStore& records() = 0;
};

enum class OpenMode { kMustExist, kCreateIfMissing };

// Parses `sqlite:PATH` (or `postgresql://…`, not yet supported) and opens the
// store, running pending migrations. kMustExist: a missing file is NotFound.
Result<std::unique_ptr<Store>> OpenStore(std::string_view url, OpenMode mode);

}  // namespace gk::store
