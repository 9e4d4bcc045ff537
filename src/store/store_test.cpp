#include "store/store.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>
#include <algorithm>

#include "store/event_hash.h"
#include "store/migrations.h"
#include "support/db.h"

namespace gk::store {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/gk-store-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    url_ = gk::testing::FreshDatabaseUrl(dir_, "test");
  }
  void TearDown() override {
    gk::testing::DropDatabase(url_);
    fs::remove_all(dir_);
  }
  std::string dir_, url_;
};

TEST_F(StoreTest, MissingDatabaseIsNotCreatedUnlessAsked) {
  auto r = OpenStore(url_, OpenMode::kMustExist);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  if (gk::testing::OnPostgres()) {  // the empty database got no tables
    EXPECT_NE(gk::testing::ExecSql(url_, "SELECT 1 FROM agencies"), "");
  } else {
    EXPECT_FALSE(fs::exists(dir_ + "/test.db"));
  }
}

TEST_F(StoreTest, CreatesAndMigratesOnce) {
  {
    auto r = OpenStore(url_, OpenMode::kCreateIfMissing);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(*(*r)->SchemaVersion(), Migrations().back().version);
  }
  auto again = OpenStore(url_, OpenMode::kMustExist);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(*(*again)->SchemaVersion(), Migrations().back().version);
}

TEST_F(StoreTest, AgencyInsertIsIdempotent) {
  auto s = std::move(OpenStore(url_, OpenMode::kCreateIfMissing)).value();
  AgencyRow a{"weihai-lingang",
              "威海临港经济技术开发区管理委员会",
              "government",
              std::nullopt,
              "",
              "",
              "",
              "",
              ""};
  EXPECT_TRUE(*s->InsertAgencyIfAbsent(a, "2026-01-01T00:00:00Z"));
  EXPECT_FALSE(*s->InsertAgencyIfAbsent(a, "2026-01-02T00:00:00Z"));
  auto list = s->ListAgencies();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].name, a.name);
  // The CHECK constraint refuses an unknown kind.
  AgencyRow bad{"x", "x", "ministry", std::nullopt, "", "", "", "", ""};
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
  std::vector<CalendarDayRow> bad = {{"2027-01-01", "rest", "元旦"},
                                     {"2027-01-02", "holiday", "x"}};
  EXPECT_FALSE(s->ReplaceCalendarYears(y27, bad, "bad.csv", "now").ok());
  EXPECT_TRUE(s->CalendarDays()->empty());
  EXPECT_TRUE(s->CalendarYears()->empty());
}

TEST_F(StoreTest, NonDatabaseFileIsRefused) {
  if (gk::testing::OnPostgres()) {  // the PostgreSQL counterpart: nothing listens there
    auto r = OpenStore("postgresql://postgres@127.0.0.1:1/none", OpenMode::kMustExist);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find("cannot connect"), std::string::npos);
    return;
  }
  std::ofstream(dir_ + "/test.db") << "this is not a database, just some text that is long enough";
  auto r = OpenStore(url_, OpenMode::kMustExist);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("test.db"), std::string::npos);
}

class CaseStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    store_ = std::move(OpenStore(url_, OpenMode::kCreateIfMissing)).value();
    AgencyRow a{"lg", "临港", "government", std::nullopt, "LG", "", "", "", ""};
    ASSERT_TRUE(store_->InsertAgencyIfAbsent(a, "now").ok());
  }
  void TearDown() override {
    store_.reset();
    StoreTest::TearDown();
  }
  static EventRow Ev(const std::string& c, int64_t seq, const std::string& type) {
    EventRow e;
    e.case_id = c;
    e.seq = seq;
    e.type = type;
    e.occurred_on = "2026-03-02";
    e.recorded_at = "2026-03-02T09:00:00+08:00";
    e.actor = "public";
    e.payload = "{\"n\":" + std::to_string(seq) + "}";
    return e;
  }
  static CaseRow Row(const std::string& id, int64_t version, const std::string& status) {
    CaseRow r;
    r.id = id;
    r.agency_id = "lg";
    r.kind = "application";
    r.version = version;
    r.status = status;
    r.received_on = "2026-03-02";
    r.created_at = r.updated_at = "now";
    return r;
  }
  std::unique_ptr<Store> store_;
};

TEST_F(CaseStoreTest, AppendReadAndChain) {
  std::vector<EventRow> first = {Ev("LG1", 1, "received"), Ev("LG1", 2, "registered")};
  ASSERT_TRUE(store_->AppendEvents(Row("LG1", 2, "registered"), 0, first).ok());
  std::vector<EventRow> second = {Ev("LG2", 1, "received")};
  ASSERT_TRUE(store_->AppendEvents(Row("LG2", 1, "received"), 0, second).ok());
  std::vector<EventRow> third = {Ev("LG1", 3, "assigned")};
  ASSERT_TRUE(store_->AppendEvents(Row("LG1", 3, "assigned"), 2, third).ok());

  auto events = store_->CaseEvents("LG1");
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[2].type, "assigned");
  EXPECT_EQ((*store_->GetCase("LG1"))->version, 3);
  EXPECT_EQ((*store_->GetCase("LG1"))->status, "assigned");

  // The chain links every event to the one stored before it, across cases.
  std::string prev = kGenesisHash;
  int n = 0;
  ASSERT_TRUE(store_
                  ->ScanEvents([&](const EventRow& e) {
                    EXPECT_EQ(e.prev_hash, prev);
                    EXPECT_EQ(e.hash, EventHash(e, prev));
                    prev = e.hash;
                    ++n;
                    return true;
                  })
                  .ok());
  EXPECT_EQ(n, 4);
}

TEST_F(CaseStoreTest, StaleVersionIsAConflictAndWritesNothing) {
  std::vector<EventRow> first = {Ev("LG1", 1, "received")};
  ASSERT_TRUE(store_->AppendEvents(Row("LG1", 1, "received"), 0, first).ok());
  std::vector<EventRow> a = {Ev("LG1", 2, "registered")};
  ASSERT_TRUE(store_->AppendEvents(Row("LG1", 2, "registered"), 1, a).ok());
  std::vector<EventRow> b = {Ev("LG1", 2, "withdrawn")};  // also based on version 1
  Status s = store_->AppendEvents(Row("LG1", 2, "withdrawn"), 1, b);
  EXPECT_EQ(s.code(), StatusCode::kConflict) << s.message();
  EXPECT_EQ(store_->CaseEvents("LG1")->size(), 2u);
  EXPECT_EQ((*store_->GetCase("LG1"))->status, "registered");
  // Creating an existing case is a conflict too.
  std::vector<EventRow> again = {Ev("LG1", 1, "received")};
  EXPECT_EQ(store_->AppendEvents(Row("LG1", 1, "received"), 0, again).code(),
            StatusCode::kConflict);
}

TEST_F(CaseStoreTest, EventsAreAppendOnly) {
  std::vector<EventRow> first = {Ev("LG1", 1, "received")};
  ASSERT_TRUE(store_->AppendEvents(Row("LG1", 1, "received"), 0, first).ok());
  EXPECT_NE(gk::testing::ExecSql(url_, "UPDATE events SET payload = '{}'"), "");
  EXPECT_NE(gk::testing::ExecSql(url_, "DELETE FROM events"), "");
  EXPECT_EQ(store_->CaseEvents("LG1")->at(0).payload, "{\"n\":1}");
}

// Several connections (as several servers) append and allocate at once: one
// chain without forks, every tracking serial once, every case's events there.
TEST_F(CaseStoreTest, ConcurrentConnectionsKeepOneChain) {
  constexpr int kThreads = 4, kCases = 12;
  std::vector<std::thread> threads;
  std::mutex mu;
  std::vector<int64_t> serials;
  std::vector<std::string> errors;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto s = OpenStore(url_, OpenMode::kMustExist);
      if (!s.ok()) {
        std::lock_guard lock(mu);
        errors.push_back(s.status().message());
        return;
      }
      for (int i = 0; i < kCases; ++i) {
        std::string id = "C";
        id.append(std::to_string(t)).append("-").append(std::to_string(i));
        auto serial = (*s)->NextTrackingSerial("lg", 2026);
        std::vector<EventRow> evs = {Ev(id, 1, "received"), Ev(id, 2, "registered")};
        Status a = (*s)->AppendEvents(Row(id, 2, "registered"), 0, evs);
        std::vector<EventRow> more = {Ev(id, 3, "assigned")};
        Status b = a.ok() ? (*s)->AppendEvents(Row(id, 3, "assigned"), 2, more) : a;
        std::lock_guard lock(mu);
        if (serial.ok()) serials.push_back(*serial);
        else errors.push_back(serial.status().message());
        if (!b.ok()) errors.push_back(b.message());
      }
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_TRUE(errors.empty()) << errors.front();
  std::sort(serials.begin(), serials.end());
  for (size_t i = 0; i < serials.size(); ++i) EXPECT_EQ(serials[i], static_cast<int64_t>(i + 1));
  std::string prev = kGenesisHash;
  int64_t n = 0, last_id = 0;
  ASSERT_TRUE(store_
                  ->ScanEvents([&](const EventRow& e) {
                    EXPECT_EQ(e.prev_hash, prev) << "event " << e.id;
                    EXPECT_EQ(e.hash, EventHash(e, prev));
                    EXPECT_EQ(e.id, last_id + 1);
                    last_id = e.id;
                    prev = e.hash;
                    ++n;
                    return true;
                  })
                  .ok());
  EXPECT_EQ(n, kThreads * kCases * 3);
}

// A dump loads into an empty database of the same kind: every table, with
// agencies ordered parents first (here the parent's id sorts last).
TEST_F(CaseStoreTest, DumpLoadsIntoAnEmptyDatabase) {
  AgencyRow parent{"z-parent", "上级", "government", std::nullopt, "", "", "", "", ""};
  AgencyRow child{"a-child", "下级", "department", std::string("z-parent"), "", "", "", "", ""};
  ASSERT_TRUE(store_->InsertAgencyIfAbsent(parent, "now").ok());
  ASSERT_TRUE(store_->InsertAgencyIfAbsent(child, "now").ok());
  std::vector<EventRow> evs = {Ev("LG1", 1, "received")};
  ASSERT_TRUE(store_->AppendEvents(Row("LG1", 1, "received"), 0, evs).ok());
  ASSERT_TRUE(store_->PutDocument("abc", "application/pdf", std::string("%PDF\0\xff", 6), "now").ok());
  const std::string other = gk::testing::FreshDatabaseUrl(dir_, "copy");
  {
    auto target = std::move(OpenStore(other, OpenMode::kCreateIfMissing)).value();
    auto loader = target->Loader();
    ASSERT_TRUE(loader.ok()) << loader.status().message();
    ASSERT_TRUE(CopyDatabase(*store_, **loader).ok());
    EXPECT_EQ(target->ListAgencies()->size(), 3u);
    EXPECT_EQ(target->CaseEvents("LG1")->at(0).hash, store_->CaseEvents("LG1")->at(0).hash);
    EXPECT_EQ((*target->GetDocument("abc"))->content, std::string("%PDF\0\xff", 6));
    // Not empty any more: a second load is refused.
    auto again = target->Loader();
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
  }
  gk::testing::DropDatabase(other);
}

TEST_F(CaseStoreTest, TrackingSerialsPerAgencyAndYear) {
  EXPECT_EQ(*store_->NextTrackingSerial("lg", 2026), 1);
  EXPECT_EQ(*store_->NextTrackingSerial("lg", 2026), 2);
  EXPECT_EQ(*store_->NextTrackingSerial("lg", 2027), 1);
  EXPECT_FALSE(store_->NextTrackingSerial("nope", 2026).ok());  // foreign key
}

TEST_F(CaseStoreTest, LookupFailuresAreCountedInTheWindow) {
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(store_->RecordLookupFailure("1.2.3.4", 1000 + i).ok());
  ASSERT_TRUE(store_->RecordLookupFailure("5.6.7.8", 1001).ok());
  EXPECT_EQ(*store_->CountLookupFailures("1.2.3.4", 1001), 2);
  EXPECT_EQ(*store_->CountLookupFailures("1.2.3.4", 0), 3);
}

TEST_F(CaseStoreTest, AgencyCode) {
  EXPECT_EQ((*store_->GetAgency("lg"))->code, "LG");
  ASSERT_TRUE(store_->SetAgencyCode("lg", "LGX").ok());
  EXPECT_EQ((*store_->GetAgency("lg"))->code, "LGX");
  EXPECT_FALSE(store_->GetAgency("none")->has_value());
  EXPECT_EQ(store_->SetAgencyCode("none", "X").code(), StatusCode::kNotFound);
}

TEST_F(CaseStoreTest, UsersAndSessions) {
  UserRow u{"wang", "lg", "handler", "$argon2id$x", "now", "admin", "", 0, false, ""};
  ASSERT_TRUE(store_->CreateUser(u).ok());
  EXPECT_EQ(store_->CreateUser(u).code(), StatusCode::kConflict);
  UserRow bad{"li", "nowhere", "handler", "h", "now", "admin", "", 0, false, ""};
  EXPECT_FALSE(store_->CreateUser(bad).ok());
  EXPECT_EQ((*store_->GetUser("wang"))->agency_id, "lg");
  EXPECT_FALSE(store_->GetUser("zhao")->has_value());

  SessionRow s{"hash1", "wang", "csrf1", 100, 100, "127.0.0.1"};
  ASSERT_TRUE(store_->CreateSession(s).ok());
  ASSERT_TRUE(store_->TouchSession("hash1", 200).ok());
  EXPECT_EQ((*store_->GetSession("hash1"))->last_seen, 200);
  ASSERT_TRUE(store_->DeleteSession("hash1").ok());
  EXPECT_FALSE(store_->GetSession("hash1")->has_value());

  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(store_->RecordLoginFailure("wang", "1.1.1.1", 1000 + i).ok());
  EXPECT_EQ(*store_->CountLoginFailures("wang", "1.1.1.1", 1001), 2);
  EXPECT_EQ(*store_->CountLoginFailures("wang", "2.2.2.2", 0), 0);

  // Account management (0009).
  ASSERT_TRUE(store_->SetPasswordHash("wang", "$argon2id$y").ok());
  EXPECT_EQ(store_->SetPasswordHash("nobody", "h").code(), StatusCode::kNotFound);
  ASSERT_TRUE(store_->SetTotpSecret("wang", "GEZDGNBV").ok());
  EXPECT_EQ((*store_->GetUser("wang"))->totp_secret, "GEZDGNBV");
  EXPECT_TRUE(*store_->UseTotpStep("wang", 10));
  EXPECT_FALSE(*store_->UseTotpStep("wang", 10));  // a code works once
  EXPECT_TRUE(*store_->UseTotpStep("wang", 11));
  ASSERT_TRUE(store_->SetUserDisabled("wang", true).ok());
  EXPECT_TRUE((*store_->GetUser("wang"))->disabled);
  ASSERT_EQ(store_->ListUsers(std::string("lg"))->size(), 1u);
  ASSERT_TRUE(store_->CreateSession({"h2", "wang", "c", 1, 1, "a"}).ok());
  ASSERT_TRUE(store_->CreateSession({"h3", "wang", "c", 1, 1, "a"}).ok());
  ASSERT_TRUE(store_->DeleteUserSessions("wang", "h3").ok());
  EXPECT_FALSE(store_->GetSession("h2")->has_value());
  EXPECT_TRUE(store_->GetSession("h3")->has_value());
  ASSERT_TRUE(store_->AppendAudit({0, "t1", "wang", std::string("lg"), "1.1.1.1", "sign_in", 303, ""}).ok());
  ASSERT_TRUE(store_->AppendAudit({0, "t2", "root", std::nullopt, "1.1.1.1", "POST /admin/x", 201, ""}).ok());
  auto all = store_->ListAudit({});
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].username, "root");  // newest first
  AuditFilter lg;
  lg.agency_id = "lg";
  EXPECT_EQ(store_->ListAudit(lg)->size(), 1u);
}

TEST_F(StoreTest, ReportFiguresTextsAndPublication) {
  auto s = std::move(OpenStore(url_, OpenMode::kCreateIfMissing)).value();
  AgencyRow a{"a1", "某机关", "department", std::nullopt, "", "", "", "", ""};
  ASSERT_TRUE(s->InsertAgencyIfAbsent(a, "2026-01-01T00:00:00Z").ok());
  ASSERT_TRUE(s->AddReportFigure({0, "a1", 2022, "licensing", "decisions", 3, "审批系统", "u1",
                                  "2023-01-05T10:00:00+08:00"})
                  .ok());
  ASSERT_TRUE(s->AddReportFigure({0, "a1", 2022, "licensing", "decisions", std::nullopt,
                                  "更正为空", "u1", "2023-01-06T10:00:00+08:00"})
                  .ok());
  auto figs = s->ReportFigures("a1", 2022);
  ASSERT_TRUE(figs.ok());
  ASSERT_EQ(figs->size(), 2u);
  EXPECT_EQ((*figs)[0].value, 3);
  EXPECT_EQ((*figs)[1].value, std::nullopt);
  EXPECT_TRUE(s->ReportFigures("a1", 2021)->empty());

  ASSERT_TRUE(s->SaveReportText({"a1", 2022, "一", "初稿", "u1", "t1"}).ok());
  ASSERT_TRUE(s->SaveReportText({"a1", 2022, "一", "定稿", "u1", "t2"}).ok());
  ASSERT_TRUE(s->SaveReportText({"a1", 2022, "六", "未收取信息处理费。", "u1", "t2"}).ok());
  auto texts = s->ReportTexts("a1", 2022);
  ASSERT_TRUE(texts.ok());
  ASSERT_EQ(texts->size(), 2u);
  EXPECT_EQ((*texts)[0].section, "一");
  EXPECT_EQ((*texts)[0].body, "定稿");

  // Publish, then a stale second publish is a conflict; reopen; publish again.
  EXPECT_TRUE(s->PublishedReports("")->empty());
  ASSERT_TRUE(s->AddReportAction({0, "a1", 2022, "publish", "{}", "", "u1", "t3"}, 0).ok());
  auto acts = s->ReportActions("a1", 2022);
  ASSERT_EQ(acts->size(), 1u);
  Status stale = s->AddReportAction({0, "a1", 2022, "publish", "{}", "", "u2", "t3"}, 0);
  EXPECT_EQ(stale.code(), StatusCode::kConflict);
  ASSERT_EQ(s->PublishedReports("a1")->size(), 1u);
  ASSERT_TRUE(
      s->AddReportAction({0, "a1", 2022, "reopen", "", "更正数据", "u1", "t4"}, (*acts)[0].id).ok());
  EXPECT_TRUE(s->PublishedReports("")->empty());
  EXPECT_EQ(s->ReportActions("a1", 2022)->size(), 2u);
}

TEST(StoreUrl, PasswordsAreRedacted) {
  EXPECT_EQ(RedactedUrl("postgresql://gk:s3cret@db:5432/gk"), "postgresql://gk:***@db:5432/gk");
  EXPECT_EQ(RedactedUrl("postgresql://gk@db/gk"), "postgresql://gk@db/gk");
  EXPECT_EQ(RedactedUrl("sqlite:var/g.db"), "sqlite:var/g.db");
  auto r = OpenStore("postgresql://gk:s3cret@127.0.0.1:1/gk", OpenMode::kMustExist);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().find("s3cret"), std::string::npos) << r.status().message();
}

TEST(StoreUrl, RejectsUnknownSchemes) {
  EXPECT_FALSE(OpenStore("mysql://x", OpenMode::kMustExist).ok());
  EXPECT_FALSE(OpenStore("sqlite:", OpenMode::kMustExist).ok());
  EXPECT_FALSE(OpenStore("postgresql://localhost/x", OpenMode::kMustExist).ok());
}

}  // namespace
}  // namespace gk::store
