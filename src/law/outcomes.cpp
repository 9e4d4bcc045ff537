#include "law/outcomes.h"

#include <array>

namespace gk::law {
namespace {

using report::Row3;

struct ReplyTypeInfo {
  ReplyType id;
  std::string_view key;
  std::string_view label;
  std::string_view article;
};
constexpr ReplyTypeInfo kReplyTypes[kNumReplyTypes] = {
    {ReplyType::kAlreadyPublic, "already_public", "已主动公开", "第三十六条第（一）项"},
    {ReplyType::kDisclose, "disclose", "予以公开", "第三十六条第（二）项"},
    {ReplyType::kWithhold, "withhold", "不予公开", "第三十六条第（三）项"},
    {ReplyType::kNotExist, "not_exist", "信息不存在", "第三十六条第（四）项"},
    {ReplyType::kNotThisOrgan, "not_this_organ", "不属于本机关负责公开", "第三十六条第（五）项"},
    {ReplyType::kRepeat, "repeat", "重复申请，不予重复处理", "第三十六条第（六）项"},
    {ReplyType::kSpecialRegime, "special_regime", "依照有关法律、行政法规的规定办理",
     "第三十六条第（七）项"},
};

struct WithholdInfo {
  WithholdReason id;
  std::string_view key;
  std::string_view label;
  std::string_view article;
  Outcome outcome;
};
// Labels are the report's 不予公开 sub-rows without their numbers; articles per
// law.md §1.4.
constexpr WithholdInfo kWithholdReasons[kNumWithholdReasons] = {
    {WithholdReason::kStateSecret, "state_secret", "属于国家秘密", "第十四条",
     Outcome::kWithheldStateSecret},
    {WithholdReason::kLawProhibited, "law_prohibited", "其他法律行政法规禁止公开", "第十四条",
     Outcome::kWithheldLawProhibited},
    {WithholdReason::kThreeSafeties, "three_safeties", "危及“三安全一稳定”", "第十四条",
     Outcome::kWithheldThreeSafeties},
    {WithholdReason::kThirdParty, "third_party", "保护第三方合法权益", "第十五条",
     Outcome::kWithheldThirdParty},
    {WithholdReason::kInternalAffairs, "internal_affairs", "属于三类内部事务信息", "第十六条第一款",
     Outcome::kWithheldInternalAffairs},
    {WithholdReason::kProcessInfo, "process_info", "属于四类过程性信息", "第十六条第二款",
     Outcome::kWithheldProcessInfo},
    {WithholdReason::kEnforcementFile, "enforcement_file", "属于行政执法案卷", "第十六条第二款",
     Outcome::kWithheldEnforcementFile},
    {WithholdReason::kQueryMatter, "query_matter", "属于行政查询事项", "",
     Outcome::kWithheldQueryMatter},
};

constexpr std::optional<ReplyType> kNoReply = std::nullopt;

struct OutcomeInfo {
  Outcome id;
  std::string_view key;
  std::string_view label;
  std::optional<ReplyType> reply;
  Row3 row2021;  // the 2019 row is the same except （六） → Row3::kOther
};
// law.md §6.2 item 5: DISCLOSE/ALREADY_PUBLIC→（一）; PARTIAL→（二）;
// WITHHOLD→（三）by reason; NOT_EXIST/NOT_THIS_ORGAN→（四）1; NEEDS_CREATION→（四）2;
// PETITION→（五）1; REPEAT→（五）2; PUBLICATION→（五）3; UNREASONABLE→（五）4;
// DEEMED_WITHDRAWN→（六）1; FEE_UNPAID→（六）2.
// SPECIAL_REGIME (Art. 36(七)): law.md §6.2 leaves its row to practice
// (unverified). It goes to （三）8 属于行政查询事项, the report's row for
// information to be obtained through another statutory procedure (law.md §1.4,
// report-format.md §2: "matters that are handled through a statutory query
// procedure"), which is what 工商、不动产登记资料 are.
constexpr OutcomeInfo kOutcomes[kNumOutcomes] = {
    {Outcome::kGranted, "granted", "予以公开", ReplyType::kDisclose, Row3::kGranted},
    {Outcome::kAlreadyPublic, "already_public", "已主动公开", ReplyType::kAlreadyPublic,
     Row3::kGranted},
    {Outcome::kPartial, "partial", "部分公开", kNoReply, Row3::kPartiallyGranted},
    {Outcome::kWithheldStateSecret, "withheld_state_secret", "不予公开（属于国家秘密）",
     ReplyType::kWithhold, Row3::kWithheldStateSecret},
    {Outcome::kWithheldLawProhibited, "withheld_law_prohibited",
     "不予公开（其他法律行政法规禁止公开）", ReplyType::kWithhold, Row3::kWithheldLawProhibited},
    {Outcome::kWithheldThreeSafeties, "withheld_three_safeties", "不予公开（危及“三安全一稳定”）",
     ReplyType::kWithhold, Row3::kWithheldThreeSafeties},
    {Outcome::kWithheldThirdParty, "withheld_third_party", "不予公开（保护第三方合法权益）",
     ReplyType::kWithhold, Row3::kWithheldThirdParty},
    {Outcome::kWithheldInternalAffairs, "withheld_internal_affairs",
     "不予公开（属于三类内部事务信息）", ReplyType::kWithhold, Row3::kWithheldInternalAffairs},
    {Outcome::kWithheldProcessInfo, "withheld_process_info", "不予公开（属于四类过程性信息）",
     ReplyType::kWithhold, Row3::kWithheldProcessInfo},
    {Outcome::kWithheldEnforcementFile, "withheld_enforcement_file", "不予公开（属于行政执法案卷）",
     ReplyType::kWithhold, Row3::kWithheldEnforcementFile},
    {Outcome::kWithheldQueryMatter, "withheld_query_matter", "不予公开（属于行政查询事项）",
     ReplyType::kWithhold, Row3::kWithheldQueryMatter},
    {Outcome::kNotHeld, "not_held", "无法提供（本机关不掌握相关政府信息）", ReplyType::kNotExist,
     Row3::kUnavailableNotHeld},
    {Outcome::kNotThisOrgan, "not_this_organ", "不属于本机关负责公开", ReplyType::kNotThisOrgan,
     Row3::kUnavailableNotHeld},
    {Outcome::kNeedsCreation, "needs_creation", "无法提供（没有现成信息需要另行制作）", kNoReply,
     Row3::kUnavailableNeedsCreation},
    {Outcome::kUnclearAfterCorrection, "unclear_after_correction",
     "无法提供（补正后申请内容仍不明确）", kNoReply, Row3::kUnavailableUnclearAfterCorrection},
    {Outcome::kSpecialRegime, "special_regime", "依照有关法律、行政法规的规定办理",
     ReplyType::kSpecialRegime, Row3::kWithheldQueryMatter},
    {Outcome::kPetition, "petition", "不予处理（信访举报投诉类申请）", kNoReply,
     Row3::kNotProcessedPetition},
    {Outcome::kRepeat, "repeat", "不予处理（重复申请）", ReplyType::kRepeat,
     Row3::kNotProcessedRepeat},
    {Outcome::kPublication, "publication", "不予处理（要求提供公开出版物）", kNoReply,
     Row3::kNotProcessedPublication},
    {Outcome::kMassRepeat, "mass_repeat", "不予处理（无正当理由大量反复申请）", kNoReply,
     Row3::kNotProcessedMassRepeat},
    {Outcome::kConfirmOrReissue, "confirm_or_reissue",
     "不予处理（要求行政机关确认或重新出具已获取信息）", kNoReply,
     Row3::kNotProcessedConfirmOrReissue},
    {Outcome::kDeemedWithdrawn, "deemed_withdrawn", "其他处理（逾期不补正，视为放弃申请）",
     kNoReply, Row3::kOtherNoCorrection},
    {Outcome::kFeeUnpaid, "fee_unpaid", "其他处理（逾期未缴纳信息处理费，视为放弃申请）", kNoReply,
     Row3::kOtherNoFee},
    {Outcome::kWithdrawn, "withdrawn", "其他处理（申请人撤回申请）", kNoReply, Row3::kOtherOther},
    {Outcome::kOther, "other", "其他处理", kNoReply, Row3::kOtherOther},
};

// The tables are indexed by enum value; check their order at compile time.
constexpr bool TablesInEnumOrder() {
  for (int i = 0; i < kNumReplyTypes; ++i) {
    if (static_cast<int>(kReplyTypes[i].id) != i) return false;
  }
  for (int i = 0; i < kNumWithholdReasons; ++i) {
    if (static_cast<int>(kWithholdReasons[i].id) != i) return false;
  }
  for (int i = 0; i < kNumOutcomes; ++i) {
    if (static_cast<int>(kOutcomes[i].id) != i) return false;
  }
  return true;
}
static_assert(TablesInEnumOrder());
static_assert(static_cast<int>(Outcome::kOther) + 1 == kNumOutcomes);
static_assert(static_cast<int>(ReplyType::kSpecialRegime) + 1 == kNumReplyTypes);
static_assert(static_cast<int>(WithholdReason::kQueryMatter) + 1 == kNumWithholdReasons);

template <typename E, size_t N>
constexpr std::array<E, N> Ids(const auto(&table)[N]) {
  std::array<E, N> out{};
  for (size_t i = 0; i < N; ++i) out[i] = table[i].id;
  return out;
}
constexpr auto kAllReplyTypes = Ids<ReplyType>(kReplyTypes);
constexpr auto kAllWithholdReasons = Ids<WithholdReason>(kWithholdReasons);
constexpr auto kAllOutcomes = Ids<Outcome>(kOutcomes);

const ReplyTypeInfo& Info(ReplyType t) { return kReplyTypes[static_cast<int>(t)]; }
const WithholdInfo& Info(WithholdReason r) { return kWithholdReasons[static_cast<int>(r)]; }
const OutcomeInfo& Info(Outcome o) { return kOutcomes[static_cast<int>(o)]; }

template <typename E, size_t N>
std::optional<E> FromKey(const auto(&table)[N], std::string_view key) {
  for (const auto& info : table) {
    if (info.key == key) return info.id;
  }
  return std::nullopt;
}

}  // namespace

std::span<const ReplyType> AllReplyTypes() { return kAllReplyTypes; }
std::span<const WithholdReason> AllWithholdReasons() { return kAllWithholdReasons; }
std::span<const Outcome> AllOutcomes() { return kAllOutcomes; }

std::string_view Key(ReplyType t) { return Info(t).key; }
std::string_view Label(ReplyType t) { return Info(t).label; }
std::string_view Article(ReplyType t) { return Info(t).article; }
std::optional<ReplyType> ReplyTypeFromKey(std::string_view key) {
  return FromKey<ReplyType>(kReplyTypes, key);
}

std::string_view Key(WithholdReason r) { return Info(r).key; }
std::string_view Label(WithholdReason r) { return Info(r).label; }
std::string_view Article(WithholdReason r) { return Info(r).article; }
std::optional<WithholdReason> WithholdReasonFromKey(std::string_view key) {
  return FromKey<WithholdReason>(kWithholdReasons, key);
}

std::string_view Key(Outcome o) { return Info(o).key; }
std::string_view Label(Outcome o) { return Info(o).label; }
std::optional<Outcome> OutcomeFromKey(std::string_view key) {
  return FromKey<Outcome>(kOutcomes, key);
}

std::optional<ReplyType> ReplyTypeOf(Outcome o) { return Info(o).reply; }

std::optional<WithholdReason> WithholdReasonOf(Outcome o) {
  for (const WithholdInfo& w : kWithholdReasons) {
    if (w.outcome == o) return w.id;
  }
  return std::nullopt;
}

Outcome WithheldFor(WithholdReason r) { return Info(r).outcome; }

report::Row3 ReportRow(Outcome o, report::Format f) {
  const Row3 row = Info(o).row2021;
  if (f == report::Format::k2019 &&
      (row == Row3::kOtherNoCorrection || row == Row3::kOtherNoFee || row == Row3::kOtherOther)) {
    return Row3::kOther;  // 2019 format: （六）其他处理 is a single row
  }
  return row;
}

}  // namespace gk::law
