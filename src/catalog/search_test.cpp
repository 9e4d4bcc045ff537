#include "catalog/search.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace gk::catalog {
namespace {

// "text/text+…" with '+' before a colocated token.
std::string Show(std::string_view in, TokenizeMode mode) {
  std::string s;
  for (const Token& t : Tokens(in, mode)) {
    if (!s.empty()) s += t.colocated ? "+" : " ";
    s += t.text;
  }
  return s;
}

TEST(Tokenizer, DocumentSide) {
  struct Case {
    const char* in;
    const char* want;
  };
  const Case cases[] = {
      {"", ""},
      {"政", "政"},
      {"政府", "政+政府 府"},
      {"政府信息", "政+政府 府+府信 信+信息 息"},
      {"政府，信息", "政+政府 府 信+信息 息"},
      {"GB/T 9704-2012 标准", "gb t 9704 2012 标+标准 准"},
      {"ＡＢＣ１２３", "abc123"},  // NFKC: full-width → ASCII, folded
      {"Straße", "strasse"},       // case folding
      {"2024年度", "2024 年+年度 度"},
      {"《条例》第二十条", "条+条例 例 第+第二 二+二十 十+十条 条"},
      {"㈠", "一"},      // NFKC expands to (一)
      {"\xff政", "政"},  // invalid byte = separator
  };
  for (const Case& c : cases) EXPECT_EQ(Show(c.in, TokenizeMode::kDocument), c.want) << c.in;
}

TEST(Tokenizer, QuerySide) {
  struct Case {
    const char* in;
    const char* want;
  };
  const Case cases[] = {
      {"政", "政"},           {"政府", "政府 府"},      {"政府信息", "政府 府信 信息 息"},
      {"标准A", "标准 准 a"}, {"GB标准", "gb 标准 准"},
  };
  for (const Case& c : cases) EXPECT_EQ(Show(c.in, TokenizeMode::kQuery), c.want) << c.in;
}

TEST(Tokenizer, OffsetsPointIntoTheOriginal) {
  const std::string in = "关于ＡＢＣ的通知";
  for (const Token& t : Tokens(in, TokenizeMode::kDocument)) {
    ASSERT_LE(t.end, in.size());
    ASSERT_LT(t.begin, t.end);
  }
  auto toks = Tokens(in, TokenizeMode::kDocument);
  // "abc" comes from the three full-width letters.
  auto it = std::find_if(toks.begin(), toks.end(), [](const Token& t) { return t.text == "abc"; });
  ASSERT_NE(it, toks.end());
  EXPECT_EQ(in.substr(it->begin, it->end - it->begin), "ＡＢＣ");
}

TEST(Query, QuotesEveryWord) {
  struct Case {
    const char* q;
    const char* fts;
  };
  const Case cases[] = {
      {"", ""},
      {"   ", ""},
      {"政府", "{title body} : \"政府\""},
      {"政府 信息", "{title body} : \"政府\" AND {title body} : \"信息\""},
      {"政府\xE3\x80\x80信息", "{title body} : \"政府\" AND {title body} : \"信息\""},
      {"a\"b", "{title body} : \"a\"\"b\""},
      {"NEAR(a b) OR *",
       "{title body} : \"NEAR(a\" AND {title body} : \"b)\" AND {title body} : \"OR\""},
      {"，。 政府", "{title body} : \"政府\""},
  };
  for (const Case& c : cases) {
    auto r = BuildQuery(c.q);
    ASSERT_TRUE(r.ok()) << c.q;
    EXPECT_EQ(r->fts, c.fts) << c.q;
  }
}

TEST(Query, Limits) {
  EXPECT_TRUE(BuildQuery(std::string(kMaxQueryChars, 'a')).ok());
  EXPECT_FALSE(BuildQuery(std::string(kMaxQueryChars + 1, 'a')).ok());
  std::string hundred;
  for (size_t i = 0; i < kMaxQueryChars; ++i) hundred += "政";
  EXPECT_TRUE(BuildQuery(hundred).ok());
  EXPECT_FALSE(BuildQuery(hundred + "政").ok());
  EXPECT_FALSE(BuildQuery("a b c d e f g h i").ok());
  EXPECT_TRUE(BuildQuery("a b c d e f g h").ok());
  auto bad = BuildQuery("\xff");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("UTF-8"), std::string::npos);
}

}  // namespace
}  // namespace gk::catalog
