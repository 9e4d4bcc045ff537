#include "core/hash.h"

#include <gtest/gtest.h>

#include <set>

namespace gk {
namespace {

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(RandomToken, LengthAlphabetAndSpread) {
  const std::string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::set<std::string> seen;
  std::set<char> chars;
  for (int i = 0; i < 200; ++i) {
    std::string t = RandomToken(10, alphabet);
    ASSERT_EQ(t.size(), 10u);
    for (char c : t) {
      ASSERT_NE(alphabet.find(c), std::string::npos);
      chars.insert(c);
    }
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 200u);
  EXPECT_EQ(chars.size(), alphabet.size());
}

TEST(ConstantTimeEquals, Basics) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
}

}  // namespace
}  // namespace gk
