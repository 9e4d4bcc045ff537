#include "web/page.h"

#include <nlohmann/json.hpp>

#include "web/html.h"

namespace gk::web {
namespace {

using nlohmann::json;

constexpr std::string_view kStyle = R"(
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#1a1a1a;background:#fff;line-height:1.7}
header,main,footer{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}
header{border-bottom:3px solid #a4161a}
h1{font-size:1.6rem;margin:.3rem 0}h2{font-size:1.25rem;margin-top:2rem}
a{color:#0b4f8a}a:focus,input:focus,button:focus{outline:3px solid #f1a208;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
table{border-collapse:collapse}th,td{border:1px solid #767676;padding:.3rem .6rem;text-align:left}
label{display:block;margin-top:.6rem}input{font-size:1rem;padding:.3rem}
button{font-size:1rem;padding:.4rem 1rem;margin-top:.8rem;background:#a4161a;color:#fff;border:0}
.err{color:#a4161a;font-weight:bold}
fieldset{border:1px solid #767676;margin-top:1rem}legend{font-weight:bold}
textarea{font-size:1rem;width:100%;max-width:40rem}select{font-size:1rem;padding:.3rem}
.hint{color:#4a4a4a;font-size:.9rem}.ack{border:2px solid #1b5e20;padding:1rem}
.code{font-family:monospace;font-size:1.4rem;letter-spacing:.1rem}pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem}
body.large{font-size:1.3rem;line-height:1.9}body.large h1{font-size:2.2rem}body.large h2{font-size:1.7rem}
body.large input,body.large button,body.large select{font-size:1.3rem}
mark{background:#ffe066;color:#1a1a1a}.meta{color:#4a4a4a}nav.pages a,nav.pages span{margin-right:1rem}
.toolbar{float:right}
)";

}  // namespace

void JsonError(httplib::Response& res, int status, std::string_view code, std::string_view msg) {
  json body = {{"error", {{"code", code}, {"message", msg}}}};
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

std::string Page(std::string_view title, std::string_view body) {
  return Page(title, body, PageOptions{});
}

std::string Page(std::string_view title, std::string_view body, const PageOptions& options) {
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  out += "<title>" + EscapeHtml(title) + " - 公开 Gongkai</title><style>";
  out += kStyle;
  out += "</style></head>";
  out += options.large_text ? "<body class=\"large\">" : "<body>";
  out += "<a class=\"skip\" href=\"#main\">跳到主要内容</a><header>";
  if (!options.large_text_toggle.empty()) {
    out += "<p class=\"toolbar\"><a href=\"" + EscapeHtml(options.large_text_toggle) + "\">" +
           (options.large_text ? "标准字号" : "大字模式") + "</a></p>";
  }
  out += "<p>公开 Gongkai · 政府信息公开工作平台</p></header>";
  out += "<main id=\"main\">";
  out += body;
  out +=
      "</main><footer><p><a href=\"/\">首页</a> · <a href=\"/search\">信息检索</a> · "
      "<a href=\"/apply\">申请公开</a> · <a "
      "href=\"/track\">查询申请</a> · <a href=\"/interaction\">政民互动</a> · "
      "<a href=\"/deadline\">答复期限计算</a> · "
      "<a href=\"/healthz\">运行状态</a></p></footer></body></html>\n";
  return out;
}

void JsonBody(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json; charset=utf-8");
}

}  // namespace gk::web
