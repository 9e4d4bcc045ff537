#include <gtest/gtest.h>

#include "auth/password.h"
#include "auth/roles.h"

namespace gk::auth {
namespace {

TEST(Password, HashAndVerify) {
  auto h = HashPassword("correct horse battery");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u) << *h;
  EXPECT_TRUE(VerifyPassword("correct horse battery", *h));
  EXPECT_FALSE(VerifyPassword("correct horse batterx", *h));
  EXPECT_FALSE(VerifyPassword("", *h));
  EXPECT_FALSE(VerifyPassword("x", ""));
  // Salted: the same password hashes differently each time.
  EXPECT_NE(*HashPassword("correct horse battery"), *h);
}

TEST(Password, Rules) {
  EXPECT_FALSE(CheckPasswordRules("short").ok());
  EXPECT_FALSE(CheckPasswordRules(std::string("abc\ndefgh")).ok());
  EXPECT_FALSE(CheckPasswordRules(std::string(300, 'a')).ok());
  EXPECT_TRUE(CheckPasswordRules("密码足够长了吧abc").ok());
}

TEST(Roles, KeysRoundTrip) {
  for (Role r : {Role::kHandler, Role::kEditor, Role::kReviewer, Role::kAgencyAdmin,
                 Role::kSupervisor, Role::kSysadmin}) {
    EXPECT_EQ(RoleFromKey(Key(r)), r);
    EXPECT_FALSE(Label(r).empty());
  }
  EXPECT_EQ(RoleFromKey("admin"), std::nullopt);
  EXPECT_TRUE(NeedsAgency(Role::kHandler));
  EXPECT_FALSE(NeedsAgency(Role::kSupervisor));
  EXPECT_FALSE(SeesPersonalData(Role::kSupervisor));
}

}  // namespace
}  // namespace gk::auth
