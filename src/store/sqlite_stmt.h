// The prepared-statement wrapper of the SQLite store (sqlite_store.cpp,
// sqlite_records.cpp): RAII finalize, binding, column reads, errors naming
// the step. Internal to src/store.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/status.h"

namespace gk::store {

class SqliteStmt {
 public:
  SqliteStmt(sqlite3* db, std::string_view sql) : db_(db) {
    rc_ = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &s_, nullptr);
  }
  ~SqliteStmt() { sqlite3_finalize(s_); }
  SqliteStmt(const SqliteStmt&) = delete;
  SqliteStmt& operator=(const SqliteStmt&) = delete;

  bool ok() const { return rc_ == SQLITE_OK; }
  SqliteStmt& Bind(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  SqliteStmt& Bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  SqliteStmt& BindBlob(int i, std::string_view v) {
    sqlite3_bind_blob(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  SqliteStmt& BindNull(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  SqliteStmt& BindOpt(int i, const std::optional<Date>& d) {
    return d ? Bind(i, d->ToString()) : BindNull(i);
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(s_); }
  std::string Text(int col) const {
    const unsigned char* t = sqlite3_column_text(s_, col);
    return t ? std::string(reinterpret_cast<const char*>(t),
                           static_cast<size_t>(sqlite3_column_bytes(s_, col)))
             : std::string();
  }
  std::string Blob(int col) const {
    const void* b = sqlite3_column_blob(s_, col);
    return b ? std::string(static_cast<const char*>(b),
                           static_cast<size_t>(sqlite3_column_bytes(s_, col)))
             : std::string();
  }
  bool IsNull(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  int64_t Int(int col) const { return sqlite3_column_int64(s_, col); }
  std::optional<Date> DateAt(int col) const {
    if (IsNull(col)) return std::nullopt;
    auto d = Date::Parse(Text(col));
    return d.ok() ? std::optional<Date>(*d) : std::nullopt;
  }
  Status Error(std::string_view what) const {
    return Status::Internal(std::string(what) + ": " + sqlite3_errmsg(db_));
  }
  sqlite3_stmt* raw() const { return s_; }
  int ExtendedError() const { return sqlite3_extended_errcode(db_); }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
  int rc_;
};

}  // namespace gk::store
