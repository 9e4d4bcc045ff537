// Text claims (report-format.md §4.2 W5, §5 narrative cross-checks).
#include "ingest/claims.h"

#include <gtest/gtest.h>

#include "ingest/test_util.h"

namespace gk::ingest {
namespace {

using report::TextClaim;

std::vector<TextClaim> ClaimsOf(std::string_view text, report::Format f = report::Format::k2021) {
  const NormalizedText n = Normalize(text);
  return ExtractClaims(n.lines, std::vector<bool>(n.lines.size(), true), f);
}

const TextClaim* Find(const std::vector<TextClaim>& cs, std::string_view section,
                      std::string_view row, std::string_view column) {
  for (const TextClaim& c : cs) {
    if (c.section == section && c.row == row && c.column == column) return &c;
  }
  return nullptr;
}

std::optional<int64_t> Value(const std::vector<TextClaim>& cs, std::string_view section,
                             std::string_view row, std::string_view column) {
  const TextClaim* c = Find(cs, section, row, column);
  if (c == nullptr) return std::nullopt;
  return c->value;
}

std::vector<TextClaim> SeedClaims(const char* name) {
  const report::Report r = testing::MustRead(testing::Seed(name));
  return r.document ? r.document->claims : std::vector<TextClaim>{};
}

TEST(SeedClaims, Seed001) {
  const auto cs = SeedClaims("001.txt");
  EXPECT_EQ(Value(cs, "三", "new", "total"), 6);
  EXPECT_EQ(Find(cs, "三", "new", "total")->alt_row, "");
  EXPECT_EQ(Value(cs, "三", "granted", "total"), 1);
  EXPECT_EQ(Value(cs, "三", "partially_granted", "total"), 2);
  EXPECT_EQ(Value(cs, "二", "normative_documents", "in_force"), 11);
  EXPECT_EQ(Value(cs, "四", "review", "total"), 0);
  EXPECT_NE(Find(cs, "三", "new", "total")->quote.find("6件"), std::string::npos);
}

TEST(SeedClaims, Seed002CountsLettersNotAssistance) {
  const auto cs = SeedClaims("002.txt");
  EXPECT_EQ(Value(cs, "三", "new", "total"), 7);
  EXPECT_EQ(Find(cs, "三", "new", "total")->alt_row, "carried_over");
  for (const TextClaim& c : cs) EXPECT_NE(c.value, 10) << c.quote;  // 协助调查10件
  EXPECT_EQ(Value(cs, "四", "litigation_direct", "total"), 0);
  // 2019 format: no 2021 section-二 claims.
  EXPECT_EQ(Find(cs, "二", "normative_documents", "in_force"), nullptr);
}

TEST(SeedClaims, Seed004) {
  const auto cs = SeedClaims("004.txt");
  EXPECT_EQ(Value(cs, "三", "new", "total"), 3);
  EXPECT_EQ(Value(cs, "二", "normative_documents", "issued"), 2);
  EXPECT_EQ(Value(cs, "二", "normative_documents", "repealed"), 2);
  EXPECT_EQ(Value(cs, "二", "normative_documents", "in_force"), 13);
  EXPECT_EQ(Value(cs, "四", "review", "total"), 0);
  EXPECT_EQ(Value(cs, "四", "litigation_direct", "total"), 0);
  EXPECT_EQ(Value(cs, "四", "litigation_after_review", "total"), 0);
}

TEST(SeedClaims, Seed000And003) {
  const auto c0 = SeedClaims("000.txt");
  EXPECT_EQ(Value(c0, "三", "new", "total"), 33);
  for (const TextClaim& c : c0) EXPECT_NE(c.value, 3) << c.quote;             // 协助调查3件
  EXPECT_EQ(Value(c0, "二", "normative_documents", "issued"), std::nullopt);  // 公开, not 制发
  const auto c3 = SeedClaims("003.txt");
  EXPECT_EQ(Value(c3, "三", "new", "total"), 0);  // 未收到政府信息公开申请
  EXPECT_EQ(Find(c3, "四", "review", "total"), nullptr);
}

TEST(Claims, PercentagesAndYearsAreNotCounts) {
  const auto cs = ClaimsOf("本年新收政府信息公开申请同比增长200%。2022年受理申请情况良好。");
  EXPECT_TRUE(cs.empty());
}

TEST(Claims, ReceivedAfterNegatedReview) {
  const auto cs = ClaimsOf("被申请行政复议1件，无行政诉讼。");
  EXPECT_EQ(Find(cs, "四", "review", "total"), nullptr);
  EXPECT_EQ(Value(cs, "四", "litigation_direct", "total"), 0);
}

TEST(Claims, NormativeDocumentsOnlyIn2021Format) {
  const std::string text = "制发规范性文件3件，废止1件，现行有效件数20件。";
  EXPECT_EQ(Value(ClaimsOf(text), "二", "normative_documents", "issued"), 3);
  EXPECT_EQ(Value(ClaimsOf(text), "二", "normative_documents", "repealed"), 1);
  EXPECT_TRUE(ClaimsOf(text, report::Format::k2019).empty());
}

TEST(Claims, RepealedNeedsNormativeDocumentsInTheSentence) {
  EXPECT_TRUE(ClaimsOf("废止2件。").empty());
}

TEST(Claims, CarriedOverAndForward) {
  const auto cs = ClaimsOf("上年结转政府信息公开申请2件，结转下年度继续办理1件。");
  EXPECT_EQ(Value(cs, "三", "carried_over", "total"), 2);
  EXPECT_EQ(Value(cs, "三", "carried_forward", "total"), 1);
}

TEST(Claims, NotPartOfWithheld) {
  EXPECT_EQ(Value(ClaimsOf("不予以公开2件。"), "三", "granted", "total"), std::nullopt);
}

}  // namespace
}  // namespace gk::ingest
