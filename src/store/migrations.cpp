#include "store/migrations.h"

namespace gk::embedded {
std::string_view Migration0001();
std::string_view Migration0002();
}

namespace gk::store {

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kAll = {
      {1, "0001_init", embedded::Migration0001()},
      {2, "0002_cases", embedded::Migration0002()},
  };
  return kAll;
}

}  // namespace gk::store
