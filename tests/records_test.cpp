// `gongkai records import` and the public portal of proactive disclosure, as
// real processes (interface.md).
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "support/db.h"
#include "support/process.h"
#include "support/staff.h"

namespace gk::testing {
namespace {

using nlohmann::json;
const std::string kBin = GK_BINARY;

ProcessResult Gk(std::vector<std::string> args, const std::string& input = "") {
  args.insert(args.begin(), kBin);
  return Run(args, input);
}

size_t Lines(const std::string& s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
}

std::string Rec(const std::string& agency, const std::string& index_no, const std::string& title,
                const std::string& published_on, const std::string& extra = "") {
  json j = {{"agency_id", agency},
            {"index_no", index_no},
            {"title", title},
            {"publisher", "威海临港经济技术开发区管理委员会"},
            {"published_on", published_on},
            {"category", "通知公告"}};
  std::string s = j.dump();
  s.pop_back();
  return s + extra + "}\n";
}

class RecordsCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    db_ = TestDatabase(dir_ + "/g.db");
    ASSERT_EQ(Gk({"demo", "--agencies-only", "--db", db_}).exit_code, 0);
  }
  void TearDown() override {
    DropTestDatabase(dir_ + "/g.db");
    std::filesystem::remove_all(dir_);
  }
  std::string File(const std::string& name, const std::string& content) {
    WriteFile(dir_ + "/" + name, content);
    return dir_ + "/" + name;
  }
  std::string dir_, db_;
};

TEST_F(RecordsCli, HelpAndUsage) {
  auto h = Gk({"records", "import", "--help"});
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_NE(h.out.find("Usage"), std::string::npos);
  EXPECT_EQ(Gk({"records", "import"}).exit_code, 2);
  EXPECT_EQ(Gk({"records", "import", "x.jsonl", "--bogus"}).exit_code, 2);
}

TEST_F(RecordsCli, ImportsAllAndPrintsTheCount) {
  const std::string f = File(
      "ok.jsonl",
      Rec("weihai-lingang", "A/2024-00001", "第一件", "2024-01-02") + "\n" +
          Rec("weihai-huoju", "A/2024-00001", "第二件", "2024-01-03",
              R"(,"doc_type":"规章","validity":"有效","formed_on":"2023-12-29","doc_no":"第1号","body":"正文")"));
  auto r = Gk({"records", "import", f, "--db", db_});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2"), std::string::npos) << r.out;
  EXPECT_EQ(Lines(r.out), 1u);
}

TEST_F(RecordsCli, BadLineNamesLineAndFieldAndLoadsNothing) {
  struct Case {
    std::string content;
    std::string line_and_field;
  };
  const std::string good = Rec("weihai-lingang", "B/1", "好的", "2024-01-02");
  const Case cases[] = {
      {good + Rec("weihai-lingang", "B/2", "", "2024-01-02"), "line 2: field title"},
      {good + good, "line 2: field index_no"},
      {good + Rec("nowhere", "B/3", "标题", "2024-01-02"), "line 2: field agency_id"},
      {good + "\n" + Rec("weihai-lingang", "B/4", "标题", "2024-02-30"),
       "line 3: field published_on"},
      {good + Rec("weihai-lingang", "B/5", "标题", "2024-01-02", R"(,"doc_type":"通知")"),
       "line 2: field doc_type"},
      {good + "{\"agency_id\":", "line 2: field line"},
  };
  for (const Case& c : cases) {
    auto r = Gk({"records", "import", File("bad.jsonl", c.content), "--db", db_});
    EXPECT_EQ(r.exit_code, 1) << c.content << r.err;
    EXPECT_NE(r.err.find(c.line_and_field), std::string::npos) << r.err;
    EXPECT_EQ(Lines(r.err), 1u) << r.err;
  }
  // Nothing was loaded: the good line still imports.
  auto ok = Gk({"records", "import", File("good.jsonl", good), "--db", db_});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("1"), std::string::npos);
}

TEST_F(RecordsCli, SampleRecordsOfTheDemoAgenciesLoad) {
  // data/records/demo.jsonl, the sample in README and docs/catalog.md.
  auto r = Gk(
      {"records", "import", std::string(GK_SOURCE_DIR) + "/data/records/demo.jsonl", "--db", db_});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "loaded 12 records\n");
}

TEST_F(RecordsCli, MissingDatabaseOrFileExitsTwo) {
  const std::string f = File("ok.jsonl", Rec("weihai-lingang", "C/1", "标题", "2024-01-02"));
  auto r = Gk({"records", "import", f, "--db", "sqlite:" + dir_ + "/none.db"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(Lines(r.err), 1u);
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/none.db"));
  auto nf = Gk({"records", "import", dir_ + "/nofile.jsonl", "--db", db_});
  EXPECT_EQ(nf.exit_code, 2);
  EXPECT_EQ(Lines(nf.err), 1u);
}

// ---- HTTP -------------------------------------------------------------------------------

class PortalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    const std::string db = TestDatabase(dir_ + "/g.db");
    ASSERT_EQ(Gk({"demo", "--agencies-only", "--db", db}).exit_code, 0);
    std::string lines;
    for (int i = 1; i <= 30; ++i) {
      const std::string day = "2024-03-" + std::string(i < 10 ? "0" : "") + std::to_string(i);
      lines +=
          Rec(i % 2 ? "weihai-lingang" : "weihai-huoju", "LG/2024-" + std::to_string(i),
              i == 5 ? "关于政府信息公开工作的通知" : "第" + std::to_string(i) + "号通知 <b>", day,
              i == 5 ? R"(,"body":"各部门：做好政府信息公开工作。PDF 附件另发。","validity":"有效")"
                     : R"(,"body":"其他内容")");
    }
    WriteFile(dir_ + "/r.jsonl", lines);
    auto imp = Gk({"records", "import", dir_ + "/r.jsonl", "--db", db});
    ASSERT_EQ(imp.exit_code, 0) << imp.err;
    port_ = FreePort();
    log_ = dir_ + "/serve.log";
    server_ =
        std::make_unique<Background>(std::vector<std::string>{kBin, "serve", "--db", db, "--listen",
                                                              "127.0.0.1:" + std::to_string(port_)},
                                     log_);
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_connection_timeout(1);
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
  json GetJson(const std::string& path, int want_status = 200) {
    auto r = client_->Get(path);
    EXPECT_TRUE(r) << path;
    if (!r) return json();
    EXPECT_EQ(r->status, want_status) << path << " " << r->body;
    EXPECT_NE(r->get_header_value("Content-Type").find("application/json"), std::string::npos);
    return json::parse(r->body, nullptr, false);
  }
  std::string dir_, log_;
  int port_ = 0;
  bool ready_ = false;
  std::unique_ptr<Background> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(PortalTest, ApiListsSearchesAndPages) {
  ASSERT_TRUE(ready_) << ReadFile(log_);
  json all = GetJson("/api/v1/records");
  EXPECT_EQ(all["total"], 30);
  ASSERT_EQ(all["items"].size(), 20u);
  const json& first = all["items"][0];
  for (const char* k : {"id", "index_no", "title", "publisher", "doc_no", "published_on",
                        "category", "validity", "url"})
    EXPECT_TRUE(first.contains(k)) << k;
  EXPECT_EQ(first["published_on"], "2024-03-30");  // newest first
  EXPECT_EQ(first["url"], "/records/" + std::to_string(first["id"].get<int>()));

  EXPECT_EQ(GetJson("/api/v1/records?agency=weihai-lingang")["total"], 15);
  json p2 = GetJson("/api/v1/records?page=2&per_page=25");
  EXPECT_EQ(p2["total"], 30);
  EXPECT_EQ(p2["items"].size(), 5u);
  // Every word must occur (title or body); 2-character words exactly; Latin case-folded; NFKC.
  EXPECT_EQ(GetJson("/api/v1/records?q=%E6%94%BF%E5%BA%9C")["total"], 1);           // 政府
  EXPECT_EQ(GetJson("/api/v1/records?q=%E6%94%BF%E5%BA%9C%20pdf")["total"], 1);     // 政府 pdf
  EXPECT_EQ(GetJson("/api/v1/records?q=%EF%BD%90%EF%BD%84%EF%BD%86")["total"], 1);  // ｐｄｆ
  EXPECT_EQ(GetJson("/api/v1/records?q=%E5%BA%9C%E6%94%BF")["total"], 0);           // 府政
  EXPECT_EQ(GetJson("/api/v1/records?q=%E9%80%9A%E7%9F%A5")["total"], 30);          // 通知
  json by_date = GetJson("/api/v1/records?q=%E9%80%9A%E7%9F%A5&sort=date&per_page=2");
  EXPECT_EQ(by_date["items"][0]["published_on"], "2024-03-30");
  EXPECT_EQ(by_date["items"][1]["published_on"], "2024-03-29");
  EXPECT_EQ(GetJson("/api/v1/records?q=%E6%94%BF%E5%BA%9C%20xml")["total"], 0);
  EXPECT_EQ(GetJson("/api/v1/records?q=%22%20OR%20*")["total"], 0);  // FTS syntax is quoted
}

TEST_F(PortalTest, ApiRejectsBadInputNamingTheField) {
  ASSERT_TRUE(ready_) << ReadFile(log_);
  struct Case {
    const char* path;
    const char* field;
  };
  const Case cases[] = {
      {"/api/v1/records?page=0", "page"},
      {"/api/v1/records?page=x", "page"},
      {"/api/v1/records?page=10001", "page"},
      {"/api/v1/records?per_page=101", "per_page"},
      {"/api/v1/records?per_page=-1", "per_page"},
      {"/api/v1/records?agency=nowhere", "agency"},
      {"/api/v1/records?q=%FF", "q"},
      {"/api/v1/records?year=99", "year"},
      {"/api/v1/records?validity=ok", "validity"},
      {"/api/v1/records?sort=best", "sort"},
  };
  for (const Case& c : cases) {
    json j = GetJson(c.path, 400);
    EXPECT_EQ(j["error"]["field"], c.field) << c.path;
    EXPECT_NE(j["error"]["message"].get<std::string>().find(c.field), std::string::npos) << c.path;
  }
  std::string long_q(101, 'a');
  json j = GetJson("/api/v1/records?q=" + long_q, 400);
  EXPECT_EQ(j["error"]["field"], "q");
}

TEST_F(PortalTest, PagesAreAccessibleAndEscaped) {
  ASSERT_TRUE(ready_) << ReadFile(log_);
  json hit = GetJson("/api/v1/records?q=%E6%94%BF%E5%BA%9C");
  const std::string url = hit["items"][0]["url"];
  for (const std::string& path : {std::string("/"), std::string("/?agency=weihai-lingang"),
                                  std::string("/agencies/weihai-lingang"),
                                  std::string("/search?q=%E6%94%BF%E5%BA%9C"), url}) {
    auto r = client_->Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_NE(r->body.find("<html lang=\"zh-CN\">"), std::string::npos) << path;
    EXPECT_NE(r->body.find("href=\"#main\""), std::string::npos) << path;
    EXPECT_EQ(r->body.find("<b>"), std::string::npos) << "titles are escaped: " << path;
  }
  auto search = client_->Get("/search?q=%E6%94%BF%E5%BA%9C");
  EXPECT_NE(search->body.find("<mark>政府</mark>"), std::string::npos);
  EXPECT_NE(search->body.find("共找到 1 条"), std::string::npos);
  auto agency = client_->Get("/agencies/weihai-lingang");
  for (const char* s : {"政府信息公开指南", "政府信息公开目录", "索引号", "内容概述",
                        "/reports?agency=weihai-lingang"})
    EXPECT_NE(agency->body.find(s), std::string::npos) << s;
  auto bad = client_->Get("/search?page=0");
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("page（页码）"), std::string::npos);
  EXPECT_EQ(client_->Get("/records/999999")->status, 404);
  EXPECT_EQ(client_->Get("/agencies/nowhere")->status, 404);
  EXPECT_EQ(client_->Get("/?agency=nowhere")->status, 404);
  // Large-text mode: the toggle sets a cookie and the page class.
  auto large = client_->Get("/?large=1");
  EXPECT_NE(large->body.find("<body class=\"large\">"), std::string::npos);
  EXPECT_NE(large->get_header_value("Set-Cookie").find("gk_large=1"), std::string::npos);
  auto kept = client_->Get("/search", {{"Cookie", "gk_large=1"}});
  EXPECT_NE(kept->body.find("<body class=\"large\">"), std::string::npos);
}

TEST_F(PortalTest, FeedAndSitemap) {
  ASSERT_TRUE(ready_) << ReadFile(log_);
  auto feed = client_->Get("/feed.atom");
  ASSERT_TRUE(feed);
  EXPECT_EQ(feed->status, 200);
  EXPECT_NE(feed->get_header_value("Content-Type").find("application/atom+xml"), std::string::npos);
  EXPECT_NE(feed->body.find("<feed xmlns=\"http://www.w3.org/2005/Atom\""), std::string::npos);
  EXPECT_NE(feed->body.find("&lt;b&gt;"), std::string::npos);
  size_t entries = 0;
  for (size_t p = 0; (p = feed->body.find("<entry>", p)) != std::string::npos; ++p) ++entries;
  EXPECT_EQ(entries, 30u);
  auto one = client_->Get("/feed.atom?agency=weihai-huoju");
  entries = 0;
  for (size_t p = 0; (p = one->body.find("<entry>", p)) != std::string::npos; ++p) ++entries;
  EXPECT_EQ(entries, 15u);
  EXPECT_EQ(client_->Get("/feed.atom?agency=nowhere")->status, 400);
  auto map = client_->Get("/sitemap.xml");
  EXPECT_EQ(map->status, 200);
  size_t urls = 0;
  for (size_t p = 0; (p = map->body.find("<url>", p)) != std::string::npos; ++p) ++urls;
  EXPECT_EQ(urls, 2u + 5u + 30u);  // home, search, 5 agencies, 30 records
}

// ---- staff workflow ------------------------------------------------------------------

class StaffRecordsTest : public PortalTest {
 protected:
  void AddUser(const std::string& name, const std::string& role, const std::string& agency) {
    ASSERT_EQ(AddStaffUser(kBin, TestDatabase(dir_ + "/g.db"), name, role, agency), "");
  }
  using Staff = StaffSession;
  Staff SignIn(const std::string& name) {
    Staff s = SignInStaff(port_, name);
    EXPECT_EQ(s.status, 303);
    return s;
  }
  httplib::Result Post(const Staff& s, const std::string& path, const std::string& body,
                       bool with_csrf = true) {
    return client_->Post(path, {{"Cookie", s.cookie}},
                         (with_csrf ? "csrf=" + s.csrf + "&" : std::string()) + body,
                         "application/x-www-form-urlencoded");
  }
  int64_t Total(const std::string& q) {
    return GetJson("/api/v1/records?q=" + q)["total"].get<int64_t>();
  }
};

TEST_F(StaffRecordsTest, DraftReviewPublishWithdraw) {
  ASSERT_TRUE(ready_) << ReadFile(log_);
  AddUser("ed", "editor", "weihai-lingang");
  AddUser("rv", "reviewer", "weihai-lingang");
  AddUser("hd", "handler", "weihai-lingang");
  AddUser("rv2", "reviewer", "weihai-huoju");
  const Staff ed = SignIn("ed"), rv = SignIn("rv"), hd = SignIn("hd"), rv2 = SignIn("rv2");
  ASSERT_FALSE(ed.csrf.empty());
  EXPECT_EQ(client_->Get("/admin/records", {{"Cookie", hd.cookie}})->status, 403);
  EXPECT_EQ(client_->Get("/admin/records")->status, 303);  // no session → sign in

  const std::string form =
      "title=%E5%B7%A5%E4%BD%9C%E6%8A%A5%E5%91%8Aqzx&publisher=P&category=C&body=B&formed_on=2024-"
      "01-02";
  EXPECT_EQ(Post(ed, "/admin/records", form, false)->status, 403);  // CSRF first
  auto bad = Post(ed, "/admin/records", "title=&publisher=P&category=C");
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("title（标题）"), std::string::npos);
  auto created = Post(ed, "/admin/records", form);
  ASSERT_EQ(created->status, 303) << created->body;
  const std::string loc = created->get_header_value("Location");
  ASSERT_EQ(loc.rfind("/admin/records/", 0), 0u);
  const std::string id = loc.substr(std::string("/admin/records/").size());
  auto page = client_->Get(loc, {{"Cookie", ed.cookie}});
  EXPECT_TRUE(std::regex_search(page->body, std::regex("<dd>[0-9A-Z-]+/20[0-9]{2}-00001</dd>")))
      << "索引号 generated";
  EXPECT_EQ(Total("qzx"), 0) << "drafts are not public";
  EXPECT_EQ(client_->Get("/records/" + id)->status, 404);
  EXPECT_EQ(client_->Get(loc, {{"Cookie", rv2.cookie}})->status, 404) << "other agency";

  ASSERT_EQ(Post(ed, loc + "/actions", "action=submit&revision=1")->status, 303);
  // The reviewer's dashboard says what waits for the 保密审查.
  EXPECT_NE(client_->Get("/admin", {{"Cookie", rv.cookie}})->body.find("1条主动公开信息等待保密审查"),
            std::string::npos);
  auto partial = Post(rv, loc + "/actions", "action=approve&revision=2&check=no_secret");
  EXPECT_EQ(partial->status, 400);
  EXPECT_NE(partial->body.find("保密审查未完成"), std::string::npos);
  EXPECT_EQ(Post(ed, loc + "/actions",
                 "action=approve&revision=2&check=no_secret&check=no_personal&check=no_commercial"
                 "&check=no_safety&check=accurate")
                ->status,
            400)
      << "editors do not publish";
  auto ok = Post(rv, loc + "/actions",
                 "action=approve&revision=2&check=no_secret&check=no_personal&check=no_commercial"
                 "&check=no_safety&check=accurate&note=ok");
  ASSERT_EQ(ok->status, 303) << ok->body;
  EXPECT_EQ(Total("qzx"), 1);
  EXPECT_EQ(client_->Get("/records/" + id)->status, 200);
  // 废止: still published, with its validity and date.
  EXPECT_EQ(Post(rv, loc + "/validity", "revision=3&validity=x&changed_on=2024-09-01")->status,
            400);
  EXPECT_EQ(
      Post(ed, loc + "/validity", "revision=3&validity=%E5%BA%9F%E6%AD%A2&changed_on=2024-09-01")
          ->status,
      400)
      << "editors do not change validity";
  ASSERT_EQ(
      Post(rv, loc + "/validity", "revision=3&validity=%E5%BA%9F%E6%AD%A2&changed_on=2024-09-01")
          ->status,
      303);
  json repealed = GetJson("/api/v1/records?q=qzx");
  EXPECT_EQ(repealed["items"][0]["validity"], "废止");
  EXPECT_EQ(Post(rv, loc + "/actions", "action=withdraw&revision=4&note=")->status, 400);
  EXPECT_EQ(Post(rv, loc + "/actions", "action=withdraw&revision=2&note=x")->status, 409);
  ASSERT_EQ(
      Post(rv, loc + "/actions", "action=withdraw&revision=4&note=%E6%9C%89%E8%AF%AF")->status,
      303);
  EXPECT_EQ(Total("qzx"), 0);
  EXPECT_EQ(client_->Get("/records/" + id)->status, 404);
  auto history = client_->Get(loc, {{"Cookie", rv.cookie}});
  for (const char* s :
       {"create", "submit", "approve", "validity", "withdraw", "撤回理由：有误", "不含国家秘密"})
    EXPECT_NE(history->body.find(s), std::string::npos) << s;
}

TEST_F(StaffRecordsTest, AttachmentsAndLinksOnTheRecordPages) {
  ASSERT_TRUE(ready_) << ReadFile(log_);
  AddUser("ed", "editor", "weihai-lingang");
  AddUser("rv", "reviewer", "weihai-lingang");
  AddUser("ed2", "editor", "weihai-huoju");
  AddUser("hd", "handler", "weihai-lingang");
  const Staff ed = SignIn("ed"), rv = SignIn("rv"), ed2 = SignIn("ed2"), hd = SignIn("hd");
  // A real PDF with a text layer: the annual report the binary renders.
  const std::string pdf_path = dir_ + "/report.pdf";
  auto rendered = Gk({"report", "--agency", "weihai-lingang", "--year", "2024", "--format", "pdf",
                      "--out", pdf_path, "--db", TestDatabase(dir_ + "/g.db")});
  ASSERT_EQ(rendered.exit_code, 0) << rendered.err;
  const std::string pdf = ReadFile(pdf_path);
  EXPECT_EQ(Total("%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A"), 0);  // 年度报告

  auto created = Post(ed, "/admin/records",
                      "title=%E8%A7%A3%E8%AF%BBqzy&publisher=P&category=C&body=B");  // 解读qzy
  ASSERT_EQ(created->status, 303);
  const std::string loc = created->get_header_value("Location");
  const std::string id = loc.substr(std::string("/admin/records/").size());
  auto upload = [&](const Staff& s, const std::string& name, const std::string& bytes,
                    const std::string& revision) {
    httplib::MultipartFormDataItems items = {{"csrf", s.csrf, "", ""},
                                             {"revision", revision, "", ""},
                                             {"file", bytes, name, "application/octet-stream"}};
    return client_->Post(loc + "/attachments", {{"Cookie", s.cookie}}, items);
  };
  auto bad = upload(ed, "virus.exe", "MZ\x90", "1");
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("file（附件）：只接受"), std::string::npos);
  EXPECT_EQ(upload(ed, "r.png", pdf, "1")->status, 400) << "content and extension disagree";
  EXPECT_EQ(upload(ed2, "r.pdf", pdf, "1")->status, 404) << "another agency's record";
  EXPECT_EQ(upload(hd, "r.pdf", pdf, "1")->status, 403) << "handlers do not publish";
  auto ok = upload(ed, "年度报告.pdf", pdf, "1");
  ASSERT_EQ(ok->status, 303) << ok->body;
  auto page = client_->Get(loc, {{"Cookie", ed.cookie}});
  EXPECT_NE(page->body.find("年度报告.pdf"), std::string::npos);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page->body, m, std::regex(loc + "/attachments/([0-9]+)\"")));
  const std::string aid = m[1];
  auto staff_copy = client_->Get(loc + "/attachments/" + aid, {{"Cookie", ed.cookie}});
  EXPECT_EQ(staff_copy->status, 200);
  EXPECT_EQ(staff_copy->body, pdf);
  EXPECT_EQ(client_->Get("/records/" + id + "/attachments/" + aid)->status, 404) << "a draft's";

  // Link as the 解读 of published record 1 (its 索引号), then publish.
  auto self = Post(ed, loc + "/links", "revision=2&kind=interprets&target=" + id);
  EXPECT_EQ(self->status, 400);
  EXPECT_NE(self->body.find("target（关联信息）"), std::string::npos);
  ASSERT_EQ(Post(ed, loc + "/links", "revision=2&kind=interprets&target=LG%2F2024-1")->status, 303);
  ASSERT_EQ(Post(ed, loc + "/actions", "action=submit&revision=3")->status, 303);
  ASSERT_EQ(Post(rv, loc + "/actions",
                 "action=approve&revision=4&check=no_secret&check=no_personal&check=no_commercial"
                 "&check=no_safety&check=accurate")
                ->status,
            303);
  EXPECT_EQ(Total("%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A"), 1) << "the PDF's text is searched";
  auto pub = client_->Get("/records/" + id);
  EXPECT_NE(pub->body.find("<h2>附件</h2>"), std::string::npos);
  EXPECT_NE(pub->body.find("<h2>解读的文件</h2>"), std::string::npos);
  auto file = client_->Get("/records/" + id + "/attachments/" + aid);
  ASSERT_EQ(file->status, 200);
  EXPECT_EQ(file->body, pdf);
  EXPECT_EQ(file->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(file->get_header_value("X-Content-Type-Options"), "nosniff");
  // (the client decodes percent-escapes in header values)
  EXPECT_NE(file->get_header_value("Content-Disposition").find("filename*=UTF-8''年度报告.pdf"),
            std::string::npos)
      << file->get_header_value("Content-Disposition");
  // The document shows its 政策解读.
  json one = GetJson("/api/v1/records?q=%E7%AC%AC1%E5%8F%B7");  // 第1号
  ASSERT_GE(one["total"].get<int>(), 1);
  auto doc = client_->Get(one["items"][0]["url"].get<std::string>());
  EXPECT_NE(doc->body.find("<h2>政策解读</h2>"), std::string::npos);
  EXPECT_NE(doc->body.find("/records/" + id + "\""), std::string::npos);
  // Published records are not changed in place.
  EXPECT_EQ(Post(ed, loc + "/attachments/" + aid + "/delete", "revision=5")->status, 400);
}

}  // namespace
}  // namespace gk::testing
