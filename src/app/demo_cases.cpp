#include "app/demo_cases.h"

#include <array>
#include <string_view>

#include "core/ids.h"
#include "law/deadline.h"
#include "law/fees.h"

namespace gk::app::demo {
namespace {

using cases::ApplicantType;
using cases::Channel;
using law::Outcome;
constexpr ApplicantType kNP = ApplicantType::kNaturalPerson;
constexpr ApplicantType kCo = ApplicantType::kCommercial;
constexpr ApplicantType kLaw = ApplicantType::kLegalService;

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

// The first working day on or after `d`.
Date WorkingDayFrom(const law::Calendar& cal, Date d) {
  while (!cal.IsWorkingDay(d)) d = d.AddDays(1);
  return d;
}
Date After(const law::Calendar& cal, Date d, int n) { return law::DueAfterWorkingDays(cal, d, n); }

constexpr std::array<std::string_view, 12> kSurnames = {"王", "李", "张", "刘", "陈", "杨",
                                                        "赵", "黄", "周", "吴", "孙", "于"};
constexpr std::array<std::string_view, 16> kTopics = {
    "某路段道路改造工程的立项批复文件",
    "某小区建设工程规划许可证及附图",
    "某村集体土地征收补偿安置方案",
    "本单位上一年度行政事业性收费项目及标准",
    "某企业环境影响评价审批意见",
    "某地块国有建设用地使用权出让合同",
    "某项目政府采购中标结果及合同",
    "惠企政策资金的申报条件和拨付情况",
    "某街道老旧小区改造实施方案",
    "某公司安全生产行政处罚决定书",
    "某工业园区总体规划及规划环评文件",
    "某年度财政预算执行情况",
    "某学校建设项目招标文件",
    "某河道整治工程验收报告",
    "专精特新企业认定名单及认定标准",
    "某项目房屋征收决定及补偿方案",
};
constexpr std::array<std::string_view, 6> kCompanies = {
    "威海某某机械有限公司", "威海某某食品有限公司", "威海某某电子科技有限公司",
    "威海某某建设工程有限公司", "威海某某律师事务所", "威海某某物流有限公司"};

std::string Pad(int n, int width) {
  std::string s = std::to_string(n);
  while (static_cast<int>(s.size()) < width) s.insert(s.begin(), '0');
  return s;
}

cases::Application ApplicationFor(const CasePlan& p) {
  cases::Application a;
  a.applicant_type = p.applicant;
  const int i = p.index;
  a.phone = "13" + Pad(506310000 + i * 7919 % 99991, 9);
  a.address = "山东省威海市环翠区某某路" + std::to_string(1 + i % 200) + "号";
  a.description = std::string(kTopics[static_cast<size_t>(i) % kTopics.size()]);
  a.form = i % 3 == 0 ? cases::Medium::kPaper : cases::Medium::kElectronic;
  if (i % 4 == 0) {
    a.delivery = cases::Delivery::kEmail;
    a.email = "applicant" + std::to_string(i) + "@example.cn";
  } else {
    a.delivery = i % 4 == 1 ? cases::Delivery::kPost : cases::Delivery::kPickup;
  }
  if (p.applicant == kNP) {
    a.name = std::string(kSurnames[static_cast<size_t>(i) % kSurnames.size()]) + "某某";
    a.id_type = cases::IdType::kResidentId;
    const std::string first17 = "371002" + std::to_string(1960 + i % 40) + Pad(1 + i % 12, 2) +
                                Pad(1 + i % 28, 2) + Pad(100 + i % 900, 3);
    a.id_number = first17 + *ids::ResidentIdCheckChar(first17);
  } else {
    a.name = std::string(kCompanies[static_cast<size_t>(i) % kCompanies.size()]);
    if (p.applicant == kLaw) a.name = "威海某某律师事务所";
    a.id_type = cases::IdType::kUscc;
    const std::string first17 = "913710007" + Pad(10000000 + (i * 131) % 89999999, 8);
    a.id_number = first17 + *ids::UsccCheckChar(first17);
    a.contact_person = std::string(kSurnames[static_cast<size_t>(i + 3) % kSurnames.size()]) +
                       "某";
  }
  return a;
}

cases::ReceivedPayload Receipt(const CasePlan& p, const std::string& agency_id) {
  cases::ReceivedPayload r;
  r.kind = p.kind;
  r.agency_id = agency_id;
  r.channel = p.channel;
  if (p.kind == cases::CaseKind::kAssistance) {
    r.channel = Channel::kLetter;
    r.evidence.signed_on = p.received_on;
    r.assistance = cases::AssistanceRequest{
        p.index % 2 ? "威海市人民政府办公室" : "威海市司法局",
        "依申请公开协助调查函〔" + std::to_string(p.received_on.year()) + "〕" +
            std::to_string(p.index + 1) + "号",
        "协助核实" + std::string(kTopics[static_cast<size_t>(p.index) % kTopics.size()]) +
            "的制作和保存情况",
        std::nullopt};
    return r;
  }
  switch (p.channel) {
    case Channel::kLetter:
      r.evidence.postmark_on = p.received_on.AddDays(-2);
      r.evidence.signed_on = p.received_on;
      break;
    case Channel::kInPerson:
    case Channel::kOral:
      break;
    case Channel::kEmail:
      r.evidence.confirmed_on = p.received_on;
      r.evidence.confirmed_by = cases::ConfirmMethod::kEmail;
      break;
    case Channel::kFax:
      r.evidence.confirmed_on = p.received_on;
      r.evidence.confirmed_by = cases::ConfirmMethod::kFax;
      break;
    case Channel::kOnline:
      r.evidence.confirmed_on = p.received_on;
      r.evidence.confirmed_by = cases::ConfirmMethod::kAutoAck;
      break;
  }
  r.application = ApplicationFor(p);
  return r;
}

std::string LegalBasis(Outcome o) {
  const std::string regs = "《中华人民共和国政府信息公开条例》";
  if (std::optional<law::ReplyType> t = law::ReplyTypeOf(o)) {
    std::string basis = regs + std::string(law::Article(*t));
    if (std::optional<law::WithholdReason> w = law::WithholdReasonOf(o)) {
      const std::string_view art = law::Article(*w);
      if (!art.empty()) basis += "、" + std::string(art);
    }
    return basis;
  }
  switch (o) {
    case Outcome::kPartial:
      return regs + "第三十七条";
    case Outcome::kNeedsCreation:
      return regs + "第三十八条";
    case Outcome::kPetition:
    case Outcome::kPublication:
      return regs + "第三十九条";
    case Outcome::kMassRepeat:
      return regs + "第三十五条";
    case Outcome::kUnclearAfterCorrection:
      return regs + "第三十条";
    default:
      return regs + "第三十六条";
  }
}

class Builder {
 public:
  Builder(std::string case_id, std::string actor) : id_(std::move(case_id)), actor_(std::move(actor)) {}
  Date last() const { return events_.back().occurred_on; }
  void Add(Date on, cases::Payload p) {
    events_.push_back(cases::Event{id_, static_cast<int64_t>(events_.size()) + 1, on,
                                   on.ToString() + "T10:00:00+08:00", actor_, cases::Entry::kLive,
                                   std::move(p)});
  }
  std::vector<cases::Event> Take() { return std::move(events_); }

 private:
  std::string id_, actor_;
  std::vector<cases::Event> events_;
};

struct Count {
  ApplicantType who;
  Outcome outcome;
  int n;
};

// Adds a year's applications, received from early January to the end of
// October (so each is decided within the year), spread evenly.
void AddYear(AgencyPlan& plan, const law::Calendar& cal, int year,
             std::initializer_list<Count> counts, std::initializer_list<Channel> channels,
             int* index) {
  int total = 0;
  for (const Count& c : counts) total += c.n;
  const Date first = D(year, 1, 8);
  const int64_t span = D(year, 10, 31).days() - first.days();
  const std::vector<Channel> ch(channels);
  int k = 0;
  for (const Count& c : counts) {
    for (int i = 0; i < c.n; ++i, ++k) {
      CasePlan p;
      p.received_on = WorkingDayFrom(cal, first.AddDays(span * k / total));
      p.applicant = c.who;
      p.channel = ch[static_cast<size_t>(k) % ch.size()];
      p.outcome = c.outcome;
      p.working_days = 6 + *index % 12;
      p.index = (*index)++;
      plan.cases.push_back(p);
    }
  }
}

void AddAssistance(AgencyPlan& plan, const law::Calendar& cal, int year, int n, int* index) {
  for (int i = 0; i < n; ++i) {
    CasePlan p;
    p.kind = cases::CaseKind::kAssistance;
    p.received_on = WorkingDayFrom(cal, D(year, 2, 10).AddDays(250 * i / n));
    p.index = (*index)++;
    plan.cases.push_back(p);
  }
}

CasePlan One(const law::Calendar& cal, Date received, ApplicantType who, Channel ch,
             std::optional<Outcome> o, int* index) {
  CasePlan p;
  p.received_on = WorkingDayFrom(cal, received);
  p.applicant = who;
  p.channel = ch;
  p.outcome = o;
  p.working_days = 12;
  p.index = (*index)++;
  return p;
}

AgencyPlan::Figure Fig(int year, std::string row, std::string field, std::optional<int64_t> v,
                       std::string source) {
  return {year, {std::move(row), std::move(field), v, std::move(source), "", ""}};
}

// `n` 规范性文件 made in `year`, titled from `topics`, published a week later.
void Normative(AgencyPlan& plan, const law::Calendar& cal, int year, int n,
               std::string_view prefix, std::string_view doc_prefix,
               const std::vector<std::string_view>& t, int* serial) {
  for (int i = 0; i < n; ++i) {
    RecordPlan r;
    r.formed_on = WorkingDayFrom(cal, D(year, 2 + (i * 9) % 10, 5 + (i * 7) % 20));
    r.published_on = After(cal, r.formed_on, 5);
    r.title = std::string(prefix) + std::string(t[static_cast<size_t>(*serial) % t.size()]);
    r.doc_no = std::string(doc_prefix) + "〔" + std::to_string(year) + "〕" +
               std::to_string(i + 1) + "号";
    ++*serial;
    plan.records.push_back(std::move(r));
  }
}

}  // namespace

std::vector<AgencyPlan> Plans(const law::Calendar& cal) {
  using C = Channel;
  const auto kOnline = C::kOnline;
  const auto kLetter = C::kLetter;
  const auto kInPerson = C::kInPerson;
  std::vector<AgencyPlan> out;

  {  // 临港: the 2021 report (seed 001) — six applications from natural persons.
    AgencyPlan a{"weihai-lingang", {}, {}, {2021, 2025}, {}};
    int i = 0;
    AddYear(a, cal, 2020,
            {{kNP, Outcome::kGranted, 2}, {kNP, Outcome::kNotHeld, 1}, {kNP, Outcome::kWithdrawn, 1}},
            {kOnline, kLetter}, &i);
    AddYear(a, cal, 2021,
            {{kNP, Outcome::kGranted, 1},
             {kNP, Outcome::kPartial, 2},
             {kNP, Outcome::kNotHeld, 2},
             {kNP, Outcome::kDeemedWithdrawn, 1}},
            {kOnline, kOnline, kLetter}, &i);
    AddYear(a, cal, 2022,
            {{kNP, Outcome::kGranted, 2},
             {kNP, Outcome::kAlreadyPublic, 1},
             {kCo, Outcome::kPartial, 1},
             {kNP, Outcome::kNotHeld, 1},
             {kNP, Outcome::kNotThisOrgan, 1}},
            {kOnline, kLetter, kOnline}, &i);
    AddYear(a, cal, 2023,
            {{kNP, Outcome::kGranted, 3},
             {kNP, Outcome::kNotHeld, 2},
             {kLaw, Outcome::kGranted, 1},
             {kNP, Outcome::kFeeUnpaid, 1}},
            {kOnline, kOnline, kLetter}, &i);
    AddYear(a, cal, 2024,
            {{kNP, Outcome::kGranted, 2},
             {kNP, Outcome::kPartial, 1},
             {kNP, Outcome::kNotHeld, 2},
             {kCo, Outcome::kGranted, 1}},
            {kOnline, kLetter}, &i);
    a.cases[a.cases.size() - 3].lawsuit = true;  // filed 2024, decided 2025
    AddYear(a, cal, 2025,
            {{kNP, Outcome::kGranted, 3},
             {kNP, Outcome::kPartial, 1},
             {kNP, Outcome::kNotHeld, 2},
             {kNP, Outcome::kRepeat, 1},
             {kCo, Outcome::kWithheldThirdParty, 1}},
            {kOnline, kOnline, kLetter, kInPerson}, &i);
    a.cases[a.cases.size() - 8].paid_fee = true;
    // Received in late December 2025, decided in January 2026: carried over.
    a.cases.push_back(One(cal, D(2025, 12, 22), kNP, kOnline, Outcome::kGranted, &i));
    AddYear(a, cal, 2026, {{kNP, Outcome::kGranted, 2}, {kNP, Outcome::kNotHeld, 1}},
            {kOnline, kLetter}, &i);
    a.cases.push_back(One(cal, D(2026, 11, 10), kNP, kOnline, std::nullopt, &i));
    a.cases.push_back(One(cal, D(2026, 11, 20), kCo, kLetter, std::nullopt, &i));
    a.cases.push_back(One(cal, D(2026, 11, 27), kNP, kOnline, std::nullopt, &i));
    // 规范性文件: 11 in force at the end of 2021, 5 of them made in 2021 (seed 001).
    int n = 0;
    const std::vector<std::string_view> topics = {"促进招商引资若干政策的实施办法", "工业项目用地管理办法",
                         "企业技术创新奖励办法", "人才引进和培养实施细则",
                         "农村集体资产管理办法", "建设工程招标投标管理暂行办法",
                         "城市管理综合执法实施办法", "安全生产责任制实施办法",
                         "财政专项资金管理办法", "政府投资项目管理办法", "惠企政策兑现办法"};
    Normative(a, cal, 2018, 2, "威海临港经济技术开发区", "威临管发", topics, &n);
    Normative(a, cal, 2019, 2, "威海临港经济技术开发区", "威临管发", topics, &n);
    Normative(a, cal, 2020, 2, "威海临港经济技术开发区", "威临管发", topics, &n);
    Normative(a, cal, 2021, 5, "威海临港经济技术开发区", "威临管发", topics, &n);
    const std::string sys = "临港区行政审批服务局业务系统年度统计";
    a.figures = {
        Fig(2021, "licensing", "decisions", 5416, sys),
        Fig(2021, "punishment", "decisions", 271, "临港区综合行政执法局执法办案系统年度统计"),
        Fig(2021, "enforcement", "decisions", 21, "临港区综合行政执法局执法办案系统年度统计"),
        Fig(2021, "fees", "amount_10k_yuan", 706 * report::kFenPer10kYuan,
            "临港区财政局非税收入管理系统年度统计"),
    };
    out.push_back(std::move(a));
  }
  {  // 火炬: the 2020 report (seed 002, 2019 format), with 10 协助调查 requests.
    AgencyPlan a{"weihai-huoju", {}, {}, {2020, 2025}, {}};
    int i = 100;
    AddYear(a, cal, 2019,
            {{kNP, Outcome::kGranted, 2}, {kNP, Outcome::kNotHeld, 1}, {kCo, Outcome::kGranted, 1}},
            {kLetter, kOnline}, &i);
    AddAssistance(a, cal, 2019, 6, &i);
    AddYear(a, cal, 2020,
            {{kNP, Outcome::kPartial, 1},
             {kCo, Outcome::kPartial, 1},
             {kNP, Outcome::kNotHeld, 4},
             {kNP, Outcome::kRepeat, 1}},
            {kLetter, kLetter, kOnline}, &i);
    AddAssistance(a, cal, 2020, 10, &i);
    AddYear(a, cal, 2021,
            {{kNP, Outcome::kGranted, 3}, {kNP, Outcome::kNotHeld, 2}, {kNP, Outcome::kDeemedWithdrawn, 1}},
            {kOnline, kLetter}, &i);
    AddAssistance(a, cal, 2021, 5, &i);
    AddYear(a, cal, 2022, {{kNP, Outcome::kGranted, 2}, {kCo, Outcome::kNotHeld, 1}},
            {kOnline}, &i);
    AddYear(a, cal, 2023,
            {{kNP, Outcome::kGranted, 2}, {kNP, Outcome::kNeedsCreation, 1}, {kNP, Outcome::kNotHeld, 1}},
            {kOnline, kLetter}, &i);
    AddYear(a, cal, 2024, {{kNP, Outcome::kGranted, 3}, {kNP, Outcome::kPetition, 1}},
            {kOnline}, &i);
    AddYear(a, cal, 2025,
            {{kNP, Outcome::kGranted, 2}, {kNP, Outcome::kNotHeld, 2}, {kCo, Outcome::kPartial, 1}},
            {kOnline, kLetter}, &i);
    AddYear(a, cal, 2026, {{kNP, Outcome::kGranted, 2}}, {kOnline}, &i);
    a.cases.push_back(One(cal, D(2026, 11, 24), kNP, kOnline, std::nullopt, &i));
    const std::string office = "高区党政办公室权责清单及业务台账";
    a.figures = {
        Fig(2020, "licensing", "previous_items", 0, office),
        Fig(2020, "licensing", "change", 0, office),
        Fig(2020, "licensing", "decisions", 0, office),
        Fig(2020, "other_services", "previous_items", 3, office),
        Fig(2020, "other_services", "change", 1, office),
        Fig(2020, "other_services", "decisions", std::nullopt, office + "（该项未统计处理决定数量）"),
        Fig(2020, "punishment", "previous_items", 2, office),
        Fig(2020, "punishment", "change", -1, office),
        Fig(2020, "punishment", "decisions", 0, office),
        Fig(2020, "enforcement", "previous_items", 1, office),
        Fig(2020, "enforcement", "change", 0, office),
        Fig(2020, "enforcement", "decisions", 0, office),
        Fig(2020, "fees", "previous_items", 0, office),
        Fig(2020, "fees", "change", 0, office),
        Fig(2020, "procurement", "items", 5, "高区政府采购管理系统年度统计"),
        Fig(2020, "procurement", "amount_10k_yuan", 146'224'300, "高区政府采购管理系统年度统计"),
    };
    out.push_back(std::move(a));
  }
  {  // 工信局: the 2022 report (seed 004) — three online applications.
    AgencyPlan a{"weihai-gongxin", {}, {}, {2022, 2025}, {}};
    int i = 200;
    AddYear(a, cal, 2021,
            {{kNP, Outcome::kGranted, 2}, {kCo, Outcome::kPartial, 1}, {kNP, Outcome::kNotHeld, 1}},
            {kOnline, kLetter}, &i);
    AddYear(a, cal, 2022, {{kNP, Outcome::kPartial, 1}, {kNP, Outcome::kNotHeld, 2}}, {kOnline},
            &i);
    AddYear(a, cal, 2023,
            {{kNP, Outcome::kGranted, 2},
             {kNP, Outcome::kNotHeld, 1},
             {kCo, Outcome::kGranted, 1},
             {kNP, Outcome::kNotThisOrgan, 1}},
            {kOnline}, &i);
    AddYear(a, cal, 2024, {{kCo, Outcome::kGranted, 2}, {kNP, Outcome::kNotHeld, 1}}, {kOnline},
            &i);
    AddYear(a, cal, 2025,
            {{kNP, Outcome::kGranted, 2}, {kCo, Outcome::kAlreadyPublic, 1}, {kNP, Outcome::kWithdrawn, 1}},
            {kOnline, kLetter}, &i);
    AddYear(a, cal, 2026, {{kCo, Outcome::kGranted, 2}}, {kOnline}, &i);
    a.cases.push_back(One(cal, D(2026, 11, 16), kCo, kOnline, std::nullopt, &i));
    // 规范性文件: 13 in force at the end of 2021; in 2022 two made and two
    // repealed, leaving 13 (seed 004).
    int n = 0;
    const std::vector<std::string_view> topics = {"工业转型升级专项资金管理办法", "专精特新中小企业认定管理办法",
                         "工业企业技术改造奖补办法", "软件和信息服务业发展扶持办法",
                         "节能监察管理办法", "民用爆炸物品安全管理规定", "企业上云用云奖补细则",
                         "首台（套）技术装备认定办法", "中小企业公共服务平台管理办法",
                         "工业设计中心认定管理办法", "制造业单项冠军培育办法",
                         "智能工厂认定管理办法", "工业互联网平台培育办法"};
    Normative(a, cal, 2019, 5, "威海市", "威工信发", topics, &n);
    Normative(a, cal, 2020, 4, "威海市", "威工信发", topics, &n);
    Normative(a, cal, 2021, 4, "威海市", "威工信发", topics, &n);
    for (size_t k : {0u, 1u}) {
      a.records[k].validity = catalog::Validity::kRepealed;
      a.records[k].validity_changed_on = D(2022, 6, 30);
    }
    Normative(a, cal, 2022, 2, "威海市", "威工信发", topics, &n);
    const std::string sys = "市工业和信息化局权责清单及业务台账";
    a.figures = {
        Fig(2022, "licensing", "decisions", 0, sys),
        Fig(2022, "punishment", "decisions", 0, sys),
        Fig(2022, "enforcement", "decisions", 0, sys),
        Fig(2022, "fees", "amount_10k_yuan", 0, sys),
    };
    out.push_back(std::move(a));
  }
  {  // 经开区: 33 applications in 2022 (11 in 2021: 同比增长200%), 3 协助调查.
    AgencyPlan a{"weihai-jingkai", {}, {}, {2022, 2025}, {}};
    int i = 300;
    AddYear(a, cal, 2021,
            {{kNP, Outcome::kGranted, 5},
             {kNP, Outcome::kNotHeld, 3},
             {kNP, Outcome::kPartial, 1},
             {kCo, Outcome::kGranted, 1},
             {kNP, Outcome::kWithdrawn, 1}},
            {kOnline, kLetter, kOnline}, &i);
    AddYear(a, cal, 2022,
            {{kNP, Outcome::kGranted, 10},
             {kNP, Outcome::kAlreadyPublic, 2},
             {kNP, Outcome::kPartial, 4},
             {kCo, Outcome::kPartial, 1},
             {kNP, Outcome::kNotHeld, 7},
             {kCo, Outcome::kGranted, 2},
             {kLaw, Outcome::kNotHeld, 1},
             {kNP, Outcome::kNotThisOrgan, 2},
             {kCo, Outcome::kNotThisOrgan, 1},
             {kNP, Outcome::kNeedsCreation, 1},
             {kNP, Outcome::kRepeat, 1},
             {kNP, Outcome::kDeemedWithdrawn, 1}},
            {kOnline, kOnline, kLetter, kInPerson}, &i);
    AddAssistance(a, cal, 2022, 3, &i);
    // 规范性文件 made in 2022 (its report: 其中规范性文件5件).
    int n = 0;
    Normative(a, cal, 2022, 5, "威海经济技术开发区", "威经管发",
              {"科技创新券管理办法", "重点企业服务专员制度", "老旧小区改造实施办法",
               "企业上市挂牌扶持办法", "社区工作者管理办法"},
              &n);
    AddYear(a, cal, 2023,
            {{kNP, Outcome::kGranted, 9},
             {kNP, Outcome::kPartial, 3},
             {kNP, Outcome::kNotHeld, 6},
             {kCo, Outcome::kGranted, 3},
             {kNP, Outcome::kNotThisOrgan, 2},
             {kNP, Outcome::kUnclearAfterCorrection, 1},
             {kNP, Outcome::kPetition, 1}},
            {kOnline, kOnline, kLetter}, &i);
    a.cases[a.cases.size() - 20].review = true;
    AddYear(a, cal, 2024,
            {{kNP, Outcome::kGranted, 8},
             {kNP, Outcome::kPartial, 2},
             {kNP, Outcome::kNotHeld, 5},
             {kCo, Outcome::kGranted, 2},
             {kNP, Outcome::kWithheldProcessInfo, 1},
             {kNP, Outcome::kFeeUnpaid, 1},
             {kNP, Outcome::kWithdrawn, 1}},
            {kOnline, kOnline, kLetter, kInPerson}, &i);
    AddYear(a, cal, 2025,
            {{kNP, Outcome::kGranted, 9},
             {kNP, Outcome::kPartial, 3},
             {kNP, Outcome::kNotHeld, 5},
             {kCo, Outcome::kGranted, 3},
             {kNP, Outcome::kNotThisOrgan, 1},
             {kNP, Outcome::kConfirmOrReissue, 1}},
            {kOnline, kOnline, kLetter}, &i);
    AddYear(a, cal, 2026,
            {{kNP, Outcome::kGranted, 8}, {kNP, Outcome::kNotHeld, 6}, {kCo, Outcome::kGranted, 4}},
            {kOnline, kOnline, kLetter}, &i);
    a.cases.push_back(One(cal, D(2026, 11, 12), kNP, kOnline, std::nullopt, &i));
    a.cases.push_back(One(cal, D(2026, 11, 26), kNP, kLetter, std::nullopt, &i));
    out.push_back(std::move(a));
  }
  {  // 文登区综合行政执法局: no application in 2022 (seed 003).
    AgencyPlan a{"weihai-wendeng-zhifa", {}, {}, {2025}, {}};
    int i = 400;
    AddYear(a, cal, 2023, {{kNP, Outcome::kGranted, 1}, {kNP, Outcome::kNotHeld, 1}}, {kOnline},
            &i);
    AddYear(a, cal, 2024, {{kNP, Outcome::kGranted, 1}}, {kLetter}, &i);
    AddYear(a, cal, 2025, {{kNP, Outcome::kGranted, 1}, {kCo, Outcome::kNotHeld, 1}}, {kOnline},
            &i);
    a.cases.push_back(One(cal, D(2026, 11, 19), kNP, kOnline, std::nullopt, &i));
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<cases::Event> CaseEvents(const CasePlan& p, const std::string& agency_id,
                                     const std::string& case_id, const std::string& actor,
                                     const law::Calendar& cal) {
  Builder b(case_id, actor);
  const Date r = p.received_on;
  b.Add(r, Receipt(p, agency_id));
  if (p.kind == cases::CaseKind::kAssistance) {
    b.Add(r, cases::AssignedPayload{"党政办公室", "承办人"});
    const Date answered = After(cal, r, 5 + p.index % 6);
    b.Add(answered, cases::AnsweredPayload{"复函" + std::to_string(p.index + 1), "已按要求复函"});
    b.Add(After(cal, answered, 2), cases::ArchivedPayload{"XZ-" + case_id});
    return b.Take();
  }
  b.Add(r, cases::RegisteredPayload{case_id});
  if (p.outcome == Outcome::kWithdrawn) {
    b.Add(After(cal, r, 3), cases::WithdrawnPayload{});
    b.Add(After(cal, r, 5), cases::ArchivedPayload{"YSQ-" + case_id});
    return b.Take();
  }
  const Date assigned = After(cal, r, 1);
  b.Add(assigned, cases::AssignedPayload{"政务公开办公室", "承办人"});
  if (p.outcome == Outcome::kDeemedWithdrawn || p.outcome == Outcome::kUnclearAfterCorrection) {
    // Art. 30: one notice within 7 working days, 15 days to correct.
    const Date notice = After(cal, r, 2);
    const Date period_end = notice.AddDays(15);
    b.Add(notice, cases::CorrectionRequestedPayload{"请写明所需政府信息的名称、文号或者便于查询的其他特征性描述",
                                                    period_end});
    if (p.outcome == Outcome::kDeemedWithdrawn) {
      b.Add(period_end.AddDays(1), cases::DeemedWithdrawnPayload{"补正期限届满未补正"});
      b.Add(After(cal, period_end, 2), cases::ArchivedPayload{"YSQ-" + case_id});
      return b.Take();
    }
    const Date corrected = notice.AddDays(6);
    b.Add(corrected, cases::CorrectedPayload{"补充了所需信息的描述", ""});
    const Date decided = After(cal, corrected, 8);
    b.Add(decided, cases::DecidedPayload{Outcome::kUnclearAfterCorrection, std::nullopt,
                                         std::nullopt, LegalBasis(*p.outcome), std::nullopt,
                                         "补正后申请内容仍不明确"});
    b.Add(After(cal, decided, 1), cases::ServedPayload{cases::ServiceMethod::kPost, "挂号信回执"});
    b.Add(After(cal, decided, 4), cases::ArchivedPayload{"YSQ-" + case_id});
    return b.Take();
  }
  if (!p.outcome) {
    // Still open: a third-party consultation on every other one.
    if (p.index % 2 == 0) {
      const Date start = After(cal, r, 3);
      b.Add(start, cases::ConsultationStartedPayload{"1", cases::ConsultParty::kThirdParty,
                                                     "威海某某建设工程有限公司",
                                                     "是否同意公开合同文本",
                                                     After(cal, start, law::kConsultationDays)});
    }
    return b.Take();
  }
  if (p.outcome == Outcome::kFeeUnpaid || p.paid_fee) {
    // 国办函〔2020〕109号: by page above 100 pages a month.
    const Date notified = After(cal, r, 5);
    const int pages = 150 + p.index % 50;
    const int64_t amount = law::FeeByPage(pages)->total_yuan;
    b.Add(notified, cases::FeeNotifiedPayload{law::FeeMethod::kByPage, pages, 0, amount,
                                              notified.AddDays(2)});
    const Date pay_by = After(cal, notified.AddDays(2), 20);
    if (p.outcome == Outcome::kFeeUnpaid) {
      b.Add(pay_by.AddDays(1), cases::FeeUnpaidPayload{"逾期未缴纳信息处理费"});
      b.Add(After(cal, pay_by, 3), cases::ArchivedPayload{"YSQ-" + case_id});
      return b.Take();
    }
    b.Add(After(cal, notified, 6), cases::FeePaidPayload{amount, "非税收入缴款书"});
  }
  if (p.outcome == Outcome::kPartial || p.outcome == Outcome::kWithheldThirdParty) {
    // Art. 32: the third party has 15 working days; its time is not counted.
    const Date start = After(cal, r, 2);
    b.Add(start, cases::ConsultationStartedPayload{"1", cases::ConsultParty::kThirdParty,
                                                   "威海某某建设工程有限公司",
                                                   "申请公开的合同文本涉及商业秘密",
                                                   After(cal, start, law::kConsultationDays)});
    b.Add(After(cal, start, 6), cases::ConsultationEndedPayload{"1", cases::ConsultResult::kObject,
                                                                "第三方不同意公开报价部分"});
  }
  // The reviews of the draft reply, then the decision on the planned day (or
  // the next working day after the last step).
  Date decided = After(cal, r, p.working_days);
  if (decided <= b.last()) decided = After(cal, b.last(), 2);
  const Date checked = After(cal, b.last(), 1) < decided ? After(cal, b.last(), 1) : b.last();
  b.Add(checked, cases::LegalReviewPayload{{"法律顾问", cases::ReviewResult::kPassed, ""}});
  b.Add(checked, cases::ConfidentialityReviewPayload{{"保密审查员", cases::ReviewResult::kPassed, ""}});
  const Outcome o = *p.outcome;
  if (o == Outcome::kNotThisOrgan) {
    b.Add(decided, cases::TransferredPayload{{"威海市自然资源和规划局", "联系电话：0631-5200000"},
                                             LegalBasis(o), "告知申请人向负责公开的机关申请"});
  } else {
    cases::DecidedPayload d;
    d.outcome = o;
    d.reply_type = law::ReplyTypeOf(o);
    d.withhold_reason = law::WithholdReasonOf(o);
    if (o == Outcome::kPartial) d.withhold_reason = law::WithholdReason::kThirdParty;
    d.legal_basis = LegalBasis(o);
    d.summary = std::string(law::Label(o));
    b.Add(decided, std::move(d));
  }
  const Date served = After(cal, decided, 1);
  b.Add(served, cases::ServedPayload{p.index % 4 == 0 ? cases::ServiceMethod::kEmail
                                                      : cases::ServiceMethod::kPost,
                                     "送达回证"});
  b.Add(After(cal, served, 3), cases::ArchivedPayload{"YSQ-" + case_id});
  if (p.review) {
    const Date filed = decided.AddDays(30);
    b.Add(filed, cases::ReviewFiledPayload{"复议1", "威海市人民政府"});
    b.Add(filed.AddDays(60),
          cases::ReviewDecidedPayload{"复议1", cases::ProceedingResult::kUpheld, "维持原答复"});
  }
  if (p.lawsuit) {
    const Date filed = decided.AddDays(90);
    b.Add(filed, cases::LawsuitFiledPayload{"诉1", "威海市环翠区人民法院",
                                            cases::LawsuitRoute::kDirect, ""});
    b.Add(filed.AddDays(200),
          cases::LawsuitDecidedPayload{"诉1", cases::ProceedingResult::kUpheld, "驳回诉讼请求"});
  }
  return b.Take();
}

}  // namespace gk::app::demo
