#include "catalog/attachment.h"

#include "core/text.h"

namespace gk::catalog {

std::string_view MediaType(AttachmentType t) {
  switch (t) {
    case AttachmentType::kPdf: return "application/pdf";
    case AttachmentType::kDocx:
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    case AttachmentType::kPng: return "image/png";
    case AttachmentType::kJpeg: return "image/jpeg";
  }
  return "application/octet-stream";
}

std::string_view TypeLabel(AttachmentType t) {
  switch (t) {
    case AttachmentType::kPdf: return "PDF";
    case AttachmentType::kDocx: return "DOCX";
    case AttachmentType::kPng: return "PNG";
    case AttachmentType::kJpeg: return "JPEG";
  }
  return "";
}

std::optional<AttachmentType> SniffAttachment(std::string_view b) {
  if (b.substr(0, 5) == "%PDF-") return AttachmentType::kPdf;
  if (b.substr(0, 8) == "\x89PNG\r\n\x1A\n") return AttachmentType::kPng;
  if (b.substr(0, 3) == "\xFF\xD8\xFF") return AttachmentType::kJpeg;
  if (b.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return AttachmentType::kDocx;
  return std::nullopt;
}

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool ExtensionFits(std::string_view name, AttachmentType t) {
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  const std::string ext = Lower(name.substr(dot + 1));
  switch (t) {
    case AttachmentType::kPdf: return ext == "pdf";
    case AttachmentType::kDocx: return ext == "docx";
    case AttachmentType::kPng: return ext == "png";
    case AttachmentType::kJpeg: return ext == "jpg" || ext == "jpeg";
  }
  return false;
}

FieldError FileError(std::string message) { return {"file", "file（附件）：" + message}; }

}  // namespace

std::variant<CheckedAttachment, FieldError> CheckAttachment(std::string_view filename,
                                                            std::string_view bytes) {
  // Browsers on some systems send the full client path: keep the base name.
  const size_t slash = filename.find_last_of("/\\");
  if (slash != std::string_view::npos) filename.remove_prefix(slash + 1);
  while (!filename.empty() && (filename.front() == ' ' || filename.front() == '\t'))
    filename.remove_prefix(1);
  while (!filename.empty() && (filename.back() == ' ' || filename.back() == '\t'))
    filename.remove_suffix(1);
  if (bytes.empty() && filename.empty()) return FileError("请选择要上传的文件");
  if (filename.empty()) return FileError("文件名不能为空");
  if (!text::IsValidUtf8(filename)) return FileError("文件名不是有效的 UTF-8 文本");
  for (unsigned char c : filename)
    if (c < 0x20 || c == 0x7F) return FileError("文件名含有控制字符");
  if (CharCount(filename) > kMaxAttachmentName)
    return FileError("文件名不能超过 " + std::to_string(kMaxAttachmentName) + " 个字符");
  if (bytes.empty()) return FileError("文件为空");
  if (bytes.size() > kMaxAttachmentBytes)
    return FileError("文件不能超过 " + std::to_string(kMaxAttachmentBytes / (1024 * 1024)) + "MB");
  auto type = SniffAttachment(bytes);
  if (!type) return FileError("只接受 PDF、DOCX、PNG 或 JPEG 文件");
  if (!ExtensionFits(filename, *type))
    return FileError("文件内容是 " + std::string(TypeLabel(*type)) + "，与文件扩展名不符");
  return CheckedAttachment{*type, std::string(filename)};
}

std::string_view LinkKey(LinkKind k) {
  return k == LinkKind::kInterprets ? "interprets" : "related";
}

std::optional<LinkKind> ParseLinkKind(std::string_view key) {
  if (key == "interprets") return LinkKind::kInterprets;
  if (key == "related") return LinkKind::kRelated;
  return std::nullopt;
}

std::string SizeLabel(int64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 1023) / 1024) + " KB";
  const int64_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

std::string CutUtf8(std::string text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  text.resize(n);
  return text;
}

}  // namespace gk::catalog
