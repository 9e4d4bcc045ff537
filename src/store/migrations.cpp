#include "store/migrations.h"

namespace gk::embedded {
std::string_view Migration0001();
std::string_view Migration0002();
std::string_view Migration0003();
std::string_view Migration0004();
std::string_view Migration0005();
std::string_view Migration0006();
std::string_view Migration0007();
std::string_view Migration0008();
std::string_view Migration0009();
std::string_view Migration0010();
std::string_view Migration0011();
std::string_view Migration0012();
std::string_view PgMigration0001();
std::string_view PgMigration0002();
std::string_view PgMigration0003();
std::string_view PgMigration0004();
std::string_view PgMigration0005();
std::string_view PgMigration0006();
std::string_view PgMigration0007();
std::string_view PgMigration0008();
std::string_view PgMigration0009();
std::string_view PgMigration0010();
std::string_view PgMigration0011();
std::string_view PgMigration0012();
}  // namespace gk::embedded

namespace gk::store {

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kAll = {
      {1, "0001_init", embedded::Migration0001()},
      {2, "0002_cases", embedded::Migration0002()},
      {3, "0003_users", embedded::Migration0003()},
      {4, "0004_letters", embedded::Migration0004()},
      {5, "0005_documents", embedded::Migration0005()},
      {6, "0006_outbox", embedded::Migration0006()},
      {7, "0007_records", embedded::Migration0007()},
      {8, "0008_reports", embedded::Migration0008()},
      {9, "0009_accounts", embedded::Migration0009()},
      {10, "0010_supervision", embedded::Migration0010()},
      {11, "0011_record_parts", embedded::Migration0011()},
      {12, "0012_interaction", embedded::Migration0012()},
  };
  return kAll;
}

const std::vector<Migration>& PostgresMigrations() {
  static const std::vector<Migration> kAll = {
      {1, "0001_init", embedded::PgMigration0001()},
      {2, "0002_cases", embedded::PgMigration0002()},
      {3, "0003_users", embedded::PgMigration0003()},
      {4, "0004_letters", embedded::PgMigration0004()},
      {5, "0005_documents", embedded::PgMigration0005()},
      {6, "0006_outbox", embedded::PgMigration0006()},
      {7, "0007_records", embedded::PgMigration0007()},
      {8, "0008_reports", embedded::PgMigration0008()},
      {9, "0009_accounts", embedded::PgMigration0009()},
      {10, "0010_supervision", embedded::PgMigration0010()},
      {11, "0011_record_parts", embedded::PgMigration0011()},
      {12, "0012_interaction", embedded::PgMigration0012()},
  };
  return kAll;
}

}  // namespace gk::store
