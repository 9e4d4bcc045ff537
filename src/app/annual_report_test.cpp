#include "app/annual_report.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/applications.h"
#include "app/calendar_service.h"
#include "app/demo.h"
#include "report/json.h"

namespace gk::app {
namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

class AnnualReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/gk-annual-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    store_ =
        std::move(store::OpenStore("sqlite:" + dir_ + "/a.db", store::OpenMode::kCreateIfMissing))
            .value();
    cal_ = std::move(LoadCalendar(*store_)).value();
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  json ReportJson(std::string_view agency, int year) {
    auto r = LoadAnnualReport(*store_, cal_, agency, year);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return json::parse(report::WriteReportJson(r->report));
  }
  std::string dir_;
  std::unique_ptr<store::Store> store_;
  law::Calendar cal_;
};

json Expected(std::string_view seed_prefix) {
  for (const auto& e : fs::directory_iterator(std::string(GK_SOURCE_DIR) + "/tests/data/seeds")) {
    const std::string name = e.path().filename().string();
    if (name.starts_with(seed_prefix) && name.ends_with(".expected.json")) {
      std::ifstream in(e.path());
      std::stringstream ss;
      ss << in.rdbuf();
      return json::parse(ss.str());
    }
  }
  ADD_FAILURE() << "no expected file for seed " << seed_prefix;
  return {};
}

// interface.md "Demo data": the demo records reproduce the seed tables cell
// for cell, and the reports are published.
TEST_F(AnnualReportTest, DemoReproducesTheSeedReports) {
  auto loaded = LoadDemo(*store_, cal_, "2026-12-01T00:00:00Z");
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const struct {
    const char* agency;
    int year;
    const char* seed;
  } kSeeds[] = {{"weihai-lingang", 2021, "001"},
                {"weihai-huoju", 2020, "002"},
                {"weihai-gongxin", 2022, "004"}};
  for (const auto& s : kSeeds) {
    SCOPED_TRACE(s.agency);
    const json got = ReportJson(s.agency, s.year);
    const json want = Expected(s.seed);
    EXPECT_EQ(got["status"], "published");
    EXPECT_EQ(got["format"], want["format"]);
    EXPECT_EQ(got["agency"], want["agency"]);
    EXPECT_EQ(got["section3"], want["section3"]);
    EXPECT_EQ(got["section4"], want["section4"]);
    for (auto& [row, cells] : want["section2"].items()) {
      EXPECT_EQ(got["section2"][row], cells) << row;
    }
  }
  // 经开区 2022: the 33 applications of its report's text.
  EXPECT_EQ(ReportJson("weihai-jingkai", 2022)["section3"]["new"]["total"], 33);
  // 文登 2022: none received.
  EXPECT_EQ(ReportJson("weihai-wendeng-zhifa", 2022)["section3"]["new"]["total"], 0);

  // Idempotent.
  auto again = LoadDemo(*store_, cal_, "2026-12-02T00:00:00Z");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->cases_added, 0);
  EXPECT_EQ(again->figures_added, 0);
  EXPECT_EQ(again->reports_published, 0);
}

TEST_F(AnnualReportTest, LiveFiguresMoveWithANewApplicationUntilPublished) {
  ASSERT_TRUE(LoadDemoAgencies(*store_, "now").ok());
  const int year = 2026;
  EXPECT_EQ(ReportJson("weihai-gongxin", year)["section3"]["new"]["total"], 0);
  SubmitContext ctx;
  ctx.today = *Date::FromYmd(year, 3, 2);
  ctx.now_iso = "2026-03-02T10:00:00+08:00";
  std::map<std::string, std::string> f = {
      {"agency_id", "weihai-gongxin"}, {"applicant_type", "natural_person"}, {"name", "王某"},
      {"id_number", "11010519491231002X"}, {"phone", "13800000000"},
      {"address", "山东省威海市"},  {"description", "某文件"},  {"form", "electronic"},
      {"delivery", "post"}};
  auto submitted = SubmitApplication(*store_, cal_, f, ctx);
  ASSERT_TRUE(submitted.ok()) << submitted.status().message();
  ASSERT_TRUE(submitted->ack.has_value()) << submitted->error->message;
  const json live = ReportJson("weihai-gongxin", year);
  EXPECT_EQ(live["status"], "draft");
  EXPECT_EQ(live["section3"]["new"]["total"], 1);
  EXPECT_EQ(live["section3"]["carried_forward"]["total"], 1);

  // Only the head publishes; publishing freezes the year.
  const ReportActor handler{"h1", auth::Role::kHandler, "t1"};
  const ReportActor head{"head", auth::Role::kAgencyAdmin, "t2"};
  EXPECT_EQ(PublishAnnualReport(*store_, cal_, "weihai-gongxin", year, handler).code(),
            StatusCode::kForbidden);
  ASSERT_TRUE(PublishAnnualReport(*store_, cal_, "weihai-gongxin", year, head).ok());
  EXPECT_EQ(PublishAnnualReport(*store_, cal_, "weihai-gongxin", year, head).code(),
            StatusCode::kFailedPrecondition);
  reporting::EnteredFigure fig{"licensing", "decisions", 4, "审批系统", "", ""};
  EXPECT_EQ(EnterReportFigure(*store_, "weihai-gongxin", year, fig, head).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(SaveReportNarrative(*store_, "weihai-gongxin", year, "五", "x", head).code(),
            StatusCode::kFailedPrecondition);

  // A new application after publication does not change the published report.
  ctx.now_iso = "2026-03-03T10:00:00+08:00";
  ctx.today = *Date::FromYmd(year, 3, 3);
  ASSERT_TRUE(SubmitApplication(*store_, cal_, f, ctx)->ack.has_value());
  EXPECT_EQ(ReportJson("weihai-gongxin", year)["section3"]["new"]["total"], 1);
  EXPECT_EQ(ReportJson("weihai-gongxin", year)["status"], "published");

  // Reopen needs a reason and the head; then the live figures show again.
  EXPECT_EQ(ReopenAnnualReport(*store_, "weihai-gongxin", year, " ", head).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ReopenAnnualReport(*store_, "weihai-gongxin", year, "更正", handler).code(),
            StatusCode::kForbidden);
  ASSERT_TRUE(ReopenAnnualReport(*store_, "weihai-gongxin", year, "补充新收申请", head).ok());
  EXPECT_EQ(ReportJson("weihai-gongxin", year)["section3"]["new"]["total"], 2);
  ASSERT_TRUE(EnterReportFigure(*store_, "weihai-gongxin", year, fig, handler).ok());
  EXPECT_EQ(ReportJson("weihai-gongxin", year)["section2"]["licensing"]["decisions"], 4);
  auto history = store_->ReportActions("weihai-gongxin", year);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[1].reason, "补充新收申请");
  EXPECT_EQ((*history)[1].actor, "head");
}

TEST_F(AnnualReportTest, BadInputIsRefusedWithNothingWritten) {
  ASSERT_TRUE(LoadDemoAgencies(*store_, "now").ok());
  const ReportActor head{"head", auth::Role::kAgencyAdmin, "t"};
  EXPECT_EQ(LoadAnnualReport(*store_, cal_, "nope", 2022).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(LoadAnnualReport(*store_, cal_, "weihai-gongxin", 1990).status().code(),
            StatusCode::kInvalidArgument);
  reporting::EnteredFigure bad{"licensing", "previous_items", 4, "审批系统", "", ""};
  EXPECT_FALSE(EnterReportFigure(*store_, "weihai-gongxin", 2022, bad, head).ok());
  EXPECT_FALSE(SaveReportNarrative(*store_, "weihai-gongxin", 2022, "二", "x", head).ok());
  EXPECT_TRUE(store_->ReportFigures("weihai-gongxin", 2022)->empty());
  EXPECT_TRUE(store_->ReportTexts("weihai-gongxin", 2022)->empty());
}

TEST(ReportDueDate, Article49) {
  store::AgencyRow dept{"d", "局", "department", std::nullopt, "", "", "", "", ""};
  store::AgencyRow gov{"g", "区", "government", std::nullopt, "", "", "", "", ""};
  EXPECT_EQ(ReportDueDate(dept, 2025).ToString(), "2026-01-31");
  EXPECT_EQ(ReportDueDate(gov, 2025).ToString(), "2026-03-31");
}

}  // namespace
}  // namespace gk::app
