// Property test: thousands of random event sequences (seeded, deterministic).
// Each generated event is offered to Apply; only accepted ones are kept. After
// every step the invariants of a case must hold, and at the end a replay of the
// accepted events must give the same state.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "cases/events.h"
#include "cases/projection.h"
#include "cases/test_util.h"
#include "cases/transitions.h"

namespace gk::cases {
namespace {

using testing::D;

constexpr int kSequences = 3000;
constexpr int kAttemptsPerSequence = 40;

class Generator {
 public:
  explicit Generator(uint32_t seed) : rng_(seed) {}

  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool Chance(int percent) { return Int(1, 100) <= percent; }
  template <typename T>
  T Pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(Int(0, static_cast<int>(v.size()) - 1))];
  }

  // A random event for `s`: usually one the table allows, with plausible (but
  // not always valid) dates and fields.
  Event Next(const CaseState& s, const std::string& case_id, Date last) {
    std::vector<EventType> allowed = AllowedEvents(s.kind, s.status);
    if (s.status == CaseStatus::kNone) allowed = {EventType::kReceived};
    // Mostly move the case on: linked records and withdrawals less often.
    std::vector<EventType> progress;
    for (EventType t : allowed) {
      if (t != EventType::kReviewFiled && t != EventType::kReviewDecided &&
          t != EventType::kLawsuitFiled && t != EventType::kLawsuitDecided &&
          t != EventType::kWithdrawn) {
        progress.push_back(t);
      }
    }
    if (!progress.empty() && Chance(85)) allowed = progress;
    const EventType type =
        !allowed.empty() && Chance(80) ? Pick(allowed) : Pick(AllValues<EventType>());
    Date on = last.AddDays(Int(0, 10));
    if (Chance(5)) on = last.AddDays(-Int(1, 5));

    Event e;
    e.case_id = case_id;
    e.sequence = s.version + 1;
    if (Chance(4)) e.sequence = s.version;
    if (Chance(3)) e.sequence = s.version + 2;
    const int role_roll = Int(1, 100);
    role_ = role_roll <= 82   ? ActorRole::kAgencyAdmin
            : role_roll <= 90 ? ActorRole::kHandler
            : role_roll <= 95 ? ActorRole::kPublic
                              : ActorRole::kSupervisor;
    e.actor = role_ == ActorRole::kPublic ? std::string(kPublicActor) : "admin1";
    if (Chance(8) && role_ != ActorRole::kPublic) {
      e.entry = Entry::kBackfilled;
      e.actor = std::string(kImportActor);
      role_ = ActorRole::kImport;
    }
    e.payload = MakePayload(type, s, case_id, &on);
    e.occurred_on = on;
    e.recorded_at = on.ToString() + "T10:00:00+08:00";
    return e;
  }

  ActorRole role() const { return role_; }

 private:
  Payload MakePayload(EventType type, const CaseState& s, const std::string& case_id, Date* on) {
    const std::string id = std::to_string(Int(1, 3));
    switch (type) {
      case EventType::kReceived: {
        if (Chance(15)) return testing::AssistanceReceipt();
        ReceivedPayload r = testing::OnlineReceipt(*on, Pick(AllValues<ApplicantType>()));
        r.channel = Pick(AllValues<Channel>());
        r.evidence = {};
        switch (r.channel) {
          case Channel::kInPerson:
          case Channel::kOral:
            break;
          case Channel::kLetter:
            if (Chance(50)) {
              r.evidence.signed_on = *on;
            } else {
              r.evidence.confirmed_on = *on;
              r.evidence.confirmed_by = ConfirmMethod::kPhone;
            }
            if (Chance(50)) r.evidence.postmark_on = on->AddDays(-Int(0, 4));
            break;
          default:
            r.evidence.confirmed_on = Chance(95) ? *on : on->AddDays(1);
            r.evidence.confirmed_by = ConfirmMethod::kAutoAck;
        }
        return r;
      }
      case EventType::kRegistered:
        return RegisteredPayload{Chance(95) ? case_id : "OTHER"};
      case EventType::kAssigned:
        return AssignedPayload{Pick<std::string>({"办公室", "法规科", "业务科"}), "h" + id};
      case EventType::kCorrectionRequested:
        *on = s.received_on.AddDays(Int(0, 14));
        return CorrectionRequestedPayload{"写明文号", on->AddDays(Int(Chance(5) ? -1 : 1, 20))};
      case EventType::kCorrected: {
        if (s.correction) *on = s.correction->notice_on.AddDays(Int(-1, 25));
        return CorrectedPayload{"", Chance(50) ? "正当理由" : ""};
      }
      case EventType::kDeemedWithdrawn:
        if (s.correction) *on = s.correction->period_end.AddDays(Int(-3, 5));
        return DeemedWithdrawnPayload{};
      case EventType::kConsultationStarted:
        return ConsultationStartedPayload{id, Pick(AllValues<ConsultParty>()), "某方", "",
                                          on->AddDays(Int(-1, 40))};
      case EventType::kConsultationEnded: {
        std::string which = id;
        for (const ConsultationState& c : s.consultations) {
          if (c.open() && Chance(85)) which = c.id;
        }
        return ConsultationEndedPayload{which, Pick(AllValues<ConsultResult>()), ""};
      }
      case EventType::kExtended:
        return ExtendedPayload{Int(0, 22), Chance(92) ? "admin1" : "other",
                               on->AddDays(Int(Chance(5) ? -1 : 0, 2)), "需调取档案"};
      case EventType::kLaterDeadline: {
        const Date due = s.deadlines ? s.deadlines->due_on : *on;
        return LaterDeadlinePayload{due.AddDays(Int(-2, 40)),
                                    on->AddDays(Int(Chance(5) ? -1 : 0, 2)),
                                    Chance(95) ? "申请数量明显超过合理范围" : ""};
      }
      case EventType::kLegalReview:
        return LegalReviewPayload{{"甲", Pick(AllValues<ReviewResult>()), "意见"}};
      case EventType::kConfidentialityReview:
        return ConfidentialityReviewPayload{{"乙", Pick(AllValues<ReviewResult>()), "意见"}};
      case EventType::kFeeNotified: {
        FeeNotifiedPayload f;
        f.method = Pick(AllValues<law::FeeMethod>());
        f.quantity = Int(1, 300);
        f.prior_pieces = f.method == law::FeeMethod::kByPiece ? Int(0, 40) : 0;
        Result<law::FeeQuote> q = f.method == law::FeeMethod::kByPiece
                                      ? law::FeeByPiece(f.prior_pieces, f.quantity)
                                      : law::FeeByPage(f.quantity);
        f.amount_yuan = q.ok() ? q->total_yuan : 0;
        if (Chance(8)) f.amount_yuan += 10;
        f.notice_received_on = on->AddDays(Int(Chance(5) ? -1 : 0, 3));
        return f;
      }
      case EventType::kFeePaid: {
        int64_t amount = s.fee ? s.fee->amount_yuan : 100;
        if (s.fee) *on = s.fee->notified_on.AddDays(Int(-1, 35));
        if (Chance(8)) amount += 1;
        return FeePaidPayload{amount, "凭证"};
      }
      case EventType::kFeeUnpaid:
        if (s.fee) *on = s.fee->pay_by.AddDays(Int(-3, 3));
        return FeeUnpaidPayload{};
      case EventType::kDecided: {
        const law::Outcome o =
            Pick(std::vector<law::Outcome>(law::AllOutcomes().begin(), law::AllOutcomes().end()));
        DecidedPayload d = testing::Decision(o);
        if (Chance(5)) d.reply_type = law::ReplyType::kDisclose;
        if (o == law::Outcome::kNotThisOrgan && Chance(50)) d.competent_organ = Organ{"某局", ""};
        if (o == law::Outcome::kPartial && Chance(50))
          d.withhold_reason = law::WithholdReason::kThirdParty;
        return d;
      }
      case EventType::kTransferred:
        return TransferredPayload{{"某局", "电话"}, "第三十六条第（五）项", ""};
      case EventType::kServed:
        return ServedPayload{Pick(AllValues<ServiceMethod>()), ""};
      case EventType::kArchived:
        return ArchivedPayload{};
      case EventType::kWithdrawn:
        return WithdrawnPayload{};
      case EventType::kReviewFiled:
        return ReviewFiledPayload{"R" + id, "复议机关"};
      case EventType::kReviewDecided:
        return ReviewDecidedPayload{"R" + id, Pick(AllValues<ProceedingResult>()), ""};
      case EventType::kLawsuitFiled: {
        const LawsuitRoute route = Pick(AllValues<LawsuitRoute>());
        return LawsuitFiledPayload{
            "L" + id, "法院", route,
            route == LawsuitRoute::kAfterReview ? "R" + std::to_string(Int(1, 3)) : ""};
      }
      case EventType::kLawsuitDecided:
        return LawsuitDecidedPayload{"L" + id, Pick(AllValues<ProceedingResult>()), ""};
      case EventType::kAnswered:
        return AnsweredPayload{"", "已复函"};
    }
    return ArchivedPayload{};
  }

  std::mt19937 rng_;
  ActorRole role_ = ActorRole::kAgencyAdmin;
};

bool IsOutcomeRow(report::Row3 r) { return report::Row3Info(r).outcome; }

void CheckInvariants(const CaseState& s, size_t applied, Date today) {
  const auto& cal = testing::Cal();
  ASSERT_EQ(s.version, static_cast<int64_t>(applied));
  const std::vector<CaseStatus> statuses = StatusesOf(s.kind);
  ASSERT_NE(std::find(statuses.begin(), statuses.end(), s.status), statuses.end())
      << "status " << static_cast<int>(s.status) << " outside its kind";
  ASSERT_NE(s.status, CaseStatus::kNone);
  ASSERT_NE(s.IsOpen(), s.IsConcluded());

  for (const ClockPause& p : s.pauses) ASSERT_LE(p.from, p.to);
  const std::optional<int> taken = s.WorkingDaysTaken(cal, today);
  ASSERT_TRUE(taken.has_value());
  ASSERT_GE(*taken, 0);

  for (report::Format f : {report::Format::k2019, report::Format::k2021}) {
    if (s.kind == CaseKind::kAssistance) {
      ASSERT_FALSE(s.deadlines.has_value());
      ASSERT_EQ(s.ReportRow(f), std::nullopt);
      ASSERT_TRUE(s.ReportRows(s.received_on.year(), f).empty());
      continue;
    }
    // Deadlines.
    ASSERT_TRUE(s.deadlines.has_value());
    const CaseDeadlines& d = *s.deadlines;
    ASSERT_GE(s.clock_start, s.received_on);
    ASSERT_EQ(d.law.clock_start, s.clock_start);
    ASSERT_GE(d.due_on, s.clock_start);
    ASSERT_GE(d.due_on, d.law.due.date);
    // Art. 35: the notified deadline is the due date.
    if (s.later_deadline) {
      ASSERT_EQ(d.later_deadline, s.later_deadline->due_on);
      ASSERT_GE(d.due_on, s.later_deadline->due_on);
    }
    ASSERT_GE(d.law.paused_workdays, 0);
    ASSERT_EQ(d.law.pauses.size(), s.pauses.size());
    // A concluded application has exactly one report row, in its year.
    ASSERT_EQ(s.IsConcluded(), s.ReportRow(f).has_value());
    const int first = s.received_on.year() - 1;
    const int last = (s.ConcludedOn() ? s.ConcludedOn()->year() : s.received_on.year()) + 1;
    int outcome_rows = 0;
    for (int y = first; y <= last; ++y) {
      int in = 0;
      int out = 0;
      for (report::Row3 r : s.ReportRows(y, f)) {
        if (r == report::Row3::kNew || r == report::Row3::kCarriedOver) ++in;
        if (r == report::Row3::kCarriedForward) ++out;
        if (IsOutcomeRow(r)) {
          ++out;
          ++outcome_rows;
          ASSERT_EQ(r, *s.ReportRow(f));
          ASSERT_EQ(y, s.ConcludedOn()->year());
        }
      }
      ASSERT_LE(in, 1);
      ASSERT_EQ(in, out) << "一 + 二 = 三 + 四 for year " << y;
    }
    ASSERT_EQ(outcome_rows, s.IsConcluded() ? 1 : 0);
  }
  // Section 四 cells are in range, at most two per proceeding over all years.
  for (const Proceeding& p : s.proceedings) {
    ASSERT_GE(p.filed_on, s.received_on);
    if (p.decided_on) {
      ASSERT_GE(*p.decided_on, p.filed_on);
    }
  }
  for (int y = s.received_on.year(); y <= today.year() + 1; ++y) {
    for (const Section4Cell& c : s.Section4Cells(y)) {
      ASSERT_GE(c.group, 0);
      ASSERT_LT(c.group, report::kNumGroups4);
      ASSERT_GE(c.field, 0);
      ASSERT_LT(c.field, 4);
    }
  }
}

TEST(PropertyTest, RandomSequencesKeepTheInvariants) {
  Generator gen(20210301);
  std::map<CaseKind, std::set<CaseStatus>> reached;
  std::set<EventType> accepted_types;
  std::map<StatusCode, int> refusals;
  int accepted_total = 0;
  for (int n = 0; n < kSequences; ++n) {
    SCOPED_TRACE("sequence " + std::to_string(n));
    const std::string case_id = "P-" + std::to_string(n);
    CaseState state;
    std::vector<Event> events;
    Date last = D("2019-06-03").AddDays(gen.Int(0, 2760));  // up to late 2026
    for (int step = 0; step < kAttemptsPerSequence; ++step) {
      const Event e = gen.Next(state, case_id, last);
      const ApplyContext ctx{testing::Cal(), gen.role()};
      Result<CaseState> r = Apply(state, e, ctx);
      if (e.sequence != state.version + 1) {
        ASSERT_FALSE(r.ok());
        ASSERT_EQ(r.status().code(),
                  e.sequence < 1 ? StatusCode::kInvalidArgument : StatusCode::kConflict);
      }
      if (!r.ok()) {
        ASSERT_FALSE(r.status().message().empty());
        ++refusals[r.status().code()];
        ASSERT_EQ(state.version, static_cast<int64_t>(events.size()));  // nothing changed
        continue;
      }
      // The event survives storage as JSON.
      Result<Event> back = EventFromJson(EventToJson(e));
      ASSERT_TRUE(back.ok()) << back.status().message() << "\n" << EventToJson(e);
      ASSERT_EQ(*back, e);
      Result<Payload> payload = PayloadFromJson(e.type(), PayloadToJson(e.payload), e.entry);
      ASSERT_TRUE(payload.ok()) << payload.status().message();
      ASSERT_EQ(*payload, e.payload);

      state = std::move(*r);
      events.push_back(e);
      last = std::max(last, e.occurred_on);
      accepted_types.insert(e.type());
      reached[state.kind].insert(state.status);
      ++accepted_total;
      ASSERT_NO_FATAL_FAILURE(CheckInvariants(state, events.size(), last));
    }
    // Replay of the accepted events reproduces the state (no roles on replay).
    Result<CaseState> replayed = Replay(events, ApplyContext{testing::Cal(), std::nullopt});
    ASSERT_TRUE(replayed.ok()) << replayed.status().message();
    ASSERT_EQ(*replayed, state);
  }
  // The generator reaches every status of both kinds and every event type, so
  // the invariants were checked everywhere.
  for (CaseKind kind : AllValues<CaseKind>()) {
    std::vector<CaseStatus> all = StatusesOf(kind);
    for (CaseStatus s : all) {
      if (s == CaseStatus::kNone) continue;
      EXPECT_TRUE(reached[kind].contains(s)) << Key(kind) << " never reached " << Key(s);
    }
  }
  EXPECT_EQ(accepted_types.size(), static_cast<size_t>(kNumEventTypes));
  EXPECT_GT(accepted_total, kSequences * 5);
  EXPECT_GT(refusals[StatusCode::kConflict], 0);
  EXPECT_GT(refusals[StatusCode::kInvalidArgument], 0);
}

}  // namespace
}  // namespace gk::cases
