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
std::string_view Migration0012();
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
      // 11 is reserved for another change.
      {12, "0012_interaction", embedded::Migration0012()},
  };
  return kAll;
}

}  // namespace gk::store
