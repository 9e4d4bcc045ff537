// Small helpers of the PostgreSQL store (postgres_store.cpp, postgres_interaction.cpp,
// postgres_records.cpp, store_dump.cpp): parameters that may be NULL, one
// call to run a parameterised statement, and error mapping. Internal to
// src/store.
#pragma once

#include <pqxx/pqxx>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace pqxx {
// NULL-able text parameters (libpqxx 6 has no std::optional traits).
template <>
struct string_traits<std::optional<std::string>> {
  static constexpr const char* name() noexcept { return "std::optional<std::string>"; }
  static constexpr bool has_null() noexcept { return true; }
  static bool is_null(const std::optional<std::string>& v) { return !v.has_value(); }
  static std::optional<std::string> null() { return std::nullopt; }
  static void from_string(const char* s, std::optional<std::string>& v) { v = std::string(s); }
  static std::string to_string(const std::optional<std::string>& v) { return v.value_or(""); }
};
}  // namespace pqxx

namespace gk::store::pg {

// One statement parameter: text, a number, or NULL. PostgreSQL infers the
// type from the statement, so numbers travel as decimal text.
struct Param {
  std::optional<std::string> v;
  Param(std::string_view s) : v(std::string(s)) {}
  Param(const std::string& s) : v(s) {}
  Param(const char* s) : v(std::string(s)) {}
  Param(int x) : v(std::to_string(x)) {}
  Param(long x) : v(std::to_string(x)) {}
  Param(long long x) : v(std::to_string(x)) {}
  Param(std::nullopt_t) {}
  Param(const std::optional<std::string>& o) : v(o) {}
  Param(std::optional<std::string>&& o) : v(std::move(o)) {}
  Param(const std::optional<int>& o) {
    if (o) v = std::to_string(*o);
  }
  Param(const std::optional<int64_t>& o) {
    if (o) v = std::to_string(*o);
  }
  Param(const std::optional<Date>& d) {
    if (d) v = d->ToString();
  }
};

using Params = std::vector<Param>;

// Runs `sql` ($1, $2, … placeholders) with `params` in transaction `w`.
inline pqxx::result Exec(pqxx::transaction_base& w, const std::string& sql, const Params& params) {
  std::vector<std::optional<std::string>> values;
  values.reserve(params.size());
  for (const Param& p : params) values.push_back(p.v);
  return w.exec_params(sql, pqxx::prepare::make_dynamic_params(values));
}
inline pqxx::result Exec(pqxx::transaction_base& w, const std::string& sql,
                         std::initializer_list<Param> params = {}) {
  return Exec(w, sql, Params(params));
}

inline std::string Text(const pqxx::field& f) { return f.is_null() ? std::string() : f.c_str(); }
inline int64_t Int(const pqxx::field& f) { return f.is_null() ? 0 : f.as<int64_t>(); }
inline std::optional<std::string> OptText(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return std::string(f.c_str());
}
inline std::optional<Date> OptDate(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  auto d = Date::Parse(f.c_str());
  return d.ok() ? std::optional<Date>(*d) : std::nullopt;
}

// The error of a failed statement, naming the step.
inline Status Error(std::string_view what, const std::exception& e) {
  return Status::Internal(std::string(what) + ": " + e.what());
}

// Advisory lock keys (pg_advisory_xact_lock(kClass, key)): the first number
// names what is locked, the second (hashtext of a name, or 0) which one.
inline constexpr int kLockMigrations = 0x676b0001;   // schema migrations, whole database
inline constexpr int kLockEventChain = 0x676b0002;   // the head of the event hash chain
inline constexpr int kLockLetterSerial = 0x676b0003; // 发文字号 of an agency and year
inline constexpr int kLockSubmissions = 0x676b0004;  // 报送 of an agency and year
inline constexpr int kLockReportAction = 0x676b0005; // publish/reopen of an agency and year
inline constexpr int kLockExclusive = 0x676b0006;    // Store::RunExclusively, by name

// Takes the transaction-scoped advisory lock (kind, hashtext(name)).
inline void LockXact(pqxx::transaction_base& w, int kind, const std::string& name) {
  Exec(w, "SELECT pg_advisory_xact_lock($1::int, hashtext($2::text))", {kind, name});
}

}  // namespace gk::store::pg
