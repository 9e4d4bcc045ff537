#include "app/case_letters.h"

#include "letters/docx.h"
#include "letters/letters.h"
#include "letters/pdf.h"

namespace gk::app {
namespace {

struct LetterKind {
  cases::EventType type;
  std::string_view title;
  bool to_applicant;
};
constexpr LetterKind kKinds[] = {
    {cases::EventType::kCorrectionRequested, "补正告知书", true},
    {cases::EventType::kConsultationStarted, "征求意见函", false},
    {cases::EventType::kExtended, "延期答复告知书", true},
    {cases::EventType::kLaterDeadline, "另行确定答复期限告知书", true},
    {cases::EventType::kFeeNotified, "收费通知书", true},
    {cases::EventType::kDecided, "政府信息公开申请答复书", true},
    {cases::EventType::kTransferred, "政府信息公开申请答复书", true},
};

const LetterKind* KindOf(cases::EventType t) {
  for (const auto& k : kKinds) {
    if (k.type == t) return &k;
  }
  return nullptr;
}

}  // namespace

std::vector<LetterInfo> CaseLetters(const LoadedCase& c) {
  std::vector<LetterInfo> out;
  for (const cases::Event& e : c.events) {
    const LetterKind* k = KindOf(e.type());
    if (!k) continue;
    out.push_back({e.sequence, std::string(cases::Key(e.type())), std::string(k->title),
                   e.occurred_on.ToString(), k->to_applicant});
  }
  return out;
}

Result<RenderedLetter> RenderCaseLetter(store::Store& store, const law::Calendar& cal,
                                        std::string_view case_id, int64_t seq, LetterFormat format,
                                        bool applicant_only) {
  auto loaded = LoadCase(store, cal, case_id);
  if (!loaded.ok()) return loaded.status();
  if (seq < 1 || seq > static_cast<int64_t>(loaded->events.size())) {
    return Status::NotFound("no event " + std::to_string(seq));
  }
  const cases::Event& event = loaded->events[static_cast<size_t>(seq - 1)];
  const LetterKind* kind = KindOf(event.type());
  if (!kind || (applicant_only && !kind->to_applicant)) return Status::NotFound("no letter");
  // The state right after the event (the extension and fee notices read it).
  cases::ApplyContext ctx{cal, std::nullopt};
  auto state = cases::Replay(std::span(loaded->events).first(static_cast<size_t>(seq)), ctx);
  if (!state.ok()) return state.status();

  auto agency = store.GetAgency(loaded->state.agency_id);
  if (!agency.ok()) return agency.status();
  if (!agency->has_value()) return Status::NotFound("no agency " + loaded->state.agency_id);
  const store::AgencyRow& a = **agency;
  if (a.review_body.empty() || a.court.empty() || a.letter_prefix.empty()) {
    return Status::Invalid("请先设置本机关的行政复议机关、管辖法院和发文机关代字");
  }
  letters::LetterContext lc;
  lc.agency = a.name;
  lc.review_body = a.review_body;
  lc.court = a.court;
  lc.doc_no_prefix = a.letter_prefix;
  lc.contact = a.letter_contact;
  for (const cases::Event& e : loaded->events) {
    if (const auto* r = std::get_if<cases::ReceivedPayload>(&e.payload); r && r->application) {
      lc.applicant_name = r->application->name;
      lc.request = r->application->description;
    }
  }
  auto serial = store.LetterSerial(a.id, event.occurred_on.year(), case_id, seq);
  if (!serial.ok()) return serial.status();
  lc.serial = static_cast<int>(*serial);
  auto letter = letters::LetterFor(*state, event, lc);
  if (!letter.ok()) return letter.status();
  auto bytes =
      format == LetterFormat::kPdf ? letters::RenderPdf(*letter) : letters::RenderDocx(*letter);
  if (!bytes.ok()) return bytes.status();
  RenderedLetter out;
  out.bytes = std::move(bytes).value();
  out.filename = std::string(case_id) + "-" + std::to_string(seq) +
                 (format == LetterFormat::kPdf ? ".pdf" : ".docx");
  out.mime = format == LetterFormat::kPdf
                 ? "application/pdf"
                 : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  return out;
}

}  // namespace gk::app
