#include "web/record_parts_routes.h"

#include "app/clock.h"
#include "app/record_parts.h"
#include "catalog/attachment.h"
#include "web/catalog_admin.h"
#include "web/html.h"
#include "web/page.h"
#include "web/staff_session.h"

namespace gk::web {
namespace {

using catalog::LinkKind;
using catalog::Record;

std::string TypeOf(const store::AttachmentRow& a) {
  for (auto t : {catalog::AttachmentType::kPdf, catalog::AttachmentType::kDocx,
                 catalog::AttachmentType::kPng, catalog::AttachmentType::kJpeg})
    if (catalog::MediaType(t) == a.media_type) return std::string(catalog::TypeLabel(t));
  return "文件";
}

std::string RecordLink(const Record& r, bool staff) {
  const std::string href = (staff ? "/admin/records/" : "/records/") + std::to_string(r.id);
  return "<a href=\"" + href + "\">" + EscapeHtml(r.title) + "</a>" +
         (r.index_no.empty() ? "" : "（" + EscapeHtml(r.index_no) + "）");
}

std::string RecordList(const std::vector<Record>& rs, bool staff) {
  std::string b = "<ul>";
  for (const auto& r : rs) b += "<li>" + RecordLink(r, staff) + "</li>";
  return b + "</ul>";
}

// RFC 6266 / 5987: an ASCII fallback and the UTF-8 name.
std::string Disposition(std::string_view kind, const std::string& filename) {
  std::string ascii, encoded;
  for (unsigned char c : filename) {
    ascii += (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
        c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      static const char* kHex = "0123456789ABCDEF";
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return std::string(kind) + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

// Sends attachment `aid` of record `record_id` when `allowed(record)`; 404 otherwise.
template <typename Allowed>
void SendAttachment(ServerState& st, const httplib::Request& req, httplib::Response& res,
                    int64_t record_id, int64_t aid, Allowed allowed) {
  auto db = st.Db();
  auto got = db->records().GetRecord(record_id);
  std::optional<store::AttachmentRow> found;
  if (got.ok() && got->has_value() && allowed((*got)->record)) {
    auto all = db->records().RecordAttachments(record_id);
    if (all.ok())
      for (auto& a : *all)
        if (a.id == aid) found = std::move(a);
  }
  if (!found) {
    res.status = 404;
    if (WantsJson(req)) return JsonError(res, 404, "not_found", "没有这个附件");
    return res.set_content(Page("没有这个附件", "<h1>没有这个附件</h1><p>该附件不存在或已删除。</p>"),
                           "text/html; charset=utf-8");
  }
  auto doc = db->GetDocument(found->sha256);
  if (!doc.ok() || !doc->has_value()) {
    res.status = 500;
    return res.set_content(Page("附件读取失败", "<h1>附件读取失败</h1><p>请稍后再试。</p>"),
                           "text/html; charset=utf-8");
  }
  // Images and PDFs open in the browser; DOCX downloads.
  const bool inline_ok = found->media_type != catalog::MediaType(catalog::AttachmentType::kDocx);
  res.set_header("Content-Disposition",
                 Disposition(inline_ok ? "inline" : "attachment", found->filename));
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Content-Security-Policy", "sandbox");
  res.set_header("ETag", "\"" + found->sha256 + "\"");
  res.set_content(std::move((*doc)->content), found->media_type);
}

std::optional<int64_t> ParseId(const std::string& s) {
  if (s.empty() || s.size() > 12) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// A form value, from a URL-encoded or a multipart body.
std::string FormValue(const httplib::Request& req, const char* key) {
  if (req.has_param(key)) return req.get_param_value(key);
  if (req.has_file(key)) return req.get_file_value(key).content;
  return "";
}

// Runs a change of record `id_text` and answers like the other record forms:
// back to the record page, or the page again with the refusal.
template <typename Fn>
void Change(ServerState& st, const app::Session& s, const httplib::Request& req,
            httplib::Response& res, const std::string& id_text, Fn change) {
  auto actor = CatalogActor(s);
  auto id = ParseId(id_text);
  auto rev = ParseId(FormValue(req, "revision"));
  Status status = Status::Ok();
  if (!actor) {
    status = Status::Forbidden("主动公开信息由本机关的信息编辑、审核人员和机构负责人管理");
  } else if (!id || !rev) {
    status = Status::Invalid("请求不完整，请刷新页面后重试");
  } else {
    auto db = st.Db();
    status = change(*db, *actor, *id, *rev);
  }
  if (status.ok()) return res.set_redirect("/admin/records/" + id_text, 303);
  res.status = status.code() == StatusCode::kNotFound           ? 404
               : status.code() == StatusCode::kConflict         ? 409
               : status.code() == StatusCode::kForbidden ? 403
                                                                : 400;
  ShowAdminRecord(st, s, id_text, res,
                  status.code() == StatusCode::kConflict ? "该信息已被他人修改，请刷新后重试"
                                                         : status.message());
}

}  // namespace

std::string PublicRecordPartsSection(store::Store& db, const Record& r) {
  std::string b;
  auto atts = db.records().RecordAttachments(r.id);
  if (atts.ok() && !atts->empty()) {
    b += "<h2>附件</h2><ul class=\"attachments\">";
    for (const auto& a : *atts)
      b += "<li><a href=\"/records/" + std::to_string(r.id) + "/attachments/" +
           std::to_string(a.id) + "\">" + EscapeHtml(a.filename) + "</a>（" + TypeOf(a) + "，" +
           catalog::SizeLabel(a.size) + "）</li>";
    b += "</ul>";
  }
  auto rel = app::Relations(db, r.id, true);
  if (rel.ok()) {
    if (!rel->interpreted_by.empty())
      b += "<h2>政策解读</h2>" + RecordList(rel->interpreted_by, false);
    if (!rel->interprets.empty()) b += "<h2>解读的文件</h2>" + RecordList(rel->interprets, false);
    if (!rel->related.empty()) b += "<h2>相关文件</h2>" + RecordList(rel->related, false);
  }
  return b;
}

std::string AdminRecordPartsSection(store::Store& db, const app::Session& s,
                                    const store::StoredRecord& sr, bool may_change) {
  const Record& r = sr.record;
  const std::string base = "/admin/records/" + std::to_string(r.id);
  const std::string rev =
      "<input type=\"hidden\" name=\"revision\" value=\"" + std::to_string(sr.revision) + "\">";
  std::string b = "<h2>附件</h2>";
  auto atts = db.records().RecordAttachments(r.id);
  if (atts.ok() && !atts->empty()) {
    b += "<table><caption>附件（正文检索包括附件中的文字）</caption><thead><tr><th "
         "scope=\"col\">文件</th><th scope=\"col\">类型</th><th scope=\"col\">大小</th><th "
         "scope=\"col\">SHA-256</th><th scope=\"col\">上传</th>" +
         std::string(may_change ? "<th scope=\"col\">操作</th>" : "") + "</tr></thead><tbody>";
    for (const auto& a : *atts) {
      b += "<tr><td><a href=\"" + base + "/attachments/" + std::to_string(a.id) + "\">" +
           EscapeHtml(a.filename) + "</a></td><td>" + TypeOf(a) + "</td><td>" + catalog::SizeLabel(a.size) +
           "</td><td><code>" + EscapeHtml(a.sha256.substr(0, 16)) + "…</code></td><td>" +
           EscapeHtml(a.added_by) + " " + EscapeHtml(a.added_at) + "</td>";
      if (may_change)
        b += "<td><form method=\"post\" action=\"" + base + "/attachments/" +
             std::to_string(a.id) + "/delete\">" + CsrfField(s) + rev +
             "<button type=\"submit\">删除 " + EscapeHtml(a.filename) + "</button></form></td>";
      b += "</tr>";
    }
    b += "</tbody></table>";
  } else {
    b += "<p>暂无附件。</p>";
  }
  if (may_change)
    b += "<form method=\"post\" action=\"" + base +
         "/attachments\" enctype=\"multipart/form-data\">" + CsrfField(s) + rev +
         "<label for=\"file\">上传附件（PDF、DOCX、PNG、JPEG，不超过 " +
         std::to_string(catalog::kMaxAttachmentBytes / (1024 * 1024)) +
         "MB）</label><input id=\"file\" name=\"file\" type=\"file\" required "
         "accept=\".pdf,.docx,.png,.jpg,.jpeg\"><button type=\"submit\">上传</button></form>";

  b += "<h2>关联信息</h2>";
  auto rel = app::Relations(db, r.id, false);
  auto held = db.records().RecordLinks(r.id);
  if (rel.ok()) {
    if (!rel->interprets.empty()) b += "<h3>本信息解读的文件</h3>" + RecordList(rel->interprets, true);
    if (!rel->interpreted_by.empty())
      b += "<h3>本信息的政策解读</h3>" + RecordList(rel->interpreted_by, true);
    if (!rel->related.empty()) b += "<h3>相关文件</h3>" + RecordList(rel->related, true);
    if (rel->interprets.empty() && rel->interpreted_by.empty() && rel->related.empty())
      b += "<p>暂无关联信息。</p>";
  }
  if (may_change && held.ok()) {
    for (const auto& l : *held) {
      if (l.record_id != r.id) continue;
      b += "<form method=\"post\" action=\"" + base + "/links/delete\">" + CsrfField(s) + rev +
           "<input type=\"hidden\" name=\"target_id\" value=\"" + std::to_string(l.target_id) +
           "\"><input type=\"hidden\" name=\"kind\" value=\"" + EscapeHtml(l.kind) +
           "\"><button type=\"submit\">取消关联信息 " + std::to_string(l.target_id) +
           "</button></form>";
    }
    b += "<form method=\"post\" action=\"" + base + "/links\">" + CsrfField(s) + rev +
         "<label for=\"target\">关联信息（已发布信息的编号，或本机关的索引号）</label><input "
         "id=\"target\" name=\"target\" required maxlength=\"64\"><label "
         "for=\"kind\">关联方式</label><select id=\"kind\" name=\"kind\"><option "
         "value=\"interprets\">本信息是该文件的政策解读</option><option "
         "value=\"related\">相关文件</option></select><button type=\"submit\">关联</button></form>";
  }
  return b;
}

void RegisterRecordPartsRoutes(httplib::Server& svr, ServerState& st) {
  svr.Get(R"(/records/([0-9]{1,12})/attachments/([0-9]{1,12}))",
          [&st](const httplib::Request& req, httplib::Response& res) {
            SendAttachment(st, req, res, *ParseId(req.matches[1]), *ParseId(req.matches[2]),
                           [](const Record& r) {
                             return r.status == catalog::RecordStatus::kPublished;
                           });
          });
  svr.Get(R"(/admin/records/([0-9]{1,12})/attachments/([0-9]{1,12}))",
          WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                httplib::Response& res) {
            auto actor = CatalogActor(s);
            SendAttachment(st, req, res, *ParseId(req.matches[1]), *ParseId(req.matches[2]),
                           [&](const Record& r) { return actor && r.agency_id == actor->agency_id; });
          }));
  svr.Post(R"(/admin/records/([0-9]{1,12})/attachments)",
           WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                 httplib::Response& res) {
             Change(st, s, req, res, req.matches[1],
                    [&](store::Store& db, const app::Actor& a, int64_t id, int64_t rev) -> Status {
                      std::string name, content;
                      if (req.has_file("file")) {
                        const auto f = req.get_file_value("file");
                        name = f.filename;
                        content = f.content;
                      }
                      return app::AttachFile(db, a, id, rev, name, content, app::NowUtcIso())
                          .status();
                    });
           }));
  svr.Post(R"(/admin/records/([0-9]{1,12})/attachments/([0-9]{1,12})/delete)",
           WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                 httplib::Response& res) {
             const int64_t aid = *ParseId(req.matches[2]);
             Change(st, s, req, res, req.matches[1],
                    [&](store::Store& db, const app::Actor& a, int64_t id, int64_t rev) {
                      return app::DetachFile(db, a, id, rev, aid, app::NowUtcIso());
                    });
           }));
  svr.Post(R"(/admin/records/([0-9]{1,12})/links)",
           WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                 httplib::Response& res) {
             Change(st, s, req, res, req.matches[1],
                    [&](store::Store& db, const app::Actor& a, int64_t id, int64_t rev) -> Status {
                      auto kind = catalog::ParseLinkKind(FormValue(req, "kind"));
                      if (!kind)
                        return Status::Invalid("kind（关联方式）：应为 interprets 或 related");
                      return app::LinkRecord(db, a, id, rev, FormValue(req, "target"), *kind,
                                             app::NowUtcIso());
                    });
           }));
  svr.Post(R"(/admin/records/([0-9]{1,12})/links/delete)",
           WithSession(st, [&st](const app::Session& s, const httplib::Request& req,
                                 httplib::Response& res) {
             Change(st, s, req, res, req.matches[1],
                    [&](store::Store& db, const app::Actor& a, int64_t id, int64_t rev) -> Status {
                      auto kind = catalog::ParseLinkKind(FormValue(req, "kind"));
                      auto target = ParseId(FormValue(req, "target_id"));
                      if (!kind || !target) return Status::Invalid("请求不完整，请刷新页面后重试");
                      return app::UnlinkRecord(db, a, id, rev, *target, *kind, app::NowUtcIso());
                    });
           }));
}

}  // namespace gk::web
