#include "support/db.h"

#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <pqxx/pqxx>
#include <stdexcept>

namespace gk::testing {
namespace {

std::string ClusterUrl() {
  const char* file = std::getenv("GK_TEST_PG_URL_FILE");
  if (!file || !*file)
    throw std::runtime_error(
        "GK_TEST_BACKEND=postgres needs GK_TEST_PG_URL_FILE (written by "
        "scripts/pg-test-cluster.sh start)");
  std::ifstream in(file);
  std::string url;
  if (!std::getline(in, url) || url.empty())
    throw std::runtime_error(std::string("no PostgreSQL test cluster: cannot read ") + file +
                             " (did the pg_cluster_start test fail?)");
  return url;
}

// `url` with its database name replaced by `db`.
std::string WithDatabase(const std::string& url, const std::string& db) {
  const size_t slash = url.rfind('/');
  return url.substr(0, slash + 1) + db;
}

}  // namespace

std::string TestBackend() {
  const char* b = std::getenv("GK_TEST_BACKEND");
  return b && std::string(b) == "postgres" ? "postgres" : "sqlite";
}

bool OnPostgres() { return TestBackend() == "postgres"; }

std::string FreshDatabaseUrl(const std::string& dir, const std::string& name) {
  if (!OnPostgres()) return "sqlite:" + dir + "/" + name + ".db";
  static std::atomic<int> counter{0};
  std::string db = "gk_t" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
  for (char c : name) db += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  db = db.substr(0, 60);
  const std::string admin = ClusterUrl();
  try {
    pqxx::connection c(admin);
    pqxx::nontransaction w(c);
    w.exec("DROP DATABASE IF EXISTS " + w.quote_name(db) + " WITH (FORCE)");
    w.exec("CREATE DATABASE " + w.quote_name(db));
  } catch (const std::exception& e) {
    throw std::runtime_error("PostgreSQL test cluster " + admin + " unusable: " + e.what());
  }
  return WithDatabase(admin, db);
}

namespace {
std::string NameFor(const std::string& path) {
  return "gk_p" + std::to_string(std::hash<std::string>{}(path) % 1000000000000ULL);
}
}  // namespace

std::string TestDatabase(const std::string& sqlite_path) {
  if (!OnPostgres()) return "sqlite:" + sqlite_path;
  const std::string admin = ClusterUrl();
  const std::string db = NameFor(sqlite_path);
  try {
    pqxx::connection c(admin);
    pqxx::nontransaction w(c);
    if (w.exec_params("SELECT 1 FROM pg_database WHERE datname = $1", db).empty())
      w.exec("CREATE DATABASE " + w.quote_name(db));
  } catch (const pqxx::sql_error& e) {
    // Two processes of one test may race to create it: fine when it exists.
    if (std::string(e.what()).find("already exists") == std::string::npos)
      throw std::runtime_error("PostgreSQL test cluster " + admin + " unusable: " + e.what());
  } catch (const std::exception& e) {
    throw std::runtime_error("PostgreSQL test cluster " + admin + " unusable: " + e.what());
  }
  return WithDatabase(admin, db);
}

void DropTestDatabase(const std::string& sqlite_path) {
  if (OnPostgres()) DropDatabase(WithDatabase(ClusterUrl(), NameFor(sqlite_path)));
}

void DropDatabase(const std::string& url) {
  if (url.rfind("postgresql://", 0) != 0) return;
  try {
    pqxx::connection c(ClusterUrl());
    pqxx::nontransaction w(c);
    w.exec("DROP DATABASE IF EXISTS " + w.quote_name(url.substr(url.rfind('/') + 1)) +
           " WITH (FORCE)");
  } catch (const std::exception&) {
    // The cluster is thrown away after the run anyway.
  }
}

std::string ExecSql(const std::string& url, const std::string& sql) {
  if (url.rfind("sqlite:", 0) == 0) {
    sqlite3* db = nullptr;
    std::string err;
    if (sqlite3_open(url.substr(7).c_str(), &db) != SQLITE_OK) {
      err = "cannot open";
    } else {
      char* msg = nullptr;
      if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg) != SQLITE_OK)
        err = msg ? msg : "error";
      sqlite3_free(msg);
    }
    sqlite3_close(db);
    return err;
  }
  try {
    pqxx::connection c(url);
    pqxx::nontransaction w(c);
    w.exec(sql);
    return "";
  } catch (const std::exception& e) {
    return e.what();
  }
}

std::string QueryValue(const std::string& url, const std::string& sql) {
  if (url.rfind("sqlite:", 0) == 0) {
    sqlite3* db = nullptr;
    std::string out, err;
    if (sqlite3_open_v2(url.substr(7).c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      err = "cannot open " + url;
    } else {
      sqlite3_stmt* st = nullptr;
      if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
        err = sqlite3_errmsg(db);
      } else if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
        out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
      }
      sqlite3_finalize(st);
    }
    sqlite3_close(db);
    if (!err.empty()) throw std::runtime_error(err);
    return out;
  }
  pqxx::connection c(url);
  pqxx::nontransaction w(c);
  auto r = w.exec(sql);
  return r.empty() || r[0][0].is_null() ? std::string() : std::string(r[0][0].c_str());
}

}  // namespace gk::testing
