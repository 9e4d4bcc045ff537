// Two `gongkai serve` processes on one PostgreSQL database, started together
// and applied to through both at once: tracking numbers stay unique, no
// event is lost (`verify` passes and every acknowledged application is
// there), and each server sees the other's applications. Runs with
// GK_TEST_BACKEND=postgres (ctest: scale_out_test).
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "support/db.h"
#include "support/process.h"

namespace gk::testing {
namespace {

using nlohmann::json;
const std::string kBin = GK_BINARY;

json Application(int n) {
  return {{"agency_id", n % 2 ? "weihai-lingang" : "weihai-gongxin"},
          {"applicant_type", "natural_person"},
          {"name", "申请人" + std::to_string(n)},
          {"id_number", "11010519491231002X"},
          {"phone", "0631-5587393"},
          {"address", "威海市环翠区"},
          {"description", "第" + std::to_string(n) + "号申请：2021年道路建设项目的立项批复文件"},
          {"form", "paper"},
          {"delivery", "post"}};
}

struct Server {
  int port = 0;
  std::unique_ptr<Background> process;
};

TEST(ScaleOut, TwoServersOnOneDatabaseBehaveAsOne) {
  ASSERT_TRUE(OnPostgres()) << "run with GK_TEST_BACKEND=postgres (ctest -R scale_out_test)";
  const std::string dir = MakeTempDir();
  const std::string db = FreshDatabaseUrl(dir, "scale");
  // Started at the same moment on an empty database: the migrations' advisory
  // lock lets one migrate while the other waits; both become ready.
  const std::string empty = FreshDatabaseUrl(dir, "empty");
  auto start_all = [&](const std::string& url, const std::string& tag,
                       const std::vector<std::string>& extra = {}) {
    std::vector<Server> servers(2);
    for (size_t i = 0; i < servers.size(); ++i) {
      servers[i].port = FreePort();
      std::vector<std::string> args = {kBin, "serve", "--db", url, "--listen",
                                       "127.0.0.1:" + std::to_string(servers[i].port)};
      args.insert(args.end(), extra.begin(), extra.end());
      servers[i].process =
          std::make_unique<Background>(args, dir + "/" + tag + std::to_string(i) + ".log");
    }
    for (size_t i = 0; i < servers.size(); ++i) {
      httplib::Client c("127.0.0.1", servers[i].port);
      bool ready = false;
      const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
      while (!ready && std::chrono::steady_clock::now() < until) {
        auto r = c.Get("/readyz");
        ready = r && r->status == 200;
        if (!ready) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      EXPECT_TRUE(ready) << ReadFile(dir + "/" + tag + std::to_string(i) + ".log");
    }
    return servers;
  };
  {
    auto both = start_all(empty, "empty");
    for (auto& s : both) s.process->Stop(SIGTERM);
    EXPECT_EQ(QueryValue(empty, "SELECT COUNT(*) FROM schema_migrations"),
              QueryValue(empty, "SELECT MAX(version) FROM schema_migrations"));
    DropDatabase(empty);
  }

  // Started together with --demo on an empty database, the servers load the
  // demo data once: the same rows as one `gongkai demo`.
  const std::string twice = FreshDatabaseUrl(dir, "twice");
  {
    auto both = start_all(twice, "demo", {"--demo"});
    for (auto& s : both) s.process->Stop(SIGTERM);
  }

  // The demo agencies and cases, then two servers on them.
  auto demo = gk::testing::Run({kBin, "demo", "--db", db});
  ASSERT_EQ(demo.exit_code, 0) << demo.err;
  for (const char* table : {"agencies", "cases", "events", "records", "record_attachments",
                            "record_links", "messages", "report_figures", "report_actions"}) {
    const std::string q = std::string("SELECT COUNT(*) FROM ") + table;
    EXPECT_EQ(QueryValue(twice, q), QueryValue(db, q)) << table;
  }
  auto verified = gk::testing::Run({kBin, "verify", "--db", twice});
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
  DropDatabase(twice);
  std::vector<Server> servers = start_all(db, "serve");
  ASSERT_FALSE(::testing::Test::HasFailure());

  // Three clients per server, applying at once.
  constexpr int kPerClient = 15;
  std::mutex mu;
  std::vector<std::tuple<std::string, std::string, size_t>> acked;  // tracking no, code, server
  std::vector<std::string> failures;
  std::vector<std::thread> clients;
  for (size_t s = 0; s < servers.size(); ++s) {
    for (int t = 0; t < 3; ++t) {
      clients.emplace_back([&, s, t] {
        httplib::Client c("127.0.0.1", servers[s].port);
        c.set_read_timeout(30);
        for (int i = 0; i < kPerClient; ++i) {
          auto r = c.Post("/api/v1/applications",
                          Application(static_cast<int>(s * 1000 + t * 100 + i)).dump(),
                          "application/json");
          std::lock_guard lock(mu);
          if (!r || r->status != 201) {
            failures.push_back(r ? std::to_string(r->status) + " " + r->body : "no answer");
            continue;
          }
          json ack = json::parse(r->body);
          acked.emplace_back(ack["tracking_no"], ack["query_code"], s);
        }
      });
    }
  }
  for (auto& t : clients) t.join();
  EXPECT_TRUE(failures.empty()) << failures.size() << " failed, first: " << failures.front();
  ASSERT_EQ(acked.size(), servers.size() * 3 * kPerClient);

  std::set<std::string> unique;
  for (const auto& [tn, code, s] : acked) unique.insert(tn);
  EXPECT_EQ(unique.size(), acked.size()) << "tracking numbers are unique across servers";

  // Each server answers for the other's applications.
  for (size_t s = 0; s < servers.size(); ++s) {
    httplib::Client c("127.0.0.1", servers[s].port);
    for (const auto& [tn, code, from] : acked) {
      if (from == s) continue;
      auto r = c.Get("/api/v1/applications/" + tn + "?query_code=" + code);
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 200) << tn << " made on server " << from << " unseen on " << s;
    }
  }
  for (auto& s : servers) s.process->Stop(SIGTERM);

  // No event lost, the chain unforked: verify checks every event's hash and
  // link and every case's projection against its events.
  auto v = gk::testing::Run({kBin, "verify", "--db", db});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  const std::string in = [&] {
    std::string list;
    for (const auto& [tn, code, s] : acked) list += (list.empty() ? "'" : ",'") + tn + "'";
    return list;
  }();
  EXPECT_EQ(QueryValue(db, "SELECT COUNT(*) FROM cases WHERE id IN (" + in + ")"),
            std::to_string(acked.size()));
  EXPECT_EQ(QueryValue(db, "SELECT COUNT(*) FROM events WHERE case_id IN (" + in + ")"),
            QueryValue(db, "SELECT SUM(version) FROM cases WHERE id IN (" + in + ")"));
  EXPECT_EQ(QueryValue(db, "SELECT COUNT(*) FROM events"),
            QueryValue(db, "SELECT MAX(id) FROM events"))
      << "event ids are gapless positions in one chain";
  DropDatabase(db);
  std::filesystem::remove_all(dir);
}

// /readyz follows the database: 200 while it answers, 503 once it is gone
// (here dropped under the running server), while /healthz still says the
// process runs.
TEST(ScaleOut, ReadyzFollowsTheDatabase) {
  ASSERT_TRUE(OnPostgres()) << "run with GK_TEST_BACKEND=postgres (ctest -R scale_out_test)";
  const std::string dir = MakeTempDir();
  const std::string db = FreshDatabaseUrl(dir, "ready");
  const int port = FreePort();
  Background server({kBin, "serve", "--db", db, "--listen", "127.0.0.1:" + std::to_string(port)},
                    dir + "/serve.log");
  httplib::Client c("127.0.0.1", port);
  bool ready = false;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!ready && std::chrono::steady_clock::now() < until) {
    auto r = c.Get("/readyz");
    ready = r && r->status == 200;
    if (!ready) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(ready) << ReadFile(dir + "/serve.log");
  DropDatabase(db);
  auto r = c.Get("/readyz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  EXPECT_NE(r->body.find("database unavailable"), std::string::npos) << r->body;
  auto h = c.Get("/healthz");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->status, 200);
  server.Stop(SIGTERM);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gk::testing
