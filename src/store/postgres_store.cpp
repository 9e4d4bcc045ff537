#include "store/postgres_store.h"

#include <map>
#include <set>

#include "store/event_hash.h"
#include "store/migrations.h"
#include "store/pg_util.h"
#include "store/postgres_interaction.h"
#include "store/postgres_records.h"

namespace gk::store {
namespace {

using pg::Exec;
using pg::Int;
using pg::OptText;
using pg::Text;

constexpr std::string_view kCaseColumns =
    "SELECT id, agency_id, kind, version, COALESCE(query_code_hash, ''), status, received_on, "
    "due_on, concluded_on, created_at, updated_at, applicant_col, COALESCE(outcome, ''), "
    "COALESCE(channel, ''), fee_paid_on, fee_yuan, facts_version, reply_due_on, days_taken FROM "
    "cases";
constexpr std::string_view kEventColumns =
    "SELECT id, case_id, seq, type, occurred_on, recorded_at, actor, backfilled, payload, "
    "prev_hash, hash FROM events";
constexpr std::string_view kAgencyColumns =
    "SELECT id, name, kind, parent_id, COALESCE(code, ''), COALESCE(review_body, ''), "
    "COALESCE(court, ''), COALESCE(letter_prefix, ''), COALESCE(letter_contact, '') FROM "
    "agencies";
constexpr std::string_view kUserColumns =
    "SELECT username, agency_id, role, password_hash, created_at, created_by, "
    "COALESCE(totp_secret, ''), totp_last_step, disabled, COALESCE(email, '') FROM users";

AgencyRow ReadAgency(const pqxx::row& r) {
  return {Text(r[0]), Text(r[1]), Text(r[2]), OptText(r[3]), Text(r[4]),
          Text(r[5]), Text(r[6]), Text(r[7]), Text(r[8])};
}

CaseRow ReadCase(const pqxx::row& r) {
  CaseRow c;
  c.id = Text(r[0]);
  c.agency_id = Text(r[1]);
  c.kind = Text(r[2]);
  c.version = Int(r[3]);
  c.query_code_hash = Text(r[4]);
  c.status = Text(r[5]);
  c.received_on = OptText(r[6]);
  c.due_on = OptText(r[7]);
  c.concluded_on = OptText(r[8]);
  c.created_at = Text(r[9]);
  c.updated_at = Text(r[10]);
  if (!r[11].is_null()) c.applicant_col = static_cast<int>(Int(r[11]));
  c.outcome = Text(r[12]);
  c.channel = Text(r[13]);
  c.fee_paid_on = OptText(r[14]);
  c.fee_yuan = Int(r[15]);
  c.facts_version = static_cast<int>(Int(r[16]));
  c.reply_due_on = OptText(r[17]);
  if (!r[18].is_null()) c.days_taken = static_cast<int>(Int(r[18]));
  return c;
}

EventRow ReadEvent(const pqxx::row& r) {
  EventRow e;
  e.id = Int(r[0]);
  e.case_id = Text(r[1]);
  e.seq = Int(r[2]);
  e.type = Text(r[3]);
  e.occurred_on = Text(r[4]);
  e.recorded_at = Text(r[5]);
  e.actor = Text(r[6]);
  e.backfilled = Int(r[7]) != 0;
  e.payload = Text(r[8]);
  e.prev_hash = Text(r[9]);
  e.hash = Text(r[10]);
  return e;
}

UserRow ReadUser(const pqxx::row& r) {
  return {Text(r[0]), OptText(r[1]), Text(r[2]), Text(r[3]), Text(r[4]),
          Text(r[5]), Text(r[6]),    Int(r[7]),  Int(r[8]) != 0, Text(r[9])};
}

std::vector<ReportActionRow> ReadActions(const pqxx::result& res) {
  std::vector<ReportActionRow> out;
  for (const auto& r : res)
    out.push_back({Int(r[0]), Text(r[1]), static_cast<int>(Int(r[2])), Text(r[3]), Text(r[4]),
                   Text(r[5]), Text(r[6]), Text(r[7])});
  return out;
}

class PostgresStore final : public Store {
 public:
  explicit PostgresStore(std::unique_ptr<pqxx::connection> conn) : conn_(std::move(conn)) {}

  Status RunExclusively(std::string_view name, const std::function<Status()>& fn) override {
    const std::string key(name);
    try {
      pqxx::nontransaction n(*conn_);
      Exec(n, "SELECT pg_advisory_lock($1::int, hashtext($2))", {pg::kLockExclusive, key});
    } catch (const std::exception& e) {
      return pg::Error("lock " + key, e);
    }
    Status s = fn();
    try {
      pqxx::nontransaction n(*conn_);
      Exec(n, "SELECT pg_advisory_unlock($1::int, hashtext($2))", {pg::kLockExclusive, key});
    } catch (const std::exception& e) {
      // The lock ends with the session at the latest.
      if (s.ok()) s = pg::Error("unlock " + key, e);
    }
    return s;
  }

  // Runs `f(w)` in one transaction, committed when f succeeds; a database
  // error becomes Internal naming `what`.
  template <class F>
  auto Tx(std::string_view what, F&& f) -> decltype(f(std::declval<pqxx::work&>())) {
    try {
      pqxx::work w(*conn_);
      auto r = f(w);
      if (r.ok()) w.commit();
      return r;
    } catch (const std::exception& e) {
      return pg::Error(what, e);
    }
  }

  Status Migrate() {
    return Tx("migrate", [&](pqxx::work& w) -> Status {
      // One server migrates at a time; the others wait here, then find
      // nothing left to do.
      Exec(w, "SELECT pg_advisory_xact_lock($1::int, 0)", {pg::kLockMigrations});
      Exec(w,
           "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, "
           "name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
      std::set<int64_t> applied;
      for (const auto& r : Exec(w, "SELECT version FROM schema_migrations"))
        applied.insert(Int(r[0]));
      for (const Migration& m : PostgresMigrations()) {
        if (applied.count(m.version)) continue;
        w.exec(std::string(m.sql), "migration " + std::string(m.name));
        Exec(w, "INSERT INTO schema_migrations(version, name) VALUES ($1, $2)",
             {m.version, m.name});
      }
      return Status::Ok();
    });
  }

  Result<bool> HasSchema() {
    return Tx("read schema", [&](pqxx::work& w) -> Result<bool> {
      auto r = Exec(w, "SELECT to_regclass('schema_migrations') IS NOT NULL");
      return r[0][0].as<bool>();
    });
  }

  Result<std::vector<AgencyRow>> ListAgencies() override {
    return Tx("list agencies", [&](pqxx::work& w) -> Result<std::vector<AgencyRow>> {
      std::vector<AgencyRow> out;
      for (const auto& r : Exec(w, std::string(kAgencyColumns) + " ORDER BY id"))
        out.push_back(ReadAgency(r));
      return out;
    });
  }

  Result<bool> InsertAgencyIfAbsent(const AgencyRow& a, std::string_view now) override {
    return Tx("insert agency " + a.id, [&](pqxx::work& w) -> Result<bool> {
      auto r = Exec(w,
                    "INSERT INTO agencies(id, name, kind, parent_id, created_at, code) VALUES "
                    "($1, $2, $3, $4, $5, NULLIF($6, '')) ON CONFLICT(id) DO NOTHING",
                    {a.id, a.name, a.kind, a.parent_id, now, a.code});
      return r.affected_rows() > 0;
    });
  }

  Status ReplaceCalendarYears(std::span<const int> years, std::span<const CalendarDayRow> days,
                              std::string_view source, std::string_view now) override {
    return Tx("calendar import", [&](pqxx::work& w) -> Status {
      for (int y : years) {
        Exec(w, "DELETE FROM calendar_days WHERE year = $1", {y});
        Exec(w,
             "INSERT INTO calendar_years(year, source, imported_at) VALUES ($1, $2, $3) "
             "ON CONFLICT(year) DO UPDATE SET source = excluded.source, "
             "imported_at = excluded.imported_at",
             {y, source, now});
      }
      for (const CalendarDayRow& d : days) {
        const int year = d.day.size() >= 4 ? std::atoi(d.day.substr(0, 4).c_str()) : 0;
        Exec(w,
             "INSERT INTO calendar_days(day, year, kind, name, source, imported_at) "
             "VALUES ($1, $2, $3, $4, $5, $6)",
             {d.day, year, d.kind, d.name, source, now});
      }
      return Status::Ok();
    });
  }

  Result<std::vector<CalendarDayRow>> CalendarDays() override {
    return Tx("read calendar", [&](pqxx::work& w) -> Result<std::vector<CalendarDayRow>> {
      std::vector<CalendarDayRow> out;
      for (const auto& r : Exec(w, "SELECT day, kind, name FROM calendar_days ORDER BY day"))
        out.push_back({Text(r[0]), Text(r[1]), Text(r[2])});
      return out;
    });
  }

  Result<std::vector<int>> CalendarYears() override {
    return Tx("read calendar years", [&](pqxx::work& w) -> Result<std::vector<int>> {
      std::vector<int> out;
      for (const auto& r : Exec(w, "SELECT year FROM calendar_years ORDER BY year"))
        out.push_back(static_cast<int>(Int(r[0])));
      return out;
    });
  }

  Status SetAgencyCode(std::string_view agency_id, std::string_view code) override {
    return Tx("set agency code", [&](pqxx::work& w) -> Status {
      auto r = Exec(w, "UPDATE agencies SET code = $1 WHERE id = $2", {code, agency_id});
      if (r.affected_rows() == 0) return Status::NotFound("no agency " + std::string(agency_id));
      return Status::Ok();
    });
  }

  Result<std::optional<AgencyRow>> GetAgency(std::string_view agency_id) override {
    return Tx("read agency", [&](pqxx::work& w) -> Result<std::optional<AgencyRow>> {
      auto r = Exec(w, std::string(kAgencyColumns) + " WHERE id = $1", {agency_id});
      if (r.empty()) return std::optional<AgencyRow>();
      return std::optional<AgencyRow>(ReadAgency(r[0]));
    });
  }

  static void QueueMailIn(pqxx::work& w, const MailRow& m) {
    Exec(w,
         "INSERT INTO outbox(to_addr, subject, body, case_id, created_at) VALUES ($1, $2, $3, $4, "
         "$5)",
         {m.to_addr, m.subject, m.body, m.case_id, m.created_at});
  }

  Status QueueMail(const MailRow& m) override {
    return Tx("queue mail", [&](pqxx::work& w) -> Status {
      QueueMailIn(w, m);
      return Status::Ok();
    });
  }

  Result<std::vector<MailRow>> PendingMail(int max_attempts, int limit) override {
    return Tx("read outbox", [&](pqxx::work& w) -> Result<std::vector<MailRow>> {
      std::vector<MailRow> out;
      for (const auto& r :
           Exec(w,
                "SELECT id, to_addr, subject, body, COALESCE(case_id, ''), created_at, attempts "
                "FROM outbox WHERE sent_at IS NULL AND attempts < $1 ORDER BY id LIMIT $2",
                {max_attempts, limit}))
        out.push_back({Int(r[0]), Text(r[1]), Text(r[2]), Text(r[3]), Text(r[4]), Text(r[5]),
                       static_cast<int>(Int(r[6]))});
      return out;
    });
  }

  Status MarkMailSent(int64_t id, std::string_view now) override {
    return Tx("mark mail sent", [&](pqxx::work& w) -> Status {
      Exec(w, "UPDATE outbox SET sent_at = $1, attempts = attempts + 1 WHERE id = $2", {now, id});
      return Status::Ok();
    });
  }

  Status MarkMailFailed(int64_t id, std::string_view error) override {
    return Tx("mark mail failed", [&](pqxx::work& w) -> Status {
      Exec(w, "UPDATE outbox SET attempts = attempts + 1, last_error = $1 WHERE id = $2",
           {error, id});
      return Status::Ok();
    });
  }

  Status PutDocument(std::string_view sha256, std::string_view mime, std::string_view content,
                     std::string_view now) override {
    return Tx("store document", [&](pqxx::work& w) -> Status {
      pqxx::binarystring blob(content.data(), content.size());
      w.exec_params(
          "INSERT INTO documents(sha256, mime, size, content, created_at) VALUES ($1, $2, $3, $4, "
          "$5) ON CONFLICT(sha256) DO NOTHING",
          std::string(sha256), std::string(mime), static_cast<int64_t>(content.size()), blob,
          std::string(now));
      return Status::Ok();
    });
  }

  Result<std::optional<Document>> GetDocument(std::string_view sha256) override {
    return Tx("read document", [&](pqxx::work& w) -> Result<std::optional<Document>> {
      auto r = Exec(w, "SELECT mime, content FROM documents WHERE sha256 = $1", {sha256});
      if (r.empty()) return std::optional<Document>();
      pqxx::binarystring blob(r[0][1]);
      return std::optional<Document>(Document{Text(r[0][0]), blob.str()});
    });
  }

  Status SetAgencyLetterSettings(const AgencyRow& a) override {
    return Tx("set letter settings", [&](pqxx::work& w) -> Status {
      auto r = Exec(w,
                    "UPDATE agencies SET review_body = $1, court = $2, letter_prefix = $3, "
                    "letter_contact = $4 WHERE id = $5",
                    {a.review_body, a.court, a.letter_prefix, a.letter_contact, a.id});
      if (r.affected_rows() == 0) return Status::NotFound("no agency " + a.id);
      return Status::Ok();
    });
  }

  Result<int64_t> LetterSerial(std::string_view agency_id, int year, std::string_view case_id,
                               int64_t seq) override {
    return Tx("allocate letter number", [&](pqxx::work& w) -> Result<int64_t> {
      // Serialises allocations of this agency and year across servers.
      pg::LockXact(w, pg::kLockLetterSerial, std::string(agency_id) + "/" + std::to_string(year));
      auto got = Exec(w, "SELECT serial FROM letter_numbers WHERE case_id = $1 AND seq = $2",
                      {case_id, seq});
      if (!got.empty()) return Int(got[0][0]);
      auto r = Exec(w,
                    "INSERT INTO letter_numbers(agency_id, year, serial, case_id, seq) "
                    "SELECT $1, $2, COALESCE(MAX(serial), 0) + 1, $3, $4 FROM letter_numbers "
                    "WHERE agency_id = $1 AND year = $2 RETURNING serial",
                    {agency_id, year, case_id, seq});
      return Int(r[0][0]);
    });
  }

  Result<int64_t> NextTrackingSerial(std::string_view agency_id, int year) override {
    // The upsert locks the (agency, year) row: concurrent servers queue on it.
    return Tx("allocate tracking number", [&](pqxx::work& w) -> Result<int64_t> {
      auto r = Exec(w,
                    "INSERT INTO tracking_sequences(agency_id, year, last) VALUES ($1, $2, 1) "
                    "ON CONFLICT(agency_id, year) DO UPDATE SET last = tracking_sequences.last + 1 "
                    "RETURNING last",
                    {agency_id, year});
      return Int(r[0][0]);
    });
  }

  Status AppendEvents(const CaseRow& row, int64_t expected_version,
                      std::vector<EventRow>& events) override {
    std::vector<EventRow> out = events;
    Status s = Tx("append events", [&](pqxx::work& w) -> Status {
      return AppendLocked(w, row, expected_version, out);
    });
    if (s.ok()) events = std::move(out);
    return s;
  }

  Result<std::optional<CaseRow>> GetCase(std::string_view case_id) override {
    return Tx("read case", [&](pqxx::work& w) -> Result<std::optional<CaseRow>> {
      auto r = Exec(w, std::string(kCaseColumns) + " WHERE id = $1", {case_id});
      if (r.empty()) return std::optional<CaseRow>();
      CaseRow c = ReadCase(r[0]);
      for (const auto& p :
           Exec(w,
                "SELECT kind, proceeding_id, route, filed_on, decided_on, result FROM "
                "case_proceedings WHERE case_id = $1 ORDER BY filed_on, kind, proceeding_id",
                {case_id}))
        c.proceedings.push_back(
            {Text(p[0]), Text(p[1]), Text(p[2]), Text(p[3]), OptText(p[4]), OptText(p[5])});
      return std::optional<CaseRow>(std::move(c));
    });
  }

  Result<std::vector<CaseRow>> AgencyCaseFacts(std::string_view agency_id) override {
    return Tx("read case facts", [&](pqxx::work& w) -> Result<std::vector<CaseRow>> {
      std::vector<CaseRow> out;
      std::map<std::string, size_t, std::less<>> index;
      for (const auto& r : Exec(w,
                                std::string(kCaseColumns) +
                                    " WHERE agency_id = $1 ORDER BY received_on NULLS FIRST, id",
                                {agency_id})) {
        out.push_back(ReadCase(r));
        index.emplace(out.back().id, out.size() - 1);
      }
      for (const auto& p :
           Exec(w,
                "SELECT p.case_id, p.kind, p.proceeding_id, p.route, p.filed_on, p.decided_on, "
                "p.result FROM case_proceedings p JOIN cases c ON c.id = p.case_id WHERE "
                "c.agency_id = $1 ORDER BY p.case_id, p.filed_on, p.kind, p.proceeding_id",
                {agency_id})) {
        auto it = index.find(Text(p[0]));
        if (it == index.end()) continue;
        out[it->second].proceedings.push_back(
            {Text(p[1]), Text(p[2]), Text(p[3]), Text(p[4]), OptText(p[5]), OptText(p[6])});
      }
      return out;
    });
  }

  Result<std::vector<CaseRow>> OpenCasesDueBy(std::string_view agency_id,
                                              std::string_view due_by) override {
    return Tx("read due cases", [&](pqxx::work& w) -> Result<std::vector<CaseRow>> {
      std::vector<CaseRow> out;
      for (const auto& r :
           Exec(w,
                std::string(kCaseColumns) +
                    " WHERE agency_id = $1 AND concluded_on IS NULL AND due_on IS NOT NULL AND "
                    "due_on <= $2 ORDER BY due_on, id",
                {agency_id, due_by}))
        out.push_back(ReadCase(r));
      return out;
    });
  }

  Result<std::vector<std::string>> CasesWithStaleFacts(int limit) override {
    return Tx("find stale case facts", [&](pqxx::work& w) -> Result<std::vector<std::string>> {
      std::vector<std::string> out;
      for (const auto& r : Exec(w,
                                "SELECT id FROM cases WHERE facts_version < $1 ORDER BY id LIMIT $2",
                                {kCaseFactsVersion, limit}))
        out.push_back(Text(r[0]));
      return out;
    });
  }

  Status RewriteCaseRow(const CaseRow& row) override {
    return Tx("rewrite case " + row.id, [&](pqxx::work& w) -> Status {
      auto v = Exec(w, "SELECT version FROM cases WHERE id = $1 FOR UPDATE", {row.id});
      if (v.empty()) return Status::NotFound("no case " + row.id);
      if (Int(v[0][0]) != row.version) return Status::Conflict("case " + row.id + " moved on");
      Exec(w,
           "UPDATE cases SET status = $1, received_on = $2, due_on = $3, concluded_on = $4 WHERE "
           "id = $5",
           {row.status, row.received_on, row.due_on, row.concluded_on, row.id});
      WriteFacts(w, row);
      return Status::Ok();
    });
  }

  Result<std::vector<CaseRow>> ListCases(const CaseFilter& f) override {
    return Tx("list cases", [&](pqxx::work& w) -> Result<std::vector<CaseRow>> {
      pg::Params p;
      std::string sql = std::string(kCaseColumns);
      if (f.agency_id) {
        sql += " WHERE agency_id = $1";
        p.emplace_back(*f.agency_id);
      }
      const size_t n = p.size();
      sql += " ORDER BY received_on DESC NULLS LAST, id DESC LIMIT $" + std::to_string(n + 1) +
             " OFFSET $" + std::to_string(n + 2);
      p.emplace_back(f.limit);
      p.emplace_back(f.offset);
      std::vector<CaseRow> out;
      for (const auto& r : Exec(w, sql, p)) out.push_back(ReadCase(r));
      return out;
    });
  }

  Result<std::vector<EventRow>> CaseEvents(std::string_view case_id) override {
    return Tx("read events", [&](pqxx::work& w) -> Result<std::vector<EventRow>> {
      std::vector<EventRow> out;
      for (const auto& r :
           Exec(w, std::string(kEventColumns) + " WHERE case_id = $1 ORDER BY seq", {case_id}))
        out.push_back(ReadEvent(r));
      return out;
    });
  }

  Status ScanEvents(const std::function<bool(const EventRow&)>& visit) override {
    // In pages by id, so a large history is never held in memory at once.
    try {
      int64_t after = 0;
      for (;;) {
        pqxx::work w(*conn_);
        auto res = Exec(w, std::string(kEventColumns) + " WHERE id > $1 ORDER BY id LIMIT 5000",
                        {after});
        w.commit();
        if (res.empty()) return Status::Ok();
        for (const auto& r : res) {
          EventRow e = ReadEvent(r);
          after = e.id;
          if (!visit(e)) return Status::Ok();
        }
      }
    } catch (const std::exception& e) {
      return pg::Error("scan events", e);
    }
  }

  Status RecordLookupFailure(std::string_view address, int64_t at) override {
    return Tx("record lookup failure", [&](pqxx::work& w) -> Status {
      Exec(w, "INSERT INTO lookup_failures(address, at) VALUES ($1, $2)", {address, at});
      Exec(w, "DELETE FROM lookup_failures WHERE at < $1", {at - 86400});
      return Status::Ok();
    });
  }

  Result<int> CountLookupFailures(std::string_view address, int64_t since) override {
    return Tx("count lookup failures", [&](pqxx::work& w) -> Result<int> {
      auto r = Exec(w, "SELECT COUNT(*) FROM lookup_failures WHERE address = $1 AND at >= $2",
                    {address, since});
      return static_cast<int>(Int(r[0][0]));
    });
  }

  Status CreateUser(const UserRow& u) override {
    try {
      pqxx::work w(*conn_);
      Exec(w,
           "INSERT INTO users(username, agency_id, role, password_hash, created_at, created_by, "
           "email) VALUES ($1, $2, $3, $4, $5, $6, NULLIF($7, ''))",
           {u.username, u.agency_id, u.role, u.password_hash, u.created_at, u.created_by,
            u.email});
      w.commit();
      return Status::Ok();
    } catch (const pqxx::unique_violation&) {
      return Status::Conflict("user " + u.username + " already exists");
    } catch (const pqxx::foreign_key_violation&) {
      return Status::Invalid("user " + u.username + ": unknown agency");
    } catch (const std::exception& e) {
      return pg::Error("create user", e);
    }
  }

  Result<std::optional<UserRow>> GetUser(std::string_view username) override {
    return Tx("read user", [&](pqxx::work& w) -> Result<std::optional<UserRow>> {
      auto r = Exec(w, std::string(kUserColumns) + " WHERE username = $1", {username});
      if (r.empty()) return std::optional<UserRow>();
      return std::optional<UserRow>(ReadUser(r[0]));
    });
  }

  Result<std::vector<UserRow>> ListUsers(const std::optional<std::string>& agency_id) override {
    return Tx("list users", [&](pqxx::work& w) -> Result<std::vector<UserRow>> {
      std::vector<UserRow> out;
      auto res = agency_id ? Exec(w,
                                  std::string(kUserColumns) +
                                      " WHERE agency_id = $1 ORDER BY username",
                                  {*agency_id})
                           : Exec(w, std::string(kUserColumns) + " ORDER BY username");
      for (const auto& r : res) out.push_back(ReadUser(r));
      return out;
    });
  }

  Status UpdateUser(const std::string& sql, std::string_view username, pg::Param value,
                    std::string_view what) {
    return Tx(what, [&](pqxx::work& w) -> Status {
      auto r = Exec(w, sql, {value, username});
      if (r.affected_rows() == 0) return Status::NotFound("no user " + std::string(username));
      return Status::Ok();
    });
  }
  Status SetPasswordHash(std::string_view username, std::string_view hash) override {
    return UpdateUser("UPDATE users SET password_hash = $1 WHERE username = $2", username, hash,
                      "set password");
  }
  Status SetTotpSecret(std::string_view username, std::string_view secret) override {
    return UpdateUser(
        "UPDATE users SET totp_secret = NULLIF($1, ''), totp_last_step = 0 WHERE username = $2",
        username, secret, "set totp secret");
  }
  Status SetUserDisabled(std::string_view username, bool disabled) override {
    return UpdateUser("UPDATE users SET disabled = $1 WHERE username = $2", username,
                      disabled ? 1 : 0, "disable user");
  }
  Status SetUserEmail(std::string_view username, std::string_view email) override {
    return UpdateUser("UPDATE users SET email = NULLIF($1, '') WHERE username = $2", username,
                      email, "set e-mail");
  }

  Result<bool> QueueDigest(std::string_view username, std::string_view day,
                           const MailRow& m) override {
    return Tx("queue digest", [&](pqxx::work& w) -> Result<bool> {
      auto r = Exec(w,
                    "INSERT INTO digests_sent(username, day) VALUES ($1, $2) ON CONFLICT DO "
                    "NOTHING",
                    {username, day});
      if (r.affected_rows() == 0) return false;
      QueueMailIn(w, m);
      return true;
    });
  }

  Result<bool> UseTotpStep(std::string_view username, int64_t step) override {
    return Tx("use totp step", [&](pqxx::work& w) -> Result<bool> {
      auto r = Exec(w,
                    "UPDATE users SET totp_last_step = $1 WHERE username = $2 AND "
                    "totp_last_step < $1",
                    {step, username});
      return r.affected_rows() == 1;
    });
  }

  Status DeleteUserSessions(std::string_view username, std::string_view keep) override {
    return Tx("end sessions", [&](pqxx::work& w) -> Status {
      Exec(w, "DELETE FROM sessions WHERE username = $1 AND token_hash <> $2", {username, keep});
      return Status::Ok();
    });
  }

  Status AddSubmission(const SubmissionRow& r, int64_t expected_last) override {
    return Tx("add submission", [&](pqxx::work& w) -> Status {
      pg::LockXact(w, pg::kLockSubmissions, r.agency_id + "/" + std::to_string(r.year));
      auto q = Exec(w,
                    "SELECT COALESCE(MAX(id), 0) FROM report_submissions WHERE agency_id = $1 AND "
                    "year = $2",
                    {r.agency_id, r.year});
      if (Int(q[0][0]) != expected_last) return Status::Conflict("submission changed meanwhile");
      Exec(w,
           "INSERT INTO report_submissions(agency_id, year, action, note, actor, at) VALUES ($1, "
           "$2, $3, $4, $5, $6)",
           {r.agency_id, r.year, r.action, r.note, r.actor, r.at});
      return Status::Ok();
    });
  }

  Result<std::vector<SubmissionRow>> Submissions(std::string_view agency_id, int year) override {
    return Tx("read submissions", [&](pqxx::work& w) -> Result<std::vector<SubmissionRow>> {
      std::vector<SubmissionRow> out;
      for (const auto& r : Exec(w,
                                "SELECT id, agency_id, year, action, note, actor, at FROM "
                                "report_submissions WHERE agency_id = $1 AND year = $2 ORDER BY id",
                                {agency_id, year}))
        out.push_back({Int(r[0]), Text(r[1]), static_cast<int>(Int(r[2])), Text(r[3]), Text(r[4]),
                       Text(r[5]), Text(r[6])});
      return out;
    });
  }

  Status AddExternalReport(const ExternalReportRow& r) override {
    return Tx("add external report", [&](pqxx::work& w) -> Status {
      Exec(w,
           "INSERT INTO external_reports(filename, sha256, agency, year, errors, warnings, result, "
           "uploaded_by, scope, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
           {r.filename, r.sha256, r.agency, r.year, r.errors, r.warnings, r.result, r.uploaded_by,
            r.scope, r.at});
      return Status::Ok();
    });
  }

  Result<std::vector<ExternalReportRow>> ExternalReports(const std::optional<std::string>& scope,
                                                         int limit) override {
    return Tx("read external reports",
              [&](pqxx::work& w) -> Result<std::vector<ExternalReportRow>> {
                const std::string cols =
                    "SELECT id, filename, sha256, agency, year, errors, warnings, result, "
                    "uploaded_by, scope, at FROM external_reports";
                auto res = scope ? Exec(w, cols + " WHERE scope = $1 ORDER BY id DESC LIMIT $2",
                                        {*scope, limit})
                                 : Exec(w, cols + " ORDER BY id DESC LIMIT $1", {limit});
                std::vector<ExternalReportRow> out;
                for (const auto& q : res) {
                  ExternalReportRow r;
                  r.id = Int(q[0]);
                  r.filename = Text(q[1]);
                  r.sha256 = Text(q[2]);
                  r.agency = OptText(q[3]);
                  if (!q[4].is_null()) r.year = static_cast<int>(Int(q[4]));
                  r.errors = static_cast<int>(Int(q[5]));
                  r.warnings = static_cast<int>(Int(q[6]));
                  r.result = Text(q[7]);
                  r.uploaded_by = Text(q[8]);
                  r.scope = OptText(q[9]);
                  r.at = Text(q[10]);
                  out.push_back(std::move(r));
                }
                return out;
              });
  }

  Status AppendAudit(const AuditRow& r) override {
    return Tx("append audit", [&](pqxx::work& w) -> Status {
      Exec(w,
           "INSERT INTO audit_log(at, username, agency_id, address, action, status, detail) "
           "VALUES ($1, $2, $3, $4, $5, $6, $7)",
           {r.at, r.username, r.agency_id, r.address, r.action, r.status, r.detail});
      return Status::Ok();
    });
  }

  Result<std::vector<AuditRow>> ListAudit(const AuditFilter& f) override {
    return Tx("read audit log", [&](pqxx::work& w) -> Result<std::vector<AuditRow>> {
      std::string sql =
          "SELECT id, at, username, agency_id, address, action, status, detail FROM audit_log "
          "WHERE ($1::bigint = 0 OR id < $1::bigint)";
      pg::Params p{f.before_id};
      if (f.agency_id) {
        sql += " AND agency_id = $2";
        p.emplace_back(*f.agency_id);
      }
      sql += " ORDER BY id DESC LIMIT $" + std::to_string(p.size() + 1);
      p.emplace_back(f.limit);
      std::vector<AuditRow> out;
      for (const auto& r : Exec(w, sql, p))
        out.push_back({Int(r[0]), Text(r[1]), Text(r[2]), OptText(r[3]), Text(r[4]), Text(r[5]),
                       static_cast<int>(Int(r[6])), Text(r[7])});
      return out;
    });
  }

  Status CreateSession(const SessionRow& s) override {
    return Tx("create session", [&](pqxx::work& w) -> Status {
      Exec(w,
           "INSERT INTO sessions(token_hash, username, csrf_token, created_at, last_seen, address) "
           "VALUES ($1, $2, $3, $4, $5, $6)",
           {s.token_hash, s.username, s.csrf_token, s.created_at, s.last_seen, s.address});
      return Status::Ok();
    });
  }

  Result<std::optional<SessionRow>> GetSession(std::string_view token_hash) override {
    return Tx("read session", [&](pqxx::work& w) -> Result<std::optional<SessionRow>> {
      auto r = Exec(w,
                    "SELECT token_hash, username, csrf_token, created_at, last_seen, address FROM "
                    "sessions WHERE token_hash = $1",
                    {token_hash});
      if (r.empty()) return std::optional<SessionRow>();
      SessionRow s{Text(r[0][0]), Text(r[0][1]), Text(r[0][2]),
                   Int(r[0][3]),  Int(r[0][4]),  Text(r[0][5])};
      return std::optional<SessionRow>(std::move(s));
    });
  }

  Status TouchSession(std::string_view token_hash, int64_t now) override {
    return Tx("touch session", [&](pqxx::work& w) -> Status {
      Exec(w, "UPDATE sessions SET last_seen = $1 WHERE token_hash = $2", {now, token_hash});
      return Status::Ok();
    });
  }

  Status DeleteSession(std::string_view token_hash) override {
    return Tx("delete session", [&](pqxx::work& w) -> Status {
      Exec(w, "DELETE FROM sessions WHERE token_hash = $1", {token_hash});
      return Status::Ok();
    });
  }

  Status RecordLoginFailure(std::string_view username, std::string_view address,
                            int64_t at) override {
    return Tx("record login failure", [&](pqxx::work& w) -> Status {
      Exec(w, "INSERT INTO login_failures(username, address, at) VALUES ($1, $2, $3)",
           {username, address, at});
      Exec(w, "DELETE FROM login_failures WHERE at < $1", {at - 86400});
      return Status::Ok();
    });
  }

  Result<int> CountLoginFailures(std::string_view username, std::string_view address,
                                 int64_t since) override {
    return Tx("count login failures", [&](pqxx::work& w) -> Result<int> {
      auto r = Exec(w,
                    "SELECT COUNT(*) FROM login_failures WHERE username = $1 AND address = $2 AND "
                    "at >= $3",
                    {username, address, since});
      return static_cast<int>(Int(r[0][0]));
    });
  }

  Status AddReportFigure(const ReportFigureRow& r) override {
    return Tx("add report figure", [&](pqxx::work& w) -> Status {
      Exec(w,
           "INSERT INTO report_figures(agency_id, year, row_key, field_key, value, source, "
           "entered_by, entered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
           {r.agency_id, r.year, r.row_key, r.field_key, r.value, r.source, r.entered_by,
            r.entered_at});
      return Status::Ok();
    });
  }

  Result<std::vector<ReportFigureRow>> ReportFigures(std::string_view agency_id,
                                                     int year) override {
    return Tx("read report figures", [&](pqxx::work& w) -> Result<std::vector<ReportFigureRow>> {
      std::vector<ReportFigureRow> out;
      for (const auto& q : Exec(w,
                                "SELECT id, row_key, field_key, value, source, entered_by, "
                                "entered_at FROM report_figures WHERE agency_id = $1 AND year = $2 "
                                "ORDER BY id",
                                {agency_id, year})) {
        ReportFigureRow r;
        r.id = Int(q[0]);
        r.agency_id = std::string(agency_id);
        r.year = year;
        r.row_key = Text(q[1]);
        r.field_key = Text(q[2]);
        if (!q[3].is_null()) r.value = Int(q[3]);
        r.source = Text(q[4]);
        r.entered_by = Text(q[5]);
        r.entered_at = Text(q[6]);
        out.push_back(std::move(r));
      }
      return out;
    });
  }

  Status SaveReportText(const ReportTextRow& r) override {
    return Tx("save report text", [&](pqxx::work& w) -> Status {
      Exec(w,
           "INSERT INTO report_texts(agency_id, year, section, body, saved_by, saved_at) VALUES "
           "($1, $2, $3, $4, $5, $6)",
           {r.agency_id, r.year, r.section, r.body, r.saved_by, r.saved_at});
      return Status::Ok();
    });
  }

  Result<std::vector<ReportTextRow>> ReportTexts(std::string_view agency_id, int year) override {
    return Tx("read report texts", [&](pqxx::work& w) -> Result<std::vector<ReportTextRow>> {
      std::vector<ReportTextRow> out;
      for (const auto& q :
           Exec(w,
                "SELECT t.section, t.body, t.saved_by, t.saved_at FROM report_texts t WHERE "
                "t.agency_id = $1 AND t.year = $2 AND t.id = (SELECT MAX(u.id) FROM report_texts "
                "u WHERE u.agency_id = t.agency_id AND u.year = t.year AND u.section = t.section) "
                "ORDER BY t.section COLLATE \"C\"",
                {agency_id, year}))
        out.push_back({std::string(agency_id), year, Text(q[0]), Text(q[1]), Text(q[2]),
                       Text(q[3])});
      return out;
    });
  }

  Status AddReportAction(const ReportActionRow& r, int64_t expected_last) override {
    return Tx("add report action", [&](pqxx::work& w) -> Status {
      pg::LockXact(w, pg::kLockReportAction, r.agency_id + "/" + std::to_string(r.year));
      auto q = Exec(w,
                    "SELECT COALESCE(MAX(id), 0) FROM report_actions WHERE agency_id = $1 AND "
                    "year = $2",
                    {r.agency_id, r.year});
      const int64_t last = Int(q[0][0]);
      if (last != expected_last) {
        return Status::Conflict("the report of " + r.agency_id + " " + std::to_string(r.year) +
                                " changed meanwhile (latest action " + std::to_string(last) +
                                ", expected " + std::to_string(expected_last) + ")");
      }
      Exec(w,
           "INSERT INTO report_actions(agency_id, year, action, snapshot, reason, actor, at) "
           "VALUES ($1, $2, $3, $4, $5, $6, $7)",
           {r.agency_id, r.year, r.action, r.snapshot, r.reason, r.actor, r.at});
      return Status::Ok();
    });
  }

  Result<std::vector<ReportActionRow>> ReportActions(std::string_view agency_id,
                                                     int year) override {
    return Tx("read report actions", [&](pqxx::work& w) -> Result<std::vector<ReportActionRow>> {
      return ReadActions(Exec(w,
                              "SELECT id, agency_id, year, action, snapshot, reason, actor, at "
                              "FROM report_actions WHERE agency_id = $1 AND year = $2 ORDER BY id",
                              {agency_id, year}));
    });
  }

  Result<std::vector<ReportActionRow>> PublishedReports(std::string_view agency_id) override {
    return Tx("read published reports",
              [&](pqxx::work& w) -> Result<std::vector<ReportActionRow>> {
                return ReadActions(Exec(
                    w,
                    "SELECT a.id, a.agency_id, a.year, a.action, a.snapshot, a.reason, a.actor, "
                    "a.at FROM report_actions a WHERE a.action = 'publish' AND ($1::text = '' OR "
                    "a.agency_id = $1::text) AND a.id = (SELECT MAX(b.id) FROM report_actions b "
                    "WHERE b.agency_id = a.agency_id AND b.year = a.year) ORDER BY a.year DESC, "
                    "a.agency_id COLLATE \"C\"",
                    {agency_id}));
              });
  }

  Result<int> SchemaVersion() override {
    return Tx("read schema version", [&](pqxx::work& w) -> Result<int> {
      auto r = Exec(w, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
      return static_cast<int>(Int(r[0][0]));
    });
  }

  Status Dump(DumpWriter& out) override {
    try {
      // One snapshot of every table, read through a cursor in batches.
      pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> w(*conn_);
      for (const DumpTable& t : DumpTables()) {
        if (auto b = out.BeginTable(t); !b.ok()) return b;
        // The text casts are renamed so that ORDER BY sorts on the typed
        // columns (by number, not as text).
        std::string cols;
        for (size_t i = 0; i < t.columns.size(); ++i) {
          const std::string c(t.columns[i]);
          if (!cols.empty()) cols += ", ";
          cols += c == t.binary_column ? "upper(encode(" + c + ", 'hex'))" : c + "::text";
          cols += " AS gk_dump_" + std::to_string(i);
        }
        w.exec("DECLARE gk_dump NO SCROLL CURSOR FOR SELECT " + cols + " FROM " +
               std::string(t.name) + " ORDER BY " + std::string(t.order_by));
        std::vector<DumpValue> row(t.columns.size());
        for (;;) {
          auto batch = w.exec("FETCH 2000 FROM gk_dump");
          if (batch.empty()) break;
          for (const auto& r : batch) {
            for (size_t i = 0; i < row.size(); ++i)
              row[i] = r[static_cast<int>(i)].is_null() ? DumpValue()
                                                        : DumpValue(r[static_cast<int>(i)].c_str());
            if (auto s = out.Row(row); !s.ok()) return s;
          }
        }
        w.exec("CLOSE gk_dump");
      }
      w.commit();
      return Status::Ok();
    } catch (const std::exception& e) {
      return pg::Error("dump", e);
    }
  }

  Result<std::unique_ptr<DumpWriter>> Loader() override;

  RecordStore& records() override {
    if (!records_) records_ = MakePostgresRecordStore(*conn_);
    return *records_;
  }

  InteractionStore& interaction() override {
    if (!interaction_) interaction_ = MakePostgresInteractionStore(*conn_);
    return *interaction_;
  }

  pqxx::connection& connection() { return *conn_; }

 private:
  static void WriteFacts(pqxx::work& w, const CaseRow& row) {
    Exec(w,
         "UPDATE cases SET applicant_col = $1, outcome = NULLIF($2, ''), channel = $3, "
         "fee_paid_on = $4, fee_yuan = $5, facts_version = $6, reply_due_on = $7, days_taken = $8 "
         "WHERE id = $9",
         {row.applicant_col, row.outcome, row.channel, row.fee_paid_on, row.fee_yuan,
          row.facts_version, row.reply_due_on, row.days_taken, row.id});
    Exec(w, "DELETE FROM case_proceedings WHERE case_id = $1", {row.id});
    for (const ProceedingRow& p : row.proceedings)
      Exec(w,
           "INSERT INTO case_proceedings(case_id, kind, proceeding_id, route, filed_on, "
           "decided_on, result) VALUES ($1, $2, $3, $4, $5, $6, $7)",
           {row.id, p.kind, p.id, p.route, p.filed_on, p.decided_on, p.result});
  }

  Status AppendLocked(pqxx::work& w, const CaseRow& row, int64_t expected_version,
                      std::vector<EventRow>& events) {
    // One global hash chain: appends from every server queue on this lock,
    // so each event links to the one committed just before it.
    Exec(w, "SELECT pg_advisory_xact_lock($1::int, 0)", {pg::kLockEventChain});
    int64_t stored = 0;
    auto v = Exec(w, "SELECT version FROM cases WHERE id = $1 FOR UPDATE", {row.id});
    if (!v.empty())
      stored = Int(v[0][0]);
    else if (expected_version != 0)
      return Status::NotFound("no case " + row.id);
    if (stored != expected_version) {
      return Status::Conflict("case " + row.id + " is at version " + std::to_string(stored) +
                              ", the change was based on version " +
                              std::to_string(expected_version));
    }
    if (expected_version == 0 && !v.empty())
      return Status::Conflict("case " + row.id + " already exists");
    std::string prev = kGenesisHash;
    int64_t next_id = 1;
    auto head = Exec(w, "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1");
    if (!head.empty()) {
      next_id = Int(head[0][0]) + 1;
      prev = Text(head[0][1]);
    }
    if (expected_version == 0) {
      Exec(w,
           "INSERT INTO cases(id, agency_id, kind, version, query_code_hash, status, received_on, "
           "due_on, concluded_on, created_at, updated_at) VALUES ($1, $2, $3, $4, NULLIF($5, ''), "
           "$6, $7, $8, $9, $10, $11)",
           {row.id, row.agency_id, row.kind, row.version, row.query_code_hash, row.status,
            row.received_on, row.due_on, row.concluded_on, row.created_at, row.updated_at});
    } else {
      Exec(w,
           "UPDATE cases SET version = $1, status = $2, received_on = $3, due_on = $4, "
           "concluded_on = $5, updated_at = $6 WHERE id = $7",
           {row.version, row.status, row.received_on, row.due_on, row.concluded_on,
            row.updated_at, row.id});
    }
    WriteFacts(w, row);
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
      Exec(w,
           "INSERT INTO events(id, case_id, seq, type, occurred_on, recorded_at, actor, "
           "backfilled, payload, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
           "$10, $11)",
           {e.id, e.case_id, e.seq, e.type, e.occurred_on, e.recorded_at, e.actor,
            e.backfilled ? 1 : 0, e.payload, e.prev_hash, e.hash});
    }
    if (seq != row.version) {
      return Status::Invalid("case " + row.id + " projection version " +
                             std::to_string(row.version) + " does not match its events");
    }
    return Status::Ok();
  }

  std::unique_ptr<pqxx::connection> conn_;
  std::unique_ptr<RecordStore> records_;
  std::unique_ptr<InteractionStore> interaction_;
};

// Loads a dump in one transaction; rolled back unless finished.
class PostgresLoader final : public DumpWriter {
 public:
  explicit PostgresLoader(std::unique_ptr<pqxx::work> w) : w_(std::move(w)) {}
  Status BeginTable(const DumpTable& t) override {
    table_ = &t;
    sql_ = "INSERT INTO " + std::string(t.name) + "(";
    for (size_t i = 0; i < t.columns.size(); ++i) sql_ += (i ? ", " : "") + std::string(t.columns[i]);
    sql_ += ") VALUES (";
    for (size_t i = 0; i < t.columns.size(); ++i) {
      if (i) sql_.append(", ");
      const bool binary = t.columns[i] == t.binary_column;
      if (binary) sql_.append("decode(");
      sql_.append("$").append(std::to_string(i + 1));
      if (binary) sql_.append(", 'hex')");
    }
    sql_ += ")";
    return Status::Ok();
  }
  Status Row(const std::vector<DumpValue>& values) override {
    if (!table_ || values.size() != table_->columns.size())
      return Status::Invalid("a row does not fit its table");
    try {
      pg::Params p(values.begin(), values.end());
      Exec(*w_, sql_, p);
      return Status::Ok();
    } catch (const std::exception& e) {
      return pg::Error("load " + std::string(table_->name), e);
    }
  }
  Status Finish() override {
    try {
      // The catalog's token columns, computed here as on every write.
      int64_t after = 0;
      for (;;) {
        auto batch = Exec(*w_,
                          "SELECT r.id, r.title, r.body || " + std::string(kAttachmentTextSql) +
                              " FROM records r WHERE r.status = 'published' AND r.id > $1 "
                              "ORDER BY r.id LIMIT 500",
                          {after});
        if (batch.empty()) break;
        for (const auto& r : batch) {
          after = Int(r[0]);
          auto [tokens, title_tokens] = PostgresRecordTokens(r[1].c_str(), r[2].c_str());
          Exec(*w_,
               "UPDATE records SET search_tokens = array_to_tsvector($1::text[]), "
               "title_tokens = array_to_tsvector($2::text[]) WHERE id = $3",
               {tokens, title_tokens, after});
        }
      }
      // Ids continue after the loaded ones.
      for (const DumpTable& t : DumpTables()) {
        if (!t.serial_id) continue;
        const std::string name(t.name);
        w_->exec("SELECT setval(pg_get_serial_sequence('" + name + "', 'id'), COALESCE((SELECT " +
                 "MAX(id) FROM " + name + "), 0) + 1, false)");
      }
      w_->commit();
      return Status::Ok();
    } catch (const std::exception& e) {
      return pg::Error("finish load", e);
    }
  }

 private:
  std::unique_ptr<pqxx::work> w_;
  const DumpTable* table_ = nullptr;
  std::string sql_;
};

Result<std::unique_ptr<DumpWriter>> PostgresStore::Loader() {
  try {
    auto w = std::make_unique<pqxx::work>(*conn_);
    // Nobody else writes while the copy goes in.
    for (const DumpTable& t : DumpTables()) {
      w->exec("LOCK TABLE " + std::string(t.name) + " IN EXCLUSIVE MODE");
      if (!w->exec("SELECT 1 FROM " + std::string(t.name) + " LIMIT 1").empty())
        return Status::FailedPrecondition("目标数据库不是空的（表 " + std::string(t.name) +
                                          " 已有数据），只能导入到新建的空数据库");
    }
    return std::unique_ptr<DumpWriter>(std::make_unique<PostgresLoader>(std::move(w)));
  } catch (const std::exception& e) {
    return pg::Error("begin load", e);
  }
}

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, OpenMode mode) {
  std::unique_ptr<pqxx::connection> conn;
  try {
    conn = std::make_unique<pqxx::connection>(url);
  } catch (const std::exception& e) {
    std::string why = e.what();
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    // libpq's message never repeats the password; the URL is redacted.
    return Status::Invalid("cannot connect to PostgreSQL database " + RedactedUrl(url) + ": " +
                           why);
  }
  auto store = std::make_unique<PostgresStore>(std::move(conn));
  if (mode == OpenMode::kMustExist) {
    auto has = store->HasSchema();
    if (!has.ok())
      return Status::Invalid("database " + RedactedUrl(url) + ": " + has.status().message());
    if (!*has)
      return Status::NotFound("database " + RedactedUrl(url) +
                              " has no Gongkai tables (create them with `gongkai serve`)");
  }
  if (auto s = store->Migrate(); !s.ok())
    return Status::Invalid("database " + RedactedUrl(url) + ": " + s.message());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace gk::store
