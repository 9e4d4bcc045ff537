#include "cases/vocab.h"

#include <array>
#include <iterator>

namespace gk::cases {
namespace {

// Each table lists every value once, in declaration order (checked below and by
// vocab_test). Keys are stored in events: never rename one.
constexpr EnumName<CaseKind> kCaseKinds[] = {
    {CaseKind::kApplication, "application", "政府信息公开申请"},
    {CaseKind::kAssistance, "assistance", "协助调查"},
};

constexpr EnumName<CaseStatus> kStatuses[] = {
    {CaseStatus::kNone, "none", "未接收"},
    {CaseStatus::kReceived, "received", "已接收"},
    {CaseStatus::kRegistered, "registered", "已登记"},
    {CaseStatus::kAssigned, "assigned", "已转办"},
    {CaseStatus::kAwaitingCorrection, "awaiting_correction", "待补正"},
    {CaseStatus::kConsulting, "consulting", "征求意见中"},
    {CaseStatus::kUnderReview, "under_review", "审查中"},
    {CaseStatus::kAwaitingFee, "awaiting_fee", "待缴费"},
    {CaseStatus::kDecided, "decided", "已答复"},
    {CaseStatus::kServed, "served", "已送达"},
    {CaseStatus::kWithdrawn, "withdrawn", "已撤回"},
    {CaseStatus::kAbandoned, "abandoned", "视为放弃"},
    {CaseStatus::kArchived, "archived", "已归档"},
    {CaseStatus::kAnswered, "answered", "已复函"},
};

struct EventTypeInfo {
  EventType type;
  std::string_view key;
  std::string_view label;   // for the timeline
  std::string_view action;  // for "不能…" messages
};
constexpr EventTypeInfo kEventTypes[] = {
    {EventType::kReceived, "received", "收到申请", "登记收到申请"},
    {EventType::kRegistered, "registered", "登记", "登记编号"},
    {EventType::kAssigned, "assigned", "转办", "转办"},
    {EventType::kCorrectionRequested, "correction_requested", "告知补正", "发出补正通知"},
    {EventType::kCorrected, "corrected", "收到补正后的申请", "登记补正后的申请"},
    {EventType::kDeemedWithdrawn, "deemed_withdrawn", "逾期未补正，视为放弃申请",
     "认定逾期未补正、视为放弃申请"},
    {EventType::kConsultationStarted, "consultation_started", "征求意见", "开始征求意见"},
    {EventType::kConsultationEnded, "consultation_ended", "征求意见结束", "结束征求意见"},
    {EventType::kExtended, "extended", "延长答复期限", "延长答复期限"},
    {EventType::kLaterDeadline, "later_deadline", "另行确定答复期限", "另行确定答复期限"},
    {EventType::kLegalReview, "legal_review", "法律审核", "登记法律审核意见"},
    {EventType::kConfidentialityReview, "confidentiality_review", "保密审查", "登记保密审查意见"},
    {EventType::kFeeNotified, "fee_notified", "发出收费通知", "发出收费通知"},
    {EventType::kFeePaid, "fee_paid", "缴纳信息处理费", "登记缴费"},
    {EventType::kFeeUnpaid, "fee_unpaid", "逾期未缴费，视为放弃申请", "认定逾期未缴费"},
    {EventType::kDecided, "decided", "作出答复", "作出答复"},
    {EventType::kTransferred, "transferred", "告知不属于本机关负责公开",
     "告知不属于本机关负责公开"},
    {EventType::kServed, "served", "送达", "登记送达"},
    {EventType::kArchived, "archived", "归档", "归档"},
    {EventType::kWithdrawn, "withdrawn", "申请人撤回申请", "登记撤回申请"},
    {EventType::kReviewFiled, "review_filed", "申请行政复议", "登记行政复议申请"},
    {EventType::kReviewDecided, "review_decided", "行政复议决定", "登记行政复议结果"},
    {EventType::kLawsuitFiled, "lawsuit_filed", "提起行政诉讼", "登记行政诉讼"},
    {EventType::kLawsuitDecided, "lawsuit_decided", "行政诉讼裁判", "登记行政诉讼结果"},
    {EventType::kAnswered, "answered", "复函", "复函"},
};
static_assert(std::size(kEventTypes) == kNumEventTypes);

constexpr auto MakeEventNames() {
  std::array<EnumName<EventType>, kNumEventTypes> out{};
  for (int i = 0; i < kNumEventTypes; ++i) {
    out[i] = {kEventTypes[i].type, kEventTypes[i].key, kEventTypes[i].label};
  }
  return out;
}
constexpr auto kEventNames = MakeEventNames();

constexpr EnumName<Channel> kChannels[] = {
    {Channel::kOnline, "online", "网上申请"},      {Channel::kLetter, "letter", "信函"},
    {Channel::kInPerson, "in_person", "当面提交"}, {Channel::kFax, "fax", "传真"},
    {Channel::kEmail, "email", "电子邮件"},        {Channel::kOral, "oral", "口头提出"},
};

constexpr EnumName<ConfirmMethod> kConfirmMethods[] = {
    {ConfirmMethod::kAutoAck, "auto_ack", "系统自动确认"},
    {ConfirmMethod::kPhone, "phone", "电话"},
    {ConfirmMethod::kSms, "sms", "短信"},
    {ConfirmMethod::kEmail, "email", "电子邮件"},
    {ConfirmMethod::kFax, "fax", "传真"},
    {ConfirmMethod::kOther, "other", "其他"},
};

constexpr EnumName<ApplicantType> kApplicantTypes[] = {
    {ApplicantType::kNaturalPerson, "natural_person", "自然人"},
    {ApplicantType::kCommercial, "commercial", "商业企业"},
    {ApplicantType::kResearch, "research", "科研机构"},
    {ApplicantType::kPublicInterest, "public_interest", "社会公益组织"},
    {ApplicantType::kLegalService, "legal_service", "法律服务机构"},
    {ApplicantType::kOther, "other", "其他"},
};

constexpr EnumName<IdType> kIdTypes[] = {
    {IdType::kResidentId, "resident_id", "居民身份证"},
    {IdType::kUscc, "uscc", "统一社会信用代码"},
    {IdType::kPassport, "passport", "护照"},
    {IdType::kHkMacaoPermit, "hk_macao_permit", "港澳居民来往内地通行证"},
    {IdType::kTaiwanPermit, "taiwan_permit", "台湾居民来往大陆通行证"},
    {IdType::kForeignPermanentId, "foreign_permanent_id", "外国人永久居留身份证"},
    {IdType::kOther, "other", "其他证件"},
};

constexpr EnumName<AttachmentKind> kAttachmentKinds[] = {
    {AttachmentKind::kIdCopy, "id_copy", "身份证明复印件"},
    {AttachmentKind::kAuthorisation, "authorisation", "授权委托书"},
    {AttachmentKind::kOther, "other", "其他材料"},
};
constexpr EnumName<Medium> kMedia[] = {
    {Medium::kElectronic, "electronic", "电子"},
    {Medium::kPaper, "paper", "纸质"},
};

constexpr EnumName<Delivery> kDeliveries[] = {
    {Delivery::kEmail, "email", "电子邮件"},
    {Delivery::kPost, "post", "邮寄"},
    {Delivery::kPickup, "pickup", "自行领取"},
    {Delivery::kOnSite, "on_site", "当场阅读、抄录"},
};

constexpr EnumName<ConsultParty> kConsultParties[] = {
    {ConsultParty::kThirdParty, "third_party", "第三方（第三十二条）"},
    {ConsultParty::kOtherOrgan, "other_organ", "其他机关（第三十三条）"},
    {ConsultParty::kCoProducer, "co_producer", "共同制作机关（第三十四条）"},
};

constexpr EnumName<ConsultResult> kConsultResults[] = {
    {ConsultResult::kConsent, "consent", "同意公开"},
    {ConsultResult::kObject, "object", "不同意公开"},
    {ConsultResult::kNoAnswer, "no_answer", "逾期未答复"},
    {ConsultResult::kReplied, "replied", "已回复意见"},
};

constexpr EnumName<ReviewResult> kReviewResults[] = {
    {ReviewResult::kPassed, "passed", "通过"},
    {ReviewResult::kReturned, "returned", "退回修改"},
};

constexpr EnumName<ServiceMethod> kServiceMethods[] = {
    {ServiceMethod::kPost, "post", "邮寄送达"},
    {ServiceMethod::kEmail, "email", "电子邮件送达"},
    {ServiceMethod::kOnline, "online", "网上送达"},
    {ServiceMethod::kPickup, "pickup", "自行领取"},
    {ServiceMethod::kOnSite, "on_site", "当场送达"},
    {ServiceMethod::kFax, "fax", "传真送达"},
};

constexpr EnumName<ProceedingResult> kProceedingResults[] = {
    {ProceedingResult::kUpheld, "upheld", "结果维持"},
    {ProceedingResult::kCorrected, "corrected", "结果纠正"},
    {ProceedingResult::kOther, "other", "其他结果"},
};

constexpr EnumName<LawsuitRoute> kLawsuitRoutes[] = {
    {LawsuitRoute::kDirect, "direct", "未经复议直接起诉"},
    {LawsuitRoute::kAfterReview, "after_review", "复议后起诉"},
};

constexpr EnumName<Entry> kEntries[] = {
    {Entry::kLive, "live", "实时登记"},
    {Entry::kBackfilled, "backfilled", "补录"},
};

constexpr EnumName<ActorRole> kRoles[] = {
    {ActorRole::kPublic, "public", "申请人（网上）"},
    {ActorRole::kImport, "import", "补录导入"},
    {ActorRole::kHandler, "handler", "承办人"},
    {ActorRole::kEditor, "editor", "编辑"},
    {ActorRole::kReviewer, "reviewer", "审核人"},
    {ActorRole::kAgencyAdmin, "agency_admin", "机构负责人"},
    {ActorRole::kSupervisor, "supervisor", "主管部门"},
    {ActorRole::kSysadmin, "sysadmin", "系统管理员"},
};

constexpr EnumName<PauseReason> kPauseReasons[] = {
    {PauseReason::kConsultation, "consultation", "征求意见"},
    {PauseReason::kFee, "fee", "等待缴纳信息处理费"},
};

constexpr EnumName<DueState> kDueStates[] = {
    {DueState::kOnTime, "on_time", "正常"},
    {DueState::kDueSoon, "due_soon", "即将到期"},
    {DueState::kOverdue, "overdue", "已超期"},
};

constexpr EnumName<law::FeeMethod> kFeeMethods[] = {
    {law::FeeMethod::kByPiece, "by_piece", "按件计收"},
    {law::FeeMethod::kByPage, "by_page", "按量计收"},
};

template <typename E, size_t N>
constexpr bool InOrder(const EnumName<E> (&table)[N]) {
  for (size_t i = 0; i < N; ++i) {
    if (static_cast<size_t>(table[i].value) != i) return false;
  }
  return true;
}
static_assert(InOrder(kCaseKinds) && InOrder(kStatuses) && InOrder(kChannels) &&
              InOrder(kConfirmMethods) && InOrder(kApplicantTypes) && InOrder(kIdTypes) &&
              InOrder(kMedia) && InOrder(kDeliveries) && InOrder(kConsultParties) &&
              InOrder(kConsultResults) && InOrder(kReviewResults) && InOrder(kServiceMethods) &&
              InOrder(kProceedingResults) && InOrder(kLawsuitRoutes) && InOrder(kEntries) &&
              InOrder(kRoles) && InOrder(kPauseReasons) && InOrder(kDueStates) &&
              InOrder(kFeeMethods));

constexpr bool EventTypesInOrder() {
  for (int i = 0; i < kNumEventTypes; ++i) {
    if (static_cast<int>(kEventTypes[i].type) != i) return false;
  }
  return true;
}
static_assert(EventTypesInOrder());
static_assert(static_cast<int>(EventType::kAnswered) + 1 == kNumEventTypes);

}  // namespace

template <>
std::span<const EnumName<CaseKind>> Names() {
  return kCaseKinds;
}
template <>
std::span<const EnumName<CaseStatus>> Names() {
  return kStatuses;
}
template <>
std::span<const EnumName<EventType>> Names() {
  return kEventNames;
}
template <>
std::span<const EnumName<Channel>> Names() {
  return kChannels;
}
template <>
std::span<const EnumName<ConfirmMethod>> Names() {
  return kConfirmMethods;
}
template <>
std::span<const EnumName<ApplicantType>> Names() {
  return kApplicantTypes;
}
template <>
std::span<const EnumName<IdType>> Names() {
  return kIdTypes;
}
template <>
std::span<const EnumName<Medium>> Names() {
  return kMedia;
}
template <>
std::span<const EnumName<AttachmentKind>> Names() {
  return kAttachmentKinds;
}
template <>
std::span<const EnumName<Delivery>> Names() {
  return kDeliveries;
}
template <>
std::span<const EnumName<ConsultParty>> Names() {
  return kConsultParties;
}
template <>
std::span<const EnumName<ConsultResult>> Names() {
  return kConsultResults;
}
template <>
std::span<const EnumName<ReviewResult>> Names() {
  return kReviewResults;
}
template <>
std::span<const EnumName<ServiceMethod>> Names() {
  return kServiceMethods;
}
template <>
std::span<const EnumName<ProceedingResult>> Names() {
  return kProceedingResults;
}
template <>
std::span<const EnumName<LawsuitRoute>> Names() {
  return kLawsuitRoutes;
}
template <>
std::span<const EnumName<Entry>> Names() {
  return kEntries;
}
template <>
std::span<const EnumName<ActorRole>> Names() {
  return kRoles;
}
template <>
std::span<const EnumName<PauseReason>> Names() {
  return kPauseReasons;
}
template <>
std::span<const EnumName<DueState>> Names() {
  return kDueStates;
}
template <>
std::span<const EnumName<law::FeeMethod>> Names() {
  return kFeeMethods;
}

std::string_view Action(EventType t) {
  const int i = static_cast<int>(t);
  return i >= 0 && i < kNumEventTypes ? kEventTypes[i].action : "?";
}

}  // namespace gk::cases
