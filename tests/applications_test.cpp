// Public application routes and `verify`, against a real `gongkai serve`.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <filesystem>
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

json ValidApplication() {
  return {{"agency_id", "weihai-lingang"},
          {"applicant_type", "natural_person"},
          {"name", "张三"},
          {"id_number", "11010519491231002X"},
          {"phone", "0631-5587393"},
          {"address", "威海市环翠区"},
          {"description", "2021年临港区道路建设项目的立项批复文件"},
          {"form", "paper"},
          {"delivery", "post"}};
}

class ApplicationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    db_ = FreshDatabaseUrl(dir_, "g");
    Start();
  }
  void Start() {
    port_ = FreePort();
    server_ = std::make_unique<Background>(
        std::vector<std::string>{kBin, "serve", "--db", db_, "--listen",
                                 "127.0.0.1:" + std::to_string(port_), "--demo"},
        dir_ + "/serve.log");
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < until) {
      auto r = client_->Get("/healthz");
      if (r && r->status == 200) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL() << "server did not start: " << ReadFile(dir_ + "/serve.log");
  }
  void TearDown() override {
    client_.reset();
    server_.reset();
    DropDatabase(db_);
    std::filesystem::remove_all(dir_);
  }
  httplib::Result PostJson(const json& body) {
    return client_->Post("/api/v1/applications", body.dump(), "application/json");
  }
  int64_t CountEvents() {
    return std::stoll(QueryValue(db_, "SELECT COUNT(*) FROM events"));
  }

  std::string dir_, db_;
  int port_ = 0;
  std::unique_ptr<Background> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ApplicationsTest, ApplyThenFollowWithTheQueryCode) {
  auto r = PostJson(ValidApplication());
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  json ack = json::parse(r->body);
  const std::string tn = ack["tracking_no"], code = ack["query_code"];
  EXPECT_EQ(tn.rfind("LG", 0), 0u) << tn;
  EXPECT_GE(code.size(), 8u);
  EXPECT_TRUE(ack.contains("received_on"));
  EXPECT_TRUE(ack.contains("due_on"));

  auto view = client_->Get("/api/v1/applications/" + tn + "?query_code=" + code);
  ASSERT_EQ(view->status, 200) << view->body;
  json v = json::parse(view->body);
  EXPECT_EQ(v["tracking_no"], tn);
  EXPECT_EQ(v["due_on"], ack["due_on"]);
  EXPECT_EQ(v["events"].size(), 2u);
  // Personal data never comes back through the public API.
  for (const char* secret : {"张三", "11010519491231002X", "0631-5587393", "环翠区"}) {
    EXPECT_EQ(view->body.find(secret), std::string::npos) << secret;
  }
  auto page = client_->Post("/track", "tracking_no=" + tn + "&query_code=" + code,
                            "application/x-www-form-urlencoded");
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("已登记"), std::string::npos);
  EXPECT_EQ(page->body.find("张三"), std::string::npos);
}

TEST_F(ApplicationsTest, FormPostGivesAnAcknowledgementPage) {
  auto form = client_->Get("/apply");
  ASSERT_EQ(form->status, 200);
  EXPECT_NE(form->body.find("name=\"description\""), std::string::npos);
  EXPECT_NE(form->body.find("威海市工业和信息化局"), std::string::npos)
      << "the agencies are offered";
  httplib::Params p = {
      {"agency_id", "weihai-gongxin"},  {"applicant_type", "commercial"},
      {"name", "威海某某科技有限公司"}, {"id_number", "91350100M000100Y43"},
      {"contact_person", "李四"},       {"phone", "13800138000"},
      {"address", "威海市高区"},        {"description", "2022年工业企业技术改造补贴名单"}};
  auto ack = client_->Post("/apply", p);
  ASSERT_EQ(ack->status, 201) << ack->body.substr(0, 2000);
  EXPECT_NE(ack->body.find("GX2"), std::string::npos);
  EXPECT_NE(ack->body.find("查询码"), std::string::npos);
}

TEST_F(ApplicationsTest, BadInputNamesTheFieldAndWritesNothing) {
  struct Case {
    const char* field;
    json value;  // null removes the field
  };
  const Case cases[] = {
      {"agency_id", "no-such-agency"},
      {"agency_id", nullptr},
      {"applicant_type", "alien"},
      {"applicant_type", nullptr},
      {"name", ""},
      {"id_number", "110105194912310021"},
      {"id_number", nullptr},
      {"phone", "12"},
      {"phone", "phone-number"},
      {"description", "   "},
      {"description", std::string(5001, 'x')},
      {"form", "scroll"},
      {"delivery", "pigeon"},
  };
  const int64_t before = CountEvents();
  for (const auto& c : cases) {
    json body = ValidApplication();
    if (c.value.is_null())
      body.erase(c.field);
    else
      body[c.field] = c.value;
    auto r = PostJson(body);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << c.field << " " << c.value.dump();
    json e = json::parse(r->body, nullptr, false);
    ASSERT_FALSE(e.is_discarded()) << r->body;
    EXPECT_EQ(e["error"]["field"], c.field) << r->body;
    EXPECT_FALSE(e["error"]["message"].get<std::string>().empty());
  }
  // e-mail delivery needs an e-mail address.
  json email = ValidApplication();
  email["delivery"] = "email";
  auto r = PostJson(email);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(json::parse(r->body)["error"]["field"], "email") << r->body;
  // Not JSON at all.
  auto bad = client_->Post("/api/v1/applications", "{not json", "application/json");
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json::parse(bad->body)["error"]["code"], "invalid_json");
  EXPECT_EQ(CountEvents(), before) << "nothing is written on a 400";

  // The HTML form keeps what was typed and marks the field.
  httplib::Params p = {{"agency_id", "weihai-lingang"}, {"applicant_type", "natural_person"},
                       {"name", "<b>王五</b>"},         {"id_number", "bad"},
                       {"phone", "13800138000"},        {"address", "威海"},
                       {"description", "某文件"}};
  auto page = client_->Post("/apply", p);
  EXPECT_EQ(page->status, 400);
  EXPECT_NE(page->body.find("aria-invalid=\"true\" aria-describedby=\"err-id_number\""),
            std::string::npos);
  EXPECT_NE(page->body.find("&lt;b&gt;王五&lt;/b&gt;"), std::string::npos) << "escaped, kept";
  EXPECT_EQ(CountEvents(), before);
}

TEST_F(ApplicationsTest, WrongCodesAreThrottled) {
  auto r = PostJson(ValidApplication());
  json ack = json::parse(r->body);
  const std::string tn = ack["tracking_no"];
  for (int i = 0; i < 10; ++i) {
    auto w = client_->Get("/api/v1/applications/" + tn + "?query_code=WRONG" + std::to_string(i));
    EXPECT_EQ(w->status, 404);
  }
  // The 11th try from this address within 15 minutes, even with the right code.
  auto limited = client_->Get("/api/v1/applications/" + tn +
                              "?query_code=" + ack["query_code"].get<std::string>());
  EXPECT_EQ(limited->status, 429);
  auto page = client_->Post("/track", "tracking_no=" + tn + "&query_code=x",
                            "application/x-www-form-urlencoded");
  EXPECT_EQ(page->status, 429);
}

TEST_F(ApplicationsTest, ApplicantAnswersACorrectionNoticeOnline) {
  auto r = PostJson(ValidApplication());
  json ack = json::parse(r->body);
  const std::string tn = ack["tracking_no"], code = ack["query_code"];
  // Staff send a 补正 notice (Art. 30) through the JSON API.
  auto u = gk::testing::Run({kBin, "user", "add", "wang", "--role", "handler", "--agency",
                             "weihai-lingang", "--db", db_},
                            "pass-wang-123\n");
  ASSERT_EQ(u.exit_code, 0) << u.err;
  auto login = client_->Post("/login", "username=wang&password=pass-wang-123",
                             "application/x-www-form-urlencoded");
  ASSERT_EQ(login->status, 303);
  const std::string set = login->get_header_value("Set-Cookie");
  const std::string cookie = set.substr(0, set.find(';'));
  auto page = client_->Get("/admin/applications/" + tn, {{"Cookie", cookie}});
  const std::string marker = "name=\"csrf\" value=\"";
  const size_t at = page->body.find(marker) + marker.size();
  const std::string csrf = page->body.substr(at, page->body.find('"', at) - at);
  const std::string today = ack["received_on"];
  json notice = {
      {"type", "correction_requested"},
      {"version", 2},
      {"occurred_on", today},
      {"payload", {{"items", "请写明所需文件的文号或成文时间"}, {"period_end", "2099-12-31"}}}};
  auto sent = client_->Post("/admin/api/applications/" + tn + "/events",
                            {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, notice.dump(),
                            "application/json");
  ASSERT_EQ(sent->status, 201) << sent->body;

  auto track = client_->Post("/track", "tracking_no=" + tn + "&query_code=" + code,
                             "application/x-www-form-urlencoded");
  EXPECT_NE(track->body.find("在线补正"), std::string::npos);
  EXPECT_NE(track->body.find("请写明所需文件的文号"), std::string::npos);
  // A wrong code cannot correct.
  auto wrong = client_->Post("/track/correct", "tracking_no=" + tn + "&query_code=WRONG&summary=x",
                             "application/x-www-form-urlencoded");
  EXPECT_EQ(wrong->status, 404);
  auto empty =
      client_->Post("/track/correct", "tracking_no=" + tn + "&query_code=" + code + "&summary=",
                    "application/x-www-form-urlencoded");
  EXPECT_EQ(empty->status, 400);
  auto ok = client_->Post(
      "/track/correct", "tracking_no=" + tn + "&query_code=" + code + "&summary=%E6%96%87%E5%8F%B7",
      "application/x-www-form-urlencoded");
  EXPECT_EQ(ok->status, 201) << ok->body.substr(0, 1500);
  auto view = client_->Get("/api/v1/applications/" + tn + "?query_code=" + code);
  json v = json::parse(view->body);
  EXPECT_EQ(v["events"].back()["type"], "corrected");
  EXPECT_NE(v["status"], "awaiting_correction");
  auto again =
      client_->Post("/track/correct", "tracking_no=" + tn + "&query_code=" + code + "&summary=x",
                    "application/x-www-form-urlencoded");
  EXPECT_EQ(again->status, 400) << "no second correction without a notice";

  // The reply: staff decide, and the letters are there for both sides.
  const int version = static_cast<int>(v["events"].size());
  json decided = {{"type", "decided"},
                  {"version", version},
                  {"occurred_on", today},
                  {"payload",
                   {{"outcome", "granted"},
                    {"legal_basis", "《中华人民共和国政府信息公开条例》第三十六条第（二）项"},
                    {"summary", "所需信息附后"}}}};
  auto d = client_->Post("/admin/api/applications/" + tn + "/events",
                         {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, decided.dump(),
                         "application/json");
  ASSERT_EQ(d->status, 201) << d->body;
  json after =
      json::parse(client_->Get("/api/v1/applications/" + tn + "?query_code=" + code)->body);
  ASSERT_EQ(after["documents"].size(), 2u) << after.dump();
  EXPECT_EQ(after["documents"][0]["title"], "补正告知书");
  EXPECT_EQ(after["documents"][1]["title"], "政府信息公开申请答复书");
  const std::string pdf_url = after["documents"][1]["pdf"];
  auto pdf = client_->Get(pdf_url + "?query_code=" + code);
  ASSERT_EQ(pdf->status, 200);
  EXPECT_EQ(pdf->body.substr(0, 5), "%PDF-");
  EXPECT_EQ(client_->Get(pdf_url + "?query_code=WRONG")->status, 404);
  const std::string docx_url = after["documents"][1]["docx"];
  auto docx = client_->Get(docx_url + "?query_code=" + code);
  ASSERT_EQ(docx->status, 200);
  EXPECT_EQ(docx->body.substr(0, 2), "PK");
  auto form = client_->Post("/track/document",
                            "tracking_no=" + tn + "&query_code=" + code +
                                "&seq=" + std::to_string(after["documents"][1]["seq"].get<int>()) +
                                "&format=pdf",
                            "application/x-www-form-urlencoded");
  EXPECT_EQ(form->status, 200);
  EXPECT_EQ(form->body.substr(0, 5), "%PDF-");
  // Staff get the same letter from the case file, with a stable 发文字号.
  auto staff_pdf =
      client_->Get("/admin/applications/" + tn + "/letters/" +
                       std::to_string(after["documents"][1]["seq"].get<int>()) + ".pdf",
                   {{"Cookie", cookie}});
  ASSERT_EQ(staff_pdf->status, 200);
  EXPECT_EQ(staff_pdf->body, pdf->body) << "rendering is deterministic and the number is kept";
  EXPECT_EQ(
      client_->Get("/admin/applications/" + tn + "/letters/1.pdf", {{"Cookie", cookie}})->status,
      404)
      << "the receipt has no letter";
}

TEST_F(ApplicationsTest, IdentityDocumentsAreUploadedAndKeptPrivate) {
  const std::string pdf = "%PDF-1.4\n% an ID copy\n" + std::string(2000, 'x');
  const json fields = ValidApplication();
  httplib::MultipartFormDataItems items;
  for (auto it = fields.begin(); it != fields.end(); ++it) items.push_back({it.key(), it.value().get<std::string>(), "", ""});
  items.push_back({"id_copy", pdf, "身份证.pdf", "application/pdf"});
  auto r = client_->Post("/api/v1/applications", items);
  ASSERT_EQ(r->status, 201) << r->body;
  json ack = json::parse(r->body);
  const std::string tn = ack["tracking_no"];
  // Never back through the public side.
  auto view = client_->Get("/api/v1/applications/" + tn + "?query_code=" + ack["query_code"].get<std::string>());
  EXPECT_EQ(view->body.find("身份证"), std::string::npos);

  // A text file is not an identity document; nothing is written.
  httplib::MultipartFormDataItems bad;
  for (auto it = fields.begin(); it != fields.end(); ++it) bad.push_back({it.key(), it.value().get<std::string>(), "", ""});
  bad.push_back({"id_copy", "just text", "id.txt", "text/plain"});
  const int64_t before = CountEvents();
  auto refused = client_->Post("/api/v1/applications", bad);
  EXPECT_EQ(refused->status, 400);
  EXPECT_EQ(json::parse(refused->body)["error"]["field"], "id_copy") << refused->body;
  EXPECT_EQ(CountEvents(), before);

  // Staff of the agency download it; supervisors may not.
  for (const char* user : {"wang", "sup"}) {
    std::vector<std::string> args = {kBin, "user", "add", user, "--role",
                                     std::string(user) == "wang" ? "handler" : "supervisor", "--db", db_};
    if (std::string(user) == "wang") {
      args.push_back("--agency");
      args.push_back("weihai-lingang");
    }
    ASSERT_EQ(gk::testing::Run(args, std::string("pass-") + user + "-123\n").exit_code, 0);
  }
  auto cookie_of = [&](const std::string& user) {
    auto login = client_->Post("/login", "username=" + user + "&password=pass-" + user + "-123",
                               "application/x-www-form-urlencoded");
    const std::string set = login->get_header_value("Set-Cookie");
    return set.substr(0, set.find(';'));
  };
  const std::string wang = cookie_of("wang"), sup = cookie_of("sup");
  auto page = client_->Get("/admin/applications/" + tn, {{"Cookie", wang}});
  const size_t at = page->body.find("/documents/");
  ASSERT_NE(at, std::string::npos) << "the case page links the document";
  const std::string link = page->body.substr(page->body.rfind('"', at) + 1,
                                             page->body.find('"', at) - page->body.rfind('"', at) - 1);
  auto doc = client_->Get(link, {{"Cookie", wang}});
  ASSERT_EQ(doc->status, 200);
  EXPECT_EQ(doc->body, pdf);
  EXPECT_EQ(client_->Get(link, {{"Cookie", sup}})->status, 403);
  EXPECT_EQ(client_->Get(link)->status, 303) << "no session";

  server_->Stop(SIGTERM);
  EXPECT_EQ(gk::testing::Run({kBin, "verify", "--db", db_}).exit_code, 0);
  ASSERT_EQ(ExecSql(db_, OnPostgres() ? "UPDATE documents SET content = '\\x00'::bytea"
                                      : "UPDATE documents SET content = X'00'"),
            "");
  auto v = gk::testing::Run({kBin, "verify", "--db", db_});
  EXPECT_EQ(v.exit_code, 1) << v.out;
  EXPECT_NE(v.out.find("document"), std::string::npos) << v.out;
}

TEST_F(ApplicationsTest, SecurityHeaders) {
  auto r = client_->Get("/apply");
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'none'"),
            std::string::npos);
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST_F(ApplicationsTest, AcknowledgedApplicationsSurviveAKillDuringABurst) {
  // Four clients apply as fast as they can; the server is killed (SIGKILL, no
  // clean shutdown) while requests are in flight. Every application that got
  // its 201 must be there after a restart, and the history must verify.
  std::mutex mu;
  std::vector<std::pair<std::string, std::string>> acked;  // tracking no, query code
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&] {
      httplib::Client c("127.0.0.1", port_);
      c.set_connection_timeout(1);
      c.set_read_timeout(2);
      while (!stop) {
        auto r = c.Post("/api/v1/applications", ValidApplication().dump(), "application/json");
        if (!r) continue;  // the server died mid-request: not acknowledged
        if (r->status != 201) continue;
        json ack = json::parse(r->body);
        std::lock_guard lock(mu);
        acked.emplace_back(ack["tracking_no"], ack["query_code"]);
      }
    });
  }
  while (true) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::lock_guard lock(mu);
    if (acked.size() >= 30) break;
  }
  server_->Stop(SIGKILL);
  stop = true;
  for (auto& t : clients) t.join();
  ASSERT_GE(acked.size(), 30u);

  auto v = gk::testing::Run({kBin, "verify", "--db", db_});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  Start();
  std::set<std::string> unique;
  for (const auto& [tn, code] : acked) {
    unique.insert(tn);
    auto r = client_->Get("/api/v1/applications/" + tn + "?query_code=" + code);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << tn << " was acknowledged but is lost";
  }
  EXPECT_EQ(unique.size(), acked.size()) << "tracking numbers are unique";
}

TEST_F(ApplicationsTest, VerifyFindsATamperedEvent) {
  ASSERT_EQ(PostJson(ValidApplication())->status, 201);
  ASSERT_EQ(PostJson(ValidApplication())->status, 201);
  server_->Stop(SIGTERM);
  EXPECT_EQ(gk::testing::Run({kBin, "verify", "--db", db_}).exit_code, 0);
  // Someone with file access drops the guard and edits a stored event.
  // (after the demo's events: the first event naming the applicant 张三)
  const int64_t id =
      std::stoll(QueryValue(db_, "SELECT MIN(id) FROM events WHERE payload LIKE '%张三%'"));
  ASSERT_GT(id, 0);
  const std::string drop =
      OnPostgres() ? "DROP TRIGGER events_no_change ON events" : "DROP TRIGGER events_no_update";
  ASSERT_EQ(ExecSql(db_, drop + "; UPDATE events SET payload = replace(payload, '张三', '李四') "
                                "WHERE id = " + std::to_string(id)),
            "");
  auto v = gk::testing::Run({kBin, "verify", "--db", db_});
  EXPECT_EQ(v.exit_code, 1) << v.out;
  EXPECT_NE(v.out.find("event " + std::to_string(id)), std::string::npos) << v.out;
  EXPECT_EQ(gk::testing::Run({kBin, "verify", "--db", "sqlite:" + dir_ + "/none.db"}).exit_code, 2);
}

}  // namespace
}  // namespace gk::testing
