// E-mail notices: `serve --smtp` sends the queued notices to a real SMTP
// listener (a minimal one run by this test on loopback).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/db.h"
#include "support/process.h"

namespace gk::testing {
namespace {

using nlohmann::json;
const std::string kBin = GK_BINARY;

// Accepts SMTP sessions and keeps each message's DATA.
class SmtpSink {
 public:
  SmtpSink() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    listen(fd_, 8);
    thread_ = std::thread([this] { Serve(); });
  }
  ~SmtpSink() {
    stop_ = true;
    shutdown(fd_, SHUT_RDWR);
    close(fd_);
    thread_.join();
  }
  int port() const { return port_; }
  std::vector<std::string> Messages() {
    std::lock_guard lock(mu_);
    return messages_;
  }

 private:
  void Serve() {
    while (!stop_) {
      int c = accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      Session(c);
      close(c);
    }
  }
  static void Say(int c, const std::string& s) { (void)!write(c, s.data(), s.size()); }
  void Session(int c) {
    Say(c, "220 sink\r\n");
    std::string buf, data;
    bool in_data = false;
    char tmp[4096];
    while (true) {
      ssize_t n = read(c, tmp, sizeof tmp);
      if (n <= 0) return;
      buf.append(tmp, static_cast<size_t>(n));
      size_t eol;
      while ((eol = buf.find("\r\n")) != std::string::npos) {
        std::string line = buf.substr(0, eol);
        buf.erase(0, eol + 2);
        if (in_data) {
          if (line == ".") {
            in_data = false;
            std::lock_guard lock(mu_);
            messages_.push_back(data);
            data.clear();
            Say(c, "250 queued\r\n");
          } else {
            data += line + "\n";
          }
          continue;
        }
        const std::string verb = line.substr(0, 4);
        if (verb == "EHLO" || verb == "HELO")
          Say(c, "250 sink\r\n");
        else if (verb == "DATA") {
          in_data = true;
          Say(c, "354 go ahead\r\n");
        } else if (verb == "QUIT") {
          Say(c, "221 bye\r\n");
          return;
        } else {
          Say(c, "250 ok\r\n");
        }
      }
    }
  }

  int fd_ = -1, port_ = 0;
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::vector<std::string> messages_;
  std::thread thread_;
};

std::string DecodeBody(const std::string& message) {
  const size_t at = message.find("\n\n");
  std::string b64;
  for (char ch : message.substr(at + 2)) {
    if (ch != '\n') b64.push_back(ch);
  }
  std::string out(b64.size(), '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(b64.data()),
                          static_cast<int>(b64.size()));
  out.resize(n > 0 ? static_cast<size_t>(n) : 0);
  while (!out.empty() && out.back() == '\0') out.pop_back();
  return out;
}

TEST(Mail, NoticesReachTheApplicantsMailbox) {
  SmtpSink sink;
  const std::string dir = MakeTempDir();
  const int port = FreePort();
  Background server({kBin, "serve", "--db", TestDatabase(dir + "/g.db"), "--listen",
                     "127.0.0.1:" + std::to_string(port), "--demo", "--smtp",
                     "smtp://127.0.0.1:" + std::to_string(sink.port()), "--mail-from",
                     "gongkai@lingang.example.cn"},
                    dir + "/serve.log");
  httplib::Client c("127.0.0.1", port);
  for (int i = 0; i < 300; ++i) {
    auto r = c.Get("/healthz");
    if (r && r->status == 200) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  json app = {{"agency_id", "weihai-lingang"},
              {"applicant_type", "natural_person"},
              {"name", "张三"},
              {"id_number", "11010519491231002X"},
              {"phone", "13800138000"},
              {"address", "威海"},
              {"description", "某文件"},
              {"delivery", "email"},
              {"email", "zhangsan@example.cn"}};
  auto r = c.Post("/api/v1/applications", app.dump(), "application/json");
  ASSERT_EQ(r->status, 201) << r->body;
  const json ack = json::parse(r->body);
  // Without an e-mail address no notice is queued.
  app["delivery"] = "post";
  app.erase("email");
  ASSERT_EQ(c.Post("/api/v1/applications", app.dump(), "application/json")->status, 201);

  std::vector<std::string> got;
  for (int i = 0; i < 100 && got.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    got = sink.Messages();
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  got = sink.Messages();
  ASSERT_EQ(got.size(), 1u) << ReadFile(dir + "/serve.log");
  EXPECT_NE(got[0].find("To: <zhangsan@example.cn>"), std::string::npos) << got[0];
  const std::string body = DecodeBody(got[0]);
  EXPECT_NE(body.find(ack["tracking_no"].get<std::string>()), std::string::npos) << body;
  EXPECT_NE(body.find(ack["due_on"].get<std::string>()), std::string::npos) << body;
  EXPECT_EQ(body.find(ack["query_code"].get<std::string>()), std::string::npos)
      << "the query code never travels by e-mail";
  EXPECT_EQ(server.Stop(SIGTERM), 0);
  std::filesystem::remove_all(dir);
}

TEST(Mail, BadSmtpUrlIsAUsageError) {
  auto r = gk::testing::Run({kBin, "serve", "--smtp", "mail.example.cn:25"});
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace gk::testing

namespace gk::testing {
namespace {

TEST(Mail, StaffGetADailyDigestOfWhatFallsDue) {
  SmtpSink sink;
  const std::string dir = MakeTempDir();
  const std::string db = TestDatabase(dir + "/g.db");
  ASSERT_EQ(gk::testing::Run({kBin, "demo", "--db", db}).exit_code, 0);
  ASSERT_EQ(gk::testing::Run({kBin, "user", "add", "wang", "--role", "handler", "--agency", "weihai-lingang",
                 "--email", "wang@lingang.example.cn", "--db", db},
                "pass-wang-123\n")
                .exit_code,
            0);
  ASSERT_EQ(gk::testing::Run({kBin, "user", "add", "li", "--role", "handler", "--agency", "weihai-lingang",
                 "--db", db},
                "pass-li-123\n")
                .exit_code,
            0);
  EXPECT_EQ(gk::testing::Run({kBin, "user", "add", "x", "--role", "handler", "--agency", "weihai-lingang",
                 "--email", "not an address", "--db", db},
                "pass-x-12345\n")
                .exit_code,
            2);
  const int port = FreePort();
  Background server({kBin, "serve", "--db", db, "--listen", "127.0.0.1:" + std::to_string(port),
                     "--smtp", "smtp://127.0.0.1:" + std::to_string(sink.port())},
                    dir + "/serve.log");
  std::vector<std::string> got;
  for (int i = 0; i < 150 && got.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    got = sink.Messages();
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  got = sink.Messages();
  // One digest: wang has an address, li has none; the demo's open 临港
  // applications of November 2026 are due soon or overdue.
  ASSERT_EQ(got.size(), 1u) << ReadFile(dir + "/serve.log");
  EXPECT_NE(got[0].find("To: <wang@lingang.example.cn>"), std::string::npos) << got[0];
  const std::string body = DecodeBody(got[0]);
  EXPECT_NE(body.find("LG2026"), std::string::npos) << body;
  EXPECT_NE(body.find("答复期限"), std::string::npos) << body;
  // A restart the same day queues nothing again.
  EXPECT_EQ(server.Stop(SIGTERM), 0);
  Background again({kBin, "serve", "--db", db, "--listen", "127.0.0.1:" + std::to_string(port),
                    "--smtp", "smtp://127.0.0.1:" + std::to_string(sink.port())},
                   dir + "/serve2.log");
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  EXPECT_EQ(sink.Messages().size(), 1u);
  EXPECT_EQ(again.Stop(SIGTERM), 0);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gk::testing
