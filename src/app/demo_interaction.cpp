#include "app/demo_interaction.h"

#include <array>

#include "app/interaction.h"
#include "core/hash.h"
#include "interaction/messages.h"
#include "law/deadline.h"

namespace gk::app {
namespace {

constexpr std::string_view kActor = "demo";

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

// What an agency's report states for one year.
struct YearPlan {
  int year = 0;
  int messages = 0, answered = 0, answered_public = 0;
  int consultations = 0, comments = 0, results = 0;
  int interviews = 0, press = 0, open_days = 0;
  int questions = 0, answers = 0;
  struct Media {
    const char* platform;
    const char* name;
    int64_t posts;
    int64_t followers;  // at year end; 0 = not stated
  };
  std::vector<Media> media;
  std::vector<int64_t> trainings;  // attendees of each session (0 = not stated)
};

std::vector<YearPlan> PlansOf(std::string_view agency_id) {
  if (agency_id == "weihai-lingang") {  // seed 001, 2021
    YearPlan p;
    p.year = 2021;
    p.interviews = 8;
    p.media = {{"网站", "威海临港经济技术开发区管委会网站", 4325, 0},
               {"微信", "威海临港发布", 3330, 0},
               {"微博", "威海临港", 1352, 0},
               {"抖音", "威海临港区", 175, 0}};
    p.trainings = {0, 0};
    return {p};
  }
  if (agency_id == "weihai-gongxin") {  // seed 004, 2022
    YearPlan p;
    p.year = 2022;
    p.messages = 15;
    p.answered = 15;
    p.answered_public = 8;
    p.consultations = 4;
    p.results = 4;
    p.interviews = 2;
    p.questions = 2;
    p.answers = 2;
    p.open_days = 1;
    p.media = {{"微博", "威海工信微博", 467, 1187}, {"微信", "威海工信公众号", 1176, 2367}};
    p.trainings = {0, 0};
    return {p};
  }
  if (agency_id == "weihai-jingkai") {  // seed 000, 2022
    YearPlan p;
    p.year = 2022;
    p.press = 11;
    p.interviews = 20;
    p.open_days = 11;
    p.trainings = {34, 33, 33};
    return {p};
  }
  if (agency_id == "weihai-wendeng-zhifa") {  // seed 003, 2022
    YearPlan p;
    p.year = 2022;
    p.press = 1;
    p.interviews = 1;
    p.media = {{"微信", "文登区综合行政执法局", 231, 0}};
    p.trainings = {0};
    return {p};
  }
  return {};
}

constexpr std::array<std::pair<const char*, const char*>, 8> kTopics = {{
    {"关于中小企业数字化转型补贴申报的咨询", "请问今年中小企业数字化转型补贴的申报时间和条件是什么？"},
    {"关于专精特新企业认定条件的咨询", "我公司拟申报市级专精特新企业，请问认定条件和所需材料有哪些？"},
    {"关于工业企业技术改造项目备案的咨询", "企业技术改造项目备案需要在哪里办理，办理时限是多少？"},
    {"关于新能源汽车充电设施建设的建议", "建议在工业园区增加新能源汽车充电桩，方便职工通勤。"},
    {"关于企业用电负荷调整的咨询", "用电高峰期间企业错峰生产的安排如何通知到企业？"},
    {"关于“威海企业家日”活动的咨询", "今年“威海企业家日”活动何时举办，企业如何报名参加？"},
    {"关于首台（套）技术装备认定的咨询", "首台（套）技术装备认定的申报渠道和截止时间是什么？"},
    {"关于工业互联网平台培育政策的咨询", "工业互联网平台培育有哪些扶持政策，在哪里可以查看原文？"},
}};

constexpr std::array<const char*, 6> kSurnames = {"王", "李", "张", "刘", "陈", "赵"};

// A working day of the year spread over the months (the n-th of `count`).
Date Spread(const law::Calendar& cal, int year, int n, int count) {
  const Date start = D(year, 1, 10);
  const Date day = start.AddDays(static_cast<int64_t>(n) * 330 / std::max(count, 1));
  return law::DueAfterWorkingDays(cal, day.AddDays(-1), 1);
}

Status LoadYear(store::Store& store, const law::Calendar& cal, const store::AgencyRow& agency,
                const YearPlan& p, std::string_view now, int* added) {
  auto& s = store.interaction();
  const std::string code = agency.code.empty() ? agency.id : agency.code;
  // 留言.
  for (int i = 0; i < p.messages; ++i) {
    interaction::Message m;
    m.agency_id = agency.id;
    m.name = std::string(kSurnames[static_cast<size_t>(i) % kSurnames.size()]) + "先生";
    m.phone = "1380631" + std::to_string(1000 + i * 37);
    const auto& topic = kTopics[static_cast<size_t>(i) % kTopics.size()];
    m.title = topic.first;
    m.body = topic.second;
    m.public_ok = i < p.answered_public || i % 2 == 0;
    m.received_on = Spread(cal, p.year, i, p.messages);
    m.due_on = interaction::AnswerDue(cal, m.received_on, interaction::kDefaultAnswerDays);
    m.status = std::string(i < p.answered ? interaction::kAnswered : interaction::kOpen);
    if (i < p.answered) {
      m.answer = "您好，您反映的问题已收悉。相关政策原文和办理指南已在本局网站“政策文件”栏目公开，"
                 "如需进一步了解，请在工作日拨打本局办公室电话咨询。感谢您的关注。";
      m.answered_on = law::DueAfterWorkingDays(cal, m.received_on, 3);
      m.answered_by = std::string(kActor);
      m.answer_public = i < p.answered_public;
    }
    m.query_code_hash = Sha256Hex("message:demo-" + std::to_string(i));
    m.created_at = std::string(now);
    if (Status st = s.InsertMessage(m, "LY-" + code + "-" + std::to_string(p.year) + "-", "", 0);
        !st.ok())
      return st;
    ++*added;
  }
  // 意见征集.
  for (int i = 0; i < p.consultations; ++i) {
    interaction::Consultation c;
    c.agency_id = agency.id;
    c.title = "关于《" + std::to_string(p.year) + "年工业和信息化扶持政策实施细则（征求意见稿）》" +
              "公开征求意见（第" + std::to_string(i + 1) + "次）";
    c.body = "为提高政策制定的科学性和透明度，现将征求意见稿全文公布，公开征求社会各界意见。"
             "请于征集截止日期前通过本页面提出意见建议。";
    c.opens_on = Spread(cal, p.year, i, p.consultations);
    c.closes_on = c.opens_on.AddDays(30);
    c.closed = true;
    if (i < p.results) {
      c.feedback = "征集期内未收到意见建议。征求意见稿经审议后按程序印发。";
      c.feedback_on = law::DueAfterWorkingDays(cal, c.closes_on, 5);
    }
    c.created_by = std::string(kActor);
    c.created_at = std::string(now);
    auto id = s.InsertConsultation(c);
    if (!id.ok()) return id.status();
    for (int k = 0; k < p.comments / std::max(p.consultations, 1); ++k) {
      interaction::Comment comment{0, *id, "", "建议进一步明确申报材料清单。",
                                   interaction::kApproved, "", c.opens_on.AddDays(3),
                                   std::string(now)};
      if (auto r = s.InsertComment("consultation", comment, "", 0); !r.ok()) return r.status();
    }
    ++*added;
  }
  // 在线访谈, 新闻发布会, 政府开放日.
  struct Kind {
    std::string_view key;
    int count;
    const char* title;
  };
  int questions_left = p.questions;
  int answers_left = p.answers;
  for (const Kind& k : {Kind{interaction::kInterview, p.interviews, "在线访谈：部门负责人解读重点政策"},
                        Kind{interaction::kPress, p.press, "新闻发布会：重点工作和政策措施"},
                        Kind{interaction::kOpenDay, p.open_days, "政府开放日活动"}}) {
    for (int i = 0; i < k.count; ++i) {
      interaction::Event e;
      e.agency_id = agency.id;
      e.kind = std::string(k.key);
      e.title = std::string(k.title) + "（第" + std::to_string(i + 1) + "期）";
      e.held_on = Spread(cal, p.year, i, k.count);
      e.guests = k.key == interaction::kOpenDay ? "" : "相关科室负责人";
      e.transcript = k.key == interaction::kOpenDay
                         ? "邀请企业代表、市民代表走进机关，现场了解政务服务流程并座谈交流。"
                         : "主持人：欢迎收看本期节目。嘉宾介绍了有关政策的出台背景、主要内容和申报方式，"
                           "并回答了网民关心的问题。";
      e.created_by = std::string(kActor);
      e.created_at = std::string(now);
      auto id = s.InsertEvent(e);
      if (!id.ok()) return id.status();
      if (k.key == interaction::kInterview && questions_left > 0) {
        --questions_left;
        const bool answered = answers_left-- > 0;
        interaction::Comment q{0, *id, "", "政策申报是否可以全程网上办理？",
                               answered ? interaction::kApproved : interaction::kPending,
                               answered ? "可以，申报材料通过政务服务网在线提交，全程网上办理。" : "",
                               e.held_on, std::string(now)};
        if (auto r = s.InsertComment("event", q, "", 0); !r.ok()) return r.status();
      }
      ++*added;
    }
  }
  // 政务新媒体: the year's posts spread over the months.
  for (const auto& m : p.media) {
    auto id = s.InsertMediaAccount({0, agency.id, m.platform, m.name, agency.name});
    if (!id.ok()) return id.status();
    std::vector<store::MediaFigureRow> rows;
    for (int month = 1; month <= 12; ++month) {
      const int64_t posts = m.posts / 12 + (month <= m.posts % 12 ? 1 : 0);
      const int64_t followers = m.followers * month / 12;
      rows.push_back({*id, p.year, month, posts, followers});
    }
    if (Status st = s.PutMediaFigures(rows); !st.ok()) return st;
    ++*added;
  }
  // 培训.
  for (size_t i = 0; i < p.trainings.size(); ++i) {
    const interaction::Training t{0, agency.id, "政务公开业务培训（第" + std::to_string(i + 1) + "次）",
                                  Spread(cal, p.year, static_cast<int>(i),
                                         static_cast<int>(p.trainings.size())),
                                  p.trainings[i]};
    if (auto r = s.InsertTraining(t); !r.ok()) return r.status();
    ++*added;
  }
  return Status::Ok();
}

}  // namespace

Result<int> LoadDemoInteraction(store::Store& store, const law::Calendar& cal,
                                std::string_view agency_id, std::string_view now) {
  auto agency = store.GetAgency(agency_id);
  if (!agency.ok()) return agency.status();
  if (!agency->has_value()) return Status::NotFound("demo agency " + std::string(agency_id));
  auto& s = store.interaction();
  store::MessageFilter f;
  f.agency_id = std::string(agency_id);
  auto messages = s.CountMessages(f);
  auto events = s.ListEvents(std::string(agency_id));
  auto accounts = s.ListMediaAccounts(agency_id);
  auto trainings = s.ListTrainings(agency_id);
  auto consultations = s.ListConsultations(std::string(agency_id));
  for (const Status& st : {messages.status(), events.status(), accounts.status(),
                           trainings.status(), consultations.status()}) {
    if (!st.ok()) return st;
  }
  if (*messages > 0 || !events->empty() || !accounts->empty() || !trainings->empty() ||
      !consultations->empty())
    return 0;
  int added = 0;
  for (const YearPlan& p : PlansOf(agency_id)) {
    if (Status st = LoadYear(store, cal, **agency, p, now, &added); !st.ok()) return st;
  }
  return added;
}

}  // namespace gk::app
