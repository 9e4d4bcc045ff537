#include "core/ids.h"

#include <gtest/gtest.h>

namespace gk::ids {
namespace {

TEST(ResidentId, StandardSample) {
  // GB 11643-1999 sample number.
  EXPECT_EQ(ResidentIdCheckChar("11010519491231002"), 'X');
  EXPECT_TRUE(ValidateResidentId("11010519491231002X").ok());
  EXPECT_FALSE(ValidateResidentId("11010519491231002x").ok());  // upper-case X only
  EXPECT_FALSE(ValidateResidentId("110105194912310021").ok());
}

TEST(ResidentId, RejectsShapeAndDate) {
  EXPECT_FALSE(ValidateResidentId("").ok());
  EXPECT_FALSE(ValidateResidentId("1101051949123100").ok());
  EXPECT_FALSE(ValidateResidentId("1101051949A231002X").ok());
  // 1949-02-30 does not exist even with a matching check digit.
  std::string bad = "11010519490230002";
  bad.push_back(*ResidentIdCheckChar(bad));
  EXPECT_FALSE(ValidateResidentId(bad).ok());
}

TEST(ResidentId, EveryCheckValueReachable) {
  // Walk sequence numbers until all 11 check characters have appeared, and
  // verify each recomputed number validates while a changed check fails.
  std::string seen;
  for (int seq = 0; seq < 200 && seen.size() < 11; ++seq) {
    char buf[18];
    std::snprintf(buf, sizeof buf, "37100219800101%03d", seq);
    std::string id(buf);
    char c = *ResidentIdCheckChar(id);
    if (seen.find(c) == std::string::npos) seen.push_back(c);
    EXPECT_TRUE(ValidateResidentId(id + c).ok()) << id << c;
    char wrong = c == '0' ? '1' : '0';
    EXPECT_FALSE(ValidateResidentId(id + wrong).ok());
  }
  EXPECT_EQ(seen.size(), 11u);
}

TEST(Uscc, PublishedCodes) {
  // Codes recomputed from published registrations.
  EXPECT_TRUE(ValidateUscc("91350100M000100Y43").ok());
  EXPECT_TRUE(ValidateUscc("11371000004359440C").ok());  // seed 002 索引号 prefix
  EXPECT_FALSE(ValidateUscc("91350100M000100Y44").ok());
  EXPECT_FALSE(ValidateUscc("91350100M000100Y4").ok());
  EXPECT_FALSE(ValidateUscc("91350100I000100Y43").ok());  // I is not in the set
  EXPECT_FALSE(ValidateUscc("91350100m000100Y43").ok());
}

TEST(Uscc, CheckIsModulo31OverCharset) {
  std::string body = "11371000004359440";
  EXPECT_EQ(UsccCheckChar(body), 'C');
  EXPECT_EQ(UsccCheckChar("1137100000435944O"), std::nullopt);
}

TEST(OrgCode, Gb11714) {
  EXPECT_TRUE(IsValidOrgCode("000013338"));  // 索引号 prefix of a State Council department
  EXPECT_FALSE(IsValidOrgCode("035210000"));  // internal code seen in 索引号: fails (law.md §5.3)
  EXPECT_FALSE(IsValidOrgCode("00001333"));
  EXPECT_FALSE(IsValidOrgCode("00001333a"));
}

}  // namespace
}  // namespace gk::ids
