#include "web/catalog_routes.h"

#include <nlohmann/json.hpp>

#include "catalog/record.h"
#include "catalog/search.h"
#include "interaction/messages.h"
#include "store/store.h"
#include "web/catalog_admin.h"
#include "web/html.h"
#include "web/page.h"
#include "web/record_parts_routes.h"

namespace gk::web {
namespace {

using catalog::Record;
using nlohmann::json;
using nlohmann::ordered_json;

constexpr int kDefaultPerPage = 20;
constexpr int kMaxPerPage = 100;
constexpr int kMaxPage = 10000;
constexpr const char* kLargeCookie = "gk_large";

// ---- page furniture ----------------------------------------------------------------

std::string UrlEncode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// The request's path with its query parameters, `key` replaced by `value`
// ("" removes it).
std::string WithParam(const httplib::Request& req, std::string_view key, const std::string& value) {
  std::string q;
  for (const auto& [k, v] : req.params) {
    if (k == key || v.empty()) continue;
    q += q.empty() ? '?' : '&';
    q += UrlEncode(k);
    q += '=';
    q += UrlEncode(v);
  }
  if (!value.empty()) {
    q += q.empty() ? '?' : '&';
    q += key;
    q += '=';
    q += UrlEncode(value);
  }
  return req.path + q;
}

// 适老化: `?large=1` turns the large-text mode on (a cookie keeps it),
// `?large=0` off.
PageOptions View(const httplib::Request& req, httplib::Response& res) {
  bool large = false;
  const std::string cookie = req.get_header_value("Cookie");
  if (cookie.find(std::string(kLargeCookie) + "=1") != std::string::npos) large = true;
  if (req.has_param("large")) {
    large = req.get_param_value("large") == "1";
    res.set_header("Set-Cookie",
                   std::string(kLargeCookie) + "=" + (large ? "1" : "0") +
                       "; Path=/; SameSite=Lax; Max-Age=" + (large ? "31536000" : "0"));
  }
  PageOptions o;
  o.large_text = large;
  o.large_text_toggle = WithParam(req, "large", large ? "0" : "1");
  return o;
}

void Html(httplib::Response& res, const std::string& page) {
  res.set_content(page, "text/html; charset=utf-8");
}

void NotFoundPage(const httplib::Request& req, httplib::Response& res, std::string_view what) {
  res.status = 404;
  Html(res, Page("未找到",
                 "<h1>未找到</h1><p>" + EscapeHtml(what) + "</p><p><a href=\"/\">返回首页</a></p>",
                 View(req, res)));
}

// Escapes a snippet and turns the store's match markers into <mark>.
std::string Highlight(std::string_view snippet) {
  std::string out;
  for (char c : EscapeHtml(snippet)) {
    if (c == store::kHitBegin)
      out += "<mark>";
    else if (c == store::kHitEnd)
      out += "</mark>";
    else
      out += c;
  }
  return out;
}

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

// First `n` characters of the body, on one line (公开目录 内容概述).
std::string Summary(std::string_view body, size_t n) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < body.size() && chars < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(body[i]);
    if ((c & 0xC0) != 0x80) ++chars;
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : body[i];
  }
  // Finish a multi-byte character cut at the limit.
  for (size_t i = out.size();
       i < body.size() && (static_cast<unsigned char>(body[i]) & 0xC0) == 0x80; ++i)
    out += body[i];
  if (out.size() < body.size()) out += "…";
  return out;
}

std::string BaseUrl(const httplib::Request& req) {
  std::string host = req.get_header_value("Host");
  if (host.empty() || host.find_first_of("<>\"' ") != std::string::npos) host = "localhost";
  return "http://" + host;
}

// ---- query parameters ----------------------------------------------------------------

struct ListParams {
  store::RecordQuery query;
  std::string q;
  int page = 1;
  int per_page = kDefaultPerPage;
  std::optional<store::AgencyRow> agency;
  std::string field;  // the bad parameter, "" when all are good
  std::string error;  // Chinese
};

std::optional<int> ParseInt(const std::string& s, int lo, int hi) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v < lo || v > hi) return std::nullopt;
  return v;
}

ListParams ParseList(ServerState& st, const httplib::Request& req) {
  ListParams p;
  auto fail = [&](std::string field, std::string msg) {
    p.field = std::move(field);
    p.error = std::move(msg);
    return p;
  };
  p.q = req.get_param_value("q");
  auto built = catalog::BuildQuery(p.q);
  if (!built.ok()) return fail("q", "q（检索词）：" + built.status().message());
  p.query.fts = built->fts;
  p.query.order =
      p.query.fts.empty() ? store::RecordOrder::kNewest : store::RecordOrder::kRelevance;
  if (req.get_param_value_count("q") > 1) return fail("q", "q（检索词）：只能填写一次");
  const std::string agency = req.get_param_value("agency");
  if (!agency.empty()) {
    Result<std::optional<store::AgencyRow>> a = [&] {
      auto db = st.Db();
      return db->GetAgency(agency);
    }();
    if (!a.ok()) return fail("agency", "暂时无法读取机构，请稍后重试");
    if (!a->has_value()) return fail("agency", "agency（机构）：没有标识为“" + agency + "”的机构");
    p.agency = **a;
    p.query.agency_id = agency;
  }
  if (req.has_param("page")) {
    auto v = ParseInt(req.get_param_value("page"), 1, kMaxPage);
    if (!v) return fail("page", "page（页码）：应为 1 至 10000 的整数");
    p.page = *v;
  }
  if (req.has_param("per_page")) {
    auto v = ParseInt(req.get_param_value("per_page"), 1, kMaxPerPage);
    if (!v) return fail("per_page", "per_page（每页条数）：应为 1 至 100 的整数");
    p.per_page = *v;
  }
  const std::string year = req.get_param_value("year");
  if (!year.empty()) {
    auto v = ParseInt(year, 1900, 2100);
    if (!v) return fail("year", "year（年份）：应为四位年份，如 2024");
    p.query.year = *v;
  }
  const std::string validity = req.get_param_value("validity");
  if (!validity.empty()) {
    auto v = catalog::ParseValidity(validity);
    if (!v) return fail("validity", "validity（有效性）：应为 有效、失效 或 废止");
    p.query.validity = *v;
  }
  const std::string sort = req.get_param_value("sort");
  if (sort == "date") {
    p.query.order = store::RecordOrder::kNewest;
  } else if (!sort.empty() && sort != "relevance") {
    return fail("sort", "sort（排序）：应为 relevance（相关度）或 date（发布日期）");
  }
  const std::string category = req.get_param_value("category");
  if (!category.empty()) {
    if (catalog::CharCount(category) > catalog::kMaxCategory)
      return fail("category", "category（目录分类）：不能超过 50 个字符");
    p.query.category = category;
  }
  p.query.limit = p.per_page;
  p.query.offset = (p.page - 1) * p.per_page;
  return p;
}

Result<store::RecordPage> Search(ServerState& st, const store::RecordQuery& q) {
  auto db = st.Db();
  return db->records().SearchRecords(q);
}

std::vector<store::AgencyRow> Agencies(ServerState& st) {
  auto db = st.Db();
  auto r = db->ListAgencies();
  return r.ok() ? std::move(r).value() : std::vector<store::AgencyRow>{};
}

std::string AgencyName(const std::vector<store::AgencyRow>& all, std::string_view id) {
  for (const auto& a : all)
    if (a.id == id) return a.name;
  return std::string(id);
}

std::string Pager(const httplib::Request& req, int page, int per_page, int64_t total) {
  const int64_t pages = std::max<int64_t>(1, (total + per_page - 1) / per_page);
  if (pages <= 1) return "";
  std::string b = "<nav class=\"pages\" aria-label=\"分页\">";
  if (page > 1)
    b += "<a href=\"" + EscapeHtml(WithParam(req, "page", std::to_string(page - 1))) +
         "\" rel=\"prev\">上一页</a>";
  b += "<span>第 " + std::to_string(page) + " 页，共 " + std::to_string(pages) + " 页</span>";
  if (page < pages)
    b += "<a href=\"" + EscapeHtml(WithParam(req, "page", std::to_string(page + 1))) +
         "\" rel=\"next\">下一页</a>";
  return b + "</nav>";
}

std::string SearchForm(const std::string& q, const std::string& agency_id) {
  std::string b = "<form method=\"get\" action=\"/search\" role=\"search\">";
  b += "<label for=\"q\">检索政府信息（多个词用空格分隔）</label>";
  b += "<input id=\"q\" name=\"q\" type=\"search\" size=\"40\" maxlength=\"100\" value=\"" +
       EscapeHtml(q) + "\">";
  if (!agency_id.empty())
    b += "<input type=\"hidden\" name=\"agency\" value=\"" + EscapeHtml(agency_id) + "\">";
  b += " <button type=\"submit\">检索</button></form>";
  return b;
}

// A list of records (home page, agency page).
std::string RecordList(const std::vector<store::RecordHit>& items,
                       const std::vector<store::AgencyRow>& agencies) {
  if (items.empty()) return "<p>暂无公开信息。</p>";
  std::string b = "<ul>";
  for (const auto& h : items) {
    const Record& r = h.record;
    b += "<li>";
    if (r.pinned) b += "<strong>【置顶】</strong>";
    b += "<a href=\"/records/" + std::to_string(r.id) + "\">" + EscapeHtml(r.title) +
         "</a> <span class=\"meta\">" + EscapeHtml(AgencyName(agencies, r.agency_id)) + " · " +
         DateText(r.published_on) + "</span></li>";
  }
  return b + "</ul>";
}

// ---- public pages --------------------------------------------------------------------

std::string YearsText(const std::vector<int>& years) {
  if (years.empty()) return "无";
  std::string s;
  for (size_t i = 0; i < years.size();) {
    size_t j = i;
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
    if (!s.empty()) s += "、";
    s += std::to_string(years[i]);
    if (j > i) s += "–" + std::to_string(years[j]);
    i = j + 1;
  }
  return s;
}

void Home(ServerState& st, const httplib::Request& req, httplib::Response& res) {
  const PageOptions view = View(req, res);
  const auto agencies = Agencies(st);
  const std::string agency_id = req.get_param_value("agency");
  store::RecordQuery q;
  q.order = store::RecordOrder::kPinnedThenNewest;
  q.limit = 15;
  q.with_body = false;
  std::string scope = "全部机构";
  if (!agency_id.empty()) {
    bool known = false;
    for (const auto& a : agencies) known = known || a.id == agency_id;
    if (!known) return NotFoundPage(req, res, "没有标识为“" + agency_id + "”的机构。");
    q.agency_id = agency_id;
    scope = AgencyName(agencies, agency_id);
  }
  auto page = Search(st, q);
  std::vector<int> years;
  {
    auto db = st.Db();
    years = st.calendar.Years();
  }
  std::string b = "<h1>政府信息公开</h1>";
  b += SearchForm("", agency_id);
  b += "<h2>置顶和最新信息（" + EscapeHtml(scope) + "）</h2>";
  b += page.ok() ? RecordList(page->items, agencies) : "<p>暂时无法读取公开信息。</p>";
  if (page.ok() && page->total > static_cast<int64_t>(page->items.size()))
    b += "<p><a href=\"/search" +
         (agency_id.empty() ? std::string() : "?agency=" + UrlEncode(agency_id)) + "\">查看全部 " +
         std::to_string(page->total) + " 条</a></p>";
  b += "<h2>机构</h2>";
  if (agencies.empty()) {
    b += "<p>尚未登记机构。</p>";
  } else {
    b += "<ul>";
    for (const auto& a : agencies)
      b += "<li><a href=\"/agencies/" + UrlEncode(a.id) + "\">" + EscapeHtml(a.name) +
           "</a>（公开指南、公开目录、年度报告）</li>";
    b += "</ul>";
  }
  b += "<h2>依申请公开</h2><ul>";
  b += "<li><a "
       "href=\"/apply\">在线申请政府信息公开</a>：提交后即时取得申请编号、查询码和答复期限。</li>";
  b += "<li><a href=\"/track\">申请办理进度查询</a>：凭申请编号和查询码查看办理过程。</li>";
  b += "<li><a href=\"/deadline\">依申请公开答复期限计算</a>（条例第三十条、第三十三条）。</li>";
  b += "<li><a href=\"/feed.atom\">新发布信息订阅（Atom）</a></li>";
  b += "<li><a href=\"/login\">工作人员登录</a></li></ul>";
  b += "<p class=\"meta\">工作日历已覆盖年度：" + EscapeHtml(YearsText(years)) + "。</p>";
  Html(res, Page("政府信息公开", b, view));
}

void AgencyPage(ServerState& st, const httplib::Request& req, httplib::Response& res,
                const std::string& id) {
  const PageOptions view = View(req, res);
  Result<std::optional<store::AgencyRow>> a = [&] {
    auto db = st.Db();
    return db->GetAgency(id);
  }();
  if (!a.ok() || !a->has_value()) return NotFoundPage(req, res, "没有这个机构。");
  const store::AgencyRow& agency = **a;
  int page = 1;
  if (req.has_param("page")) {
    auto v = ParseInt(req.get_param_value("page"), 1, kMaxPage);
    if (!v) {
      res.status = 400;
      return Html(res, Page("请求有误",
                            "<h1>请求有误</h1><p class=\"err\" role=\"alert\">page（页码）：应为 1 "
                            "至 10000 的整数</p>",
                            view));
    }
    page = *v;
  }
  store::RecordQuery q;
  q.agency_id = id;
  q.order = store::RecordOrder::kPinnedThenNewest;
  q.limit = kDefaultPerPage;
  q.offset = (page - 1) * kDefaultPerPage;
  auto list = Search(st, q);
  const std::string name = EscapeHtml(agency.name);
  std::string b = "<h1>" + name + "</h1>";
  b += SearchForm("", id);
  b += "<nav aria-label=\"本页目录\"><ul><li><a href=\"#guide\">政府信息公开指南</a></li>"
       "<li><a href=\"#catalog\">政府信息公开目录</a></li>"
       "<li><a href=\"/reports?agency=" +
       UrlEncode(id) + "\">政府信息公开工作年度报告</a>（" +
       // Regulation Art. 49: departments by 31 January, governments by 31 March.
       (agency.kind == "government" ? std::string("每年3月31日前发布上一年度报告")
                                    : std::string("每年1月31日前发布上一年度报告")) +
       "）</li><li><a href=\"/apply\">依申请公开</a></li></ul></nav>";
  // Regulation Art. 12: the guide names the classification, the arrangement,
  // how to obtain information and the office's contact details.
  b += "<h2 id=\"guide\">政府信息公开指南</h2>";
  b += "<h3>一、主动公开</h3><p>本机关主动公开的政府信息按目录分类编排，每条信息著录索引号、名称、"
       "内容概述、发布机构、成文日期和发布日期；规章和行政规范性文件另注明文号和有效性。"
       "信息自形成或者变更之日起 20 个工作日内公开（条例第二十六条）。可通过本网站浏览、检索、"
       "订阅（<a href=\"/feed.atom?agency=" +
       UrlEncode(id) + "\">Atom</a>）获取。</p>";
  b += "<h3>二、依申请公开</h3><p>公民、法人或者其他组织可以通过<a href=\"/apply\">在线申请</a>、"
       "信函或者当面提交申请。本机关收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请"
       "之日起"
       " 20 个工作日内答复，需要延长的，延长期限最长不超过 20 个工作日（条例第三十三条）。</p>";
  b += "<h3>三、工作机构</h3><p>" + name;
  if (!agency.letter_contact.empty()) b += "；联系方式：" + EscapeHtml(agency.letter_contact);
  b += "。</p>";
  b += "<h3>四、监督和救济</"
       "h3><p>认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者"
       "政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（条例第五十一条"
       "）。";
  if (!agency.review_body.empty()) b += "行政复议机关：" + EscapeHtml(agency.review_body) + "。";
  b += "</p>";
  b += "<h2 id=\"catalog\">政府信息公开目录</h2>";
  if (!list.ok()) {
    b += "<p>暂时无法读取公开目录。</p>";
  } else if (list->items.empty()) {
    b += "<p>暂无公开信息。</p>";
  } else {
    b += "<table><caption>" + name + "公开目录（共 " + std::to_string(list->total) +
         " 条）</caption><thead><tr><th scope=\"col\">索引号</th><th scope=\"col\">名称</th>"
         "<th scope=\"col\">内容概述</th><th scope=\"col\">生成日期</th></tr></thead><tbody>";
    for (const auto& h : list->items) {
      const Record& r = h.record;
      b += "<tr><td>" + EscapeHtml(r.index_no) + "</td><td>" + (r.pinned ? "【置顶】" : "") +
           "<a href=\"/records/" + std::to_string(r.id) + "\">" + EscapeHtml(r.title) +
           "</a></td><td>" + EscapeHtml(Summary(r.body, 40)) + "</td><td>" +
           DateText(r.formed_on ? r.formed_on : r.published_on) + "</td></tr>";
    }
    b += "</tbody></table>";
    b += Pager(req, page, kDefaultPerPage, list->total);
  }
  Html(res, Page(agency.name, b, view));
}

void SearchPage(ServerState& st, const httplib::Request& req, httplib::Response& res) {
  const PageOptions view = View(req, res);
  ListParams p = ParseList(st, req);
  const auto agencies = Agencies(st);
  std::string b = "<h1>检索政府信息</h1>";
  // The form keeps the user's input and the filters.
  b += "<form method=\"get\" action=\"/search\" role=\"search\">";
  b += "<label for=\"q\">检索词（多个词用空格分隔，须同时出现在标题或正文中）</label>";
  b += "<input id=\"q\" name=\"q\" type=\"search\" size=\"40\" maxlength=\"100\" value=\"" +
       EscapeHtml(p.q) + "\">";
  b += "<fieldset><legend>筛选</legend>";
  b += "<label for=\"agency\">机构</label><select id=\"agency\" name=\"agency\"><option "
       "value=\"\">全部机构</option>";
  const std::string agency = req.get_param_value("agency");
  for (const auto& a : agencies)
    b += "<option value=\"" + EscapeHtml(a.id) + "\"" + (a.id == agency ? " selected" : "") + ">" +
         EscapeHtml(a.name) + "</option>";
  b += "</select>";
  b += "<label for=\"category\">目录分类</label><input id=\"category\" name=\"category\" "
       "maxlength=\"50\" value=\"" +
       EscapeHtml(req.get_param_value("category")) + "\">";
  b += "<label for=\"year\">发布年份</label><input id=\"year\" name=\"year\" inputmode=\"numeric\" "
       "size=\"6\" value=\"" +
       EscapeHtml(req.get_param_value("year")) + "\">";
  const std::string validity = req.get_param_value("validity");
  b += "<label for=\"validity\">有效性</label><select id=\"validity\" name=\"validity\"><option "
       "value=\"\">不限</option>";
  for (const char* v : {"有效", "失效", "废止"})
    b += std::string("<option") + (validity == v ? " selected" : "") + ">" + v + "</option>";
  b += "</select>";
  const std::string sort = req.get_param_value("sort");
  b += "<label for=\"sort\">排序</label><select id=\"sort\" name=\"sort\">"
       "<option value=\"relevance\">相关度</option><option value=\"date\"" +
       std::string(sort == "date" ? " selected" : "") + ">发布日期（新的在前）</option></select>";
  b += "</fieldset><button type=\"submit\">检索</button></form>";
  if (!p.error.empty()) {
    res.status = 400;
    b += "<p class=\"err\" role=\"alert\">" + EscapeHtml(p.error) + "</p>";
    return Html(res, Page("检索政府信息", b, view));
  }
  p.query.with_body = false;  // the page shows snippets
  auto page = Search(st, p.query);
  if (!page.ok()) {
    res.status = 500;
    b += "<p class=\"err\" role=\"alert\">暂时无法检索，请稍后重试。</p>";
    return Html(res, Page("检索政府信息", b, view));
  }
  b +=
      "<h2>检索结果</h2><p role=\"status\">共找到 " + std::to_string(page->total) + " 条信息。</p>";
  for (const auto& h : page->items) {
    const Record& r = h.record;
    b += "<article><h3><a href=\"/records/" + std::to_string(r.id) + "\">" +
         (h.title_snippet.empty() ? EscapeHtml(r.title) : Highlight(h.title_snippet)) +
         "</a></h3><p class=\"meta\">索引号 " + EscapeHtml(r.index_no) + " · " +
         EscapeHtml(r.publisher) + " · 发布日期 " + DateText(r.published_on);
    if (!r.doc_no.empty()) b += " · " + EscapeHtml(r.doc_no);
    if (r.validity) b += " · " + std::string(catalog::ValidityLabel(*r.validity));
    b += "</p>";
    if (!h.body_snippet.empty()) b += "<p>" + Highlight(h.body_snippet) + "</p>";
    b += "</article>";
  }
  b += Pager(req, p.page, p.per_page, page->total);
  Html(res, Page(p.q.empty() ? "检索政府信息" : p.q + " - 检索结果", b, view));
}

void RecordPage(ServerState& st, const httplib::Request& req, httplib::Response& res,
                const std::string& id_text) {
  const PageOptions view = View(req, res);
  // The route admits 1–12 digits: any record id.
  const int64_t id = std::stoll(id_text);
  std::string parts;
  std::vector<interaction::Event> explained_by;
  std::vector<interaction::Consultation> consulted_in;
  Result<std::optional<store::StoredRecord>> got = [&] {
    auto db = st.Db();
    // What 政民互动 links to the record (docs/interaction.md); best effort.
    if (auto e = db->interaction().EventsExplaining(id); e.ok()) explained_by = std::move(*e);
    if (auto c = db->interaction().ConsultationsOf(id); c.ok()) consulted_in = std::move(*c);
    auto r = db->records().GetRecord(id);
    if (r.ok() && r->has_value() && (*r)->record.status == catalog::RecordStatus::kPublished)
      parts = PublicRecordPartsSection(*db, (*r)->record);
    return r;
  }();
  // Only published records are public; drafts and withdrawn ones do not exist here.
  if (!got.ok() || !got->has_value() || (*got)->record.status != catalog::RecordStatus::kPublished)
    return NotFoundPage(req, res, "没有这条信息，或该信息已撤回。");
  const Record& r = (*got)->record;
  const auto agencies = Agencies(st);
  std::string b = "<h1>" + EscapeHtml(r.title) + "</h1>";
  b += "<table><caption>信息属性</caption><tbody>";
  auto row = [&](std::string_view k, const std::string& v) {
    if (v.empty()) return;
    b += "<tr><th scope=\"row\">" + std::string(k) + "</th><td>" + EscapeHtml(v) + "</td></tr>";
  };
  row("索引号", r.index_no);
  row("发布机构", r.publisher);
  row("所属机构", AgencyName(agencies, r.agency_id));
  row("文号", r.doc_no);
  row("成文日期", DateText(r.formed_on));
  row("发布日期", DateText(r.published_on));
  row("文件类型", std::string(catalog::DocTypeLabel(r.doc_type)));
  row("目录分类", r.category);
  row("主题分类", r.classifications.topic);
  row("体裁分类", r.classifications.genre);
  row("服务对象", r.classifications.audience);
  if (r.art20_item)
    row("条例第二十条事项", "第（" + std::to_string(*r.art20_item) + "）项 " +
                                std::string(catalog::Art20ItemLabel(*r.art20_item)));
  if (r.validity) {
    std::string v(catalog::ValidityLabel(*r.validity));
    if (r.validity_changed_on) v += "（" + r.validity_changed_on->ToString() + " 起）";
    row("有效性", v);
  }
  b += "</tbody></table><h2>正文</h2>";
  if (r.body.empty()) b += "<p>（无正文）</p>";
  size_t start = 0;
  while (start < r.body.size()) {
    size_t end = r.body.find('\n', start);
    if (end == std::string::npos) end = r.body.size();
    std::string para = r.body.substr(start, end - start);
    if (!para.empty() && para.back() == '\r') para.pop_back();
    if (para.find_first_not_of(" \t") != std::string::npos) b += "<p>" + EscapeHtml(para) + "</p>";
    start = end + 1;
  }
  b += parts;
  if (!explained_by.empty() || !consulted_in.empty()) {
    b += "<h2>相关解读与意见征集</h2><ul>";
    for (const auto& e : explained_by)
      b += "<li>" + std::string(interaction::EventKindLabel(e.kind)) +
           "：<a href=\"/interaction/events/" + std::to_string(e.id) + "\">" +
           EscapeHtml(e.title) + "</a>（" + e.held_on.ToString() + "）</li>";
    for (const auto& c : consulted_in)
      b += "<li>意见征集及采纳情况：<a href=\"/interaction/consultations/" + std::to_string(c.id) +
           "\">" + EscapeHtml(c.title) + "</a></li>";
    b += "</ul>";
  }
  b += "<p><a href=\"/agencies/" + UrlEncode(r.agency_id) + "#catalog\">返回" +
       EscapeHtml(AgencyName(agencies, r.agency_id)) + "公开目录</a></p>";
  Html(res, Page(r.title, b, view));
}

// ---- JSON API, feed, sitemap -------------------------------------------------------

void ApiError(httplib::Response& res, const std::string& field, const std::string& msg) {
  json body = {{"error", {{"code", "invalid_" + field}, {"field", field}, {"message", msg}}}};
  JsonBody(res, 400, body.dump(-1, ' ', false, json::error_handler_t::replace));
}

void ApiRecords(ServerState& st, const httplib::Request& req, httplib::Response& res) {
  ListParams p = ParseList(st, req);
  if (!p.error.empty()) return ApiError(res, p.field, p.error);
  p.query.with_body = false;
  auto page = Search(st, p.query);
  if (!page.ok()) return JsonError(res, 500, "internal", "暂时无法检索，请稍后重试");
  ordered_json items = ordered_json::array();
  for (const auto& h : page->items) {
    const Record& r = h.record;
    items.push_back({{"id", r.id},
                     {"index_no", r.index_no},
                     {"title", r.title},
                     {"publisher", r.publisher},
                     {"doc_no", r.doc_no},
                     {"published_on", DateText(r.published_on)},
                     {"category", r.category},
                     {"validity", r.validity ? ordered_json(catalog::ValidityLabel(*r.validity))
                                             : ordered_json(nullptr)},
                     {"url", "/records/" + std::to_string(r.id)}});
  }
  ordered_json body = {{"total", page->total}, {"items", std::move(items)}};
  JsonBody(res, 200, body.dump(-1, ' ', false, ordered_json::error_handler_t::replace));
}

void Feed(ServerState& st, const httplib::Request& req, httplib::Response& res) {
  ListParams p = ParseList(st, req);
  if (!p.error.empty()) return ApiError(res, p.field, p.error);
  store::RecordQuery q;
  q.agency_id = p.query.agency_id;
  q.order = store::RecordOrder::kNewest;
  q.limit = 50;
  auto page = Search(st, q);
  if (!page.ok()) return JsonError(res, 500, "internal", "暂时无法读取");
  const std::string base = BaseUrl(req);
  const std::string self =
      base + "/feed.atom" + (p.agency ? "?agency=" + UrlEncode(p.agency->id) : std::string());
  std::string updated = "2019-01-01";
  if (!page->items.empty() && page->items[0].record.published_on)
    updated = page->items[0].record.published_on->ToString();
  std::string x =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
      "xml:lang=\"zh-CN\">";
  x += "<title>" +
       EscapeHtml(p.agency ? p.agency->name + " 主动公开信息" : "政府信息公开 新发布信息") +
       "</title>";
  x += "<id>" + EscapeHtml(self) + "</id><link rel=\"self\" href=\"" + EscapeHtml(self) + "\"/>";
  x += "<link rel=\"alternate\" href=\"" + EscapeHtml(base) + "/\"/>";
  x += "<updated>" + updated + "T00:00:00+08:00</updated>";
  for (const auto& h : page->items) {
    const Record& r = h.record;
    const std::string url = base + "/records/" + std::to_string(r.id);
    const std::string day = DateText(r.published_on);
    x += "<entry><title>" + EscapeHtml(r.title) + "</title><id>" + EscapeHtml(url) +
         "</id><link rel=\"alternate\" href=\"" + EscapeHtml(url) + "\"/><updated>" + day +
         "T00:00:00+08:00</updated><published>" + day +
         "T00:00:00+08:00</published><author><name>" + EscapeHtml(r.publisher) +
         "</name></author><summary>" + EscapeHtml(r.index_no + " " + Summary(r.body, 120)) +
         "</summary></entry>";
  }
  x += "</feed>\n";
  res.set_content(x, "application/atom+xml; charset=utf-8");
}

void Sitemap(ServerState& st, const httplib::Request& req, httplib::Response& res) {
  const std::string base = BaseUrl(req);
  std::string x =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset "
      "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">";
  auto url = [&](const std::string& loc, const std::string& lastmod) {
    x += "<url><loc>" + EscapeHtml(base + loc) + "</loc>";
    if (!lastmod.empty()) x += "<lastmod>" + lastmod + "</lastmod>";
    x += "</url>";
  };
  url("/", "");
  url("/search", "");
  for (const auto& a : Agencies(st)) url("/agencies/" + UrlEncode(a.id), "");
  // A sitemap holds at most 50,000 URLs.
  store::RecordQuery q;
  q.order = store::RecordOrder::kNewest;
  q.limit = 49000;
  q.with_body = false;
  auto page = Search(st, q);
  if (page.ok())
    for (const auto& h : page->items)
      url("/records/" + std::to_string(h.record.id), DateText(h.record.published_on));
  x += "</urlset>\n";
  res.set_content(x, "application/xml; charset=utf-8");
}

}  // namespace

void RegisterCatalogRoutes(httplib::Server& svr, ServerState& st) {
  svr.Get("/", [&st](const httplib::Request& req, httplib::Response& res) { Home(st, req, res); });
  svr.Get(R"(/agencies/([A-Za-z0-9_-]{1,64}))",
          [&st](const httplib::Request& req, httplib::Response& res) {
            AgencyPage(st, req, res, req.matches[1]);
          });
  svr.Get("/search",
          [&st](const httplib::Request& req, httplib::Response& res) { SearchPage(st, req, res); });
  svr.Get(R"(/records/([0-9]{1,12}))", [&st](const httplib::Request& req, httplib::Response& res) {
    RecordPage(st, req, res, req.matches[1]);
  });
  svr.Get("/api/v1/records",
          [&st](const httplib::Request& req, httplib::Response& res) { ApiRecords(st, req, res); });
  svr.Get("/feed.atom",
          [&st](const httplib::Request& req, httplib::Response& res) { Feed(st, req, res); });
  svr.Get("/sitemap.xml",
          [&st](const httplib::Request& req, httplib::Response& res) { Sitemap(st, req, res); });
  RegisterCatalogAdminRoutes(svr, st);
}

}  // namespace gk::web
