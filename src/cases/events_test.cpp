#include "cases/events.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "cases/test_util.h"

namespace gk::cases {
namespace {

using testing::D;
using testing::MakeEvent;
using testing::ResidentId;
using testing::SampleApplication;
using testing::Uscc;

// At least one sample of every event type, most with every optional field set.
std::vector<Payload> SamplePayloads() {
  std::vector<Payload> out;
  {
    ReceivedPayload r = testing::OnlineReceipt(D("2021-03-01"));
    r.application->email = "zhang@example.cn";
    r.application->agent = Agent{"王律师", IdType::kResidentId, ResidentId("37100219900202002"),
                                 "授权委托书（2021）第7号"};
    out.push_back(r);
  }
  {
    ReceivedPayload r = testing::OnlineReceipt(D("2021-03-01"), ApplicantType::kLegalService);
    r.channel = Channel::kLetter;
    r.evidence = {};
    r.evidence.postmark_on = D("2021-02-26");
    r.evidence.signed_on = D("2021-03-01");
    out.push_back(r);
  }
  out.push_back(testing::AssistanceReceipt());
  out.push_back(RegisteredPayload{"GK-2021-0001"});
  out.push_back(AssignedPayload{"政策法规科", "handler1"});
  out.push_back(CorrectionRequestedPayload{"请写明所需信息的名称或文号", D("2021-03-15")});
  out.push_back(CorrectedPayload{"补充了文号", "邮寄延误"});
  out.push_back(DeemedWithdrawnPayload{"逾期未补正"});
  out.push_back(ConsultationStartedPayload{"1", ConsultParty::kThirdParty, "威海某某有限公司",
                                           "是否同意公开合同文本", D("2021-03-31")});
  out.push_back(ConsultationEndedPayload{"1", ConsultResult::kObject, "涉及商业秘密"});
  out.push_back(ExtendedPayload{20, "admin1", D("2021-03-02"), "需调取档案"});
  out.push_back(LaterDeadlinePayload{D("2021-05-31"), D("2021-03-02"), "一个月内申请120件"});
  out.push_back(LegalReviewPayload{{"法律顾问甲", ReviewResult::kReturned, "引用条款有误"}});
  out.push_back(ConfidentialityReviewPayload{{"保密员乙", ReviewResult::kPassed, ""}});
  out.push_back(FeeNotifiedPayload{law::FeeMethod::kByPage, 150, 0, 1700, D("2021-03-03")});
  out.push_back(FeeNotifiedPayload{law::FeeMethod::kByPiece, 5, 28, 800, D("2021-03-02")});
  out.push_back(FeePaidPayload{1700, "非税收入缴款书00123"});
  out.push_back(FeeUnpaidPayload{"逾期未缴纳"});
  for (law::Outcome o : law::AllOutcomes()) {
    if (o == law::Outcome::kDeemedWithdrawn || o == law::Outcome::kFeeUnpaid ||
        o == law::Outcome::kWithdrawn) {
      continue;
    }
    DecidedPayload d = testing::Decision(o);
    d.summary = "答复摘要";
    if (o == law::Outcome::kNotThisOrgan)
      d.competent_organ = Organ{"威海市自然资源和规划局", "0631-5200000"};
    if (o == law::Outcome::kPartial) d.withhold_reason = law::WithholdReason::kThirdParty;
    out.push_back(d);
  }
  out.push_back(TransferredPayload{
      {"威海市市场监督管理局", "0631-5800000"}, "第三十六条第（五）项", "已告知"});
  out.push_back(ServedPayload{ServiceMethod::kPost, "EMS 1234567890"});
  out.push_back(ArchivedPayload{"2021-YSQ-0001"});
  out.push_back(WithdrawnPayload{"申请人书面撤回"});
  out.push_back(ReviewFiledPayload{"威政复〔2021〕12号", "威海市人民政府"});
  out.push_back(
      ReviewDecidedPayload{"威政复〔2021〕12号", ProceedingResult::kCorrected, "责令重新答复"});
  out.push_back(LawsuitFiledPayload{"（2021）鲁1002行初45号", "威海市环翠区人民法院",
                                    LawsuitRoute::kAfterReview, "威政复〔2021〕12号"});
  out.push_back(LawsuitDecidedPayload{"（2021）鲁1002行初45号", ProceedingResult::kUpheld, ""});
  out.push_back(AnsweredPayload{"威临港函〔2021〕5号", "已提供企业登记信息"});
  return out;
}

TEST(EventsTest, SamplesCoverEveryEventTypeAndAreValid) {
  std::set<EventType> seen;
  for (const Payload& p : SamplePayloads()) {
    seen.insert(TypeOf(p));
    EXPECT_TRUE(ValidatePayload(p).ok()) << Key(TypeOf(p)) << ": " << ValidatePayload(p).message();
  }
  EXPECT_EQ(seen.size(), static_cast<size_t>(kNumEventTypes));
}

TEST(EventsTest, PayloadJsonRoundTripsForEveryType) {
  for (const Payload& p : SamplePayloads()) {
    const std::string text = PayloadToJson(p);
    Result<Payload> back = PayloadFromJson(TypeOf(p), text);
    ASSERT_TRUE(back.ok()) << Key(TypeOf(p)) << ": " << back.status().message() << "\n" << text;
    EXPECT_EQ(*back, p) << text;
    EXPECT_EQ(PayloadToJson(*back), text) << "deterministic bytes";
  }
}

TEST(EventsTest, EventJsonRoundTripsForEveryType) {
  int64_t seq = 1;
  for (const Payload& p : SamplePayloads()) {
    const Entry entry = seq % 3 == 0 ? Entry::kBackfilled : Entry::kLive;
    Event e = MakeEvent("GK-2021-0001", seq++, D("2021-03-01"), p, "admin1", entry);
    // Satisfy the event-level rules of a few samples.
    if (auto* x = std::get_if<ExtendedPayload>(&e.payload)) x->notice_on = e.occurred_on;
    if (auto* f = std::get_if<FeeNotifiedPayload>(&e.payload))
      f->notice_received_on = e.occurred_on;
    if (auto* a = std::get_if<ReceivedPayload>(&e.payload); a && a->channel == Channel::kInPerson) {
      a->evidence = {};
    }
    ASSERT_TRUE(ValidateEvent(e).ok()) << Key(e.type()) << ": " << ValidateEvent(e).message();
    const std::string text = EventToJson(e);
    Result<Event> back = EventFromJson(text);
    ASSERT_TRUE(back.ok()) << back.status().message() << "\n" << text;
    EXPECT_EQ(*back, e) << text;
    EXPECT_EQ(EventToJson(*back), text);
  }
}

TEST(EventsTest, JsonKeysComeInTheDocumentedOrder) {
  Event e = MakeEvent("GK-2021-0007", 3, D("2021-03-04"),
                      CorrectionRequestedPayload{"请写明文号", D("2021-03-15")}, "handler1");
  EXPECT_EQ(EventToJson(e),
            R"({"case_id":"GK-2021-0007","sequence":3,"type":"correction_requested",)"
            R"("occurred_on":"2021-03-04","recorded_at":"2021-03-04T09:00:00+08:00",)"
            R"("actor":"handler1","entry":"live","payload":{"items":"请写明文号",)"
            R"("period_end":"2021-03-15"}})");
  ReceivedPayload r = testing::OnlineReceipt(D("2021-03-01"));
  EXPECT_EQ(PayloadToJson(r),
            R"({"kind":"application","agency_id":"weihai-lingang","channel":"online",)"
            R"("evidence":{"confirmed_on":"2021-03-01","confirmed_by":"auto_ack"},)"
            R"("application":{"applicant_type":"natural_person","name":"张三",)"
            R"("id_type":"resident_id","id_number":")" +
                ResidentId() +
                R"(","phone":"0631-5288888","address":"山东省威海市环翠区新威路1号",)"
                R"("description":"2020年本机关行政许可事项办理情况统计","form":"paper",)"
                R"("delivery":"post"}})");
}

TEST(EventsTest, InterfaceDefaultsApplyWhenKeysAreAbsent) {
  Result<Payload> p = PayloadFromJson(
      EventType::kReceived,
      R"({"kind":"application","agency_id":"a","channel":"in_person","application":)"
      R"({"applicant_type":"commercial","name":"某公司","id_number":")" +
          Uscc() + R"(","phone":"12345","address":"某地","description":"某信息","form":"paper"}})");
  ASSERT_TRUE(p.ok()) << p.status().message();
  const Application& a = *std::get<ReceivedPayload>(*p).application;
  EXPECT_EQ(a.id_type, IdType::kUscc);  // organisations default to uscc
  EXPECT_EQ(a.delivery, Delivery::kPost);
}

// ---- Strict reading -----------------------------------------------------------------
struct BadPayload {
  const char* name;
  EventType type;
  std::string json;
  const char* message;  // a substring of the expected message
};

std::string App(std::string_view fields) {
  return R"({"kind":"application","agency_id":"a","channel":"in_person","application":{)" +
         std::string(fields) + "}}";
}
std::string BadResidentId() {
  std::string id = ResidentId();
  id.back() = id.back() == '1' ? '2' : '1';
  return id;
}
const std::string kGoodFields =
    R"("applicant_type":"natural_person","name":"张三","id_number":")" + ResidentId() +
    R"(","phone":"0631-5288888","address":"某地","description":"某信息","form":"paper")";

TEST(EventsTest, BadPayloadsAreRefusedNamingTheField) {
  const std::vector<BadPayload> cases = {
      {"not json", EventType::kArchived, "{", "payload：不是有效的JSON"},
      {"not an object", EventType::kArchived, "[]", "payload：应为JSON对象"},
      {"unknown key", EventType::kArchived, R"({"archive_ref":"1","extra":1})",
       "payload.extra：未知字段"},
      {"text of wrong type", EventType::kArchived, R"({"archive_ref":5})",
       "payload.archive_ref：应为字符串"},
      {"missing date", EventType::kCorrectionRequested, R"({"items":"x"})",
       "payload.period_end：缺少必填字段"},
      {"bad date", EventType::kCorrectionRequested, R"({"items":"x","period_end":"2021-02-30"})",
       "payload.period_end：日期应为YYYY-MM-DD"},
      {"blank required text", EventType::kCorrectionRequested,
       R"({"items":"  ","period_end":"2021-03-15"})", "payload.items：不能为空"},
      {"unknown enum key", EventType::kReceived,
       R"({"kind":"application","agency_id":"a","channel":"pigeon"})",
       "payload.channel：取值应为 online、letter、in_person、fax、email、oral 之一"},
      {"missing kind", EventType::kReceived, R"({"agency_id":"a","channel":"online"})",
       "payload.kind：缺少必填字段"},
      {"application missing", EventType::kReceived,
       R"({"kind":"application","agency_id":"a","channel":"in_person"})",
       "payload.application：缺少申请内容"},
      {"bad resident id", EventType::kReceived,
       App(R"("applicant_type":"natural_person","name":"张三","id_number":")" + BadResidentId() +
           R"(","phone":"0631-5288888","address":"某地","description":"某信息","form":"paper")"),
       "payload.application.id_number：居民身份证号码校验位错误"},
      {"bad uscc", EventType::kReceived,
       App(R"("applicant_type":"commercial","name":"某公司","id_number":"91371000MA3C4U5B1Z","phone":"0631-5288888","address":"某地","description":"某信息","form":"paper")"),
       "payload.application.id_number：统一社会信用代码"},
      {"bad phone", EventType::kReceived,
       App(R"("applicant_type":"natural_person","name":"张三","id_number":")" + ResidentId() +
           R"(","phone":"call me","address":"某地","description":"某信息","form":"paper")"),
       "payload.application.phone：联系电话应为5至20位数字"},
      {"email required for email delivery", EventType::kReceived,
       App(kGoodFields + R"(,"delivery":"email")"),
       "payload.application.email：获取方式为电子邮件时，电子邮箱不能为空"},
      {"bad email", EventType::kReceived, App(kGoodFields + R"(,"email":"zhang@")"),
       "payload.application.email：电子邮箱格式不正确"},
      {"description too long", EventType::kReceived,
       App(R"("applicant_type":"natural_person","name":"张三","id_number":")" + ResidentId() +
           R"(","phone":"0631-5288888","address":"某地","form":"paper","description":")" +
           std::string(5001, 'x') + "\""),
       "payload.application.description：长度不能超过5000个字符"},
      {"agent without authorisation", EventType::kReceived,
       App(kGoodFields + R"(,"agent":{"name":"王律师","id_type":"passport","id_number":"E123"})"),
       "payload.application.agent.authorisation：不能为空"},
      {"unknown key in nested object", EventType::kReceived,
       App(kGoodFields + R"(,"nickname":"小张")"), "payload.application.nickname：未知字段"},
      {"control character", EventType::kArchived, R"({"archive_ref":"a\u0001b"})",
       "payload.archive_ref：含有不可打印的控制字符"},
      {"extension too long", EventType::kExtended,
       R"({"days":21,"approver":"a","notice_on":"2021-03-01","reason":"r"})",
       "payload.days：应在1至20之间"},
      {"extension fractional", EventType::kExtended,
       R"({"days":2.5,"approver":"a","notice_on":"2021-03-01","reason":"r"})",
       "payload.days：应为整数"},
      {"later deadline without reason", EventType::kLaterDeadline,
       R"({"due_on":"2021-05-31","notice_on":"2021-03-01","reason":""})",
       "payload.reason：不能为空"},
      {"later deadline bad date", EventType::kLaterDeadline,
       R"({"due_on":"2021-02-30","notice_on":"2021-03-01","reason":"r"})", "payload.due_on"},
      {"fee amount wrong", EventType::kFeeNotified,
       R"({"method":"by_page","quantity":150,"prior_pieces":0,"amount_yuan":1000,"notice_received_on":"2021-03-03"})",
       "payload.amount_yuan：按“按量计收”标准应收1700元，填写的是1000元"},
      {"fee free", EventType::kFeeNotified,
       R"({"method":"by_piece","quantity":3,"prior_pieces":0,"amount_yuan":1,"notice_received_on":"2021-03-03"})",
       "不应发出收费通知"},
      {"decided with deemed_withdrawn", EventType::kDecided,
       R"({"outcome":"deemed_withdrawn","legal_basis":"第三十条"})", "deemed_withdrawn 事件"},
      {"decided with wrong reply type", EventType::kDecided,
       R"({"outcome":"granted","reply_type":"withhold","legal_basis":"第三十六条"})",
       "payload.reply_type：办理结果“予以公开”的答复类型应为disclose"},
      {"decided missing reply type", EventType::kDecided,
       R"({"outcome":"not_held","legal_basis":"第三十六条"})",
       "payload.reply_type：办理结果“无法提供（本机关不掌握相关政府信息）”的答复类型应为not_exist"},
      {"withheld without reason", EventType::kDecided,
       R"({"outcome":"withheld_state_secret","reply_type":"withhold","legal_basis":"第十四条"})",
       "payload.withhold_reason"},
      {"partial has no reply type", EventType::kDecided,
       R"({"outcome":"partial","reply_type":"disclose","legal_basis":"第三十七条"})",
       "不属于第三十六条的答复类型"},
      {"organ on a grant", EventType::kDecided,
       R"({"outcome":"granted","reply_type":"disclose","legal_basis":"x","competent_organ":{"name":"某局"}})",
       "payload.competent_organ"},
      {"no legal basis", EventType::kDecided, R"({"outcome":"granted","reply_type":"disclose"})",
       "payload.legal_basis：不能为空"},
      {"unknown outcome", EventType::kDecided, R"({"outcome":"maybe","legal_basis":"x"})",
       "payload.outcome：取值应为 granted"},
      {"transfer without organ", EventType::kTransferred, R"({"legal_basis":"x"})",
       "payload.organ：缺少必填字段"},
      {"returned review without note", EventType::kLegalReview,
       R"({"reviewer":"甲","result":"returned"})",
       "payload.note：审查结果为退回修改时，须写明意见"},
      {"lawsuit after review without review", EventType::kLawsuitFiled,
       R"({"lawsuit_id":"1","court":"某法院","route":"after_review"})",
       "payload.review_id：复议后起诉须写明"},
      {"direct lawsuit naming a review", EventType::kLawsuitFiled,
       R"({"lawsuit_id":"1","court":"某法院","route":"direct","review_id":"R1"})",
       "payload.review_id：未经复议直接起诉"},
      {"null for required enum", EventType::kServed, R"({"method":null})",
       "payload.method：缺少必填字段"},
      {"negative quantity", EventType::kFeeNotified,
       R"({"method":"by_page","quantity":-1,"prior_pieces":0,"amount_yuan":10,"notice_received_on":"2021-03-03"})",
       "payload.quantity：应在1至100000之间"},
      {"huge integer", EventType::kFeePaid, R"({"amount_yuan":18446744073709551615})",
       "payload.amount_yuan：应在1至"},
  };
  for (const BadPayload& c : cases) {
    Result<Payload> p = PayloadFromJson(c.type, c.json);
    ASSERT_FALSE(p.ok()) << c.name;
    EXPECT_EQ(p.status().code(), StatusCode::kInvalidArgument) << c.name;
    EXPECT_NE(p.status().message().find(c.message), std::string::npos)
        << c.name << ": " << p.status().message();
  }
}

TEST(EventsTest, BadEventsAreRefusedNamingTheField) {
  const std::string good =
      EventToJson(MakeEvent("GK-1", 1, D("2021-03-01"), ArchivedPayload{"x"}, "handler1"));
  ASSERT_TRUE(EventFromJson(good).ok());
  auto with = [&](std::string_view from, std::string_view to) {
    std::string s = good;
    const size_t at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
  };
  const std::vector<std::pair<std::string, std::string>> cases = {
      {with(R"("sequence":1)", R"("sequence":0)"), "sequence：应在1至"},
      {with(R"("type":"archived")", R"("type":"archive")"), "type：取值应为"},
      {with(R"("occurred_on":"2021-03-01")", R"("occurred_on":"20210301")"),
       "occurred_on：日期应为"},
      {with(R"("recorded_at":"2021-03-01T09:00:00+08:00")", R"("recorded_at":"yesterday")"),
       "recorded_at：记录时间应为ISO 8601格式"},
      {with(R"("actor":"handler1")", R"("actor":"")"), "actor：不能为空"},
      {with(R"("entry":"live")", R"("entry":"later")"), "entry：取值应为 live、backfilled 之一"},
      {with(R"("case_id":"GK-1")", R"("case_id":"GK 1")"), "case_id：申请编号不能含有空白字符"},
      {with(R"("payload":{"archive_ref":"x"})", R"("payload":{"archive_ref":"x","y":1})"),
       "payload.y：未知字段"},
      {with(R"(,"payload":{"archive_ref":"x"})", ""), "payload：缺少必填字段"},
      {with(R"("actor":"handler1")", R"("actor":"import")"),
       "entry：导入（import）的事件应标记为补录"},
      {R"({"case_id":"GK-1"})", "sequence：缺少必填字段"},
      {"null", "event：应为JSON对象"},
  };
  for (const auto& [text, message] : cases) {
    Result<Event> e = EventFromJson(text);
    ASSERT_FALSE(e.ok()) << text;
    EXPECT_NE(e.status().message().find(message), std::string::npos)
        << text << " → " << e.status().message();
  }
}

TEST(EventsTest, HostileJsonNeverCrashes) {
  // Deep nesting, huge input, invalid UTF-8: a clear Invalid, never a throw.
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(EventFromJson(deep).status().message(), "event：JSON嵌套超过16层");
  EXPECT_EQ(PayloadFromJson(EventType::kArchived, std::string(2 << 20, ' ')).status().message(),
            "payload：JSON超过1 MiB");
  EXPECT_NE(PayloadFromJson(EventType::kArchived, "{\"archive_ref\":\"\xff\"}")
                .status()
                .message()
                .find("不是有效的JSON"),
            std::string::npos);
  // Byte mutations of valid events: each is either read back exactly as
  // written or refused with a message.
  std::mt19937 rng(7);
  int64_t seq = 1;
  for (const Payload& p : SamplePayloads()) {
    Event e = MakeEvent("GK-1", seq++, D("2021-03-01"), p, "admin1");
    const std::string good = EventToJson(e);
    for (int i = 0; i < 200; ++i) {
      std::string bad = good;
      const int edits = 1 + static_cast<int>(rng() % 3);
      for (int k = 0; k < edits; ++k) {
        bad[rng() % bad.size()] = static_cast<char>(rng() % 256);
      }
      Result<Event> r = EventFromJson(bad);
      if (r.ok()) {
        EXPECT_TRUE(ValidateEvent(*r).ok());
        EXPECT_EQ(EventFromJson(EventToJson(*r)).ok(), true);
      } else {
        EXPECT_FALSE(r.status().message().empty());
      }
    }
  }
}

TEST(EventsTest, RecordedAtAcceptsIso8601Forms) {
  for (const char* ok : {"2021-03-01T09:00:00", "2021-03-01T09:00:00Z", "2021-03-01T09:00:00.123Z",
                         "2021-03-01T23:59:59.123456+08:00", "2021-03-01T00:00:00-05:30"}) {
    Event e = MakeEvent("GK-1", 1, D("2021-03-01"), ArchivedPayload{}, "h");
    e.recorded_at = ok;
    EXPECT_TRUE(ValidateEvent(e).ok()) << ok;
  }
  for (const char* bad :
       {"", "2021-03-01", "2021-03-01 09:00:00", "2021-13-01T09:00:00", "2021-03-01T24:00:00",
        "2021-03-01T09:00:00+8", "2021-03-01T09:00:00.Z", "2021-03-01T09:00:00+08:00x"}) {
    Event e = MakeEvent("GK-1", 1, D("2021-03-01"), ArchivedPayload{}, "h");
    e.recorded_at = bad;
    EXPECT_FALSE(ValidateEvent(e).ok()) << bad;
  }
}

// ---- Art. 31: the receipt date by channel ----------------------------------------
struct ReceiptCase {
  const char* name;
  Channel channel;
  ReceiptEvidence evidence;
  const char* submitted;
  const char* expected;  // "" = refused
};

TEST(EventsTest, ReceiptDateFollowsArticle31) {
  const ReceiptEvidence none;
  auto ev = [](const char* postmark, const char* sign, const char* confirm,
               std::optional<ConfirmMethod> by) {
    ReceiptEvidence e;
    if (*postmark) e.postmark_on = D(postmark);
    if (*sign) e.signed_on = D(sign);
    if (*confirm) e.confirmed_on = D(confirm);
    e.confirmed_by = by;
    return e;
  };
  const std::vector<ReceiptCase> cases = {
      // Art. 31(1): in person — the day submitted (oral: the form is filled in then).
      {"in person", Channel::kInPerson, none, "2021-03-01", "2021-03-01"},
      {"oral", Channel::kOral, none, "2021-03-06", "2021-03-06"},
      {"in person with a signature date", Channel::kInPerson, ev("", "2021-03-01", "", {}),
       "2021-03-01", ""},
      // Art. 31(2): post needing a signature — the day the organ signs for it.
      {"registered post", Channel::kLetter, ev("2021-02-25", "2021-03-01", "", {}), "2021-02-27",
       "2021-03-01"},
      // Ordinary letter — the day the office confirms with the applicant.
      {"ordinary letter", Channel::kLetter,
       ev("2021-02-25", "", "2021-03-02", ConfirmMethod::kPhone), "2021-03-01", "2021-03-02"},
      {"letter without evidence", Channel::kLetter, none, "2021-03-01", ""},
      {"letter with both dates", Channel::kLetter,
       ev("", "2021-03-01", "2021-03-02", ConfirmMethod::kPhone), "2021-03-01", ""},
      {"letter confirmed without method", Channel::kLetter, ev("", "", "2021-03-02", {}),
       "2021-03-01", ""},
      {"postmark after receipt", Channel::kLetter, ev("2021-03-05", "2021-03-01", "", {}),
       "2021-03-01", ""},
      // Art. 31(3): internet channel or fax — the day both sides confirm.
      {"online", Channel::kOnline, ev("", "", "2021-03-01", ConfirmMethod::kAutoAck), "2021-03-01",
       "2021-03-01"},
      {"fax", Channel::kFax, ev("", "", "2021-03-03", ConfirmMethod::kPhone), "2021-03-01",
       "2021-03-03"},
      {"email", Channel::kEmail, ev("", "", "2021-03-02", ConfirmMethod::kEmail), "2021-03-01",
       "2021-03-02"},
      {"online without confirmation", Channel::kOnline, none, "2021-03-01", ""},
      {"fax with a signature", Channel::kFax,
       ev("", "2021-03-01", "2021-03-01", ConfirmMethod::kFax), "2021-03-01", ""},
  };
  for (const ReceiptCase& c : cases) {
    Result<Date> d = ReceiptDate(c.channel, c.evidence, D(c.submitted));
    if (*c.expected) {
      ASSERT_TRUE(d.ok()) << c.name << ": " << d.status().message();
      EXPECT_EQ(d->ToString(), c.expected) << c.name;
    } else {
      EXPECT_FALSE(d.ok()) << c.name;
    }
  }
}

TEST(EventsTest, ReceivedEventDateMustBeTheArticle31Date) {
  ReceivedPayload r = testing::OnlineReceipt(D("2021-03-02"));
  Event e = MakeEvent("GK-1", 1, D("2021-03-01"), r, "public");
  const Status s = ValidateEvent(e);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("occurred_on：收到日期应为2021-03-02"), std::string::npos)
      << s.message();
  e.occurred_on = D("2021-03-02");
  EXPECT_TRUE(ValidateEvent(e).ok());
}

TEST(EventsTest, RegisteredTrackingNumberIsTheCaseId) {
  Event e = MakeEvent("GK-1", 2, D("2021-03-01"), RegisteredPayload{"GK-2"});
  EXPECT_NE(ValidateEvent(e).message().find("payload.tracking_no"), std::string::npos);
}

TEST(EventsTest, ApplicationChecks) {
  Application a = SampleApplication();
  EXPECT_TRUE(ValidateApplication(a).ok());
  a.phone = "";
  EXPECT_EQ(ValidateApplication(a).message(), "phone：不能为空");
  // 补录: old 台账 may lack identity and contact details; given values are checked.
  EXPECT_TRUE(ValidateApplication(a, Entry::kBackfilled).ok());
  a.id_number = "";
  a.address = "";
  EXPECT_TRUE(ValidateApplication(a, Entry::kBackfilled).ok());
  a.id_number = "123";
  EXPECT_FALSE(ValidateApplication(a, Entry::kBackfilled).ok());
  a = SampleApplication();
  a.address = "";
  EXPECT_EQ(ValidateApplication(a).message(), "address：获取方式为邮寄时，通讯地址不能为空");
  a.delivery = Delivery::kPickup;
  EXPECT_TRUE(ValidateApplication(a).ok());
  a.id_type = IdType::kPassport;
  a.id_number = "E12345678";
  EXPECT_TRUE(ValidateApplication(a).ok());
  a.name = std::string(201, 'x');
  EXPECT_NE(ValidateApplication(a).message().find("name：长度不能超过200个字符"),
            std::string::npos);
  a = SampleApplication();
  a.description = "  \n ";
  EXPECT_EQ(ValidateApplication(a).message(), "description：不能为空");
  a.description = std::string("ok\xff");
  EXPECT_EQ(ValidateApplication(a).message(), "description：不是有效的UTF-8文本");
  a.description = "第一行\n第二行";
  EXPECT_TRUE(ValidateApplication(a).ok());
}

}  // namespace
}  // namespace gk::cases

namespace gk::cases {
namespace {

ReceivedPayload WithAttachment(AttachmentRef f) {
  ReceivedPayload p;
  p.agency_id = "weihai-lingang";
  p.channel = Channel::kInPerson;
  Application a;
  a.name = "张三";
  a.id_number = "11010519491231002X";
  a.phone = "13800138000";
  a.address = "威海市";
  a.description = "某文件";
  a.attachments.push_back(std::move(f));
  p.application = a;
  return p;
}

TEST(Attachments, RoundTripAndChecks) {
  AttachmentRef ok{AttachmentKind::kIdCopy, "身份证.pdf", std::string(64, 'a'), "application/pdf", 1234};
  Payload p = WithAttachment(ok);
  ASSERT_TRUE(ValidatePayload(p).ok());
  const std::string json = PayloadToJson(p);
  EXPECT_NE(json.find("\"attachments\""), std::string::npos);
  auto back = PayloadFromJson(EventType::kReceived, json);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(*back, p);

  struct Bad {
    AttachmentRef ref;
    const char* field;
  };
  const Bad bad[] = {
      {{AttachmentKind::kIdCopy, "", std::string(64, 'a'), "application/pdf", 1}, "name"},
      {{AttachmentKind::kIdCopy, "x.pdf", std::string(63, 'a'), "application/pdf", 1}, "sha256"},
      {{AttachmentKind::kIdCopy, "x.pdf", std::string(64, 'A'), "application/pdf", 1}, "sha256"},
      {{AttachmentKind::kIdCopy, "x.exe", std::string(64, 'a'), "application/x-msdownload", 1}, "mime"},
      {{AttachmentKind::kIdCopy, "x.pdf", std::string(64, 'a'), "application/pdf", 0}, "size"},
      {{AttachmentKind::kIdCopy, "x.pdf", std::string(64, 'a'), "application/pdf", kMaxAttachmentBytes + 1},
       "size"},
  };
  for (const auto& b : bad) {
    Status s = ValidatePayload(WithAttachment(b.ref));
    EXPECT_FALSE(s.ok()) << b.field;
    EXPECT_NE(s.message().find(std::string("attachments[0].") + b.field), std::string::npos)
        << s.message();
  }
  // Without attachments the JSON has no such key (older events keep their bytes).
  ReceivedPayload none = WithAttachment(ok);
  none.application->attachments.clear();
  EXPECT_EQ(PayloadToJson(none).find("attachments"), std::string::npos);
}

}  // namespace
}  // namespace gk::cases
