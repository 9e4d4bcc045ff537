// Events of a case file. A case's history is an append-only list of events;
// its state, deadlines and report figures are projections of that list
// (projection.h). Pure values: no clock, no I/O. Dates of acts are given by the
// caller (`occurred_on`, the legal date, e.g. the Art. 31 receipt date) and so
// is the recording timestamp (`recorded_at`).
//
// Every event type has one payload struct; the payload's alternative in
// `Payload` determines the event's type (TypeOf). Optional text fields are ""
// when absent.
//
// JSON (docs/cases.md lists every payload):
// - PayloadToJson writes the payload alone, keys in a fixed order, optional
//   keys omitted when absent or "", on one line; invalid UTF-8 cannot occur in
//   a valid event and would be written as U+FFFD. The store keeps this text in
//   `events.payload`; the hash chain covers these bytes, so the writer is
//   deterministic: the same event always gives the same bytes.
// - PayloadFromJson(type, text) reads it back strictly: the text must be one
//   JSON object; every required key present with the right JSON type; no
//   unknown key; enum values among their keys; dates YYYY-MM-DD; then the
//   payload is validated (ValidatePayload). Errors are Status::Invalid naming
//   the field, e.g. `payload.application.phone：…`. Nothing throws.
// - EventToJson / EventFromJson: the whole event, keys case_id, sequence,
//   type, occurred_on, recorded_at, actor, entry, payload.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cases/vocab.h"
#include "core/date.h"
#include "core/status.h"
#include "law/fees.h"
#include "law/outcomes.h"

namespace gk::cases {

// ---- Receipt (Art. 29, 31) -----------------------------------------------------

// The evidence of the Art. 31 receipt date. Which dates a channel needs:
// - in_person, oral: none (the day submitted is the receipt date);
// - letter: signed_on (post that needs a signature: the day the organ signs)
//   or confirmed_on + confirmed_by (ordinary letter: the day the office
//   confirms with the applicant), exactly one of the two; postmark_on optional;
// - online, fax, email: confirmed_on + confirmed_by (双方确认之日; for the
//   online form the automatic acknowledgement, interface.md).
// The event's occurred_on must equal the receipt date these give.
struct ReceiptEvidence {
  std::optional<Date> postmark_on;  // 邮戳日期 (letter only)
  std::optional<Date> signed_on;    // 签收日期 (letter only)
  std::optional<Date> confirmed_on;
  std::optional<ConfirmMethod> confirmed_by;
  friend bool operator==(const ReceiptEvidence&, const ReceiptEvidence&) = default;
};

// A 代理人 acting for the applicant.
struct Agent {
  std::string name;
  IdType id_type = IdType::kResidentId;
  std::string id_number;
  std::string authorisation;  // reference of the authorisation document (授权委托书)
  friend bool operator==(const Agent&, const Agent&) = default;
};

// An uploaded document, stored by the store under its SHA-256; the event keeps
// the reference, so the hash chain covers the document's content too.
struct AttachmentRef {
  AttachmentKind kind = AttachmentKind::kIdCopy;
  std::string name;    // file name as uploaded
  std::string sha256;  // lower-case hex
  std::string mime;    // application/pdf | image/jpeg | image/png
  int64_t size = 0;    // bytes, 1 … kMaxAttachmentBytes
  friend bool operator==(const AttachmentRef&, const AttachmentRef&) = default;
};
inline constexpr int64_t kMaxAttachmentBytes = 5 * 1024 * 1024;
inline constexpr size_t kMaxAttachments = 5;

// The application fields of interface.md (Art. 29). Field names are the JSON
// keys.
struct Application {
  ApplicantType applicant_type = ApplicantType::kNaturalPerson;
  std::string name;
  IdType id_type = IdType::kResidentId;
  std::string id_number;
  std::string contact_person;  // organisations
  std::string phone;
  std::string address;
  std::string email;
  std::string description;  // the information sought
  Medium form = Medium::kElectronic;
  Delivery delivery = Delivery::kPost;
  std::optional<Agent> agent;
  std::vector<AttachmentRef> attachments;  // ID copies, authorisation (at most 5)
  friend bool operator==(const Application&, const Application&) = default;
};

// What another office asks of this agency (协助调查).
struct AssistanceRequest {
  std::string from_organ;  // requesting office
  std::string reference;   // its letter number (来文字号), may be ""
  std::string subject;
  std::optional<Date> reply_by;
  friend bool operator==(const AssistanceRequest&, const AssistanceRequest&) = default;
};

struct ReceivedPayload {
  CaseKind kind = CaseKind::kApplication;
  std::string agency_id;
  Channel channel = Channel::kOnline;
  ReceiptEvidence evidence;
  std::optional<Application> application;       // exactly when kind is application
  std::optional<AssistanceRequest> assistance;  // exactly when kind is assistance
  friend bool operator==(const ReceivedPayload&, const ReceivedPayload&) = default;
};

// ---- Handling --------------------------------------------------------------------

struct RegisteredPayload {
  std::string tracking_no;  // must equal the event's case_id
  friend bool operator==(const RegisteredPayload&, const RegisteredPayload&) = default;
};

struct AssignedPayload {  // 转办
  std::string unit;
  std::string handler;  // user id
  friend bool operator==(const AssignedPayload&, const AssignedPayload&) = default;
};

// Art. 30: one notice (一次性) of everything to correct, with a reasonable
// period; occurred_on is the notice date.
struct CorrectionRequestedPayload {
  std::string items;  // what to correct
  Date period_end;    // last day to correct; after occurred_on
  friend bool operator==(const CorrectionRequestedPayload&,
                         const CorrectionRequestedPayload&) = default;
};

// Art. 30: occurred_on is the receipt date of the corrected application; the
// reply period runs again from it.
struct CorrectedPayload {
  std::string summary;
  std::string late_reason;  // 正当理由: required when received after period_end
  friend bool operator==(const CorrectedPayload&, const CorrectedPayload&) = default;
};

// Art. 30: not corrected within the period (视为放弃申请).
struct DeemedWithdrawnPayload {
  std::string note;
  friend bool operator==(const DeemedWithdrawnPayload&, const DeemedWithdrawnPayload&) = default;
};

// Arts. 32–34: occurred_on is the day the request for opinions is sent; the
// time until the answer is not counted (Art. 33 ¶3).
struct ConsultationStartedPayload {
  std::string consultation_id;  // unique within the case, e.g. "1"
  ConsultParty party = ConsultParty::kThirdParty;
  std::string name;  // third party or organ consulted
  std::string subject;
  // Last day for the answer. Third parties and co-producing organs have 15
  // working days (Arts. 32, 34): not earlier than the 15th working day after
  // occurred_on.
  Date answer_by;
  friend bool operator==(const ConsultationStartedPayload&,
                         const ConsultationStartedPayload&) = default;
};

struct ConsultationEndedPayload {
  std::string consultation_id;
  ConsultResult result = ConsultResult::kReplied;
  std::string note;
  friend bool operator==(const ConsultationEndedPayload&,
                         const ConsultationEndedPayload&) = default;
};

// Art. 33 ¶2: extension of at most 20 working days, approved by the head of
// the disclosure office (agency_admin), with notice to the applicant.
struct ExtendedPayload {
  int days = 0;          // 1–20 working days
  std::string approver;  // user id of the approving head
  Date notice_on;        // notice to the applicant; not before occurred_on
  std::string reason;
  friend bool operator==(const ExtendedPayload&, const ExtendedPayload&) = default;
};

// Art. 35: the number or frequency of the applications is clearly beyond a
// reasonable range, the reasons given are reasonable, but the Art. 33 period
// cannot be met: the organ fixes a later deadline and notifies the applicant.
// The notified date replaces the due date.
struct LaterDeadlinePayload {
  Date due_on;     // the notified deadline; after the current due date
  Date notice_on;  // notice to the applicant; not before occurred_on
  std::string reason;
  friend bool operator==(const LaterDeadlinePayload&, const LaterDeadlinePayload&) = default;
};

// 法律顾问审核 and 保密审查 (Art. 17) of the draft reply.
struct ReviewFields {
  std::string reviewer;  // user id or name
  ReviewResult result = ReviewResult::kPassed;
  std::string note;
  friend bool operator==(const ReviewFields&, const ReviewFields&) = default;
};
struct LegalReviewPayload : ReviewFields {};
struct ConfidentialityReviewPayload : ReviewFields {};

// ---- Fees (Art. 42; 国办函〔2020〕109号) --------------------------------------------

struct FeeNotifiedPayload {
  law::FeeMethod method = law::FeeMethod::kByPiece;  // one method per application
  int quantity = 0;                                  // pieces or pages of this application
  int prior_pieces = 0;     // by piece: pieces already counted this month; by page: 0
  int64_t amount_yuan = 0;  // must equal law::FeeByPiece / FeeByPage total, > 0
  // The day the applicant received the notice: the 20 working days to pay
  // run from the next day (pay_by is computed, never stored).
  Date notice_received_on;
  friend bool operator==(const FeeNotifiedPayload&, const FeeNotifiedPayload&) = default;
};

struct FeePaidPayload {
  int64_t amount_yuan = 0;  // must equal the notified amount
  std::string receipt_ref;  // 缴款凭证
  friend bool operator==(const FeePaidPayload&, const FeePaidPayload&) = default;
};

struct FeeUnpaidPayload {
  std::string note;
  friend bool operator==(const FeeUnpaidPayload&, const FeeUnpaidPayload&) = default;
};

// ---- Conclusion -------------------------------------------------------------------

struct Organ {
  std::string name;
  std::string contact;  // address, telephone or website
  friend bool operator==(const Organ&, const Organ&) = default;
};

// The reply (Art. 36–39). reply_type is given exactly when the outcome is one
// of the seven replies of Art. 36 and must be that reply; withhold_reason is
// required for a withheld_* outcome (and must match it), optional for partial
// (the reason for the withheld part), absent otherwise. Outcomes with their
// own event (deemed_withdrawn, fee_unpaid, withdrawn) are refused here.
struct DecidedPayload {
  law::Outcome outcome = law::Outcome::kGranted;
  std::optional<law::ReplyType> reply_type;
  std::optional<law::WithholdReason> withhold_reason;
  std::string legal_basis;  // articles cited, e.g. 《条例》第三十六条第（二）项
  std::optional<Organ> competent_organ;  // not_this_organ only, when it can be determined
  std::string summary;
  friend bool operator==(const DecidedPayload&, const DecidedPayload&) = default;
};

// Art. 36(5): the information is another organ's; the applicant is told which
// one. A decision with outcome not_this_organ.
struct TransferredPayload {
  Organ organ;
  std::string legal_basis;
  std::string summary;
  friend bool operator==(const TransferredPayload&, const TransferredPayload&) = default;
};

struct ServedPayload {  // 送达
  ServiceMethod method = ServiceMethod::kPost;
  std::string proof;  // reference of the proof of service (回执, 邮件单号…)
  friend bool operator==(const ServedPayload&, const ServedPayload&) = default;
};

struct ArchivedPayload {
  std::string archive_ref;  // 档号
  friend bool operator==(const ArchivedPayload&, const ArchivedPayload&) = default;
};

struct WithdrawnPayload {  // by the applicant
  std::string reason;
  friend bool operator==(const WithdrawnPayload&, const WithdrawnPayload&) = default;
};

// ---- Administrative review and lawsuits (Art. 51; report section 四) -------------
// occurred_on of a *_filed event is the filing date, of a *_decided event the
// decision date.

struct ReviewFiledPayload {
  std::string review_id;  // case number, unique within the case
  std::string body;       // 复议机关
  friend bool operator==(const ReviewFiledPayload&, const ReviewFiledPayload&) = default;
};

struct ReviewDecidedPayload {
  std::string review_id;
  ProceedingResult result = ProceedingResult::kUpheld;
  std::string note;
  friend bool operator==(const ReviewDecidedPayload&, const ReviewDecidedPayload&) = default;
};

struct LawsuitFiledPayload {
  std::string lawsuit_id;  // unique within the case
  std::string court;
  LawsuitRoute route = LawsuitRoute::kDirect;
  std::string review_id;  // after_review: the review of this case it follows; else ""
  friend bool operator==(const LawsuitFiledPayload&, const LawsuitFiledPayload&) = default;
};

struct LawsuitDecidedPayload {
  std::string lawsuit_id;
  ProceedingResult result = ProceedingResult::kUpheld;
  std::string note;
  friend bool operator==(const LawsuitDecidedPayload&, const LawsuitDecidedPayload&) = default;
};

// ---- Assistance --------------------------------------------------------------------

struct AnsweredPayload {  // the reply letter to the requesting office
  std::string reply_ref;
  std::string summary;
  friend bool operator==(const AnsweredPayload&, const AnsweredPayload&) = default;
};

// One alternative per EventType, in EventType order.
using Payload =
    std::variant<ReceivedPayload, RegisteredPayload, AssignedPayload, CorrectionRequestedPayload,
                 CorrectedPayload, DeemedWithdrawnPayload, ConsultationStartedPayload,
                 ConsultationEndedPayload, ExtendedPayload, LaterDeadlinePayload,
                 LegalReviewPayload,
                 ConfidentialityReviewPayload, FeeNotifiedPayload, FeePaidPayload, FeeUnpaidPayload,
                 DecidedPayload, TransferredPayload, ServedPayload, ArchivedPayload,
                 WithdrawnPayload, ReviewFiledPayload, ReviewDecidedPayload, LawsuitFiledPayload,
                 LawsuitDecidedPayload, AnsweredPayload>;
static_assert(std::variant_size_v<Payload> == kNumEventTypes);

EventType TypeOf(const Payload& p);

// Actor names that are not user ids.
inline constexpr std::string_view kPublicActor = "public";  // the online form
inline constexpr std::string_view kImportActor = "import";  // 补录 from an old 台账

struct Event {
  std::string case_id;      // the tracking number
  int64_t sequence = 0;     // 1, 2, …: the case version this event creates
  Date occurred_on;         // legal date of the act
  std::string recorded_at;  // ISO 8601 timestamp of recording, e.g. 2021-03-01T09:30:00+08:00
  std::string actor;        // user id, "public" or "import"
  Entry entry = Entry::kLive;
  Payload payload;

  EventType type() const { return TypeOf(payload); }
  friend bool operator==(const Event&, const Event&) = default;
};

// Checks of an event on its own (no case state): header fields (case id 1–64
// printable ASCII characters without spaces, sequence ≥ 1, recorded_at an ISO
// 8601 date-time, actor non-empty) and the payload (ValidatePayload), plus the
// rules that tie them: the Art. 31 receipt date equals occurred_on; a
// registered tracking number equals case_id; an extension notice is not
// before occurred_on; a fee notice is not received before it is sent. Status
// Invalid, message in Chinese naming the field.
Status ValidateEvent(const Event& e);

// Field checks of a payload: required text present, lengths, check digits
// (resident_id → GB 11643, uscc → GB 32100), phone and e-mail forms, ranges.
// For backfilled (补录) entries the applicant's identity and contact fields may
// be empty (old 台账 often lack them); values that are given are still checked.
Status ValidatePayload(const Payload& p, Entry entry = Entry::kLive);

// The application fields alone, for the form and the API: the same checks as
// inside a received payload; messages name the field by its key
// (`phone：…`).
Status ValidateApplication(const Application& a, Entry entry = Entry::kLive);

// Art. 31: the receipt date the evidence gives for the channel, or Invalid
// when the evidence does not fit the channel (see ReceiptEvidence).
// in_person and oral give `submitted_on`.
Result<Date> ReceiptDate(Channel channel, const ReceiptEvidence& evidence, Date submitted_on);

std::string PayloadToJson(const Payload& p);
// `entry` is the stored event's entry (补录 relaxes the applicant fields).
Result<Payload> PayloadFromJson(EventType type, std::string_view json, Entry entry = Entry::kLive);

std::string EventToJson(const Event& e);
Result<Event> EventFromJson(std::string_view json);

}  // namespace gk::cases
