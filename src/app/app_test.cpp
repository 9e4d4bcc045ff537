#include <gtest/gtest.h>

#include <filesystem>

#include "app/calendar_service.h"
#include "app/demo.h"
#include "app/report_files.h"
#include "app/staff.h"

namespace gk::app {
namespace {

class AppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/gk-app-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    store_ =
        std::move(store::OpenStore("sqlite:" + dir_ + "/a.db", store::OpenMode::kCreateIfMissing))
            .value();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::string dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(AppTest, ImportedYearExtendsTheBuiltInCalendar) {
  auto before = LoadCalendar(*store_);
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(before->Covers(2027));
  auto r = ImportCalendar(*store_, "date,kind,name\n2027-01-01,rest,元旦\n", "2027.csv", "now");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->years, std::vector<int>{2027});
  auto after = LoadCalendar(*store_);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->Covers(2027));
  EXPECT_TRUE(after->Covers(2019));
  EXPECT_FALSE(after->IsWorkingDay(*Date::Parse("2027-01-01")));
}

TEST_F(AppTest, BadCalendarImportsNothing) {
  EXPECT_FALSE(ImportCalendar(*store_, "date,kind,name\n2027-01-02,rest,x\n", "x.csv", "now").ok());
  EXPECT_FALSE(ImportCalendar(*store_, "date,kind,name\n", "x.csv", "now").ok());
  EXPECT_TRUE(store_->CalendarDays()->empty());
}

TEST_F(AppTest, DemoAgenciesOnce) {
  EXPECT_EQ(LoadDemoAgencies(*store_, "now")->agencies_added, 5);
  EXPECT_EQ(LoadDemoAgencies(*store_, "now")->agencies_added, 0);
  EXPECT_EQ(store_->ListAgencies()->size(), 5u);
}

TEST(Scope, SupervisorSeesItsSubtree) {
  std::vector<store::AgencyRow> all = {
      {"city", "市", "government", std::nullopt, "", "", "", "", ""},
      {"dist", "区", "government", std::string("city"), "", "", "", "", ""},
      {"dept", "区局", "department", std::string("dist"), "", "", "", "", ""},
      {"other", "他市", "government", std::nullopt, "", "", "", "", ""},
      // Bad data: a cycle must not hang the walk.
      {"loop1", "环1", "department", std::string("loop2"), "", "", "", "", ""},
      {"loop2", "环2", "department", std::string("loop1"), "", "", "", "", ""},
  };
  StaffUser district{"s", auth::Role::kSupervisor, std::string("dist")};
  EXPECT_EQ(AgenciesInScope(all, district), (std::vector<std::string>{"dist", "dept"}));
  EXPECT_TRUE(CanSeeAgency(all, district, "dept"));
  EXPECT_FALSE(CanSeeAgency(all, district, "city"));
  StaffUser everyone{"s", auth::Role::kSupervisor, std::nullopt};
  EXPECT_EQ(AgenciesInScope(all, everyone).size(), all.size());
  StaffUser handler{"h", auth::Role::kHandler, std::string("dist")};
  EXPECT_FALSE(CanSeeAgency(all, handler, "dept")) << "agency staff see their own agency only";
  EXPECT_TRUE(CanSeeAgency(all, handler, "dist"));
}

TEST(ReportFiles, MissingAndDirectory) {
  EXPECT_EQ(ReadFileBytes("/nonexistent/x.txt").status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(ReadFileBytes("/tmp").ok());
}

TEST(ReportFiles, JsonIsRecognisedByContent) {
  auto r = ReadReport(
      "  {\"schema\":\"gongkai.annual-report/1\",\"format\":\"2021\",\"year\":2021,"
      "\"agency\":null,\"section2\":null,\"section3\":null,\"section4\":null}",
      "x.txt", {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->source.kind, "json");
  EXPECT_EQ(r->year, 2021);
}

}  // namespace
}  // namespace gk::app
