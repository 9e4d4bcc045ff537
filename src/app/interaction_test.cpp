// The interaction use cases over a real store: a message held on sensitive
// words, roles and agencies, new media figures imported from CSV and XLSX
// (all or nothing) and the yearly statistics they feed.
#include "app/interaction.h"

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace gk::app {
namespace {

namespace fs = std::filesystem;

Date D(const char* s) { return *Date::Parse(s); }

class InteractionAppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/gk-app-interaction-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    auto s = store::OpenStore("sqlite:" + dir_ + "/t.db", store::OpenMode::kCreateIfMissing);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
    for (const char* id : {"gx", "lg"}) {
      store::AgencyRow a;
      a.id = id;
      a.name = std::string("机关") + id;
      a.kind = "department";
      ASSERT_TRUE(store_->InsertAgencyIfAbsent(a, "2024-01-01T00:00:00Z").ok());
    }
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  InteractionActor Actor(auth::Role role, const char* agency = "gx") {
    return {"ed", role, std::string(agency), D("2022-06-01"), "2022-06-01T00:00:00Z"};
  }
  PostContext Ctx(const char* address = "10.0.0.1") {
    return {D("2022-03-07"), "2022-03-07T01:00:00Z", address, 1000};
  }
  std::string dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(InteractionAppTest, HeldMessageAndRoles) {
  interaction::MessageInput in{"gx", "张三", "13800138000", "咨询", "专业办证刻章", true};
  auto r = SubmitMessage(*store_, law::Calendar::BuiltIn(), in, Ctx());
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_TRUE(r->receipt);
  EXPECT_TRUE(r->receipt->held);
  EXPECT_EQ(r->receipt->due_on, D("2022-03-14"));
  const std::string no = r->receipt->message_no;
  MessageChange answer{MessageAction::kAnswer, "", "答复", true};
  EXPECT_EQ(ChangeMessage(*store_, Actor(auth::Role::kHandler), no, answer).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(ChangeMessage(*store_, Actor(auth::Role::kHandler, "lg"), no,
                          {MessageAction::kRelease, "", "", false})
                .code(),
            StatusCode::kForbidden);
  EXPECT_EQ(ChangeMessage(*store_, Actor(auth::Role::kSupervisor), no,
                          {MessageAction::kRelease, "", "", false})
                .code(),
            StatusCode::kForbidden);
  ASSERT_TRUE(ChangeMessage(*store_, Actor(auth::Role::kHandler), no,
                            {MessageAction::kRelease, "", "", false})
                  .ok());
  ASSERT_TRUE(ChangeMessage(*store_, Actor(auth::Role::kHandler), no, answer).ok());
  auto found = LookupMessage(*store_, no, r->receipt->query_code, Ctx());
  ASSERT_TRUE(found.ok());
  EXPECT_TRUE(interaction::IsPublished(*found));
  EXPECT_EQ(LookupMessage(*store_, no, "WRONG", Ctx()).status().code(), StatusCode::kNotFound);
  // A handler does not run consultations.
  auto c = OpenConsultation(*store_, Actor(auth::Role::kHandler),
                            {"草案", "全文", "2022-06-01", "2022-06-30"});
  EXPECT_EQ(c.status().code(), StatusCode::kForbidden);
  auto stats = LoadYearStats(*store_, "gx", 2022);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->Value("messages.received"), 1);
  EXPECT_EQ(stats->Value("messages.public"), 1);
}

TEST_F(InteractionAppTest, MediaFiguresFromCsvAndXlsx) {
  ASSERT_FALSE(*AddMediaAccount(*store_, Actor(auth::Role::kEditor), "微博", "威海工信微博", ""));
  ASSERT_FALSE(*AddMediaAccount(*store_, Actor(auth::Role::kEditor), "微信", "威海工信公众号", ""));
  auto dup = AddMediaAccount(*store_, Actor(auth::Role::kEditor), "微信", "威海工信公众号", "");
  ASSERT_TRUE(dup.ok() && *dup);
  EXPECT_EQ((*dup)->field, "name");

  // CSV: one unknown account refuses the whole file.
  auto bad = ImportMediaFigures(*store_, Actor(auth::Role::kEditor),
                                "账号,月份,发布数,关注数\n威海工信微博,2022-01,200,1000\n无此账号,2022-01,1,1\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("第 3 行：账号"), std::string::npos);
  EXPECT_TRUE(store_->interaction().MediaFigures("gx")->empty());
  auto csv = ImportMediaFigures(*store_, Actor(auth::Role::kEditor),
                                "账号,月份,发布数,关注数\n威海工信微博,2022-01,200,1000\n");
  ASSERT_TRUE(csv.ok()) << csv.status().message();
  EXPECT_EQ(*csv, 1);

  // XLSX, read with the project's reader.
  const std::string path = dir_ + "/media.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "新媒体");
  const char* header[] = {"账号", "月份", "发布数", "关注数"};
  for (int c = 0; c < 4; ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
  worksheet_write_string(ws, 1, 0, "威海工信微博", nullptr);
  worksheet_write_string(ws, 1, 1, "2022-12", nullptr);
  worksheet_write_number(ws, 1, 2, 267, nullptr);
  worksheet_write_number(ws, 1, 3, 1187, nullptr);
  worksheet_write_string(ws, 2, 0, "威海工信公众号", nullptr);
  worksheet_write_string(ws, 2, 1, "2022-06", nullptr);
  worksheet_write_number(ws, 2, 2, 1176, nullptr);
  worksheet_write_number(ws, 2, 3, 2367, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::ifstream f(path, std::ios::binary);
  std::stringstream bytes;
  bytes << f.rdbuf();
  auto xlsx = ImportMediaFigures(*store_, Actor(auth::Role::kEditor), bytes.str());
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().message();
  EXPECT_EQ(*xlsx, 2);
  EXPECT_EQ(ImportMediaFigures(*store_, Actor(auth::Role::kEditor), "PK\x03\x04junk").status().code(),
            StatusCode::kInvalidArgument);

  auto stats = LoadYearStats(*store_, "gx", 2022);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->Value("media.微博.posts"), 467);
  EXPECT_EQ(stats->Value("media.微博.followers"), 1187);
  EXPECT_EQ(stats->Value("media.微信.posts"), 1176);
  EXPECT_NE(interaction::InteractionParagraph(*stats).find("微信信息1176条、微博信息467条"),
            std::string::npos);
  // Another agency's editor cannot import into this one's accounts.
  EXPECT_FALSE(ImportMediaFigures(*store_, Actor(auth::Role::kEditor, "lg"),
                                  "账号,月份,发布数,关注数\n威海工信微博,2022-02,1,1\n")
                   .ok());
}

TEST_F(InteractionAppTest, RateLimitCountsWhatWasWritten) {
  for (int i = 0; i < kPostLimit; ++i) {
    interaction::MessageInput in{"gx", "张三", "13800138000", "咨询", "内容", false};
    auto r = SubmitMessage(*store_, law::Calendar::BuiltIn(), in, Ctx());
    ASSERT_TRUE(r.ok() && r->receipt);
  }
  interaction::MessageInput in{"gx", "张三", "13800138000", "咨询", "内容", false};
  EXPECT_EQ(SubmitMessage(*store_, law::Calendar::BuiltIn(), in, Ctx()).status().code(),
            StatusCode::kRateLimited);
  // Another address is not limited; bad input is refused before counting.
  EXPECT_TRUE(SubmitMessage(*store_, law::Calendar::BuiltIn(), in, Ctx("10.0.0.2")).ok());
  in.title = "";
  auto r = SubmitMessage(*store_, law::Calendar::BuiltIn(), in, Ctx("10.0.0.3"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->error->field, "title");
}

}  // namespace
}  // namespace gk::app
