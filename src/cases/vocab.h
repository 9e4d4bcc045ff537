// The vocabulary of the case file: every enum an event or a case state uses,
// each value with a stable snake_case key (stored in events and JSON, never
// renamed) and a Chinese label (shown to users).
//
//   Key(v)         → "natural_person"
//   Label(v)       → "自然人"
//   FromKey<E>(k)  → the value whose key is exactly k, or nullopt
//   AllValues<E>() → every value in declaration order
//   KeyList<E>()   → "a、b、c" for messages naming the accepted keys
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "law/fees.h"

namespace gk::cases {

// What kind of file a case is. 协助调查 (assistance requested by another office)
// is listed in the 台账 but is never an application of report section 三.
enum class CaseKind { kApplication, kAssistance };

// Where the case stands. kNone is the state before its first event.
enum class CaseStatus {
  kNone,                // 未接收: no event yet
  kReceived,            // 已接收 (Art. 31)
  kRegistered,          // 已登记: tracking number given
  kAssigned,            // 已转办: handling unit and handler named
  kAwaitingCorrection,  // 待补正 (Art. 30)
  kConsulting,          // 征求意见中 (Arts. 32–34)
  kUnderReview,         // 审查中: legal or confidentiality review of the reply
  kAwaitingFee,         // 待缴费 (国办函〔2020〕109号)
  kDecided,             // 已答复 (Art. 36; concluded)
  kServed,              // 已送达
  kWithdrawn,           // 已撤回 (concluded)
  kAbandoned,           // 视为放弃 (Art. 30 no correction, or fee unpaid; concluded)
  kArchived,            // 已归档
  kAnswered,            // 已复函 (assistance only)
};

// The type of an event. Order is the order of a typical application.
enum class EventType {
  kReceived,
  kRegistered,
  kAssigned,
  kCorrectionRequested,
  kCorrected,
  kDeemedWithdrawn,
  kConsultationStarted,
  kConsultationEnded,
  kExtended,
  kLaterDeadline,
  kLegalReview,
  kConfidentialityReview,
  kFeeNotified,
  kFeePaid,
  kFeeUnpaid,
  kDecided,
  kTransferred,
  kServed,
  kArchived,
  kWithdrawn,
  kReviewFiled,
  kReviewDecided,
  kLawsuitFiled,
  kLawsuitDecided,
  kAnswered,
};
inline constexpr int kNumEventTypes = 25;

// Art. 29, 31: how the application (or request) arrived.
enum class Channel { kOnline, kLetter, kInPerson, kFax, kEmail, kOral };

// Art. 31: how the receipt was confirmed with the applicant.
enum class ConfirmMethod { kAutoAck, kPhone, kSms, kEmail, kFax, kOther };

// The columns of report table 三, in the report's order (ColKey3).
enum class ApplicantType {
  kNaturalPerson,
  kCommercial,
  kResearch,
  kPublicInterest,
  kLegalService,
  kOther,
};

// Identity documents of interface.md "Application fields".
enum class IdType {
  kResidentId,
  kUscc,
  kPassport,
  kHkMacaoPermit,
  kTaiwanPermit,
  kForeignPermanentId,
  kOther,
};

// A document the applicant hands in with the application (Art. 29: identity
// proof; a 代理人's authorisation).
enum class AttachmentKind { kIdCopy, kAuthorisation, kOther };

enum class Medium { kElectronic, kPaper };                          // 载体 (Art. 29(3), 40)
enum class Delivery { kEmail, kPost, kPickup, kOnSite };            // 获取方式
enum class ConsultParty { kThirdParty, kOtherOrgan, kCoProducer };  // Arts. 32, 33, 34
enum class ConsultResult { kConsent, kObject, kNoAnswer, kReplied };
enum class ReviewResult { kPassed, kReturned };
enum class ServiceMethod { kPost, kEmail, kOnline, kPickup, kOnSite, kFax };
enum class ProceedingResult { kUpheld, kCorrected, kOther };  // report section 四 columns
enum class LawsuitRoute { kDirect, kAfterReview };
// Whether an event was recorded as the act happened or entered afterwards
// from an old 台账 (补录).
enum class Entry { kLive, kBackfilled };
// The role of whoever records an event (interface.md `user add`, plus the
// public form and the importer).
enum class ActorRole {
  kPublic,
  kImport,
  kHandler,
  kEditor,
  kReviewer,
  kAgencyAdmin,
  kSupervisor,
  kSysadmin,
};
// Why the reply clock stands still on some days.
enum class PauseReason { kConsultation, kFee };
enum class DueState { kOnTime, kDueSoon, kOverdue };

template <typename E>
struct EnumName {
  E value;
  std::string_view key;
  std::string_view label;
};

// Specialised in vocab.cpp for every enum above and for law::FeeMethod.
template <typename E>
std::span<const EnumName<E>> Names();

template <typename E>
std::string_view Key(E e) {
  for (const EnumName<E>& n : Names<E>()) {
    if (n.value == e) return n.key;
  }
  return "?";
}
template <typename E>
std::string_view Label(E e) {
  for (const EnumName<E>& n : Names<E>()) {
    if (n.value == e) return n.label;
  }
  return "?";
}
template <typename E>
std::optional<E> FromKey(std::string_view key) {
  for (const EnumName<E>& n : Names<E>()) {
    if (n.key == key) return n.value;
  }
  return std::nullopt;
}
template <typename E>
std::vector<E> AllValues() {
  std::vector<E> out;
  for (const EnumName<E>& n : Names<E>()) out.push_back(n.value);
  return out;
}
template <typename E>
std::string KeyList() {
  std::string out;
  for (const EnumName<E>& n : Names<E>()) {
    if (!out.empty()) out += "、";
    out += n.key;
  }
  return out;
}

template <>
std::span<const EnumName<CaseKind>> Names();
template <>
std::span<const EnumName<CaseStatus>> Names();
template <>
std::span<const EnumName<EventType>> Names();
template <>
std::span<const EnumName<Channel>> Names();
template <>
std::span<const EnumName<ConfirmMethod>> Names();
template <>
std::span<const EnumName<ApplicantType>> Names();
template <>
std::span<const EnumName<IdType>> Names();
template <>
std::span<const EnumName<Medium>> Names();
template <>
std::span<const EnumName<AttachmentKind>> Names();
template <>
std::span<const EnumName<Delivery>> Names();
template <>
std::span<const EnumName<ConsultParty>> Names();
template <>
std::span<const EnumName<ConsultResult>> Names();
template <>
std::span<const EnumName<ReviewResult>> Names();
template <>
std::span<const EnumName<ServiceMethod>> Names();
template <>
std::span<const EnumName<ProceedingResult>> Names();
template <>
std::span<const EnumName<LawsuitRoute>> Names();
template <>
std::span<const EnumName<Entry>> Names();
template <>
std::span<const EnumName<ActorRole>> Names();
template <>
std::span<const EnumName<PauseReason>> Names();
template <>
std::span<const EnumName<DueState>> Names();
template <>
std::span<const EnumName<law::FeeMethod>> Names();

// What recording an event of this type does, as a Chinese verb phrase for
// messages: "不能" + Action(t), e.g. "发出补正通知".
std::string_view Action(EventType t);

}  // namespace gk::cases
