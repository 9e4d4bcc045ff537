#include "cases/events.h"

#include <string>

#include "core/ids.h"
#include "core/text.h"
#include "law/deadline.h"

namespace gk::cases {
namespace {

// Length limits in code points (interface.md gives the description's; the
// others are generous bounds so that a stored event stays small).
constexpr size_t kShort = 200;   // names, references, ids
constexpr size_t kMedium = 500;  // addresses, contacts
constexpr size_t kLong = 5000;   // descriptions, summaries, notes (interface.md)
constexpr size_t kMaxIdNumber = 64;

enum class Need { kRequired, kOptional };
enum class Lines { kSingle, kMulti };

std::string Quote(std::string_view s) { return "“" + std::string(s) + "”"; }

bool IsSpace(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x3000;
}

// The code points of `s` without leading and trailing white space (ASCII and
// U+3000 ideographic space).
std::u32string Trimmed(std::string_view s) {
  std::u32string u = text::ToUtf32(s);
  size_t b = 0;
  size_t e = u.size();
  while (b < e && IsSpace(u[b])) ++b;
  while (e > b && IsSpace(u[e - 1])) --e;
  return u.substr(b, e - b);
}

// Common checks of a text field: valid UTF-8, no control characters (line
// breaks and tabs only in multi-line fields), at most `max` code points, and
// not blank when required.
Status CheckText(std::string_view path, std::string_view value, Need need, size_t max,
                 Lines lines = Lines::kSingle) {
  if (!text::IsValidUtf8(value))
    return Status::Invalid(std::string(path) + "：不是有效的UTF-8文本");
  const std::u32string u = text::ToUtf32(value);
  for (char32_t c : u) {
    const bool control = c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0);
    const bool allowed_break = lines == Lines::kMulti && (c == U'\n' || c == U'\r' || c == U'\t');
    if (control && !allowed_break) {
      return Status::Invalid(std::string(path) + "：含有不可打印的控制字符");
    }
  }
  const size_t n = Trimmed(value).size();
  if (n == 0) {
    if (need == Need::kRequired) return Status::Invalid(std::string(path) + "：不能为空");
    return Status::Ok();
  }
  if (u.size() > max) {
    return Status::Invalid(std::string(path) + "：长度不能超过" + std::to_string(max) +
                           "个字符，实际为" + std::to_string(u.size()) + "个");
  }
  return Status::Ok();
}

std::string Join(std::string_view prefix, std::string_view key) {
  return std::string(prefix) + std::string(key);
}

Status Prefixed(std::string_view path, const Status& s) {
  if (s.ok()) return s;
  return Status(s.code(), std::string(path) + "：" + s.message());
}

Status CheckIdNumber(std::string_view path, IdType type, std::string_view number, Need need) {
  if (Status s = CheckText(path, number, need, kMaxIdNumber); !s.ok()) return s;
  if (Trimmed(number).empty()) return Status::Ok();
  switch (type) {
    case IdType::kResidentId:
      return Prefixed(path, ids::ValidateResidentId(number));  // GB 11643-1999
    case IdType::kUscc:
      return Prefixed(path, ids::ValidateUscc(number));  // GB 32100-2015, position 18
    default:
      return Status::Ok();
  }
}

// interface.md: 5–20 of digits, spaces and +-().
Status CheckPhone(std::string_view path, std::string_view phone, Need need) {
  if (phone.empty()) {
    return need == Need::kRequired ? Status::Invalid(std::string(path) + "：不能为空")
                                   : Status::Ok();
  }
  bool chars_ok = phone.size() >= 5 && phone.size() <= 20;
  for (char c : phone) {
    chars_ok = chars_ok &&
               ((c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '-' || c == '(' || c == ')');
  }
  if (!chars_ok) {
    return Status::Invalid(std::string(path) +
                           "：联系电话应为5至20位数字，可含空格和“+-()”，例如 0631-5288888");
  }
  return Status::Ok();
}

// A plain form check: local@domain with a dot in the domain, no spaces.
Status CheckEmail(std::string_view path, std::string_view email, Need need) {
  if (email.empty()) {
    return need == Need::kRequired ? Status::Invalid(std::string(path) + "：不能为空")
                                   : Status::Ok();
  }
  if (Status s = CheckText(path, email, need, 254); !s.ok()) return s;
  const size_t at = email.find('@');
  const bool ok = at != std::string_view::npos && at > 0 &&
                  email.find('@', at + 1) == std::string_view::npos &&
                  email.find('.', at + 2) != std::string_view::npos && email.back() != '.' &&
                  email.find_first_of(" \t\r\n") == std::string_view::npos;
  if (!ok) return Status::Invalid(std::string(path) + "：电子邮箱格式不正确，例如 name@example.cn");
  return Status::Ok();
}

Status CheckAgent(std::string_view prefix, const Agent& a) {
  if (Status s = CheckText(Join(prefix, "name"), a.name, Need::kRequired, kShort); !s.ok())
    return s;
  if (Status s = CheckIdNumber(Join(prefix, "id_number"), a.id_type, a.id_number, Need::kRequired);
      !s.ok()) {
    return s;
  }
  return CheckText(Join(prefix, "authorisation"), a.authorisation, Need::kRequired, kShort);
}

// Uploaded documents: PDF, JPEG or PNG, each 1 byte to 5 MiB, at most five.
Status CheckAttachments(const std::string& path, const std::vector<AttachmentRef>& list) {
  if (list.size() > kMaxAttachments) {
    return Status::Invalid(path + "：最多上传" + std::to_string(kMaxAttachments) + "个文件");
  }
  for (size_t i = 0; i < list.size(); ++i) {
    const AttachmentRef& f = list[i];
    const std::string at = path + "[" + std::to_string(i) + "]";
    if (Status s = CheckText(at + ".name", f.name, Need::kRequired, kShort); !s.ok()) return s;
    bool hex = f.sha256.size() == 64;
    for (char c : f.sha256) hex = hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    if (!hex) return Status::Invalid(at + ".sha256：应为64位小写十六进制");
    if (f.mime != "application/pdf" && f.mime != "image/jpeg" && f.mime != "image/png") {
      return Status::Invalid(at + ".mime：只接受PDF、JPEG或PNG文件");
    }
    if (f.size < 1 || f.size > kMaxAttachmentBytes) {
      return Status::Invalid(at + ".size：文件大小应在1字节至5MB之间");
    }
  }
  return Status::Ok();
}

Status CheckApplication(std::string_view prefix, const Application& a, Entry entry) {
  // Art. 29: name, identity proof and contact details; for 补录 entries only
  // the name is required of these (old 台账 often lack the rest).
  const Need identity = entry == Entry::kLive ? Need::kRequired : Need::kOptional;
  if (Status s = CheckText(Join(prefix, "name"), a.name, Need::kRequired, kShort); !s.ok())
    return s;
  if (Status s = CheckIdNumber(Join(prefix, "id_number"), a.id_type, a.id_number, identity);
      !s.ok()) {
    return s;
  }
  if (Status s =
          CheckText(Join(prefix, "contact_person"), a.contact_person, Need::kOptional, kShort);
      !s.ok()) {
    return s;
  }
  if (Status s = CheckPhone(Join(prefix, "phone"), a.phone, identity); !s.ok()) return s;
  // A posted reply needs an address; an e-mailed one an e-mail address.
  const Need address = a.delivery == Delivery::kPost ? identity : Need::kOptional;
  if (Status s = CheckText(Join(prefix, "address"), a.address, address, kMedium); !s.ok()) {
    if (s.message().ends_with("不能为空")) {
      return Status::Invalid(Join(prefix, "address") + "：获取方式为邮寄时，通讯地址不能为空");
    }
    return s;
  }
  const Need email = a.delivery == Delivery::kEmail ? identity : Need::kOptional;
  if (Status s = CheckEmail(Join(prefix, "email"), a.email, email); !s.ok()) {
    if (s.message().ends_with("不能为空")) {
      return Status::Invalid(Join(prefix, "email") + "：获取方式为电子邮件时，电子邮箱不能为空");
    }
    return s;
  }
  // interface.md: 1–5000 characters after trimming.
  if (Status s = CheckText(Join(prefix, "description"), a.description, Need::kRequired, kLong,
                           Lines::kMulti);
      !s.ok()) {
    return s;
  }
  if (Trimmed(a.description).size() > kLong) {
    return Status::Invalid(Join(prefix, "description") + "：长度不能超过5000个字符");
  }
  if (a.agent) {
    if (Status s = CheckAgent(Join(prefix, "agent."), *a.agent); !s.ok()) return s;
  }
  return CheckAttachments(Join(prefix, "attachments"), a.attachments);
}

Status CheckAssistance(std::string_view prefix, const AssistanceRequest& r) {
  if (Status s = CheckText(Join(prefix, "from_organ"), r.from_organ, Need::kRequired, kShort);
      !s.ok()) {
    return s;
  }
  if (Status s = CheckText(Join(prefix, "reference"), r.reference, Need::kOptional, kShort);
      !s.ok()) {
    return s;
  }
  return CheckText(Join(prefix, "subject"), r.subject, Need::kRequired, kLong, Lines::kMulti);
}

Status CheckReceived(std::string_view p, const ReceivedPayload& r, Entry entry) {
  if (Status s = CheckText(Join(p, "agency_id"), r.agency_id, Need::kRequired, kShort); !s.ok()) {
    return s;
  }
  if (r.kind == CaseKind::kApplication) {
    if (r.assistance)
      return Status::Invalid(Join(p, "assistance") + "：政府信息公开申请不能含有协助调查来函信息");
    if (!r.application) return Status::Invalid(Join(p, "application") + "：缺少申请内容");
    return CheckApplication(Join(p, "application."), *r.application, entry);
  }
  if (r.application)
    return Status::Invalid(Join(p, "application") + "：协助调查不能含有申请人信息");
  if (!r.assistance) return Status::Invalid(Join(p, "assistance") + "：缺少协助调查来函信息");
  return CheckAssistance(Join(p, "assistance."), *r.assistance);
}

Status CheckOrgan(std::string_view prefix, const Organ& o) {
  if (Status s = CheckText(Join(prefix, "name"), o.name, Need::kRequired, kShort); !s.ok())
    return s;
  return CheckText(Join(prefix, "contact"), o.contact, Need::kOptional, kMedium);
}

Status CheckDecided(std::string_view p, const DecidedPayload& d) {
  using law::Outcome;
  switch (d.outcome) {
    case Outcome::kDeemedWithdrawn:
      return Status::Invalid(Join(p, "outcome") + "：逾期未补正请登记 deemed_withdrawn 事件");
    case Outcome::kFeeUnpaid:
      return Status::Invalid(Join(p, "outcome") + "：逾期未缴费请登记 fee_unpaid 事件");
    case Outcome::kWithdrawn:
      return Status::Invalid(Join(p, "outcome") + "：申请人撤回申请请登记 withdrawn 事件");
    default:
      break;
  }
  // Art. 36: the reply type is the outcome's, where it has one.
  const std::optional<law::ReplyType> reply = law::ReplyTypeOf(d.outcome);
  if (reply != d.reply_type) {
    if (!reply) {
      return Status::Invalid(Join(p, "reply_type") + "：办理结果" + Quote(law::Label(d.outcome)) +
                             "不属于第三十六条的答复类型，不能填写答复类型");
    }
    return Status::Invalid(Join(p, "reply_type") + "：办理结果" + Quote(law::Label(d.outcome)) +
                           "的答复类型应为" + std::string(law::Key(*reply)) + "（" +
                           std::string(law::Label(*reply)) + "，" +
                           std::string(law::Article(*reply)) + "）");
  }
  // Arts. 14–16: a refusal names its ground; an Art. 37 partial reply may.
  const std::optional<law::WithholdReason> ground = law::WithholdReasonOf(d.outcome);
  if (ground) {
    if (d.withhold_reason != ground) {
      return Status::Invalid(Join(p, "withhold_reason") + "：办理结果" +
                             Quote(law::Label(d.outcome)) + "的不予公开理由应为" +
                             std::string(law::Key(*ground)));
    }
  } else if (d.withhold_reason && d.outcome != Outcome::kPartial) {
    return Status::Invalid(Join(p, "withhold_reason") +
                           "：只有不予公开或部分公开的答复才能填写不予公开理由");
  }
  if (d.competent_organ) {
    if (d.outcome != Outcome::kNotThisOrgan) {
      return Status::Invalid(Join(p, "competent_organ") +
                             "：只有“不属于本机关负责公开”的答复才能填写负责公开的机关");
    }
    if (Status s = CheckOrgan(Join(p, "competent_organ."), *d.competent_organ); !s.ok()) return s;
  }
  if (Status s =
          CheckText(Join(p, "legal_basis"), d.legal_basis, Need::kRequired, kLong, Lines::kMulti);
      !s.ok()) {
    return s;
  }
  return CheckText(Join(p, "summary"), d.summary, Need::kOptional, kLong, Lines::kMulti);
}

Status CheckReviewFields(std::string_view p, const ReviewFields& r) {
  if (Status s = CheckText(Join(p, "reviewer"), r.reviewer, Need::kRequired, kShort); !s.ok()) {
    return s;
  }
  const Need note = r.result == ReviewResult::kReturned ? Need::kRequired : Need::kOptional;
  if (Status s = CheckText(Join(p, "note"), r.note, note, kLong, Lines::kMulti); !s.ok()) {
    if (s.message().ends_with("不能为空")) {
      return Status::Invalid(Join(p, "note") + "：审查结果为退回修改时，须写明意见");
    }
    return s;
  }
  return Status::Ok();
}

Status CheckFeeNotified(std::string_view p, const FeeNotifiedPayload& f) {
  if (f.quantity < 1 || f.quantity > law::kMaxPiecesPerMonth) {
    return Status::Invalid(Join(p, "quantity") + "：件数或页数应为1至" +
                           std::to_string(law::kMaxPiecesPerMonth) + "之间的整数");
  }
  if (f.method == law::FeeMethod::kByPage && f.prior_pieces != 0) {
    return Status::Invalid(Join(p, "prior_pieces") + "：按量计收时不适用本月已计件数，应为0");
  }
  if (f.prior_pieces < 0 || f.prior_pieces + f.quantity > law::kMaxPiecesPerMonth) {
    return Status::Invalid(Join(p, "prior_pieces") + "：本月已计件数应为不小于0的整数");
  }
  // 109号: the amount is the progressive fee of the chosen method.
  Result<law::FeeQuote> quote = f.method == law::FeeMethod::kByPiece
                                    ? law::FeeByPiece(f.prior_pieces, f.quantity)
                                    : law::FeeByPage(f.quantity);
  if (!quote.ok()) return Prefixed(Join(p, "quantity"), quote.status());
  if (quote->total_yuan == 0) {
    return Status::Invalid(Join(p, "quantity") +
                           "：按国办函〔2020〕109号的标准该申请免费，不应发出收费通知");
  }
  if (f.amount_yuan != quote->total_yuan) {
    return Status::Invalid(Join(p, "amount_yuan") + "：按" + Quote(Label(f.method)) + "标准应收" +
                           std::to_string(quote->total_yuan) + "元，填写的是" +
                           std::to_string(f.amount_yuan) + "元");
  }
  return Status::Ok();
}

Status CheckPayload(std::string_view p, const Payload& payload, Entry entry) {
  struct Visitor {
    std::string_view p;
    Entry entry;
    Status operator()(const ReceivedPayload& r) const { return CheckReceived(p, r, entry); }
    Status operator()(const RegisteredPayload& r) const {
      return CheckText(Join(p, "tracking_no"), r.tracking_no, Need::kRequired, 64);
    }
    Status operator()(const AssignedPayload& a) const {
      if (Status s = CheckText(Join(p, "unit"), a.unit, Need::kRequired, kShort); !s.ok()) return s;
      return CheckText(Join(p, "handler"), a.handler, Need::kRequired, kShort);
    }
    Status operator()(const CorrectionRequestedPayload& c) const {
      return CheckText(Join(p, "items"), c.items, Need::kRequired, kLong, Lines::kMulti);
    }
    Status operator()(const CorrectedPayload& c) const {
      if (Status s =
              CheckText(Join(p, "summary"), c.summary, Need::kOptional, kLong, Lines::kMulti);
          !s.ok()) {
        return s;
      }
      return CheckText(Join(p, "late_reason"), c.late_reason, Need::kOptional, kLong,
                       Lines::kMulti);
    }
    Status operator()(const DeemedWithdrawnPayload& d) const {
      return CheckText(Join(p, "note"), d.note, Need::kOptional, kLong, Lines::kMulti);
    }
    Status operator()(const ConsultationStartedPayload& c) const {
      if (Status s = CheckText(Join(p, "consultation_id"), c.consultation_id, Need::kRequired, 64);
          !s.ok()) {
        return s;
      }
      if (Status s = CheckText(Join(p, "name"), c.name, Need::kRequired, kShort); !s.ok()) return s;
      return CheckText(Join(p, "subject"), c.subject, Need::kOptional, kLong, Lines::kMulti);
    }
    Status operator()(const ConsultationEndedPayload& c) const {
      if (Status s = CheckText(Join(p, "consultation_id"), c.consultation_id, Need::kRequired, 64);
          !s.ok()) {
        return s;
      }
      return CheckText(Join(p, "note"), c.note, Need::kOptional, kLong, Lines::kMulti);
    }
    Status operator()(const LaterDeadlinePayload& x) const {
      // Art. 35: the organ states why the period cannot be met.
      return CheckText(Join(p, "reason"), x.reason, Need::kRequired, kLong, Lines::kMulti);
    }
    Status operator()(const ExtendedPayload& x) const {
      // Art. 33 ¶2: at most 20 working days.
      if (x.days < 1 || x.days > law::kExtensionDays) {
        return Status::Invalid(Join(p, "days") +
                               "：延长期限应为1至20个工作日（第三十三条第二款），填写的是" +
                               std::to_string(x.days));
      }
      if (Status s = CheckText(Join(p, "approver"), x.approver, Need::kRequired, kShort); !s.ok()) {
        return s;
      }
      return CheckText(Join(p, "reason"), x.reason, Need::kRequired, kLong, Lines::kMulti);
    }
    Status operator()(const LegalReviewPayload& r) const { return CheckReviewFields(p, r); }
    Status operator()(const ConfidentialityReviewPayload& r) const {
      return CheckReviewFields(p, r);
    }
    Status operator()(const FeeNotifiedPayload& f) const { return CheckFeeNotified(p, f); }
    Status operator()(const FeePaidPayload& f) const {
      if (f.amount_yuan <= 0) return Status::Invalid(Join(p, "amount_yuan") + "：缴费金额应大于0");
      return CheckText(Join(p, "receipt_ref"), f.receipt_ref, Need::kOptional, kShort);
    }
    Status operator()(const FeeUnpaidPayload& f) const {
      return CheckText(Join(p, "note"), f.note, Need::kOptional, kLong, Lines::kMulti);
    }
    Status operator()(const DecidedPayload& d) const { return CheckDecided(p, d); }
    Status operator()(const TransferredPayload& t) const {
      if (Status s = CheckOrgan(Join(p, "organ."), t.organ); !s.ok()) return s;
      if (Status s = CheckText(Join(p, "legal_basis"), t.legal_basis, Need::kRequired, kLong,
                               Lines::kMulti);
          !s.ok()) {
        return s;
      }
      return CheckText(Join(p, "summary"), t.summary, Need::kOptional, kLong, Lines::kMulti);
    }
    Status operator()(const ServedPayload& s) const {
      return CheckText(Join(p, "proof"), s.proof, Need::kOptional, kShort);
    }
    Status operator()(const ArchivedPayload& a) const {
      return CheckText(Join(p, "archive_ref"), a.archive_ref, Need::kOptional, kShort);
    }
    Status operator()(const WithdrawnPayload& w) const {
      return CheckText(Join(p, "reason"), w.reason, Need::kOptional, kLong, Lines::kMulti);
    }
    Status operator()(const ReviewFiledPayload& r) const {
      if (Status s = CheckText(Join(p, "review_id"), r.review_id, Need::kRequired, 64); !s.ok()) {
        return s;
      }
      return CheckText(Join(p, "body"), r.body, Need::kRequired, kShort);
    }
    Status operator()(const ReviewDecidedPayload& r) const {
      if (Status s = CheckText(Join(p, "review_id"), r.review_id, Need::kRequired, 64); !s.ok()) {
        return s;
      }
      return CheckText(Join(p, "note"), r.note, Need::kOptional, kLong, Lines::kMulti);
    }
    Status operator()(const LawsuitFiledPayload& l) const {
      if (Status s = CheckText(Join(p, "lawsuit_id"), l.lawsuit_id, Need::kRequired, 64); !s.ok()) {
        return s;
      }
      if (Status s = CheckText(Join(p, "court"), l.court, Need::kRequired, kShort); !s.ok())
        return s;
      if (l.route == LawsuitRoute::kAfterReview) {
        if (Status s = CheckText(Join(p, "review_id"), l.review_id, Need::kRequired, 64); !s.ok()) {
          return Status::Invalid(Join(p, "review_id") + "：复议后起诉须写明所经的行政复议案号");
        }
      } else if (!l.review_id.empty()) {
        return Status::Invalid(Join(p, "review_id") + "：未经复议直接起诉不能填写行政复议案号");
      }
      return Status::Ok();
    }
    Status operator()(const LawsuitDecidedPayload& l) const {
      if (Status s = CheckText(Join(p, "lawsuit_id"), l.lawsuit_id, Need::kRequired, 64); !s.ok()) {
        return s;
      }
      return CheckText(Join(p, "note"), l.note, Need::kOptional, kLong, Lines::kMulti);
    }
    Status operator()(const AnsweredPayload& a) const {
      if (Status s = CheckText(Join(p, "reply_ref"), a.reply_ref, Need::kOptional, kShort);
          !s.ok()) {
        return s;
      }
      return CheckText(Join(p, "summary"), a.summary, Need::kRequired, kLong, Lines::kMulti);
    }
  };
  return std::visit(Visitor{p, entry}, payload);
}

bool Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return false;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}
int Num(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM]
bool IsIsoTimestamp(std::string_view s) {
  if (s.size() < 19 || !Date::Parse(s.substr(0, 10)).ok() || s[10] != 'T') return false;
  if (!Digits(s, 11, 2) || s[13] != ':' || !Digits(s, 14, 2) || s[16] != ':' || !Digits(s, 17, 2)) {
    return false;
  }
  if (Num(s, 11, 2) > 23 || Num(s, 14, 2) > 59 || Num(s, 17, 2) > 60) return false;
  size_t i = 19;
  if (i < s.size() && s[i] == '.') {
    size_t j = i + 1;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    if (j == i + 1 || j - i - 1 > 9) return false;
    i = j;
  }
  if (i == s.size()) return true;
  if (s[i] == 'Z') return i + 1 == s.size();
  if (s[i] != '+' && s[i] != '-') return false;
  return s.size() == i + 6 && Digits(s, i + 1, 2) && s[i + 3] == ':' && Digits(s, i + 4, 2) &&
         Num(s, i + 1, 2) <= 14 && Num(s, i + 4, 2) <= 59;
}

Status CheckCaseId(std::string_view id) {
  if (Status s = CheckText("case_id", id, Need::kRequired, 64); !s.ok()) return s;
  for (char32_t c : text::ToUtf32(id)) {
    if (IsSpace(c)) return Status::Invalid("case_id：申请编号不能含有空白字符");
  }
  return Status::Ok();
}

std::string DateText(Date d) { return d.ToString(); }

}  // namespace

EventType TypeOf(const Payload& p) { return static_cast<EventType>(p.index()); }

Result<Date> ReceiptDate(Channel channel, const ReceiptEvidence& ev, Date submitted_on) {
  const std::string p = "payload.evidence.";
  switch (channel) {
    case Channel::kInPerson:
    case Channel::kOral:
      // Art. 31(1): the day submitted (oral: the day the office fills in the form).
      if (ev.postmark_on || ev.signed_on || ev.confirmed_on || ev.confirmed_by) {
        return Status::Invalid(
            p +
            "signed_on：当面提交或口头提出的申请以提交之日为收到之日，不填写邮戳、签收或确认信息");
      }
      return submitted_on;
    case Channel::kLetter:
      // Art. 31(2): post needing a signature → the day signed for; ordinary
      // letter → the day the office confirms with the applicant.
      if (ev.signed_on && ev.confirmed_on) {
        return Status::Invalid(
            p + "confirmed_on：信函申请只能以签收之日或确认之日之一为收到之日，不能同时填写");
      }
      if (ev.postmark_on) {
        const std::optional<Date> got = ev.signed_on ? ev.signed_on : ev.confirmed_on;
        if (got && *ev.postmark_on > *got) {
          return Status::Invalid(p + "postmark_on：邮戳日期" + DateText(*ev.postmark_on) +
                                 "不能晚于收到日期" + DateText(*got));
        }
      }
      if (ev.signed_on) {
        if (ev.confirmed_by) {
          return Status::Invalid(p + "confirmed_by：以签收之日为收到之日时不填写确认方式");
        }
        return *ev.signed_on;
      }
      if (!ev.confirmed_on) {
        return Status::Invalid(
            p +
            "signed_"
            "on：信函申请须填写签收日期（需签收的邮件）或确认日期（平常信函，第三十一条第二项）");
      }
      if (!ev.confirmed_by) return Status::Invalid(p + "confirmed_by：须写明与申请人确认的方式");
      return *ev.confirmed_on;
    case Channel::kOnline:
    case Channel::kFax:
    case Channel::kEmail:
      // Art. 31(3): internet channels and fax → the day both sides confirm.
      if (ev.postmark_on || ev.signed_on) {
        return Status::Invalid(p + "signed_on：网上、传真、电子邮件申请不填写邮戳或签收日期");
      }
      if (!ev.confirmed_on) {
        return Status::Invalid(p +
                               "confirmed_"
                               "on：网上、传真、电子邮件申请以双方确认之日为收到之日，须填写确认日"
                               "期（第三十一条第三项）");
      }
      if (!ev.confirmed_by) return Status::Invalid(p + "confirmed_by：须写明确认方式");
      return *ev.confirmed_on;
  }
  return Status::Invalid(p + "：未知的提交渠道");
}

Status ValidateApplication(const Application& a, Entry entry) {
  return CheckApplication("", a, entry);
}

Status ValidatePayload(const Payload& p, Entry entry) { return CheckPayload("payload.", p, entry); }

Status ValidateEvent(const Event& e) {
  if (Status s = CheckCaseId(e.case_id); !s.ok()) return s;
  if (e.sequence < 1) {
    return Status::Invalid("sequence：事件序号应从1开始，实际为" + std::to_string(e.sequence));
  }
  if (!IsIsoTimestamp(e.recorded_at)) {
    return Status::Invalid(
        "recorded_at：记录时间应为ISO 8601格式（如2021-03-01T09:30:00+08:00），实际为" +
        Quote(e.recorded_at));
  }
  if (Status s = CheckText("actor", e.actor, Need::kRequired, kShort); !s.ok()) return s;
  if (e.actor == kImportActor && e.entry != Entry::kBackfilled) {
    return Status::Invalid("entry：导入（import）的事件应标记为补录（backfilled）");
  }
  if (e.actor == kPublicActor && e.entry != Entry::kLive) {
    return Status::Invalid("entry：申请人网上提交（public）的事件不能标记为补录");
  }
  if (Status s = ValidatePayload(e.payload, e.entry); !s.ok()) return s;

  // Rules that tie the payload to the event's own fields.
  if (const auto* r = std::get_if<ReceivedPayload>(&e.payload)) {
    Result<Date> receipt = ReceiptDate(r->channel, r->evidence, e.occurred_on);
    if (!receipt.ok()) return receipt.status();
    if (*receipt != e.occurred_on) {
      return Status::Invalid("occurred_on：收到日期应为" + DateText(*receipt) +
                             "（第三十一条：按提交渠道确定的收到之日），填写的是" +
                             DateText(e.occurred_on));
    }
    if (r->kind == CaseKind::kAssistance && r->assistance && r->assistance->reply_by &&
        *r->assistance->reply_by < e.occurred_on) {
      return Status::Invalid("payload.assistance.reply_by：复函期限不能早于收到日期");
    }
  } else if (const auto* g = std::get_if<RegisteredPayload>(&e.payload)) {
    if (g->tracking_no != e.case_id) {
      return Status::Invalid("payload.tracking_no：登记编号" + Quote(g->tracking_no) +
                             "应与申请编号" + Quote(e.case_id) + "一致");
    }
  } else if (const auto* c = std::get_if<CorrectionRequestedPayload>(&e.payload)) {
    if (c->period_end <= e.occurred_on) {
      return Status::Invalid("payload.period_end：补正期限" + DateText(c->period_end) +
                             "应晚于补正通知日期" + DateText(e.occurred_on));
    }
  } else if (const auto* s = std::get_if<ConsultationStartedPayload>(&e.payload)) {
    if (s->answer_by < e.occurred_on) {
      return Status::Invalid("payload.answer_by：答复期限不能早于征求意见之日" +
                             DateText(e.occurred_on));
    }
  } else if (const auto* x = std::get_if<ExtendedPayload>(&e.payload)) {
    if (x->notice_on < e.occurred_on) {
      return Status::Invalid("payload.notice_on：告知申请人的日期" + DateText(x->notice_on) +
                             "不能早于批准延期的日期" + DateText(e.occurred_on));
    }
  } else if (const auto* l = std::get_if<LaterDeadlinePayload>(&e.payload)) {
    if (l->notice_on < e.occurred_on) {
      return Status::Invalid("payload.notice_on：告知申请人的日期" + DateText(l->notice_on) +
                             "不能早于确定答复期限的日期" + DateText(e.occurred_on));
    }
    if (l->due_on <= l->notice_on) {
      return Status::Invalid("payload.due_on：另行确定的答复期限" + DateText(l->due_on) +
                             "应晚于告知申请人的日期" + DateText(l->notice_on));
    }
  } else if (const auto* f = std::get_if<FeeNotifiedPayload>(&e.payload)) {
    if (f->notice_received_on < e.occurred_on) {
      return Status::Invalid(
          "payload.notice_received_on：申请人收到收费通知的日期不能早于发出日期" +
          DateText(e.occurred_on));
    }
  }
  return Status::Ok();
}

}  // namespace gk::cases
