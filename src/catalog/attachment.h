// Attachments of a catalog record (附件: the PDF or DOCX of the document, its
// images) and the links between records (政策解读, 相关文件). Pure: the
// checks of an upload by name and content; text extraction lives in app.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "catalog/record.h"

namespace gk::catalog {

enum class AttachmentType { kPdf, kDocx, kPng, kJpeg };
std::string_view MediaType(AttachmentType t);  // application/pdf, …
std::string_view TypeLabel(AttachmentType t);  // PDF | DOCX | PNG | JPEG

inline constexpr size_t kMaxAttachmentBytes = 20 * 1024 * 1024;
inline constexpr size_t kMaxAttachmentsPerRecord = 20;
inline constexpr size_t kMaxAttachmentName = 200;  // characters
inline constexpr size_t kMaxLinksPerRecord = 50;
// Extracted text kept for search, in bytes (cut at a character boundary).
inline constexpr size_t kMaxAttachmentTextBytes = 2 * 1024 * 1024;

// The type of an upload by its first bytes (a ZIP is taken for DOCX; the
// reader confirms it holds word/document.xml), or nullopt.
std::optional<AttachmentType> SniffAttachment(std::string_view bytes);

struct CheckedAttachment {
  AttachmentType type;
  std::string filename;  // the base name, trimmed
};

// Checks an upload: a file name (its base name is kept; valid UTF-8, no
// control characters, at most kMaxAttachmentName characters) whose extension
// names the type the content has (.pdf, .docx, .png, .jpg/.jpeg), non-empty
// and at most kMaxAttachmentBytes. The error names the field `file`.
std::variant<CheckedAttachment, FieldError> CheckAttachment(std::string_view filename,
                                                            std::string_view bytes);

// How one record refers to another: a 解读 explains the target (shown on the
// target as its 政策解读); `related` is shown on both records as 相关文件.
enum class LinkKind { kInterprets, kRelated };
std::string_view LinkKey(LinkKind k);  // interprets | related
std::optional<LinkKind> ParseLinkKind(std::string_view key);

// A file size for people: 512 B, 37 KB, 4.2 MB.
std::string SizeLabel(int64_t bytes);

// Cuts UTF-8 text to at most `max_bytes` without splitting a character.
std::string CutUtf8(std::string text, size_t max_bytes);

}  // namespace gk::catalog
