#include "core/date.h"

#include <gtest/gtest.h>

namespace gk {
namespace {

TEST(Date, ParseAndFormatRoundTrip) {
  for (const char* s : {"2019-01-01", "2020-02-29", "2026-12-31", "1970-01-01", "2000-02-29"}) {
    auto d = Date::Parse(s);
    ASSERT_TRUE(d.ok()) << s;
    EXPECT_EQ(d->ToString(), s);
  }
}

TEST(Date, RejectsMalformed) {
  for (const char* s : {"", "2019-1-01", "2019/01/01", "2019-13-01", "2019-02-29", "2021-04-31",
                        "20190101", "2019-01-01x", "abcd-ef-gh", "2019-00-10", "2019-01-00"}) {
    EXPECT_FALSE(Date::Parse(s).ok()) << s;
  }
}

TEST(Date, Weekday) {
  struct Case {
    const char* date;
    int iso;
  };
  const Case cases[] = {{"1970-01-01", 4}, {"2019-01-01", 2}, {"2020-01-25", 6},
                        {"2021-10-09", 6}, {"2026-11-24", 2}, {"2024-02-29", 4}};
  for (const auto& c : cases) EXPECT_EQ(Date::Parse(c.date)->weekday(), c.iso) << c.date;
}

TEST(Date, ArithmeticAcrossMonthsAndYears) {
  Date d = *Date::Parse("2020-12-31");
  EXPECT_EQ(d.AddDays(1).ToString(), "2021-01-01");
  EXPECT_EQ(d.AddDays(-306).ToString(), "2020-02-29");
  EXPECT_EQ(*Date::Parse("2021-03-01") - *Date::Parse("2021-02-01"), 28);
  EXPECT_LT(*Date::Parse("2021-03-01"), *Date::Parse("2021-03-02"));
}

TEST(Date, FromYmdValidates) {
  EXPECT_TRUE(Date::FromYmd(2024, 2, 29).ok());
  EXPECT_FALSE(Date::FromYmd(2023, 2, 29).ok());
  EXPECT_FALSE(Date::FromYmd(1900, 2, 29).ok());
}

}  // namespace
}  // namespace gk
