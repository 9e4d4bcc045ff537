#include "cases/vocab.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <typeinfo>

#include "report/model.h"

namespace gk::cases {
namespace {

bool IsSnakeCase(std::string_view k) {
  if (k.empty() || k.front() == '_' || k.back() == '_') return false;
  for (char c : k) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return k.find("__") == std::string_view::npos;
}

template <typename E>
void CheckEnum(size_t expected_count) {
  SCOPED_TRACE(typeid(E).name());
  std::set<std::string_view> keys;
  std::set<std::string_view> labels;
  const std::vector<E> all = AllValues<E>();
  EXPECT_EQ(all.size(), expected_count);
  for (size_t i = 0; i < all.size(); ++i) {
    const E e = all[i];
    EXPECT_EQ(static_cast<size_t>(e), i) << "declaration order";
    EXPECT_TRUE(IsSnakeCase(Key(e))) << Key(e);
    EXPECT_FALSE(Label(e).empty()) << Key(e);
    EXPECT_TRUE(keys.insert(Key(e)).second) << "duplicate key " << Key(e);
    EXPECT_TRUE(labels.insert(Label(e)).second) << "duplicate label " << Label(e);
    EXPECT_EQ(FromKey<E>(Key(e)), e);
  }
  EXPECT_EQ(FromKey<E>("no_such_key"), std::nullopt);
  EXPECT_EQ(FromKey<E>(""), std::nullopt);
}

TEST(VocabTest, EveryEnumHasUniqueSnakeCaseKeysThatParseBack) {
  CheckEnum<CaseKind>(2);
  CheckEnum<CaseStatus>(14);
  CheckEnum<EventType>(kNumEventTypes);
  CheckEnum<Channel>(6);
  CheckEnum<ConfirmMethod>(6);
  CheckEnum<ApplicantType>(6);
  CheckEnum<IdType>(7);
  CheckEnum<Medium>(2);
  CheckEnum<Delivery>(4);
  CheckEnum<ConsultParty>(3);
  CheckEnum<ConsultResult>(4);
  CheckEnum<ReviewResult>(2);
  CheckEnum<ServiceMethod>(6);
  CheckEnum<ProceedingResult>(3);
  CheckEnum<LawsuitRoute>(2);
  CheckEnum<Entry>(2);
  CheckEnum<ActorRole>(8);
  CheckEnum<PauseReason>(2);
  CheckEnum<DueState>(3);
  CheckEnum<law::FeeMethod>(2);
}

// Keys are stored in events: these must never change.
TEST(VocabTest, StoredKeysAreStable) {
  EXPECT_EQ(Key(EventType::kReceived), "received");
  EXPECT_EQ(Key(EventType::kCorrectionRequested), "correction_requested");
  EXPECT_EQ(Key(EventType::kConfidentialityReview), "confidentiality_review");
  EXPECT_EQ(Key(EventType::kLawsuitDecided), "lawsuit_decided");
  EXPECT_EQ(Key(EventType::kAnswered), "answered");
  EXPECT_EQ(Key(Channel::kInPerson), "in_person");
  EXPECT_EQ(Key(ApplicantType::kPublicInterest), "public_interest");
  EXPECT_EQ(Key(IdType::kForeignPermanentId), "foreign_permanent_id");
  EXPECT_EQ(Key(Delivery::kOnSite), "on_site");
  EXPECT_EQ(Key(law::FeeMethod::kByPage), "by_page");
  EXPECT_EQ(Key(Entry::kBackfilled), "backfilled");
  EXPECT_EQ(Key(ActorRole::kAgencyAdmin), "agency_admin");
}

// The applicant types are the columns of report table 三, in order.
TEST(VocabTest, ApplicantTypesAreTheReportColumns) {
  for (ApplicantType t : AllValues<ApplicantType>()) {
    EXPECT_EQ(Key(t), report::ColKey3(static_cast<int>(t)));
  }
}

TEST(VocabTest, StatusLabelsAreTheChineseStates) {
  EXPECT_EQ(Label(CaseStatus::kReceived), "已接收");
  EXPECT_EQ(Label(CaseStatus::kRegistered), "已登记");
  EXPECT_EQ(Label(CaseStatus::kAssigned), "已转办");
  EXPECT_EQ(Label(CaseStatus::kAwaitingCorrection), "待补正");
  EXPECT_EQ(Label(CaseStatus::kConsulting), "征求意见中");
  EXPECT_EQ(Label(CaseStatus::kUnderReview), "审查中");
  EXPECT_EQ(Label(CaseStatus::kDecided), "已答复");
  EXPECT_EQ(Label(CaseStatus::kAwaitingFee), "待缴费");
  EXPECT_EQ(Label(CaseStatus::kServed), "已送达");
  EXPECT_EQ(Label(CaseStatus::kArchived), "已归档");
  EXPECT_EQ(Label(CaseStatus::kWithdrawn), "已撤回");
  EXPECT_EQ(Label(CaseStatus::kAbandoned), "视为放弃");
}

TEST(VocabTest, EveryEventTypeHasAnAction) {
  std::set<std::string_view> actions;
  for (EventType t : AllValues<EventType>()) {
    EXPECT_FALSE(Action(t).empty());
    EXPECT_TRUE(actions.insert(Action(t)).second) << Action(t);
  }
  EXPECT_EQ(KeyList<Medium>(), "electronic、paper");
}

}  // namespace
}  // namespace gk::cases
