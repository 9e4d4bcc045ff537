// Helpers shared by the ingest tests only: loading test files and comparing a
// read report with an expected JSON object (report-format.md §0.3 keys).
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "ingest/text_reader.h"
#include "report/model.h"

namespace gk::ingest::testing {

inline std::string LoadFile(const std::string& relative) {
  std::ifstream in(std::string(GK_SOURCE_DIR) + "/" + relative, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << relative;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline std::string Seed(const std::string& name) { return LoadFile("tests/data/seeds/" + name); }
inline std::string IngestData(const std::string& name) {
  return LoadFile("tests/data/ingest/" + name);
}

inline nlohmann::json Expected(const std::string& name) {
  return nlohmann::json::parse(Seed(name));
}

inline report::Report MustRead(const std::string& text, ReadOptions opts = {}) {
  auto r = ReadTextReport(text, opts);
  EXPECT_TRUE(r.ok()) << r.status().message();
  if (!r.ok()) return {};
  return std::move(r).value();
}

// Expected cell: JSON null ↔ nullopt; money (万元) ↔ fen.
inline report::Cell ExpectedCell(const nlohmann::json& v, bool money) {
  if (v.is_null()) return std::nullopt;
  if (money) return static_cast<int64_t>(std::llround(v.get<double>() * 1'000'000.0));
  return v.get<int64_t>();
}

inline std::string Show(const report::Cell& c) { return c ? std::to_string(*c) : "null"; }

// Compares every cell of sections 二, 三, 四 with the expected object.
inline void ExpectTablesEqual(const report::Report& r, const nlohmann::json& want) {
  const report::Format f = r.format;
  if (want["section2"].is_null()) {
    EXPECT_FALSE(r.section2.has_value()) << "section2 should be null";
  } else {
    EXPECT_TRUE(r.section2.has_value()) << "section2 missing";
  }
  if (!want["section2"].is_null() && r.section2) {
    for (const report::Row2Spec& row : report::Rows2(f)) {
      for (const report::Field2Spec& field : row.fields) {
        const report::Cell* got = r.section2->Find(f, row.key, field.key);
        ASSERT_NE(got, nullptr);
        const auto expected =
            ExpectedCell(want["section2"][std::string(row.key)][std::string(field.key)],
                         field.kind == report::FieldKind::kMoney);
        EXPECT_EQ(Show(*got), Show(expected)) << "section2." << row.key << "." << field.key;
      }
    }
  }
  if (want["section3"].is_null()) {
    EXPECT_FALSE(r.section3.has_value()) << "section3 should be null";
  } else {
    EXPECT_TRUE(r.section3.has_value()) << "section3 missing";
  }
  if (!want["section3"].is_null() && r.section3) {
    for (const report::Row3Spec& row : report::Rows3(f)) {
      for (int c = 0; c < report::kNumCols3; ++c) {
        const auto expected = ExpectedCell(
            want["section3"][std::string(row.key)][std::string(report::ColKey3(c))], false);
        EXPECT_EQ(Show(r.section3->at(row.id, c)), Show(expected))
            << "section3." << row.key << "." << report::ColKey3(c);
      }
    }
  }
  if (want["section4"].is_null()) {
    EXPECT_FALSE(r.section4.has_value()) << "section4 should be null";
  } else {
    EXPECT_TRUE(r.section4.has_value()) << "section4 missing";
  }
  if (!want["section4"].is_null() && r.section4) {
    for (int g = 0; g < report::kNumGroups4; ++g) {
      for (int k = 0; k < report::kNumFields4; ++k) {
        const auto expected = ExpectedCell(
            want["section4"][std::string(report::GroupKey4(g))][std::string(report::FieldKey4(k))],
            false);
        EXPECT_EQ(Show(r.section4->cells[g][k]), Show(expected))
            << "section4." << report::GroupKey4(g) << "." << report::FieldKey4(k);
      }
    }
  }
}

}  // namespace gk::ingest::testing
