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
      {"   ", ""},
      {"政", "政"},
      {"政府", "政+政府 府"},
      {"政府信息", "政+政府 府+府信 信+信息 息"},
      {"政府，信息", "政+政府 府+府, ,+,信 信+信息 息"},  // punctuation is searchable (NFKC)
      {"政府 信息", "政+政府 府 信+信息 息"},              // whitespace separates
      {"政府\xE3\x80\x80信息", "政+政府 府 信+信息 息"},  // U+3000 folds to a space
      {"ＡＢ１", "a+ab b+b1 1"},                          // NFKC: full-width → ASCII
      {"Straße", "s+st t+tr r+ra a+as s+ss s+se e"},      // case folding: ß → ss
      {"2024年", "2+20 0+02 2+24 4+4年 年"},
      {"GB标准", "g+gb b+b标 标+标准 准"},
      {"㈠", "(+(一 一+一) )"},                           // NFKC expands to (一)
      {"\xff政", "政"},                                  // an invalid byte separates
      {"政\xE2\x80\x8B府", "政+政府 府"},                // zero-width space folds away
  };
  for (const Case& c : cases) EXPECT_EQ(Show(c.in, TokenizeMode::kDocument), c.want) << c.in;
}

TEST(Tokenizer, QuerySide) {
  struct Case {
    const char* in;
    const char* want;
  };
  const Case cases[] = {
      {"政", "政"},
      {"政府", "政府"},
      {"政府信息", "政府 府信 信息"},
      {"标准A", "标准 准a"},
      {"GB标准", "gb b标 标准"},
      {"pdf", "pd df"},
      {"政\x01府", "政 府"},  // a control character splits the run
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
  // "ab" comes from two full-width letters.
  auto it = std::find_if(toks.begin(), toks.end(), [](const Token& t) { return t.text == "ab"; });
  ASSERT_NE(it, toks.end());
  EXPECT_EQ(in.substr(it->begin, it->end - it->begin), "ＡＢ");
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
       "{title body} : \"NEAR(a\" AND {title body} : \"b)\" AND {title body} : \"OR\" AND "
       "{title body} : \"*\""},
      {"\xE2\x80\x8B 政府", "{title body} : \"政府\""},
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

// The PostgreSQL store's helpers (store/postgres_records.cpp).
TEST(Query, WordsComeBackFromTheExpression) {
  for (std::string q : {"政府信息", "公开 年度报告", "a\"b \"\" c", "GB/T 2024"}) {
    auto b = BuildQuery(q);
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(WordsOfFts(b->fts), b->words) << q;
  }
  EXPECT_TRUE(WordsOfFts("").empty());
}

TEST(Query, TokenExactWordsAreShort) {
  EXPECT_TRUE(TokenExact("政"));
  EXPECT_TRUE(TokenExact("政府"));
  EXPECT_TRUE(TokenExact("Ab"));
  EXPECT_FALSE(TokenExact("政府信"));
  EXPECT_FALSE(TokenExact("pdf"));
}

TEST(Query, TitleOnlyKeepsTheWordsAndTheirQuoting) {
  auto q = BuildQuery("政府 a\"b");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(TitleOnlyFts(q->fts), "{title} : \"政府\" AND {title} : \"a\"\"b\"");
  EXPECT_EQ(WordsOfFts(TitleOnlyFts(q->fts)), q->words);
  EXPECT_EQ(TitleOnlyFts(""), "");
}

TEST(Query, MatchesAllIsTheSubstringRule) {
  EXPECT_TRUE(MatchesAll("关于PDFs的通知", "", {"pdf", "通知"}));
  EXPECT_TRUE(MatchesAll("标题", "正文里有ＧＢ／Ｔ", {"gb/t"}));
  EXPECT_FALSE(MatchesAll("政府 信息", "", {"政府信息"}));
  EXPECT_FALSE(MatchesAll("政府", "信息", {"政府信息"}));
}

TEST(Query, MarkMatchesInTheOriginalText) {
  EXPECT_EQ(MarkMatches("关于ＰＤＦ文件", {"pdf"}, 0), "关于\x01ＰＤＦ\x02文件");
  EXPECT_EQ(MarkMatches("政府信息公开", {"信息", "公开"}, 0), "政府\x01信息公开\x02");
  std::string text;
  for (int i = 0; i < 100; ++i) text += "文";
  text += "政府信息";
  for (int i = 0; i < 100; ++i) text += "字";
  const std::string snip = MarkMatches(text, {"政府信息"}, 48);
  EXPECT_NE(snip.find("\x01政府信息\x02"), std::string::npos) << snip;
  EXPECT_EQ(snip.rfind("…", 0), 0u);
  EXPECT_LT(snip.size(), text.size());
}

}  // namespace
}  // namespace gk::catalog
