#include "auth/totp.h"

#include <gtest/gtest.h>

namespace gk::auth {
namespace {

// RFC 6238 Appendix B, SHA-1 rows (8 digits), and RFC 4226 Appendix D (6 digits).
TEST(TotpTest, RfcVectors) {
  const std::string secret = "12345678901234567890";
  struct {
    int64_t time;
    const char* code;
  } kRows[] = {{59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
               {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"}};
  for (const auto& r : kRows) {
    EXPECT_EQ(Hotp(secret, static_cast<uint64_t>(TotpStep(r.time)), 8), r.code) << r.time;
  }
  const char* kHotp[] = {"755224", "287082", "359152", "969429", "338314",
                         "254676", "287922", "162583", "399871", "520489"};
  for (uint64_t i = 0; i < 10; ++i) EXPECT_EQ(Hotp(secret, i), kHotp[i]) << i;
}

TEST(TotpTest, Base32RoundTrip) {
  EXPECT_EQ(Base32Encode("12345678901234567890"), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(*Base32Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"), "12345678901234567890");
  EXPECT_FALSE(Base32Decode("GEZ1").has_value());
  const std::string s = NewTotpSecret();
  EXPECT_EQ(s.size(), 32u);
  EXPECT_EQ(Base32Decode(s)->size(), 20u);
}

TEST(TotpTest, VerifyAcceptsDriftOnceOnly) {
  const std::string secret = Base32Encode("12345678901234567890");
  const int64_t now = 1111111111;
  const std::string code = Hotp("12345678901234567890", static_cast<uint64_t>(TotpStep(now)));
  auto step = VerifyTotp(secret, code, now, 0);
  ASSERT_TRUE(step.has_value());
  EXPECT_EQ(*step, TotpStep(now));
  // One step of drift either way.
  EXPECT_TRUE(VerifyTotp(secret, code, now + 30, 0).has_value());
  EXPECT_TRUE(VerifyTotp(secret, code, now - 30, 0).has_value());
  EXPECT_FALSE(VerifyTotp(secret, code, now + 90, 0).has_value());
  // Not twice.
  EXPECT_FALSE(VerifyTotp(secret, code, now, *step).has_value());
  EXPECT_FALSE(VerifyTotp(secret, "12345", now, 0).has_value());
  EXPECT_FALSE(VerifyTotp(secret, "abcdef", now, 0).has_value());
  EXPECT_NE(TotpUri("公开", "wang", secret).find("otpauth://totp/"), std::string::npos);
}

}  // namespace
}  // namespace gk::auth
