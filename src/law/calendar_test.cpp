#include "law/calendar.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "law/test_schedule.h"

namespace gk::law {
namespace {

using testing::ForEachDate;
using testing::kSchedule;

Date D(std::string_view s) {
  Result<Date> d = Date::Parse(s);
  EXPECT_TRUE(d.ok()) << s;
  return d.ok() ? *d : Date();
}

struct Expected {
  ExceptionKind kind;
  std::string name;
};

// The test schedule as date → (kind, name).
std::map<Date, Expected> ScheduleMap() {
  std::map<Date, Expected> m;
  for (const auto& g : kSchedule) {
    ForEachDate(g.rest, [&](std::string_view s) {
      EXPECT_TRUE(m.emplace(D(s), Expected{ExceptionKind::kRest, std::string(g.name)}).second) << s;
    });
    ForEachDate(g.work, [&](std::string_view s) {
      EXPECT_TRUE(m.emplace(D(s), Expected{ExceptionKind::kWork, std::string(g.name)}).second) << s;
    });
  }
  return m;
}

TEST(Calendar, BuiltInParsesAndCoversExactly2019To2026) {
  const Calendar& cal = Calendar::BuiltIn();
  EXPECT_EQ(cal.Years(), (std::vector<int>{2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026}));
  EXPECT_FALSE(cal.Covers(2018));
  EXPECT_FALSE(cal.Covers(2027));
  EXPECT_EQ(cal.CoveredYearsText(), "2019–2026");
}

TEST(Calendar, TestScheduleWeekdays) {
  // Every rest date of the schedule is Monday–Friday, every work date a weekend
  // day, and every group lies in its year.
  for (const auto& g : kSchedule) {
    ForEachDate(g.rest, [&](std::string_view s) {
      EXPECT_LE(D(s).weekday(), 5) << s << " rest on a weekend";
      EXPECT_EQ(D(s).year(), g.year) << s;
    });
    ForEachDate(g.work, [&](std::string_view s) {
      EXPECT_GE(D(s).weekday(), 6) << s << " work on a weekday";
      EXPECT_EQ(D(s).year(), g.year) << s;
    });
  }
}

TEST(Calendar, BuiltInEntriesHaveTheRightWeekdays) {
  for (const CalendarEntry& e : Calendar::BuiltIn().entries()) {
    if (e.kind == ExceptionKind::kRest) {
      EXPECT_LE(e.date.weekday(), 5) << e.date.ToString();
    } else {
      EXPECT_GE(e.date.weekday(), 6) << e.date.ToString();
    }
  }
}

TEST(Calendar, EveryRestDateIsADayOff) {
  const Calendar& cal = Calendar::BuiltIn();
  int n = 0;
  for (const auto& g : kSchedule) {
    ForEachDate(g.rest, [&](std::string_view s) {
      ++n;
      EXPECT_FALSE(cal.IsWorkingDay(D(s))) << s;
      EXPECT_EQ(cal.TypeOf(D(s)), DayType::kHoliday) << s;
      EXPECT_EQ(cal.WhyNotWorking(D(s)), g.name) << s;
    });
  }
  EXPECT_EQ(n, 146);
}

TEST(Calendar, EveryWorkDateIsAWorkingDay) {
  const Calendar& cal = Calendar::BuiltIn();
  int n = 0;
  for (const auto& g : kSchedule) {
    ForEachDate(g.work, [&](std::string_view s) {
      ++n;
      EXPECT_TRUE(cal.IsWorkingDay(D(s))) << s;
      EXPECT_EQ(cal.TypeOf(D(s)), DayType::kMakeupWorkday) << s;
      EXPECT_EQ(cal.WhyNotWorking(D(s)), "调休上班") << s;
    });
  }
  EXPECT_EQ(n, 52);
}

TEST(Calendar, EveryOtherDayFollowsTheWeek) {
  // Together with the two tests above: the built-in calendar agrees with the
  // schedule on every day of 2019–2026, and has no row the schedule lacks.
  const Calendar& cal = Calendar::BuiltIn();
  const auto schedule = ScheduleMap();
  EXPECT_EQ(cal.entries().size(), schedule.size());
  for (Date d = D("2019-01-01"); d <= D("2026-12-31"); d = d.AddDays(1)) {
    auto it = schedule.find(d);
    if (it == schedule.end()) {
      EXPECT_EQ(cal.IsWorkingDay(d), !d.is_weekend()) << d.ToString();
    } else {
      EXPECT_EQ(cal.IsWorkingDay(d), it->second.kind == ExceptionKind::kWork) << d.ToString();
    }
  }
}

TEST(Calendar, Spring2020Extension) {
  const Calendar& cal = Calendar::BuiltIn();
  // 国办发明电〔2020〕1号: rest extended to 2020-02-02; 2020-02-01 (Saturday),
  // first planned as a make-up working day, became a rest day.
  EXPECT_FALSE(cal.IsWorkingDay(D("2020-01-30")));
  EXPECT_FALSE(cal.IsWorkingDay(D("2020-01-31")));
  EXPECT_EQ(cal.WhyNotWorking(D("2020-01-31")), "春节（延长假期）");
  EXPECT_FALSE(cal.IsWorkingDay(D("2020-02-01")));
  EXPECT_EQ(cal.WhyNotWorking(D("2020-02-01")), "周六");
  EXPECT_FALSE(cal.IsWorkingDay(D("2020-02-02")));
  EXPECT_EQ(cal.WhyNotWorking(D("2020-02-02")), "周日");
  EXPECT_TRUE(cal.IsWorkingDay(D("2020-02-03")));
  EXPECT_EQ(cal.WhyNotWorking(D("2020-02-03")), "");
}

TEST(Calendar, WhyNotWorking) {
  const Calendar& cal = Calendar::BuiltIn();
  struct Case {
    const char* date;
    const char* why;
  };
  const Case cases[] = {
      {"2021-09-15", ""},          // ordinary Wednesday
      {"2021-09-19", "周日"},      //
      {"2021-09-25", "周六"},      //
      {"2021-09-18", "调休上班"},  // Saturday working day before 中秋节
      {"2021-09-20", "中秋节"},    //
      {"2024-02-09", ""},          // 除夕 2024 was a working day
      {"2025-01-28", "春节"},      // 除夕 2025 became a holiday
      {"2023-09-29", "中秋节、国庆节"},
      {"2026-01-02", "元旦"},
  };
  for (const auto& c : cases) EXPECT_EQ(cal.WhyNotWorking(D(c.date)), c.why) << c.date;
}

TEST(Calendar, UncoveredYearsCountMondayToFriday) {
  const Calendar& cal = Calendar::BuiltIn();
  // 2018-12-29 was a make-up Saturday and 2018-12-31 a rest day, but 2018 is
  // deliberately not covered (see calendar.h).
  EXPECT_FALSE(cal.IsWorkingDay(D("2018-12-29")));
  EXPECT_TRUE(cal.IsWorkingDay(D("2018-12-31")));
  EXPECT_TRUE(cal.IsWorkingDay(D("2027-01-01")));  // Friday
  EXPECT_FALSE(cal.IsWorkingDay(D("2027-01-02")));
  EXPECT_EQ(cal.TypeOf(D("2027-01-01")), DayType::kWorkday);
}

TEST(Calendar, EmptyCalendar) {
  Calendar cal;
  EXPECT_TRUE(cal.Years().empty());
  EXPECT_EQ(cal.CoveredYearsText(), "none");
  EXPECT_TRUE(cal.IsWorkingDay(D("2021-10-01")));
}

TEST(Calendar, FromCsvAcceptsBomCrlfQuotesAndBlankLines) {
  const std::string csv =
      "\xEF\xBB\xBF"
      "date,kind,name\r\n"
      "2027-02-08,rest,春节\r\n"
      "\r\n"
      " 2027-02-06 , work , \"春节\" \r\n"
      "2027-10-01,rest,\"国庆节, \"\"黄金周\"\"\"\r\n";
  Result<Calendar> cal = Calendar::FromCsv(csv, "cal.csv");
  ASSERT_TRUE(cal.ok()) << cal.status().message();
  EXPECT_EQ(cal->Years(), std::vector<int>{2027});
  EXPECT_FALSE(cal->IsWorkingDay(D("2027-02-08")));
  EXPECT_TRUE(cal->IsWorkingDay(D("2027-02-06")));
  EXPECT_EQ(cal->WhyNotWorking(D("2027-02-08")), "春节");
  EXPECT_EQ(cal->WhyNotWorking(D("2027-10-01")), "国庆节, \"黄金周\"");
  // Rows come out sorted; a name with a comma or quote round-trips.
  Result<Calendar> again = Calendar::FromCsv(cal->ToCsv(), "again.csv");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(*again, *cal);
  EXPECT_EQ(cal->entries().front().date, D("2027-02-06"));
}

TEST(Calendar, FromCsvWithoutTrailingNewline) {
  Result<Calendar> cal = Calendar::FromCsv("date,kind,name\n2027-02-08,rest,春节", "c.csv");
  ASSERT_TRUE(cal.ok()) << cal.status().message();
  EXPECT_EQ(cal->entries().size(), 1u);
}

TEST(Calendar, FromCsvErrors) {
  struct Case {
    const char* csv;
    const char* message;  // the full expected message
  };
  const Case cases[] = {
      {"", "h.csv line 1: expected the header 'date,kind,name', found ''"},
      {"day,kind,name\n2027-02-08,rest,春节\n",
       "h.csv line 1: expected the header 'date,kind,name', found 'day,kind,name'"},
      {"date,kind\n", "h.csv line 1: expected the header 'date,kind,name', found 'date,kind'"},
      {"date,kind,name\n", "h.csv: no rows after the header; a year is covered once it has a row"},
      {"date,kind,name\n\n\n",
       "h.csv: no rows after the header; a year is covered once it has a row"},
      {"date,kind,name\n2027-02-08,rest\n",
       "h.csv line 2: expected 3 fields (date,kind,name), found 2"},
      {"date,kind,name\n2027-02-08,rest,春节,x\n",
       "h.csv line 2: expected 3 fields (date,kind,name), found 4"},
      {"date,kind,name\n2027-02-08,rest,春节\n2027/02/09,rest,春节\n",
       "h.csv line 3: invalid date '2027/02/09': expected YYYY-MM-DD"},
      {"date,kind,name\n2027-02-30,rest,春节\n",
       "h.csv line 2: invalid date '2027-02-30': no such day"},
      {"date,kind,name\n2027-02-08,rest,春节\n\n\n\n\n2027-02-09,off,春节\n",
       "h.csv line 7: kind must be 'rest' or 'work', found 'off'"},
      {"date,kind,name\n2027-02-08,Rest,春节\n",
       "h.csv line 2: kind must be 'rest' or 'work', found 'Rest'"},
      {"date,kind,name\n2027-02-08,rest,\n", "h.csv line 2: name is empty (e.g. 春节)"},
      {"date,kind,name\n2027-02-06,rest,春节\n",
       "h.csv line 2: 2027-02-06 is a Saturday, but a 'rest' row must be a weekday "
       "(Monday–Friday)"},
      {"date,kind,name\n2027-02-10,work,春节\n",
       "h.csv line 2: 2027-02-10 is a Wednesday, but a 'work' row must be a Saturday or Sunday"},
      {"date,kind,name\n2027-02-08,rest,春节\n2027-02-09,rest,春节\n2027-02-08,rest,春节\n",
       "h.csv line 4: duplicate date 2027-02-08 (already on line 2)"},
      {"date,kind,name\n2027-02-08,rest,\"春节\n",
       "h.csv line 2: unterminated quote or text after a closing quote"},
      {"date,kind,name\n2027-02-08,rest,\"春节\"x\n",
       "h.csv line 2: unterminated quote or text after a closing quote"},
      {"date,kind,name\n2027-02-08,rest,\xE6\x98\n", "h.csv line 2: not valid UTF-8"},
  };
  for (const auto& c : cases) {
    Result<Calendar> cal = Calendar::FromCsv(c.csv, "h.csv");
    ASSERT_FALSE(cal.ok()) << c.csv;
    EXPECT_EQ(cal.status().code(), StatusCode::kInvalidArgument) << c.csv;
    EXPECT_EQ(cal.status().message(), c.message) << c.csv;
  }
}

TEST(Calendar, MergeReplacesWholeYearsAndAddsNewOnes) {
  Calendar cal = Calendar::BuiltIn();
  // A corrected 2026 (a single hypothetical row) and a new 2027.
  Result<Calendar> update = Calendar::FromCsv(
      "date,kind,name\n2026-03-02,rest,测试\n2027-02-08,rest,春节\n2027-02-06,work,春节\n",
      "update.csv");
  ASSERT_TRUE(update.ok()) << update.status().message();
  cal.Merge(*update);
  EXPECT_EQ(cal.CoveredYearsText(), "2019–2027");
  EXPECT_FALSE(cal.IsWorkingDay(D("2026-03-02")));
  EXPECT_TRUE(cal.IsWorkingDay(D("2026-10-01")));   // old 2026 rows are gone
  EXPECT_FALSE(cal.IsWorkingDay(D("2026-10-03")));  // still a Saturday
  EXPECT_FALSE(cal.IsWorkingDay(D("2025-10-01")));  // other years untouched
  EXPECT_TRUE(cal.IsWorkingDay(D("2027-02-06")));
  EXPECT_EQ(cal.WhyNotWorking(D("2027-02-08")), "春节");
  // Entries stay sorted and unique.
  for (size_t i = 1; i < cal.entries().size(); ++i) {
    EXPECT_LT(cal.entries()[i - 1].date, cal.entries()[i].date);
  }
}

TEST(Calendar, CoveredYearsTextWithGaps) {
  Calendar cal;
  Result<Calendar> part = Calendar::FromCsv(
      "date,kind,name\n2019-01-01,rest,元旦\n2020-01-01,rest,元旦\n2021-01-01,rest,元旦\n"
      "2023-01-02,rest,元旦\n",
      "p.csv");
  ASSERT_TRUE(part.ok());
  cal.Merge(*part);
  EXPECT_EQ(cal.CoveredYearsText(), "2019–2021, 2023");
}

TEST(Calendar, ToCsvRoundTripsTheBuiltIn) {
  const Calendar& cal = Calendar::BuiltIn();
  const std::string csv = cal.ToCsv();
  EXPECT_EQ(csv.substr(0, 15), "date,kind,name\n");
  EXPECT_NE(csv.find("\n2020-01-31,rest,春节（延长假期）\n"), std::string::npos);
  Result<Calendar> again = Calendar::FromCsv(csv, "roundtrip.csv");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(*again, cal);
}

}  // namespace
}  // namespace gk::law
