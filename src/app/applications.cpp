#include "app/applications.h"

#include <cstdio>

#include "app/case_files.h"
#include "cases/vocab.h"
#include "core/hash.h"
#include "core/text.h"

namespace gk::app {
namespace {

// Query codes avoid characters that are easy to confuse (0/O, 1/I/L).
constexpr std::string_view kCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
constexpr size_t kQueryCodeLength = 10;

std::string Trim(std::string_view s) {
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  size_t b = 0, e = s.size();
  while (b < e && ws(s[b])) ++b;
  while (e > b && ws(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

std::string Field(const ApplicationFields& f, const std::string& key) {
  auto it = f.find(key);
  return it == f.end() ? std::string() : Trim(it->second);
}

SubmitOutcome Error(std::string field, std::string message) {
  SubmitOutcome o;
  o.error = FieldError{std::move(field), std::move(message)};
  return o;
}

// The domain's messages are "path：message"; the path names the field.
FieldError ToFieldError(const Status& s) {
  const std::string& m = s.message();
  const size_t colon = m.find("：");
  if (colon == std::string::npos) return {"application", m};
  std::string path = m.substr(0, colon);
  for (std::string_view prefix : {"payload.application.", "application."}) {
    if (path.rfind(prefix, 0) == 0) path = path.substr(prefix.size());
  }
  return {path, m};
}

template <typename E>
std::optional<E> EnumField(const ApplicationFields& f, const std::string& key, SubmitOutcome* err,
                           std::optional<E> fallback = std::nullopt) {
  const std::string v = Field(f, key);
  if (v.empty()) {
    if (!fallback) *err = Error(key, key + "：不能为空");
    return fallback;
  }
  auto e = cases::FromKey<E>(v);
  if (!e) *err = Error(key, key + "：取值应为 " + cases::KeyList<E>() + " 之一");
  return e;
}


std::string HashCode(std::string_view tracking_no, std::string_view code) {
  return Sha256Hex(std::string(tracking_no) + ":" + std::string(code));
}

}  // namespace

std::string TrackingNumber(const store::AgencyRow& a, int year, int64_t serial) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%05lld", year, static_cast<long long>(serial));
  return TrackingPrefix(a) + buf;
}

std::string TrackingPrefix(const store::AgencyRow& a) {
  if (!a.code.empty()) return a.code;
  std::string code;
  for (size_t i = 0; i < a.id.size(); ++i) {
    if (i == 0 || a.id[i - 1] == '-') {
      char c = a.id[i];
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) code.push_back(c);
    }
  }
  return code.empty() ? "GK" : code;
}

namespace {

// The type of an upload by its first bytes; "" when not PDF, JPEG or PNG.
std::string SniffMime(std::string_view b) {
  if (b.substr(0, 5) == "%PDF-") return "application/pdf";
  if (b.substr(0, 3) == "\xFF\xD8\xFF") return "image/jpeg";
  if (b.substr(0, 8) == "\x89PNG\r\n\x1A\n") return "image/png";
  return "";
}

}  // namespace

Result<SubmitOutcome> SubmitApplication(store::Store& store, const law::Calendar& cal,
                                        const ApplicationFields& f, const SubmitContext& ctx,
                                        const std::vector<Upload>& uploads) {
  const std::string agency_id = Field(f, "agency_id");
  if (agency_id.empty()) return Error("agency_id", "agency_id：请选择受理申请的机关");
  auto agency = store.GetAgency(agency_id);
  if (!agency.ok()) return agency.status();
  if (!agency->has_value()) return Error("agency_id", "agency_id：没有这个机关");

  SubmitOutcome err;
  cases::Application a;
  auto type = EnumField<cases::ApplicantType>(f, "applicant_type", &err);
  if (err.error) return err;
  a.applicant_type = *type;
  const auto default_id = a.applicant_type == cases::ApplicantType::kNaturalPerson
                              ? cases::IdType::kResidentId
                              : cases::IdType::kUscc;
  auto id_type = EnumField<cases::IdType>(f, "id_type", &err, default_id);
  if (err.error) return err;
  a.id_type = *id_type;
  a.name = Field(f, "name");
  a.id_number = Field(f, "id_number");
  a.contact_person = Field(f, "contact_person");
  a.phone = Field(f, "phone");
  a.address = Field(f, "address");
  a.email = Field(f, "email");
  a.description = Field(f, "description");
  auto form = EnumField<cases::Medium>(f, "form", &err, cases::Medium::kElectronic);
  if (err.error) return err;
  a.form = *form;
  auto delivery = EnumField<cases::Delivery>(f, "delivery", &err, cases::Delivery::kPost);
  if (err.error) return err;
  a.delivery = *delivery;
  if (!Field(f, "agent.name").empty() || !Field(f, "agent.id_number").empty() ||
      !Field(f, "agent.authorisation").empty()) {
    cases::Agent agent;
    agent.name = Field(f, "agent.name");
    auto at = EnumField<cases::IdType>(f, "agent.id_type", &err, cases::IdType::kResidentId);
    if (err.error) return err;
    agent.id_type = *at;
    agent.id_number = Field(f, "agent.id_number");
    agent.authorisation = Field(f, "agent.authorisation");
    a.agent = std::move(agent);
  }
  std::vector<const Upload*> files;
  for (const Upload& u : uploads) {
    if (!u.content.empty() || !u.filename.empty()) files.push_back(&u);
  }
  if (files.size() > cases::kMaxAttachments) {
    return Error(files.back()->field, files.back()->field + "：最多上传" +
                                          std::to_string(cases::kMaxAttachments) + "个文件");
  }
  for (const Upload* u : files) {
    auto kind = cases::FromKey<cases::AttachmentKind>(u->field);
    if (!kind) return Error(u->field, u->field + "：不支持的上传项");
    if (u->content.empty()) return Error(u->field, u->field + "：文件为空");
    if (static_cast<int64_t>(u->content.size()) > cases::kMaxAttachmentBytes) {
      return Error(u->field, u->field + "：文件不能超过5MB");
    }
    const std::string mime = SniffMime(u->content);
    if (mime.empty()) return Error(u->field, u->field + "：只接受PDF、JPEG或PNG文件");
    std::string name = Trim(u->filename).substr(0, 100);
    if (name.empty() || !text::IsValidUtf8(name)) name = std::string(cases::Key(*kind));
    a.attachments.push_back({*kind, name, Sha256Hex(u->content), mime,
                             static_cast<int64_t>(u->content.size())});
  }
  if (Status s = cases::ValidateApplication(a); !s.ok()) {
    SubmitOutcome o;
    o.error = ToFieldError(s);
    return o;
  }
  // Documents first: an orphan document (if the append then fails) is harmless,
  // an event pointing at a missing one is not.
  for (size_t i = 0; i < files.size(); ++i) {
    if (Status s = store.PutDocument(a.attachments[i].sha256, a.attachments[i].mime,
                                     files[i]->content, ctx.now_iso);
        !s.ok()) {
      return s;
    }
  }

  // Art. 31: the receipt date follows the channel and its evidence. An online
  // application is received on the day of the automatic acknowledgement (now).
  cases::ReceivedPayload received;
  received.kind = cases::CaseKind::kApplication;
  received.agency_id = agency_id;
  received.channel = cases::Channel::kOnline;
  received.evidence.confirmed_on = ctx.today;
  received.evidence.confirmed_by = cases::ConfirmMethod::kAutoAck;
  Date received_on = ctx.today;
  if (!ctx.staff_actor.empty()) {
    auto channel = EnumField<cases::Channel>(f, "channel", &err);
    if (err.error) return err;
    if (*channel == cases::Channel::kOnline) {
      return Error(
          "channel",
          "channel：网上申请由申请人自行提交，工作人员登记请选择信函、当面、传真、电子邮件或口头");
    }
    received.channel = *channel;
    received.evidence = {};
    for (auto [key, slot] : {std::pair{"evidence.postmark_on", &received.evidence.postmark_on},
                             std::pair{"evidence.signed_on", &received.evidence.signed_on},
                             std::pair{"evidence.confirmed_on", &received.evidence.confirmed_on}}) {
      const std::string v = Field(f, key);
      if (v.empty()) continue;
      auto d = Date::Parse(v);
      if (!d.ok()) return Error(key, std::string(key) + "：日期格式应为 年-月-日");
      if (*d > ctx.today) return Error(key, std::string(key) + "：日期不能晚于今天");
      *slot = *d;
    }
    if (!Field(f, "evidence.confirmed_by").empty()) {
      auto by = EnumField<cases::ConfirmMethod>(f, "evidence.confirmed_by", &err);
      if (err.error) return err;
      received.evidence.confirmed_by = *by;
    }
    auto date = cases::ReceiptDate(received.channel, received.evidence, ctx.today);
    if (!date.ok()) return Error("evidence", date.status().message());
    received_on = *date;
  }
  auto serial = store.NextTrackingSerial(agency_id, received_on.year());
  if (!serial.ok()) return serial.status();
  const std::string tracking_no = TrackingNumber(**agency, received_on.year(), *serial);
  const std::string query_code = RandomToken(kQueryCodeLength, kCodeAlphabet);
  received.application = std::move(a);
  const std::string actor =
      ctx.staff_actor.empty() ? std::string(cases::kPublicActor) : ctx.staff_actor;

  AppendRequest req;
  req.case_id = tracking_no;
  req.expected_version = 0;
  req.role = ctx.staff_role.value_or(cases::ActorRole::kPublic);
  req.query_code_hash = HashCode(tracking_no, query_code);
  req.now_iso = ctx.now_iso;
  req.notify = ctx.notify;
  cases::Event e1{tracking_no,        1, received_on, ctx.now_iso, actor, cases::Entry::kLive,
                  std::move(received)};
  cases::Event e2{tracking_no,
                  2,
                  ctx.today,
                  ctx.now_iso,
                  actor,
                  cases::Entry::kLive,
                  cases::RegisteredPayload{tracking_no}};
  req.events = {std::move(e1), std::move(e2)};
  auto state = AppendCaseEvents(store, cal, req);
  if (!state.ok()) {
    if (state.status().code() == StatusCode::kInvalidArgument) {
      SubmitOutcome o;
      o.error = ToFieldError(state.status());
      return o;
    }
    return state.status();
  }
  auto deadlines = cases::ComputeCaseDeadlines(*state, cal);
  if (!deadlines.ok()) return deadlines.status();

  Acknowledgement ack;
  ack.tracking_no = tracking_no;
  ack.query_code = query_code;
  ack.agency_id = agency_id;
  ack.agency_name = (*agency)->name;
  ack.received_on = state->received_on;
  ack.due_on = deadlines->due_on;
  ack.due_working = state->ExplainDue();
  ack.provisional = deadlines->provisional;
  SubmitOutcome out;
  out.ack = std::move(ack);
  return out;
}

namespace {

std::string PublicNote(const cases::Event& e) {
  using namespace cases;
  return std::visit(
      [&](const auto& p) -> std::string {
        using P = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<P, CorrectionRequestedPayload>) {
          return "需补正：" + p.items + "；补正期限至 " + p.period_end.ToString();
        } else if constexpr (std::is_same_v<P, ExtendedPayload>) {
          return "答复期限延长 " + std::to_string(p.days) + " 个工作日";
        } else if constexpr (std::is_same_v<P, DecidedPayload>) {
          return std::string("办理结果：") + std::string(law::Label(p.outcome));
        } else if constexpr (std::is_same_v<P, TransferredPayload>) {
          return "该信息不属于本机关负责公开，负责机关：" + p.organ.name +
                 (p.organ.contact.empty() ? "" : "（" + p.organ.contact + "）");
        } else if constexpr (std::is_same_v<P, FeeNotifiedPayload>) {
          return "信息处理费 " + std::to_string(p.amount_yuan) + " 元";
        } else {
          return "";
        }
      },
      e.payload);
}

}  // namespace

namespace {

// Throttled check of a tracking number and query code (interface.md).
Status CheckQueryCode(store::Store& store, std::string_view tracking_no,
                      std::string_view query_code, const LookupContext& ctx) {
  auto failures = store.CountLookupFailures(ctx.address, ctx.now_unix - kLookupWindowSeconds);
  if (!failures.ok()) return failures.status();
  if (*failures >= kLookupFailureLimit) {
    return Status::RateLimited("查询失败次数过多，请15分钟后再试");
  }
  auto row = store.GetCase(tracking_no);
  if (!row.ok()) return row.status();
  const bool match = row->has_value() && (*row)->kind == "application" &&
                     !(*row)->query_code_hash.empty() &&
                     ConstantTimeEquals((*row)->query_code_hash, HashCode(tracking_no, query_code));
  if (!match) {
    if (auto s = store.RecordLookupFailure(ctx.address, ctx.now_unix); !s.ok()) return s;
    return Status::NotFound("申请编号或查询码不正确");
  }
  return Status::Ok();
}

Result<PublicCaseView> BuildView(store::Store& store, const law::Calendar& cal,
                                 std::string_view tracking_no) {
  auto loaded = LoadCase(store, cal, tracking_no);
  if (!loaded.ok()) return loaded.status();
  const cases::CaseState& s = loaded->state;
  PublicCaseView v;
  v.tracking_no = s.case_id;
  if (auto a = store.GetAgency(s.agency_id); a.ok() && a->has_value()) v.agency_name = (*a)->name;
  const cases::CaseStatus status = s.status;
  v.status = std::string(cases::Key(status));
  v.status_label = std::string(cases::Label(status));
  v.received_on = s.received_on.ToString();
  if (s.IsOpen()) {
    if (auto d = cases::ComputeCaseDeadlines(s, cal); d.ok()) v.due_on = d->due_on.ToString();
  }
  for (const cases::Event& e : loaded->events) {
    v.events.push_back({e.occurred_on.ToString(), std::string(cases::Key(e.type())),
                        std::string(cases::Label(e.type())), PublicNote(e)});
  }
  v.awaiting_correction = s.status == cases::CaseStatus::kAwaitingCorrection;
  for (LetterInfo& l : CaseLetters(*loaded)) {
    if (l.to_applicant) v.documents.push_back(std::move(l));
  }
  return v;
}

}  // namespace

Result<PublicCaseView> LookupApplication(store::Store& store, const law::Calendar& cal,
                                         std::string_view tracking_no, std::string_view query_code,
                                         const LookupContext& ctx) {
  if (Status s = CheckQueryCode(store, tracking_no, query_code, ctx); !s.ok()) return s;
  return BuildView(store, cal, tracking_no);
}

Result<RenderedLetter> ApplicantDocument(store::Store& store, const law::Calendar& cal,
                                         std::string_view tracking_no, std::string_view query_code,
                                         int64_t seq, LetterFormat format,
                                         const LookupContext& ctx) {
  if (Status s = CheckQueryCode(store, tracking_no, query_code, ctx); !s.ok()) return s;
  return RenderCaseLetter(store, cal, tracking_no, seq, format, /*applicant_only=*/true);
}

Result<PublicCaseView> SubmitCorrection(store::Store& store, const law::Calendar& cal,
                                        std::string_view tracking_no, std::string_view query_code,
                                        const CorrectionInput& input, const LookupContext& ctx,
                                        const SubmitContext& when) {
  if (Status s = CheckQueryCode(store, tracking_no, query_code, ctx); !s.ok()) return s;
  auto loaded = LoadCase(store, cal, tracking_no);
  if (!loaded.ok()) return loaded.status();
  if (loaded->state.status != cases::CaseStatus::kAwaitingCorrection) {
    return Status::Invalid("该申请目前不需要补正");
  }
  cases::CorrectedPayload p;
  p.summary = Trim(input.summary);
  p.late_reason = Trim(input.late_reason);
  if (p.summary.empty()) return Status::Invalid("请填写补正的内容");
  AppendRequest req;
  req.case_id = std::string(tracking_no);
  req.expected_version = loaded->state.version;
  req.role = cases::ActorRole::kPublic;
  req.now_iso = when.now_iso;
  req.notify = when.notify;
  req.events.push_back(cases::Event{req.case_id, loaded->state.version + 1, when.today,
                                    when.now_iso, std::string(cases::kPublicActor),
                                    cases::Entry::kLive, std::move(p)});
  auto state = AppendCaseEvents(store, cal, req);
  if (!state.ok()) return state.status();
  return BuildView(store, cal, tracking_no);
}

}  // namespace gk::app
