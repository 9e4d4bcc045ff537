// The five seed reports (report-format.md §5): every cell of the three tables,
// format, year, agency, sections found, fingerprint and declared format.
#include "ingest/text_reader.h"

#include <gtest/gtest.h>

#include "ingest/test_util.h"

namespace gk::ingest {
namespace {

using report::Format;
using testing::Expected;
using testing::ExpectTablesEqual;
using testing::MustRead;
using testing::Seed;

void ExpectHeader(const report::Report& r, const nlohmann::json& want) {
  EXPECT_EQ(report::FormatId(r.format), want["format"].get<std::string>());
  ASSERT_TRUE(r.year.has_value());
  EXPECT_EQ(*r.year, want["year"].get<int>());
  ASSERT_TRUE(r.agency.has_value());
  EXPECT_EQ(*r.agency, want["agency"].get<std::string>());
}

void ExpectAllSections(const report::Report& r) {
  ASSERT_TRUE(r.document.has_value());
  for (int k = 0; k < 6; ++k) EXPECT_TRUE(r.document->has_section[k]) << "section " << k + 1;
}

class SeedTest : public ::testing::TestWithParam<const char*> {};

TEST_P(SeedTest, TablesMatchExpectedCellForCell) {
  const std::string id = GetParam();
  ReadOptions opts;
  opts.file_name = id + ".txt";
  const report::Report r = MustRead(Seed(id + ".txt"), opts);
  const nlohmann::json want = Expected(id + ".expected.json");
  ExpectHeader(r, want);
  ExpectTablesEqual(r, want);
  ExpectAllSections(r);
  EXPECT_EQ(r.source.file, id + ".txt");
  EXPECT_EQ(r.source.kind, "text");
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedTest, ::testing::Values("000", "001", "002", "003", "004"));

TEST(Seeds, FormatEvidence) {
  const report::Report r001 = MustRead(Seed("001.txt"));
  ASSERT_TRUE(r001.document);
  EXPECT_EQ(r001.document->fingerprint, Format::k2021);
  EXPECT_EQ(r001.document->declared, Format::k2021);

  const report::Report r002 = MustRead(Seed("002.txt"));
  ASSERT_TRUE(r002.document);
  EXPECT_EQ(r002.document->fingerprint, Format::k2019);
  EXPECT_FALSE(r002.document->declared.has_value());

  const report::Report r004 = MustRead(Seed("004.txt"));
  ASSERT_TRUE(r004.document);
  EXPECT_EQ(r004.document->fingerprint, Format::k2021);
  EXPECT_EQ(r004.document->declared, Format::k2021);

  // No tables: the format follows from the year (§0.2 step 1).
  const report::Report r003 = MustRead(Seed("003.txt"));
  ASSERT_TRUE(r003.document);
  EXPECT_FALSE(r003.document->fingerprint.has_value());
  EXPECT_FALSE(r003.document->declared.has_value());
  EXPECT_EQ(r003.format, Format::k2021);
  EXPECT_EQ(r003.year, 2022);
}

TEST(Seeds, NoTablesMeansNullSections) {
  for (const char* name : {"000.txt", "003.txt"}) {
    const report::Report r = MustRead(Seed(name));
    EXPECT_FALSE(r.section2.has_value()) << name;
    EXPECT_FALSE(r.section3.has_value()) << name;
    EXPECT_FALSE(r.section4.has_value()) << name;
    EXPECT_EQ(r.year, 2022) << name;
  }
  EXPECT_EQ(MustRead(Seed("000.txt")).agency, "威海经济技术开发区管理委员会");
  EXPECT_EQ(MustRead(Seed("003.txt")).agency, "威海市文登区综合行政执法局");
}

TEST(Seeds, ForcedFormatWins) {
  ReadOptions opts;
  opts.force_format = Format::k2019;
  const report::Report r = MustRead(Seed("001.txt"), opts);
  EXPECT_EQ(r.format, Format::k2019);
  ASSERT_TRUE(r.document);
  EXPECT_EQ(r.document->fingerprint, Format::k2021);
  ASSERT_TRUE(r.section3);
  // The 2021 sub-rows of （六） are summed into the single 2019 row.
  EXPECT_EQ(r.section3->at(report::Row3::kOther, report::kTotalCol), 1);
}

TEST(Seeds, ChartResidueAfterSectionSixIsNotRead) {
  // 001 ends with "予以公开 部分公开 无法提供 其他处理 1 2 2 1": granted stays 1.
  const report::Report r = MustRead(Seed("001.txt"));
  ASSERT_TRUE(r.section3);
  EXPECT_EQ(r.section3->at(report::Row3::kGranted, report::kTotalCol), 1);
  EXPECT_EQ(r.section3->at(report::Row3::kCarriedForward, report::kTotalCol), 0);
}

}  // namespace
}  // namespace gk::ingest
