// 政民互动 over HTTP against the real binary: a message posted, answered and
// shown masked; tracking it; a consultation from opening to its published
// feedback; bad input on every form (400 naming the field, nothing
// written); the rate limit; the sensitive-word hold; who may do what; the
// yearly statistics with drill-down and the section 一 text of the demo.
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

std::string Enc(const std::string& s) {
  std::string out;
  char buf[4];
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string Form(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string b;
  for (const auto& [k, v] : fields) b += (b.empty() ? "" : "&") + k + "=" + Enc(v);
  return b;
}

class InteractionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    path_ = dir_ + "/g.db";
    db_ = TestDatabase(path_);  // PostgreSQL in cli_test_pg
    ASSERT_EQ(gk::testing::Run({kBin, "demo", "--db", db_}).exit_code, 0);
    AddUser("zhao", "handler", "weihai-gongxin");
    AddUser("gxed", "editor", "weihai-gongxin");
    AddUser("wang", "handler", "weihai-lingang");
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
  }
  void TearDown() override {
    server_.reset();
    DropTestDatabase(path_);
    std::filesystem::remove_all(dir_);
  }
  void AddUser(const std::string& name, const std::string& role, const std::string& agency) {
    ASSERT_EQ(AddStaffUser(kBin, db_, name, role, agency), "");
  }
  using Staff = StaffSession;
  Staff SignIn(const std::string& name) {
    Staff s = SignInStaff(port_, name);
    EXPECT_EQ(s.status, 303);
    return s;
  }
  httplib::Result Get(const Staff& s, const std::string& path) {
    httplib::Client c("127.0.0.1", port_);
    return c.Get(path, {{"Cookie", s.cookie}});
  }
  httplib::Result Post(const Staff& s, const std::string& path,
                       std::vector<std::pair<std::string, std::string>> fields) {
    fields.emplace_back("csrf", s.csrf);
    httplib::Client c("127.0.0.1", port_);
    return c.Post(path, {{"Cookie", s.cookie}}, Form(fields), "application/x-www-form-urlencoded");
  }
  httplib::Result PublicPost(const std::string& path,
                             const std::vector<std::pair<std::string, std::string>>& fields) {
    httplib::Client c("127.0.0.1", port_);
    return c.Post(path, Form(fields), "application/x-www-form-urlencoded");
  }
  httplib::Result PublicGet(const std::string& path) {
    httplib::Client c("127.0.0.1", port_);
    return c.Get(path);
  }
  httplib::Result Api(const json& body) {
    httplib::Client c("127.0.0.1", port_);
    return c.Post("/api/v1/messages", body.dump(), "application/json");
  }
  // Rows of a table, read from the database.
  int64_t Count(const std::string& table) {
    return std::stoll(QueryValue(db_, "SELECT COUNT(*) FROM " + table));
  }
  json Message(const std::string& title, bool public_ok = true) {
    return {{"agency_id", "weihai-gongxin"}, {"name", "张三丰"},   {"phone", "13912345678"},
            {"title", title},                {"body", "请问补贴何时发放？联系我13912345678"},
            {"public_ok", public_ok}};
  }

  std::string dir_, path_, db_;
  int port_ = 0;
  std::unique_ptr<Background> server_;
};

TEST_F(InteractionTest, MessageIsAnsweredAndShownMasked) {
  auto r = Api(Message("关于技改补贴发放时间的咨询"));
  ASSERT_EQ(r->status, 201) << r->body;
  const json ack = json::parse(r->body);
  const std::string no = ack["message_no"], code = ack["query_code"];
  EXPECT_GE(code.size(), 8u);
  EXPECT_EQ(no.rfind("LY-", 0), 0u);
  // Not public before it is answered.
  EXPECT_EQ(PublicGet("/interaction")->body.find("关于技改补贴发放时间的咨询"), std::string::npos);

  auto zhao = SignIn("zhao");
  auto page = Get(zhao, "/admin/interaction/messages/" + no);
  ASSERT_EQ(page->status, 200);
  // Assigned to a colleague of the agency, not to another agency's staff.
  EXPECT_EQ(Post(zhao, "/admin/interaction/messages/" + no, {{"action", "assign"}, {"assignee", "gxed"}})->status, 303);
  auto other = Post(zhao, "/admin/interaction/messages/" + no, {{"action", "assign"}, {"assignee", "wang"}});
  EXPECT_EQ(other->status, 400);
  EXPECT_NE(other->body.find("assignee"), std::string::npos);
  EXPECT_NE(Get(zhao, "/admin/interaction")->body.find("<td>gxed</td>"), std::string::npos);
  EXPECT_NE(page->body.find("13912345678"), std::string::npos);  // staff see the phone
  auto answered = Post(zhao, "/admin/interaction/messages/" + no,
                       {{"action", "answer"}, {"answer", "本月底前发放。"}, {"publish", "1"}});
  EXPECT_EQ(answered->status, 303);

  const std::string list = PublicGet("/interaction")->body;
  EXPECT_NE(list.find("关于技改补贴发放时间的咨询"), std::string::npos);
  EXPECT_NE(list.find("本月底前发放。"), std::string::npos);
  EXPECT_NE(list.find("张**"), std::string::npos);
  EXPECT_EQ(list.find("张三丰"), std::string::npos);
  EXPECT_EQ(list.find("13912345678"), std::string::npos);
  EXPECT_NE(list.find("139****5678"), std::string::npos);

  // The writer tracks it with the number and code in a form post.
  auto tracked = PublicPost("/interaction/track", {{"message_no", no}, {"query_code", code}});
  EXPECT_EQ(tracked->status, 200);
  EXPECT_NE(tracked->body.find("本月底前发放。"), std::string::npos);
  auto wrong = PublicPost("/interaction/track", {{"message_no", no}, {"query_code", "WRONGCODE1"}});
  EXPECT_EQ(wrong->status, 404);

  // Staff of another agency cannot answer it; a message whose writer said no
  // cannot be published.
  auto wang = SignIn("wang");
  EXPECT_EQ(Post(wang, "/admin/interaction/messages/" + no, {{"action", "unpublish"}})->status,
            403);
  auto priv = Api(Message("不公开的留言", false));
  ASSERT_EQ(priv->status, 201);
  const std::string priv_no = json::parse(priv->body)["message_no"];
  auto refused = Post(zhao, "/admin/interaction/messages/" + priv_no,
                      {{"action", "answer"}, {"answer", "答复"}, {"publish", "1"}});
  EXPECT_EQ(refused->status, 400);
  EXPECT_NE(refused->body.find("publish"), std::string::npos);
}

TEST_F(InteractionTest, FormPostWorksWithoutScript) {
  auto r = PublicPost("/interaction/messages", {{"agency_id", "weihai-gongxin"},
                                                 {"name", "李四"},
                                                 {"phone", "0631-5231696"},
                                                 {"title", "表单留言"},
                                                 {"body", "内容"},
                                                 {"public_ok", "1"}});
  EXPECT_EQ(r->status, 201);
  EXPECT_NE(r->body.find("留言编号"), std::string::npos);
  EXPECT_NE(r->body.find("查询码"), std::string::npos);
}

TEST_F(InteractionTest, BadInputNamesTheFieldAndWritesNothing) {
  const int64_t before = Count("messages");
  const std::vector<std::pair<std::string, json>> bad = {
      {"agency_id", json("nowhere")}, {"name", json("")},  {"phone", json("abc")},
      {"title", json("")},            {"body", json("")},  {"public_ok", json("yes")},
  };
  for (const auto& [field, value] : bad) {
    json m = Message("标题");
    m[field] = value;
    auto r = Api(m);
    ASSERT_EQ(r->status, 400) << field;
    EXPECT_EQ(json::parse(r->body)["error"]["field"], field);
    // The same through the form, except public_ok (a checkbox).
    if (field == "public_ok") continue;
    std::vector<std::pair<std::string, std::string>> f = {{"agency_id", "weihai-gongxin"},
                                                          {"name", "李四"},
                                                          {"phone", "13800138000"},
                                                          {"title", "t"},
                                                          {"body", "b"}};
    for (auto& [k, v] : f) {
      if (k == field) v = value.get<std::string>();
    }
    auto p = PublicPost("/interaction/messages", f);
    EXPECT_EQ(p->status, 400) << field;
    EXPECT_NE(p->body.find("id=\"err-" + field + "\""), std::string::npos) << field;
  }
  EXPECT_EQ(Api(json::array())->status, 400);
  EXPECT_EQ(Count("messages"), before);

  // Staff forms.
  auto ed = SignIn("gxed");
  const int64_t consultations = Count("consultations");
  auto c = Post(ed, "/admin/interaction/consultations",
                {{"title", "草案"}, {"body", "全文"}, {"opens_on", "2026-13-01"}, {"closes_on", "2026-12-31"}});
  EXPECT_EQ(c->status, 400);
  EXPECT_NE(c->body.find("opens_on"), std::string::npos);
  c = Post(ed, "/admin/interaction/consultations",
           {{"title", ""}, {"body", "全文"}, {"opens_on", "2026-01-01"}, {"closes_on", "2026-12-31"}});
  EXPECT_EQ(c->status, 400);
  EXPECT_NE(c->body.find("title"), std::string::npos);
  EXPECT_EQ(Count("consultations"), consultations);

  const int64_t events = Count("interaction_events");
  auto e = Post(ed, "/admin/interaction/events",
                {{"kind", "party"}, {"title", "访谈"}, {"held_on", "2026-01-05"}});
  EXPECT_EQ(e->status, 400);
  EXPECT_NE(e->body.find("kind"), std::string::npos);
  e = Post(ed, "/admin/interaction/events",
           {{"kind", "interview"}, {"title", "访谈"}, {"held_on", "2026-01-05"}, {"record_ids", "999999"}});
  EXPECT_EQ(e->status, 400);
  EXPECT_NE(e->body.find("record_ids"), std::string::npos);
  EXPECT_EQ(Count("interaction_events"), events);

  const int64_t trainings = Count("trainings");
  auto t = Post(ed, "/admin/interaction/trainings",
                {{"title", "培训"}, {"held_on", "2026-03-01"}, {"attendees", "-3"}});
  EXPECT_EQ(t->status, 400);
  EXPECT_NE(t->body.find("attendees"), std::string::npos);
  EXPECT_EQ(Count("trainings"), trainings);

  const int64_t figures = Count("media_figures");
  auto f = Post(ed, "/admin/interaction/media/figures",
                {{"account_id", "1"}, {"month", "2026-3"}, {"posts", "1"}, {"followers", "1"}});
  EXPECT_EQ(f->status, 400);
  auto a = Post(ed, "/admin/interaction/media/accounts", {{"platform", "飞鸽"}, {"name", "x"}});
  EXPECT_EQ(a->status, 400);
  EXPECT_NE(a->body.find("platform"), std::string::npos);
  // An import with one bad line imports nothing.
  httplib::Client cl("127.0.0.1", port_);
  httplib::MultipartFormDataItems items = {
      {"csrf", ed.csrf, "", ""},
      {"file", "账号,月份,发布数,关注数\n威海工信微博,2026-01,10,5\n威海工信微博,2026-02,x,5\n",
       "m.csv", "text/csv"}};
  auto imp = cl.Post("/admin/interaction/media/import", {{"Cookie", ed.cookie}}, items);
  EXPECT_EQ(imp->status, 400);
  EXPECT_NE(imp->body.find("第 3 行"), std::string::npos);
  EXPECT_EQ(Count("media_figures"), figures);
  items[1].content = "账号,月份,发布数,关注数\n威海工信微博,2026-01,10,5\n";
  imp = cl.Post("/admin/interaction/media/import", {{"Cookie", ed.cookie}}, items);
  EXPECT_EQ(imp->status, 303);
  EXPECT_EQ(Count("media_figures"), figures + 1);
}

TEST_F(InteractionTest, ConsultationFromOpeningToPublishedFeedback) {
  auto ed = SignIn("gxed");
  const std::string today = json::parse(Api(Message("取今天的日期"))->body)["received_on"];
  auto opened = Post(ed, "/admin/interaction/consultations",
                     {{"title", "关于产业扶持办法的征求意见稿"},
                      {"body", "第一条 为了……"},
                      {"opens_on", today},
                      {"closes_on", "2099-12-31"}});
  ASSERT_EQ(opened->status, 303);
  const std::string admin_url = opened->get_header_value("Location");
  const std::string id = admin_url.substr(admin_url.rfind('/') + 1);
  const std::string url = "/interaction/consultations/" + id;
  EXPECT_NE(PublicGet("/interaction/consultations")->body.find("关于产业扶持办法的征求意见稿"),
            std::string::npos);
  EXPECT_NE(PublicGet(url)->body.find("提交意见"), std::string::npos);

  const int64_t comments = Count("interaction_comments");
  auto empty = PublicPost(url + "/comments", {{"name", "王五"}, {"body", " "}});
  EXPECT_EQ(empty->status, 400);
  EXPECT_NE(empty->body.find("id=\"err-body\""), std::string::npos);
  EXPECT_EQ(Count("interaction_comments"), comments);
  auto sent = PublicPost(url + "/comments", {{"name", "王五"}, {"body", "建议增加对小微企业的支持。"}});
  EXPECT_EQ(sent->status, 201);
  // Moderated: not shown until approved.
  EXPECT_EQ(PublicGet(url)->body.find("建议增加对小微企业的支持。"), std::string::npos);
  auto page = Get(ed, admin_url);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page->body, m,
                                std::regex("action=\"/admin/interaction/comments/([0-9]+)\"")));
  EXPECT_EQ(Post(ed, "/admin/interaction/comments/" + std::string(m[1]),
                 {{"kind", "consultation"}, {"decision", "approve"}})
                ->status,
            303);
  const std::string shown = PublicGet(url)->body;
  EXPECT_NE(shown.find("建议增加对小微企业的支持。"), std::string::npos);
  EXPECT_EQ(shown.find("王五"), std::string::npos);
  EXPECT_NE(shown.find("王*"), std::string::npos);

  // Feedback only after the end; then comments are refused.
  auto early = Post(ed, admin_url, {{"action", "feedback"}, {"feedback", "采纳"}});
  EXPECT_EQ(early->status, 409);
  EXPECT_EQ(Post(ed, admin_url, {{"action", "close"}})->status, 303);
  EXPECT_EQ(PublicPost(url + "/comments", {{"body", "晚了"}})->status, 409);
  // The record the draft became: a published record of the agency.
  auto records = json::parse(PublicGet("/api/v1/records?agency=weihai-gongxin")->body);
  ASSERT_GT(records["total"].get<int>(), 0);
  const std::string record_id = std::to_string(records["items"][0]["id"].get<int64_t>());
  const std::string record_title = records["items"][0]["title"];
  auto bad = Post(ed, admin_url, {{"action", "feedback"}, {"feedback", "采纳"}, {"record_id", "abc"}});
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("record_id"), std::string::npos);
  auto fb = Post(ed, admin_url,
                 {{"action", "feedback"},
                  {"feedback", "共收到意见1条，采纳1条：增加了对小微企业的支持条款。"},
                  {"record_id", record_id}});
  EXPECT_EQ(fb->status, 303);
  const std::string done = PublicGet(url)->body;
  EXPECT_NE(done.find("共收到意见1条，采纳1条"), std::string::npos);
  EXPECT_NE(done.find("href=\"/records/" + record_id + "\""), std::string::npos);
  EXPECT_NE(PublicGet("/interaction/consultations")->body.find("已公布反馈"), std::string::npos);
  // The record links back to the consultation it came from.
  EXPECT_NE(PublicGet("/records/" + record_id)->body.find("href=\"" + url + "\""), std::string::npos);
}

TEST_F(InteractionTest, EventQuestionsAreModeratedAndAnswered) {
  auto ed = SignIn("gxed");
  auto records = json::parse(PublicGet("/api/v1/records?agency=weihai-gongxin")->body);
  const std::string record_id = std::to_string(records["items"][0]["id"].get<int64_t>());
  auto made = Post(ed, "/admin/interaction/events",
                   {{"kind", "interview"},
                    {"title", "解读产业扶持政策在线访谈"},
                    {"held_on", "2026-06-01"},
                    {"guests", "局长"},
                    {"record_ids", record_id},
                    {"questions_open", "1"}});
  ASSERT_EQ(made->status, 303);
  const std::string admin_url = made->get_header_value("Location");
  const std::string url = "/interaction/events/" + admin_url.substr(admin_url.rfind('/') + 1);
  EXPECT_NE(PublicGet(url)->body.find("href=\"/records/" + record_id + "\""), std::string::npos);
  EXPECT_EQ(PublicPost(url + "/questions", {{"body", ""}})->status, 400);
  EXPECT_EQ(PublicPost(url + "/questions", {{"body", "补贴如何申请？"}})->status, 201);
  std::smatch m;
  auto page = Get(ed, admin_url);
  ASSERT_TRUE(std::regex_search(page->body, m,
                                std::regex("action=\"/admin/interaction/comments/([0-9]+)\"")));
  EXPECT_EQ(Post(ed, "/admin/interaction/comments/" + std::string(m[1]),
                 {{"kind", "event"}, {"decision", "approve"}, {"answer", "在政务服务网申请。"}})
                ->status,
            303);
  const std::string shown = PublicGet(url)->body;
  EXPECT_NE(shown.find("补贴如何申请？"), std::string::npos);
  EXPECT_NE(shown.find("在政务服务网申请。"), std::string::npos);
  // The record explained links back to the interview.
  EXPECT_NE(PublicGet("/records/" + record_id)->body.find("href=\"" + url + "\""), std::string::npos);
}

TEST_F(InteractionTest, RateLimitPerAddress) {
  const int64_t before = Count("messages");
  for (int i = 0; i < 5; ++i) ASSERT_EQ(Api(Message("留言" + std::to_string(i)))->status, 201);
  auto over = Api(Message("第六条"));
  EXPECT_EQ(over->status, 429);
  EXPECT_TRUE(json::parse(over->body)["error"].contains("message"));
  EXPECT_EQ(PublicPost("/interaction/messages", {{"agency_id", "weihai-gongxin"},
                                                 {"name", "李四"},
                                                 {"phone", "13800138000"},
                                                 {"title", "t"},
                                                 {"body", "b"}})
                ->status,
            429);
  EXPECT_EQ(Count("messages"), before + 5);
}

TEST_F(InteractionTest, SensitiveWordsHoldTheMessageForReview) {
  json m = Message("办理业务");
  m["body"] = "专业代开发票，加微信";
  auto r = Api(m);
  ASSERT_EQ(r->status, 201);
  const std::string no = json::parse(r->body)["message_no"];
  auto zhao = SignIn("zhao");
  EXPECT_NE(Get(zhao, "/admin/interaction?status=held")->body.find(no), std::string::npos);
  auto answer = Post(zhao, "/admin/interaction/messages/" + no, {{"action", "answer"}, {"answer", "x"}});
  EXPECT_EQ(answer->status, 409);
  EXPECT_EQ(Post(zhao, "/admin/interaction/messages/" + no, {{"action", "dismiss"}})->status, 303);
  EXPECT_EQ(PublicGet("/interaction")->body.find("代开发票"), std::string::npos);
}

TEST_F(InteractionTest, RolesAndScope) {
  auto zhao = SignIn("zhao");
  auto wang = SignIn("wang");
  auto sup = SignIn("sup");
  // A handler answers messages but does not run consultations.
  EXPECT_EQ(Post(zhao, "/admin/interaction/consultations",
                 {{"title", "t"}, {"body", "b"}, {"opens_on", "2026-01-01"}, {"closes_on", "2026-02-01"}})
                ->status,
            403);
  // Without the CSRF token: 403.
  httplib::Client c("127.0.0.1", port_);
  EXPECT_EQ(c.Post("/admin/interaction/trainings", {{"Cookie", zhao.cookie}}, "title=t",
                   "application/x-www-form-urlencoded")
                ->status,
            403);
  // The supervisor reads with names masked and changes nothing.
  const std::string list = Get(sup, "/admin/interaction?agency=weihai-gongxin")->body;
  EXPECT_NE(list.find("王**"), std::string::npos);
  EXPECT_EQ(list.find("王先生"), std::string::npos);
  EXPECT_EQ(Post(sup, "/admin/interaction/trainings",
                 {{"title", "t"}, {"held_on", "2026-01-01"}, {"attendees", "1"}})
                ->status,
            403);
  // The answer period: the agency head sets it; the next message is due later.
  AddUser("gxboss", "agency_admin", "weihai-gongxin");
  auto boss = SignIn("gxboss");
  const std::string due5 = json::parse(Api(Message("五个工作日"))->body)["due_on"];
  EXPECT_EQ(Post(zhao, "/admin/interaction/settings", {{"answer_days", "10"}})->status, 403);
  EXPECT_EQ(Post(boss, "/admin/interaction/settings", {{"answer_days", "0"}})->status, 400);
  EXPECT_EQ(Post(boss, "/admin/interaction/settings", {{"answer_days", "10"}})->status, 303);
  EXPECT_NE(Get(boss, "/admin/interaction")->body.find("10 个工作日"), std::string::npos);
  const std::string due10 = json::parse(Api(Message("十个工作日"))->body)["due_on"];
  EXPECT_GT(due10, due5);
  // Statistics: the agency's staff and the supervisor; not another agency.
  EXPECT_EQ(Get(wang, "/admin/statistics/weihai-gongxin/2022")->status, 403);
  EXPECT_EQ(Get(zhao, "/admin/statistics/weihai-nowhere/2022")->status, 404);
  EXPECT_EQ(Get(sup, "/admin/statistics/weihai-gongxin/2022")->status, 200);
  // Every staff write is in the audit log.
  EXPECT_GE(std::stoll(QueryValue(
                db_, "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'POST /admin/interaction%'")),
            3);
}

TEST_F(InteractionTest, DemoFiguresFeedStatisticsAndSectionOne) {
  auto zhao = SignIn("zhao");
  auto page = Get(zhao, "/admin/statistics/weihai-gongxin/2022");
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("收到网民留言15条，办结15条，公开答复8条"), std::string::npos);
  auto drill = Get(zhao, "/admin/statistics/weihai-gongxin/2022?figure=messages.public");
  const std::string d = drill->body.substr(drill->body.find("id=\"drill\""));
  size_t items = 0;
  for (size_t p = d.find("<li>"); p != std::string::npos; p = d.find("<li>", p + 1)) ++items;
  EXPECT_EQ(items, 8u);
  // The published reports state the figures in section 一.
  auto gx = gk::testing::Run({kBin, "report", "--agency", "weihai-gongxin", "--year", "2022", "--db", db_,
                 "--format", "html"});
  ASSERT_EQ(gx.exit_code, 0);
  EXPECT_NE(gx.out.find("收到网民留言15条，办结15条，公开答复8条"), std::string::npos);
  EXPECT_NE(gx.out.find("开展意见征集4次，收到意见0条，公开征集结果4次"), std::string::npos);
  EXPECT_NE(gx.out.find("开展在线访谈2期"), std::string::npos);
  auto lg = gk::testing::Run({kBin, "report", "--agency", "weihai-lingang", "--year", "2021", "--db", db_,
                 "--format", "html"});
  EXPECT_NE(lg.out.find("网站信息4325条、微信信息3330条、微博信息1352条、抖音信息175条"),
            std::string::npos);
  EXPECT_NE(lg.out.find("开展在线访谈8期"), std::string::npos);
}

}  // namespace
}  // namespace gk::testing
