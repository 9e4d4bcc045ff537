#include "catalog/index_no.h"

#include <gtest/gtest.h>

namespace gk::catalog {
namespace {

TEST(IndexNo, Format) {
  struct Case {
    const char* code;
    int year;
    int64_t serial;
    const char* want;  // nullptr = invalid
  };
  const Case cases[] = {
      {"000013338", 2023, 79, "000013338/2023-00079"},
      {"0142768-8", 2022, 185, "0142768-8/2022-00185"},
      {"11371000MB28514517", 2021, 13, "11371000MB28514517/2021-00013"},
      {"LG", 2024, 1, "LG/2024-00001"},
      {"LG", 2024, 99999, "LG/2024-99999"},
      {"LG", 2024, 100000, nullptr},
      {"LG", 2024, 0, nullptr},
      {"lg", 2024, 1, nullptr},
      {"", 2024, 1, nullptr},
      {"A/B", 2024, 1, nullptr},
      {"12345678901234567890", 2024, 1, nullptr},
  };
  for (const Case& c : cases) {
    auto r = FormatIndexNo(c.code, c.year, c.serial);
    if (!c.want) {
      EXPECT_FALSE(r.ok()) << c.code << " " << c.serial;
      continue;
    }
    ASSERT_TRUE(r.ok()) << c.code << ": " << r.status().message();
    EXPECT_EQ(*r, c.want);
    auto p = ParseIndexNo(*r);
    ASSERT_TRUE(p.has_value()) << *r;
    EXPECT_EQ(p->organ_code, c.code);
    EXPECT_EQ(p->year, c.year);
    EXPECT_EQ(p->serial, c.serial);
  }
}

TEST(IndexNo, ParseLeniently) {
  struct Case {
    const char* in;
    bool ok;
    int year;
    int64_t serial;
  };
  const Case cases[] = {
      {"000013338/2023-00079", true, 2023, 79}, {"11341702MB1234567H/202110-00013", true, 2021, 13},
      {"035210000/2019-001", true, 2019, 1},    {"000013338-2023-00079", false, 0, 0},
      {"000013338/23-00079", false, 0, 0},      {"000013338/2023-7", false, 0, 0},
      {"临港/2023-00001", false, 0, 0},         {"", false, 0, 0},
  };
  for (const Case& c : cases) {
    auto p = ParseIndexNo(c.in);
    EXPECT_EQ(p.has_value(), c.ok) << c.in;
    if (p && c.ok) {
      EXPECT_EQ(p->year, c.year) << c.in;
      EXPECT_EQ(p->serial, c.serial) << c.in;
    }
  }
}

}  // namespace
}  // namespace gk::catalog
