#include "letters/letters.h"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cases/vocab.h"
#include "law/fees.h"
#include "law/outcomes.h"

namespace gk::letters {
namespace {

using cases::CaseState;
using cases::Event;
using cases::EventType;
using law::Outcome;

constexpr std::string_view kRegsFull = "《中华人民共和国政府信息公开条例》";
constexpr std::string_view kRegs = "《条例》";
constexpr std::string_view kFeeMeasure =
    "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）";

// ---- Text helpers ---------------------------------------------------------------

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Trims ASCII white space and the ideographic space (U+3000) at both ends.
std::string_view Trim(std::string_view s) {
  constexpr std::string_view kIdeoSpace = "\u3000";
  for (bool changed = true; changed;) {
    changed = false;
    while (!s.empty() &&
           (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
      s.remove_prefix(1);
      changed = true;
    }
    while (!s.empty() &&
           (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
      s.remove_suffix(1);
      changed = true;
    }
    if (StartsWith(s, kIdeoSpace)) {
      s.remove_prefix(kIdeoSpace.size());
      changed = true;
    }
    if (EndsWith(s, kIdeoSpace)) {
      s.remove_suffix(kIdeoSpace.size());
      changed = true;
    }
  }
  return s;
}

// Text to be embedded inside a sentence: trimmed, without final punctuation.
std::string Inline(std::string_view s) {
  s = Trim(s);
  constexpr std::string_view kEnds[] = {"。", "；", "，", "：", ".", ";", ",", ":", "！", "？"};
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view e : kEnds) {
      if (EndsWith(s, e)) {
        s.remove_suffix(e.size());
        s = Trim(s);
        changed = true;
      }
    }
  }
  return std::string(s);
}

// Text as a sentence of its own: trimmed, ending with a full stop.
std::string Sentence(std::string_view s) {
  s = Trim(s);
  if (s.empty()) return "";
  constexpr std::string_view kStops[] = {"。", "！", "？", "）", "”"};
  for (std::string_view e : kStops) {
    if (EndsWith(s, e)) return std::string(s);
  }
  return Inline(s) + "。";
}

// Splits text into its non-empty lines.
std::vector<std::string> Lines(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    const size_t nl = s.find('\n');
    std::string_view line = Trim(s.substr(0, nl));
    if (!line.empty()) out.emplace_back(line);
    if (nl == std::string_view::npos) break;
    s.remove_prefix(nl + 1);
  }
  return out;
}

// Full-width ordinal for numbered items: 1．, 2．, …
std::string Numbered(size_t i, std::string_view text) {
  return std::to_string(i) + "．" + std::string(text);
}

// The Regulations' name: in full with its short form the first time, short
// after (公文 practice).
class Citer {
 public:
  std::string Regs() {
    if (first_) {
      first_ = false;
      return std::string(kRegsFull) + "（以下简称" + std::string(kRegs) + "）";
    }
    return std::string(kRegs);
  }

 private:
  bool first_ = true;
};

// ---- Checks ---------------------------------------------------------------------

Status Require(std::string_view value, std::string_view field, std::string_view what) {
  if (Trim(value).empty()) {
    return Status::Invalid(std::string(field) + "：请填写" + std::string(what));
  }
  return Status::Ok();
}

Status CheckContext(const LetterContext& ctx, bool applicant, bool remedies) {
  if (Status s = Require(ctx.agency, "agency", "发文机关名称"); !s.ok()) return s;
  if (Status s = Require(ctx.doc_no_prefix, "doc_no_prefix", "发文机关代字"); !s.ok()) return s;
  if (ctx.serial < 1) {
    return Status::Invalid("serial：发文顺序号应为正整数，收到" + std::to_string(ctx.serial));
  }
  if (applicant) {
    if (Status s = Require(ctx.applicant_name, "applicant_name", "申请人姓名或者名称"); !s.ok()) {
      return s;
    }
  }
  if (remedies) {
    if (Status s = Require(ctx.review_body, "review_body", "行政复议机关名称"); !s.ok()) return s;
    if (Status s = Require(ctx.court, "court", "管辖行政诉讼的人民法院名称"); !s.ok()) return s;
  }
  return Status::Ok();
}

Status CheckEvent(const CaseState& state, const Event& event,
                  std::initializer_list<EventType> types, std::string_view builder) {
  bool type_ok = false;
  for (EventType t : types) type_ok = type_ok || event.type() == t;
  if (!type_ok) {
    std::string want;
    for (EventType t : types) {
      if (!want.empty()) want += "或";
      want += std::string(cases::Key(t));
    }
    return Status::Invalid("event.type：" + std::string(builder) + "需要" + want + "事件，收到" +
                           std::string(cases::Key(event.type())));
  }
  if (state.kind != cases::CaseKind::kApplication || state.status == cases::CaseStatus::kNone) {
    return Status::Invalid("state：" + std::string(builder) + "只适用于已接收的政府信息公开申请");
  }
  if (event.case_id != state.case_id) {
    return Status::Invalid("event.case_id：事件属于申请“" + event.case_id + "”，而案件为“" +
                           state.case_id + "”");
  }
  return Status::Ok();
}

// ---- Common parts ------------------------------------------------------------------

std::string You(const CaseState& s) {
  return s.applicant_type.value_or(cases::ApplicantType::kNaturalPerson) ==
                 cases::ApplicantType::kNaturalPerson
             ? "你"
             : "你单位";
}

// How the application arrived (Art. 29, 31), as it reads after "收到你".
std::string_view ChannelPhrase(cases::Channel c) {
  switch (c) {
    case cases::Channel::kOnline:
      return "通过网上申请平台提交的";
    case cases::Channel::kLetter:
      return "以信函方式提交的";
    case cases::Channel::kInPerson:
      return "当面提交的";
    case cases::Channel::kFax:
      return "以传真方式提交的";
    case cases::Channel::kEmail:
      return "以电子邮件方式提交的";
    case cases::Channel::kOral:
      return "口头提出的";
  }
  return "提交的";
}

// The opening paragraph of a letter to the applicant: the Art. 31 receipt
// date, the channel, the tracking number, the information sought and, after
// a correction (Art. 30), the corrected application's receipt.
std::string Opening(const CaseState& s, const LetterContext& ctx, bool with_correction) {
  const std::string you = You(s);
  std::string p = FormatDate(s.received_on) + "，本机关收到" + you +
                  std::string(ChannelPhrase(s.channel)) + "政府信息公开申请（申请编号：" +
                  s.case_id + "）";
  const std::string request = Inline(ctx.request);
  if (!request.empty()) p += "，申请获取“" + request + "”";
  p += "。";
  if (with_correction && s.correction && s.correction->corrected_on) {
    p += "本机关于" + FormatDate(s.correction->notice_on) + "向" + you + "发出补正告知书，并于" +
         FormatDate(*s.correction->corrected_on) + "收到" + you + "补正后的申请。";
  }
  return p;
}

// Art. 51 and the time limits of the review and litigation laws.
std::string Remedies(const LetterContext& ctx) {
  return "如对本答复不服，可以在收到本答复之日起60日内向" + Inline(ctx.review_body) +
         "申请行政复议，或者在6个月内向" + Inline(ctx.court) + "提起行政诉讼。";
}

Letter Frame(const LetterContext& ctx, std::string title, std::string addressee, Date date) {
  Letter l;
  l.date = ctx.date.value_or(date);
  l.doc_no = DocNo(Trim(ctx.doc_no_prefix), l.date.year(), ctx.serial);
  l.title = std::move(title);
  l.addressee = std::move(addressee);
  l.issuer = Inline(ctx.agency);
  for (const std::string& a : ctx.attachments) {
    std::string name = Inline(a);  // GB/T 9704 7.3.4: no punctuation after the name
    if (!name.empty()) l.attachments.push_back(std::move(name));
  }
  const std::string contact = Inline(ctx.contact);
  if (!contact.empty()) l.contact_line = "（" + contact + "）";
  return l;
}

std::string SeeAttachment(const Letter& l) { return l.attachments.empty() ? "" : "（见附件）"; }

// ---- Replies (Arts. 30, 35–39) -------------------------------------------------------

// Why information is withheld (Arts. 14–16), as it reads after "你申请获取的政府信息".
std::string_view Ground(law::WithholdReason r) {
  switch (r) {
    case law::WithholdReason::kStateSecret:
      return "属于依法确定为国家秘密的政府信息";
    case law::WithholdReason::kLawProhibited:
      return "属于法律、行政法规禁止公开的政府信息";
    case law::WithholdReason::kThreeSafeties:
      return "公开后可能危及国家安全、公共安全、经济安全、社会稳定";
    case law::WithholdReason::kThirdParty:
      return "涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害";
    case law::WithholdReason::kInternalAffairs:
      return "属于人事管理、后勤管理、内部工作流程等方面的内部事务信息";
    case law::WithholdReason::kProcessInfo:
      return "属于本机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性"
             "信息";
    case law::WithholdReason::kEnforcementFile:
      return "属于行政执法案卷信息";
    case law::WithholdReason::kQueryMatter:
      return "属于行政查询事项，应当通过相应的查询渠道办理";
  }
  return "依法不予公开";
}

// "第十四条、第三十六条第（三）项" — the ground's article (none for 行政查询事项)
// and Art. 36(三).
std::string WithholdArticles(law::WithholdReason r) {
  const std::string art(law::Article(r));
  const std::string item(law::Article(law::ReplyType::kWithhold));
  return art.empty() ? item : art + "、" + item;
}

bool ThirdPartyObjected(const CaseState& s) {
  for (const cases::ConsultationState& c : s.consultations) {
    if (c.party == cases::ConsultParty::kThirdParty && c.result == cases::ConsultResult::kObject) {
      return true;
    }
  }
  return false;
}

struct Decision {
  Outcome outcome = Outcome::kOther;
  std::optional<law::WithholdReason> withhold_reason;
  std::optional<cases::Organ> organ;
  std::string legal_basis;
  std::string summary;
};

// The paragraphs that state the decision. `used_summary` tells whether the
// decision's summary was woven in (else it follows as a paragraph).
Result<std::vector<std::string>> DecisionText(const CaseState& s, const Decision& d,
                                              const Letter& l, const LetterContext& ctx, Citer& c,
                                              bool* used_summary) {
  const std::string you = You(s);
  const std::string summary = Inline(d.summary);
  std::vector<std::string> out;
  *used_summary = false;
  switch (d.outcome) {
    case Outcome::kAlreadyPublic: {  // Art. 36(一)
      std::string way;
      if (!summary.empty()) {
        way = summary;
        *used_summary = true;
      } else if (!Inline(ctx.portal).empty()) {
        way = "请登录" + Inline(ctx.portal) + "查阅";
      } else {
        way = "请通过本机关门户网站政府信息公开专栏查阅";
      }
      out.push_back(you + "申请获取的政府信息，本机关已经主动公开。根据" + c.Regs() +
                    std::string(law::Article(law::ReplyType::kAlreadyPublic)) + "的规定，现告知" +
                    you + "获取该政府信息的方式和途径：" + way + "。");
      break;
    }
    case Outcome::kGranted:  // Art. 36(二)
      out.push_back("经审查，" + you + "申请获取的政府信息属于可以公开的政府信息。根据" + c.Regs() +
                    std::string(law::Article(law::ReplyType::kDisclose)) +
                    "的规定，本机关决定予以公开，现将该政府信息随本答复书一并提供给" + you +
                    SeeAttachment(l) + "。");
      break;
    case Outcome::kPartial: {  // Art. 37
      std::string p = "经审查，" + you +
                      "申请获取的信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理。"
                      "根据" +
                      c.Regs() + "第三十七条的规定，本机关向" + you + "提供可以公开的部分" +
                      SeeAttachment(l) + "。";
      if (d.withhold_reason) {
        p += "其余部分" + std::string(Ground(*d.withhold_reason)) + "，根据" + std::string(kRegs) +
             WithholdArticles(*d.withhold_reason) + "的规定，不予公开。";
      } else if (!summary.empty()) {
        p += "其余部分不予提供，理由是：" + summary + "。";
        *used_summary = true;
      } else {
        p += "其余部分依法不予提供。";
      }
      out.push_back(std::move(p));
      break;
    }
    case Outcome::kWithheldStateSecret:
    case Outcome::kWithheldLawProhibited:
    case Outcome::kWithheldThreeSafeties:
    case Outcome::kWithheldThirdParty:
    case Outcome::kWithheldInternalAffairs:
    case Outcome::kWithheldProcessInfo:
    case Outcome::kWithheldEnforcementFile:
    case Outcome::kWithheldQueryMatter: {  // Art. 36(三) with Arts. 14–16
      const law::WithholdReason r = d.withhold_reason.value_or(*law::WithholdReasonOf(d.outcome));
      std::string p = "经审查，" + you + "申请获取的政府信息" + std::string(Ground(r)) + "。";
      if (r == law::WithholdReason::kThirdParty) {
        // Art. 15: disclosed when the third party consents or non-disclosure
        // would greatly affect the public interest.
        if (ThirdPartyObjected(s)) p += "经书面征求第三方意见，第三方不同意公开。";
        p += "本机关认为不公开不会对公共利益造成重大影响。";
      }
      p += "根据" + c.Regs() + WithholdArticles(r) + "的规定，本机关决定不予公开。";
      out.push_back(std::move(p));
      break;
    }
    case Outcome::kNotHeld:  // Art. 36(四)
      out.push_back("经检索，本机关没有制作或者获取" + you + "申请获取的政府信息。根据" + c.Regs() +
                    std::string(law::Article(law::ReplyType::kNotExist)) + "的规定，现告知" + you +
                    "该政府信息不存在。");
      break;
    case Outcome::kNotThisOrgan: {  // Art. 36(五)
      std::string p = "经审查，" + you + "申请获取的政府信息不属于本机关负责公开。根据" + c.Regs() +
                      std::string(law::Article(law::ReplyType::kNotThisOrgan)) + "的规定，";
      if (d.organ && !Inline(d.organ->name).empty()) {
        p += "现告知" + you + "：该政府信息由" + Inline(d.organ->name) + "负责公开";
        if (!Inline(d.organ->contact).empty())
          p += "（联系方式：" + Inline(d.organ->contact) + "）";
        p += "，" + you + "可以向其提出申请。";
      } else {
        p += "现告知" + you + "：本机关无法确定负责公开该政府信息的行政机关。";
      }
      out.push_back(std::move(p));
      break;
    }
    case Outcome::kNeedsCreation:  // Art. 38
      out.push_back("经审查，本机关没有现成的" + you +
                    "所要求的信息，提供该信息需要本机关对现有政府信息进行加工、分析。根据" +
                    c.Regs() +
                    "第三十八条的规定，行政机关向申请人提供的信息，应当是已制作或者获取的政府"
                    "信息；需要行政机关对现有政府信息进行加工、分析的，可以不予提供。因此，本机关"
                    "不予提供。");
      break;
    case Outcome::kUnclearAfterCorrection: {  // Art. 29 ¶2 (二), Art. 30
      std::string p = you + "补正后的申请内容仍不明确，本机关无法据此确定" + you +
                      "所需要的政府信息。根据" + c.Regs() +
                      "第二十九条第二款第（二）项、第三十条的规定，本机关无法按照" + you +
                      "的申请提供政府信息。" + you +
                      "可以在写明所需政府信息的名称、文号或者便于本机关查询的其他特征性描述后，"
                      "重新提出申请。";
      out.push_back(std::move(p));
      break;
    }
    case Outcome::kSpecialRegime:  // Art. 36(七)
      out.push_back("经审查，" + you +
                    "申请获取的信息属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别"
                    "规定的信息。根据" +
                    c.Regs() + std::string(law::Article(law::ReplyType::kSpecialRegime)) +
                    "的规定，请" + you + "依照有关法律、行政法规的规定办理。");
      break;
    case Outcome::kPetition:  // Art. 39 ¶1
      out.push_back("经审查，" + you +
                    "提出的申请实质上是信访、投诉、举报等诉求，不属于政府信息公开申请。根据" +
                    c.Regs() + "第三十九条第一款的规定，本机关不作为政府信息公开申请处理，" + you +
                    "可以通过信访、投诉、举报等相应渠道提出。");
      break;
    case Outcome::kRepeat:  // Art. 36(六)
      out.push_back(
          "经查，" + you + "此前已就相同的政府信息向本机关提出申请，本机关已经依法作出答复。" +
          you + "再次申请公开相同的政府信息，根据" + c.Regs() +
          std::string(law::Article(law::ReplyType::kRepeat)) + "的规定，本机关不予重复处理。");
      break;
    case Outcome::kPublication: {  // Art. 39 ¶2
      std::string way;
      if (!summary.empty()) {
        way = summary;
        *used_summary = true;
      } else {
        way = "可以通过公开发行渠道购买，或者到公共图书馆、档案馆查阅";
      }
      out.push_back("经审查，" + you + "申请获取的是政府公报、报刊、书籍等公开出版物。根据" +
                    c.Regs() + "第三十九条第二款的规定，现告知" + you + "获取的途径：" + way +
                    "。");
      break;
    }
    case Outcome::kMassRepeat:  // Art. 35
      out.push_back("经审查，" + you +
                    "申请公开政府信息的数量、频次明显超过合理范围。本机关已要求" + you +
                    "说明理由，经审核，本机关认为" + you + "的申请理由不合理。根据" + c.Regs() +
                    "第三十五条的规定，本机关不予处理。");
      break;
    case Outcome::kConfirmOrReissue:  // Arts. 2, 38: only existing information is provided
      out.push_back("经审查，" + you + "要求本机关对" + you +
                    "已经获取的信息予以确认或者重新出具，并非申请获取本机关已经制作或者获取的政府信"
                    "息。根据" +
                    c.Regs() + "第二条、第三十八条的规定，本机关不予处理。");
      break;
    case Outcome::kOther: {  // the staff's own basis and words
      std::string basis = Inline(d.legal_basis);
      if (basis.empty()) basis = std::string(kRegsFull) + "的有关规定";
      if (!EndsWith(basis, "规定")) basis += "的规定";
      std::string p = "经审查，根据" + basis + "，";
      if (!summary.empty()) {
        p += summary + "。";
        *used_summary = true;
      } else {
        p += "本机关已依法处理" + you + "的申请。";
      }
      out.push_back(std::move(p));
      break;
    }
    case Outcome::kDeemedWithdrawn:
    case Outcome::kFeeUnpaid:
    case Outcome::kWithdrawn:
      return Status::Invalid("payload.outcome：办理结果“" + std::string(law::Label(d.outcome)) +
                             "”由其本身的事件记录，没有答复书");
  }
  return out;
}

}  // namespace

std::string DocNo(std::string_view prefix, int year, int serial) {
  return std::string(prefix) + "〔" + std::to_string(year) + "〕" + std::to_string(serial) + "号";
}

std::string FormatDate(Date d) {
  return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" +
         std::to_string(d.day()) + "日";
}

Result<Letter> ReplyLetter(const CaseState& state, const Event& event, const LetterContext& ctx) {
  if (Status s = CheckEvent(state, event, {EventType::kDecided, EventType::kTransferred}, "答复书");
      !s.ok()) {
    return s;
  }
  if (Status s = CheckContext(ctx, /*applicant=*/true, /*remedies=*/true); !s.ok()) return s;

  Decision d;
  if (const auto* p = std::get_if<cases::DecidedPayload>(&event.payload)) {
    d.outcome = p->outcome;
    d.withhold_reason = p->withhold_reason;
    d.organ = p->competent_organ;
    d.legal_basis = p->legal_basis;
    d.summary = p->summary;
  } else {
    const auto& t = std::get<cases::TransferredPayload>(event.payload);
    d.outcome = Outcome::kNotThisOrgan;  // Art. 36(五)
    d.organ = t.organ;
    d.legal_basis = t.legal_basis;
    d.summary = t.summary;
  }

  Letter l = Frame(ctx, "政府信息公开申请答复书", Inline(ctx.applicant_name), event.occurred_on);
  Citer c;
  l.paragraphs.push_back(Opening(state, ctx, /*with_correction=*/true) + "现答复如下：");
  bool used_summary = false;
  Result<std::vector<std::string>> body = DecisionText(state, d, l, ctx, c, &used_summary);
  if (!body.ok()) return body.status();
  for (std::string& p : *body) l.paragraphs.push_back(std::move(p));
  if (!used_summary) {
    for (const std::string& line : Lines(d.summary)) l.paragraphs.push_back(Sentence(line));
  }
  l.paragraphs.push_back(Remedies(ctx));
  return l;
}

Result<Letter> CorrectionNotice(const CaseState& state, const Event& event,
                                const LetterContext& ctx) {
  if (Status s = CheckEvent(state, event, {EventType::kCorrectionRequested}, "补正告知书");
      !s.ok()) {
    return s;
  }
  if (Status s = CheckContext(ctx, /*applicant=*/true, /*remedies=*/false); !s.ok()) return s;
  const auto& p = std::get<cases::CorrectionRequestedPayload>(event.payload);
  const std::string you = You(state);

  Letter l =
      Frame(ctx, "政府信息公开申请补正告知书", Inline(ctx.applicant_name), event.occurred_on);
  Citer c;
  l.paragraphs.push_back(Opening(state, ctx, /*with_correction=*/false));
  // Art. 30: guidance and one notice (一次性) of what to correct.
  l.paragraphs.push_back("经审查，" + you + "的申请内容不明确。根据" + c.Regs() +
                         "第二十九条、第三十条的规定，现一次性告知" + you + "对申请作出如下补正：");
  const std::vector<std::string> items = Lines(p.items);
  if (items.size() == 1) {
    l.paragraphs.push_back(Sentence(items.front()));
  } else {
    for (size_t i = 0; i < items.size(); ++i) {
      l.paragraphs.push_back(Numbered(i + 1, Sentence(items[i])));
    }
  }
  l.paragraphs.push_back(
      "请于" + FormatDate(p.period_end) + "前（含当日）向本机关提交补正后的申请。" +
      "答复期限自本机关收到补正后的申请之日起计算。" + you +
      "无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。");
  l.paragraphs.push_back("特此告知。");
  return l;
}

Result<Letter> ExtensionNotice(const CaseState& state, const Event& event,
                               const LetterContext& ctx) {
  if (Status s = CheckEvent(state, event, {EventType::kExtended}, "延期答复告知书"); !s.ok()) {
    return s;
  }
  if (Status s = CheckContext(ctx, /*applicant=*/true, /*remedies=*/false); !s.ok()) return s;
  const auto& p = std::get<cases::ExtendedPayload>(event.payload);
  if (!state.extension || !state.deadlines) {
    return Status::Invalid("state：案件尚未记录延长答复期限，请传入包含该事件的案件状态");
  }
  const std::string you = You(state);

  Letter l = Frame(ctx, "政府信息公开申请延期答复告知书", Inline(ctx.applicant_name), p.notice_on);
  Citer c;
  l.paragraphs.push_back(Opening(state, ctx, /*with_correction=*/true));
  std::string reason = Inline(p.reason);
  if (!StartsWith(reason, "因") && !StartsWith(reason, "由于")) reason = "因" + reason;
  // Art. 33 ¶2: extension with the head's consent, notified, at most 20 days.
  l.paragraphs.push_back(reason + "，本机关不能在" + c.Regs() +
                         "第三十三条第二款规定的20个工作日内作出答复。根据" + std::string(kRegs) +
                         "第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限"
                         "延长" +
                         std::to_string(p.days) + "个工作日，至" +
                         FormatDate(state.deadlines->due_on) + "。");
  bool consulted = false;
  for (const cases::ClockPause& pause : state.pauses) {
    consulted = consulted || pause.reason == cases::PauseReason::kConsultation;
  }
  if (consulted) {
    // Art. 33 ¶3: consultation time is not counted.
    l.paragraphs.push_back("依照" + std::string(kRegs) +
                           "第三十三条第三款的规定，征求第三方和其他机关意见所需时间不计算在答复"
                           "期限内，上述日期已扣除该时间。");
  }
  l.paragraphs.push_back("特此告知。");
  return l;
}

Result<Letter> LaterDeadlineNotice(const CaseState& state, const Event& event,
                                   const LetterContext& ctx) {
  if (Status s = CheckEvent(state, event, {EventType::kLaterDeadline}, "另行确定答复期限告知书");
      !s.ok()) {
    return s;
  }
  if (Status s = CheckContext(ctx, /*applicant=*/true, /*remedies=*/false); !s.ok()) return s;
  const auto& p = std::get<cases::LaterDeadlinePayload>(event.payload);
  if (!state.later_deadline || !state.deadlines) {
    return Status::Invalid("state：案件尚未记录另行确定的答复期限，请传入包含该事件的案件状态");
  }
  Letter l =
      Frame(ctx, "政府信息公开申请另行确定答复期限告知书", Inline(ctx.applicant_name), p.notice_on);
  Citer c;
  l.paragraphs.push_back(Opening(state, ctx, /*with_correction=*/true));
  std::string reason = Inline(p.reason);
  if (!StartsWith(reason, "因") && !StartsWith(reason, "由于")) reason = "因" + reason;
  // Art. 35: reasonable reasons, but the Art. 33 period cannot be met.
  l.paragraphs.push_back(reason + "，" + You(state) +
                         "申请公开政府信息的数量、频次明显超过合理范围，本机关无法在" + c.Regs() +
                         "第三十三条规定的期限内答复。根据" + std::string(kRegs) +
                         "第三十五条的规定，本机关确定答复期限为" +
                         FormatDate(state.deadlines->due_on) + "。");
  l.paragraphs.push_back("特此告知。");
  return l;
}

Result<Letter> ThirdPartyLetter(const CaseState& state, const Event& event,
                                const LetterContext& ctx) {
  if (Status s = CheckEvent(state, event, {EventType::kConsultationStarted}, "征求意见函");
      !s.ok()) {
    return s;
  }
  if (Status s = CheckContext(ctx, /*applicant=*/false, /*remedies=*/false); !s.ok()) return s;
  const auto& p = std::get<cases::ConsultationStartedPayload>(event.payload);
  const std::string subject = Inline(p.subject);
  const std::string answer_by = FormatDate(p.answer_by);
  const std::string received =
      "本机关收到一件政府信息公开申请（申请编号：" + state.case_id + "），";
  Citer c;

  switch (p.party) {
    case cases::ConsultParty::kThirdParty: {  // Art. 32
      Letter l = Frame(ctx, "政府信息公开征求第三方意见函", Inline(p.name), event.occurred_on);
      const std::string you = "你（单位）";
      l.paragraphs.push_back(received + "申请公开的政府信息涉及" +
                             (subject.empty() ? you + "的相关信息" : "“" + subject + "”") +
                             "。本机关经审查认为，公开该政府信息可能损害" + you +
                             "的合法权益。根据" + c.Regs() + "第三十二条的规定，现书面征求" + you +
                             "的意见。");
      l.paragraphs.push_back("请" + you + "自收到本函之日起15个工作日内（最迟于" + answer_by +
                             "）向本机关提出书面意见：同意公开的，请书面予以确认；不同意公开的，请"
                             "说明理由并提供相关依据。" +
                             you + "逾期未提出意见的，本机关将依照" + std::string(kRegs) +
                             "的规定决定是否公开。");
      l.paragraphs.push_back(
          "第三方不同意公开且有合理理由的，本机关不予公开；但本机关认为不公开可能"
          "对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容"
          "和理由书面告知" +
          you + "。");
      l.paragraphs.push_back("特此函告。");
      return l;
    }
    case cases::ConsultParty::kCoProducer: {  // Art. 34
      Letter l = Frame(ctx, "政府信息公开征求意见函", Inline(p.name), event.occurred_on);
      l.paragraphs.push_back(
          received + "申请公开的" + (subject.empty() ? "政府信息" : "“" + subject + "”") +
          "系本机关与贵单位共同制作。根据" + c.Regs() + "第三十四条的规定，现征求贵单位意见。");
      l.paragraphs.push_back("请贵单位自收到本函之日起15个工作日内（最迟于" + answer_by +
                             "）向本机关提出意见。逾期未提出意见的，视为同意公开。");
      l.paragraphs.push_back("特此函告。");
      return l;
    }
    case cases::ConsultParty::kOtherOrgan: {  // Art. 33 ¶3
      Letter l = Frame(ctx, "政府信息公开征求意见函", Inline(p.name), event.occurred_on);
      l.paragraphs.push_back(received + "申请公开的" +
                             (subject.empty() ? "政府信息" : "“" + subject + "”") +
                             "涉及贵单位职责，需要征求贵单位意见。依照" + c.Regs() +
                             "第三十三条第三款的规定，征求意见所需时间不计算在答复期限内。");
      l.paragraphs.push_back("请贵单位于" + answer_by + "前向本机关提出意见。");
      l.paragraphs.push_back("特此函告。");
      return l;
    }
  }
  return Status::Invalid("payload.party：未知的征求意见对象");
}

Result<Letter> FeeNotice(const CaseState& state, const Event& event, const LetterContext& ctx) {
  if (Status s = CheckEvent(state, event, {EventType::kFeeNotified}, "收费通知书"); !s.ok()) {
    return s;
  }
  if (Status s = CheckContext(ctx, /*applicant=*/true, /*remedies=*/false); !s.ok()) return s;
  const auto& p = std::get<cases::FeeNotifiedPayload>(event.payload);
  if (!state.fee) {
    return Status::Invalid("state：案件尚未记录收费通知，请传入包含该事件的案件状态");
  }
  const bool by_piece = p.method == law::FeeMethod::kByPiece;
  Result<law::FeeQuote> quote =
      by_piece ? law::FeeByPiece(p.prior_pieces, p.quantity) : law::FeeByPage(p.quantity);
  if (!quote.ok()) return Status::Invalid("payload.quantity：" + quote.status().message());
  if (quote->total_yuan != p.amount_yuan) {
    return Status::Invalid("payload.amount_yuan：通知金额" + std::to_string(p.amount_yuan) +
                           "元与按标准计算的" + std::to_string(quote->total_yuan) + "元不符");
  }
  const std::string you = You(state);
  const std::string unit = by_piece ? "件" : "页";

  Letter l =
      Frame(ctx, "政府信息公开信息处理费收费通知书", Inline(ctx.applicant_name), event.occurred_on);
  Citer c;
  l.paragraphs.push_back(Opening(state, ctx, /*with_correction=*/true));
  // Art. 42: a fee only when quantity or frequency clearly exceeds a reasonable range.
  l.paragraphs.push_back("经审查，" + you + "申请公开政府信息的数量、频次明显超过合理范围。根据" +
                         c.Regs() + "第四十二条和" + std::string(kFeeMeasure) +
                         "的规定，本机关决定收取信息处理费。现将有关事项通知如下：");
  l.paragraphs.push_back("一、收费依据：" + std::string(kRegs) + "第四十二条、" +
                         std::string(kFeeMeasure) + "。");
  if (by_piece) {
    l.paragraphs.push_back(
        "二、收费标准：按件计收，超额累进。同一申请人在一个自然月内累计申请10件以下（含10件）"
        "的，不收费；第11—30件，每件100元；第31件以上，以10件为一档，每增加一档，收费标准提高"
        "100元/件。");
    l.paragraphs.push_back("三、计费明细：本次申请" + std::to_string(p.quantity) +
                           "件，为本自然月内第" + std::to_string(p.prior_pieces + 1) + "—" +
                           std::to_string(p.prior_pieces + p.quantity) + "件，分档计算如下：");
  } else {
    l.paragraphs.push_back(
        "二、收费标准：按量计收，超额累进。同一申请30页以下（含30页）的，不收费；第31—100页，"
        "每页10元；第101—200页，每页20元；第201页以上，每页40元。");
    l.paragraphs.push_back("三、计费明细：本次申请共" + std::to_string(p.quantity) +
                           "页，分档计算如下：");
  }
  for (size_t i = 0; i < quote->bands.size(); ++i) {
    const law::FeeBand& b = quote->bands[i];
    std::string line = "第" + std::to_string(b.first);
    if (b.last != b.first) line += "—" + std::to_string(b.last);
    line += unit + "：" + std::to_string(b.count) + unit;
    if (b.unit_yuan == 0) {
      line += "，不收费";
    } else {
      line += "×" + std::to_string(b.unit_yuan) + "元/" + unit + "＝" +
              std::to_string(b.subtotal_yuan) + "元";
    }
    line += i + 1 == quote->bands.size() ? "。" : "；";
    l.paragraphs.push_back(std::move(line));
  }
  l.paragraphs.push_back("四、应缴金额：人民币" + std::to_string(quote->total_yuan) + "元。");
  const std::string payment = Inline(ctx.payment);
  l.paragraphs.push_back(
      "五、缴纳方式：" +
      (payment.empty() ? "请按本机关告知的方式缴纳，所收费用全额上缴国库" : payment) + "。");
  l.paragraphs.push_back("六、缴纳期限：请自收到本通知书次日起20个工作日内（最迟于" +
                         FormatDate(state.fee->pay_by) + "）缴纳。" + you +
                         "逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。");
  l.paragraphs.push_back("特此通知。");
  return l;
}

Result<Letter> LetterFor(const CaseState& state, const Event& event, const LetterContext& ctx) {
  switch (event.type()) {
    case EventType::kDecided:
    case EventType::kTransferred:
      return ReplyLetter(state, event, ctx);
    case EventType::kCorrectionRequested:
      return CorrectionNotice(state, event, ctx);
    case EventType::kExtended:
      return ExtensionNotice(state, event, ctx);
    case EventType::kLaterDeadline:
      return LaterDeadlineNotice(state, event, ctx);
    case EventType::kConsultationStarted:
      return ThirdPartyLetter(state, event, ctx);
    case EventType::kFeeNotified:
      return FeeNotice(state, event, ctx);
    default:
      return Status::NotFound("事件“" + std::string(cases::Label(event.type())) +
                              "”没有对应的文书");
  }
}

std::string PlainText(const Letter& l) {
  std::string out;
  auto add = [&out](std::string_view s) {
    if (s.empty()) return;
    out.append(s);
    out += '\n';
  };
  add(l.doc_no);
  add(l.title);
  if (!l.addressee.empty()) add(l.addressee + "：");
  for (const std::string& p : l.paragraphs) add(p);
  for (size_t i = 0; i < l.attachments.size(); ++i) {
    add((i == 0 ? "附件：" : "") +
        (l.attachments.size() > 1 ? Numbered(i + 1, l.attachments[i]) : l.attachments[i]));
  }
  add(l.issuer);
  add(FormatDate(l.date));
  add(l.contact_line);
  return out;
}

}  // namespace gk::letters
