// Staff sign-in, sessions, CSRF and agency confinement over HTTP.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "auth/totp.h"
#include "support/db.h"
#include "support/process.h"
#include "support/staff.h"

namespace gk::testing {
namespace {

using nlohmann::json;
const std::string kBin = GK_BINARY;

class StaffTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    db_ = TestDatabase(dir_ + "/g.db");
    ASSERT_EQ(gk::testing::Run({kBin, "demo", "--db", db_}).exit_code, 0);
    AddUser("wang", "handler", "weihai-lingang");
    AddUser("zhao", "handler", "weihai-gongxin");
    AddUser("boss", "agency_admin", "weihai-lingang");
    AddUser("sup", "supervisor", "");
    port_ = FreePort();
    server_ = std::make_unique<Background>(
        std::vector<std::string>{kBin, "serve", "--db", db_, "--listen",
                                 "127.0.0.1:" + std::to_string(port_)},
        dir_ + "/serve.log");
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < until) {
      httplib::Client c("127.0.0.1", port_);
      auto r = c.Get("/healthz");
      if (r && r->status == 200) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    // One application to work on.
    httplib::Client c("127.0.0.1", port_);
    json app = {{"agency_id", "weihai-lingang"},
                {"applicant_type", "natural_person"},
                {"name", "张三"},
                {"id_number", "11010519491231002X"},
                {"phone", "13800138000"},
                {"address", "威海"},
                {"description", "某文件"}};
    auto r = c.Post("/api/v1/applications", app.dump(), "application/json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 201);
    tn_ = json::parse(r->body)["tracking_no"];
    // The receipt date (Asia/Shanghai): later acts must not be dated before it.
    today_ = json::parse(r->body)["received_on"];
  }
  void TearDown() override {
    server_.reset();
    DropTestDatabase(dir_ + "/g.db");
    std::filesystem::remove_all(dir_);
  }
  void AddUser(const std::string& name, const std::string& role, const std::string& agency) {
    ASSERT_EQ(AddStaffUser(kBin, db_, name, role, agency), "");
  }

  // A signed-in client: its cookie and CSRF token.
  using Staff = StaffSession;
  Staff SignIn(const std::string& name) {
    Staff s = SignInStaff(port_, name);
    EXPECT_EQ(s.status, 303);
    EXPECT_NE(s.set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(s.set_cookie.find("SameSite=Strict"), std::string::npos);
    return s;
  }
  httplib::Result Get(const Staff& s, const std::string& path) {
    httplib::Client c("127.0.0.1", port_);
    return c.Get(path, {{"Cookie", s.cookie}});
  }
  httplib::Result PostForm(const Staff& s, const std::string& path, const std::string& body) {
    httplib::Client c("127.0.0.1", port_);
    return c.Post(path, {{"Cookie", s.cookie}}, body, "application/x-www-form-urlencoded");
  }
  int Version() {
    auto s = SignIn("wang");
    auto page = Get(s, "/admin/applications/" + tn_);
    std::smatch m;
    std::regex_search(page->body, m, std::regex("<dt>版本</dt><dd>(\\d+)</dd>"));
    return std::stoi(m[1]);
  }

  std::string dir_, db_, tn_, today_;
  int port_ = 0;
  std::unique_ptr<Background> server_;
};

TEST_F(StaffTest, AdminNeedsASession) {
  httplib::Client c("127.0.0.1", port_);
  auto page = c.Get("/admin");
  EXPECT_EQ(page->status, 303);
  EXPECT_EQ(page->get_header_value("Location").find("/login") != std::string::npos, true);
  auto api = c.Post("/admin/api/applications/" + tn_ + "/events", "{}", "application/json");
  EXPECT_EQ(api->status, 401);
  EXPECT_TRUE(json::parse(api->body)["error"].contains("message"));
  auto sup = c.Get("/admin/supervision");
  EXPECT_EQ(sup->status, 303);
}

TEST_F(StaffTest, WrongPasswordSetsNoSessionAndIsThrottled) {
  httplib::Client c("127.0.0.1", port_);
  for (int i = 0; i < 10; ++i) {
    auto r = c.Post("/login", "username=wang&password=wrong-" + std::to_string(i),
                    "application/x-www-form-urlencoded");
    EXPECT_EQ(r->status, 401);
    EXPECT_FALSE(r->has_header("Set-Cookie"));
  }
  auto limited =
      c.Post("/login", "username=wang&password=pass-wang-123", "application/x-www-form-urlencoded");
  EXPECT_EQ(limited->status, 429) << "even the right password, for the rest of the window";
  // Another account from the same address is not affected.
  auto other =
      c.Post("/login", "username=boss&password=pass-boss-123", "application/x-www-form-urlencoded");
  EXPECT_EQ(other->status, 303);
}

TEST_F(StaffTest, HandlerWorksTheCaseWithCsrf) {
  Staff wang = SignIn("wang");
  ASSERT_FALSE(wang.csrf.empty());
  auto list = Get(wang, "/admin");
  EXPECT_EQ(list->status, 200);
  EXPECT_NE(list->body.find(tn_), std::string::npos);
  const int v = Version();

  const std::string action = "type=assigned&version=" + std::to_string(v) +
                             "&occurred_on=" + today_ +
                             "&p.unit=%E5%85%9A%E6%94%BF%E5%8A%9E&p.handler=wang";
  auto no_token = PostForm(wang, "/admin/applications/" + tn_ + "/events", action);
  EXPECT_EQ(no_token->status, 403);
  auto bad_token = PostForm(wang, "/admin/applications/" + tn_ + "/events", action + "&csrf=nope");
  EXPECT_EQ(bad_token->status, 403);
  EXPECT_EQ(Version(), v) << "nothing written without the token";

  auto ok = PostForm(wang, "/admin/applications/" + tn_ + "/events", action + "&csrf=" + wang.csrf);
  EXPECT_EQ(ok->status, 303);
  EXPECT_EQ(Version(), v + 1);
  // The same form again is based on a stale version.
  auto stale =
      PostForm(wang, "/admin/applications/" + tn_ + "/events", action + "&csrf=" + wang.csrf);
  EXPECT_EQ(stale->status, 409);
  EXPECT_EQ(Version(), v + 1);

  // JSON API: an illegal move is refused with the domain's message.
  httplib::Client c("127.0.0.1", port_);
  json served = {{"type", "served"},
                 {"version", v + 1},
                 {"occurred_on", today_},
                 {"payload", {{"method", "post"}}}};
  auto refused = c.Post("/admin/api/applications/" + tn_ + "/events",
                        {{"Cookie", wang.cookie}, {"X-CSRF-Token", wang.csrf}}, served.dump(),
                        "application/json");
  EXPECT_EQ(refused->status, 400) << refused->body;
  EXPECT_NE(json::parse(refused->body)["error"]["message"].get<std::string>().find("当前状态"),
            std::string::npos);
  auto unknown = PostForm(wang, "/admin/nothing-here", "x=1");
  EXPECT_EQ(unknown->status, 403) << "CSRF is checked before routing";
}

TEST_F(StaffTest, StaffAreConfinedToTheirAgency) {
  Staff zhao = SignIn("zhao");
  auto page = Get(zhao, "/admin/applications/" + tn_);
  EXPECT_EQ(page->status, 403);
  EXPECT_EQ(page->body.find("张三"), std::string::npos);
  auto list = Get(zhao, "/admin");
  EXPECT_EQ(list->body.find(tn_), std::string::npos);
  std::smatch m;
  std::regex_search(list->body, m, std::regex("name=\"csrf\" value=\"([^\"]+)\""));
  auto post =
      PostForm(zhao, "/admin/applications/" + tn_ + "/events",
               "type=withdrawn&version=2&occurred_on=" + today_ + "&csrf=" + std::string(m[1]));
  EXPECT_EQ(post->status, 403);
  EXPECT_EQ(Get(zhao, "/admin/supervision")->status, 403);
  EXPECT_EQ(Get(zhao, "/admin/applications/NOPE2026")->status, 404);
}

TEST_F(StaffTest, SupervisorSeesMaskedDataAndCannotAct) {
  Staff sup = SignIn("sup");
  auto view = Get(sup, "/admin/supervision");
  EXPECT_EQ(view->status, 200);
  EXPECT_NE(view->body.find("威海临港经济技术开发区管理委员会"), std::string::npos);
  // Last year's annual reports, with each agency's status (the demo publishes
  // every agency's 2025 report).
  const int last_year = std::stoi(today_.substr(0, 4)) - 1;
  EXPECT_NE(view->body.find(std::to_string(last_year) + "年度报告（第四十九条）"), std::string::npos);
  if (last_year == 2025) {
    EXPECT_NE(view->body.find("已发布（"), std::string::npos);
  }
  auto page = Get(sup, "/admin/applications/" + tn_);
  ASSERT_EQ(page->status, 200);
  EXPECT_EQ(page->body.find("张三"), std::string::npos);
  EXPECT_EQ(page->body.find("11010519491231002X"), std::string::npos);
  EXPECT_EQ(page->body.find("13800138000"), std::string::npos);
  EXPECT_NE(page->body.find("张*"), std::string::npos);
  Staff wang = SignIn("wang");
  auto full = Get(wang, "/admin/applications/" + tn_);
  EXPECT_NE(full->body.find("张三"), std::string::npos);
}

TEST_F(StaffTest, OnlyTheAgencyHeadExtends) {
  // Art. 33 ¶2: an extension needs the head of the disclosure office.
  const int v = Version();
  Staff wang = SignIn("wang");
  const std::string ext = "type=extended&version=" + std::to_string(v) + "&occurred_on=" + today_ +
                          "&p.days=10&p.notice_on=" + today_ + "&p.reason=x";
  auto refused =
      PostForm(wang, "/admin/applications/" + tn_ + "/events", ext + "&csrf=" + wang.csrf);
  EXPECT_EQ(refused->status, 400);
  EXPECT_EQ(Version(), v);
  Staff boss = SignIn("boss");
  auto ok = PostForm(boss, "/admin/applications/" + tn_ + "/events", ext + "&csrf=" + boss.csrf);
  EXPECT_EQ(ok->status, 303) << ok->body.substr(0, 800);
  EXPECT_EQ(Version(), v + 1);
}

TEST_F(StaffTest, FeeNoticeAmountComesFromTheLaw) {
  // 国办函〔2020〕109号 by page: pages 31–50 at 10 元 → 200 元 for 50 pages.
  Staff wang = SignIn("wang");
  const int v = Version();
  auto notice =
      PostForm(wang, "/admin/applications/" + tn_ + "/events",
               "type=fee_notified&version=" + std::to_string(v) + "&occurred_on=" + today_ +
                   "&p.method=by_page&p.quantity=50"
                   "&p.notice_received_on=" +
                   today_ + "&csrf=" + wang.csrf);
  ASSERT_EQ(notice->status, 303) << notice->body.substr(0, 1000);
  auto page = Get(wang, "/admin/applications/" + tn_);
  EXPECT_NE(page->body.find("待缴费"), std::string::npos);
  auto wrong = PostForm(wang, "/admin/applications/" + tn_ + "/events",
                        "type=fee_paid&version=" + std::to_string(v + 1) +
                            "&occurred_on=" + today_ + "&p.amount_yuan=150&csrf=" + wang.csrf);
  EXPECT_EQ(wrong->status, 400) << "the paid amount must be the notified one";
  auto paid = PostForm(wang, "/admin/applications/" + tn_ + "/events",
                       "type=fee_paid&version=" + std::to_string(v + 1) + "&occurred_on=" + today_ +
                           "&p.amount_yuan=200&p.receipt_ref=NO1&csrf=" + wang.csrf);
  EXPECT_EQ(paid->status, 303) << paid->body.substr(0, 1000);
  EXPECT_EQ(Version(), v + 2);
}

TEST_F(StaffTest, DueFilters) {
  Staff wang = SignIn("wang");
  EXPECT_NE(Get(wang, "/admin")->body.find(tn_), std::string::npos);
  EXPECT_EQ(Get(wang, "/admin?due=overdue")->body.find(tn_), std::string::npos)
      << "a case received today is not overdue";
}

TEST_F(StaffTest, LedgerDownload) {
  Staff wang = SignIn("wang");
  auto x = Get(wang, "/admin/ledger.xlsx?from=2026-01-01&to=2026-12-31");
  ASSERT_EQ(x->status, 200);
  EXPECT_EQ(x->body.substr(0, 2), "PK");
  EXPECT_NE(x->get_header_value("Content-Disposition").find("weihai-lingang"), std::string::npos)
      << "a handler always gets their own agency's 台账";
  EXPECT_EQ(Get(wang, "/admin/ledger.xlsx?from=2026-12-31&to=2026-01-01")->status, 400);
  EXPECT_EQ(Get(wang, "/admin/ledger.xlsx?from=x&to=2026-01-01")->status, 400);
}

TEST_F(StaffTest, StaffRegisterLettersAndVisits) {
  Staff wang = SignIn("wang");
  httplib::Client c("127.0.0.1", port_);
  httplib::Headers h = {{"Cookie", wang.cookie}, {"X-CSRF-Token", wang.csrf}};
  json letter = {{"channel", "letter"},
                 {"evidence", {{"postmark_on", "2026-11-02"}, {"signed_on", "2026-11-04"}}},
                 {"applicant_type", "natural_person"},
                 {"name", "李四"},
                 {"id_number", "11010519491231002X"},
                 {"phone", "0631-1234567"},
                 {"address", "威海市"},
                 {"description", "某文件"},
                 {"form", "paper"}};
  auto r = c.Post("/admin/api/applications", h, letter.dump(), "application/json");
  ASSERT_EQ(r->status, 201) << r->body;
  json ack = json::parse(r->body);
  EXPECT_EQ(ack["received_on"], "2026-11-04") << "Art. 31: the day the organ signs for the post";
  EXPECT_EQ(ack["tracking_no"].get<std::string>().rfind("LG2026", 0), 0u);

  json visit = letter;
  visit["channel"] = "in_person";
  visit.erase("evidence");
  auto v = c.Post("/admin/api/applications", h, visit.dump(), "application/json");
  EXPECT_EQ(v->status, 201) << v->body;

  json no_evidence = letter;
  no_evidence.erase("evidence");
  auto bad = c.Post("/admin/api/applications", h, no_evidence.dump(), "application/json");
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json::parse(bad->body)["error"]["field"], "evidence") << bad->body;
  json online = letter;
  online["channel"] = "online";
  EXPECT_EQ(c.Post("/admin/api/applications", h, online.dump(), "application/json")->status, 400);
  json other = letter;
  other["agency_id"] = "weihai-gongxin";
  EXPECT_EQ(c.Post("/admin/api/applications", h, other.dump(), "application/json")->status, 403);

  Staff sup = SignIn("sup");
  httplib::Headers hs = {{"Cookie", sup.cookie}, {"X-CSRF-Token", sup.csrf}};
  EXPECT_EQ(c.Post("/admin/api/applications", hs, letter.dump(), "application/json")->status, 403);
  EXPECT_EQ(Get(wang, "/admin/applications/new")->status, 200);
}

TEST_F(StaffTest, LogoutEndsTheSession) {
  Staff wang = SignIn("wang");
  auto out = PostForm(wang, "/logout", "csrf=" + wang.csrf);
  EXPECT_EQ(out->status, 303);
  EXPECT_EQ(Get(wang, "/admin")->status, 303);
}

TEST_F(StaffTest, UserAddRejectsBadInput) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{kBin, "user", "add", "x1", "--role", "king", "--agency",
                                 "weihai-lingang", "--db", db_},
        {kBin, "user", "add", "x2", "--role", "handler", "--db", db_},
        {kBin, "user", "add", "x3", "--role", "handler", "--agency", "nowhere", "--db", db_},
        {kBin, "user", "add", "bad name", "--role", "sysadmin", "--db", db_},
        {kBin, "user", "add", "wang", "--role", "handler", "--agency", "weihai-lingang", "--db",
         db_},
        {kBin, "user", "add", "x4", "--role", "sysadmin", "--db", "sqlite:" + dir_ + "/none.db"}}) {
    auto r = gk::testing::Run(args, "long-enough-password\n");
    EXPECT_EQ(r.exit_code, 2) << args[3] << " " << r.err;
    EXPECT_FALSE(r.err.empty());
  }
  auto weak =
      gk::testing::Run({kBin, "user", "add", "x5", "--role", "sysadmin", "--db", db_}, "short\n");
  EXPECT_EQ(weak.exit_code, 2);
}

}  // namespace
}  // namespace gk::testing

// ---- annual reports ---------------------------------------------------------------

namespace gk::testing {
namespace {

TEST_F(StaffTest, PublishedReportsArePublicOthersAre404) {
  httplib::Client c("127.0.0.1", port_);
  auto pub = c.Get("/api/v1/reports/weihai-lingang/2021");
  ASSERT_EQ(pub->status, 200);
  const json j = json::parse(pub->body);
  EXPECT_EQ(j["schema"], "gongkai.annual-report/1");
  EXPECT_EQ(j["status"], "published");
  EXPECT_EQ(j["section3"]["new"]["total"], 6);
  EXPECT_EQ(c.Get("/api/v1/reports/weihai-lingang/2021.json")->body, pub->body);
  // The other forms of the published report.
  auto html = c.Get("/api/v1/reports/weihai-lingang/2021.html");
  ASSERT_EQ(html->status, 200);
  EXPECT_NE(html->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(html->body.find("lang=\"zh-CN\""), std::string::npos);
  EXPECT_NE(html->body.find("<th scope=\"col\""), std::string::npos);
  auto pdf = c.Get("/api/v1/reports/weihai-lingang/2021.pdf");
  ASSERT_EQ(pdf->status, 200);
  EXPECT_EQ(pdf->body.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  for (const std::string ext : {"docx", "xlsx"}) {
    auto r = c.Get("/api/v1/reports/weihai-lingang/2021." + ext);
    ASSERT_EQ(r->status, 200) << ext;
    EXPECT_EQ(r->body.substr(0, 2), "PK") << ext;
  }
  EXPECT_EQ(c.Get("/api/v1/reports/weihai-lingang/2023.pdf")->status, 404);
  // Not published, unknown agency, bad year: JSON errors, nothing else.
  for (const std::string path : {"/api/v1/reports/weihai-lingang/2023",
                                 "/api/v1/reports/nowhere/2021", "/api/v1/reports/weihai-lingang/21"}) {
    auto r = c.Get(path);
    EXPECT_TRUE(r->status == 404 || r->status == 400) << path << " " << r->status;
    EXPECT_TRUE(json::parse(r->body)["error"].contains("message")) << path;
  }
  auto list = c.Get("/reports");
  ASSERT_EQ(list->status, 200);
  EXPECT_NE(list->body.find("/api/v1/reports/weihai-huoju/2020"), std::string::npos);
  EXPECT_EQ(c.Get("/reports?agency=nowhere")->status, 404);
  auto one = c.Get("/reports?agency=weihai-gongxin");
  EXPECT_EQ(one->body.find("weihai-huoju/2020"), std::string::npos);
  EXPECT_NE(one->body.find("weihai-gongxin/2022"), std::string::npos);
}

TEST_F(StaffTest, ReportEditorDrillDownAndPublication) {
  const int year = std::stoi(today_.substr(0, 4));
  const std::string base = "/admin/reports/weihai-lingang/" + std::to_string(year);
  auto wang = SignIn("wang");
  auto page = Get(wang, base);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("勾稽检查"), std::string::npos);
  // Drill-down: this year's new applications include the one just received.
  httplib::Client c("127.0.0.1", port_);
  auto cell = c.Get("/admin/api/reports/weihai-lingang/" + std::to_string(year) +
                        "/cell?section=%E4%B8%89&row=new&column=total",
                    {{"Cookie", wang.cookie}});
  ASSERT_EQ(cell->status, 200);
  const json refs = json::parse(cell->body)["refs"];
  EXPECT_NE(std::find(refs.begin(), refs.end(), tn_), refs.end()) << cell->body;
  EXPECT_EQ(c.Get("/admin/api/reports/weihai-lingang/" + std::to_string(year) +
                      "/cell?section=x&row=new&column=total",
                  {{"Cookie", wang.cookie}})
                ->status,
            400);
  // Another agency's report: 403.
  auto zhao = SignIn("zhao");
  EXPECT_EQ(Get(zhao, base)->status, 403);
  // A handler enters a figure (bad input: 400, nothing written) but cannot publish.
  EXPECT_EQ(PostForm(wang, base + "/figures",
                     "csrf=" + wang.csrf + "&cell=licensing.decisions&value=abc&source=x")
                ->status,
            400);
  EXPECT_EQ(PostForm(wang, base + "/figures", "cell=licensing.decisions&value=3&source=x")->status,
            403);  // no CSRF token
  EXPECT_EQ(PostForm(wang, base + "/figures",
                     "csrf=" + wang.csrf + "&cell=licensing.decisions&value=12&source=%E5%AE%A1%E6%89%B9")
                ->status,
            303);
  EXPECT_EQ(PostForm(wang, base + "/publish", "csrf=" + wang.csrf)->status, 403);
  auto boss = SignIn("boss");
  EXPECT_EQ(PostForm(boss, base + "/publish", "csrf=" + boss.csrf)->status, 303);
  auto api = c.Get("/api/v1/reports/weihai-lingang/" + std::to_string(year));
  ASSERT_EQ(api->status, 200);
  EXPECT_EQ(json::parse(api->body)["section2"]["licensing"]["decisions"], 12);
  // Frozen: a second publish or a figure is refused; reopen needs a reason.
  EXPECT_EQ(PostForm(boss, base + "/publish", "csrf=" + boss.csrf)->status, 409);
  EXPECT_EQ(PostForm(boss, base + "/reopen", "csrf=" + boss.csrf + "&reason=")->status, 400);
  EXPECT_EQ(PostForm(boss, base + "/reopen", "csrf=" + boss.csrf + "&reason=%E6%9B%B4%E6%AD%A3")
                ->status,
            303);
  EXPECT_EQ(c.Get("/api/v1/reports/weihai-lingang/" + std::to_string(year))->status, 404);
}

}  // namespace
}  // namespace gk::testing

// ---- accounts, two-factor sign-in and the audit log ---------------------------------

namespace gk::testing {
namespace {

int64_t NowUnix() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

TEST_F(StaffTest, AgencyHeadManagesItsAccounts) {
  auto boss = SignIn("boss");
  auto list = Get(boss, "/admin/users");
  ASSERT_EQ(list->status, 200);
  EXPECT_NE(list->body.find(">wang<"), std::string::npos);
  EXPECT_EQ(list->body.find(">zhao<"), std::string::npos);  // another agency
  // Create a handler of its agency; not a sysadmin.
  EXPECT_EQ(PostForm(boss, "/admin/users",
                     "csrf=" + boss.csrf + "&username=li&role=handler&password=pass-li-123")
                ->status,
            200);
  EXPECT_EQ(PostForm(boss, "/admin/users",
                     "csrf=" + boss.csrf + "&username=root2&role=sysadmin&password=pass-li-123")
                ->status,
            403);
  EXPECT_EQ(PostForm(boss, "/admin/users",
                     "csrf=" + boss.csrf + "&username=li&role=handler&password=pass-li-123")
                ->status,
            409);
  httplib::Client c("127.0.0.1", port_);
  EXPECT_EQ(c.Post("/login", "username=li&password=pass-li-123",
                   "application/x-www-form-urlencoded")
                ->status,
            303);
  // Reset wang's password: wang's session ends.
  auto wang = SignIn("wang");
  EXPECT_EQ(Get(wang, "/admin")->status, 200);
  EXPECT_EQ(PostForm(boss, "/admin/users/wang/password",
                     "csrf=" + boss.csrf + "&new_password=new-wang-pass-1")
                ->status,
            200);
  EXPECT_EQ(Get(wang, "/admin")->status, 303);
  EXPECT_EQ(c.Post("/login", "username=wang&password=new-wang-pass-1",
                   "application/x-www-form-urlencoded")
                ->status,
            303);
  // Not another agency's account; not as a handler.
  EXPECT_EQ(PostForm(boss, "/admin/users/zhao/password",
                     "csrf=" + boss.csrf + "&new_password=x-pass-12345")
                ->status,
            403);
  auto li = SignIn("li");
  EXPECT_EQ(Get(li, "/admin/users")->status, 403);
  EXPECT_EQ(Get(li, "/admin/audit")->status, 403);
  // Disabled: cannot sign in.
  EXPECT_EQ(PostForm(boss, "/admin/users/li/disable", "csrf=" + boss.csrf)->status, 200);
  EXPECT_EQ(c.Post("/login", "username=li&password=pass-li-123",
                   "application/x-www-form-urlencoded")
                ->status,
            401);

  // The audit log: who did what, from where; exportable.
  (void)SignIn("sup");  // the supervisor's sign-in is not this agency's
  auto audit = Get(boss, "/admin/audit");
  ASSERT_EQ(audit->status, 200);
  EXPECT_NE(audit->body.find("POST /admin/users/wang/password"), std::string::npos);
  EXPECT_NE(audit->body.find("sign_in"), std::string::npos);
  auto csv = Get(boss, "/admin/audit?format=csv");
  ASSERT_EQ(csv->status, 200);
  EXPECT_NE(csv->body.find("时间,用户,机关,地址,操作,状态"), std::string::npos);
  // Only its agency's staff: the supervisor's sign-ins are not in it.
  EXPECT_EQ(csv->body.find("\"sup\""), std::string::npos);
}

TEST_F(StaffTest, TwoFactorSignIn) {
  auto wang = SignIn("wang");
  auto page = Get(wang, "/admin/account");
  ASSERT_EQ(page->status, 200);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page->body, m, std::regex("<code>([A-Z2-7]{32})</code>")));
  const std::string secret = m[1];
  const std::string raw = *auth::Base32Decode(secret);
  // A wrong code is refused; the right one turns it on.
  EXPECT_EQ(PostForm(wang, "/admin/account/totp",
                     "csrf=" + wang.csrf + "&secret=" + secret + "&code=000000")
                    ->status == 400 ||
                auth::Hotp(raw, static_cast<uint64_t>(auth::TotpStep(NowUnix()))) == "000000",
            true);
  auto on = PostForm(wang, "/admin/account/totp",
                     "csrf=" + wang.csrf + "&secret=" + secret + "&code=" +
                         auth::Hotp(raw, static_cast<uint64_t>(auth::TotpStep(NowUnix()))));
  ASSERT_EQ(on->status, 200) << on->body;
  httplib::Client c("127.0.0.1", port_);
  auto without = c.Post("/login", "username=wang&password=pass-wang-123",
                        "application/x-www-form-urlencoded");
  EXPECT_EQ(without->status, 401);
  EXPECT_FALSE(without->has_header("Set-Cookie"));
  // The next step's code (the current one was used to turn it on).
  const std::string next = auth::Hotp(raw, static_cast<uint64_t>(auth::TotpStep(NowUnix()) + 1));
  auto with = c.Post("/login", "username=wang&password=pass-wang-123&otp=" + next,
                     "application/x-www-form-urlencoded");
  EXPECT_EQ(with->status, 303);
  // The same code does not work twice.
  EXPECT_EQ(c.Post("/login", "username=wang&password=pass-wang-123&otp=" + next,
                   "application/x-www-form-urlencoded")
                ->status,
            401);
}

}  // namespace
}  // namespace gk::testing

// ---- supervision: 报送 and reports published elsewhere -------------------------------

namespace gk::testing {
namespace {

TEST_F(StaffTest, SubmissionAcceptedOrReturnedBySupervisor) {
  // The demo published 临港 2021; the head submits it.
  auto boss = SignIn("boss");
  const std::string base = "/admin/reports/weihai-lingang/2021";
  auto wang = SignIn("wang");
  EXPECT_EQ(PostForm(wang, base + "/submit", "csrf=" + wang.csrf)->status, 403);
  EXPECT_EQ(PostForm(boss, base + "/submit", "csrf=" + boss.csrf)->status, 303);
  EXPECT_EQ(PostForm(boss, base + "/submit", "csrf=" + boss.csrf)->status, 409);  // once
  // Not published: cannot be submitted.
  EXPECT_EQ(PostForm(boss, "/admin/reports/weihai-lingang/2023/submit", "csrf=" + boss.csrf)->status,
            409);
  auto sup = SignIn("sup");
  const std::string review = "/admin/supervision/reports/weihai-lingang/2021";
  EXPECT_EQ(PostForm(boss, review + "/accept", "csrf=" + boss.csrf)->status, 403);
  EXPECT_EQ(PostForm(sup, review + "/return", "csrf=" + sup.csrf + "&note=")->status, 400);
  EXPECT_EQ(PostForm(sup, review + "/return",
                     "csrf=" + sup.csrf + "&note=%E8%A1%A5%E5%85%85%E7%AC%AC%E4%BA%94%E9%83%A8%E5%88%86")
                ->status,
            303);
  EXPECT_NE(Get(boss, base)->body.find("退回：补充第五部分"), std::string::npos);
  EXPECT_EQ(PostForm(boss, base + "/submit", "csrf=" + boss.csrf)->status, 303);  // resubmit
  EXPECT_EQ(PostForm(sup, review + "/accept", "csrf=" + sup.csrf)->status, 303);
  EXPECT_NE(Get(boss, base)->body.find("主管部门已于"), std::string::npos);
}

TEST_F(StaffTest, SupervisorChecksAReportPublishedElsewhere) {
  auto sup = SignIn("sup");
  httplib::Client c("127.0.0.1", port_);
  const std::string seed = ReadFile(std::string(GK_SOURCE_DIR) + "/tests/data/seeds/001.txt");
  httplib::MultipartFormDataItems items = {{"csrf", sup.csrf, "", ""},
                                           {"file", seed, "lingang-2021.txt", "text/plain"}};
  auto r = c.Post("/admin/supervision/uploads", {{"Cookie", sup.cookie}}, items);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->body.find("威海临港经济技术开发区管理委员会"), std::string::npos);
  EXPECT_NE(r->body.find("错误0处"), std::string::npos);
  auto view = Get(sup, "/admin/supervision");
  EXPECT_NE(view->body.find("lingang-2021.txt"), std::string::npos);
  // Not a report: 422, nothing kept; other roles: 403.
  httplib::MultipartFormDataItems junk = {{"csrf", sup.csrf, "", ""},
                                          {"file", "hello", "x.txt", "text/plain"}};
  EXPECT_EQ(c.Post("/admin/supervision/uploads", {{"Cookie", sup.cookie}}, junk)->status, 422);
  auto wang = SignIn("wang");
  httplib::MultipartFormDataItems w = {{"csrf", wang.csrf, "", ""},
                                       {"file", seed, "a.txt", "text/plain"}};
  EXPECT_EQ(c.Post("/admin/supervision/uploads", {{"Cookie", wang.cookie}}, w)->status, 403);
}

}  // namespace
}  // namespace gk::testing

// ---- every admin page × every role ---------------------------------------------------

namespace gk::testing {
namespace {

TEST_F(StaffTest, EveryAdminPageForEveryRole) {
  AddUser("ed", "editor", "weihai-lingang");
  AddUser("rev", "reviewer", "weihai-lingang");
  AddUser("root", "sysadmin", "");
  const std::vector<std::string> users = {"wang", "zhao", "ed", "rev", "boss", "sup", "root"};
  // Expected status per user, in the order above (200 allowed, 403 refused).
  const std::vector<std::pair<std::string, std::vector<int>>> pages = {
      {"/admin", {200, 200, 200, 200, 200, 200, 200}},
      // The agency's staff (the reviewer also does the 保密审查 of replies); the
      // supervisor sees it masked.
      {"/admin/applications/" + tn_, {200, 403, 200, 200, 200, 200, 200}},
      {"/admin/reports", {200, 200, 200, 200, 200, 200, 200}},
      {"/admin/reports/weihai-lingang/2021", {200, 403, 200, 200, 200, 200, 200}},
      {"/admin/supervision", {403, 403, 403, 403, 403, 200, 403}},
      {"/admin/users", {403, 403, 403, 403, 200, 403, 200}},
      {"/admin/audit", {403, 403, 403, 403, 200, 403, 200}},
      {"/admin/account", {200, 200, 200, 200, 200, 200, 200}},
      {"/admin/records", {403, 403, 200, 200, 200, 403, 403}},
      {"/admin/records/new", {403, 403, 200, 200, 200, 403, 403}},
      {"/admin/applications/new", {200, 200, 200, 200, 200, 403, 200}},
      // The ledger of one's own agency; the supervisor and sysadmin name it.
      {"/admin/ledger.xlsx?from=2021-01-01&to=2021-12-31&agency=weihai-lingang",
       {200, 200, 200, 200, 200, 200, 200}},
      {"/admin/reports/weihai-lingang/2021/export.json", {200, 403, 200, 200, 200, 200, 200}},
      {"/admin/reports/weihai-lingang/2021/cell?section=三&row=granted&column=total",
       {200, 403, 200, 200, 200, 200, 200}},
      // The 通报 ranks every agency in scope: the supervisor, and the sysadmin for all.
      {"/admin/supervision/bulletin.xlsx?month=2025-06", {403, 403, 403, 403, 403, 200, 200}},
      // 政民互动: the agency's staff; the supervisor reads (masked); the
      // sysadmin does not handle an agency's messages.
      {"/admin/interaction", {200, 200, 200, 200, 200, 200, 403}},
      {"/admin/interaction/consultations", {200, 200, 200, 200, 200, 200, 403}},
      {"/admin/interaction/events", {200, 200, 200, 200, 200, 200, 403}},
      {"/admin/interaction/media", {200, 200, 200, 200, 200, 200, 403}},
      {"/admin/interaction/trainings", {200, 200, 200, 200, 200, 200, 403}},
      {"/admin/statistics/weihai-lingang/2021", {200, 403, 200, 200, 200, 200, 200}},
  };
  std::map<std::string, Staff> signed_in;
  for (const std::string& u : users) signed_in[u] = SignIn(u);
  for (const auto& [path, want] : pages) {
    for (size_t i = 0; i < users.size(); ++i) {
      auto r = Get(signed_in[users[i]], path);
      ASSERT_TRUE(r) << path;
      EXPECT_EQ(r->status, want[i]) << path << " as " << users[i];
    }
  }
}

}  // namespace
}  // namespace gk::testing

namespace gk::testing {
namespace {

TEST_F(StaffTest, MonthlyBulletinRanksTheAgencies) {
  auto sup = SignIn("sup");
  // The demo's June 2025: every agency's applications of the month.
  auto xlsx = Get(sup, "/admin/supervision/bulletin.xlsx?month=2025-06");
  ASSERT_EQ(xlsx->status, 200) << xlsx->body;
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");
  auto docx = Get(sup, "/admin/supervision/bulletin.docx?month=2025-06");
  ASSERT_EQ(docx->status, 200) << docx->body;
  EXPECT_EQ(docx->body.substr(0, 2), "PK");
  // Read back with LibreOffice: the ranking is there.
  WriteFile(dir_ + "/b.xlsx", xlsx->body);
  auto conv = gk::testing::Run({"/usr/bin/soffice", "-env:UserInstallation=file://" + dir_ + "/lo",
                                "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir_,
                                dir_ + "/b.xlsx"});
  ASSERT_EQ(conv.exit_code, 0) << conv.err;
  const std::string csv = ReadFile(dir_ + "/b.csv");
  EXPECT_NE(csv.find("2025年6月政府信息公开申请办理情况通报"), std::string::npos) << csv;
  EXPECT_NE(csv.find("威海经济技术开发区管理委员会"), std::string::npos) << csv;
  // Bad month, other roles.
  EXPECT_EQ(Get(sup, "/admin/supervision/bulletin.xlsx?month=2025-13")->status, 400);
  auto wang = SignIn("wang");
  EXPECT_EQ(Get(wang, "/admin/supervision/bulletin.xlsx?month=2025-06")->status, 403);
}

}  // namespace
}  // namespace gk::testing

// ---- every admin write route × every role ---------------------------------------------

namespace gk::testing {
namespace {

TEST_F(StaffTest, EveryAdminWriteForEveryRole) {
  AddUser("ed", "editor", "weihai-lingang");
  AddUser("rev", "reviewer", "weihai-lingang");
  AddUser("root", "sysadmin", "");
  const std::vector<std::string> users = {"wang", "zhao", "ed", "rev", "boss", "sup", "root"};
  std::map<std::string, Staff> in;
  for (const std::string& u : users) {
    in[u] = SignIn(u);
    ASSERT_FALSE(in[u].csrf.empty()) << u;
  }
  httplib::Client c("127.0.0.1", port_);
  auto records = json::parse(c.Get("/api/v1/records?agency=weihai-lingang")->body);
  const std::string rec = "/admin/records/" + std::to_string(records["items"][0]["id"].get<int>());
  const std::string rep = "/admin/reports/weihai-lingang/2021";
  const std::string app = "/admin/applications/" + tn_;
  // Each request is refused by role (403), by agency (404), or reaches the
  // use case, which refuses the incomplete or stale input (400, 409) — so
  // nothing changes whoever sends it.
  // Expected status per user, in the order of `users`.
  struct Route {
    std::string path, body;
    std::vector<int> want;
  };
  const std::vector<Route> routes = {
      // Paper applications are registered by the agency's staff, not the supervisor.
      {"/admin/applications", "channel=letter", {400, 400, 400, 400, 400, 403, 400}},
      // A case of 临港: not for 工信局's handler nor the supervisor, whatever the form holds.
      {app + "/events", "type=transferred&version=0", {400, 403, 400, 400, 400, 403, 400}},
      {"/admin/api/applications/" + tn_ + "/events", "", {400, 403, 400, 400, 400, 403, 400}},
      // Records: the agency's editors, reviewers and head.
      {"/admin/records", "title=", {403, 403, 400, 400, 400, 403, 403}},
      {rec + "/edit", "revision=0&title=", {403, 403, 400, 400, 400, 403, 403}},
      {rec + "/actions", "revision=0&action=withdraw&note=", {403, 403, 400, 400, 400, 403, 403}},
      {rec + "/validity", "revision=0&validity=x", {403, 403, 400, 400, 400, 403, 403}},
      {rec + "/links", "revision=0&kind=related&target=", {403, 403, 400, 400, 400, 403, 403}},
      {rec + "/links/delete", "revision=0&kind=related&target_id=1",
       {403, 403, 400, 400, 400, 403, 403}},
      {rec + "/attachments/1/delete", "revision=0", {403, 403, 400, 400, 400, 403, 403}},
      // The report: entered by handlers, editors and the head; published by the head.
      {rep + "/texts", "section=&body=", {400, 403, 400, 403, 400, 403, 400}},
      {rep + "/figures", "cell=&value=x", {400, 403, 400, 403, 400, 403, 400}},
      {rep + "/publish", "", {403, 403, 403, 403, 409, 403, 409}},
      {rep + "/reopen", "reason=", {403, 403, 403, 403, 400, 403, 400}},
      // 报送: the supervisor accepts or returns.
      {"/admin/supervision/reports/weihai-lingang/2021/return", "note=",
       {403, 403, 403, 403, 403, 400, 403}},
      // Accounts: the agency head and the system administrator.
      {"/admin/users", "username=&role=handler", {403, 403, 403, 403, 400, 403, 400}},
      {"/admin/users/wang/password", "password=", {403, 403, 403, 403, 400, 403, 400}},
      {"/admin/account/password", "current=&password=", {400, 400, 400, 400, 400, 400, 400}},
  };
  for (const auto& r : routes) {
    for (size_t i = 0; i < users.size(); ++i) {
      const Staff& s = in[users[i]];
      httplib::Client jc("127.0.0.1", port_);
      auto res = r.path.rfind("/admin/api/", 0) == 0
                     ? jc.Post(r.path, {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}}, "{}",
                               "application/json")
                     : PostForm(s, r.path, "csrf=" + s.csrf + "&" + r.body);
      ASSERT_TRUE(res) << r.path;
      EXPECT_EQ(res->status, r.want[i]) << r.path << " as " << users[i];
    }
  }
}

}  // namespace
}  // namespace gk::testing
