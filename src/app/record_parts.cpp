#include "app/record_parts.h"

#include <algorithm>
#include <charconv>

#include "core/hash.h"
#include "ingest/docx_reader.h"
#include "ingest/pdf_reader.h"

namespace gk::app {
namespace {

using catalog::AttachmentType;
using catalog::Record;
using catalog::RecordStatus;

Status FieldInvalid(std::string_view field, std::string_view label, std::string_view message) {
  return Status::Invalid(std::string(field) + "（" + std::string(label) + "）：" +
                         std::string(message));
}

// The text search indexes for an attachment; Invalid when a DOCX cannot be
// read. A PDF without a text layer (a scan) is kept with no text: it is the
// document as published, only not searchable.
Result<std::string> ExtractText(AttachmentType type, std::string_view bytes) {
  switch (type) {
    case AttachmentType::kDocx: {
      auto text = ingest::DocxToText(bytes);
      if (!text.ok()) return FieldInvalid("file", "附件", "不是有效的 DOCX 文件");
      return catalog::CutUtf8(std::move(*text), catalog::kMaxAttachmentTextBytes);
    }
    case AttachmentType::kPdf: {
      // Raw order keeps prose in reading order, which is what a reader searches.
      auto text = ingest::PdfToText(bytes, ingest::PdfLayout::kRawOrder);
      if (!text.ok()) {
        if (text.status().message().find("no text layer") != std::string::npos) return std::string();
        return FieldInvalid("file", "附件", "PDF 文件已损坏、加密或无法打开");
      }
      return catalog::CutUtf8(std::move(*text), catalog::kMaxAttachmentTextBytes);
    }
    case AttachmentType::kPng:
    case AttachmentType::kJpeg:
      return std::string();
  }
  return std::string();
}

}  // namespace

Result<int64_t> AttachFile(store::Store& store, const Actor& actor, int64_t record_id,
                           int64_t expected_revision, std::string_view filename,
                           std::string_view bytes, std::string_view now) {
  auto cur = DraftForChange(store, actor, record_id);
  if (!cur.ok()) return cur.status();
  auto checked = catalog::CheckAttachment(filename, bytes);
  if (const auto* e = std::get_if<catalog::FieldError>(&checked)) return Status::Invalid(e->message);
  const auto& file = std::get<catalog::CheckedAttachment>(checked);
  auto existing = store.records().RecordAttachments(record_id);
  if (!existing.ok()) return existing.status();
  if (existing->size() >= catalog::kMaxAttachmentsPerRecord)
    return FieldInvalid("file", "附件",
                        "每条信息最多 " + std::to_string(catalog::kMaxAttachmentsPerRecord) +
                            " 个附件");
  auto text = ExtractText(file.type, bytes);
  if (!text.ok()) return text.status();

  store::AttachmentRow row;
  row.record_id = record_id;
  row.filename = file.filename;
  row.sha256 = Sha256Hex(bytes);
  row.media_type = std::string(catalog::MediaType(file.type));
  row.size = static_cast<int64_t>(bytes.size());
  row.text = std::move(*text);
  row.added_at = std::string(now);
  row.added_by = actor.username;
  // The document first: an unreferenced document is harmless, a reference to
  // a missing one is not.
  if (Status s = store.PutDocument(row.sha256, row.media_type, bytes, now); !s.ok()) return s;
  const std::string note = "添加附件 " + row.filename + "（" + std::string(catalog::TypeLabel(file.type)) +
                           "，" + catalog::SizeLabel(static_cast<int64_t>(bytes.size())) + "，SHA-256 " + row.sha256 + "）";
  return store.records().AddAttachment(row, expected_revision,
                                       {actor.username, "attach", note, std::string(now)});
}

Status DetachFile(store::Store& store, const Actor& actor, int64_t record_id,
                  int64_t expected_revision, int64_t attachment_id, std::string_view now) {
  auto cur = DraftForChange(store, actor, record_id);
  if (!cur.ok()) return cur.status();
  auto all = store.records().RecordAttachments(record_id);
  if (!all.ok()) return all.status();
  auto it = std::find_if(all->begin(), all->end(),
                         [&](const store::AttachmentRow& a) { return a.id == attachment_id; });
  if (it == all->end()) return Status::NotFound("没有这个附件");
  const std::string note = "删除附件 " + it->filename + "（SHA-256 " + it->sha256 + "）";
  return store.records().RemoveAttachment(record_id, attachment_id, expected_revision,
                                          {actor.username, "detach", note, std::string(now)});
}

namespace {

std::string_view KindLabel(catalog::LinkKind k) {
  return k == catalog::LinkKind::kInterprets ? "解读" : "相关文件";
}

}  // namespace

Status LinkRecord(store::Store& store, const Actor& actor, int64_t record_id,
                  int64_t expected_revision, std::string_view target, catalog::LinkKind kind,
                  std::string_view now) {
  auto cur = DraftForChange(store, actor, record_id);
  if (!cur.ok()) return cur.status();
  while (!target.empty() && target.front() == ' ') target.remove_prefix(1);
  while (!target.empty() && target.back() == ' ') target.remove_suffix(1);
  if (target.empty()) return FieldInvalid("target", "关联信息", "请填写信息编号或索引号");
  if (target.size() > catalog::kMaxIndexNo)
    return FieldInvalid("target", "关联信息", "没有这条信息");
  std::optional<int64_t> target_id;
  auto by_index = store.records().RecordIdByIndexNo(actor.agency_id, target);
  if (!by_index.ok()) return by_index.status();
  target_id = *by_index;
  if (!target_id) {
    int64_t n = 0;
    auto [end, ec] = std::from_chars(target.data(), target.data() + target.size(), n);
    if (ec == std::errc() && end == target.data() + target.size() && n > 0) target_id = n;
  }
  if (!target_id) return FieldInvalid("target", "关联信息", "没有这条信息");
  auto got = store.records().GetRecord(*target_id);
  if (!got.ok()) return got.status();
  if (!got->has_value() || (*got)->record.status != RecordStatus::kPublished)
    return FieldInvalid("target", "关联信息", "没有这条已发布的信息");
  if (*target_id == record_id) return FieldInvalid("target", "关联信息", "不能关联信息本身");
  auto links = store.records().RecordLinks(record_id);
  if (!links.ok()) return links.status();
  size_t held = 0;
  for (const auto& l : *links) {
    if (l.record_id != record_id) continue;
    ++held;
    if (l.target_id == *target_id && l.kind == catalog::LinkKey(kind))
      return FieldInvalid("target", "关联信息", "已经关联过这条信息");
  }
  if (held >= catalog::kMaxLinksPerRecord)
    return FieldInvalid("target", "关联信息",
                        "每条信息最多关联 " + std::to_string(catalog::kMaxLinksPerRecord) + " 条");
  store::RecordLinkRow row{record_id, *target_id, std::string(catalog::LinkKey(kind)),
                           std::string(now), actor.username};
  const std::string note = "关联" + std::string(KindLabel(kind)) + "：" +
                           (*got)->record.index_no + " " + (*got)->record.title;
  Status s = store.records().AddRecordLink(row, expected_revision,
                                           {actor.username, "link", note, std::string(now)});
  if (s.code() == StatusCode::kConflict && s.message() == "the link exists")
    return FieldInvalid("target", "关联信息", "已经关联过这条信息");
  return s;
}

Status UnlinkRecord(store::Store& store, const Actor& actor, int64_t record_id,
                    int64_t expected_revision, int64_t target_id, catalog::LinkKind kind,
                    std::string_view now) {
  auto cur = DraftForChange(store, actor, record_id);
  if (!cur.ok()) return cur.status();
  store::RecordLinkRow row{record_id, target_id, std::string(catalog::LinkKey(kind)), "", ""};
  const std::string note = "取消关联" + std::string(KindLabel(kind)) + "：信息 " +
                           std::to_string(target_id);
  Status s = store.records().RemoveRecordLink(row, expected_revision,
                                              {actor.username, "unlink", note, std::string(now)});
  if (s.code() == StatusCode::kNotFound) return Status::NotFound("没有这个关联");
  return s;
}

Result<RecordRelations> Relations(store::Store& store, int64_t record_id, bool published_only) {
  auto links = store.records().RecordLinks(record_id);
  if (!links.ok()) return links.status();
  RecordRelations out;
  for (const auto& l : *links) {
    const bool outgoing = l.record_id == record_id;
    auto other = store.records().GetRecord(outgoing ? l.target_id : l.record_id);
    if (!other.ok()) return other.status();
    if (!other->has_value()) continue;
    if (published_only && (*other)->record.status != RecordStatus::kPublished) continue;
    Record r = std::move((*other)->record);
    r.body.clear();
    if (l.kind == catalog::LinkKey(catalog::LinkKind::kRelated)) {
      out.related.push_back(std::move(r));
    } else if (outgoing) {
      out.interprets.push_back(std::move(r));
    } else {
      out.interpreted_by.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace gk::app
