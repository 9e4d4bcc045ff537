#include "web/server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/calendar_service.h"
#include "app/clock.h"
#include "app/demo.h"
#include "law/deadline.h"
#include "store/store.h"
#include "web/catalog_routes.h"
#include "web/html.h"
#include "web/interaction_admin.h"
#include "web/interaction_routes.h"
#include "web/mailer.h"
#include "web/page.h"
#include "web/public_applications.h"
#include "web/request_log.h"
#include "app/case_files.h"
#include "web/account_routes.h"
#include "web/report_routes.h"
#include "web/staff_routes.h"
#include "web/state.h"

namespace gk::web {
namespace {

using nlohmann::json;

struct DeadlineQuery {
  law::DeadlineInput input;
  std::string error;  // Chinese message for the user
  std::string error_field;
};

DeadlineQuery ParseDeadlineQuery(const httplib::Request& req) {
  DeadlineQuery q;
  auto fail = [&](std::string field, std::string msg) {
    q.error_field = std::move(field);
    q.error = std::move(msg);
    return q;
  };
  const std::string received = req.get_param_value("received");
  if (received.empty())
    return fail("received", "请填写收到申请的日期（格式：年-月-日，如 2024-03-01）");
  auto r = Date::Parse(received);
  if (!r.ok()) return fail("received", "收到申请的日期格式不正确，应为 年-月-日，如 2024-03-01");
  q.input.received = *r;
  const std::string corrected = req.get_param_value("corrected");
  if (!corrected.empty()) {
    auto c = Date::Parse(corrected);
    if (!c.ok()) return fail("corrected", "收到补正申请的日期格式不正确，应为 年-月-日");
    q.input.corrected = *c;
  }
  const size_t n = req.get_param_value_count("pause");
  if (n > 20) return fail("pause", "暂停计算的期间最多填写20段");
  for (size_t i = 0; i < n; ++i) {
    std::string p = req.get_param_value("pause", i);
    if (p.empty()) continue;
    size_t colon = p.find(':');
    auto from = Date::Parse(p.substr(0, colon));
    auto to = colon == std::string::npos ? Result<Date>(Status::Invalid(""))
                                         : Date::Parse(p.substr(colon + 1));
    if (!from.ok() || !to.ok())
      return fail("pause", "暂停期间格式不正确，应为 开始日期:结束日期，如 2024-03-05:2024-03-20");
    q.input.pauses.emplace_back(*from, *to);
  }
  return q;
}

std::string ChineseDeadlineError(const Status& s) {
  if (s.code() == StatusCode::kOutOfRange) return "日期超出工作日历覆盖的年度：" + s.message();
  return "输入有误：" + s.message();
}

void HandleDeadlineApi(ServerState& st, const httplib::Request& req, httplib::Response& res) {
  DeadlineQuery q = ParseDeadlineQuery(req);
  if (!q.error.empty()) return JsonError(res, 400, "invalid_" + q.error_field, q.error);
  Result<law::Deadlines> d = [&] {
    auto db = st.Db();
    return law::ComputeDeadlines(q.input, st.calendar);
  }();
  if (!d.ok()) return JsonError(res, 400, "invalid_date", ChineseDeadlineError(d.status()));
  res.set_content(law::DeadlinesToJson(*d), "application/json; charset=utf-8");
}

void HandleDeadlinePage(ServerState& st, const httplib::Request& req, httplib::Response& res) {
  std::string b = "<h1>依申请公开答复期限计算</h1>";
  b += "<p>工作日按国务院办公厅公布的节假日安排计算（周末、法定节假日不计，调休上班日计入）；"
       "收到申请当日不计入，自次日起算。</p>";
  std::string result;
  std::string received = req.get_param_value("received");
  std::string corrected = req.get_param_value("corrected");
  std::string pause = req.get_param_value("pause");
  if (req.has_param("received")) {
    DeadlineQuery q = ParseDeadlineQuery(req);
    if (!q.error.empty()) {
      res.status = 400;
      result = "<p class=\"err\" role=\"alert\">" + EscapeHtml(q.error) + "</p>";
    } else {
      Result<law::Deadlines> d = [&] {
        auto db = st.Db();
        return law::ComputeDeadlines(q.input, st.calendar);
      }();
      if (!d.ok()) {
        res.status = 400;
        result = "<p class=\"err\" role=\"alert\">" + EscapeHtml(ChineseDeadlineError(d.status())) +
                 "</p>";
      } else {
        result = "<h2>计算结果</h2><pre>" + EscapeHtml(law::ExplainDeadlines(*d)) + "</pre>";
      }
    }
  }
  b += "<form method=\"get\" action=\"/deadline\">";
  b += "<label for=\"received\">收到申请日期（必填）</label><input id=\"received\" "
       "name=\"received\" "
       "type=\"date\" required value=\"" +
       EscapeHtml(received) + "\">";
  b += "<label for=\"corrected\">收到补正后申请的日期（如有）</label><input id=\"corrected\" "
       "name=\"corrected\" type=\"date\" value=\"" +
       EscapeHtml(corrected) + "\">";
  b += "<label for=\"pause\">征求第三方意见等不计算在内的期间（如有，格式 "
       "开始日期:结束日期）</label>"
       "<input id=\"pause\" name=\"pause\" type=\"text\" size=\"24\" value=\"" +
       EscapeHtml(pause) + "\">";
  b += "<button type=\"submit\">计算</button></form>";
  b += result;
  res.set_content(Page("答复期限计算", b), "text/html; charset=utf-8");
}

// Blocks SIGINT/SIGTERM in every thread and stops the server from a dedicated
// thread, so no work runs inside a signal handler.
class SignalStopper {
 public:
  explicit SignalStopper(httplib::Server& svr) {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set_, nullptr);
    thread_ = std::thread([this, &svr] {
      int sig = 0;
      sigwait(&set_, &sig);
      if (!quitting_)
        std::fprintf(stderr, "gongkai: received %s, stopping\n",
                     sig == SIGINT ? "SIGINT" : "SIGTERM");
      svr.stop();
    });
  }
  ~SignalStopper() {
    quitting_ = true;
    pthread_kill(thread_.native_handle(), SIGTERM);
    thread_.join();
  }

 private:
  sigset_t set_;
  std::atomic<bool> quitting_{false};
  std::thread thread_;
};

}  // namespace

Status RunServer(const ServerOptions& options) {
  ServerState st;
  st.db_url = options.db_url;
  std::unique_ptr<store::Store> db;
  {
    auto s = store::OpenStore(options.db_url, store::OpenMode::kCreateIfMissing);
    if (!s.ok()) return s.status();
    db = std::move(s).value();
  }
  {
    auto cal = app::LoadCalendar(*db);
    if (!cal.ok()) return cal.status();
    st.calendar = std::move(cal).value();
  }
  // Case rows written by an older version get their report facts now.
  if (auto r = app::RefreshCaseFacts(*db, st.calendar); !r.ok()) return r.status();
  if (options.demo) {
    // Idempotent: what is already there is left alone. Servers started
    // together load it one after the other, so only the first adds it.
    Status loaded = db->RunExclusively("demo", [&] {
      return app::LoadDemo(*db, st.calendar, app::NowUtcIso()).status();
    });
    if (!loaded.ok()) return loaded;
  }
  // One connection per request thread, and one for the mailer.
  constexpr size_t kThreads = 16;
  st.pool = std::make_unique<StorePool>(options.db_url, std::move(db), kThreads + 1);

  httplib::Server svr;
  svr.set_tcp_nodelay(true);
  svr.set_keep_alive_max_count(1000);
  svr.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  svr.set_payload_max_length(32 * 1024 * 1024);  // five 5 MiB uploads and the form
  svr.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    std::string target = req.target.empty() ? req.path : req.target;
    std::fprintf(stderr, "%s %s %s %d %zu\n", req.remote_addr.c_str(), req.method.c_str(),
                 RedactQuery(target).c_str(), res.status, res.body.size());
  });
  svr.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        JsonError(res, 500, "internal", "服务器内部错误，请稍后重试");
      });

  svr.Get("/healthz", [&st](const httplib::Request&, httplib::Response& res) {
    if (!st.ready) {
      res.status = 503;
      res.set_content("starting\n", "text/plain");
      return;
    }
    res.set_content("ok\n", "text/plain");
  });
  // Readiness: the database answers a query (load balancers send traffic
  // only to ready servers; /healthz says the process runs).
  svr.Get("/readyz", [&st](const httplib::Request&, httplib::Response& res) {
    std::string why = "starting";
    if (st.ready) {
      try {
        auto db = st.Db();
        auto v = db->SchemaVersion();
        if (v.ok()) {
          res.set_content("ready\n", "text/plain");
          return;
        }
        why = "database unavailable: " + v.status().message();
      } catch (const std::exception& e) {
        why = std::string("database unavailable: ") + e.what();
      }
    }
    res.status = 503;
    res.set_content(why + "\n", "text/plain");
  });
  svr.Get("/deadline", [&st](const httplib::Request& req, httplib::Response& res) {
    HandleDeadlinePage(st, req, res);
  });
  svr.Get("/api/v1/deadline", [&st](const httplib::Request& req, httplib::Response& res) {
    HandleDeadlineApi(st, req, res);
  });
  RegisterCatalogRoutes(svr, st);  // the portal home `/` and the catalog; before staff routes
  RegisterPublicApplicationRoutes(svr, st);
  RegisterInteractionRoutes(svr, st);
  // Before the staff routes: their catch-all POST /admin/… answers 404.
  RegisterReportRoutes(svr, st);
  RegisterAccountRoutes(svr, st);
  RegisterInteractionAdminRoutes(svr, st);
  RegisterStaffRoutes(svr, st);
  // Security headers on every response (inline styles only; no scripts).
  svr.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
                   "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("X-Frame-Options", "DENY");
  });
  svr.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (req.path.rfind("/api/", 0) == 0) {
      JsonError(res, res.status, res.status == 404 ? "not_found" : "error",
                res.status == 404 ? "没有这个接口" : "请求无法处理");
      return;
    }
    const bool nf = res.status == 404;
    res.set_content(
        Page(nf ? "页面不存在" : "请求无法处理",
             nf ? "<h1>页面不存在</h1><p>您访问的页面不存在。<a href=\"/\">返回首页</a></p>"
                : "<h1>请求无法处理</h1><p><a href=\"/\">返回首页</a></p>"),
        "text/html; charset=utf-8");
  });

  if (!svr.bind_to_port(options.host, options.port)) {
    return Status::Invalid("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                           " (address in use or not available)");
  }
  SignalStopper stopper(svr);
  // Started after the stopper so the mailer thread, too, has SIGINT/SIGTERM
  // blocked (a signal must reach the stopper, not kill the process).
  std::unique_ptr<Mailer> mailer;
  if (!options.smtp_url.empty()) {
    st.mail_enabled = true;
    mailer = std::make_unique<Mailer>(st, MailerOptions{options.smtp_url, options.mail_from});
  }
  st.ready = true;
  std::fprintf(stderr, "gongkai: serving on http://%s:%d (database %s)\n", options.host.c_str(),
               options.port, options.db_url.c_str());
  if (!svr.listen_after_bind()) return Status::Internal("server stopped unexpectedly");
  std::fprintf(stderr, "gongkai: stopped\n");
  return Status::Ok();
}

}  // namespace gk::web
