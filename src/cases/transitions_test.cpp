#include "cases/transitions.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "cases/test_util.h"

namespace gk::cases {
namespace {

using testing::CaseBuilder;
using testing::D;
using testing::Decision;
using testing::MakeEvent;
using R3 = report::Row3;

// ---- The transition table, written independently of transitions.cpp ----------------
// One string per event type, one character per status in this order:
//   n none, v received, g registered, a assigned, c awaiting_correction,
//   k consulting, u under_review, f awaiting_fee, d decided, s served,
//   w withdrawn, x abandoned, h archived, y answered.
// A cell is '-' (refused), '=' (allowed, status unchanged), 'r' (allowed, back
// to the processing status) or the letter of the status the event leads to.
constexpr char kLetters[] = "nvgackufdswxhy";

const std::map<EventType, std::string>& ApplicationMatrix() {
  //                                                         nvgackufdswxhy
  static const std::map<EventType, std::string> m = {
      {EventType::kReceived, /*                          */ "v-------------"},
      {EventType::kRegistered, /*                        */ "-g------------"},
      {EventType::kAssigned, /*                          */ "--a=====------"},
      {EventType::kCorrectionRequested, /*               */ "--cc----------"},
      {EventType::kCorrected, /*                         */ "----r---------"},
      {EventType::kDeemedWithdrawn, /*                   */ "----x---------"},
      {EventType::kConsultationStarted, /*               */ "--kk-kk-------"},
      {EventType::kConsultationEnded, /*                 */ "-----r--------"},
      {EventType::kExtended, /*                          */ "--==-===------"},
      {EventType::kLaterDeadline, /*                     */ "--==-===------"},
      {EventType::kLegalReview, /*                       */ "--uu--u-------"},
      {EventType::kConfidentialityReview, /*             */ "--uu--u-------"},
      {EventType::kFeeNotified, /*                       */ "--ff--f-------"},
      {EventType::kFeePaid, /*                           */ "-------r------"},
      {EventType::kFeeUnpaid, /*                         */ "-------x------"},
      {EventType::kDecided, /*                           */ "--dd--d-------"},
      {EventType::kTransferred, /*                       */ "--dd--d-------"},
      {EventType::kServed, /*                            */ "--------s-----"},
      {EventType::kArchived, /*                          */ "---------hhh--"},
      {EventType::kWithdrawn, /*                         */ "-wwwwwww------"},
      {EventType::kReviewFiled, /*                       */ "-============-"},
      {EventType::kReviewDecided, /*                     */ "-============-"},
      {EventType::kLawsuitFiled, /*                      */ "-============-"},
      {EventType::kLawsuitDecided, /*                    */ "-============-"},
      {EventType::kAnswered, /*                          */ "--------------"},
  };
  return m;
}

const std::map<EventType, std::string>& AssistanceMatrix() {
  //                                                nvgackufdswxhy
  static const std::map<EventType, std::string> m = {
      {EventType::kReceived, /*                 */ "v-------------"},
      {EventType::kAssigned, /*                 */ "-a-=----------"},
      {EventType::kAnswered, /*                 */ "-y-y----------"},
      {EventType::kArchived, /*                 */ "-------------h"},
  };
  return m;
}

char Cell(CaseKind kind, CaseStatus s, EventType t) {
  const auto& m = kind == CaseKind::kApplication ? ApplicationMatrix() : AssistanceMatrix();
  auto it = m.find(t);
  return it == m.end() ? '-' : it->second[static_cast<int>(s)];
}

CaseStatus StatusOfLetter(char c) {
  const std::string letters = kLetters;
  return static_cast<CaseStatus>(letters.find(c));
}

TEST(TransitionsTest, MatricesCoverEveryStatusAndEvent) {
  EXPECT_EQ(ApplicationMatrix().size(), static_cast<size_t>(kNumEventTypes));
  for (const auto& [t, row] : ApplicationMatrix()) EXPECT_EQ(row.size(), 14u) << Key(t);
  for (const auto& [t, row] : AssistanceMatrix()) EXPECT_EQ(row.size(), 14u) << Key(t);
  EXPECT_EQ(sizeof(kLetters) - 1, AllValues<CaseStatus>().size());
}

TEST(TransitionsTest, TableMatchesTheIndependentMatrix) {
  for (CaseKind kind : AllValues<CaseKind>()) {
    for (CaseStatus s : AllValues<CaseStatus>()) {
      for (EventType t : AllValues<EventType>()) {
        SCOPED_TRACE(std::string(Key(kind)) + " " + std::string(Key(s)) + " " +
                     std::string(Key(t)));
        const char cell = Cell(kind, s, t);
        const Transition* row = FindTransition(kind, s, t);
        if (cell == '-') {
          EXPECT_EQ(row, nullptr);
          continue;
        }
        ASSERT_NE(row, nullptr);
        if (cell == '=') {
          EXPECT_EQ(row->next, Next::kStay);
        } else if (cell == 'r') {
          EXPECT_EQ(row->next, Next::kResume);
        } else {
          EXPECT_EQ(row->next, Next::kTo);
          EXPECT_EQ(row->to, StatusOfLetter(cell));
        }
      }
    }
  }
}

TEST(TransitionsTest, AtMostOneRowPerKindStatusAndEvent) {
  for (CaseKind kind : AllValues<CaseKind>()) {
    for (CaseStatus s : AllValues<CaseStatus>()) {
      for (EventType t : AllValues<EventType>()) {
        int n = 0;
        for (const Transition& row : Transitions())
          n += row.kind == kind && row.event == t && row.Allows(s);
        EXPECT_LE(n, 1) << Key(kind) << " " << Key(s) << " " << Key(t);
      }
    }
  }
}

TEST(TransitionsTest, StatusesOfEachKind) {
  std::vector<CaseStatus> app = StatusesOf(CaseKind::kApplication);
  EXPECT_EQ(app.size(), 13u);
  EXPECT_EQ(std::count(app.begin(), app.end(), CaseStatus::kAnswered), 0);
  EXPECT_EQ(
      StatusesOf(CaseKind::kAssistance),
      (std::vector<CaseStatus>{CaseStatus::kNone, CaseStatus::kReceived, CaseStatus::kAssigned,
                               CaseStatus::kArchived, CaseStatus::kAnswered}));
  EXPECT_EQ(AllowedEvents(CaseKind::kApplication, CaseStatus::kDecided),
            (std::vector<EventType>{EventType::kServed, EventType::kReviewFiled,
                                    EventType::kReviewDecided, EventType::kLawsuitFiled,
                                    EventType::kLawsuitDecided}));
}

// ---- Every status × every event through Apply ---------------------------------------
// A path of events to each status (dates in March 2021; received Monday 03-01).
// Application paths also file review R1 and lawsuit L1 so that their decisions
// can be tried in every status.
CaseBuilder PathTo(CaseKind kind, CaseStatus target) {
  CaseBuilder b;
  using S = CaseStatus;
  if (target == S::kNone) return b;
  if (kind == CaseKind::kAssistance) {
    b.Add("2021-03-01", testing::AssistanceReceipt());
    if (target == S::kReceived) return b;
    b.Assign("2021-03-02");
    if (target == S::kAssigned) return b;
    b.Add("2021-03-03", AnsweredPayload{"复函1号", "已复函"});
    if (target == S::kAnswered) return b;
    b.Add("2021-03-04", ArchivedPayload{});
    return b;
  }
  b.Receive("2021-03-01");
  b.Add("2021-03-01", ReviewFiledPayload{"R1", "威海市人民政府"});
  b.Add("2021-03-01", LawsuitFiledPayload{"L1", "环翠区人民法院", LawsuitRoute::kDirect, ""});
  if (target == S::kReceived) return b;
  b.Register("2021-03-01");
  if (target == S::kRegistered) return b;
  if (target == S::kAwaitingCorrection || target == S::kAbandoned) {
    b.Add("2021-03-02", CorrectionRequestedPayload{"写明文号", D("2021-03-12")});
    if (target == S::kAbandoned) b.Add("2021-03-15", DeemedWithdrawnPayload{});
    return b;
  }
  b.Assign("2021-03-02");
  switch (target) {
    case S::kAssigned:
      return b;
    case S::kConsulting:
      b.Add("2021-03-03", ConsultationStartedPayload{"C1", ConsultParty::kThirdParty, "某公司", "",
                                                     D("2021-03-24")});
      return b;
    case S::kUnderReview:
      b.Add("2021-03-03", LegalReviewPayload{{"法律顾问", ReviewResult::kPassed, ""}});
      return b;
    case S::kAwaitingFee:
      b.Add("2021-03-03", FeeNotifiedPayload{law::FeeMethod::kByPage, 50, 0, 200, D("2021-03-03")});
      return b;
    case S::kWithdrawn:
      b.Add("2021-03-03", WithdrawnPayload{});
      return b;
    default:
      break;
  }
  b.Add("2021-03-04", Decision(law::Outcome::kGranted));
  if (target == S::kDecided) return b;
  b.Add("2021-03-05", ServedPayload{ServiceMethod::kPost, ""});
  if (target == S::kServed) return b;
  b.Add("2021-03-08", ArchivedPayload{});
  return b;
}

// A sample event of `type` that every rule accepts in the states of PathTo.
std::pair<std::string, Payload> Sample(CaseKind kind, EventType type, const std::string& id) {
  const std::string on = "2021-03-16";
  switch (type) {
    case EventType::kReceived:
      if (kind == CaseKind::kAssistance) return {"2021-03-01", testing::AssistanceReceipt()};
      return {"2021-03-01", testing::OnlineReceipt(D("2021-03-01"))};
    case EventType::kRegistered:
      return {on, RegisteredPayload{id}};
    case EventType::kAssigned:
      return {on, AssignedPayload{"办公室", "handler2"}};
    case EventType::kCorrectionRequested:
      return {"2021-03-03", CorrectionRequestedPayload{"写明文号", D("2021-03-12")}};
    case EventType::kCorrected:
      return {on, CorrectedPayload{"", "邮寄延误"}};
    case EventType::kDeemedWithdrawn:
      return {on, DeemedWithdrawnPayload{}};
    case EventType::kConsultationStarted:
      return {on, ConsultationStartedPayload{"C2", ConsultParty::kOtherOrgan, "某局", "",
                                             D("2021-04-30")}};
    case EventType::kConsultationEnded:
      return {on, ConsultationEndedPayload{"C1", ConsultResult::kReplied, ""}};
    case EventType::kExtended:
      return {on, ExtendedPayload{10, "admin1", D(on), "需调取档案"}};
    case EventType::kLaterDeadline:
      return {on, LaterDeadlinePayload{D("2021-06-30"), D(on), "申请数量明显超过合理范围"}};
    case EventType::kLegalReview:
      return {on, LegalReviewPayload{{"法律顾问", ReviewResult::kPassed, ""}}};
    case EventType::kConfidentialityReview:
      return {on, ConfidentialityReviewPayload{{"保密员", ReviewResult::kPassed, ""}}};
    case EventType::kFeeNotified:
      return {on, FeeNotifiedPayload{law::FeeMethod::kByPage, 40, 0, 100, D(on)}};
    case EventType::kFeePaid:
      return {on, FeePaidPayload{200, ""}};
    case EventType::kFeeUnpaid:
      return {"2021-04-01", FeeUnpaidPayload{}};  // pay_by of the path's notice: 03-31
    case EventType::kDecided:
      return {on, Decision(law::Outcome::kNotHeld)};
    case EventType::kTransferred:
      return {on, TransferredPayload{{"某局", ""}, "第三十六条第（五）项", ""}};
    case EventType::kServed:
      return {on, ServedPayload{ServiceMethod::kEmail, ""}};
    case EventType::kArchived:
      return {on, ArchivedPayload{}};
    case EventType::kWithdrawn:
      return {on, WithdrawnPayload{}};
    case EventType::kReviewFiled:
      return {on, ReviewFiledPayload{"R2", "威海市人民政府"}};
    case EventType::kReviewDecided:
      return {on, ReviewDecidedPayload{"R1", ProceedingResult::kUpheld, ""}};
    case EventType::kLawsuitFiled:
      return {on, LawsuitFiledPayload{"L2", "某法院", LawsuitRoute::kAfterReview, "R1"}};
    case EventType::kLawsuitDecided:
      return {on, LawsuitDecidedPayload{"L1", ProceedingResult::kOther, ""}};
    case EventType::kAnswered:
      return {on, AnsweredPayload{"", "已复函"}};
  }
  return {on, ArchivedPayload{}};
}

TEST(TransitionsTest, ApplyFollowsTheMatrixInEveryReachableStatus) {
  // Where 'r' leads from each path: no assignment before the correction;
  // assigned before the consultation and the fee.
  const std::map<CaseStatus, CaseStatus> resumes = {
      {CaseStatus::kAwaitingCorrection, CaseStatus::kRegistered},
      {CaseStatus::kConsulting, CaseStatus::kAssigned},
      {CaseStatus::kAwaitingFee, CaseStatus::kAssigned},
  };
  int tried = 0;
  for (CaseKind kind : AllValues<CaseKind>()) {
    for (CaseStatus s : StatusesOf(kind)) {
      const CaseBuilder b = PathTo(kind, s);
      ASSERT_EQ(b.state().status, s) << Key(kind) << " path to " << Key(s);
      for (EventType t : AllValues<EventType>()) {
        SCOPED_TRACE(std::string(Key(kind)) + " " + std::string(Key(s)) + " " +
                     std::string(Key(t)));
        auto [date, payload] = Sample(kind, t, b.id());
        Result<CaseState> r = b.Try(date, payload);
        const char cell = Cell(kind, s, t);
        ++tried;
        if (cell == '-') {
          ASSERT_FALSE(r.ok());
          EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
          const std::string expected =
              "当前状态为“" + std::string(Label(s)) + "”，不能" + std::string(Action(t));
          EXPECT_EQ(r.status().message().rfind(expected, 0), 0u) << r.status().message();
          continue;
        }
        ASSERT_TRUE(r.ok()) << r.status().message();
        EXPECT_EQ(r->version, b.state().version + 1);
        if (cell == '=') {
          EXPECT_EQ(r->status, s);
        } else if (cell == 'r') {
          EXPECT_EQ(r->status, resumes.at(s));
        } else {
          EXPECT_EQ(r->status, StatusOfLetter(cell));
        }
      }
    }
  }
  EXPECT_EQ(tried, (13 + 5) * kNumEventTypes);
}

TEST(TransitionsTest, RefusalNamesTheStateAndTheAct) {
  CaseBuilder b = PathTo(CaseKind::kApplication, CaseStatus::kDecided);
  Result<CaseState> r = b.Try("2021-03-05", CorrectionRequestedPayload{"x", D("2021-03-12")});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "当前状态为“已答复”，不能发出补正通知");
}

// ---- Concurrency -------------------------------------------------------------------
TEST(TransitionsTest, StaleVersionIsAConflict) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01");
  // Two staff members both saw version 2; the first change wins.
  const Event first = MakeEvent(b.id(), 3, D("2021-03-02"), AssignedPayload{"甲科", "h1"});
  const Event second = MakeEvent(b.id(), 3, D("2021-03-02"), AssignedPayload{"乙科", "h2"});
  const ApplyContext ctx{testing::Cal(), ActorRole::kHandler};
  Result<CaseState> after_first = Apply(b.state(), first, ctx);
  ASSERT_TRUE(after_first.ok());
  Result<CaseState> r = Apply(*after_first, second, ctx);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kConflict);
  EXPECT_EQ(r.status().message(),
            "版本冲突：此操作基于申请“GK-2021-0001”的第2版，但该申请当前为第3版，"
            "其间已有其他更新；请刷新后重新操作");
  // An event from the future is refused the same way.
  const Event ahead = MakeEvent(b.id(), 5, D("2021-03-02"), AssignedPayload{"丙科", "h3"});
  EXPECT_EQ(Apply(*after_first, ahead, ctx).status().code(), StatusCode::kConflict);
  // A stale event is a conflict even when it is also wrong in other ways.
  Event stale_and_bad = second;
  stale_and_bad.actor = "";
  EXPECT_EQ(Apply(*after_first, stale_and_bad, ctx).status().code(), StatusCode::kConflict);
}

TEST(TransitionsTest, EventOfAnotherCaseIsRefused) {
  CaseBuilder b;
  b.Receive("2021-03-01");
  Event e = MakeEvent("GK-OTHER", 2, D("2021-03-01"), RegisteredPayload{"GK-OTHER"});
  Result<CaseState> r = Apply(b.state(), e, ApplyContext{testing::Cal(), {}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("不能记入申请“GK-2021-0001”"), std::string::npos);
}

// ---- Art. 30: correction ----------------------------------------------------------
TEST(TransitionsTest, CorrectionNoticeWithinSevenWorkingDays) {
  // Received Mon 2021-03-01: working days 03-02..05, 03-08..10 → the 7th is 03-10.
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01");
  EXPECT_TRUE(b.Try("2021-03-10", CorrectionRequestedPayload{"x", D("2021-03-20")}).ok());
  Result<CaseState> late = b.Try("2021-03-11", CorrectionRequestedPayload{"x", D("2021-03-20")});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.status().message(),
            "补正通知应在收到申请之日起7个工作日内发出（第三十条），期限为2021-03-10，不能在"
            "2021-03-11发出");
  // 补录 from an old 台账 records what happened, even a late notice.
  Event backfilled = b.Next("2021-03-11", CorrectionRequestedPayload{"x", D("2021-03-20")});
  backfilled.actor = std::string(kImportActor);
  backfilled.entry = Entry::kBackfilled;
  EXPECT_TRUE(Apply(b.state(), backfilled, ApplyContext{testing::Cal(), ActorRole::kImport}).ok());
}

TEST(TransitionsTest, CorrectionOnlyOnceAndTheClockRestarts) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01");
  EXPECT_EQ(b.state().deadlines->due_on, D("2021-03-29"));  // 20th working day after 03-01
  b.Add("2021-03-03", CorrectionRequestedPayload{"写明文号", D("2021-03-12")});
  EXPECT_EQ(b.state().status, CaseStatus::kAwaitingCorrection);
  // Not before the notice.
  EXPECT_FALSE(b.Try("2021-03-02", CorrectedPayload{}).ok());
  b.Add("2021-03-12", CorrectedPayload{"补充了文号", ""});
  EXPECT_EQ(b.state().status, CaseStatus::kRegistered);
  // Art. 30: the period runs again from the corrected application (Fri 03-12):
  // 03-15..19 (5), 22..26 (10), 29..31 (13), 04-01, 02 (15), 04-05 清明节,
  // 04-06..09 (19), 04-12 (20).
  EXPECT_EQ(b.state().clock_start, D("2021-03-12"));
  EXPECT_EQ(b.state().deadlines->law.clock_start, D("2021-03-12"));
  EXPECT_EQ(b.state().deadlines->due_on, D("2021-04-12"));
  EXPECT_EQ(b.state().deadlines->law.correction_notice_due.date, D("2021-03-10"));
  // 一次性: a second notice is refused.
  Result<CaseState> again = b.Try("2021-03-15", CorrectionRequestedPayload{"x", D("2021-03-20")});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().message(),
            "已于2021-03-03发出过补正通知，第三十条规定应一次性告知，不能再次发出补正通知");
  // Decided not before the corrected application.
  Result<CaseState> early = b.Try("2021-03-11", Decision(law::Outcome::kGranted));
  ASSERT_FALSE(early.ok());
  EXPECT_NE(early.status().message().find("不能早于收到补正后申请的日期2021-03-12"),
            std::string::npos)
      << early.status().message();
}

TEST(TransitionsTest, LateCorrectionNeedsAReason) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01");
  b.Add("2021-03-02", CorrectionRequestedPayload{"写明文号", D("2021-03-12")});
  Result<CaseState> r = b.Try("2021-03-15", CorrectedPayload{});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("late_reason"), std::string::npos);
  EXPECT_TRUE(b.Try("2021-03-15", CorrectedPayload{"", "住院治疗"}).ok());
}

TEST(TransitionsTest, DeemedWithdrawnAfterThePeriodIsOtherNoCorrection) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01");
  b.Add("2021-03-02", CorrectionRequestedPayload{"写明文号", D("2021-03-12")});
  Result<CaseState> early = b.Try("2021-03-12", DeemedWithdrawnPayload{});
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.status().message(),
            "补正期限至2021-03-12届满，届满前不能认定视为放弃申请（第三十条）");
  b.Add("2021-03-15", DeemedWithdrawnPayload{});
  const CaseState& s = b.state();
  EXPECT_EQ(s.status, CaseStatus::kAbandoned);
  EXPECT_TRUE(s.IsConcluded());
  EXPECT_EQ(s.ConcludedOn(), D("2021-03-15"));
  EXPECT_EQ(s.conclusion->outcome, law::Outcome::kDeemedWithdrawn);
  EXPECT_EQ(s.ReportRow(report::Format::k2021), R3::kOtherNoCorrection);
  EXPECT_EQ(s.ReportRow(report::Format::k2019), R3::kOther);
  // Only now may it be archived.
  EXPECT_TRUE(b.Try("2021-03-16", ArchivedPayload{}).ok());
}

TEST(TransitionsTest, UnclearAfterCorrectionNeedsACorrection) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01");
  DecidedPayload d;
  d.outcome = law::Outcome::kUnclearAfterCorrection;
  d.legal_basis = "第三十条";
  EXPECT_FALSE(b.Try("2021-03-05", d).ok());
  b.Add("2021-03-02", CorrectionRequestedPayload{"写明文号", D("2021-03-12")});
  b.Add("2021-03-05", CorrectedPayload{});
  b.Add("2021-03-08", d);
  EXPECT_EQ(b.state().ReportRow(report::Format::k2021), R3::kUnavailableUnclearAfterCorrection);
}

// ---- Arts. 32–34: consultation -----------------------------------------------------
TEST(TransitionsTest, ConsultationPauseMovesTheDueDate) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01").Assign("2021-03-02");
  ASSERT_EQ(b.state().deadlines->due_on, D("2021-03-29"));
  // Art. 32: a third party has 15 working days: from Wed 03-03 the 15th is 03-24.
  Result<CaseState> short_period = b.Try(
      "2021-03-03",
      ConsultationStartedPayload{"1", ConsultParty::kThirdParty, "某公司", "", D("2021-03-23")});
  ASSERT_FALSE(short_period.ok());
  EXPECT_NE(short_period.status().message().find("不能早于2021-03-24"), std::string::npos)
      << short_period.status().message();
  b.Add("2021-03-03",
        ConsultationStartedPayload{"1", ConsultParty::kThirdParty, "某公司", "", D("2021-03-24")});
  EXPECT_EQ(b.state().status, CaseStatus::kConsulting);
  ASSERT_EQ(b.state().pauses.size(), 1u);
  EXPECT_TRUE(b.state().pauses[0].open);
  // While open, the due date assumes the pause lasts until answer_by.
  EXPECT_GT(b.state().deadlines->due_on, D("2021-03-29"));
  // Not before it started; unknown ids refused; no_answer only after answer_by.
  EXPECT_FALSE(
      b.Try("2021-03-02", ConsultationEndedPayload{"1", ConsultResult::kConsent, ""}).ok());
  EXPECT_FALSE(
      b.Try("2021-03-09", ConsultationEndedPayload{"9", ConsultResult::kConsent, ""}).ok());
  EXPECT_FALSE(
      b.Try("2021-03-09", ConsultationEndedPayload{"1", ConsultResult::kNoAnswer, ""}).ok());
  // Decided while consulting: refused by the table.
  EXPECT_FALSE(b.Try("2021-03-09", Decision(law::Outcome::kGranted)).ok());
  b.Add("2021-03-09", ConsultationEndedPayload{"1", ConsultResult::kObject, "涉及商业秘密"});
  EXPECT_EQ(b.state().status, CaseStatus::kAssigned);
  // Paused working days 03-03, 04, 05, 08, 09 (5): 03-29 moves by 5 working days:
  // 03-30, 31, 04-01, 02, (04-03..05 weekend and 清明节) 04-06.
  EXPECT_EQ(b.state().deadlines->due_on, D("2021-04-06"));
  EXPECT_EQ(b.state().deadlines->law.due.paused_workdays(), 5);
  EXPECT_FALSE(
      b.Try("2021-03-10", ConsultationEndedPayload{"1", ConsultResult::kConsent, ""}).ok());
}

TEST(TransitionsTest, ParallelConsultationsEachNeedTheirEnd) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01");
  b.Add("2021-03-02",
        ConsultationStartedPayload{"a", ConsultParty::kThirdParty, "甲公司", "", D("2021-03-31")});
  b.Add("2021-03-03",
        ConsultationStartedPayload{"b", ConsultParty::kOtherOrgan, "某局", "", D("2021-03-05")});
  EXPECT_FALSE(b.Try("2021-03-03", ConsultationStartedPayload{"a", ConsultParty::kOtherOrgan, "x",
                                                              "", D("2021-03-05")})
                   .ok());
  b.Add("2021-03-08", ConsultationEndedPayload{"b", ConsultResult::kNoAnswer, ""});
  EXPECT_EQ(b.state().status, CaseStatus::kConsulting);
  b.Add("2021-03-09", ConsultationEndedPayload{"a", ConsultResult::kConsent, ""});
  EXPECT_EQ(b.state().status, CaseStatus::kRegistered);
  // Pauses 03-02..09 overlap; 6 working days counted once: 03-29 + 6 → 04-07.
  EXPECT_EQ(b.state().deadlines->due_on, D("2021-04-07"));
}

// ---- Art. 33 ¶2: extension -----------------------------------------------------------
TEST(TransitionsTest, ExtensionLimitsAndApprover) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01").Assign("2021-03-02");
  const ExtendedPayload ok{10, "admin1", D("2021-03-29"), "需调取档案"};
  // Only the agency head.
  Result<CaseState> handler = b.Try("2021-03-29", ok, ActorRole::kHandler);
  ASSERT_FALSE(handler.ok());
  EXPECT_NE(handler.status().message().find("机构负责人"), std::string::npos);
  EXPECT_NE(handler.status().message().find("第三十三条第二款"), std::string::npos);
  // The approver is the head who records it.
  EXPECT_FALSE(b.Try("2021-03-29", ExtendedPayload{10, "someone", D("2021-03-29"), "r"}).ok());
  // ≤ 20 working days.
  EXPECT_FALSE(b.Try("2021-03-29", ExtendedPayload{21, "admin1", D("2021-03-29"), "r"}).ok());
  EXPECT_FALSE(b.Try("2021-03-29", ExtendedPayload{0, "admin1", D("2021-03-29"), "r"}).ok());
  // Before the due date (03-29), approval and notice both.
  EXPECT_FALSE(b.Try("2021-03-30", ExtendedPayload{10, "admin1", D("2021-03-30"), "r"}).ok());
  EXPECT_FALSE(b.Try("2021-03-29", ExtendedPayload{10, "admin1", D("2021-03-30"), "r"}).ok());
  b.Add("2021-03-29", ok);
  // 10 working days after 03-29: 03-30, 31, 04-01, 02, 06, 07, 08, 09, 12, 13.
  EXPECT_EQ(b.state().deadlines->due_on, D("2021-04-13"));
  EXPECT_EQ(b.state().deadlines->law.due.date, D("2021-03-29"));
  // The law's outer limit (20 more; 04-25 is a Sunday working day): 04-26.
  EXPECT_EQ(b.state().deadlines->law.extended_due.date, D("2021-04-26"));
  // Once only.
  Result<CaseState> again = b.Try("2021-03-30", ExtendedPayload{5, "admin1", D("2021-03-30"), "r"});
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.status().message().find("不能再次延长答复期限"), std::string::npos);
}

// ---- Art. 35: a later deadline for unreasonable volume or frequency ------------------------
TEST(TransitionsTest, LaterDeadlineReplacesTheDueDate) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01").Assign("2021-03-02");
  ASSERT_EQ(b.state().deadlines->due_on, D("2021-03-29"));
  // The later deadline must be later than the current one, and fixed and
  // notified before the current one passes.
  EXPECT_FALSE(b.Try("2021-03-10", LaterDeadlinePayload{D("2021-03-29"), D("2021-03-10"), "r"}).ok());
  EXPECT_FALSE(b.Try("2021-03-30", LaterDeadlinePayload{D("2021-05-31"), D("2021-03-30"), "r"}).ok());
  EXPECT_FALSE(b.Try("2021-03-29", LaterDeadlinePayload{D("2021-05-31"), D("2021-03-30"), "r"}).ok());
  b.Add("2021-03-10", LaterDeadlinePayload{D("2021-05-31"), D("2021-03-11"), "一个月内申请120件"});
  EXPECT_EQ(b.state().deadlines->due_on, D("2021-05-31"));
  EXPECT_EQ(b.state().deadlines->later_deadline, D("2021-05-31"));
  EXPECT_EQ(b.state().deadlines->law.due.date, D("2021-03-29"));
  EXPECT_NE(b.state().ExplainDue().find("第三十五条"), std::string::npos);
  // Not overdue on the old date, overdue after the new one.
  EXPECT_EQ(b.state().DueStateOn(D("2021-04-15"), testing::Cal()), DueState::kOnTime);
  EXPECT_EQ(b.state().DueStateOn(D("2021-06-01"), testing::Cal()), DueState::kOverdue);
  // Once only, and no Art. 33 extension after it.
  Result<CaseState> again =
      b.Try("2021-04-01", LaterDeadlinePayload{D("2021-06-30"), D("2021-04-01"), "r"});
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.status().message().find("不能再次确定答复期限"), std::string::npos);
  EXPECT_FALSE(b.Try("2021-03-12", ExtendedPayload{10, "admin1", D("2021-03-12"), "r"}).ok());
}

// ---- Reviews of the draft reply ---------------------------------------------------------
TEST(TransitionsTest, ReturnedReviewBlocksTheDecision) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01").Assign("2021-03-02");
  b.Add("2021-03-03", LegalReviewPayload{{"法律顾问", ReviewResult::kReturned, "依据不足"}});
  EXPECT_EQ(b.state().status, CaseStatus::kUnderReview);
  Result<CaseState> r = b.Try("2021-03-04", Decision(law::Outcome::kGranted));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("法律审核"), std::string::npos);
  b.Add("2021-03-04", LegalReviewPayload{{"法律顾问", ReviewResult::kPassed, ""}});
  b.Add("2021-03-04", ConfidentialityReviewPayload{{"保密员", ReviewResult::kPassed, ""}});
  b.Add("2021-03-05", Decision(law::Outcome::kGranted));
  EXPECT_EQ(b.state().status, CaseStatus::kDecided);
}

// ---- Decisions and their report rows --------------------------------------------------
TEST(TransitionsTest, DecidedNotBeforeReceipt) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01");
  Result<CaseState> r = b.Try("2021-02-26", Decision(law::Outcome::kGranted));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "作出答复的日期2021-02-26不能早于收到申请的日期2021-03-01");
  // On the day of receipt (answered on the spot) is fine.
  EXPECT_TRUE(b.Try("2021-03-01", Decision(law::Outcome::kGranted)).ok());
}

TEST(TransitionsTest, WithdrawalIsOtherOther) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01");
  b.Add("2021-03-04", WithdrawnPayload{"申请人书面撤回"});
  EXPECT_EQ(b.state().status, CaseStatus::kWithdrawn);
  EXPECT_EQ(b.state().conclusion->outcome, law::Outcome::kWithdrawn);
  EXPECT_EQ(b.state().ReportRow(report::Format::k2021), R3::kOtherOther);
  EXPECT_EQ(b.state().ConcludedOn(), D("2021-03-04"));
}

TEST(TransitionsTest, TransferIsNotThisOrgan) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01");
  b.Add("2021-03-05",
        TransferredPayload{{"威海市市场监督管理局", "0631-5800000"}, "第三十六条第（五）项", ""});
  const CaseState& s = b.state();
  EXPECT_EQ(s.status, CaseStatus::kDecided);
  EXPECT_EQ(s.conclusion->outcome, law::Outcome::kNotThisOrgan);
  EXPECT_EQ(s.conclusion->by, EventType::kTransferred);
  EXPECT_EQ(s.conclusion->reply_type, law::ReplyType::kNotThisOrgan);
  EXPECT_EQ(s.conclusion->competent_organ->name, "威海市市场监督管理局");
  EXPECT_EQ(s.ReportRow(report::Format::k2021), R3::kUnavailableNotHeld);
}

TEST(TransitionsTest, PartialCountsOnlyAsPartiallyGranted) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01");
  DecidedPayload d = Decision(law::Outcome::kPartial);
  d.withhold_reason = law::WithholdReason::kThirdParty;  // the reason for the withheld part
  b.Add("2021-03-10", d);
  EXPECT_EQ(b.state().ReportRows(2021, report::Format::k2021),
            (std::vector<R3>{R3::kNew, R3::kPartiallyGranted}));
}

TEST(TransitionsTest, EveryDecidableOutcomeHasItsRow) {
  for (law::Outcome o : law::AllOutcomes()) {
    if (o == law::Outcome::kDeemedWithdrawn || o == law::Outcome::kFeeUnpaid ||
        o == law::Outcome::kWithdrawn || o == law::Outcome::kUnclearAfterCorrection) {
      continue;
    }
    CaseBuilder b;
    b.Receive("2021-03-01").Register("2021-03-01");
    b.Add("2021-03-10", Decision(o));
    for (report::Format f : {report::Format::k2019, report::Format::k2021}) {
      EXPECT_EQ(b.state().ReportRow(f), law::ReportRow(o, f)) << law::Key(o);
    }
  }
}

// ---- Fees (109号) ---------------------------------------------------------------------
TEST(TransitionsTest, FeeUnpaidIsOtherNoFee) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01").Assign("2021-03-02");
  // 150 pages: 70 × 10 + 50 × 20 = 1700 元; notice received Wed 03-10.
  b.Add("2021-03-08", FeeNotifiedPayload{law::FeeMethod::kByPage, 150, 0, 1700, D("2021-03-10")});
  const CaseState& s = b.state();
  EXPECT_EQ(s.status, CaseStatus::kAwaitingFee);
  // 20 working days from the next day: 03-11, 12, 15..19, 22..26, 29..31,
  // 04-01, 02, (04-05 清明节) 04-06, 07, 08 → 04-08.
  EXPECT_EQ(s.fee->pay_by, D("2021-04-08"));
  // One notice only.
  EXPECT_FALSE(b.Try("2021-03-09",
                     FeeNotifiedPayload{law::FeeMethod::kByPage, 150, 0, 1700, D("2021-03-10")})
                   .ok());
  // Not before pay_by ends; paid with the wrong amount or too late refused.
  EXPECT_FALSE(b.Try("2021-04-08", FeeUnpaidPayload{}).ok());
  EXPECT_FALSE(b.Try("2021-04-01", FeePaidPayload{1000, ""}).ok());
  EXPECT_FALSE(b.Try("2021-04-09", FeePaidPayload{1700, ""}).ok());
  EXPECT_TRUE(b.Try("2021-04-08", FeePaidPayload{1700, ""}).ok());
  b.Add("2021-04-09", FeeUnpaidPayload{});
  EXPECT_EQ(b.state().status, CaseStatus::kAbandoned);
  EXPECT_EQ(b.state().conclusion->outcome, law::Outcome::kFeeUnpaid);
  EXPECT_EQ(b.state().ReportRow(report::Format::k2021), R3::kOtherNoFee);
}

TEST(TransitionsTest, FeeWaitPausesTheClockByDefault) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01");
  b.Add("2021-03-08", FeeNotifiedPayload{law::FeeMethod::kByPage, 40, 0, 100, D("2021-03-08")});
  b.Add("2021-03-12", FeePaidPayload{100, "缴款书1"});
  EXPECT_EQ(b.state().status, CaseStatus::kRegistered);
  EXPECT_EQ(b.state().fee->status, FeeStatus::kPaid);
  // Paused 03-08..12 (5 working days): 03-29 → 04-06 (04-05 清明节).
  EXPECT_EQ(b.state().deadlines->due_on, D("2021-04-06"));
  // With the fee clock running, the same history keeps 03-29.
  const ApplyContext running{testing::Cal(), std::nullopt, FeeClock::kRunning};
  Result<CaseState> r = Replay(b.events(), running);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->deadlines->due_on, D("2021-03-29"));
}

// ---- Service and archive -------------------------------------------------------------
TEST(TransitionsTest, ServiceAndArchiveDates) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01");
  b.Add("2021-03-10", Decision(law::Outcome::kGranted));
  EXPECT_FALSE(b.Try("2021-03-09", ServedPayload{ServiceMethod::kPost, ""}).ok());
  b.Add("2021-03-12", ServedPayload{ServiceMethod::kPost, "EMS1"});
  EXPECT_FALSE(b.Try("2021-03-11", ArchivedPayload{}).ok());
  b.Add("2021-03-12", ArchivedPayload{"档1"});
  EXPECT_EQ(b.state().status, CaseStatus::kArchived);
  // Concluded on the decision's date, not the service's.
  EXPECT_EQ(b.state().ConcludedOn(), D("2021-03-10"));
}

// ---- Review and lawsuits ----------------------------------------------------------------
TEST(TransitionsTest, ReviewAndLawsuitRecords) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01");
  b.Add("2021-03-10", Decision(law::Outcome::kNotHeld));
  EXPECT_FALSE(b.Try("2021-04-01", ReviewDecidedPayload{"R1", ProceedingResult::kUpheld, ""}).ok());
  b.Add("2021-04-01", ReviewFiledPayload{"R1", "威海市人民政府"});
  EXPECT_FALSE(b.Try("2021-04-02", ReviewFiledPayload{"R1", "威海市人民政府"}).ok());
  EXPECT_FALSE(b.Try("2021-03-31", ReviewDecidedPayload{"R1", ProceedingResult::kUpheld, ""}).ok());
  EXPECT_FALSE(
      b.Try("2021-05-01", LawsuitFiledPayload{"L1", "法院", LawsuitRoute::kAfterReview, "R9"})
          .ok());
  b.Add("2021-05-20", ReviewDecidedPayload{"R1", ProceedingResult::kUpheld, ""});
  EXPECT_FALSE(b.Try("2021-05-21", ReviewDecidedPayload{"R1", ProceedingResult::kOther, ""}).ok());
  b.Add("2021-06-01", LawsuitFiledPayload{"L1", "法院", LawsuitRoute::kAfterReview, "R1"});
  b.Add("2022-01-10", LawsuitDecidedPayload{"L1", ProceedingResult::kCorrected, ""});
  EXPECT_FALSE(
      b.Try("2022-01-11", LawsuitDecidedPayload{"L1", ProceedingResult::kCorrected, ""}).ok());
  EXPECT_EQ(b.state().status, CaseStatus::kDecided);  // linked records do not move the case
  ASSERT_EQ(b.state().proceedings.size(), 2u);
  EXPECT_EQ(b.state().proceedings[1].Section4Group(), 2);
}

// ---- 协助调查 ---------------------------------------------------------------------------
TEST(TransitionsTest, AssistanceHasNoReportRow) {
  CaseBuilder b("XZ-2021-0001");
  b.Add("2021-03-01", testing::AssistanceReceipt());
  EXPECT_EQ(b.state().kind, CaseKind::kAssistance);
  EXPECT_FALSE(b.state().deadlines.has_value());
  Result<CaseState> r = b.Try("2021-03-02", Decision(law::Outcome::kGranted));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "当前状态为“已接收”，不能作出答复（协助调查案件）");
  b.Assign("2021-03-02").Add("2021-03-05", AnsweredPayload{"复函1号", "已提供"});
  EXPECT_TRUE(b.state().IsConcluded());
  EXPECT_EQ(b.state().ReportRow(report::Format::k2021), std::nullopt);
  EXPECT_TRUE(b.state().ReportRows(2021, report::Format::k2021).empty());
  EXPECT_EQ(b.state().ReportColumn(), std::nullopt);
}

// ---- Roles ---------------------------------------------------------------------------
TEST(TransitionsTest, RolesLimitWhoRecordsWhat) {
  CaseBuilder b;
  b.Receive("2021-03-01").Register("2021-03-01");
  Result<CaseState> sup = b.Try("2021-03-02", AssignedPayload{"科", "h"}, ActorRole::kSupervisor);
  ASSERT_FALSE(sup.ok());
  EXPECT_EQ(sup.status().message(), "主管部门只能查阅，不能转办");
  Result<CaseState> pub = b.Try("2021-03-02", Decision(law::Outcome::kGranted), ActorRole::kPublic);
  ASSERT_FALSE(pub.ok());
  EXPECT_EQ(pub.status().message(), "申请人不能作出答复");
  EXPECT_TRUE(b.Try("2021-03-02", WithdrawnPayload{}, ActorRole::kPublic).ok());
  // Replays carry no role: the history is trusted as appended.
  EXPECT_TRUE(b.Try("2021-03-02", Decision(law::Outcome::kGranted), std::nullopt).ok());
}

}  // namespace
}  // namespace gk::cases
