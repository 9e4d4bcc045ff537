#include "report/model.h"

#include <gtest/gtest.h>

#include <limits>
#include <set>
#include <string>

namespace gk::report {
namespace {

TEST(Model, FormatIdsAndYears) {
  EXPECT_EQ(FormatId(Format::k2019), "2019");
  EXPECT_EQ(FormatId(Format::k2021), "2021");
  EXPECT_EQ(ParseFormat("2019"), Format::k2019);
  EXPECT_EQ(ParseFormat("2021"), Format::k2021);
  for (const char* bad : {"", "2020", "2022", " 2021", "2021 ", "x"}) {
    EXPECT_FALSE(ParseFormat(bad).has_value()) << bad;
  }
  struct Case {
    int year;
    Format want;
  };
  for (const Case& c :
       {Case{2019, Format::k2019}, Case{2020, Format::k2019}, Case{2021, Format::k2021},
        Case{2022, Format::k2021}, Case{2030, Format::k2021}}) {
    EXPECT_EQ(FormatForYear(c.year), c.want) << c.year;
  }
}

// report-format.md §2.2, §2.3: 25 and 23 rows, 175 and 161 cells.
TEST(Model, Section3RowCounts) {
  EXPECT_EQ(Rows3(Format::k2021).size(), 25u);
  EXPECT_EQ(Rows3(Format::k2019).size(), 23u);
  EXPECT_EQ(Rows3(Format::k2021).size() * kNumCols3, 175u);
  EXPECT_EQ(Rows3(Format::k2019).size() * kNumCols3, 161u);
}

TEST(Model, Section3OutcomeRows) {
  // §4: OUT_2021 has 21 rows, OUT_2019 has 19.
  struct Case {
    Format f;
    size_t outcomes;
  };
  for (const Case& c : {Case{Format::k2021, 21}, Case{Format::k2019, 19}}) {
    size_t n = 0;
    for (const Row3Spec& r : Rows3(c.f)) n += r.outcome ? 1 : 0;
    EXPECT_EQ(n, c.outcomes) << FormatId(c.f);
  }
}

TEST(Model, Section3KeysUniqueAndRoundTrip) {
  for (Format f : {Format::k2019, Format::k2021}) {
    std::set<std::string_view> keys;
    for (const Row3Spec& r : Rows3(f)) {
      EXPECT_TRUE(keys.insert(r.key).second) << r.key;
      const std::optional<Row3> back = Row3FromKey(r.key);
      ASSERT_TRUE(back.has_value()) << r.key;
      EXPECT_EQ(*back, r.id);
      EXPECT_EQ(Row3Info(r.id).key, r.key);
      EXPECT_FALSE(r.label.empty());
    }
  }
  std::set<std::string_view> all;
  for (int i = 0; i < kNumRow3; ++i) {
    const Row3Spec& r = Row3Info(static_cast<Row3>(i));
    EXPECT_EQ(static_cast<int>(r.id), i);
    EXPECT_TRUE(all.insert(r.key).second) << r.key;
  }
  EXPECT_FALSE(Row3FromKey("").has_value());
  EXPECT_FALSE(Row3FromKey("granted ").has_value());
  EXPECT_FALSE(Row3FromKey("natural_person").has_value());
}

TEST(Model, Section3FormatDifferences) {
  // §2.3: only （六）其他处理 differs.
  auto keys = [](Format f) {
    std::set<std::string_view> k;
    for (const Row3Spec& r : Rows3(f)) k.insert(r.key);
    return k;
  };
  const auto k19 = keys(Format::k2019), k21 = keys(Format::k2021);
  EXPECT_TRUE(k19.count("other"));
  EXPECT_FALSE(k21.count("other"));
  for (const char* k : {"other_no_correction", "other_no_fee", "other_other"}) {
    EXPECT_TRUE(k21.count(k)) << k;
    EXPECT_FALSE(k19.count(k)) << k;
  }
  EXPECT_EQ(Rows3(Format::k2021).front().key, "new");
  EXPECT_EQ(Rows3(Format::k2021).back().key, "carried_forward");
  EXPECT_EQ(Rows3(Format::k2019)[21].key, "total");
}

TEST(Model, Section3Columns) {
  const char* want[] = {"natural_person", "commercial", "research", "public_interest",
                        "legal_service",  "other",      "total"};
  for (int c = 0; c < kNumCols3; ++c) EXPECT_EQ(ColKey3(c), want[c]);
  EXPECT_EQ(ColLabel3(0), "自然人");
  EXPECT_EQ(ColLabel3(kTotalCol), "总计");
}

TEST(Model, Section2Rows) {
  struct Case {
    Format f;
    size_t rows, cells;
  };
  // §1.1: six rows, 10 cells. §1.2 as mapped to JSON: eight rows, 22 cells.
  for (const Case& c : {Case{Format::k2021, 6, 10}, Case{Format::k2019, 8, 22}}) {
    const auto rows = Rows2(c.f);
    EXPECT_EQ(rows.size(), c.rows) << FormatId(c.f);
    size_t cells = 0;
    std::set<std::string_view> keys;
    for (const Row2Spec& r : rows) {
      EXPECT_TRUE(keys.insert(r.key).second) << r.key;
      std::set<std::string_view> fields;
      for (const Field2Spec& fs : r.fields) EXPECT_TRUE(fields.insert(fs.key).second) << fs.key;
      cells += r.fields.size();
    }
    EXPECT_EQ(cells, c.cells) << FormatId(c.f);
  }
}

TEST(Model, Section2BlankAndFind) {
  for (Format f : {Format::k2019, Format::k2021}) {
    Section2 s = Section2::Blank(f);
    ASSERT_EQ(s.cells.size(), Rows2(f).size());
    for (size_t i = 0; i < s.cells.size(); ++i) {
      ASSERT_EQ(s.cells[i].size(), Rows2(f)[i].fields.size());
      for (const Cell& c : s.cells[i]) EXPECT_FALSE(c.has_value());
    }
    // Every (row, field) is found and addresses its own cell.
    int64_t n = 0;
    for (const Row2Spec& r : Rows2(f)) {
      for (const Field2Spec& fs : r.fields) {
        Cell* c = s.Find(f, r.key, fs.key);
        ASSERT_NE(c, nullptr) << r.key << "." << fs.key;
        *c = ++n;
      }
    }
    n = 0;
    for (size_t i = 0; i < s.cells.size(); ++i) {
      for (const Cell& c : s.cells[i]) EXPECT_EQ(c, ++n);
    }
    const Section2& cs = s;
    EXPECT_EQ(cs.Find(f, "rules", "nope"), nullptr);
    EXPECT_EQ(cs.Find(f, "nope", "decisions"), nullptr);
  }
  Section2 s = Section2::Blank(Format::k2021);
  EXPECT_EQ(s.Find(Format::k2021, "rules", "made"), nullptr);  // a 2019 column
  EXPECT_NE(s.Find(Format::k2021, "fees", "amount_10k_yuan"), nullptr);
  EXPECT_EQ(s.Find(Format::k2021, "procurement", "items"), nullptr);
  // A short (malformed) cells vector is not read past its end.
  s.cells.resize(1);
  EXPECT_EQ(s.Find(Format::k2021, "fees", "amount_10k_yuan"), nullptr);
}

TEST(Model, Section4Keys) {
  EXPECT_EQ(GroupKey4(0), "review");
  EXPECT_EQ(GroupKey4(1), "litigation_direct");
  EXPECT_EQ(GroupKey4(2), "litigation_after_review");
  const char* fields[] = {"upheld", "corrected", "other", "pending", "total"};
  for (int k = 0; k < kNumFields4; ++k) EXPECT_EQ(FieldKey4(k), fields[k]);
  EXPECT_EQ(FieldLabel4(4), "总计");
}

TEST(Money, Format) {
  struct Case {
    int64_t fen;
    const char* text;
  };
  const Case cases[] = {
      {0, "0"},
      {706'000'000, "706"},
      {146'224'300, "146.2243"},
      {100'000, "0.1"},
      {1, "0.000001"},
      {10, "0.00001"},
      {-500'000, "-0.5"},
      {-1'000'000, "-1"},
      {1'234'567'890, "1234.56789"},
      {std::numeric_limits<int64_t>::max(), "9223372036854.775807"},
      {std::numeric_limits<int64_t>::min(), "-9223372036854.775808"},
  };
  for (const Case& c : cases) EXPECT_EQ(FormatMoney(c.fen), c.text) << c.fen;
}

TEST(Money, Parse) {
  struct Case {
    const char* text;
    std::optional<int64_t> fen;
  };
  const Case cases[] = {
      {"0", 0},
      {"706", 706'000'000},
      {"146.2243", 146'224'300},
      {"0.1", 100'000},
      {".5", 500'000},
      {"5.", 5'000'000},
      {"+3", 3'000'000},
      {"-0.5", -500'000},
      {"0.0000005", 1},    // half away from zero
      {"-0.0000005", -1},  // half away from zero
      {"0.00000049999", 0},
      {"1.23456789", 1'234'568},
      {"9223372036854.775807", std::numeric_limits<int64_t>::max()},
      {"-9223372036854.775808", std::numeric_limits<int64_t>::min()},
      {"9223372036854.775808", std::nullopt},
      {"99999999999999999999", std::nullopt},
      {"", std::nullopt},
      {"-", std::nullopt},
      {".", std::nullopt},
      {"1e3", std::nullopt},
      {"1,000", std::nullopt},
      {" 1", std::nullopt},
      {"1.2.3", std::nullopt},
      {"--1", std::nullopt},
  };
  for (const Case& c : cases) EXPECT_EQ(ParseMoney(c.text), c.fen) << c.text;
  for (int64_t fen : {int64_t{0}, int64_t{1}, int64_t{146'224'300}, int64_t{-7}}) {
    EXPECT_EQ(ParseMoney(FormatMoney(fen)), fen);
  }
}

}  // namespace
}  // namespace gk::report
