// `gongkai serve` as a real process over HTTP.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/db.h"
#include "support/process.h"

namespace gk::testing {
namespace {

using nlohmann::json;
const std::string kBin = GK_BINARY;

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    port_ = FreePort();
    log_ = dir_ + "/serve.log";
    server_ = std::make_unique<Background>(
        std::vector<std::string>{kBin, "serve", "--db", TestDatabase(dir_ + "/g.db"), "--listen",
                                 "127.0.0.1:" + std::to_string(port_), "--demo"},
        log_);
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_connection_timeout(1);
    // /healthz answers 200 once the demo data is committed (interface.md: ≤ 15 s).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < deadline) {
      auto r = client_->Get("/healthz");
      if (r && r->status == 200) {
        ready_ = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  void TearDown() override {
    client_.reset();
    server_.reset();
    DropTestDatabase(dir_ + "/g.db");
    std::filesystem::remove_all(dir_);
  }

  std::string dir_, log_;
  int port_ = 0;
  bool ready_ = false;
  std::unique_ptr<Background> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServeTest, HealthzAndHonestHomePage) {
  ASSERT_TRUE(ready_) << ReadFile(log_);
  auto h = client_->Get("/healthz");
  EXPECT_EQ(h->body, "ok\n");
  auto home = client_->Get("/");
  ASSERT_TRUE(home);
  EXPECT_EQ(home->status, 200);
  EXPECT_NE(home->body.find("lang=\"zh-CN\""), std::string::npos);
  EXPECT_NE(home->body.find("威海临港经济技术开发区管理委员会"), std::string::npos)
      << "demo agencies are listed";
  EXPECT_NE(home->body.find("2019–2026"), std::string::npos) << "calendar coverage is shown";
}

TEST_F(ServeTest, ReadyzAnswersWhenTheDatabaseDoes) {
  ASSERT_TRUE(ready_) << ReadFile(log_);
  auto r = client_->Get("/readyz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "ready\n");
}

TEST_F(ServeTest, DeadlineApiAndPage) {
  ASSERT_TRUE(ready_);
  auto r = client_->Get("/api/v1/deadline?received=2021-09-17");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json j = json::parse(r->body);
  EXPECT_EQ(j["received"], "2021-09-17");
  EXPECT_TRUE(j.contains("due"));

  for (const char* bad :
       {"/api/v1/deadline", "/api/v1/deadline?received=2021-13-01",
        "/api/v1/deadline?received=2015-01-05", "/api/v1/deadline?received=2021-03-01&pause=xx"}) {
    auto e = client_->Get(bad);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->status, 400) << bad;
    json err = json::parse(e->body);
    EXPECT_TRUE(err["error"].contains("code")) << bad;
    EXPECT_FALSE(err["error"]["message"].get<std::string>().empty());
  }
  auto page = client_->Get("/deadline?received=2024-02-08");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("春节"), std::string::npos);
  auto bad_page = client_->Get("/deadline?received=%3Cscript%3E");
  EXPECT_EQ(bad_page->status, 400);
  EXPECT_EQ(bad_page->body.find("<script>"), std::string::npos) << "input is escaped";
}

TEST_F(ServeTest, UnknownRoutesAre404) {
  ASSERT_TRUE(ready_);
  auto p = client_->Get("/no/such/page");
  EXPECT_EQ(p->status, 404);
  EXPECT_NE(p->body.find("lang=\"zh-CN\""), std::string::npos);
  auto a = client_->Get("/api/v1/nothing");
  EXPECT_EQ(a->status, 404);
  EXPECT_TRUE(json::parse(a->body)["error"].contains("message"));
}

TEST_F(ServeTest, LogsRedactSecretsAndStopsCleanly) {
  ASSERT_TRUE(ready_);
  client_->Get("/api/v1/deadline?received=2021-09-17&query_code=S3cretCode&password=hunter2");
  EXPECT_EQ(server_->Stop(SIGTERM), 0);
  const std::string log = ReadFile(log_);
  EXPECT_NE(log.find("/api/v1/deadline?received=2021-09-17"), std::string::npos) << log;
  EXPECT_EQ(log.find("S3cretCode"), std::string::npos) << log;
  EXPECT_EQ(log.find("hunter2"), std::string::npos) << log;
}

TEST(ServeArgs, BadListenAndDatabaseExitTwo) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{kBin, "serve", "--listen", "localhost"},
        {kBin, "serve", "--listen", "127.0.0.1:99999"},
        {kBin, "serve", "--db", "mysql://x"}}) {
    auto r = gk::testing::Run(args);
    EXPECT_EQ(r.exit_code, 2) << args.back();
    EXPECT_FALSE(r.err.empty());
  }
}

}  // namespace
}  // namespace gk::testing
