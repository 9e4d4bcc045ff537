// The interaction store: message numbers and the published filter, the
// moderated comments, events with their linked records, new media figures
// set again on import, trainings and the per-address post count; on either
// store (GK_TEST_BACKEND, tests/support/db.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <thread>

#include "interaction/messages.h"
#include "store/store.h"
#include "support/db.h"

namespace gk::store {
namespace {

Date D(std::string_view s) { return *Date::Parse(s); }

class InteractionStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/gk-interaction-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    url_ = gk::testing::FreshDatabaseUrl(dir_, "t");
    auto s = OpenStore(url_, OpenMode::kCreateIfMissing);
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
    gk::testing::DropDatabase(url_);
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
  std::string dir_, url_;
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
  // Posts older than a day are forgotten when the next one is recorded.
  auto m3 = NewMessage("三");
  ASSERT_TRUE(S().InsertMessage(m3, "LY-A-2022-", "10.0.0.1", 200 + 2 * 86400).ok());
  EXPECT_EQ(*S().CountPosts("10.0.0.1", 0), 1);
}

// Servers writing at once (one connection each) never share a number.
TEST_F(InteractionStoreTest, MessageNumbersOfConcurrentWritersAreDistinct) {
  constexpr int kWriters = 4, kEach = 10;
  std::vector<std::unique_ptr<Store>> stores;
  for (int i = 0; i < kWriters; ++i) {
    auto s = OpenStore(url_, OpenMode::kMustExist);
    ASSERT_TRUE(s.ok()) << s.status().message();
    stores.push_back(std::move(s).value());
  }
  std::vector<std::vector<std::string>> numbers(kWriters);
  std::vector<std::thread> threads;
  for (int i = 0; i < kWriters; ++i) {
    threads.emplace_back([&, i] {
      for (int k = 0; k < kEach; ++k) {
        auto m = NewMessage("并发");
        if (stores[i]->interaction().InsertMessage(m, "LY-A-2022-", "", 0).ok())
          numbers[i].push_back(m.message_no);
      }
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> all;
  for (const auto& n : numbers) all.insert(n.begin(), n.end());
  ASSERT_EQ(all.size(), size_t{kWriters * kEach});
  EXPECT_EQ(*all.begin(), "LY-A-2022-00001");
  EXPECT_EQ(*all.rbegin(), "LY-A-2022-00040");
  MessageFilter f;
  f.limit = -1;  // no limit, as on SQLite
  EXPECT_EQ(S().ListMessages(f)->size(), size_t{kWriters * kEach});
  EXPECT_EQ(*S().CountMessages(f), kWriters * kEach);
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

  // The event explains a record; the consultation's draft became it.
  catalog::Record r;
  r.agency_id = "a";
  r.index_no = "1";
  r.title = "办法";
  r.publisher = "机构甲";
  r.category = "通知公告";
  r.published_on = D("2022-06-02");
  r.status = catalog::RecordStatus::kPublished;
  auto rid = store_->records().CreateRecord(r, {"ed", "create", "", "t"});
  ASSERT_TRUE(rid.ok()) << rid.status().message();
  e.id = *eid;
  e.title = "访谈（解读）";
  e.record_ids = {*rid, *rid};
  ASSERT_TRUE(S().UpdateEvent(e).ok());
  ASSERT_TRUE(S().UpdateEvent(e).ok());  // replaces the links
  auto ge = S().GetEvent(*eid);
  ASSERT_TRUE(ge.ok() && ge->has_value());
  EXPECT_EQ((*ge)->title, "访谈（解读）");
  EXPECT_EQ((*ge)->record_ids, std::vector<int64_t>{*rid});
  ASSERT_EQ(S().EventsExplaining(*rid)->size(), 1u);
  EXPECT_FALSE(S().GetEvent(*eid + 100)->has_value());
  e.id = *eid + 100;
  EXPECT_EQ(S().UpdateEvent(e).code(), StatusCode::kNotFound);
  (*got)->record_id = *rid;
  ASSERT_TRUE(S().UpdateConsultation(**got).ok());
  auto of = S().ConsultationsOf(*rid);
  ASSERT_EQ(of->size(), 1u);
  EXPECT_EQ((*of)[0].record_id, std::optional<int64_t>(*rid));
  EXPECT_EQ((*of)[0].feedback, "采纳1条");

  // Questions to the event, oldest first.
  interaction::Comment q{0, *eid, "李四", "问题", interaction::kPending, "", D("2022-06-01"), "t"};
  auto q1 = S().InsertComment("event", q, "", 0);
  auto q2 = S().InsertComment("event", q, "", 0);
  ASSERT_TRUE(q1.ok() && q2.ok());
  auto qs = S().ListComments("event", *eid, std::nullopt);
  ASSERT_EQ(qs->size(), 2u);
  EXPECT_EQ((*qs)[0].id, *q1);
  EXPECT_EQ(S().AgencyComments("event", "a")->size(), 2u);
  EXPECT_TRUE(S().GetComment("event", *q1)->has_value());
  EXPECT_FALSE(S().GetComment("consultation", *q1)->has_value());
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
