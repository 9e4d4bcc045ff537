#include "store/sqlite_store.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <map>
#include <set>

#include "store/event_hash.h"
#include "store/sqlite_stmt.h"
#include "store/migrations.h"
#include "store/sqlite_interaction.h"
#include "store/sqlite_records.h"

namespace gk::store {
namespace {

using Stmt = SqliteStmt;

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  ~SqliteStore() override { sqlite3_close_v2(db_); }

  Status Exec(std::string_view sql, std::string_view what) {  // also used by OpenSqliteStore
    char* err = nullptr;
    std::string s(sql);
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = std::string(what) + ": " + (err ? err : "unknown error");
      sqlite3_free(err);
      return Status::Internal(msg);
    }
    return Status::Ok();
  }

  Status Configure() {
    // WAL for concurrent readers; FULL sync so a committed event survives power loss.
    if (auto s = Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
                      "configure database");
        !s.ok())
      return s;
    sqlite3_busy_timeout(db_, 5000);
    return Status::Ok();
  }

  Status Migrate() {
    if (auto s = Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                      "name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)",
                      "create schema_migrations");
        !s.ok())
      return s;
    std::set<int64_t> applied;
    {
      Stmt q(db_, "SELECT version FROM schema_migrations");
      if (!q.ok()) return q.Error("read schema_migrations");
      while (q.Step() == SQLITE_ROW) applied.insert(q.Int(0));
    }
    for (const Migration& m : Migrations()) {
      if (applied.count(m.version)) continue;
      if (auto s = Exec("BEGIN IMMEDIATE", "begin migration"); !s.ok()) return s;
      Status s = Exec(m.sql, "migration " + std::string(m.name));
      if (s.ok()) {
        Stmt ins(db_, "INSERT INTO schema_migrations(version, name) VALUES (?, ?)");
        ins.Bind(1, static_cast<int64_t>(m.version)).Bind(2, m.name);
        if (ins.Step() != SQLITE_DONE) s = ins.Error("record migration");
      }
      if (!s.ok()) {
        (void)Exec("ROLLBACK", "rollback");
        return s;
      }
      if (auto c = Exec("COMMIT", "commit migration"); !c.ok()) return c;
    }
    return Status::Ok();
  }

  Result<std::vector<AgencyRow>> ListAgencies() override {
    Stmt q(db_, std::string(kAgencyColumns) + " ORDER BY id");
    if (!q.ok()) return q.Error("list agencies");
    std::vector<AgencyRow> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) out.push_back(ReadAgency(q));
    if (rc != SQLITE_DONE) return q.Error("list agencies");
    return out;
  }

  Result<bool> InsertAgencyIfAbsent(const AgencyRow& a, std::string_view now) override {
    Stmt q(db_,
           "INSERT INTO agencies(id, name, kind, parent_id, created_at, code) VALUES (?, ?, ?, ?, "
           "?, ?) "
           "ON CONFLICT(id) DO NOTHING");
    if (!q.ok()) return q.Error("insert agency");
    q.Bind(1, a.id).Bind(2, a.name).Bind(3, a.kind).Bind(5, now);
    if (a.code.empty())
      q.BindNull(6);
    else
      q.Bind(6, a.code);
    if (a.parent_id)
      q.Bind(4, *a.parent_id);
    else
      q.BindNull(4);
    if (q.Step() != SQLITE_DONE) return q.Error("insert agency " + a.id);
    return sqlite3_changes(db_) > 0;
  }

  Status ReplaceCalendarYears(std::span<const int> years, std::span<const CalendarDayRow> days,
                              std::string_view source, std::string_view now) override {
    if (auto s = Exec("BEGIN IMMEDIATE", "begin calendar import"); !s.ok()) return s;
    Status s = ReplaceYearsLocked(years, days, source, now);
    if (!s.ok()) {
      (void)Exec("ROLLBACK", "rollback");
      return s;
    }
    return Exec("COMMIT", "commit calendar import");
  }

  Result<std::vector<CalendarDayRow>> CalendarDays() override {
    Stmt q(db_, "SELECT day, kind, name FROM calendar_days ORDER BY day");
    if (!q.ok()) return q.Error("read calendar");
    std::vector<CalendarDayRow> out;
    while (q.Step() == SQLITE_ROW) out.push_back({q.Text(0), q.Text(1), q.Text(2)});
    return out;
  }

  Result<std::vector<int>> CalendarYears() override {
    Stmt q(db_, "SELECT year FROM calendar_years ORDER BY year");
    if (!q.ok()) return q.Error("read calendar years");
    std::vector<int> out;
    while (q.Step() == SQLITE_ROW) out.push_back(static_cast<int>(q.Int(0)));
    return out;
  }

  Status SetAgencyCode(std::string_view agency_id, std::string_view code) override {
    Stmt q(db_, "UPDATE agencies SET code = ? WHERE id = ?");
    q.Bind(1, code).Bind(2, agency_id);
    if (q.Step() != SQLITE_DONE) return q.Error("set agency code");
    if (sqlite3_changes(db_) == 0) return Status::NotFound("no agency " + std::string(agency_id));
    return Status::Ok();
  }

  Result<std::optional<AgencyRow>> GetAgency(std::string_view agency_id) override {
    Stmt q(db_, std::string(kAgencyColumns) + " WHERE id = ?");
    q.Bind(1, agency_id);
    int rc = q.Step();
    if (rc == SQLITE_DONE) return std::optional<AgencyRow>();
    if (rc != SQLITE_ROW) return q.Error("read agency");
    return std::optional<AgencyRow>(ReadAgency(q));
  }

  Status QueueMail(const MailRow& m) override {
    Stmt q(
        db_,
        "INSERT INTO outbox(to_addr, subject, body, case_id, created_at) VALUES (?, ?, ?, ?, ?)");
    q.Bind(1, m.to_addr)
        .Bind(2, m.subject)
        .Bind(3, m.body)
        .Bind(4, m.case_id)
        .Bind(5, m.created_at);
    if (q.Step() != SQLITE_DONE) return q.Error("queue mail");
    return Status::Ok();
  }

  Result<std::vector<MailRow>> PendingMail(int max_attempts, int limit) override {
    Stmt q(db_,
           "SELECT id, to_addr, subject, body, COALESCE(case_id, ''), created_at, attempts FROM "
           "outbox "
           "WHERE sent_at IS NULL AND attempts < ? ORDER BY id LIMIT ?");
    q.Bind(1, static_cast<int64_t>(max_attempts)).Bind(2, static_cast<int64_t>(limit));
    std::vector<MailRow> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      out.push_back({q.Int(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4), q.Text(5),
                     static_cast<int>(q.Int(6))});
    }
    if (rc != SQLITE_DONE) return q.Error("read outbox");
    return out;
  }

  Status MarkMailSent(int64_t id, std::string_view now) override {
    Stmt q(db_, "UPDATE outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?");
    q.Bind(1, now).Bind(2, id);
    if (q.Step() != SQLITE_DONE) return q.Error("mark mail sent");
    return Status::Ok();
  }

  Status MarkMailFailed(int64_t id, std::string_view error) override {
    Stmt q(db_, "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?");
    q.Bind(1, error).Bind(2, id);
    if (q.Step() != SQLITE_DONE) return q.Error("mark mail failed");
    return Status::Ok();
  }

  Status PutDocument(std::string_view sha256, std::string_view mime, std::string_view content,
                     std::string_view now) override {
    Stmt q(db_,
           "INSERT INTO documents(sha256, mime, size, content, created_at) VALUES (?, ?, ?, ?, ?) "
           "ON CONFLICT(sha256) DO NOTHING");
    q.Bind(1, sha256).Bind(2, mime).Bind(3, static_cast<int64_t>(content.size()));
    q.BindBlob(4, content).Bind(5, now);
    if (q.Step() != SQLITE_DONE) return q.Error("store document");
    return Status::Ok();
  }

  Result<std::optional<Document>> GetDocument(std::string_view sha256) override {
    Stmt q(db_, "SELECT mime, content FROM documents WHERE sha256 = ?");
    q.Bind(1, sha256);
    int rc = q.Step();
    if (rc == SQLITE_DONE) return std::optional<Document>();
    if (rc != SQLITE_ROW) return q.Error("read document");
    return std::optional<Document>(Document{q.Text(0), q.Blob(1)});
  }

  Status SetAgencyLetterSettings(const AgencyRow& a) override {
    Stmt q(db_,
           "UPDATE agencies SET review_body = ?, court = ?, letter_prefix = ?, letter_contact = ? "
           "WHERE id = ?");
    q.Bind(1, a.review_body).Bind(2, a.court).Bind(3, a.letter_prefix).Bind(4, a.letter_contact);
    q.Bind(5, a.id);
    if (q.Step() != SQLITE_DONE) return q.Error("set letter settings");
    if (sqlite3_changes(db_) == 0) return Status::NotFound("no agency " + a.id);
    return Status::Ok();
  }

  Result<int64_t> LetterSerial(std::string_view agency_id, int year, std::string_view case_id,
                               int64_t seq) override {
    if (auto s = Exec("BEGIN IMMEDIATE", "begin letter number"); !s.ok()) return s;
    auto r = LetterSerialLocked(agency_id, year, case_id, seq);
    if (!r.ok()) {
      (void)Exec("ROLLBACK", "rollback");
      return r;
    }
    if (auto s = Exec("COMMIT", "commit letter number"); !s.ok()) return s;
    return r;
  }

  Result<int64_t> NextTrackingSerial(std::string_view agency_id, int year) override {
    Stmt q(db_,
           "INSERT INTO tracking_sequences(agency_id, year, last) VALUES (?, ?, 1) "
           "ON CONFLICT(agency_id, year) DO UPDATE SET last = last + 1 RETURNING last");
    q.Bind(1, agency_id).Bind(2, static_cast<int64_t>(year));
    if (q.Step() != SQLITE_ROW) return q.Error("allocate tracking number");
    return q.Int(0);
  }

  Status AppendEvents(const CaseRow& row, int64_t expected_version,
                      std::vector<EventRow>& events) override {
    if (auto s = Exec("BEGIN IMMEDIATE", "begin append"); !s.ok()) return s;
    Status s = AppendLocked(row, expected_version, events);
    if (!s.ok()) {
      (void)Exec("ROLLBACK", "rollback");
      return s;
    }
    // COMMIT with synchronous=FULL: durable before the caller replies.
    return Exec("COMMIT", "commit events");
  }

  Result<std::optional<CaseRow>> GetCase(std::string_view case_id) override {
    Stmt q(db_, std::string(kCaseColumns) + " WHERE id = ?");
    q.Bind(1, case_id);
    int rc = q.Step();
    if (rc == SQLITE_DONE) return std::optional<CaseRow>();
    if (rc != SQLITE_ROW) return q.Error("read case");
    CaseRow c = ReadCase(q);
    auto procs = ReadProceedings(c.id);
    if (!procs.ok()) return procs.status();
    c.proceedings = std::move(*procs);
    return std::optional<CaseRow>(std::move(c));
  }

  Result<std::vector<CaseRow>> AgencyCaseFacts(std::string_view agency_id) override {
    std::vector<CaseRow> out;
    std::map<std::string, size_t, std::less<>> index;
    {
      Stmt q(db_, std::string(kCaseColumns) + " WHERE agency_id = ? ORDER BY received_on, id");
      q.Bind(1, agency_id);
      int rc;
      while ((rc = q.Step()) == SQLITE_ROW) {
        out.push_back(ReadCase(q));
        index.emplace(out.back().id, out.size() - 1);
      }
      if (rc != SQLITE_DONE) return q.Error("read case facts");
    }
    Stmt q(db_,
           "SELECT p.case_id, p.kind, p.proceeding_id, p.route, p.filed_on, p.decided_on, p.result "
           "FROM case_proceedings p JOIN cases c ON c.id = p.case_id WHERE c.agency_id = ? "
           "ORDER BY p.case_id, p.filed_on, p.kind, p.proceeding_id");
    q.Bind(1, agency_id);
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      auto it = index.find(q.Text(0));
      if (it == index.end()) continue;
      out[it->second].proceedings.push_back(
          {q.Text(1), q.Text(2), q.Text(3), q.Text(4), OptText(q, 5), OptText(q, 6)});
    }
    if (rc != SQLITE_DONE) return q.Error("read proceedings");
    return out;
  }

  Result<std::vector<CaseRow>> OpenCasesDueBy(std::string_view agency_id,
                                              std::string_view due_by) override {
    Stmt q(db_, std::string(kCaseColumns) +
                    " WHERE agency_id = ? AND concluded_on IS NULL AND due_on IS NOT NULL AND "
                    "due_on <= ? ORDER BY due_on, id");
    q.Bind(1, agency_id).Bind(2, due_by);
    std::vector<CaseRow> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) out.push_back(ReadCase(q));
    if (rc != SQLITE_DONE) return q.Error("read due cases");
    return out;
  }

  Result<std::vector<std::string>> CasesWithStaleFacts(int limit) override {
    Stmt q(db_, "SELECT id FROM cases WHERE facts_version < ? ORDER BY id LIMIT ?");
    q.Bind(1, static_cast<int64_t>(kCaseFactsVersion)).Bind(2, static_cast<int64_t>(limit));
    std::vector<std::string> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) out.push_back(q.Text(0));
    if (rc != SQLITE_DONE) return q.Error("find stale case facts");
    return out;
  }

  Status RewriteCaseRow(const CaseRow& row) override {
    if (auto s = Exec("BEGIN IMMEDIATE", "begin rewrite"); !s.ok()) return s;
    Status s = [&]() -> Status {
      Stmt q(db_, "SELECT version FROM cases WHERE id = ?");
      q.Bind(1, row.id);
      if (q.Step() != SQLITE_ROW) return Status::NotFound("no case " + row.id);
      if (q.Int(0) != row.version) return Status::Conflict("case " + row.id + " moved on");
      Stmt u(db_, "UPDATE cases SET status = ?, received_on = ?, due_on = ?, concluded_on = ? WHERE id = ?");
      u.Bind(1, row.status);
      BindOpt(u, 2, row.received_on);
      BindOpt(u, 3, row.due_on);
      BindOpt(u, 4, row.concluded_on);
      u.Bind(5, row.id);
      if (u.Step() != SQLITE_DONE) return u.Error("rewrite case " + row.id);
      return WriteFactsLocked(row);
    }();
    if (!s.ok()) {
      (void)Exec("ROLLBACK", "rollback");
      return s;
    }
    return Exec("COMMIT", "commit rewrite");
  }

  Result<std::vector<CaseRow>> ListCases(const CaseFilter& f) override {
    std::string sql = std::string(kCaseColumns) + (f.agency_id ? " WHERE agency_id = ?" : "") +
                      " ORDER BY received_on DESC, id DESC LIMIT ? OFFSET ?";
    Stmt q(db_, sql);
    int i = 1;
    if (f.agency_id) q.Bind(i++, *f.agency_id);
    q.Bind(i, static_cast<int64_t>(f.limit));
    q.Bind(i + 1, static_cast<int64_t>(f.offset));
    std::vector<CaseRow> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) out.push_back(ReadCase(q));
    if (rc != SQLITE_DONE) return q.Error("list cases");
    return out;
  }

  Result<std::vector<EventRow>> CaseEvents(std::string_view case_id) override {
    Stmt q(db_, std::string(kEventColumns) + " WHERE case_id = ? ORDER BY seq");
    q.Bind(1, case_id);
    std::vector<EventRow> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) out.push_back(ReadEvent(q));
    if (rc != SQLITE_DONE) return q.Error("read events");
    return out;
  }

  Status ScanEvents(const std::function<bool(const EventRow&)>& visit) override {
    Stmt q(db_, std::string(kEventColumns) + " ORDER BY id");
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      if (!visit(ReadEvent(q))) return Status::Ok();
    }
    if (rc != SQLITE_DONE) return q.Error("scan events");
    return Status::Ok();
  }

  Status RecordLookupFailure(std::string_view address, int64_t at) override {
    Stmt q(db_, "INSERT INTO lookup_failures(address, at) VALUES (?, ?)");
    q.Bind(1, address).Bind(2, at);
    if (q.Step() != SQLITE_DONE) return q.Error("record lookup failure");
    // Keep the table small: failures older than a day no longer matter.
    Stmt old(db_, "DELETE FROM lookup_failures WHERE at < ?");
    old.Bind(1, at - 86400);
    (void)old.Step();
    return Status::Ok();
  }

  Result<int> CountLookupFailures(std::string_view address, int64_t since) override {
    Stmt q(db_, "SELECT COUNT(*) FROM lookup_failures WHERE address = ? AND at >= ?");
    q.Bind(1, address).Bind(2, since);
    if (q.Step() != SQLITE_ROW) return q.Error("count lookup failures");
    return static_cast<int>(q.Int(0));
  }

  Status CreateUser(const UserRow& u) override {
    Stmt q(db_,
           "INSERT INTO users(username, agency_id, role, password_hash, created_at, created_by, "
           "email) VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, ''))");
    q.Bind(1, u.username);
    BindOpt(q, 2, u.agency_id);
    q.Bind(3, u.role).Bind(4, u.password_hash).Bind(5, u.created_at).Bind(6, u.created_by);
    q.Bind(7, u.email);
    int rc = q.Step();
    if (rc == SQLITE_CONSTRAINT) {
      if (auto existing = GetUser(u.username); existing.ok() && existing->has_value()) {
        return Status::Conflict("user " + u.username + " already exists");
      }
      return Status::Invalid("user " + u.username + ": unknown agency");
    }
    if (rc != SQLITE_DONE) return q.Error("create user");
    return Status::Ok();
  }

  Result<std::optional<UserRow>> GetUser(std::string_view username) override {
    Stmt q(db_, std::string(kUserColumns) + " WHERE username = ?");
    q.Bind(1, username);
    int rc = q.Step();
    if (rc == SQLITE_DONE) return std::optional<UserRow>();
    if (rc != SQLITE_ROW) return q.Error("read user");
    return std::optional<UserRow>(ReadUser(q));
  }

  static constexpr std::string_view kUserColumns =
      "SELECT username, agency_id, role, password_hash, created_at, created_by, "
      "COALESCE(totp_secret, ''), totp_last_step, disabled, COALESCE(email, '') FROM users";
  static UserRow ReadUser(const Stmt& q) {
    UserRow u{q.Text(0), OptText(q, 1), q.Text(2), q.Text(3), q.Text(4),
              q.Text(5), q.Text(6),      q.Int(7),    q.Int(8) != 0, q.Text(9)};
    return u;
  }

  Result<std::vector<UserRow>> ListUsers(const std::optional<std::string>& agency_id) override {
    Stmt q(db_, std::string(kUserColumns) + (agency_id ? " WHERE agency_id = ?" : "") +
                    " ORDER BY username");
    if (agency_id) q.Bind(1, *agency_id);
    std::vector<UserRow> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) out.push_back(ReadUser(q));
    if (rc != SQLITE_DONE) return q.Error("list users");
    return out;
  }

  Status UpdateUser(std::string_view sql, std::string_view username, std::string_view value,
                    std::string_view what) {
    Stmt q(db_, sql);
    q.Bind(1, value).Bind(2, username);
    if (q.Step() != SQLITE_DONE) return q.Error(what);
    if (sqlite3_changes(db_) == 0) return Status::NotFound("no user " + std::string(username));
    return Status::Ok();
  }
  Status SetPasswordHash(std::string_view username, std::string_view hash) override {
    return UpdateUser("UPDATE users SET password_hash = ? WHERE username = ?", username, hash,
                      "set password");
  }
  Status SetTotpSecret(std::string_view username, std::string_view secret) override {
    return UpdateUser(
        "UPDATE users SET totp_secret = NULLIF(?, ''), totp_last_step = 0 WHERE username = ?",
        username, secret, "set totp secret");
  }
  Status SetUserDisabled(std::string_view username, bool disabled) override {
    return UpdateUser("UPDATE users SET disabled = CAST(? AS INTEGER) WHERE username = ?",
                      username, disabled ? "1" : "0", "disable user");
  }
  Status SetUserEmail(std::string_view username, std::string_view email) override {
    return UpdateUser("UPDATE users SET email = NULLIF(?, '') WHERE username = ?", username, email,
                      "set e-mail");
  }
  Result<bool> QueueDigest(std::string_view username, std::string_view day,
                           const MailRow& m) override {
    if (auto s = Exec("BEGIN IMMEDIATE", "begin digest"); !s.ok()) return s;
    Result<bool> r = [&]() -> Result<bool> {
      Stmt q(db_, "INSERT OR IGNORE INTO digests_sent(username, day) VALUES (?, ?)");
      q.Bind(1, username).Bind(2, day);
      if (q.Step() != SQLITE_DONE) return q.Error("record digest");
      if (sqlite3_changes(db_) == 0) return false;
      if (Status s = QueueMail(m); !s.ok()) return s;
      return true;
    }();
    if (!r.ok()) {
      (void)Exec("ROLLBACK", "rollback");
      return r;
    }
    if (auto s = Exec("COMMIT", "commit digest"); !s.ok()) return s;
    return r;
  }
  Result<bool> UseTotpStep(std::string_view username, int64_t step) override {
    Stmt q(db_, "UPDATE users SET totp_last_step = ? WHERE username = ? AND totp_last_step < ?");
    q.Bind(1, step).Bind(2, username).Bind(3, step);
    if (q.Step() != SQLITE_DONE) return q.Error("use totp step");
    return sqlite3_changes(db_) == 1;
  }
  Status DeleteUserSessions(std::string_view username, std::string_view keep) override {
    Stmt q(db_, "DELETE FROM sessions WHERE username = ? AND token_hash <> ?");
    q.Bind(1, username).Bind(2, keep);
    if (q.Step() != SQLITE_DONE) return q.Error("end sessions");
    return Status::Ok();
  }
  Status AddSubmission(const SubmissionRow& r, int64_t expected_last) override {
    if (auto s = Exec("BEGIN IMMEDIATE", "begin submission"); !s.ok()) return s;
    Status s = [&]() -> Status {
      Stmt q(db_,
             "SELECT COALESCE(MAX(id), 0) FROM report_submissions WHERE agency_id = ? AND year = ?");
      q.Bind(1, r.agency_id).Bind(2, static_cast<int64_t>(r.year));
      if (q.Step() != SQLITE_ROW) return q.Error("read submissions");
      if (q.Int(0) != expected_last) return Status::Conflict("submission changed meanwhile");
      Stmt ins(db_,
               "INSERT INTO report_submissions(agency_id, year, action, note, actor, at) VALUES "
               "(?, ?, ?, ?, ?, ?)");
      ins.Bind(1, r.agency_id).Bind(2, static_cast<int64_t>(r.year)).Bind(3, r.action);
      ins.Bind(4, r.note).Bind(5, r.actor).Bind(6, r.at);
      if (ins.Step() != SQLITE_DONE) return ins.Error("add submission");
      return Status::Ok();
    }();
    if (!s.ok()) {
      (void)Exec("ROLLBACK", "rollback");
      return s;
    }
    return Exec("COMMIT", "commit submission");
  }
  Result<std::vector<SubmissionRow>> Submissions(std::string_view agency_id, int year) override {
    Stmt q(db_,
           "SELECT id, agency_id, year, action, note, actor, at FROM report_submissions WHERE "
           "agency_id = ? AND year = ? ORDER BY id");
    q.Bind(1, agency_id).Bind(2, static_cast<int64_t>(year));
    std::vector<SubmissionRow> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      out.push_back({q.Int(0), q.Text(1), static_cast<int>(q.Int(2)), q.Text(3), q.Text(4),
                     q.Text(5), q.Text(6)});
    }
    if (rc != SQLITE_DONE) return q.Error("read submissions");
    return out;
  }
  Status AddExternalReport(const ExternalReportRow& r) override {
    Stmt q(db_,
           "INSERT INTO external_reports(filename, sha256, agency, year, errors, warnings, result, "
           "uploaded_by, scope, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.Bind(1, r.filename).Bind(2, r.sha256);
    BindOpt(q, 3, r.agency);
    if (r.year)
      q.Bind(4, static_cast<int64_t>(*r.year));
    else
      q.BindNull(4);
    q.Bind(5, static_cast<int64_t>(r.errors)).Bind(6, static_cast<int64_t>(r.warnings));
    q.Bind(7, r.result).Bind(8, r.uploaded_by);
    BindOpt(q, 9, r.scope);
    q.Bind(10, r.at);
    if (q.Step() != SQLITE_DONE) return q.Error("add external report");
    return Status::Ok();
  }
  Result<std::vector<ExternalReportRow>> ExternalReports(const std::optional<std::string>& scope,
                                                         int limit) override {
    Stmt q(db_, std::string("SELECT id, filename, sha256, agency, year, errors, warnings, result, "
                            "uploaded_by, scope, at FROM external_reports") +
                    (scope ? " WHERE scope = ?" : "") + " ORDER BY id DESC LIMIT ?");
    int i = 1;
    if (scope) q.Bind(i++, *scope);
    q.Bind(i, static_cast<int64_t>(limit));
    std::vector<ExternalReportRow> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      ExternalReportRow r;
      r.id = q.Int(0);
      r.filename = q.Text(1);
      r.sha256 = q.Text(2);
      r.agency = OptText(q, 3);
      if (!q.IsNull(4)) r.year = static_cast<int>(q.Int(4));
      r.errors = static_cast<int>(q.Int(5));
      r.warnings = static_cast<int>(q.Int(6));
      r.result = q.Text(7);
      r.uploaded_by = q.Text(8);
      r.scope = OptText(q, 9);
      r.at = q.Text(10);
      out.push_back(std::move(r));
    }
    if (rc != SQLITE_DONE) return q.Error("read external reports");
    return out;
  }

  Status AppendAudit(const AuditRow& r) override {
    Stmt q(db_,
           "INSERT INTO audit_log(at, username, agency_id, address, action, status, detail) "
           "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.Bind(1, r.at).Bind(2, r.username);
    BindOpt(q, 3, r.agency_id);
    q.Bind(4, r.address).Bind(5, r.action).Bind(6, static_cast<int64_t>(r.status)).Bind(7, r.detail);
    if (q.Step() != SQLITE_DONE) return q.Error("append audit");
    return Status::Ok();
  }
  Result<std::vector<AuditRow>> ListAudit(const AuditFilter& f) override {
    std::string sql =
        "SELECT id, at, username, agency_id, address, action, status, detail FROM audit_log "
        "WHERE (? = 0 OR id < ?)";
    if (f.agency_id) sql += " AND agency_id = ?";
    sql += " ORDER BY id DESC LIMIT ?";
    Stmt q(db_, sql);
    q.Bind(1, f.before_id);
    q.Bind(2, f.before_id);
    int i = 3;
    if (f.agency_id) q.Bind(i++, *f.agency_id);
    q.Bind(i, static_cast<int64_t>(f.limit));
    std::vector<AuditRow> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      out.push_back({q.Int(0), q.Text(1), q.Text(2), OptText(q, 3), q.Text(4), q.Text(5),
                     static_cast<int>(q.Int(6)), q.Text(7)});
    }
    if (rc != SQLITE_DONE) return q.Error("read audit log");
    return out;
  }

  Status CreateSession(const SessionRow& s) override {
    Stmt q(db_,
           "INSERT INTO sessions(token_hash, username, csrf_token, created_at, last_seen, address) "
           "VALUES (?, ?, ?, ?, ?, ?)");
    q.Bind(1, s.token_hash).Bind(2, s.username).Bind(3, s.csrf_token).Bind(4, s.created_at);
    q.Bind(5, s.last_seen).Bind(6, s.address);
    if (q.Step() != SQLITE_DONE) return q.Error("create session");
    return Status::Ok();
  }

  Result<std::optional<SessionRow>> GetSession(std::string_view token_hash) override {
    Stmt q(db_,
           "SELECT token_hash, username, csrf_token, created_at, last_seen, address FROM sessions "
           "WHERE token_hash = ?");
    q.Bind(1, token_hash);
    int rc = q.Step();
    if (rc == SQLITE_DONE) return std::optional<SessionRow>();
    if (rc != SQLITE_ROW) return q.Error("read session");
    SessionRow s{q.Text(0), q.Text(1), q.Text(2), q.Int(3), q.Int(4), q.Text(5)};
    return std::optional<SessionRow>(std::move(s));
  }

  Status TouchSession(std::string_view token_hash, int64_t now) override {
    Stmt q(db_, "UPDATE sessions SET last_seen = ? WHERE token_hash = ?");
    q.Bind(1, now).Bind(2, token_hash);
    if (q.Step() != SQLITE_DONE) return q.Error("touch session");
    return Status::Ok();
  }

  Status DeleteSession(std::string_view token_hash) override {
    Stmt q(db_, "DELETE FROM sessions WHERE token_hash = ?");
    q.Bind(1, token_hash);
    if (q.Step() != SQLITE_DONE) return q.Error("delete session");
    return Status::Ok();
  }

  Status RecordLoginFailure(std::string_view username, std::string_view address,
                            int64_t at) override {
    Stmt q(db_, "INSERT INTO login_failures(username, address, at) VALUES (?, ?, ?)");
    q.Bind(1, username).Bind(2, address).Bind(3, at);
    if (q.Step() != SQLITE_DONE) return q.Error("record login failure");
    Stmt old(db_, "DELETE FROM login_failures WHERE at < ?");
    old.Bind(1, at - 86400);
    (void)old.Step();
    return Status::Ok();
  }

  Result<int> CountLoginFailures(std::string_view username, std::string_view address,
                                 int64_t since) override {
    Stmt q(db_,
           "SELECT COUNT(*) FROM login_failures WHERE username = ? AND address = ? AND at >= ?");
    q.Bind(1, username).Bind(2, address).Bind(3, since);
    if (q.Step() != SQLITE_ROW) return q.Error("count login failures");
    return static_cast<int>(q.Int(0));
  }

  Status AddReportFigure(const ReportFigureRow& r) override {
    Stmt q(db_,
           "INSERT INTO report_figures(agency_id, year, row_key, field_key, value, source, "
           "entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.Bind(1, r.agency_id).Bind(2, static_cast<int64_t>(r.year)).Bind(3, r.row_key);
    q.Bind(4, r.field_key);
    if (r.value)
      q.Bind(5, *r.value);
    else
      q.BindNull(5);
    q.Bind(6, r.source).Bind(7, r.entered_by).Bind(8, r.entered_at);
    if (q.Step() != SQLITE_DONE) return q.Error("add report figure");
    return Status::Ok();
  }

  Result<std::vector<ReportFigureRow>> ReportFigures(std::string_view agency_id,
                                                     int year) override {
    Stmt q(db_,
           "SELECT id, row_key, field_key, value, source, entered_by, entered_at FROM "
           "report_figures WHERE agency_id = ? AND year = ? ORDER BY id");
    q.Bind(1, agency_id).Bind(2, static_cast<int64_t>(year));
    std::vector<ReportFigureRow> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      ReportFigureRow r;
      r.id = q.Int(0);
      r.agency_id = std::string(agency_id);
      r.year = year;
      r.row_key = q.Text(1);
      r.field_key = q.Text(2);
      if (!q.IsNull(3)) r.value = q.Int(3);
      r.source = q.Text(4);
      r.entered_by = q.Text(5);
      r.entered_at = q.Text(6);
      out.push_back(std::move(r));
    }
    if (rc != SQLITE_DONE) return q.Error("read report figures");
    return out;
  }

  Status SaveReportText(const ReportTextRow& r) override {
    Stmt q(db_,
           "INSERT INTO report_texts(agency_id, year, section, body, saved_by, saved_at) "
           "VALUES (?, ?, ?, ?, ?, ?)");
    q.Bind(1, r.agency_id).Bind(2, static_cast<int64_t>(r.year)).Bind(3, r.section);
    q.Bind(4, r.body).Bind(5, r.saved_by).Bind(6, r.saved_at);
    if (q.Step() != SQLITE_DONE) return q.Error("save report text");
    return Status::Ok();
  }

  Result<std::vector<ReportTextRow>> ReportTexts(std::string_view agency_id, int year) override {
    Stmt q(db_,
           "SELECT t.section, t.body, t.saved_by, t.saved_at FROM report_texts t "
           "WHERE t.agency_id = ? AND t.year = ? AND t.id = (SELECT MAX(u.id) FROM report_texts u "
           "WHERE u.agency_id = t.agency_id AND u.year = t.year AND u.section = t.section) "
           "ORDER BY t.section");
    q.Bind(1, agency_id).Bind(2, static_cast<int64_t>(year));
    std::vector<ReportTextRow> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      out.push_back({std::string(agency_id), year, q.Text(0), q.Text(1), q.Text(2), q.Text(3)});
    }
    if (rc != SQLITE_DONE) return q.Error("read report texts");
    return out;
  }

  Status AddReportAction(const ReportActionRow& r, int64_t expected_last) override {
    if (auto s = Exec("BEGIN IMMEDIATE", "begin report action"); !s.ok()) return s;
    Status s = AddReportActionLocked(r, expected_last);
    if (!s.ok()) {
      (void)Exec("ROLLBACK", "rollback");
      return s;
    }
    return Exec("COMMIT", "commit report action");
  }

  Result<std::vector<ReportActionRow>> ReportActions(std::string_view agency_id,
                                                     int year) override {
    Stmt q(db_,
           "SELECT id, agency_id, year, action, snapshot, reason, actor, at FROM report_actions "
           "WHERE agency_id = ? AND year = ? ORDER BY id");
    q.Bind(1, agency_id).Bind(2, static_cast<int64_t>(year));
    return ReadActions(q);
  }

  Result<std::vector<ReportActionRow>> PublishedReports(std::string_view agency_id) override {
    Stmt q(db_,
           "SELECT a.id, a.agency_id, a.year, a.action, a.snapshot, a.reason, a.actor, a.at "
           "FROM report_actions a WHERE a.action = 'publish' AND (? = '' OR a.agency_id = ?) "
           "AND a.id = (SELECT MAX(b.id) FROM report_actions b WHERE b.agency_id = a.agency_id "
           "AND b.year = a.year) ORDER BY a.year DESC, a.agency_id");
    q.Bind(1, agency_id).Bind(2, agency_id);
    return ReadActions(q);
  }

  Result<int> SchemaVersion() override {
    Stmt q(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (!q.ok() || q.Step() != SQLITE_ROW) return q.Error("read schema version");
    return static_cast<int>(q.Int(0));
  }

 private:
  Status ReplaceYearsLocked(std::span<const int> years, std::span<const CalendarDayRow> days,
                            std::string_view source, std::string_view now) {
    for (int y : years) {
      Stmt del(db_, "DELETE FROM calendar_days WHERE year = ?");
      del.Bind(1, static_cast<int64_t>(y));
      if (del.Step() != SQLITE_DONE) return del.Error("clear calendar year");
      Stmt yr(db_,
              "INSERT INTO calendar_years(year, source, imported_at) VALUES (?, ?, ?) "
              "ON CONFLICT(year) DO UPDATE SET source = excluded.source, "
              "imported_at = excluded.imported_at");
      yr.Bind(1, static_cast<int64_t>(y)).Bind(2, source).Bind(3, now);
      if (yr.Step() != SQLITE_DONE) return yr.Error("record calendar year");
    }
    for (const CalendarDayRow& d : days) {
      Stmt ins(db_,
               "INSERT INTO calendar_days(day, year, kind, name, source, imported_at) "
               "VALUES (?, ?, ?, ?, ?, ?)");
      const int64_t year = d.day.size() >= 4 ? std::atoi(d.day.substr(0, 4).c_str()) : 0;
      ins.Bind(1, d.day).Bind(2, year).Bind(3, d.kind).Bind(4, d.name).Bind(5, source).Bind(6, now);
      if (ins.Step() != SQLITE_DONE) return ins.Error("insert calendar day " + d.day);
    }
    return Status::Ok();
  }

  static constexpr std::string_view kCaseColumns =
      "SELECT id, agency_id, kind, version, COALESCE(query_code_hash, ''), status, received_on, "
      "due_on, concluded_on, created_at, updated_at, applicant_col, COALESCE(outcome, ''), "
      "COALESCE(channel, ''), fee_paid_on, fee_yuan, facts_version, reply_due_on, days_taken FROM "
      "cases";
  static constexpr std::string_view kEventColumns =
      "SELECT id, case_id, seq, type, occurred_on, recorded_at, actor, backfilled, payload, "
      "prev_hash, hash FROM events";

  static constexpr std::string_view kAgencyColumns =
      "SELECT id, name, kind, parent_id, COALESCE(code, ''), COALESCE(review_body, ''), "
      "COALESCE(court, ''), COALESCE(letter_prefix, ''), COALESCE(letter_contact, '') FROM "
      "agencies";

  static AgencyRow ReadAgency(const Stmt& q) {
    AgencyRow a{q.Text(0), q.Text(1), q.Text(2), std::nullopt, q.Text(4),
                q.Text(5), q.Text(6), q.Text(7), q.Text(8)};
    if (!q.IsNull(3)) a.parent_id = q.Text(3);
    return a;
  }

  static std::optional<std::string> OptText(const Stmt& q, int col) {
    if (q.IsNull(col)) return std::nullopt;
    return q.Text(col);
  }

  static CaseRow ReadCase(const Stmt& q) {
    CaseRow c;
    c.id = q.Text(0);
    c.agency_id = q.Text(1);
    c.kind = q.Text(2);
    c.version = q.Int(3);
    c.query_code_hash = q.Text(4);
    c.status = q.Text(5);
    c.received_on = OptText(q, 6);
    c.due_on = OptText(q, 7);
    c.concluded_on = OptText(q, 8);
    c.created_at = q.Text(9);
    c.updated_at = q.Text(10);
    if (!q.IsNull(11)) c.applicant_col = static_cast<int>(q.Int(11));
    c.outcome = q.Text(12);
    c.channel = q.Text(13);
    c.fee_paid_on = OptText(q, 14);
    c.fee_yuan = q.Int(15);
    c.facts_version = static_cast<int>(q.Int(16));
    c.reply_due_on = OptText(q, 17);
    if (!q.IsNull(18)) c.days_taken = static_cast<int>(q.Int(18));
    return c;
  }

  Result<std::vector<ProceedingRow>> ReadProceedings(std::string_view case_id) {
    Stmt q(db_,
           "SELECT kind, proceeding_id, route, filed_on, decided_on, result FROM case_proceedings "
           "WHERE case_id = ? ORDER BY filed_on, kind, proceeding_id");
    q.Bind(1, case_id);
    std::vector<ProceedingRow> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      out.push_back({q.Text(0), q.Text(1), q.Text(2), q.Text(3), OptText(q, 4), OptText(q, 5)});
    }
    if (rc != SQLITE_DONE) return q.Error("read proceedings");
    return out;
  }

  // The facts columns and the proceedings of `row` (inside a transaction).
  Status WriteFactsLocked(const CaseRow& row) {
    Stmt q(db_,
           "UPDATE cases SET applicant_col = ?, outcome = ?, channel = ?, fee_paid_on = ?, "
           "fee_yuan = ?, facts_version = ?, reply_due_on = ?, days_taken = ? WHERE id = ?");
    if (row.applicant_col)
      q.Bind(1, static_cast<int64_t>(*row.applicant_col));
    else
      q.BindNull(1);
    if (row.outcome.empty())
      q.BindNull(2);
    else
      q.Bind(2, row.outcome);
    q.Bind(3, row.channel);
    BindOpt(q, 4, row.fee_paid_on);
    q.Bind(5, row.fee_yuan).Bind(6, static_cast<int64_t>(row.facts_version));
    BindOpt(q, 7, row.reply_due_on);
    if (row.days_taken)
      q.Bind(8, static_cast<int64_t>(*row.days_taken));
    else
      q.BindNull(8);
    q.Bind(9, row.id);
    if (q.Step() != SQLITE_DONE) return q.Error("write case facts " + row.id);
    Stmt del(db_, "DELETE FROM case_proceedings WHERE case_id = ?");
    del.Bind(1, row.id);
    if (del.Step() != SQLITE_DONE) return del.Error("clear proceedings " + row.id);
    for (const ProceedingRow& p : row.proceedings) {
      Stmt ins(db_,
               "INSERT INTO case_proceedings(case_id, kind, proceeding_id, route, filed_on, "
               "decided_on, result) VALUES (?, ?, ?, ?, ?, ?, ?)");
      ins.Bind(1, row.id).Bind(2, p.kind).Bind(3, p.id).Bind(4, p.route).Bind(5, p.filed_on);
      BindOpt(ins, 6, p.decided_on);
      BindOpt(ins, 7, p.result);
      if (ins.Step() != SQLITE_DONE) return ins.Error("write proceeding " + row.id);
    }
    return Status::Ok();
  }

  static EventRow ReadEvent(const Stmt& q) {
    EventRow e;
    e.id = q.Int(0);
    e.case_id = q.Text(1);
    e.seq = q.Int(2);
    e.type = q.Text(3);
    e.occurred_on = q.Text(4);
    e.recorded_at = q.Text(5);
    e.actor = q.Text(6);
    e.backfilled = q.Int(7) != 0;
    e.payload = q.Text(8);
    e.prev_hash = q.Text(9);
    e.hash = q.Text(10);
    return e;
  }

  Result<std::vector<ReportActionRow>> ReadActions(Stmt& q) {
    std::vector<ReportActionRow> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      out.push_back({q.Int(0), q.Text(1), static_cast<int>(q.Int(2)), q.Text(3), q.Text(4),
                     q.Text(5), q.Text(6), q.Text(7)});
    }
    if (rc != SQLITE_DONE) return q.Error("read report actions");
    return out;
  }

  Status AddReportActionLocked(const ReportActionRow& r, int64_t expected_last) {
    {
      Stmt q(db_, "SELECT COALESCE(MAX(id), 0) FROM report_actions WHERE agency_id = ? AND year = ?");
      q.Bind(1, r.agency_id).Bind(2, static_cast<int64_t>(r.year));
      if (q.Step() != SQLITE_ROW) return q.Error("read report actions");
      if (q.Int(0) != expected_last) {
        return Status::Conflict("the report of " + r.agency_id + " " + std::to_string(r.year) +
                                " changed meanwhile (latest action " + std::to_string(q.Int(0)) +
                                ", expected " + std::to_string(expected_last) + ")");
      }
    }
    Stmt q(db_,
           "INSERT INTO report_actions(agency_id, year, action, snapshot, reason, actor, at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.Bind(1, r.agency_id).Bind(2, static_cast<int64_t>(r.year)).Bind(3, r.action);
    q.Bind(4, r.snapshot).Bind(5, r.reason).Bind(6, r.actor).Bind(7, r.at);
    if (q.Step() != SQLITE_DONE) return q.Error("add report action");
    return Status::Ok();
  }

  Stmt& BindOpt(Stmt& q, int i, const std::optional<std::string>& v) {
    return v ? q.Bind(i, *v) : q.BindNull(i);
  }

  Result<int64_t> LetterSerialLocked(std::string_view agency_id, int year, std::string_view case_id,
                                     int64_t seq) {
    {
      Stmt q(db_, "SELECT serial FROM letter_numbers WHERE case_id = ? AND seq = ?");
      q.Bind(1, case_id).Bind(2, seq);
      int rc = q.Step();
      if (rc == SQLITE_ROW) return q.Int(0);
      if (rc != SQLITE_DONE) return q.Error("read letter number");
    }
    Stmt ins(db_,
             "INSERT INTO letter_numbers(agency_id, year, serial, case_id, seq) "
             "SELECT ?, ?, COALESCE(MAX(serial), 0) + 1, ?, ? FROM letter_numbers "
             "WHERE agency_id = ? AND year = ? RETURNING serial");
    ins.Bind(1, agency_id).Bind(2, static_cast<int64_t>(year)).Bind(3, case_id).Bind(4, seq);
    ins.Bind(5, agency_id).Bind(6, static_cast<int64_t>(year));
    if (ins.Step() != SQLITE_ROW) return ins.Error("allocate letter number");
    return ins.Int(0);
  }

  Status AppendLocked(const CaseRow& row, int64_t expected_version, std::vector<EventRow>& events) {
    int64_t stored = 0;
    {
      Stmt q(db_, "SELECT version FROM cases WHERE id = ?");
      q.Bind(1, row.id);
      int rc = q.Step();
      if (rc == SQLITE_ROW)
        stored = q.Int(0);
      else if (rc != SQLITE_DONE)
        return q.Error("read case version");
      else if (expected_version != 0)
        return Status::NotFound("no case " + row.id);
    }
    if (stored != expected_version) {
      return Status::Conflict("case " + row.id + " is at version " + std::to_string(stored) +
                              ", the change was based on version " +
                              std::to_string(expected_version));
    }
    std::string prev = kGenesisHash;
    int64_t next_id = 1;
    {
      Stmt q(db_, "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1");
      int rc = q.Step();
      if (rc == SQLITE_ROW) {
        next_id = q.Int(0) + 1;
        prev = q.Text(1);
      } else if (rc != SQLITE_DONE) {
        return q.Error("read chain head");
      }
    }
    if (expected_version == 0) {
      Stmt q(
          db_,
          "INSERT INTO cases(id, agency_id, kind, version, query_code_hash, status, received_on, "
          "due_on, concluded_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      q.Bind(1, row.id).Bind(2, row.agency_id).Bind(3, row.kind).Bind(4, row.version);
      if (row.query_code_hash.empty())
        q.BindNull(5);
      else
        q.Bind(5, row.query_code_hash);
      q.Bind(6, row.status);
      BindOpt(q, 7, row.received_on);
      BindOpt(q, 8, row.due_on);
      BindOpt(q, 9, row.concluded_on);
      q.Bind(10, row.created_at).Bind(11, row.updated_at);
      if (q.Step() != SQLITE_DONE) return q.Error("create case " + row.id);
    } else {
      Stmt q(db_,
             "UPDATE cases SET version = ?, status = ?, received_on = ?, due_on = ?, "
             "concluded_on = ?, updated_at = ? WHERE id = ?");
      q.Bind(1, row.version).Bind(2, row.status);
      BindOpt(q, 3, row.received_on);
      BindOpt(q, 4, row.due_on);
      BindOpt(q, 5, row.concluded_on);
      q.Bind(6, row.updated_at).Bind(7, row.id);
      if (q.Step() != SQLITE_DONE) return q.Error("update case " + row.id);
    }
    if (Status s = WriteFactsLocked(row); !s.ok()) return s;
    int64_t seq = expected_version;
    for (EventRow& e : events) {
      if (e.case_id != row.id || e.seq != ++seq) {
        return Status::Invalid("event " + e.case_id + "#" + std::to_string(e.seq) +
                               " does not follow case " + row.id + " version " +
                               std::to_string(seq - 1));
      }
      e.id = next_id++;
      e.prev_hash = prev;
      e.hash = EventHash(e, prev);
      prev = e.hash;
      Stmt q(db_,
             "INSERT INTO events(id, case_id, seq, type, occurred_on, recorded_at, actor, "
             "backfilled, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      q.Bind(1, e.id).Bind(2, e.case_id).Bind(3, e.seq).Bind(4, e.type).Bind(5, e.occurred_on);
      q.Bind(6, e.recorded_at).Bind(7, e.actor).Bind(8, static_cast<int64_t>(e.backfilled));
      q.Bind(9, e.payload).Bind(10, e.prev_hash).Bind(11, e.hash);
      if (q.Step() != SQLITE_DONE) return q.Error("append event");
    }
    if (seq != row.version) {
      return Status::Invalid("case " + row.id + " projection version " +
                             std::to_string(row.version) + " does not match its events");
    }
    return Status::Ok();
  }

  Status Dump(DumpWriter& out) override {
    // One read transaction: a consistent snapshot while servers keep writing.
    if (auto s = Exec("BEGIN", "begin dump"); !s.ok()) return s;
    Status s = [&]() -> Status {
      for (const DumpTable& t : DumpTables()) {
        if (auto b = out.BeginTable(t); !b.ok()) return b;
        std::string cols;
        for (auto c : t.columns) {
          if (!cols.empty()) cols += ", ";
          cols += c == t.binary_column ? "hex(" + std::string(c) + ")" : std::string(c);
        }
        Stmt q(db_, "SELECT " + cols + " FROM " + std::string(t.name) + " ORDER BY " +
                        std::string(t.order_by));
        if (!q.ok()) return q.Error("dump " + std::string(t.name));
        std::vector<DumpValue> row(t.columns.size());
        int rc;
        while ((rc = q.Step()) == SQLITE_ROW) {
          for (size_t i = 0; i < row.size(); ++i)
            row[i] = q.IsNull(static_cast<int>(i)) ? DumpValue() : DumpValue(q.Text(static_cast<int>(i)));
          if (auto r = out.Row(row); !r.ok()) return r;
        }
        if (rc != SQLITE_DONE) return q.Error("dump " + std::string(t.name));
      }
      return Status::Ok();
    }();
    (void)Exec(s.ok() ? "COMMIT" : "ROLLBACK", "end dump");
    return s;
  }

  Result<std::unique_ptr<DumpWriter>> Loader() override;

  RecordStore& records() override {
    if (!records_) records_ = MakeSqliteRecordStore(db_);
    return *records_;
  }

  InteractionStore& interaction() override {
    if (!interaction_) interaction_ = MakeSqliteInteractionStore(db_);
    return *interaction_;
  }

  sqlite3* db_;
  std::unique_ptr<RecordStore> records_;
  std::unique_ptr<InteractionStore> interaction_;
};

// Loads a dump in one IMMEDIATE transaction; rolled back unless finished.
class SqliteLoader final : public DumpWriter {
 public:
  explicit SqliteLoader(SqliteStore& store, sqlite3* db) : store_(store), db_(db) {}
  ~SqliteLoader() override {
    insert_.reset();
    if (!done_) (void)store_.Exec("ROLLBACK", "rollback load");
  }
  Status BeginTable(const DumpTable& t) override {
    table_ = &t;
    std::string sql = "INSERT INTO " + std::string(t.name) + "(";
    for (size_t i = 0; i < t.columns.size(); ++i) sql += (i ? ", " : "") + std::string(t.columns[i]);
    sql += ") VALUES (";
    for (size_t i = 0; i < t.columns.size(); ++i) sql += i ? ", ?" : "?";
    insert_ = std::make_unique<Stmt>(db_, sql + ")");
    if (!insert_->ok()) return insert_->Error("load " + std::string(t.name));
    return Status::Ok();
  }
  Status Row(const std::vector<DumpValue>& values) override {
    if (!table_ || values.size() != table_->columns.size())
      return Status::Invalid("a row does not fit its table");
    sqlite3_reset(insert_->raw());
    for (size_t i = 0; i < values.size(); ++i) {
      const int at = static_cast<int>(i) + 1;
      if (!values[i]) {
        insert_->BindNull(at);
      } else if (table_->columns[i] == table_->binary_column) {
        auto bytes = HexDecode(*values[i]);
        if (!bytes.ok()) return bytes.status();
        insert_->BindBlob(at, *bytes);
      } else {
        insert_->Bind(at, *values[i]);
      }
    }
    if (insert_->Step() != SQLITE_DONE) return insert_->Error("load " + std::string(table_->name));
    return Status::Ok();
  }
  Status Finish() override {
    insert_.reset();
    // The catalog's index holds the published records.
    if (auto s = store_.Exec(
            "INSERT INTO records_fts(rowid, title, body) SELECT id, title, body FROM records "
            "WHERE status = 'published'",
            "rebuild the search index");
        !s.ok())
      return s;
    if (auto s = store_.Exec("COMMIT", "commit load"); !s.ok()) return s;
    done_ = true;
    return Status::Ok();
  }

 private:
  SqliteStore& store_;
  sqlite3* db_;
  const DumpTable* table_ = nullptr;
  std::unique_ptr<Stmt> insert_;
  bool done_ = false;
};

Result<std::unique_ptr<DumpWriter>> SqliteStore::Loader() {
  if (auto s = Exec("BEGIN IMMEDIATE", "begin load"); !s.ok()) return s;
  for (const DumpTable& t : DumpTables()) {
    Stmt q(db_, "SELECT 1 FROM " + std::string(t.name) + " LIMIT 1");
    const int rc = q.Step();
    if (rc != SQLITE_DONE) {
      (void)Exec("ROLLBACK", "rollback");
      if (rc == SQLITE_ROW)
        return Status::FailedPrecondition("目标数据库不是空的（表 " + std::string(t.name) +
                                          " 已有数据），只能导入到新建的空数据库");
      return q.Error("check " + std::string(t.name));
    }
  }
  return std::unique_ptr<DumpWriter>(std::make_unique<SqliteLoader>(*this, db_));
}

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, OpenMode mode,
                                               Durability durability) {
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (!exists && mode == OpenMode::kMustExist) {
    return Status::NotFound("database " + path +
                            " does not exist (create it with `gongkai serve` or `gongkai demo`)");
  }
  if (exists && !S_ISREG(st.st_mode)) return Status::Invalid("database " + path + " is not a file");
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (mode == OpenMode::kCreateIfMissing) flags |= SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string msg =
        "cannot open database " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close_v2(db);
    return Status::Invalid(msg);
  }
  // The catalog's FTS5 tokenizer, before migrations (0007 creates records_fts).
  if (auto s = RegisterCjkTokenizer(db); !s.ok()) {
    sqlite3_close_v2(db);
    return s;
  }
  auto store = std::make_unique<SqliteStore>(db);
  // A file that is not SQLite fails here with "file is not a database".
  if (auto s = store->Configure(); !s.ok())
    return Status::Invalid("database " + path + ": " + s.message());
  if (auto s = store->Migrate(); !s.ok())
    return Status::Invalid("database " + path + ": " + s.message());
  if (durability == Durability::kNone) {
    if (auto s = store->Exec("PRAGMA synchronous=OFF", "bulk load"); !s.ok()) return s;
  }
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace gk::store
