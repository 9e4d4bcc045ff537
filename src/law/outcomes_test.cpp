#include "law/outcomes.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace gk::law {
namespace {

using report::Format;
using report::Row3;

TEST(Outcomes, KeysAndLabelsAreUniqueAndRoundTrip) {
  std::set<std::string_view> keys, labels;
  ASSERT_EQ(AllOutcomes().size(), static_cast<size_t>(kNumOutcomes));
  for (Outcome o : AllOutcomes()) {
    EXPECT_TRUE(keys.insert(Key(o)).second) << Key(o);
    EXPECT_TRUE(labels.insert(Label(o)).second) << Label(o);
    EXPECT_EQ(OutcomeFromKey(Key(o)), o) << Key(o);
  }
  keys.clear();
  labels.clear();
  ASSERT_EQ(AllReplyTypes().size(), 7u);
  for (ReplyType t : AllReplyTypes()) {
    EXPECT_TRUE(keys.insert(Key(t)).second) << Key(t);
    EXPECT_TRUE(labels.insert(Label(t)).second) << Label(t);
    EXPECT_EQ(ReplyTypeFromKey(Key(t)), t) << Key(t);
  }
  keys.clear();
  labels.clear();
  ASSERT_EQ(AllWithholdReasons().size(), 8u);
  for (WithholdReason r : AllWithholdReasons()) {
    EXPECT_TRUE(keys.insert(Key(r)).second) << Key(r);
    EXPECT_TRUE(labels.insert(Label(r)).second) << Label(r);
    EXPECT_EQ(WithholdReasonFromKey(Key(r)), r) << Key(r);
  }
  for (std::string_view bad : {"", "Granted", "granted ", "withheld", "unknown"}) {
    EXPECT_FALSE(OutcomeFromKey(bad).has_value()) << bad;
    EXPECT_FALSE(ReplyTypeFromKey(bad).has_value()) << bad;
    EXPECT_FALSE(WithholdReasonFromKey(bad).has_value()) << bad;
  }
}

TEST(Outcomes, ReplyTypesAreArticle36InOrder) {
  struct Row {
    ReplyType t;
    const char* key;
    const char* article;
  };
  const Row rows[] = {
      {ReplyType::kAlreadyPublic, "already_public", "第三十六条第（一）项"},
      {ReplyType::kDisclose, "disclose", "第三十六条第（二）项"},
      {ReplyType::kWithhold, "withhold", "第三十六条第（三）项"},
      {ReplyType::kNotExist, "not_exist", "第三十六条第（四）项"},
      {ReplyType::kNotThisOrgan, "not_this_organ", "第三十六条第（五）项"},
      {ReplyType::kRepeat, "repeat", "第三十六条第（六）项"},
      {ReplyType::kSpecialRegime, "special_regime", "第三十六条第（七）项"},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(Key(r.t), r.key);
    EXPECT_EQ(Article(r.t), r.article);
  }
}

TEST(Outcomes, WithholdReasonsMatchTheReportRows) {
  struct Row {
    WithholdReason r;
    Outcome o;
    Row3 row;
    const char* article;
  };
  const Row rows[] = {
      {WithholdReason::kStateSecret, Outcome::kWithheldStateSecret, Row3::kWithheldStateSecret,
       "第十四条"},
      {WithholdReason::kLawProhibited, Outcome::kWithheldLawProhibited,
       Row3::kWithheldLawProhibited, "第十四条"},
      {WithholdReason::kThreeSafeties, Outcome::kWithheldThreeSafeties,
       Row3::kWithheldThreeSafeties, "第十四条"},
      {WithholdReason::kThirdParty, Outcome::kWithheldThirdParty, Row3::kWithheldThirdParty,
       "第十五条"},
      {WithholdReason::kInternalAffairs, Outcome::kWithheldInternalAffairs,
       Row3::kWithheldInternalAffairs, "第十六条第一款"},
      {WithholdReason::kProcessInfo, Outcome::kWithheldProcessInfo, Row3::kWithheldProcessInfo,
       "第十六条第二款"},
      {WithholdReason::kEnforcementFile, Outcome::kWithheldEnforcementFile,
       Row3::kWithheldEnforcementFile, "第十六条第二款"},
      {WithholdReason::kQueryMatter, Outcome::kWithheldQueryMatter, Row3::kWithheldQueryMatter, ""},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(WithheldFor(r.r), r.o) << Key(r.r);
    EXPECT_EQ(WithholdReasonOf(r.o), r.r) << Key(r.r);
    EXPECT_EQ(ReplyTypeOf(r.o), ReplyType::kWithhold) << Key(r.r);
    EXPECT_EQ(Article(r.r), r.article) << Key(r.r);
    for (Format f : {Format::k2019, Format::k2021}) EXPECT_EQ(ReportRow(r.o, f), r.row);
    // The reason's label is the report row's printed label after its number.
    const std::string_view printed = report::Row3Info(r.row).label;
    EXPECT_EQ(printed.substr(printed.find('.') + 1), Label(r.r)) << printed;
  }
  EXPECT_FALSE(WithholdReasonOf(Outcome::kGranted).has_value());
  EXPECT_FALSE(WithholdReasonOf(Outcome::kSpecialRegime).has_value());
}

struct Mapping {
  Outcome o;
  const char* key;
  Row3 row2021;
  Row3 row2019;
  std::optional<ReplyType> reply;
};
// law.md §6.2 item 5 and report-format.md §2, row by row.
const Mapping kMappings[] = {
    {Outcome::kGranted, "granted", Row3::kGranted, Row3::kGranted, ReplyType::kDisclose},
    {Outcome::kAlreadyPublic, "already_public", Row3::kGranted, Row3::kGranted,
     ReplyType::kAlreadyPublic},
    {Outcome::kPartial, "partial", Row3::kPartiallyGranted, Row3::kPartiallyGranted, std::nullopt},
    {Outcome::kWithheldStateSecret, "withheld_state_secret", Row3::kWithheldStateSecret,
     Row3::kWithheldStateSecret, ReplyType::kWithhold},
    {Outcome::kWithheldLawProhibited, "withheld_law_prohibited", Row3::kWithheldLawProhibited,
     Row3::kWithheldLawProhibited, ReplyType::kWithhold},
    {Outcome::kWithheldThreeSafeties, "withheld_three_safeties", Row3::kWithheldThreeSafeties,
     Row3::kWithheldThreeSafeties, ReplyType::kWithhold},
    {Outcome::kWithheldThirdParty, "withheld_third_party", Row3::kWithheldThirdParty,
     Row3::kWithheldThirdParty, ReplyType::kWithhold},
    {Outcome::kWithheldInternalAffairs, "withheld_internal_affairs", Row3::kWithheldInternalAffairs,
     Row3::kWithheldInternalAffairs, ReplyType::kWithhold},
    {Outcome::kWithheldProcessInfo, "withheld_process_info", Row3::kWithheldProcessInfo,
     Row3::kWithheldProcessInfo, ReplyType::kWithhold},
    {Outcome::kWithheldEnforcementFile, "withheld_enforcement_file", Row3::kWithheldEnforcementFile,
     Row3::kWithheldEnforcementFile, ReplyType::kWithhold},
    {Outcome::kWithheldQueryMatter, "withheld_query_matter", Row3::kWithheldQueryMatter,
     Row3::kWithheldQueryMatter, ReplyType::kWithhold},
    {Outcome::kNotHeld, "not_held", Row3::kUnavailableNotHeld, Row3::kUnavailableNotHeld,
     ReplyType::kNotExist},
    {Outcome::kNotThisOrgan, "not_this_organ", Row3::kUnavailableNotHeld, Row3::kUnavailableNotHeld,
     ReplyType::kNotThisOrgan},
    {Outcome::kNeedsCreation, "needs_creation", Row3::kUnavailableNeedsCreation,
     Row3::kUnavailableNeedsCreation, std::nullopt},
    {Outcome::kUnclearAfterCorrection, "unclear_after_correction",
     Row3::kUnavailableUnclearAfterCorrection, Row3::kUnavailableUnclearAfterCorrection,
     std::nullopt},
    {Outcome::kSpecialRegime, "special_regime", Row3::kWithheldQueryMatter,
     Row3::kWithheldQueryMatter, ReplyType::kSpecialRegime},
    {Outcome::kPetition, "petition", Row3::kNotProcessedPetition, Row3::kNotProcessedPetition,
     std::nullopt},
    {Outcome::kRepeat, "repeat", Row3::kNotProcessedRepeat, Row3::kNotProcessedRepeat,
     ReplyType::kRepeat},
    {Outcome::kPublication, "publication", Row3::kNotProcessedPublication,
     Row3::kNotProcessedPublication, std::nullopt},
    {Outcome::kMassRepeat, "mass_repeat", Row3::kNotProcessedMassRepeat,
     Row3::kNotProcessedMassRepeat, std::nullopt},
    {Outcome::kConfirmOrReissue, "confirm_or_reissue", Row3::kNotProcessedConfirmOrReissue,
     Row3::kNotProcessedConfirmOrReissue, std::nullopt},
    {Outcome::kDeemedWithdrawn, "deemed_withdrawn", Row3::kOtherNoCorrection, Row3::kOther,
     std::nullopt},
    {Outcome::kFeeUnpaid, "fee_unpaid", Row3::kOtherNoFee, Row3::kOther, std::nullopt},
    {Outcome::kWithdrawn, "withdrawn", Row3::kOtherOther, Row3::kOther, std::nullopt},
    {Outcome::kOther, "other", Row3::kOtherOther, Row3::kOther, std::nullopt},
};

TEST(Outcomes, ReportRowAndReplyTypeOfEveryOutcome) {
  ASSERT_EQ(std::size(kMappings), static_cast<size_t>(kNumOutcomes));
  for (const Mapping& m : kMappings) {
    EXPECT_EQ(Key(m.o), m.key);
    EXPECT_EQ(ReportRow(m.o, Format::k2021), m.row2021) << m.key;
    EXPECT_EQ(ReportRow(m.o, Format::k2019), m.row2019) << m.key;
    EXPECT_EQ(ReplyTypeOf(m.o), m.reply) << m.key;
  }
}

TEST(Outcomes, EveryOutcomeRowOfEachFormatIsReachedAndNothingElse) {
  for (Format f : {Format::k2019, Format::k2021}) {
    std::set<Row3> outcome_rows, reached;
    for (const report::Row3Spec& spec : report::Rows3(f)) {
      if (spec.outcome) outcome_rows.insert(spec.id);
    }
    for (Outcome o : AllOutcomes()) reached.insert(ReportRow(o, f));
    EXPECT_EQ(reached, outcome_rows) << report::FormatId(f);
  }
}

TEST(Outcomes, EveryReplyTypeIsSomeOutcome) {
  std::set<ReplyType> reached;
  for (Outcome o : AllOutcomes()) {
    if (auto t = ReplyTypeOf(o)) reached.insert(*t);
  }
  EXPECT_EQ(reached.size(), 7u);
}

}  // namespace
}  // namespace gk::law
