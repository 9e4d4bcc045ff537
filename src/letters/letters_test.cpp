#include "letters/letters.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "law/deadline.h"
#include "law/outcomes.h"
#include "letters/test_util.h"

namespace gk::letters {
namespace {

using cases::testing::Cal;
using law::Outcome;
using testing::CaseBuilder;
using testing::Context;
using testing::D;
using testing::OpenCase;
using testing::PrivateFields;

constexpr std::string_view kRemedies =
    "如对本答复不服，可以在收到本答复之日起60日内向威海市人民政府申请行政复议，或者在6个月内向"
    "威海市环翠区人民法院提起行政诉讼。";

bool Has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// Every element of an official letter (GB/T 9704) and no private field.
void ExpectElements(const Letter& l, std::string_view title, std::string_view addressee,
                    std::string_view date) {
  EXPECT_EQ(l.doc_no, "临管依申请〔2026〕12号");
  EXPECT_EQ(l.title, title);
  EXPECT_EQ(l.addressee, addressee);
  EXPECT_EQ(l.issuer, "威海临港经济技术开发区管理委员会");
  EXPECT_EQ(FormatDate(l.date), date);
  EXPECT_EQ(l.contact_line, "（联系人：王五，联系电话：0631-5200000）");
  EXPECT_FALSE(l.paragraphs.empty());
  const std::string text = PlainText(l);
  // The Regulations in full the first time (a given legal basis may name them itself).
  EXPECT_TRUE(Has(text, "《中华人民共和国政府信息公开条例》")) << text;
  for (const std::string& field : PrivateFields()) {
    EXPECT_FALSE(Has(text, field)) << "letter discloses " << field << "\n" << text;
  }
}

// ---- Helpers -----------------------------------------------------------------------------

TEST(DocNoTest, FollowsGbt9704) {
  EXPECT_EQ(DocNo("临管依申请", 2026, 12), "临管依申请〔2026〕12号");
  EXPECT_EQ(DocNo("临管依申请", 2026, 1), "临管依申请〔2026〕1号");
}

TEST(FormatDateTest, NoLeadingZeros) {
  EXPECT_EQ(FormatDate(D("2026-03-05")), "2026年3月5日");
  EXPECT_EQ(FormatDate(D("2025-12-31")), "2025年12月31日");
}

// ---- Replies: every outcome --------------------------------------------------------------

struct OutcomeCase {
  Outcome outcome;
  std::vector<std::string_view> cites;  // articles the body must cite
  std::string_view says;                // a phrase of the decision
};

std::vector<OutcomeCase> OutcomeCases() {
  return {
      {Outcome::kGranted, {"第三十六条第（二）项"}, "予以公开"},
      {Outcome::kAlreadyPublic, {"第三十六条第（一）项"}, "已经主动公开"},
      {Outcome::kPartial, {"第三十七条"}, "区分处理"},
      {Outcome::kWithheldStateSecret, {"第十四条、第三十六条第（三）项"}, "国家秘密"},
      {Outcome::kWithheldLawProhibited, {"第十四条、第三十六条第（三）项"}, "禁止公开"},
      {Outcome::kWithheldThreeSafeties, {"第十四条、第三十六条第（三）项"}, "社会稳定"},
      {Outcome::kWithheldThirdParty, {"第十五条、第三十六条第（三）项"}, "第三方合法权益"},
      {Outcome::kWithheldInternalAffairs, {"第十六条第一款、第三十六条第（三）项"}, "内部事务"},
      {Outcome::kWithheldProcessInfo, {"第十六条第二款、第三十六条第（三）项"}, "过程性信息"},
      {Outcome::kWithheldEnforcementFile, {"第十六条第二款、第三十六条第（三）项"}, "行政执法案卷"},
      {Outcome::kWithheldQueryMatter, {"第三十六条第（三）项"}, "行政查询事项"},
      {Outcome::kNotHeld, {"第三十六条第（四）项"}, "该政府信息不存在"},
      {Outcome::kNotThisOrgan, {"第三十六条第（五）项"}, "不属于本机关负责公开"},
      {Outcome::kNeedsCreation, {"第三十八条"}, "加工、分析"},
      {Outcome::kUnclearAfterCorrection, {"第二十九条第二款第（二）项、第三十条"}, "仍不明确"},
      {Outcome::kSpecialRegime, {"第三十六条第（七）项"}, "特别规定"},
      {Outcome::kPetition, {"第三十九条第一款"}, "不作为政府信息公开申请处理"},
      {Outcome::kRepeat, {"第三十六条第（六）项"}, "不予重复处理"},
      {Outcome::kPublication, {"第三十九条第二款"}, "公开出版物"},
      {Outcome::kMassRepeat, {"第三十五条"}, "不予处理"},
      {Outcome::kConfirmOrReissue, {"第二条、第三十八条"}, "确认或者重新出具"},
      {Outcome::kOther, {"第三十六条"}, "的规定，本机关已依法处理你的申请。"},
  };
}

TEST(ReplyLetterTest, TableCoversEveryOutcomeWithAReply) {
  std::vector<Outcome> covered;
  for (const OutcomeCase& c : OutcomeCases()) covered.push_back(c.outcome);
  for (Outcome o : law::AllOutcomes()) {
    const bool own_event =
        o == Outcome::kDeemedWithdrawn || o == Outcome::kFeeUnpaid || o == Outcome::kWithdrawn;
    EXPECT_EQ(std::count(covered.begin(), covered.end(), o), own_event ? 0 : 1) << law::Key(o);
  }
}

class ReplyLetterForOutcome : public ::testing::TestWithParam<OutcomeCase> {};

TEST_P(ReplyLetterForOutcome, HasEveryElement) {
  const OutcomeCase& oc = GetParam();
  CaseBuilder b = OpenCase();
  if (oc.outcome == Outcome::kUnclearAfterCorrection) {
    b.Add("2026-03-04", cases::CorrectionRequestedPayload{"请写明所需信息的文号", D("2026-03-16")});
    b.Add("2026-03-10", cases::CorrectedPayload{"补正了名称", ""});
  }
  b.Add("2026-03-20", cases::testing::Decision(oc.outcome));
  ASSERT_EQ(b.events().back().type(), cases::EventType::kDecided);

  Result<Letter> l = ReplyLetter(b.state(), b.events().back(), Context());
  ASSERT_TRUE(l.ok()) << l.status().message();
  ExpectElements(*l, "政府信息公开申请答复书", "张三", "2026年3月20日");
  const std::string text = PlainText(*l);
  for (std::string_view cite : oc.cites) EXPECT_TRUE(Has(text, cite)) << cite << "\n" << text;
  EXPECT_TRUE(Has(text, oc.says)) << oc.says << "\n" << text;
  EXPECT_EQ(l->paragraphs.back(), kRemedies);
  // The opening: receipt date, channel, tracking number, what was asked.
  EXPECT_TRUE(Has(l->paragraphs.front(), "2026年3月2日，本机关收到你通过网上申请平台提交的"));
  EXPECT_TRUE(Has(l->paragraphs.front(), "（申请编号：GK-2026-0012）"));
  EXPECT_TRUE(Has(l->paragraphs.front(), "“2020年本机关行政许可事项办理情况统计”"));
}

INSTANTIATE_TEST_SUITE_P(AllOutcomes, ReplyLetterForOutcome, ::testing::ValuesIn(OutcomeCases()),
                         [](const ::testing::TestParamInfo<OutcomeCase>& info) {
                           std::string name(law::Key(info.param.outcome));
                           name.erase(std::remove(name.begin(), name.end(), '_'), name.end());
                           return name;
                         });

TEST(ReplyLetterTest, UnclearAfterCorrectionRecallsTheCorrection) {
  CaseBuilder b = OpenCase();
  b.Add("2026-03-04", cases::CorrectionRequestedPayload{"请写明所需信息的文号", D("2026-03-16")});
  b.Add("2026-03-10", cases::CorrectedPayload{"", ""});
  b.Add("2026-03-20", cases::testing::Decision(Outcome::kUnclearAfterCorrection));
  Result<Letter> l = ReplyLetter(b.state(), b.events().back(), Context());
  ASSERT_TRUE(l.ok()) << l.status().message();
  EXPECT_TRUE(Has(l->paragraphs.front(),
                  "本机关于2026年3月4日向你发出补正告知书，并于2026年3月10日收到你补正后的申请"));
}

TEST(ReplyLetterTest, NotThisOrganNamesTheCompetentOrgan) {
  CaseBuilder b = OpenCase();
  cases::DecidedPayload d = cases::testing::Decision(Outcome::kNotThisOrgan);
  d.competent_organ = cases::Organ{"威海市自然资源和规划局", "0631-5100000"};
  b.Add("2026-03-20", d);
  Result<Letter> l = ReplyLetter(b.state(), b.events().back(), Context());
  ASSERT_TRUE(l.ok()) << l.status().message();
  EXPECT_TRUE(Has(PlainText(*l),
                  "该政府信息由威海市自然资源和规划局负责公开（联系方式：0631-"
                  "5100000），你可以向其提出申请"));
}

TEST(ReplyLetterTest, TransferredIsANotThisOrganReply) {
  CaseBuilder b = OpenCase();
  b.Add("2026-03-20",
        cases::TransferredPayload{cases::Organ{"威海市自然资源和规划局", ""},
                                  "《条例》第三十六条第（五）项", "已告知申请人向该局申请"});
  ASSERT_EQ(b.events().back().type(), cases::EventType::kTransferred);
  Result<Letter> l = ReplyLetter(b.state(), b.events().back(), Context());
  ASSERT_TRUE(l.ok()) << l.status().message();
  ExpectElements(*l, "政府信息公开申请答复书", "张三", "2026年3月20日");
  const std::string text = PlainText(*l);
  EXPECT_TRUE(Has(text, "第三十六条第（五）项"));
  EXPECT_TRUE(Has(text, "该政府信息由威海市自然资源和规划局负责公开"));
  EXPECT_TRUE(Has(text, "已告知申请人向该局申请。"));
  EXPECT_EQ(l->paragraphs.back(), kRemedies);
}

TEST(ReplyLetterTest, WithheldForAThirdPartyMentionsItsObjection) {
  CaseBuilder b = OpenCase();
  const Date sent = D("2026-03-04");
  b.Add("2026-03-04", cases::ConsultationStartedPayload{"1", cases::ConsultParty::kThirdParty,
                                                        "威海某某有限公司", "企业经营数据",
                                                        law::DueAfterWorkingDays(Cal(), sent, 15)});
  b.Add("2026-03-10", cases::ConsultationEndedPayload{"1", cases::ConsultResult::kObject, ""});
  b.Add("2026-03-20", cases::testing::Decision(Outcome::kWithheldThirdParty));
  Result<Letter> l = ReplyLetter(b.state(), b.events().back(), Context());
  ASSERT_TRUE(l.ok()) << l.status().message();
  const std::string text = PlainText(*l);
  EXPECT_TRUE(Has(text, "经书面征求第三方意见，第三方不同意公开"));
  EXPECT_TRUE(Has(text, "不公开不会对公共利益造成重大影响"));
}

TEST(ReplyLetterTest, OrganisationsAreAddressedAsYourUnit) {
  CaseBuilder b("GK-2026-0013");
  b.Receive("2026-03-02", cases::ApplicantType::kCommercial).Register("2026-03-02");
  b.Add("2026-03-20", cases::testing::Decision(Outcome::kNotHeld));
  LetterContext ctx = Context();
  ctx.applicant_name = "威海某某贸易有限公司";
  Result<Letter> l = ReplyLetter(b.state(), b.events().back(), ctx);
  ASSERT_TRUE(l.ok()) << l.status().message();
  EXPECT_EQ(l->addressee, "威海某某贸易有限公司");
  EXPECT_TRUE(Has(l->paragraphs.front(), "本机关收到你单位通过网上申请平台提交的"));
}

TEST(ReplyLetterTest, SummaryAttachmentsAndDate) {
  CaseBuilder b = OpenCase();
  cases::DecidedPayload d = cases::testing::Decision(Outcome::kGranted);
  d.summary = "纸质材料可于工作日到本机关政务服务大厅领取";
  b.Add("2026-03-20", d);
  LetterContext ctx = Context();
  ctx.attachments = {"2020年行政许可事项办理情况统计表。"};
  ctx.date = D("2026-03-23");
  Result<Letter> l = ReplyLetter(b.state(), b.events().back(), ctx);
  ASSERT_TRUE(l.ok()) << l.status().message();
  EXPECT_EQ(FormatDate(l->date), "2026年3月23日");
  EXPECT_EQ(l->attachments, std::vector<std::string>{"2020年行政许可事项办理情况统计表"});
  const std::string text = PlainText(*l);
  EXPECT_TRUE(Has(text, "随本答复书一并提供给你（见附件）"));
  EXPECT_TRUE(Has(text, "纸质材料可于工作日到本机关政务服务大厅领取。"));
  EXPECT_TRUE(Has(text, "附件：2020年行政许可事项办理情况统计表"));
}

TEST(ReplyLetterTest, AlreadyPublicTellsWhereToFindIt) {
  CaseBuilder b = OpenCase();
  b.Add("2026-03-20", cases::testing::Decision(Outcome::kAlreadyPublic));
  LetterContext ctx = Context();
  ctx.portal = "http://www.example.gov.cn/xxgk/";
  Result<Letter> l = ReplyLetter(b.state(), b.events().back(), ctx);
  ASSERT_TRUE(l.ok()) << l.status().message();
  EXPECT_TRUE(Has(PlainText(*l),
                  "获取该政府信息的方式和途径：请登录http://www.example.gov.cn/xxgk/查阅。"));
}

TEST(ReplyLetterTest, RefusesWhatIsNotAReply) {
  CaseBuilder b = OpenCase();
  Result<Letter> l = ReplyLetter(b.state(), b.events().back(), Context());
  ASSERT_FALSE(l.ok());
  EXPECT_EQ(l.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Has(l.status().message(), "event.type")) << l.status().message();
}

TEST(ReplyLetterTest, RefusesAnotherCasesEvent) {
  CaseBuilder b = OpenCase();
  b.Add("2026-03-20", cases::testing::Decision(Outcome::kGranted));
  cases::Event e = b.events().back();
  e.case_id = "GK-2026-9999";
  Result<Letter> l = ReplyLetter(b.state(), e, Context());
  ASSERT_FALSE(l.ok());
  EXPECT_TRUE(Has(l.status().message(), "event.case_id")) << l.status().message();
}

std::string& IdeographicSpace() {
  static std::string space;
  space = " \u3000 ";
  return space;
}

TEST(ReplyLetterTest, RequiresTheRemedyBodiesAndNumbering) {
  CaseBuilder b = OpenCase();
  b.Add("2026-03-20", cases::testing::Decision(Outcome::kGranted));
  const std::vector<std::pair<std::string, void (*)(LetterContext&)>> missing = {
      {"agency", [](LetterContext& c) { c.agency.clear(); }},
      {"review_body", [](LetterContext& c) { c.review_body.clear(); }},
      {"court", [](LetterContext& c) { c.court.clear(); }},
      {"doc_no_prefix", [](LetterContext& c) { c.doc_no_prefix.clear(); }},
      {"serial", [](LetterContext& c) { c.serial = 0; }},
      {"applicant_name", [](LetterContext& c) { c.applicant_name.clear(); }},
      // White space alone is no name (the ideographic space included).
      {"applicant_name", [](LetterContext& c) { c.applicant_name.swap(IdeographicSpace()); }},
  };
  for (const auto& [field, clear] : missing) {
    LetterContext ctx = Context();
    clear(ctx);
    Result<Letter> l = ReplyLetter(b.state(), b.events().back(), ctx);
    ASSERT_FALSE(l.ok()) << field;
    EXPECT_EQ(l.status().code(), StatusCode::kInvalidArgument);
    EXPECT_TRUE(l.status().message().starts_with(field + "：")) << l.status().message();
  }
}

// ---- Notices ----------------------------------------------------------------------------

TEST(CorrectionNoticeTest, ItemsPeriodAndConsequence) {
  CaseBuilder b = OpenCase();
  b.Add("2026-03-04",
        cases::CorrectionRequestedPayload{"请写明所需信息的文号或者标题\n请说明所需信息的时间范围",
                                          D("2026-03-16")});
  Result<Letter> l = CorrectionNotice(b.state(), b.events().back(), Context());
  ASSERT_TRUE(l.ok()) << l.status().message();
  ExpectElements(*l, "政府信息公开申请补正告知书", "张三", "2026年3月4日");
  const std::string text = PlainText(*l);
  EXPECT_TRUE(Has(text, "第二十九条、第三十条"));
  EXPECT_TRUE(Has(text, "一次性告知"));
  EXPECT_TRUE(Has(text, "1．请写明所需信息的文号或者标题。"));
  EXPECT_TRUE(Has(text, "2．请说明所需信息的时间范围。"));
  EXPECT_TRUE(Has(text, "请于2026年3月16日前（含当日）"));
  EXPECT_TRUE(Has(text, "答复期限自本机关收到补正后的申请之日起计算"));
  EXPECT_TRUE(Has(text, "视为放弃申请"));
  EXPECT_FALSE(Has(text, "申请行政复议"));  // a procedural notice, not a decision
  // Via the dispatcher too.
  Result<Letter> again = LetterFor(b.state(), b.events().back(), Context());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->paragraphs, l->paragraphs);
}

TEST(ExtensionNoticeTest, GivesTheNewDueDate) {
  CaseBuilder b = OpenCase();
  b.Add("2026-03-25", cases::ExtendedPayload{10, "admin1", D("2026-03-26"), "需要调取历年档案。"});
  const cases::CaseState& s = b.state();
  ASSERT_TRUE(s.deadlines.has_value());
  Result<Letter> l = ExtensionNotice(s, b.events().back(), Context());
  ASSERT_TRUE(l.ok()) << l.status().message();
  // Dated the day of the notice to the applicant.
  ExpectElements(*l, "政府信息公开申请延期答复告知书", "张三", "2026年3月26日");
  const std::string text = PlainText(*l);
  EXPECT_TRUE(Has(text, "因需要调取历年档案，本机关不能在"));
  EXPECT_TRUE(Has(text, "第三十三条第二款"));
  EXPECT_TRUE(Has(text, "经本机关政府信息公开工作机构负责人同意"));
  EXPECT_TRUE(Has(text, "答复期限延长10个工作日，至" + FormatDate(s.deadlines->due_on) + "。"));
  EXPECT_GT(s.deadlines->due_on, s.deadlines->law.due.date);
  EXPECT_FALSE(Has(text, "admin1"));  // the approver's user id is internal
}

TEST(ExtensionNoticeTest, NeedsTheStateAfterTheEvent) {
  CaseBuilder b = OpenCase();
  const cases::CaseState before = b.state();
  b.Add("2026-03-25", cases::ExtendedPayload{10, "admin1", D("2026-03-26"), "需要调取档案"});
  Result<Letter> l = ExtensionNotice(before, b.events().back(), Context());
  ASSERT_FALSE(l.ok());
  EXPECT_TRUE(Has(l.status().message(), "state")) << l.status().message();
}

TEST(LaterDeadlineNoticeTest, GivesTheDeadlineFixedUnderArticle35) {
  CaseBuilder b = OpenCase();
  b.Add("2026-03-25", cases::LaterDeadlinePayload{D("2026-05-29"), D("2026-03-26"),
                                                  "一个月内申请一百二十件"});
  const cases::CaseState& s = b.state();
  Result<Letter> l = LaterDeadlineNotice(s, b.events().back(), Context());
  ASSERT_TRUE(l.ok()) << l.status().message();
  ExpectElements(*l, "政府信息公开申请另行确定答复期限告知书", "张三", "2026年3月26日");
  const std::string text = PlainText(*l);
  EXPECT_TRUE(Has(text, "因一个月内申请一百二十件"));
  EXPECT_TRUE(Has(text, "第三十五条"));
  EXPECT_TRUE(Has(text, "确定答复期限为2026年5月29日。"));
  Result<Letter> again = LetterFor(s, b.events().back(), Context());
  ASSERT_TRUE(again.ok());
  // The state before the event has no such deadline.
  CaseBuilder c = OpenCase();
  EXPECT_FALSE(LaterDeadlineNotice(c.state(), b.events().back(), Context()).ok());
}

TEST(ThirdPartyLetterTest, AsksWithinFifteenWorkingDaysAndNeverNamesTheApplicant) {
  CaseBuilder b = OpenCase();
  const Date sent = D("2026-03-04");
  const Date answer_by = law::DueAfterWorkingDays(Cal(), sent, 15);
  b.Add("2026-03-04",
        cases::ConsultationStartedPayload{"1", cases::ConsultParty::kThirdParty, "威海某某有限公司",
                                          "企业年度经营数据", answer_by});
  Result<Letter> l = ThirdPartyLetter(b.state(), b.events().back(), Context());
  ASSERT_TRUE(l.ok()) << l.status().message();
  ExpectElements(*l, "政府信息公开征求第三方意见函", "威海某某有限公司", "2026年3月4日");
  const std::string text = PlainText(*l);
  EXPECT_TRUE(Has(text, "第三十二条"));
  EXPECT_TRUE(Has(text, "自收到本函之日起15个工作日内（最迟于" + FormatDate(answer_by) + "）"));
  EXPECT_TRUE(Has(text, "逾期未提出意见的，本机关将依照《条例》的规定决定是否公开"));
  EXPECT_TRUE(Has(text, "不同意公开且有合理理由的，本机关不予公开"));
  EXPECT_TRUE(Has(text, "“企业年度经营数据”"));
  EXPECT_FALSE(Has(text, "张三"));
  EXPECT_FALSE(Has(text, "申请行政复议"));
}

TEST(ThirdPartyLetterTest, CoProducerSilenceIsConsent) {
  CaseBuilder b = OpenCase();
  const Date sent = D("2026-03-04");
  b.Add("2026-03-04", cases::ConsultationStartedPayload{"1", cases::ConsultParty::kCoProducer,
                                                        "威海市生态环境局", "联合检查通报",
                                                        law::DueAfterWorkingDays(Cal(), sent, 15)});
  Result<Letter> l = ThirdPartyLetter(b.state(), b.events().back(), Context());
  ASSERT_TRUE(l.ok()) << l.status().message();
  EXPECT_EQ(l->title, "政府信息公开征求意见函");
  EXPECT_EQ(l->addressee, "威海市生态环境局");
  const std::string text = PlainText(*l);
  EXPECT_TRUE(Has(text, "第三十四条"));
  EXPECT_TRUE(Has(text, "15个工作日"));
  EXPECT_TRUE(Has(text, "逾期未提出意见的，视为同意公开"));
  EXPECT_FALSE(Has(text, "张三"));
}

TEST(ThirdPartyLetterTest, OtherOrgan) {
  CaseBuilder b = OpenCase();
  b.Add("2026-03-04", cases::ConsultationStartedPayload{"1", cases::ConsultParty::kOtherOrgan,
                                                        "威海市财政局", "", D("2026-03-13")});
  Result<Letter> l = ThirdPartyLetter(b.state(), b.events().back(), Context());
  ASSERT_TRUE(l.ok()) << l.status().message();
  const std::string text = PlainText(*l);
  EXPECT_TRUE(Has(text, "第三十三条第三款"));
  EXPECT_TRUE(Has(text, "请贵单位于2026年3月13日前向本机关提出意见"));
}

TEST(FeeNoticeTest, ShowsTheBandsAndThePayByDate) {
  CaseBuilder b = OpenCase();
  // Pieces 6–35 of the month: 6–10 free, 11–30 at 100, 31–35 at 200 → 3000 元.
  b.Add("2026-03-10",
        cases::FeeNotifiedPayload{law::FeeMethod::kByPiece, 30, 5, 3000, D("2026-03-11")});
  ASSERT_TRUE(b.state().fee.has_value());
  Result<Letter> l = FeeNotice(b.state(), b.events().back(), Context());
  ASSERT_TRUE(l.ok()) << l.status().message();
  ExpectElements(*l, "政府信息公开信息处理费收费通知书", "张三", "2026年3月10日");
  const std::string text = PlainText(*l);
  EXPECT_TRUE(Has(text, "第四十二条"));
  EXPECT_TRUE(Has(text, "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"));
  EXPECT_TRUE(Has(text, "按件计收"));
  EXPECT_TRUE(Has(text, "本次申请30件，为本自然月内第6—35件"));
  EXPECT_TRUE(Has(text, "第6—10件：5件，不收费；"));
  EXPECT_TRUE(Has(text, "第11—30件：20件×100元/件＝2000元；"));
  EXPECT_TRUE(Has(text, "第31—35件：5件×200元/件＝1000元。"));
  EXPECT_TRUE(Has(text, "应缴金额：人民币3000元"));
  EXPECT_TRUE(Has(text, "（最迟于" + FormatDate(b.state().fee->pay_by) + "）"));
  EXPECT_TRUE(Has(text, "收到本通知书次日起20个工作日内"));
  EXPECT_TRUE(Has(text, "视为放弃申请"));
}

TEST(FeeNoticeTest, ByPage) {
  CaseBuilder b = OpenCase();
  // Pages 1–30 free, 31–100 at 10, 101–120 at 20 → 700 + 400 = 1100 元.
  b.Add("2026-03-10",
        cases::FeeNotifiedPayload{law::FeeMethod::kByPage, 120, 0, 1100, D("2026-03-10")});
  LetterContext ctx = Context();
  ctx.payment = "请通过非税收入缴款码缴纳";
  Result<Letter> l = FeeNotice(b.state(), b.events().back(), ctx);
  ASSERT_TRUE(l.ok()) << l.status().message();
  const std::string text = PlainText(*l);
  EXPECT_TRUE(Has(text, "按量计收"));
  EXPECT_TRUE(Has(text, "第1—30页：30页，不收费；"));
  EXPECT_TRUE(Has(text, "第31—100页：70页×10元/页＝700元；"));
  EXPECT_TRUE(Has(text, "第101—120页：20页×20元/页＝400元。"));
  EXPECT_TRUE(Has(text, "五、缴纳方式：请通过非税收入缴款码缴纳。"));
}

// ---- Dispatch ----------------------------------------------------------------------------

TEST(LetterForTest, EventsWithoutALetter) {
  CaseBuilder b = OpenCase();
  Result<Letter> l = LetterFor(b.state(), b.events().back(), Context());
  ASSERT_FALSE(l.ok());
  EXPECT_EQ(l.status().code(), StatusCode::kNotFound);
}

TEST(LetterForTest, AssistanceCasesHaveNoLetters) {
  CaseBuilder b("GK-2026-0100");
  b.Add("2026-03-02", cases::testing::AssistanceReceipt());
  Result<Letter> l = CorrectionNotice(
      b.state(),
      cases::testing::MakeEvent("GK-2026-0100", 2, D("2026-03-03"),
                                cases::CorrectionRequestedPayload{"x", D("2026-03-10")}),
      Context());
  ASSERT_FALSE(l.ok());
  EXPECT_TRUE(Has(l.status().message(), "state")) << l.status().message();
}

TEST(PlainTextTest, ReadingOrder) {
  Letter l;
  l.doc_no = "甲〔2026〕1号";
  l.title = "标题";
  l.addressee = "张三";
  l.paragraphs = {"第一段。", "第二段。"};
  l.attachments = {"表一", "表二"};
  l.issuer = "某机关";
  l.date = D("2026-01-05");
  l.contact_line = "（联系人：王五）";
  EXPECT_EQ(PlainText(l),
            "甲〔2026〕1号\n标题\n张三：\n第一段。\n第二段。\n附件：1．表一\n2．表二\n某机关\n"
            "2026年1月5日\n（联系人：王五）\n");
}

}  // namespace
}  // namespace gk::letters
