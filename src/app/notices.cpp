#include "app/notices.h"

#include "cases/vocab.h"

namespace gk::app {

std::optional<store::MailRow> NoticeFor(const cases::CaseState& after, const cases::Event& e,
                                        const std::string& email, const std::string& agency,
                                        const std::string& now_iso) {
  if (email.empty() || e.entry == cases::Entry::kBackfilled) return std::nullopt;
  const std::string no = after.case_id;
  std::string subject, body;
  const std::string follow =
      "\n\n请凭申请编号和查询码在本机关政府信息公开网站“申请查询”页面查看办理进度、下载文书。\n" +
      agency;
  switch (e.type()) {
    case cases::EventType::kRegistered: {
      subject = "政府信息公开申请已收到（" + no + "）";
      body = "您于" + after.received_on.ToString() +
             "提交的政府信息公开申请已收到并登记，申请编号 " + no + "。";
      if (after.deadlines)
        body += "依照《政府信息公开条例》第三十三条，答复期限为 " +
                after.deadlines->due_on.ToString() + "。";
      break;
    }
    case cases::EventType::kCorrectionRequested: {
      const auto& p = std::get<cases::CorrectionRequestedPayload>(e.payload);
      subject = "请补正政府信息公开申请（" + no + "）";
      body = "您的政府信息公开申请（" + no +
             "）内容不够明确，依照《政府信息公开条例》第三十条，请于 " + p.period_end.ToString() +
             " 前补正：" + p.items + "。逾期无正当理由不补正的，视为放弃申请。";
      break;
    }
    case cases::EventType::kExtended: {
      subject = "政府信息公开申请延期答复（" + no + "）";
      body = "依照《政府信息公开条例》第三十三条第二款，您的申请（" + no + "）答复期限延长" +
             std::to_string(std::get<cases::ExtendedPayload>(e.payload).days) + "个工作日";
      if (after.deadlines) body += "，延长后的答复期限为 " + after.deadlines->due_on.ToString();
      body += "。";
      break;
    }
    case cases::EventType::kLaterDeadline: {
      subject = "政府信息公开申请答复期限（" + no + "）";
      body = "依照《政府信息公开条例》第三十五条，您的申请（" + no + "）的答复期限确定为 " +
             std::get<cases::LaterDeadlinePayload>(e.payload).due_on.ToString() + "。";
      break;
    }
    case cases::EventType::kFeeNotified: {
      const auto& p = std::get<cases::FeeNotifiedPayload>(e.payload);
      subject = "政府信息公开信息处理费缴费通知（" + no + "）";
      body = "您的申请（" + no + "）需缴纳信息处理费 " + std::to_string(p.amount_yuan) +
             " 元，请按收费通知书的要求缴纳；逾期未缴纳的，视为放弃申请。";
      break;
    }
    case cases::EventType::kDecided:
    case cases::EventType::kTransferred:
      subject = "政府信息公开申请已答复（" + no + "）";
      body = "您的政府信息公开申请（" + no + "）已于 " + e.occurred_on.ToString() + " 作出答复。";
      break;
    default:
      return std::nullopt;
  }
  store::MailRow m;
  m.to_addr = email;
  m.subject = subject;
  m.body = body + follow;
  m.case_id = no;
  m.created_at = now_iso;
  return m;
}

}  // namespace gk::app
