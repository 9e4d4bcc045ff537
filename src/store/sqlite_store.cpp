#include "store/sqlite_store.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <set>

#include "store/migrations.h"

namespace gk::store {
namespace {

// RAII prepared statement.
class Stmt {
 public:
  Stmt(sqlite3* db, std::string_view sql) : db_(db) {
    rc_ = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &s_, nullptr);
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return rc_ == SQLITE_OK; }
  Stmt& Bind(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& BindNull(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(s_); }
  std::string Text(int col) const {
    const unsigned char* t = sqlite3_column_text(s_, col);
    return t ? std::string(reinterpret_cast<const char*>(t),
                           static_cast<size_t>(sqlite3_column_bytes(s_, col)))
             : std::string();
  }
  bool IsNull(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  int64_t Int(int col) const { return sqlite3_column_int64(s_, col); }
  Status Error(std::string_view what) const {
    return Status::Internal(std::string(what) + ": " + sqlite3_errmsg(db_));
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
  int rc_;
};

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  ~SqliteStore() override { sqlite3_close_v2(db_); }

  Status Exec(std::string_view sql, std::string_view what) {
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
    Stmt q(db_, "SELECT id, name, kind, parent_id FROM agencies ORDER BY id");
    if (!q.ok()) return q.Error("list agencies");
    std::vector<AgencyRow> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      AgencyRow a{q.Text(0), q.Text(1), q.Text(2), std::nullopt};
      if (!q.IsNull(3)) a.parent_id = q.Text(3);
      out.push_back(std::move(a));
    }
    if (rc != SQLITE_DONE) return q.Error("list agencies");
    return out;
  }

  Result<bool> InsertAgencyIfAbsent(const AgencyRow& a, std::string_view now) override {
    Stmt q(db_,
           "INSERT INTO agencies(id, name, kind, parent_id, created_at) VALUES (?, ?, ?, ?, ?) "
           "ON CONFLICT(id) DO NOTHING");
    if (!q.ok()) return q.Error("insert agency");
    q.Bind(1, a.id).Bind(2, a.name).Bind(3, a.kind).Bind(5, now);
    if (a.parent_id) q.Bind(4, *a.parent_id);
    else q.BindNull(4);
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

  sqlite3* db_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, OpenMode mode) {
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (!exists && mode == OpenMode::kMustExist) {
    return Status::NotFound("database " + path + " does not exist (create it with `gongkai serve` or `gongkai demo`)");
  }
  if (exists && !S_ISREG(st.st_mode)) return Status::Invalid("database " + path + " is not a file");
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (mode == OpenMode::kCreateIfMissing) flags |= SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string msg = "cannot open database " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close_v2(db);
    return Status::Invalid(msg);
  }
  auto store = std::make_unique<SqliteStore>(db);
  // A file that is not SQLite fails here with "file is not a database".
  if (auto s = store->Configure(); !s.ok()) return Status::Invalid("database " + path + ": " + s.message());
  if (auto s = store->Migrate(); !s.ok()) return Status::Invalid("database " + path + ": " + s.message());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace gk::store
