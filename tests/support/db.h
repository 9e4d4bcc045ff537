// Databases for tests on either store. GK_TEST_BACKEND=postgres (with
// GK_TEST_PG_URL_FILE naming the file scripts/pg-test-cluster.sh wrote)
// gives each test a new PostgreSQL database; otherwise (or
// GK_TEST_BACKEND=sqlite) a SQLite file in the test's directory. When
// PostgreSQL is asked for but cannot be reached, FreshDatabaseUrl throws
// saying why: a test never falls back to SQLite silently.
#pragma once

#include <string>

namespace gk::testing {

// "sqlite" or "postgres".
std::string TestBackend();
bool OnPostgres();

// A new, empty database: `sqlite:DIR/NAME.db`, or a new PostgreSQL
// database (the name is made unique) on the test cluster.
std::string FreshDatabaseUrl(const std::string& dir, const std::string& name);

// The database of a test keyed by a SQLite file path: `sqlite:PATH`, or on
// PostgreSQL a database named after PATH, created empty on first use (so
// every mention of PATH in a test names the same database).
std::string TestDatabase(const std::string& sqlite_path);
// Drops TestDatabase(sqlite_path) on PostgreSQL (no-op on SQLite).
void DropTestDatabase(const std::string& sqlite_path);

// Deletes a database made by FreshDatabaseUrl on PostgreSQL (closing its
// connections); SQLite files go with their directory.
void DropDatabase(const std::string& url);

// Runs one SQL statement on the database (either store); returns "" when it
// succeeded, else the error message.
std::string ExecSql(const std::string& url, const std::string& sql);

// The first column of the first row of `sql` as text ("" when no row;
// throws on an error).
std::string QueryValue(const std::string& url, const std::string& sql);

}  // namespace gk::testing
