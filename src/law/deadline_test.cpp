#include "law/deadline.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "law/test_schedule.h"

namespace gk::law {
namespace {

Date D(std::string_view s) {
  Result<Date> d = Date::Parse(s);
  EXPECT_TRUE(d.ok()) << s;
  return d.ok() ? *d : Date();
}

std::string S(Date d) { return d.ToString(); }

// ---- Hand-counted cases -------------------------------------------------------
// Each expected date was counted by hand on the 2019–2026 schedules of law.md
// §4.2; the comments show the counting (n: date = nth counted working day).
struct Case {
  const char* name;
  const char* received;
  const char* corrected;  // "" = none
  std::vector<std::pair<const char*, const char*>> pauses;
  const char* correction_notice_due;
  const char* due;
  const char* extended_due;
  int paused_workdays;
  bool provisional;
};

const std::vector<Case>& HandCases() {
  static const std::vector<Case> kCases = {
      // Fri. 1: 09-18 (Sat, 调休上班); 09-19 Sun, 09-20/21 中秋节 skipped; 2–4: 09-22..24;
      // 09-25 Sat; 5: 09-26 (Sun, 调休上班); 6: 09-27; 7: 09-28 → notice due.
      // 8–9: 09-29/30; 10-01..07 国庆节 + weekend; 10: 10-08; 11: 10-09 (Sat, 上班);
      // 12–16: 10-11..15; 17–20: 10-18..21 → due 10-21. Ext: 10-22, 10-25..29,
      // 11-01..05, 11-08..12, 11-15..18 → 11-18.
      {"MidAutumnAndNationalDay2021",
       "2021-09-17",
       "",
       {},
       "2021-09-28",
       "2021-10-21",
       "2021-11-18",
       0,
       false},
      // Mon, just before the 2020 Spring Festival with its extension: 1–3: 01-21..23;
      // 01-24..02-02 off (incl. 01-31 extension and Sat 02-01); 4–7: 02-03..06.
      // 8: 02-07; 9–13: 02-10..14; 14–18: 02-17..21; 19–20: 02-24/25 → due.
      // Ext: 02-26..28, 03-02..06, 03-09..13, 03-16..20, 03-23/24 → 03-24.
      {"SpringFestival2020Extension",
       "2020-01-20",
       "",
       {},
       "2020-02-06",
       "2020-02-25",
       "2020-03-24",
       0,
       false},
      // Thu. 1: 02-09 (除夕, a working day in 2024); 02-10..17 off; 2: 02-18 (Sun, 上班);
      // 3–7: 02-19..23 → notice. 8–12: 02-26..03-01; 13–17: 03-04..08; 18–20: 03-11..13.
      // Ext: 03-14/15, 03-18..22, 03-25..29, 04-01..03 (15); 04-04/05 清明节, 04-06 Sat;
      // 16: 04-07 (Sun, 上班); 17–20: 04-08..11 → 04-11.
      {"SpringFestival2024",
       "2024-02-08",
       "",
       {},
       "2024-02-23",
       "2024-03-13",
       "2024-04-11",
       0,
       false},
      // Year end. Fri. 1–5: 12-23..27; 6–7: 12-30/31 → notice. 2020-01-01 元旦;
      // 8–9: 01-02/03; 10–14: 01-06..10; 15–19: 01-13..17; 20: 01-19 (Sun, 上班) → due.
      // Ext: 01-20..23 (4); 01-24..02-02 off; 02-03..07 (9); 02-10..14 (14);
      // 02-17..21 (19); 02-24 (20).
      {"YearEnd2019", "2019-12-20", "", {}, "2019-12-31", "2020-01-19", "2020-02-24", 0, false},
      // 2027 is not covered: counted with weekends only (2027-01-01 Fri counts).
      // Thu. 1: 12-11; 2–6: 12-14..18; 7: 12-21 → notice. 8–11: 12-22..25;
      // 12–15: 12-28..31; 16: 2027-01-01; 17–20: 01-04..07 → due.
      // Ext: 01-08, 01-11..15, 01-18..22, 01-25..29, 02-01..04 → 02-04.
      {"YearEnd2026Provisional",
       "2026-12-10",
       "",
       {},
       "2026-12-21",
       "2027-01-07",
       "2027-02-04",
       0,
       true},
      // Received on a Saturday inside the 2021 National Day holiday: 1: 10-08;
      // 2: 10-09 (Sat, 上班); 3–7: 10-11..15 → notice. 8–12: 10-18..22;
      // 13–17: 10-25..29; 18–20: 11-01..03 → due. Ext → 12-01.
      {"ReceivedOnAHoliday",
       "2021-10-02",
       "",
       {},
       "2021-10-15",
       "2021-11-03",
       "2021-12-01",
       0,
       false},
      // 补正 (Art. 30): notice counted from receipt (03-02..05, 03-08..10 → 03-10);
      // due from the corrected application 03-10: 03-11/12, 03-15..19, 03-22..26,
      // 03-29..04-02 (17); 04-05 清明节; 04-06..08 (20). Ext: 04-09, 04-12..16,
      // 04-19..23 (11), 04-25 (Sun, 上班, 12), 04-26..30 (17), 05-03..05 劳动节,
      // 05-06/07 (19), 05-08 (Sat, 上班, 20).
      {"CorrectionRestartsTheClock",
       "2021-03-01",
       "2021-03-10",
       {},
       "2021-03-10",
       "2021-04-08",
       "2021-05-08",
       0,
       false},
      // Correction on the day of receipt changes nothing.
      {"CorrectedSameDay",
       "2021-09-17",
       "2021-09-17",
       {},
       "2021-09-28",
       "2021-10-21",
       "2021-11-18",
       0,
       false},
      // One pause of five working days (Mon–Fri 03-06..10): 1–2: 03-02/03;
      // 3–7: 03-13..17; 8–12: 03-20..24; 13–17: 03-27..31; 18–19: 04-03/04;
      // 04-05 清明节; 20: 04-06 → due. Ext: 04-07, 04-10..14, 04-17..21 (11),
      // 04-23 (Sun, 上班), 04-24..28 (17), 04-29..05-03 off, 05-04/05, 05-06 (Sat, 上班).
      {"SinglePause",
       "2023-03-01",
       "",
       {{"2023-03-06", "2023-03-10"}},
       "2023-03-10",
       "2023-04-06",
       "2023-05-06",
       5,
       false},
      // Overlapping pauses with the same union: each day counts once.
      {"OverlappingPauses",
       "2023-03-01",
       "",
       {{"2023-03-06", "2023-03-08"}, {"2023-03-07", "2023-03-10"}},
       "2023-03-10",
       "2023-04-06",
       "2023-05-06",
       5,
       false},
      // A pause over the National Day holiday: only its working days are paused
      // (09-30 Thu, 10-08 Fri, 10-09 Sat 上班 → 3). 1–8 as in the first case up to
      // 09-29; then 9–13: 10-11..15; 14–18: 10-18..22; 19–20: 10-25/26 → due.
      // Ext: 10-27..29 (3), 11-01..05 (8), 11-08..12 (13), 11-15..19 (18), 11-22/23.
      // The 补正 notice is not paused: still 09-28.
      {"PauseOverHolidaysCountsOnlyWorkingDays",
       "2021-09-17",
       "",
       {{"2021-09-30", "2021-10-10"}},
       "2021-09-28",
       "2021-10-26",
       "2021-11-23",
       3,
       false},
      // A pause wholly before clock_start has no effect.
      {"PauseBeforeClockStartIgnored",
       "2021-03-01",
       "2021-03-10",
       {{"2021-03-02", "2021-03-05"}},
       "2021-03-10",
       "2021-04-08",
       "2021-05-08",
       0,
       false},
      // A pause straddling clock_start: only 03-11 and 03-12 are paused. Due:
      // 03-15..19 (5), 03-22..26 (10), 03-29..04-02 (15), 04-06..09 (19), 04-12 (20).
      // Ext: 04-13..16 (4), 04-19..23 (9), 04-25 (10), 04-26..30 (15), 05-06/07 (17),
      // 05-08 Sat 上班 (18), 05-10/11 (20).
      {"PauseStraddlingClockStart",
       "2021-03-01",
       "2021-03-10",
       {{"2021-03-08", "2021-03-12"}},
       "2021-03-10",
       "2021-04-12",
       "2021-05-11",
       2,
       false},
      // A pause after `due` delays only the extension: due 03-29 (03-02..05,
      // 03-08..12, 03-15..19, 03-22..26, 03-29); 03-30/31 paused; ext: 04-01/02,
      // 04-06..09 (6), 04-12..16 (11), 04-19..23 (16), 04-25 (17), 04-26..28 (20).
      {"PauseDuringExtension",
       "2021-03-01",
       "",
       {{"2021-03-30", "2021-03-31"}},
       "2021-03-10",
       "2021-03-29",
       "2021-04-28",
       2,
       false},
      // A pause after extended_due is not counted.
      {"PauseAfterExtendedDueIgnored",
       "2021-03-01",
       "",
       {{"2021-06-01", "2021-06-30"}},
       "2021-03-10",
       "2021-03-29",
       "2021-04-26",
       0,
       false},
  };
  return kCases;
}

DeadlineInput InputOf(const Case& c) {
  DeadlineInput in;
  in.received = D(c.received);
  if (*c.corrected) in.corrected = D(c.corrected);
  for (const auto& [from, to] : c.pauses) in.pauses.emplace_back(D(from), D(to));
  return in;
}

TEST(Deadlines, HandCountedCases) {
  for (const Case& c : HandCases()) {
    SCOPED_TRACE(c.name);
    Result<Deadlines> d = ComputeDeadlines(InputOf(c), Calendar::BuiltIn());
    ASSERT_TRUE(d.ok()) << d.status().message();
    EXPECT_EQ(S(d->received), c.received);
    EXPECT_EQ(S(d->clock_start), *c.corrected ? c.corrected : c.received);
    EXPECT_EQ(S(d->correction_notice_due.date), c.correction_notice_due);
    EXPECT_EQ(S(d->due.date), c.due);
    EXPECT_EQ(S(d->extended_due.date), c.extended_due);
    EXPECT_EQ(d->paused_workdays, c.paused_workdays);
    EXPECT_EQ(d->provisional, c.provisional);
    EXPECT_EQ(d->correction_notice_due.days, 7);
    EXPECT_EQ(d->due.days, 20);
    EXPECT_EQ(d->extended_due.days, 20);
    EXPECT_EQ(d->extended_due.from, d->due.date);
  }
}

// ---- Independent brute-force cross-check --------------------------------------
// Builds the list of all working days from the test schedule (not from the
// Calendar), then reads the nth one after a start day by index.
class BruteForce {
 public:
  BruteForce() {
    for (const auto& g : testing::kSchedule) {
      testing::ForEachDate(g.rest, [&](std::string_view s) { rest_.insert(D(s)); });
      testing::ForEachDate(g.work, [&](std::string_view s) { work_.insert(D(s)); });
    }
  }
  bool Working(Date d) const {
    if (work_.count(d)) return true;
    if (rest_.count(d)) return false;
    return d.weekday() <= 5;  // includes uncovered years: weekends only
  }
  // The counted days after `start` (not paused), in order, up to `limit` days.
  std::vector<Date> CountedAfter(Date start, const std::vector<Pause>& pauses, size_t limit) const {
    std::vector<Date> out;
    for (Date d = start.AddDays(1); out.size() < limit; d = d.AddDays(1)) {
      bool paused = false;
      for (const Pause& p : pauses) paused = paused || (p.first <= d && d <= p.second);
      if (Working(d) && !paused) out.push_back(d);
    }
    return out;
  }
  int PausedWorkdays(Date after, Date upto, const std::vector<Pause>& pauses) const {
    int n = 0;
    for (Date d = after.AddDays(1); d <= upto; d = d.AddDays(1)) {
      bool paused = false;
      for (const Pause& p : pauses) paused = paused || (p.first <= d && d <= p.second);
      n += Working(d) && paused;
    }
    return n;
  }

 private:
  std::set<Date> rest_, work_;
};

TEST(Deadlines, AgreesWithBruteForceForEveryReceivedDate) {
  const BruteForce brute;
  const Calendar& cal = Calendar::BuiltIn();
  for (Date r = D("2019-01-01"); r <= D("2026-12-31"); r = r.AddDays(1)) {
    for (int variant = 0; variant < 3; ++variant) {
      DeadlineInput in;
      in.received = r;
      if (variant >= 1 && r.AddDays(9) <= D("2026-12-31")) {
        in.pauses = {{r.AddDays(2), r.AddDays(8)}, {r.AddDays(5), r.AddDays(9)}};
      }
      if (variant == 2 && r.AddDays(4) <= D("2026-12-31")) in.corrected = r.AddDays(4);
      Result<Deadlines> d = ComputeDeadlines(in, cal);
      ASSERT_TRUE(d.ok()) << S(r) << ": " << d.status().message();
      const Date start = in.corrected.value_or(r);
      const auto notice = brute.CountedAfter(r, {}, 7);
      const auto reply = brute.CountedAfter(start, in.pauses, 40);
      ASSERT_EQ(d->correction_notice_due.date, notice[6]) << S(r);
      ASSERT_EQ(d->due.date, reply[19]) << S(r);
      ASSERT_EQ(d->extended_due.date, reply[39]) << S(r);
      ASSERT_EQ(d->paused_workdays, brute.PausedWorkdays(start, reply[39], in.pauses)) << S(r);
      ASSERT_EQ(d->provisional, reply[39].year() > 2026) << S(r);
    }
  }
}

// ---- The working ----------------------------------------------------------------

TEST(AddWorkingDays, RecordsEveryExcludedDayWithItsReason) {
  const std::vector<Pause> pauses = {{D("2021-09-29"), D("2021-09-29")}};
  WorkingDayCount c = AddWorkingDays(Calendar::BuiltIn(), D("2021-09-24"), 3, pauses);
  // 09-25 Sat; 1: 09-26 (Sun, 上班); 2: 09-27; 3: 09-28.
  EXPECT_EQ(S(c.date), "2021-09-28");
  c = AddWorkingDays(Calendar::BuiltIn(), D("2021-09-17"), 9, pauses);
  // 1: 09-18 (上班); 09-19 Sun; 09-20/21 中秋节; 2–4: 09-22..24; 09-25 Sat;
  // 5: 09-26 (上班); 6–7: 09-27/28; 09-29 paused; 8: 09-30; 10-01..07 off; 9: 10-08.
  EXPECT_EQ(S(c.date), "2021-10-08");
  struct Note {
    const char* date;
    DayNoteKind kind;
    const char* reason;
  };
  const Note expected[] = {
      {"2021-09-18", DayNoteKind::kMakeupWorkday, "调休上班"},
      {"2021-09-19", DayNoteKind::kWeekend, "周日"},
      {"2021-09-20", DayNoteKind::kHoliday, "中秋节"},
      {"2021-09-21", DayNoteKind::kHoliday, "中秋节"},
      {"2021-09-25", DayNoteKind::kWeekend, "周六"},
      {"2021-09-26", DayNoteKind::kMakeupWorkday, "调休上班"},
      {"2021-09-29", DayNoteKind::kPaused, "暂停计算（征求第三方意见）"},
      {"2021-10-01", DayNoteKind::kHoliday, "国庆节"},
      {"2021-10-02", DayNoteKind::kWeekend, "周六"},
      {"2021-10-03", DayNoteKind::kWeekend, "周日"},
      {"2021-10-04", DayNoteKind::kHoliday, "国庆节"},
      {"2021-10-05", DayNoteKind::kHoliday, "国庆节"},
      {"2021-10-06", DayNoteKind::kHoliday, "国庆节"},
      {"2021-10-07", DayNoteKind::kHoliday, "国庆节"},
  };
  ASSERT_EQ(c.notes.size(), std::size(expected));
  for (size_t i = 0; i < c.notes.size(); ++i) {
    EXPECT_EQ(S(c.notes[i].date), expected[i].date) << i;
    EXPECT_EQ(c.notes[i].kind, expected[i].kind) << i;
    EXPECT_EQ(c.notes[i].reason, expected[i].reason) << i;
  }
  EXPECT_EQ(c.paused_workdays(), 1);
  EXPECT_FALSE(c.provisional());
}

TEST(AddWorkingDays, PausedWeekendIsAWeekendNotAPause) {
  const std::vector<Pause> pauses = {{D("2023-03-04"), D("2023-03-05")}};  // Sat–Sun
  WorkingDayCount c = AddWorkingDays(Calendar::BuiltIn(), D("2023-03-03"), 1, pauses);
  EXPECT_EQ(S(c.date), "2023-03-06");
  EXPECT_EQ(c.paused_workdays(), 0);
  ASSERT_EQ(c.notes.size(), 2u);
  EXPECT_EQ(c.notes[0].reason, "周六");
}

TEST(AddWorkingDays, ZeroDaysAndUncoveredYears) {
  WorkingDayCount c = AddWorkingDays(Calendar::BuiltIn(), D("2021-10-01"), 0);
  EXPECT_EQ(c.date, D("2021-10-01"));
  EXPECT_TRUE(c.notes.empty());
  c = AddWorkingDays(Calendar::BuiltIn(), D("2026-12-30"), 3);
  // 12-31 (1), 2027-01-01 Fri (2, uncovered), 01-02/03 weekend, 01-04 (3).
  EXPECT_EQ(S(c.date), "2027-01-04");
  EXPECT_EQ(c.uncovered_years, std::vector<int>{2027});
  EXPECT_TRUE(c.provisional());
}

TEST(DueAfterWorkingDays, OtherPeriods) {
  const Calendar& cal = Calendar::BuiltIn();
  struct Row {
    const char* start;
    int n;
    const char* due;
  };
  const Row rows[] = {
      // Art. 26: a record formed 2023-09-28 (Thu) is published within 20 working
      // days: 09-29..10-06 off; 10-07/08 上班 (2); 10-09..13 (7); 10-16..20 (12);
      // 10-23..27 (17); 10-30..11-01 (20).
      {"2023-09-28", kProactiveDays, "2023-11-01"},
      // Art. 32: a third party asked on 2025-01-24 (Fri) answers within 15
      // working days: 01-26 Sun 上班 (1); 01-27 (2); 01-28..02-04 春节; 02-05..07 (5);
      // 02-08 Sat 上班 (6); 02-10..14 (11); 02-17..20 (15).
      {"2025-01-24", kConsultationDays, "2025-02-20"},
      {"2021-09-17", kCorrectionNoticeDays, "2021-09-28"},
      {"2021-09-17", 0, "2021-09-17"},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(S(DueAfterWorkingDays(cal, D(r.start), r.n)), r.due) << r.start << " + " << r.n;
    EXPECT_EQ(DueAfterWorkingDays(cal, D(r.start), r.n), AddWorkingDays(cal, D(r.start), r.n).date);
  }
}

// ---- Errors ----------------------------------------------------------------------

TEST(Deadlines, InputOutsideTheCalendarIsOutOfRange) {
  struct Row {
    DeadlineInput in;
    const char* message;
  };
  const Row rows[] = {
      {{D("2018-05-04"), std::nullopt, {}},
       "date 2018-05-04: the calendar does not cover 2018 (covered: 2019–2026); add it with "
       "--calendar FILE"},
      {{D("2026-12-10"), D("2027-01-05"), {}},
       "date 2027-01-05: the calendar does not cover 2027 (covered: 2019–2026); add it with "
       "--calendar FILE"},
      {{D("2026-12-10"), std::nullopt, {{D("2026-12-20"), D("2027-01-03")}}},
       "date 2027-01-03: the calendar does not cover 2027 (covered: 2019–2026); add it with "
       "--calendar FILE"},
      {{D("2019-01-10"), std::nullopt, {{D("2018-12-20"), D("2019-01-15")}}},
       "date 2018-12-20: the calendar does not cover 2018 (covered: 2019–2026); add it with "
       "--calendar FILE"},
  };
  for (const Row& r : rows) {
    Result<Deadlines> d = ComputeDeadlines(r.in, Calendar::BuiltIn());
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.status().code(), StatusCode::kOutOfRange);
    EXPECT_EQ(d.status().message(), r.message);
  }
}

TEST(Deadlines, InconsistentInputIsInvalid) {
  struct Row {
    DeadlineInput in;
    const char* message;
  };
  const Row rows[] = {
      {{D("2021-03-10"), D("2021-03-01"), {}},
       "corrected date 2021-03-01 is before the received date 2021-03-10"},
      {{D("2021-03-01"), std::nullopt, {{D("2021-03-12"), D("2021-03-08")}}},
       "pause 2021-03-12:2021-03-08: FROM is after TO"},
  };
  for (const Row& r : rows) {
    Result<Deadlines> d = ComputeDeadlines(r.in, Calendar::BuiltIn());
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(d.status().message(), r.message);
  }
}

TEST(Deadlines, ImportedYearRemovesProvisional) {
  Calendar cal = Calendar::BuiltIn();
  // A hypothetical 2027 schedule making 2027-01-01 a rest day.
  Result<Calendar> y2027 = Calendar::FromCsv("date,kind,name\n2027-01-01,rest,元旦\n", "2027.csv");
  ASSERT_TRUE(y2027.ok());
  cal.Merge(*y2027);
  Result<Deadlines> d = ComputeDeadlines({D("2026-12-10"), std::nullopt, {}}, cal);
  ASSERT_TRUE(d.ok());
  EXPECT_FALSE(d->provisional);
  EXPECT_EQ(S(d->due.date), "2027-01-08");  // one day later than provisional 01-07
}

// ---- Output ------------------------------------------------------------------------

TEST(Deadlines, JsonHasTheInterfaceKeysInOrder) {
  Result<Deadlines> d = ComputeDeadlines({D("2021-09-17"), std::nullopt, {}}, Calendar::BuiltIn());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(DeadlinesToJson(*d, JsonWorking::kOmit),
            R"({"received":"2021-09-17","clock_start":"2021-09-17",)"
            R"("correction_notice_due":"2021-09-28","due":"2021-10-21",)"
            R"("extended_due":"2021-11-18","paused_workdays":0,"provisional":false})");

  const std::string full = DeadlinesToJson(*d);
  EXPECT_EQ(full.find(R"({"received":"2021-09-17","clock_start":"2021-09-17",)"
                      R"("correction_notice_due":"2021-09-28","due":"2021-10-21",)"
                      R"("extended_due":"2021-11-18","paused_workdays":0,"provisional":false,)"
                      R"("working":{)"),
            0u);
  const auto j = nlohmann::json::parse(full);
  const auto& w = j["working"]["correction_notice_due"];
  EXPECT_EQ(w["from"], "2021-09-17");
  EXPECT_EQ(w["working_days"], 7);
  EXPECT_EQ(w["date"], "2021-09-28");
  EXPECT_EQ(w["provisional"], false);
  ASSERT_EQ(w["excluded"].size(), 4u);  // 09-19, 09-20, 09-21, 09-25
  EXPECT_EQ(w["excluded"][1]["date"], "2021-09-20");
  EXPECT_EQ(w["excluded"][1]["reason"], "中秋节");
  ASSERT_EQ(w["makeup_workdays"].size(), 2u);  // 09-18, 09-26
  EXPECT_EQ(w["makeup_workdays"][0]["date"], "2021-09-18");
  EXPECT_EQ(j["working"]["extended_due"]["from"], "2021-10-21");
}

TEST(Deadlines, JsonProvisionalAndPauses) {
  Result<Deadlines> d = ComputeDeadlines(
      {D("2026-12-10"), std::nullopt, {{D("2026-12-14"), D("2026-12-15")}}}, Calendar::BuiltIn());
  ASSERT_TRUE(d.ok());
  const auto j = nlohmann::json::parse(DeadlinesToJson(*d));
  EXPECT_EQ(j["paused_workdays"], 2);
  EXPECT_EQ(j["provisional"], true);
  EXPECT_EQ(j["working"]["due"]["provisional"], true);
  EXPECT_EQ(j["working"]["correction_notice_due"]["provisional"], false);
  EXPECT_EQ(j["working"]["due"]["excluded"][2]["reason"], "暂停计算（征求第三方意见）");
}

TEST(Deadlines, ExplanationShowsTheWorking) {
  Result<Deadlines> d = ComputeDeadlines(
      {D("2021-09-17"), std::nullopt, {{D("2021-09-30"), D("2021-10-10")}}}, Calendar::BuiltIn());
  ASSERT_TRUE(d.ok());
  const std::string text = ExplainDeadlines(*d);
  for (const char* part : {
           "收到申请：2021-09-17（星期五）\n",
           "补正告知期限：2021-09-28（星期二）\n",
           "第三十条",
           "  不计入：2021-09-19至2021-09-21（周日、中秋节）；2021-09-25（周六）\n",
           "  计入的调休上班日：2021-09-18（星期六）、2021-09-26（星期日）\n",
           "暂停计算期间：2021-09-30至2021-10-10",
           "答复期限：2021-10-26（星期二）\n",
           "2021-09-30（暂停计算（征求第三方意见））；2021-10-01至2021-10-"
           "07（国庆节、周六、周日）；"
           "2021-10-08至2021-10-09（暂停计算（征求第三方意见））；2021-10-10（周日）；",
           "第三十三条第二款",
           "延长后的答复期限：2021-11-23（星期二）\n",
           "暂停计算的工作日：3天\n",
       }) {
    EXPECT_NE(text.find(part), std::string::npos) << "missing: " << part << "\nin:\n" << text;
  }
  EXPECT_EQ(text.find("暂定"), std::string::npos);
  EXPECT_NE(text.back(), '\n');
}

TEST(Deadlines, ExplanationOfCorrectionAndProvisional) {
  Result<Deadlines> d =
      ComputeDeadlines({D("2026-12-01"), D("2026-12-10"), {}}, Calendar::BuiltIn());
  ASSERT_TRUE(d.ok());
  const std::string text = ExplainDeadlines(*d);
  EXPECT_NE(text.find("收到补正后的申请：2026-12-10（星期四）"), std::string::npos) << text;
  EXPECT_NE(text.find("答复期限：2027-01-07（星期四）"), std::string::npos) << text;
  EXPECT_NE(text.find("日历未收录2027年的节假日安排"), std::string::npos) << text;
}

}  // namespace
}  // namespace gk::law
