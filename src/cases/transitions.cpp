#include "cases/transitions.h"

#include <algorithm>
#include <string>

#include "law/deadline.h"

namespace gk::cases {
namespace {

using S = CaseStatus;
using T = EventType;
constexpr CaseKind kApp = CaseKind::kApplication;
constexpr CaseKind kAst = CaseKind::kAssistance;

constexpr StatusSet Set(std::initializer_list<CaseStatus> list) {
  StatusSet m = 0;
  for (CaseStatus s : list) m |= Bit(s);
  return m;
}

// Open statuses of an application in which work on the reply goes on.
constexpr StatusSet kWorking = Set({S::kRegistered, S::kAssigned, S::kUnderReview});
// Every status an application can have after receipt.
constexpr StatusSet kAfterReceipt =
    Set({S::kReceived, S::kRegistered, S::kAssigned, S::kAwaitingCorrection, S::kConsulting,
         S::kUnderReview, S::kAwaitingFee, S::kDecided, S::kServed, S::kWithdrawn, S::kAbandoned,
         S::kArchived});
// The statuses before the application is concluded.
constexpr StatusSet kOpen = Set({S::kReceived, S::kRegistered, S::kAssigned, S::kAwaitingCorrection,
                                 S::kConsulting, S::kUnderReview, S::kAwaitingFee});

// THE transition table (docs/cases.md prints it).
constexpr Transition kTable[] = {
    // ---- Applications ----
    {kApp, T::kReceived, Set({S::kNone}), Next::kTo, S::kReceived},
    {kApp, T::kRegistered, Set({S::kReceived}), Next::kTo, S::kRegistered},
    {kApp, T::kAssigned, Set({S::kRegistered}), Next::kTo, S::kAssigned},
    // 转办 again (another unit or handler) while the work goes on.
    {kApp, T::kAssigned,
     Set({S::kAssigned, S::kAwaitingCorrection, S::kConsulting, S::kUnderReview, S::kAwaitingFee}),
     Next::kStay, S::kNone},
    // Art. 30: the 补正 notice comes before the substantive work.
    {kApp, T::kCorrectionRequested, Set({S::kRegistered, S::kAssigned}), Next::kTo,
     S::kAwaitingCorrection},
    {kApp, T::kCorrected, Set({S::kAwaitingCorrection}), Next::kResume, S::kNone},
    {kApp, T::kDeemedWithdrawn, Set({S::kAwaitingCorrection}), Next::kTo, S::kAbandoned},
    // Arts. 32–34; several consultations may run side by side.
    {kApp, T::kConsultationStarted, kWorking | Bit(S::kConsulting), Next::kTo, S::kConsulting},
    {kApp, T::kConsultationEnded, Set({S::kConsulting}), Next::kResume, S::kNone},
    // Art. 33 ¶2: while the reply period runs.
    {kApp, T::kExtended, kWorking | Bit(S::kConsulting) | Bit(S::kAwaitingFee), Next::kStay,
     S::kNone},
    // Art. 35: a later deadline, notified while the reply period runs.
    {kApp, T::kLaterDeadline, kWorking | Bit(S::kConsulting) | Bit(S::kAwaitingFee), Next::kStay,
     S::kNone},
    {kApp, T::kLegalReview, kWorking, Next::kTo, S::kUnderReview},
    {kApp, T::kConfidentialityReview, kWorking, Next::kTo, S::kUnderReview},
    // 109号: the fee is settled before the information is provided.
    {kApp, T::kFeeNotified, kWorking, Next::kTo, S::kAwaitingFee},
    {kApp, T::kFeePaid, Set({S::kAwaitingFee}), Next::kResume, S::kNone},
    {kApp, T::kFeeUnpaid, Set({S::kAwaitingFee}), Next::kTo, S::kAbandoned},
    // Art. 36–39 replies; Art. 36(5) with the competent organ named.
    {kApp, T::kDecided, kWorking, Next::kTo, S::kDecided},
    {kApp, T::kTransferred, kWorking, Next::kTo, S::kDecided},
    {kApp, T::kServed, Set({S::kDecided}), Next::kTo, S::kServed},
    {kApp, T::kArchived, Set({S::kServed, S::kWithdrawn, S::kAbandoned}), Next::kTo, S::kArchived},
    {kApp, T::kWithdrawn, kOpen, Next::kTo, S::kWithdrawn},
    // Art. 51: review and lawsuits are linked records; a review may also be
    // about a missing reply, so they are allowed at any time after receipt.
    {kApp, T::kReviewFiled, kAfterReceipt, Next::kStay, S::kNone},
    {kApp, T::kReviewDecided, kAfterReceipt, Next::kStay, S::kNone},
    {kApp, T::kLawsuitFiled, kAfterReceipt, Next::kStay, S::kNone},
    {kApp, T::kLawsuitDecided, kAfterReceipt, Next::kStay, S::kNone},
    // ---- 协助调查 ----
    {kAst, T::kReceived, Set({S::kNone}), Next::kTo, S::kReceived},
    {kAst, T::kAssigned, Set({S::kReceived}), Next::kTo, S::kAssigned},
    {kAst, T::kAssigned, Set({S::kAssigned}), Next::kStay, S::kNone},
    {kAst, T::kAnswered, Set({S::kReceived, S::kAssigned}), Next::kTo, S::kAnswered},
    {kAst, T::kArchived, Set({S::kAnswered}), Next::kTo, S::kArchived},
};

// Roles allowed to record events from the public side (the applicant online).
constexpr EventType kPublicEvents[] = {T::kReceived, T::kRegistered, T::kCorrected, T::kWithdrawn};

std::string Q(std::string_view s) { return "“" + std::string(s) + "”"; }
std::string D(Date d) { return d.ToString(); }

Status Refuse(std::string msg) { return Status::Invalid(std::move(msg)); }

Status CheckRole(const Event& e, const ApplyContext& ctx) {
  if (!ctx.role) return Status::Ok();
  const ActorRole role = *ctx.role;
  if (role == ActorRole::kSupervisor) {
    return Refuse("主管部门只能查阅，不能" + std::string(Action(e.type())));
  }
  if (role == ActorRole::kPublic && std::find(std::begin(kPublicEvents), std::end(kPublicEvents),
                                              e.type()) == std::end(kPublicEvents)) {
    return Refuse("申请人不能" + std::string(Action(e.type())));
  }
  if (e.type() == T::kExtended && role != ActorRole::kAgencyAdmin &&
      !(e.entry == Entry::kBackfilled && role != ActorRole::kPublic)) {
    // Art. 33 ¶2: 经政府信息公开工作机构负责人同意.
    return Refuse(
        "延长答复期限须经政府信息公开工作机构负责人同意（第三十三条第二款），只有机构负责人"
        "（agency_admin）才能登记延期，当前角色为" +
        Q(Label(role)));
  }
  return Status::Ok();
}

const ConsultationState* FindConsultation(const CaseState& s, std::string_view id) {
  for (const ConsultationState& c : s.consultations) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

const Proceeding* FindProceeding(const CaseState& s, ProceedingKind kind, std::string_view id) {
  for (const Proceeding& p : s.proceedings) {
    if (p.kind == kind && p.id == id) return &p;
  }
  return nullptr;
}

// The latest review of `type` returned the draft.
const ReplyCheck* LatestCheck(const CaseState& s, EventType type) {
  const ReplyCheck* last = nullptr;
  for (const ReplyCheck& c : s.checks) {
    if (c.type == type) last = &c;
  }
  return last;
}

Status CheckNotBefore(Date d, Date bound, std::string_view what, std::string_view bound_what) {
  if (d < bound) {
    return Refuse(std::string(what) + "的日期" + D(d) + "不能早于" + std::string(bound_what) +
                  D(bound));
  }
  return Status::Ok();
}

// The rules beyond the table (see transitions.h) for an event allowed in `s`.
Status CheckRules(const CaseState& s, const Event& e, const ApplyContext& ctx) {
  const Date on = e.occurred_on;
  const bool live = e.entry == Entry::kLive;
  const std::string action(Action(e.type()));
  if (s.status != S::kNone) {
    // Art. 31: nothing happens to an application before it is received.
    if (Status st = CheckNotBefore(on, s.received_on, action, "收到申请的日期"); !st.ok())
      return st;
  }
  switch (e.type()) {
    case T::kCorrectionRequested: {
      // Art. 30: within 7 working days of receipt, once (一次性).
      if (s.correction) {
        return Refuse("已于" + D(s.correction->notice_on) +
                      "发出过补正通知，第三十条规定应一次性告知，不能再次发出补正通知");
      }
      if (live && s.deadlines && on > s.deadlines->law.correction_notice_due.date) {
        return Refuse("补正通知应在收到申请之日起7个工作日内发出（第三十条），期限为" +
                      D(s.deadlines->law.correction_notice_due.date) + "，不能在" + D(on) + "发出");
      }
      return Status::Ok();
    }
    case T::kCorrected: {
      const CorrectionState& c = *s.correction;
      if (Status st = CheckNotBefore(on, c.notice_on, "收到补正后的申请", "补正通知日期");
          !st.ok()) {
        return st;
      }
      const auto& p = std::get<CorrectedPayload>(e.payload);
      if (on > c.period_end && p.late_reason.empty()) {
        return Refuse(
            "补正期限已于" + D(c.period_end) +
            "届满；逾期补正须写明正当理由（late_reason），否则应登记视为放弃申请（第三十条）");
      }
      return Status::Ok();
    }
    case T::kDeemedWithdrawn:
      // Art. 30: only when the correction period has passed without correction.
      if (on <= s.correction->period_end) {
        return Refuse("补正期限至" + D(s.correction->period_end) +
                      "届满，届满前不能认定视为放弃申请（第三十条）");
      }
      return Status::Ok();
    case T::kConsultationStarted: {
      const auto& p = std::get<ConsultationStartedPayload>(e.payload);
      if (FindConsultation(s, p.consultation_id)) {
        return Refuse("征求意见编号" + Q(p.consultation_id) + "已被使用");
      }
      if (p.party != ConsultParty::kOtherOrgan) {
        // Arts. 32, 34: the consulted party has 15 working days.
        const Date min = law::DueAfterWorkingDays(ctx.calendar, on, law::kConsultationDays);
        if (p.answer_by < min) {
          return Refuse(
              "第三方或共同制作机关的答复期限为15个工作日（第三十二条、第三十四条），"
              "答复期限不能早于" +
              D(min) + "，填写的是" + D(p.answer_by));
        }
      }
      return Status::Ok();
    }
    case T::kConsultationEnded: {
      const auto& p = std::get<ConsultationEndedPayload>(e.payload);
      const ConsultationState* c = FindConsultation(s, p.consultation_id);
      if (!c) return Refuse("没有编号为" + Q(p.consultation_id) + "的征求意见，不能结束征求意见");
      if (!c->open()) {
        return Refuse("编号为" + Q(p.consultation_id) + "的征求意见已于" + D(*c->ended_on) +
                      "结束，不能再次结束");
      }
      if (Status st = CheckNotBefore(on, c->started_on, "结束征求意见", "征求意见开始日期");
          !st.ok()) {
        return st;
      }
      if (p.result == ConsultResult::kNoAnswer && on <= c->answer_by) {
        return Refuse("答复期限至" + D(c->answer_by) +
                      "届满，届满前不能登记逾期未答复（第三十二条）");
      }
      return Status::Ok();
    }
    case T::kExtended: {
      const auto& p = std::get<ExtendedPayload>(e.payload);
      if (s.later_deadline) {
        return Refuse("已于" + D(s.later_deadline->set_on) + "按第三十五条另行确定答复期限至" +
                      D(s.later_deadline->due_on) + "，不能再延长答复期限");
      }
      if (s.extension) {
        return Refuse("已于" + D(s.extension->approved_on) + "延长答复期限" +
                      std::to_string(s.extension->days) +
                      "个工作日，第三十三条第二款只允许延长一次，不能再次延长答复期限");
      }
      if (live && p.approver != e.actor) {
        return Refuse("批准人" + Q(p.approver) + "应为登记延期的机构负责人本人" + Q(e.actor));
      }
      if (live && s.deadlines) {
        const Date due = s.deadlines->law.due.date;
        if (on > due || p.notice_on > due) {
          return Refuse("延长答复期限须在答复期限" + D(due) +
                        "届满前批准并告知申请人（第三十三条第二款）");
        }
      }
      return Status::Ok();
    }
    case T::kLaterDeadline: {
      const auto& p = std::get<LaterDeadlinePayload>(e.payload);
      if (s.later_deadline) {
        return Refuse("已于" + D(s.later_deadline->set_on) + "另行确定答复期限至" +
                      D(s.later_deadline->due_on) + "，不能再次确定答复期限（第三十五条）");
      }
      if (s.deadlines && p.due_on <= s.deadlines->due_on) {
        return Refuse("另行确定的答复期限" + D(p.due_on) + "应晚于现行答复期限" +
                      D(s.deadlines->due_on) + "（第三十五条：无法在第三十三条规定的期限内答复）");
      }
      if (live && s.deadlines && (on > s.deadlines->due_on || p.notice_on > s.deadlines->due_on)) {
        return Refuse("另行确定答复期限须在答复期限" + D(s.deadlines->due_on) +
                      "届满前确定并告知申请人（第三十五条）");
      }
      return Status::Ok();
    }
    case T::kDecided:
    case T::kTransferred: {
      // Art. 33: the period runs from the (corrected) application's receipt.
      if (Status st =
              CheckNotBefore(on, s.clock_start, "作出答复",
                             s.correction && s.correction->corrected_on ? "收到补正后申请的日期"
                                                                        : "收到申请的日期");
          !st.ok()) {
        return st;
      }
      for (EventType check : {T::kLegalReview, T::kConfidentialityReview}) {
        const ReplyCheck* c = LatestCheck(s, check);
        if (c && c->result == ReviewResult::kReturned) {
          return Refuse("最近一次" + std::string(Label(check)) + "（" + D(c->on) +
                        "）结果为“退回修改”，须重新审查通过后才能作出答复");
        }
      }
      if (const auto* p = std::get_if<DecidedPayload>(&e.payload)) {
        if (p->outcome == law::Outcome::kUnclearAfterCorrection &&
            !(s.correction && s.correction->corrected_on)) {
          return Refuse("没有补正记录，不能以“补正后申请内容仍不明确”答复（第三十条）");
        }
      }
      return Status::Ok();
    }
    case T::kFeeNotified:
      if (s.fee) {
        return Refuse(
            "已于" + D(s.fee->notified_on) +
            "发出过收费通知；每件申请只能选择一种计收方式、收费一次（国办函〔2020〕109号）");
      }
      return Status::Ok();
    case T::kFeePaid: {
      const FeeState& f = *s.fee;
      const auto& p = std::get<FeePaidPayload>(e.payload);
      if (Status st = CheckNotBefore(on, f.notified_on, "缴费", "收费通知日期"); !st.ok())
        return st;
      if (on > f.pay_by) {
        return Refuse("缴费期限已于" + D(f.pay_by) +
                      "届满（收到收费通知次日起20个工作日），应登记逾期未缴费");
      }
      if (p.amount_yuan != f.amount_yuan) {
        return Refuse("缴费金额应为收费通知的" + std::to_string(f.amount_yuan) + "元，填写的是" +
                      std::to_string(p.amount_yuan) + "元");
      }
      return Status::Ok();
    }
    case T::kFeeUnpaid:
      if (on <= s.fee->pay_by) {
        return Refuse("缴费期限至" + D(s.fee->pay_by) + "届满，届满前不能认定逾期未缴费");
      }
      return Status::Ok();
    case T::kServed:
      return CheckNotBefore(on, s.conclusion->on, "送达", "答复日期");
    case T::kArchived: {
      Date bound = s.received_on;
      if (s.ConcludedOn()) bound = std::max(bound, *s.ConcludedOn());
      if (s.served_on) bound = std::max(bound, *s.served_on);
      return CheckNotBefore(on, bound, "归档", "办结日期");
    }
    case T::kReviewFiled: {
      const auto& p = std::get<ReviewFiledPayload>(e.payload);
      if (FindProceeding(s, ProceedingKind::kReview, p.review_id)) {
        return Refuse("行政复议案号" + Q(p.review_id) + "已登记过");
      }
      return Status::Ok();
    }
    case T::kReviewDecided: {
      const auto& p = std::get<ReviewDecidedPayload>(e.payload);
      const Proceeding* r = FindProceeding(s, ProceedingKind::kReview, p.review_id);
      if (!r) return Refuse("没有案号为" + Q(p.review_id) + "的行政复议，请先登记行政复议申请");
      if (r->decided_on) {
        return Refuse("案号为" + Q(p.review_id) + "的行政复议已于" + D(*r->decided_on) +
                      "作出决定");
      }
      return CheckNotBefore(on, r->filed_on, "行政复议决定", "申请行政复议的日期");
    }
    case T::kLawsuitFiled: {
      const auto& p = std::get<LawsuitFiledPayload>(e.payload);
      if (FindProceeding(s, ProceedingKind::kLawsuit, p.lawsuit_id)) {
        return Refuse("行政诉讼案号" + Q(p.lawsuit_id) + "已登记过");
      }
      if (p.route == LawsuitRoute::kAfterReview) {
        const Proceeding* r = FindProceeding(s, ProceedingKind::kReview, p.review_id);
        if (!r) return Refuse("复议后起诉所依据的行政复议" + Q(p.review_id) + "未在本申请中登记");
        return CheckNotBefore(on, r->filed_on, "提起行政诉讼", "申请行政复议的日期");
      }
      return Status::Ok();
    }
    case T::kLawsuitDecided: {
      const auto& p = std::get<LawsuitDecidedPayload>(e.payload);
      const Proceeding* l = FindProceeding(s, ProceedingKind::kLawsuit, p.lawsuit_id);
      if (!l) return Refuse("没有案号为" + Q(p.lawsuit_id) + "的行政诉讼，请先登记行政诉讼");
      if (l->decided_on) {
        return Refuse("案号为" + Q(p.lawsuit_id) + "的行政诉讼已于" + D(*l->decided_on) + "审结");
      }
      return CheckNotBefore(on, l->filed_on, "行政诉讼裁判", "起诉日期");
    }
    default:
      return Status::Ok();
  }
}

void Conclude(CaseState& n, law::Outcome outcome, Date on, EventType by) {
  Conclusion c;
  c.outcome = outcome;
  c.on = on;
  c.by = by;
  c.reply_type = law::ReplyTypeOf(outcome);
  n.conclusion = std::move(c);
}

void ClosePause(CaseState& n, PauseReason reason, Date to, std::string_view note) {
  for (ClockPause& p : n.pauses) {
    if (p.open && p.reason == reason && p.note == note) {
      p.open = false;
      p.to = std::max(p.from, to);
      return;
    }
  }
}

// Records what the event says in the next state `n` (status set afterwards).
void Record(CaseState& n, const Event& e, const ApplyContext& ctx) {
  const Date on = e.occurred_on;
  struct V {
    CaseState& n;
    const Event& e;
    const ApplyContext& ctx;
    Date on;
    void operator()(const ReceivedPayload& p) const {
      n.case_id = e.case_id;
      n.kind = p.kind;
      n.agency_id = p.agency_id;
      n.channel = p.channel;
      n.received_on = on;
      n.clock_start = on;
      if (p.application) n.applicant_type = p.application->applicant_type;
      if (p.assistance) n.reply_by = p.assistance->reply_by;
    }
    void operator()(const RegisteredPayload&) const { n.registered_on = on; }
    void operator()(const AssignedPayload& p) const {
      n.assignment = Assignment{p.unit, p.handler, on};
    }
    void operator()(const CorrectionRequestedPayload& p) const {
      n.correction = CorrectionState{on, p.period_end, p.items, std::nullopt};
    }
    void operator()(const CorrectedPayload&) const {
      // Art. 30: the reply period runs again from the corrected application.
      n.correction->corrected_on = on;
      n.clock_start = on;
    }
    void operator()(const DeemedWithdrawnPayload&) const {
      Conclude(n, law::Outcome::kDeemedWithdrawn, on, T::kDeemedWithdrawn);
    }
    void operator()(const ConsultationStartedPayload& p) const {
      n.consultations.push_back({p.consultation_id, p.party, p.name, on, p.answer_by, {}, {}});
      // Art. 33 ¶3: the consultation's time is not counted.
      n.pauses.push_back({on, p.answer_by, PauseReason::kConsultation, true, p.consultation_id});
    }
    void operator()(const ConsultationEndedPayload& p) const {
      for (ConsultationState& c : n.consultations) {
        if (c.id == p.consultation_id) {
          c.ended_on = on;
          c.result = p.result;
        }
      }
      ClosePause(n, PauseReason::kConsultation, on, p.consultation_id);
    }
    void operator()(const ExtendedPayload& p) const {
      n.extension = ExtensionState{p.days, p.approver, on, p.notice_on};
    }
    void operator()(const LaterDeadlinePayload& p) const {
      n.later_deadline = LaterDeadlineState{p.due_on, on, p.notice_on, p.reason};
    }
    void operator()(const LegalReviewPayload& p) const {
      n.checks.push_back({T::kLegalReview, p.reviewer, p.result, on});
    }
    void operator()(const ConfidentialityReviewPayload& p) const {
      n.checks.push_back({T::kConfidentialityReview, p.reviewer, p.result, on});
    }
    void operator()(const FeeNotifiedPayload& p) const {
      FeeState f;
      f.method = p.method;
      f.quantity = p.quantity;
      f.amount_yuan = p.amount_yuan;
      f.notified_on = on;
      f.notice_received_on = p.notice_received_on;
      // 109号: pay within 20 working days from the day after receiving the notice.
      f.pay_by = law::DueAfterWorkingDays(ctx.calendar, p.notice_received_on, 20);
      n.fee = f;
      if (ctx.fee_clock == FeeClock::kPaused) {
        n.pauses.push_back({on, f.pay_by, PauseReason::kFee, true, "fee"});
      }
    }
    void operator()(const FeePaidPayload&) const {
      n.fee->paid_on = on;
      n.fee->status = FeeStatus::kPaid;
      ClosePause(n, PauseReason::kFee, on, "fee");
    }
    void operator()(const FeeUnpaidPayload&) const {
      n.fee->status = FeeStatus::kUnpaid;
      ClosePause(n, PauseReason::kFee, n.fee->pay_by, "fee");
      Conclude(n, law::Outcome::kFeeUnpaid, on, T::kFeeUnpaid);
    }
    void operator()(const DecidedPayload& p) const {
      Conclude(n, p.outcome, on, T::kDecided);
      n.conclusion->withhold_reason = p.withhold_reason;
      n.conclusion->competent_organ = p.competent_organ;
    }
    void operator()(const TransferredPayload& p) const {
      // Art. 36(5): a decision that the information is another organ's.
      Conclude(n, law::Outcome::kNotThisOrgan, on, T::kTransferred);
      n.conclusion->competent_organ = p.organ;
    }
    void operator()(const ServedPayload&) const { n.served_on = on; }
    void operator()(const ArchivedPayload&) const { n.archived_on = on; }
    void operator()(const WithdrawnPayload&) const {
      Conclude(n, law::Outcome::kWithdrawn, on, T::kWithdrawn);
    }
    void operator()(const ReviewFiledPayload& p) const {
      Proceeding r;
      r.kind = ProceedingKind::kReview;
      r.id = p.review_id;
      r.body = p.body;
      r.filed_on = on;
      n.proceedings.push_back(std::move(r));
    }
    void operator()(const ReviewDecidedPayload& p) const {
      for (Proceeding& r : n.proceedings) {
        if (r.kind == ProceedingKind::kReview && r.id == p.review_id) {
          r.decided_on = on;
          r.result = p.result;
        }
      }
    }
    void operator()(const LawsuitFiledPayload& p) const {
      Proceeding l;
      l.kind = ProceedingKind::kLawsuit;
      l.id = p.lawsuit_id;
      l.body = p.court;
      l.route = p.route;
      l.review_id = p.review_id;
      l.filed_on = on;
      n.proceedings.push_back(std::move(l));
    }
    void operator()(const LawsuitDecidedPayload& p) const {
      for (Proceeding& l : n.proceedings) {
        if (l.kind == ProceedingKind::kLawsuit && l.id == p.lawsuit_id) {
          l.decided_on = on;
          l.result = p.result;
        }
      }
    }
    void operator()(const AnsweredPayload&) const { n.answered_on = on; }
  };
  std::visit(V{n, e, ctx, on}, e.payload);
}

}  // namespace

std::span<const Transition> Transitions() { return kTable; }

const Transition* FindTransition(CaseKind kind, CaseStatus status, EventType event) {
  for (const Transition& t : kTable) {
    if (t.kind == kind && t.event == event && t.Allows(status)) return &t;
  }
  return nullptr;
}

std::vector<EventType> AllowedEvents(CaseKind kind, CaseStatus status) {
  std::vector<EventType> out;
  for (EventType t : AllValues<EventType>()) {
    if (FindTransition(kind, status, t)) out.push_back(t);
  }
  return out;
}

std::vector<CaseStatus> StatusesOf(CaseKind kind) {
  StatusSet seen = Bit(S::kNone);
  for (const Transition& t : kTable) {
    if (t.kind != kind) continue;
    seen |= t.from;
    if (t.next == Next::kTo) seen |= Bit(t.to);
  }
  std::vector<CaseStatus> out;
  for (CaseStatus s : AllValues<CaseStatus>()) {
    if (seen & Bit(s)) out.push_back(s);
  }
  return out;
}

Result<CaseState> Apply(const CaseState& state, const Event& e, const ApplyContext& ctx) {
  // 1. Optimistic concurrency: the event creates version state.version + 1.
  if (e.sequence < 1) {
    return Refuse("sequence：事件序号应从1开始，实际为" + std::to_string(e.sequence));
  }
  if (e.sequence != state.version + 1) {
    return Status::Conflict(
        "版本冲突：此操作基于申请" + Q(state.case_id.empty() ? e.case_id : state.case_id) + "的第" +
        std::to_string(e.sequence - 1) + "版，但该申请当前为第" + std::to_string(state.version) +
        "版，其间已有其他更新；请刷新后重新操作");
  }
  // 2. The event on its own, and whose it is.
  if (Status s = ValidateEvent(e); !s.ok()) return s;
  if (state.version > 0 && e.case_id != state.case_id) {
    return Refuse("事件属于申请" + Q(e.case_id) + "，不能记入申请" + Q(state.case_id));
  }
  // 3. Roles.
  if (Status s = CheckRole(e, ctx); !s.ok()) return s;
  // 4. The table. Before the first event the kind comes from the receipt.
  CaseKind kind = state.kind;
  if (state.status == S::kNone) {
    if (const auto* r = std::get_if<ReceivedPayload>(&e.payload)) kind = r->kind;
  }
  const Transition* t = FindTransition(kind, state.status, e.type());
  if (!t) {
    std::string msg =
        "当前状态为" + Q(Label(state.status)) + "，不能" + std::string(Action(e.type()));
    if (state.kind == kAst && state.status != S::kNone) msg += "（协助调查案件）";
    return Refuse(std::move(msg));
  }
  // 5. The rules of the Regulations.
  if (Status s = CheckRules(state, e, ctx); !s.ok()) return s;

  CaseState next = state;
  next.version = e.sequence;
  Record(next, e, ctx);
  switch (t->next) {
    case Next::kTo:
      next.status = t->to;
      break;
    case Next::kStay:
      break;
    case Next::kResume:
      next.status = ProcessingStatus(next);
      break;
  }
  if (next.kind == kApp) {
    Result<CaseDeadlines> d = ComputeCaseDeadlines(next, ctx.calendar);
    if (!d.ok()) return d.status();
    next.deadlines = std::move(*d);
  }
  return next;
}

}  // namespace gk::cases
