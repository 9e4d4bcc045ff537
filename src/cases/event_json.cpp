// JSON of events (events.h). Writing uses ordered_json so the key order is the
// code's order; reading is strict and never throws.
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cases/events.h"
#include "law/deadline.h"

namespace gk::cases {
namespace {

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

constexpr size_t kMaxJsonBytes = 1 << 20;  // 1 MiB: far above any real event

// ---- Writing ------------------------------------------------------------------------

void PutText(ojson& j, const char* key, const std::string& v) {
  if (!v.empty()) j[key] = v;
}
void PutDate(ojson& j, const char* key, const std::optional<Date>& d) {
  if (d) j[key] = d->ToString();
}
template <typename E>
void PutEnum(ojson& j, const char* key, E e) {
  j[key] = std::string(Key(e));
}

ojson AgentJson(const Agent& a) {
  ojson j = ojson::object();
  PutText(j, "name", a.name);
  PutEnum(j, "id_type", a.id_type);
  PutText(j, "id_number", a.id_number);
  PutText(j, "authorisation", a.authorisation);
  return j;
}

ojson ApplicationJson(const Application& a) {
  ojson j = ojson::object();
  PutEnum(j, "applicant_type", a.applicant_type);
  PutText(j, "name", a.name);
  PutEnum(j, "id_type", a.id_type);
  PutText(j, "id_number", a.id_number);
  PutText(j, "contact_person", a.contact_person);
  PutText(j, "phone", a.phone);
  PutText(j, "address", a.address);
  PutText(j, "email", a.email);
  PutText(j, "description", a.description);
  PutEnum(j, "form", a.form);
  PutEnum(j, "delivery", a.delivery);
  if (a.agent) j["agent"] = AgentJson(*a.agent);
  // Written only when present, so events without uploads keep their bytes.
  if (!a.attachments.empty()) {
    ojson list = ojson::array();
    for (const AttachmentRef& f : a.attachments) {
      ojson x = ojson::object();
      PutEnum(x, "kind", f.kind);
      PutText(x, "name", f.name);
      PutText(x, "sha256", f.sha256);
      PutText(x, "mime", f.mime);
      x["size"] = f.size;
      list.push_back(std::move(x));
    }
    j["attachments"] = std::move(list);
  }
  return j;
}

ojson OrganJson(const Organ& o) {
  ojson j = ojson::object();
  PutText(j, "name", o.name);
  PutText(j, "contact", o.contact);
  return j;
}

ojson ReviewJson(const ReviewFields& r) {
  ojson j = ojson::object();
  PutText(j, "reviewer", r.reviewer);
  PutEnum(j, "result", r.result);
  PutText(j, "note", r.note);
  return j;
}

struct Writer {
  ojson operator()(const ReceivedPayload& r) const {
    ojson j = ojson::object();
    PutEnum(j, "kind", r.kind);
    PutText(j, "agency_id", r.agency_id);
    PutEnum(j, "channel", r.channel);
    ojson ev = ojson::object();
    PutDate(ev, "postmark_on", r.evidence.postmark_on);
    PutDate(ev, "signed_on", r.evidence.signed_on);
    PutDate(ev, "confirmed_on", r.evidence.confirmed_on);
    if (r.evidence.confirmed_by) PutEnum(ev, "confirmed_by", *r.evidence.confirmed_by);
    j["evidence"] = std::move(ev);
    if (r.application) j["application"] = ApplicationJson(*r.application);
    if (r.assistance) {
      ojson a = ojson::object();
      PutText(a, "from_organ", r.assistance->from_organ);
      PutText(a, "reference", r.assistance->reference);
      PutText(a, "subject", r.assistance->subject);
      PutDate(a, "reply_by", r.assistance->reply_by);
      j["assistance"] = std::move(a);
    }
    return j;
  }
  ojson operator()(const RegisteredPayload& r) const {
    ojson j = ojson::object();
    PutText(j, "tracking_no", r.tracking_no);
    return j;
  }
  ojson operator()(const AssignedPayload& a) const {
    ojson j = ojson::object();
    PutText(j, "unit", a.unit);
    PutText(j, "handler", a.handler);
    return j;
  }
  ojson operator()(const CorrectionRequestedPayload& c) const {
    ojson j = ojson::object();
    PutText(j, "items", c.items);
    j["period_end"] = c.period_end.ToString();
    return j;
  }
  ojson operator()(const CorrectedPayload& c) const {
    ojson j = ojson::object();
    PutText(j, "summary", c.summary);
    PutText(j, "late_reason", c.late_reason);
    return j;
  }
  ojson operator()(const DeemedWithdrawnPayload& d) const {
    ojson j = ojson::object();
    PutText(j, "note", d.note);
    return j;
  }
  ojson operator()(const ConsultationStartedPayload& c) const {
    ojson j = ojson::object();
    PutText(j, "consultation_id", c.consultation_id);
    PutEnum(j, "party", c.party);
    PutText(j, "name", c.name);
    PutText(j, "subject", c.subject);
    j["answer_by"] = c.answer_by.ToString();
    return j;
  }
  ojson operator()(const ConsultationEndedPayload& c) const {
    ojson j = ojson::object();
    PutText(j, "consultation_id", c.consultation_id);
    PutEnum(j, "result", c.result);
    PutText(j, "note", c.note);
    return j;
  }
  ojson operator()(const ExtendedPayload& x) const {
    ojson j = ojson::object();
    j["days"] = x.days;
    PutText(j, "approver", x.approver);
    j["notice_on"] = x.notice_on.ToString();
    PutText(j, "reason", x.reason);
    return j;
  }
  ojson operator()(const LaterDeadlinePayload& x) const {
    ojson j = ojson::object();
    j["due_on"] = x.due_on.ToString();
    j["notice_on"] = x.notice_on.ToString();
    PutText(j, "reason", x.reason);
    return j;
  }
  ojson operator()(const LegalReviewPayload& r) const { return ReviewJson(r); }
  ojson operator()(const ConfidentialityReviewPayload& r) const { return ReviewJson(r); }
  ojson operator()(const FeeNotifiedPayload& f) const {
    ojson j = ojson::object();
    PutEnum(j, "method", f.method);
    j["quantity"] = f.quantity;
    j["prior_pieces"] = f.prior_pieces;
    j["amount_yuan"] = f.amount_yuan;
    j["notice_received_on"] = f.notice_received_on.ToString();
    return j;
  }
  ojson operator()(const FeePaidPayload& f) const {
    ojson j = ojson::object();
    j["amount_yuan"] = f.amount_yuan;
    PutText(j, "receipt_ref", f.receipt_ref);
    return j;
  }
  ojson operator()(const FeeUnpaidPayload& f) const {
    ojson j = ojson::object();
    PutText(j, "note", f.note);
    return j;
  }
  ojson operator()(const DecidedPayload& d) const {
    ojson j = ojson::object();
    j["outcome"] = std::string(law::Key(d.outcome));
    if (d.reply_type) j["reply_type"] = std::string(law::Key(*d.reply_type));
    if (d.withhold_reason) j["withhold_reason"] = std::string(law::Key(*d.withhold_reason));
    PutText(j, "legal_basis", d.legal_basis);
    if (d.competent_organ) j["competent_organ"] = OrganJson(*d.competent_organ);
    PutText(j, "summary", d.summary);
    return j;
  }
  ojson operator()(const TransferredPayload& t) const {
    ojson j = ojson::object();
    j["organ"] = OrganJson(t.organ);
    PutText(j, "legal_basis", t.legal_basis);
    PutText(j, "summary", t.summary);
    return j;
  }
  ojson operator()(const ServedPayload& s) const {
    ojson j = ojson::object();
    PutEnum(j, "method", s.method);
    PutText(j, "proof", s.proof);
    return j;
  }
  ojson operator()(const ArchivedPayload& a) const {
    ojson j = ojson::object();
    PutText(j, "archive_ref", a.archive_ref);
    return j;
  }
  ojson operator()(const WithdrawnPayload& w) const {
    ojson j = ojson::object();
    PutText(j, "reason", w.reason);
    return j;
  }
  ojson operator()(const ReviewFiledPayload& r) const {
    ojson j = ojson::object();
    PutText(j, "review_id", r.review_id);
    PutText(j, "body", r.body);
    return j;
  }
  ojson operator()(const ReviewDecidedPayload& r) const {
    ojson j = ojson::object();
    PutText(j, "review_id", r.review_id);
    PutEnum(j, "result", r.result);
    PutText(j, "note", r.note);
    return j;
  }
  ojson operator()(const LawsuitFiledPayload& l) const {
    ojson j = ojson::object();
    PutText(j, "lawsuit_id", l.lawsuit_id);
    PutText(j, "court", l.court);
    PutEnum(j, "route", l.route);
    PutText(j, "review_id", l.review_id);
    return j;
  }
  ojson operator()(const LawsuitDecidedPayload& l) const {
    ojson j = ojson::object();
    PutText(j, "lawsuit_id", l.lawsuit_id);
    PutEnum(j, "result", l.result);
    PutText(j, "note", l.note);
    return j;
  }
  ojson operator()(const AnsweredPayload& a) const {
    ojson j = ojson::object();
    PutText(j, "reply_ref", a.reply_ref);
    PutText(j, "summary", a.summary);
    return j;
  }
};

std::string Dump(const ojson& j) { return j.dump(-1, ' ', false, ojson::error_handler_t::replace); }

// ---- Reading ------------------------------------------------------------------------

// A short, safe rendering of a JSON value for messages (containers by their
// kind only, so nothing large or deep is dumped).
std::string Shown(const json& v) {
  if (v.is_object()) return "JSON对象";
  if (v.is_array()) return "JSON数组";
  std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

// Reads one JSON object strictly. The first problem is kept in *error (later
// calls do nothing once an error is set); Finish() reports unknown keys.
class ObjectReader {
 public:
  ObjectReader(const json& j, std::string path, std::string* error)
      : j_(j), path_(std::move(path)), error_(error) {
    if (!j_.is_object()) Fail(path_.empty() ? "event" : path_, "应为JSON对象，实际为" + Shown(j_));
  }

  bool ok() const { return error_->empty(); }

  // Text: absent or null reads as "".
  std::string Text(const char* key) {
    const json* v = Find(key);
    if (!v) return "";
    if (!v->is_string()) {
      Fail(Path(key), "应为字符串，实际为" + Shown(*v));
      return "";
    }
    return v->get<std::string>();
  }

  Date RequiredDate(const char* key) {
    std::optional<Date> d = OptionalDate(key);
    if (!d && ok()) Fail(Path(key), "缺少必填字段（日期，格式YYYY-MM-DD）");
    return d.value_or(Date());
  }
  std::optional<Date> OptionalDate(const char* key) {
    const json* v = Find(key);
    if (!v) return std::nullopt;
    if (v->is_string()) {
      Result<Date> d = Date::Parse(v->get<std::string>());
      if (d.ok()) return *d;
    }
    Fail(Path(key), "日期应为YYYY-MM-DD格式的字符串，实际为" + Shown(*v));
    return std::nullopt;
  }

  int64_t Integer(const char* key, int64_t lo, int64_t hi) {
    const json* v = Find(key);
    if (!v) {
      Fail(Path(key), "缺少必填字段（整数）");
      return 0;
    }
    if (!v->is_number_integer()) {
      Fail(Path(key), "应为整数，实际为" + Shown(*v));
      return 0;
    }
    if (v->is_number_unsigned() && v->get<uint64_t>() > static_cast<uint64_t>(hi)) {
      Fail(Path(key),
           "应在" + std::to_string(lo) + "至" + std::to_string(hi) + "之间，实际为" + Shown(*v));
      return 0;
    }
    const int64_t n = v->get<int64_t>();
    if (n < lo || n > hi) {
      Fail(Path(key),
           "应在" + std::to_string(lo) + "至" + std::to_string(hi) + "之间，实际为" + Shown(*v));
      return 0;
    }
    return n;
  }

  // An enum given by its key. `from_key` maps a key to the value; `keys` lists
  // the accepted keys for the message.
  template <typename E, typename F>
  std::optional<E> OptionalKey(const char* key, F from_key, const std::string& keys) {
    const json* v = Find(key);
    if (!v) return std::nullopt;
    if (v->is_string()) {
      if (std::optional<E> e = from_key(v->get<std::string>())) return e;
    }
    Fail(Path(key), "取值应为 " + keys + " 之一，实际为" + Shown(*v));
    return std::nullopt;
  }
  template <typename E, typename F>
  E RequiredKey(const char* key, F from_key, const std::string& keys) {
    std::optional<E> e = OptionalKey<E>(key, from_key, keys);
    if (!e && ok()) Fail(Path(key), "缺少必填字段，取值为 " + keys + " 之一");
    return e.value_or(E{});
  }
  template <typename E>
  std::optional<E> OptionalEnum(const char* key) {
    return OptionalKey<E>(key, FromKey<E>, KeyList<E>());
  }
  template <typename E>
  E RequiredEnum(const char* key) {
    return RequiredKey<E>(key, FromKey<E>, KeyList<E>());
  }

  // A nested object; nullptr when absent or null.
  const json* Child(const char* key) { return Find(key); }
  std::string Path(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }

  void Finish() {
    if (!ok() || !j_.is_object()) return;
    for (auto it = j_.begin(); it != j_.end(); ++it) {
      if (!seen_.contains(it.key())) {
        Fail(Path(it.key()), "未知字段");
        return;
      }
    }
  }

  void Fail(const std::string& path, const std::string& problem) {
    if (error_->empty()) *error_ = path + "：" + problem;
  }

 private:
  const json* Find(const char* key) {
    seen_.insert(key);
    if (!ok() || !j_.is_object()) return nullptr;
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return nullptr;
    return &*it;
  }

  const json& j_;
  std::string path_;
  std::string* error_;
  std::set<std::string> seen_;
};

std::string OutcomeKeys() {
  std::string s;
  for (law::Outcome o : law::AllOutcomes()) s += (s.empty() ? "" : "、") + std::string(law::Key(o));
  return s;
}
std::string ReplyTypeKeys() {
  std::string s;
  for (law::ReplyType t : law::AllReplyTypes()) {
    s += (s.empty() ? "" : "、") + std::string(law::Key(t));
  }
  return s;
}
std::string WithholdKeys() {
  std::string s;
  for (law::WithholdReason r : law::AllWithholdReasons()) {
    s += (s.empty() ? "" : "、") + std::string(law::Key(r));
  }
  return s;
}

Organ ReadOrgan(const json& j, const std::string& path, std::string* err) {
  ObjectReader r(j, path, err);
  Organ o;
  o.name = r.Text("name");
  o.contact = r.Text("contact");
  r.Finish();
  return o;
}

Agent ReadAgent(const json& j, const std::string& path, std::string* err) {
  ObjectReader r(j, path, err);
  Agent a;
  a.name = r.Text("name");
  a.id_type = r.OptionalEnum<IdType>("id_type").value_or(IdType::kResidentId);
  a.id_number = r.Text("id_number");
  a.authorisation = r.Text("authorisation");
  r.Finish();
  return a;
}

Application ReadApplication(const json& j, const std::string& path, std::string* err) {
  ObjectReader r(j, path, err);
  Application a;
  a.applicant_type = r.RequiredEnum<ApplicantType>("applicant_type");
  a.name = r.Text("name");
  // interface.md: id_type defaults to resident_id for a natural person, uscc otherwise.
  a.id_type = r.OptionalEnum<IdType>("id_type").value_or(
      a.applicant_type == ApplicantType::kNaturalPerson ? IdType::kResidentId : IdType::kUscc);
  a.id_number = r.Text("id_number");
  a.contact_person = r.Text("contact_person");
  a.phone = r.Text("phone");
  a.address = r.Text("address");
  a.email = r.Text("email");
  a.description = r.Text("description");
  a.form = r.RequiredEnum<Medium>("form");
  a.delivery =
      r.OptionalEnum<Delivery>("delivery").value_or(Delivery::kPost);  // interface.md default
  if (const json* agent = r.Child("agent")) a.agent = ReadAgent(*agent, r.Path("agent"), err);
  if (const json* list = r.Child("attachments")) {
    const std::string lpath = r.Path("attachments");
    if (!list->is_array() || list->size() > kMaxAttachments) {
      if (err->empty()) *err = lpath + "：应为不超过" + std::to_string(kMaxAttachments) + "项的数组";
    } else {
      for (size_t i = 0; i < list->size() && err->empty(); ++i) {
        ObjectReader x((*list)[i], lpath + "[" + std::to_string(i) + "]", err);
        AttachmentRef f;
        f.kind = x.RequiredEnum<AttachmentKind>("kind");
        f.name = x.Text("name");
        f.sha256 = x.Text("sha256");
        f.mime = x.Text("mime");
        f.size = x.Integer("size", 1, kMaxAttachmentBytes);
        x.Finish();
        a.attachments.push_back(std::move(f));
      }
    }
  }
  r.Finish();
  return a;
}

ReviewFields ReadReview(ObjectReader& r) {
  ReviewFields f;
  f.reviewer = r.Text("reviewer");
  f.result = r.RequiredEnum<ReviewResult>("result");
  f.note = r.Text("note");
  return f;
}

Payload ReadPayload(EventType type, const json& j, const std::string& path, std::string* err) {
  ObjectReader r(j, path, err);
  Payload out;
  switch (type) {
    case EventType::kReceived: {
      ReceivedPayload p;
      p.kind = r.RequiredEnum<CaseKind>("kind");
      p.agency_id = r.Text("agency_id");
      p.channel = r.RequiredEnum<Channel>("channel");
      if (const json* ev = r.Child("evidence")) {
        ObjectReader e(*ev, r.Path("evidence"), err);
        p.evidence.postmark_on = e.OptionalDate("postmark_on");
        p.evidence.signed_on = e.OptionalDate("signed_on");
        p.evidence.confirmed_on = e.OptionalDate("confirmed_on");
        p.evidence.confirmed_by = e.OptionalEnum<ConfirmMethod>("confirmed_by");
        e.Finish();
      }
      if (const json* a = r.Child("application")) {
        p.application = ReadApplication(*a, r.Path("application"), err);
      }
      if (const json* a = r.Child("assistance")) {
        ObjectReader s(*a, r.Path("assistance"), err);
        AssistanceRequest req;
        req.from_organ = s.Text("from_organ");
        req.reference = s.Text("reference");
        req.subject = s.Text("subject");
        req.reply_by = s.OptionalDate("reply_by");
        s.Finish();
        p.assistance = std::move(req);
      }
      out = std::move(p);
      break;
    }
    case EventType::kRegistered:
      out = RegisteredPayload{r.Text("tracking_no")};
      break;
    case EventType::kAssigned: {
      AssignedPayload p;
      p.unit = r.Text("unit");
      p.handler = r.Text("handler");
      out = std::move(p);
      break;
    }
    case EventType::kCorrectionRequested: {
      CorrectionRequestedPayload p;
      p.items = r.Text("items");
      p.period_end = r.RequiredDate("period_end");
      out = std::move(p);
      break;
    }
    case EventType::kCorrected: {
      CorrectedPayload p;
      p.summary = r.Text("summary");
      p.late_reason = r.Text("late_reason");
      out = std::move(p);
      break;
    }
    case EventType::kDeemedWithdrawn:
      out = DeemedWithdrawnPayload{r.Text("note")};
      break;
    case EventType::kConsultationStarted: {
      ConsultationStartedPayload p;
      p.consultation_id = r.Text("consultation_id");
      p.party = r.RequiredEnum<ConsultParty>("party");
      p.name = r.Text("name");
      p.subject = r.Text("subject");
      p.answer_by = r.RequiredDate("answer_by");
      out = std::move(p);
      break;
    }
    case EventType::kConsultationEnded: {
      ConsultationEndedPayload p;
      p.consultation_id = r.Text("consultation_id");
      p.result = r.RequiredEnum<ConsultResult>("result");
      p.note = r.Text("note");
      out = std::move(p);
      break;
    }
    case EventType::kExtended: {
      ExtendedPayload p;
      p.days = static_cast<int>(r.Integer("days", 1, law::kExtensionDays));
      p.approver = r.Text("approver");
      p.notice_on = r.RequiredDate("notice_on");
      p.reason = r.Text("reason");
      out = std::move(p);
      break;
    }
    case EventType::kLaterDeadline: {
      LaterDeadlinePayload p;
      p.due_on = r.RequiredDate("due_on");
      p.notice_on = r.RequiredDate("notice_on");
      p.reason = r.Text("reason");
      out = std::move(p);
      break;
    }
    case EventType::kLegalReview:
      out = LegalReviewPayload{ReadReview(r)};
      break;
    case EventType::kConfidentialityReview:
      out = ConfidentialityReviewPayload{ReadReview(r)};
      break;
    case EventType::kFeeNotified: {
      FeeNotifiedPayload p;
      p.method = r.RequiredEnum<law::FeeMethod>("method");
      p.quantity = static_cast<int>(r.Integer("quantity", 1, law::kMaxPiecesPerMonth));
      p.prior_pieces = static_cast<int>(r.Integer("prior_pieces", 0, law::kMaxPiecesPerMonth));
      p.amount_yuan = r.Integer("amount_yuan", 1, int64_t{1} << 50);
      p.notice_received_on = r.RequiredDate("notice_received_on");
      out = std::move(p);
      break;
    }
    case EventType::kFeePaid: {
      FeePaidPayload p;
      p.amount_yuan = r.Integer("amount_yuan", 1, int64_t{1} << 50);
      p.receipt_ref = r.Text("receipt_ref");
      out = std::move(p);
      break;
    }
    case EventType::kFeeUnpaid:
      out = FeeUnpaidPayload{r.Text("note")};
      break;
    case EventType::kDecided: {
      DecidedPayload p;
      p.outcome = r.RequiredKey<law::Outcome>("outcome", law::OutcomeFromKey, OutcomeKeys());
      p.reply_type =
          r.OptionalKey<law::ReplyType>("reply_type", law::ReplyTypeFromKey, ReplyTypeKeys());
      p.withhold_reason = r.OptionalKey<law::WithholdReason>(
          "withhold_reason", law::WithholdReasonFromKey, WithholdKeys());
      p.legal_basis = r.Text("legal_basis");
      if (const json* o = r.Child("competent_organ")) {
        p.competent_organ = ReadOrgan(*o, r.Path("competent_organ"), err);
      }
      p.summary = r.Text("summary");
      out = std::move(p);
      break;
    }
    case EventType::kTransferred: {
      TransferredPayload p;
      if (const json* o = r.Child("organ")) {
        p.organ = ReadOrgan(*o, r.Path("organ"), err);
      } else {
        r.Fail(r.Path("organ"), "缺少必填字段（负责公开的机关）");
      }
      p.legal_basis = r.Text("legal_basis");
      p.summary = r.Text("summary");
      out = std::move(p);
      break;
    }
    case EventType::kServed: {
      ServedPayload p;
      p.method = r.RequiredEnum<ServiceMethod>("method");
      p.proof = r.Text("proof");
      out = std::move(p);
      break;
    }
    case EventType::kArchived:
      out = ArchivedPayload{r.Text("archive_ref")};
      break;
    case EventType::kWithdrawn:
      out = WithdrawnPayload{r.Text("reason")};
      break;
    case EventType::kReviewFiled: {
      ReviewFiledPayload p;
      p.review_id = r.Text("review_id");
      p.body = r.Text("body");
      out = std::move(p);
      break;
    }
    case EventType::kReviewDecided: {
      ReviewDecidedPayload p;
      p.review_id = r.Text("review_id");
      p.result = r.RequiredEnum<ProceedingResult>("result");
      p.note = r.Text("note");
      out = std::move(p);
      break;
    }
    case EventType::kLawsuitFiled: {
      LawsuitFiledPayload p;
      p.lawsuit_id = r.Text("lawsuit_id");
      p.court = r.Text("court");
      p.route = r.RequiredEnum<LawsuitRoute>("route");
      p.review_id = r.Text("review_id");
      out = std::move(p);
      break;
    }
    case EventType::kLawsuitDecided: {
      LawsuitDecidedPayload p;
      p.lawsuit_id = r.Text("lawsuit_id");
      p.result = r.RequiredEnum<ProceedingResult>("result");
      p.note = r.Text("note");
      out = std::move(p);
      break;
    }
    case EventType::kAnswered: {
      AnsweredPayload p;
      p.reply_ref = r.Text("reply_ref");
      p.summary = r.Text("summary");
      out = std::move(p);
      break;
    }
  }
  r.Finish();
  return out;
}

// Nesting deeper than any event has (payload.application.agent is 3 levels
// below the event) is refused before parsing.
constexpr int kMaxDepth = 16;

bool TooDeep(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxDepth) return true;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return false;
}

// Parses text into a JSON value; Invalid naming `what` when it is not JSON.
Result<json> Parse(std::string_view text, std::string_view what) {
  if (text.size() > kMaxJsonBytes) {
    return Status::Invalid(std::string(what) + "：JSON超过1 MiB");
  }
  if (TooDeep(text)) {
    return Status::Invalid(std::string(what) + "：JSON嵌套超过" + std::to_string(kMaxDepth) + "层");
  }
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    return Status::Invalid(std::string(what) + "：不是有效的JSON（" + e.what() + "）");
  }
}

}  // namespace

std::string PayloadToJson(const Payload& p) { return Dump(std::visit(Writer{}, p)); }

Result<Payload> PayloadFromJson(EventType type, std::string_view text, Entry entry) {
  try {
    Result<json> j = Parse(text, "payload");
    if (!j.ok()) return j.status();
    std::string err;
    Payload p = ReadPayload(type, *j, "payload", &err);
    if (!err.empty()) return Status::Invalid(err);
    if (Status s = ValidatePayload(p, entry); !s.ok()) return s;
    return p;
  } catch (const std::exception& e) {  // not expected: the reader checks types first
    return Status::Invalid(std::string("payload：无法读取（") + e.what() + "）");
  }
}

std::string EventToJson(const Event& e) {
  ojson j = ojson::object();
  j["case_id"] = e.case_id;
  j["sequence"] = e.sequence;
  j["type"] = std::string(Key(e.type()));
  j["occurred_on"] = e.occurred_on.ToString();
  j["recorded_at"] = e.recorded_at;
  j["actor"] = e.actor;
  j["entry"] = std::string(Key(e.entry));
  j["payload"] = std::visit(Writer{}, e.payload);
  return Dump(j);
}

Result<Event> EventFromJson(std::string_view text) {
  try {
    Result<json> j = Parse(text, "event");
    if (!j.ok()) return j.status();
    std::string err;
    ObjectReader r(*j, "", &err);
    Event e;
    e.case_id = r.Text("case_id");
    e.sequence = r.Integer("sequence", 1, int64_t{1} << 53);
    const EventType type = r.RequiredEnum<EventType>("type");
    e.occurred_on = r.RequiredDate("occurred_on");
    e.recorded_at = r.Text("recorded_at");
    e.actor = r.Text("actor");
    e.entry = r.RequiredEnum<Entry>("entry");
    const json* payload = r.Child("payload");
    if (r.ok() && !payload) r.Fail("payload", "缺少必填字段（JSON对象）");
    if (r.ok()) e.payload = ReadPayload(type, *payload, "payload", &err);
    r.Finish();
    if (!err.empty()) return Status::Invalid(err);
    if (Status s = ValidateEvent(e); !s.ok()) return s;
    return e;
  } catch (const std::exception& ex) {
    return Status::Invalid(std::string("event：无法读取（") + ex.what() + "）");
  }
}

}  // namespace gk::cases
