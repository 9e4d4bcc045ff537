#include "interaction/counting.h"

#include <gtest/gtest.h>

#include "interaction/messages.h"

namespace gk::interaction {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

TEST(Counting, FiguresOfTheYearAndTheParagraph) {
  std::vector<Message> messages;
  for (int i = 0; i < 15; ++i) {
    Message m;
    m.message_no = "LY" + std::to_string(i);
    m.received_on = D("2022-03-01");
    m.status = std::string(kAnswered);
    m.answered_on = D("2022-03-05");
    m.public_ok = true;
    m.answer_public = i < 8;
    messages.push_back(m);
  }
  Message old;
  old.received_on = D("2021-12-30");
  old.status = std::string(kOpen);
  messages.push_back(old);
  std::vector<Consultation> consultations;
  for (int i = 0; i < 4; ++i) {
    Consultation c;
    c.id = i + 1;
    c.opens_on = D("2022-04-01");
    c.closes_on = D("2022-04-30");
    c.feedback_on = D("2022-05-10");
    consultations.push_back(c);
  }
  std::vector<Event> events(2);
  for (Event& e : events) {
    e.kind = std::string(kInterview);
    e.held_on = D("2022-06-01");
  }
  events[0].record_ids = {7};
  std::vector<Comment> questions = {
      {1, 0, "", "问", kApproved, "答", D("2022-06-01"), ""},
      {2, 0, "", "问", kPending, "", D("2022-06-01"), ""}};
  std::vector<MediaAccount> accounts = {{1, "a", "微博", "威海工信", ""},
                                        {2, "a", "微信", "威海工信", ""}};
  std::vector<MediaFigure> figures = {{1, 2022, 1, 200, 1000}, {1, 2022, 12, 267, 1187},
                                      {2, 2022, 6, 1176, 2367}, {2, 2021, 6, 5, 5}};
  std::vector<Training> trainings = {{1, "a", "培训", D("2022-05-01"), 30},
                                     {2, "a", "培训", D("2022-09-01"), 25}};
  std::vector<RecordFact> records = {{7, "政策", "政策文件", "", D("2022-02-01")},
                                     {8, "解读", "政策解读", "图文解读", D("2022-02-02")}};
  YearInput in;
  in.year = 2022;
  in.messages = messages;
  in.consultations = consultations;
  in.events = events;
  in.questions = questions;
  in.accounts = accounts;
  in.media_figures = figures;
  in.trainings = trainings;
  in.records = records;
  const YearStats s = CountYear(in);
  EXPECT_EQ(s.Value("messages.received"), 15);
  EXPECT_EQ(s.Value("messages.answered"), 15);
  EXPECT_EQ(s.Value("messages.public"), 8);
  EXPECT_EQ(s.Value("consult.count"), 4);
  EXPECT_EQ(s.Value("consult.comments"), 0);
  EXPECT_EQ(s.Value("consult.results"), 4);
  EXPECT_EQ(s.Value("events.interview"), 2);
  EXPECT_EQ(s.Value("events.questions"), 2);
  EXPECT_EQ(s.Value("events.answers"), 1);
  EXPECT_EQ(s.Value("interpret.events"), 1);
  EXPECT_EQ(s.Value("media.微博.posts"), 467);
  EXPECT_EQ(s.Value("media.微博.followers"), 1187);
  EXPECT_EQ(s.Value("media.微信.posts"), 1176);
  EXPECT_EQ(s.Value("media.posts"), 1643);
  EXPECT_EQ(s.Value("publish.total"), 2);
  EXPECT_EQ(s.Value("interpret.total"), 1);
  EXPECT_EQ(s.Value("interpret.图文解读"), 1);
  EXPECT_EQ(s.Value("training.attendees"), 55);
  ASSERT_NE(s.Find("messages.public"), nullptr);
  EXPECT_EQ(s.Find("messages.public")->items.size(), 8u);
  const std::string p = InteractionParagraph(s);
  EXPECT_NE(p.find("收到网民留言15条，办结15条，公开答复8条"), std::string::npos) << p;
  EXPECT_NE(p.find("开展意见征集4次，收到意见0条，公开征集结果4次"), std::string::npos) << p;
  EXPECT_NE(p.find("开展在线访谈2期"), std::string::npos) << p;
  EXPECT_NE(p.find("微信信息1176条、微博信息467条"), std::string::npos) << p;
  EXPECT_NE(p.find("组织政务公开业务培训2次，参训55人次"), std::string::npos) << p;
}

TEST(Counting, NothingGivesNoParagraph) {
  YearInput in;
  in.year = 2022;
  EXPECT_EQ(InteractionParagraph(CountYear(in)), "");
}

TEST(Counting, ConsultationStates) {
  Consultation c;
  c.opens_on = D("2022-04-01");
  c.closes_on = D("2022-04-30");
  EXPECT_EQ(StateLabel(c, D("2022-03-01")), "未开始");
  EXPECT_TRUE(IsOpen(c, D("2022-04-30")));
  EXPECT_EQ(StateLabel(c, D("2022-05-01")), "已结束");
  c.closed = true;
  EXPECT_FALSE(IsOpen(c, D("2022-04-10")));
  c.feedback_on = D("2022-05-02");
  EXPECT_EQ(StateLabel(c, D("2022-05-03")), "已公布反馈");
}

}  // namespace
}  // namespace gk::interaction
