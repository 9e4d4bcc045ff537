#include "cases/projection.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cases/test_util.h"

namespace gk::cases {
namespace {

using testing::CaseBuilder;
using testing::D;
using testing::Decision;
using R3 = report::Row3;
constexpr report::Format k2021 = report::Format::k2021;

TEST(ProjectionTest, ReplayReproducesTheState) {
  CaseBuilder b;
  b.Receive("2021-03-01", ApplicantType::kResearch).Register("2021-03-01").Assign("2021-03-02");
  b.Add("2021-03-03",
        ConsultationStartedPayload{"1", ConsultParty::kThirdParty, "某所", "", D("2021-03-24")});
  b.Add("2021-03-10", ConsultationEndedPayload{"1", ConsultResult::kConsent, ""});
  b.Add("2021-03-29", ExtendedPayload{5, "admin1", D("2021-03-29"), "需调档"});
  b.Add("2021-04-01", Decision(law::Outcome::kGranted));
  Result<CaseState> r = Replay(b.events(), ApplyContext{testing::Cal(), std::nullopt});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, b.state());
  EXPECT_EQ(r->version, 7);
  EXPECT_EQ(r->ReportColumn(), 2);  // research
}

TEST(ProjectionTest, ReplayNamesTheFirstBadEvent) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01");
  std::vector<Event> events = b.events();
  events.push_back(testing::MakeEvent(b.id(), 3, D("2021-03-02"), ServedPayload{}));
  Result<CaseState> r = Replay(events, ApplyContext{testing::Cal(), std::nullopt});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "第3个事件（served）：当前状态为“已登记”，不能登记送达");
  events.pop_back();
  events.push_back(testing::MakeEvent(b.id(), 2, D("2021-03-02"), AssignedPayload{"科", "h"}));
  EXPECT_EQ(Replay(events, ApplyContext{testing::Cal(), std::nullopt}).status().code(),
            StatusCode::kConflict);
}

TEST(ProjectionTest, OpenAndConcluded) {
  CaseBuilder b;
  EXPECT_FALSE(b.state().IsOpen());
  EXPECT_FALSE(b.state().IsConcluded());
  b.Receive("2021-03-01");
  EXPECT_TRUE(b.state().IsOpen());
  b.Register("2021-03-01").Add("2021-03-05", Decision(law::Outcome::kAlreadyPublic));
  EXPECT_FALSE(b.state().IsOpen());
  EXPECT_TRUE(b.state().IsConcluded());
  EXPECT_EQ(b.state().ConcludedOn(), D("2021-03-05"));
  EXPECT_EQ(b.state().ReportRow(k2021), R3::kGranted);
}

// Table 三: 一 new, 二 carried over, 三 outcome, 四 carried forward.
TEST(ProjectionTest, ReportRowsByYear) {
  CaseBuilder b;
  b.Receive("2021-12-20").Register("2021-12-20");
  b.Add("2022-01-14", Decision(law::Outcome::kWithheldProcessInfo));
  const CaseState& s = b.state();
  EXPECT_TRUE(s.ReportRows(2020, k2021).empty());
  EXPECT_EQ(s.ReportRows(2021, k2021), (std::vector<R3>{R3::kNew, R3::kCarriedForward}));
  EXPECT_EQ(s.ReportRows(2022, k2021),
            (std::vector<R3>{R3::kCarriedOver, R3::kWithheldProcessInfo}));
  EXPECT_TRUE(s.ReportRows(2023, k2021).empty());

  CaseBuilder open;
  open.Receive("2021-12-20").Register("2021-12-20");
  EXPECT_EQ(open.state().ReportRows(2022, k2021),
            (std::vector<R3>{R3::kCarriedOver, R3::kCarriedForward}));
  EXPECT_EQ(open.state().ReportRow(k2021), std::nullopt);
}

TEST(ProjectionTest, Section4CountsFilingYearAndDecisionYear) {
  CaseBuilder b;
  b.Receive("2021-03-01")
      .Register("2021-03-01")
      .Add("2021-03-10", Decision(law::Outcome::kNotHeld));
  b.Add("2021-11-01", ReviewFiledPayload{"R1", "市政府"});
  b.Add("2021-12-01", LawsuitFiledPayload{"L1", "法院", LawsuitRoute::kDirect, ""});
  b.Add("2021-12-20", LawsuitDecidedPayload{"L1", ProceedingResult::kUpheld, ""});
  b.Add("2022-02-01", ReviewDecidedPayload{"R1", ProceedingResult::kCorrected, ""});
  const CaseState& s = b.state();
  // 2021: the review pending on 31 Dec; the lawsuit filed and decided.
  EXPECT_EQ(s.Section4Cells(2021), (std::vector<Section4Cell>{{0, 3, "R1"}, {1, 0, "L1"}}));
  // 2022: the review's result.
  EXPECT_EQ(s.Section4Cells(2022), (std::vector<Section4Cell>{{0, 1, "R1"}}));
  EXPECT_TRUE(s.Section4Cells(2023).empty());
  EXPECT_EQ(report::GroupKey4(0), "review");
  EXPECT_EQ(report::FieldKey4(3), "pending");
}

TEST(ProjectionTest, WorkingDaysTaken) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01");
  EXPECT_EQ(b.state().WorkingDaysTaken(testing::Cal()), std::nullopt);
  EXPECT_EQ(b.state().WorkingDaysTaken(testing::Cal(), D("2021-03-08")), 5);
  b.Add("2021-03-03",
        ConsultationStartedPayload{"1", ConsultParty::kOtherOrgan, "某局", "", D("2021-03-05")});
  // Open pause ends today: 03-02 counted, 03-03..08 paused.
  EXPECT_EQ(b.state().WorkingDaysTaken(testing::Cal(), D("2021-03-08")), 1);
  b.Add("2021-03-05", ConsultationEndedPayload{"1", ConsultResult::kReplied, ""});
  b.Add("2021-03-12", Decision(law::Outcome::kGranted));
  // 03-02, 08..12 counted (6); 03-03..05 paused.
  EXPECT_EQ(b.state().WorkingDaysTaken(testing::Cal()), 6);
  EXPECT_EQ(b.state().WorkingDaysTaken(testing::Cal(), D("2021-12-31")), 6);
}

TEST(ProjectionTest, DueStates) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01");  // due 03-29 (Mon)
  const auto& cal = testing::Cal();
  EXPECT_EQ(b.state().DueStateOn(D("2021-03-22"), cal), DueState::kOnTime);   // 5 left
  EXPECT_EQ(b.state().DueStateOn(D("2021-03-24"), cal), DueState::kDueSoon);  // 3 left
  EXPECT_EQ(b.state().DueStateOn(D("2021-03-29"), cal), DueState::kDueSoon);  // due today
  EXPECT_EQ(b.state().DueStateOn(D("2021-03-30"), cal), DueState::kOverdue);

  // A consultation open since 03-24 stops the count: on 03-31, two days after
  // the original due date, the case is not overdue — 4 working days remain.
  CaseBuilder c;
  c.Receive("2021-03-01").Register("2021-03-01");
  c.Add("2021-03-24",
        ConsultationStartedPayload{"1", ConsultParty::kThirdParty, "某公司", "", D("2021-04-15")});
  EXPECT_EQ(c.state().DueStateOn(D("2021-03-31"), cal), DueState::kOnTime);
  Result<CaseDeadlines> d = c.state().DeadlinesOn(D("2021-03-31"), cal);
  ASSERT_TRUE(d.ok());
  // Paused 03-24..31 (6 working days) → 03-29 moves to 04-07.
  EXPECT_EQ(d->due_on, D("2021-04-07"));

  // Awaiting correction: the clock runs again from the corrected application.
  CaseBuilder w;
  w.Receive("2021-03-01").Register("2021-03-01");
  w.Add("2021-03-02", CorrectionRequestedPayload{"x", D("2021-04-30")});
  EXPECT_EQ(w.state().DueStateOn(D("2021-04-20"), cal), DueState::kOnTime);

  // Concluded: late or not.
  CaseBuilder late;
  late.Receive("2021-03-01")
      .Register("2021-03-01")
      .Add("2021-03-30", Decision(law::Outcome::kGranted));
  EXPECT_EQ(late.state().DueStateOn(D("2021-12-31"), cal), DueState::kOverdue);
  CaseBuilder ok;
  ok.Receive("2021-03-01")
      .Register("2021-03-01")
      .Add("2021-03-29", Decision(law::Outcome::kGranted));
  EXPECT_EQ(ok.state().DueStateOn(D("2021-12-31"), cal), DueState::kOnTime);
}

TEST(ProjectionTest, AssistanceDueByItsReplyDate) {
  CaseBuilder b("XZ-1");
  ReceivedPayload r = testing::AssistanceReceipt();
  r.assistance->reply_by = D("2021-03-10");
  b.Add("2021-03-01", r);
  const auto& cal = testing::Cal();
  EXPECT_EQ(b.state().DueStateOn(D("2021-03-02"), cal), DueState::kOnTime);
  EXPECT_EQ(b.state().DueStateOn(D("2021-03-05"), cal), DueState::kDueSoon);
  EXPECT_EQ(b.state().DueStateOn(D("2021-03-11"), cal), DueState::kOverdue);
  EXPECT_EQ(b.state().WorkingDaysTaken(cal, D("2021-03-05")), 4);
}

TEST(ProjectionTest, ExplainDueShowsItsWorking) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01").Assign("2021-03-02");
  b.Add("2021-03-03", ConsultationStartedPayload{"1", ConsultParty::kThirdParty, "威海某公司", "",
                                                 D("2021-03-24")});
  b.Add("2021-03-09", ConsultationEndedPayload{"1", ConsultResult::kConsent, ""});
  b.Add("2021-04-01", ExtendedPayload{3, "admin1", D("2021-04-01"), "需调档"});
  const std::string text = b.state().ExplainDue();
  EXPECT_NE(text.find("收到申请：2021-03-01"), std::string::npos) << text;
  EXPECT_NE(text.find("暂停原因：2021-03-03至2021-03-09，征求第三方（第三十二条）“威海某公司”意见"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("批准延长3个工作日（第三十三条第二款）"), std::string::npos) << text;
  // 04-06 + 3: 04-07, 08, 09.
  EXPECT_NE(text.find("当前答复期限：2021-04-09"), std::string::npos) << text;
}

TEST(ProjectionTest, UncoveredYearIsProvisionalNotRefused) {
  // interface.md: an application is never refused because the calendar does
  // not cover the year; its dates are provisional.
  CaseBuilder b("GK-2027-0001");
  b.Receive("2027-03-01").Register("2027-03-01");
  ASSERT_TRUE(b.state().deadlines.has_value());
  EXPECT_TRUE(b.state().deadlines->provisional);
  EXPECT_EQ(b.state().deadlines->due_on, D("2027-03-29"));  // weekends only
  // Near the end of the covered years, a computed date may run past them.
  CaseBuilder c;
  c.Receive("2026-12-21").Register("2026-12-21");
  EXPECT_TRUE(c.state().deadlines->provisional);
}

}  // namespace
}  // namespace gk::cases
