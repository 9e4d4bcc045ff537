// The official letters (公文) of an application's case file, as a pure model:
// the reply (答复书, Arts. 36–39), the correction notice (补正告知书, Art. 30),
// the extension notice (延期答复告知书, Art. 33 ¶2), the request for a third
// party's or an organ's opinion (征求意见函, Arts. 32–34) and the fee notice
// (收费通知书, Art. 42; 国办函〔2020〕109号). docs/letters.md lists their texts.
//
// A Letter holds the elements of an official letter after GB/T 9704-2012 —
// 发文字号, title, 主送, body, 附件说明, 发文机关署名, 成文日期, 附注 — as plain
// text; how they are laid out on the page is the renderers' job (docx.h,
// pdf.h, layout.h). Builders are pure: no clock, no I/O; the date and the
// agency's particulars come in the LetterContext.
//
// Privacy: a letter goes to the applicant and may carry the applicant's name
// (主送), never the identity number, telephone, address or e-mail; the builders
// do not read those fields. A letter to a third party or an organ does not
// name the applicant at all.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/events.h"
#include "cases/projection.h"
#include "core/date.h"
#include "core/status.h"

namespace gk::letters {

struct Letter {
  std::string doc_no;                    // 发文字号, e.g. 临管依申请〔2026〕12号
  std::string title;                     // 标题, e.g. 政府信息公开申请答复书
  std::string addressee;                 // 主送 (without the colon)
  std::vector<std::string> paragraphs;   // 正文, one entry per paragraph
  std::vector<std::string> attachments;  // 附件 names, in order, without numbers
  std::string issuer;                    // 发文机关署名 (落款机关)
  Date date;                             // 成文日期
  std::string contact_line;  // 附注, e.g. （联系人：王五，联系电话：…）; may be ""
};

// What the case file does not hold: the agency's particulars, the numbering
// and the addressee. Required fields are named per builder below.
struct LetterContext {
  std::string agency;  // 发文机关 full name (署名), e.g. 威海临港经济技术开发区管理委员会
  std::string review_body;  // 行政复议机关 (replies), e.g. 威海市人民政府
  std::string court;  // 人民法院 for a lawsuit (replies), e.g. 威海市环翠区人民法院
  std::string doc_no_prefix;   // 发文机关代字, e.g. 临管依申请
  int serial = 0;              // 发文顺序号, ≥ 1
  std::string applicant_name;  // 主送 of letters to the applicant (name only)
  // The information sought, quoted in the opening (e.g. the application's
  // description); "" leaves the quotation out.
  std::string request;
  // 成文日期; nullopt: the event's date (the decision, the notice).
  std::optional<Date> date;
  // The office's contact for the 附注, e.g. 联系人：王五，联系电话：0631-5200000;
  // "" for none. Never the applicant's.
  std::string contact;
  std::vector<std::string> attachments;  // 附件 names (e.g. the information provided)
  // Replies under Art. 36(一): where the agency publishes (e.g. its 政府信息公开
  // 专栏 address), used when the decision's summary does not say how to obtain
  // the information.
  std::string portal;
  // Fee notices: how to pay (账户、缴款方式); "" gives a general sentence.
  std::string payment;
};

// 发文字号 after GB/T 9704-2012 7.2.5: 机关代字 + 〔年份〕 + 序号 (no leading
// zeros, no 第), e.g. DocNo("临管依申请", 2026, 12) → 临管依申请〔2026〕12号.
std::string DocNo(std::string_view prefix, int year, int serial);

// 成文日期 after GB/T 9704-2012 7.3.5.4: Arabic numerals, the year in full,
// month and day without leading zeros, e.g. 2026年3月5日.
std::string FormatDate(Date d);

// For every builder: `state` is the case projected after `event` (Replay up
// to and including it); `event` belongs to that case (same case_id) and is of
// the builder's type. Otherwise, or when a required context field is missing,
// Status::Invalid naming the field; nothing throws.

// The reply to the applicant (答复书) for a `decided` event, whatever its
// outcome — the seven replies of Art. 36, partial disclosure (Art. 37),
// needs creation (Art. 38), petition and publication (Art. 39), repeat
// (Art. 36(六)), mass repeat (Art. 35), confirm/reissue, unclear after
// correction (Art. 30), other — or a `transferred` event (Art. 36(五)). The
// body cites the articles and ends with the remedies of Art. 51: review
// within 60 days, lawsuit within 6 months. Requires agency, review_body,
// court, doc_no_prefix, serial, applicant_name.
Result<Letter> ReplyLetter(const cases::CaseState& state,
                           const cases::Event& decided_or_transferred, const LetterContext& ctx);

// 补正告知书 for a `correction_requested` event (Art. 30): the items to
// correct, the period's last day, the clock restarting on the corrected
// application and the consequence (视为放弃申请). Requires agency,
// doc_no_prefix, serial, applicant_name.
Result<Letter> CorrectionNotice(const cases::CaseState& state, const cases::Event& correction,
                                const LetterContext& ctx);

// 延期答复告知书 for an `extended` event (Art. 33 ¶2): the reason, the days
// granted with the head's approval and the new due date
// (state.deadlines->due_on). Dated the notice day by default. Requires
// agency, doc_no_prefix, serial, applicant_name.
Result<Letter> ExtensionNotice(const cases::CaseState& state, const cases::Event& extended,
                               const LetterContext& ctx);

// 另行确定答复期限告知书 for a `later_deadline` event (Art. 35): the reason
// and the deadline fixed (state.deadlines->due_on). Dated the notice day.
// Requires agency, doc_no_prefix, serial, applicant_name.
Result<Letter> LaterDeadlineNotice(const cases::CaseState& state, const cases::Event& later,
                                   const LetterContext& ctx);

// 征求意见函 for a `consultation_started` event, addressed to the party
// consulted: a third party (Art. 32: answer within 15 working days; silence →
// the organ decides; objection with reasonable grounds → not disclosed unless
// the public interest requires it), a co-producing organ (Art. 34: 15 working
// days; silence → deemed consent) or another organ (Art. 33 ¶3). Never names
// the applicant. Requires agency, doc_no_prefix, serial.
Result<Letter> ThirdPartyLetter(const cases::CaseState& state, const cases::Event& consultation,
                                const LetterContext& ctx);

// 收费通知书 for a `fee_notified` event (Art. 42; 国办函〔2020〕109号): the basis,
// the standard of the method, the band-by-band computation of law::FeeQuote,
// the amount, the way to pay and the pay-by date (state.fee->pay_by: 20
// working days from the day after receipt of the notice), with the
// consequence of not paying (视为放弃申请). Requires agency, doc_no_prefix,
// serial, applicant_name.
Result<Letter> FeeNotice(const cases::CaseState& state, const cases::Event& fee_notified,
                         const LetterContext& ctx);

// The letter an event calls for, by its type (decided, transferred,
// correction_requested, extended, consultation_started, fee_notified);
// NotFound for an event that has no letter.
Result<Letter> LetterFor(const cases::CaseState& state, const cases::Event& event,
                         const LetterContext& ctx);

// Every text of the letter joined by newlines, in reading order: for search,
// tests and checks of what a letter discloses.
std::string PlainText(const Letter& letter);

}  // namespace gk::letters
