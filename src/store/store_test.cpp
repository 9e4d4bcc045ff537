#include "store/store.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace gk::store {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/gk-store-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    url_ = "sqlite:" + dir_ + "/test.db";
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string dir_, url_;
};

TEST_F(StoreTest, MissingDatabaseIsNotCreatedUnlessAsked) {
  auto r = OpenStore(url_, OpenMode::kMustExist);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(fs::exists(dir_ + "/test.db"));
}

TEST_F(StoreTest, CreatesAndMigratesOnce) {
  {
    auto r = OpenStore(url_, OpenMode::kCreateIfMissing);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(*(*r)->SchemaVersion(), 1);
  }
  auto again = OpenStore(url_, OpenMode::kMustExist);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(*(*again)->SchemaVersion(), 1);
}

TEST_F(StoreTest, AgencyInsertIsIdempotent) {
  auto s = std::move(OpenStore(url_, OpenMode::kCreateIfMissing)).value();
  AgencyRow a{"weihai-lingang", "威海临港经济技术开发区管理委员会", "government", std::nullopt};
  EXPECT_TRUE(*s->InsertAgencyIfAbsent(a, "2026-01-01T00:00:00Z"));
  EXPECT_FALSE(*s->InsertAgencyIfAbsent(a, "2026-01-02T00:00:00Z"));
  auto list = s->ListAgencies();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].name, a.name);
  // The CHECK constraint refuses an unknown kind.
  AgencyRow bad{"x", "x", "ministry", std::nullopt};
  EXPECT_FALSE(s->InsertAgencyIfAbsent(bad, "now").ok());
}

TEST_F(StoreTest, CalendarYearsAreReplacedWhole) {
  auto s = std::move(OpenStore(url_, OpenMode::kCreateIfMissing)).value();
  const int y27[] = {2027};
  std::vector<CalendarDayRow> v1 = {{"2027-01-01", "rest", "元旦"}, {"2027-02-08", "rest", "春节"}};
  ASSERT_TRUE(s->ReplaceCalendarYears(y27, v1, "a.csv", "now").ok());
  std::vector<CalendarDayRow> v2 = {{"2027-01-01", "rest", "元旦"}};
  ASSERT_TRUE(s->ReplaceCalendarYears(y27, v2, "b.csv", "now").ok());
  auto days = s->CalendarDays();
  ASSERT_TRUE(days.ok());
  ASSERT_EQ(days->size(), 1u);
  EXPECT_EQ((*days)[0].day, "2027-01-01");
  EXPECT_EQ(*s->CalendarYears(), std::vector<int>{2027});
}

TEST_F(StoreTest, FailedImportLeavesNothing) {
  auto s = std::move(OpenStore(url_, OpenMode::kCreateIfMissing)).value();
  const int y27[] = {2027};
  // The second row violates the kind CHECK: the whole import must roll back.
  std::vector<CalendarDayRow> bad = {{"2027-01-01", "rest", "元旦"}, {"2027-01-02", "holiday", "x"}};
  EXPECT_FALSE(s->ReplaceCalendarYears(y27, bad, "bad.csv", "now").ok());
  EXPECT_TRUE(s->CalendarDays()->empty());
  EXPECT_TRUE(s->CalendarYears()->empty());
}

TEST_F(StoreTest, NonDatabaseFileIsRefused) {
  std::ofstream(dir_ + "/test.db") << "this is not a database, just some text that is long enough";
  auto r = OpenStore(url_, OpenMode::kMustExist);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("test.db"), std::string::npos);
}

TEST(StoreUrl, RejectsUnknownSchemes) {
  EXPECT_FALSE(OpenStore("mysql://x", OpenMode::kMustExist).ok());
  EXPECT_FALSE(OpenStore("sqlite:", OpenMode::kMustExist).ok());
  EXPECT_FALSE(OpenStore("postgresql://localhost/x", OpenMode::kMustExist).ok());
}

}  // namespace
}  // namespace gk::store
