// The interaction store: message numbers and the published filter, the
// moderated comments, events with their linked records, new media figures
// set again on import, trainings and the per-address post count.
#include <gtest/gtest.h>

#include <filesystem>

#include "interaction/messages.h"
#include "store/store.h"

namespace gk::store {
namespace {

Date D(std::string_view s) { return *Date::Parse(s); }

class InteractionStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/gk-interaction-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    auto s = OpenStore("sqlite:" + dir_ + "/t.db", OpenMode::kCreateIfMissing);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
    AgencyRow a;
    a.id = "a";
    a.name = "机构甲";
    a.kind = "department";
    ASSERT_TRUE(store_->InsertAgencyIfAbsent(a, "2024-01-01T00:00:00Z").ok());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  InteractionStore& S() { return store_->interaction(); }
  interaction::Message NewMessage(std::string title) {
    interaction::Message m;
    m.agency_id = std::string("a");
    m.name = std::string("张三");
    m.phone = std::string("13800138000");
    m.title = std::move(title);
    m.body = "内容";
    m.public_ok = true;
    m.status = std::string(interaction::kOpen);
    m.received_on = D("2022-03-01");
    m.due_on = D("2022-03-08");
    m.query_code_hash = "h";
    m.created_at = "2022-03-01T00:00:00Z";
    return m;
  }
  std::string dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(InteractionStoreTest, MessagesAreNumberedAndFiltered) {
  auto m1 = NewMessage("一");
  auto m2 = NewMessage("二");
  ASSERT_TRUE(S().InsertMessage(m1, "LY-A-2022-", "10.0.0.1", 100).ok());
  ASSERT_TRUE(S().InsertMessage(m2, "LY-A-2022-", "10.0.0.1", 200).ok());
  EXPECT_EQ(m1.message_no, "LY-A-2022-00001");
  EXPECT_EQ(m2.message_no, "LY-A-2022-00002");
  EXPECT_EQ(*S().CountPosts("10.0.0.1", 150), 1);
  EXPECT_EQ(*S().CountPosts("10.0.0.2", 0), 0);
  MessageFilter pub;
  pub.published_only = true;
  EXPECT_EQ(*S().CountMessages(pub), 0);
  m2.status = std::string(interaction::kAnswered);
  m2.answer = "已处理";
  m2.answered_on = D("2022-03-03");
  m2.answer_public = true;
  ASSERT_TRUE(S().UpdateMessage(m2).ok());
  auto listed = S().ListMessages(pub);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].answer, "已处理");
  EXPECT_EQ((*listed)[0].answered_on, D("2022-03-03"));
  auto got = S().GetMessage("LY-A-2022-00001");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->name, "张三");
  EXPECT_FALSE(S().GetMessage("none")->has_value());
  EXPECT_EQ(S().UpdateMessage(interaction::Message{}).code(), StatusCode::kNotFound);
  EXPECT_FALSE(S().AnswerDays("a")->has_value());
  ASSERT_TRUE(S().SetAnswerDays("a", 7).ok());
  ASSERT_TRUE(S().SetAnswerDays("a", 3).ok());
  EXPECT_EQ(**S().AnswerDays("a"), 3);
}

TEST_F(InteractionStoreTest, ConsultationsCommentsAndEvents) {
  interaction::Consultation c;
  c.agency_id = "a";
  c.title = "征求意见稿";
  c.body = "草案";
  c.opens_on = D("2022-04-01");
  c.closes_on = D("2022-04-30");
  c.created_by = "ed";
  c.created_at = "t";
  auto id = S().InsertConsultation(c);
  ASSERT_TRUE(id.ok());
  interaction::Comment k{0, *id, "", "建议", interaction::kPending, "", D("2022-04-02"), "t"};
  auto kid = S().InsertComment("consultation", k, "10.0.0.1", 5);
  ASSERT_TRUE(kid.ok());
  EXPECT_EQ(S().ListComments("consultation", *id, std::string(interaction::kApproved))->size(), 0u);
  k.id = *kid;
  k.status = interaction::kApproved;
  ASSERT_TRUE(S().UpdateComment("consultation", k).ok());
  EXPECT_EQ(S().ListComments("consultation", *id, std::string(interaction::kApproved))->size(), 1u);
  EXPECT_EQ(S().AgencyComments("consultation", "a")->size(), 1u);
  EXPECT_EQ(S().UpdateComment("event", k).code(), StatusCode::kNotFound);
  auto got = S().GetConsultation(*id);
  ASSERT_TRUE(got.ok() && got->has_value());
  (*got)->feedback = "采纳1条";
  (*got)->feedback_on = D("2022-05-10");
  ASSERT_TRUE(S().UpdateConsultation(**got).ok());
  EXPECT_EQ((*S().GetConsultation(*id))->feedback_on, D("2022-05-10"));

  interaction::Event e;
  e.agency_id = "a";
  e.kind = "interview";
  e.title = "访谈";
  e.held_on = D("2022-06-01");
  e.created_by = "ed";
  e.created_at = "t";
  auto eid = S().InsertEvent(e);
  ASSERT_TRUE(eid.ok()) << eid.status().message();
  auto events = S().ListEvents(std::string("a"));
  ASSERT_EQ(events->size(), 1u);
  EXPECT_TRUE((*events)[0].record_ids.empty());
  EXPECT_EQ(S().AgencyComments("event", "a")->size(), 0u);
  EXPECT_TRUE(S().EventsExplaining(1)->empty());
  EXPECT_TRUE(S().ConsultationsOf(1)->empty());
}

TEST_F(InteractionStoreTest, MediaFiguresAreSetAgain) {
  auto id = S().InsertMediaAccount({0, "a", "微信", "威海工信", "办公室"});
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(S().InsertMediaAccount({0, "a", "微博", "威海工信", ""}).status().code(),
            StatusCode::kConflict);
  std::vector<MediaFigureRow> rows = {{*id, 2022, 1, 10, 100}, {*id, 2022, 2, 20, 110}};
  ASSERT_TRUE(S().PutMediaFigures(rows).ok());
  rows = {{*id, 2022, 2, 25, 120}};
  ASSERT_TRUE(S().PutMediaFigures(rows).ok());
  auto figs = S().MediaFigures("a");
  ASSERT_EQ(figs->size(), 2u);
  EXPECT_EQ((*figs)[1].posts, 25);
  // A bad row leaves nothing written.
  rows = {{*id, 2022, 3, 1, 1}, {*id, 2022, 13, 1, 1}};
  EXPECT_FALSE(S().PutMediaFigures(rows).ok());
  EXPECT_EQ(S().MediaFigures("a")->size(), 2u);
  ASSERT_TRUE(S().InsertTraining({0, "a", "培训", D("2022-05-01"), 30}).ok());
  EXPECT_EQ((*S().ListTrainings("a"))[0].attendees, 30);
}

}  // namespace
}  // namespace gk::store
