#include "ingest/reader.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "core/text.h"

namespace gk::ingest {
namespace {

constexpr size_t kSniffBytes = 4096;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string LowerHead(std::string_view s) {
  std::string out(s.substr(0, kSniffBytes));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Binary containers recognised by their magic bytes.
std::optional<std::string> BinaryKind(std::string_view b) {
  if (StartsWith(b, "%PDF")) return "PDF";
  if (StartsWith(b, "PK\x03\x04")) return "DOCX/XLSX (ZIP)";
  if (StartsWith(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return "Word 97-2003 / Excel 97-2003";
  return std::nullopt;
}

// Markup recognised after decoding (so UTF-16 HTML is caught too).
std::optional<std::string> MarkupKind(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  const std::string head = LowerHead(text.substr(i));
  if (StartsWith(head, "{\\rtf")) return "RTF";
  if (StartsWith(head, "<!doctype html") || StartsWith(head, "<html") ||
      StartsWith(head, "<table") ||
      (StartsWith(head, "<") && head.find("<html") != std::string::npos)) {
    return "HTML";
  }
  return std::nullopt;
}

Status Unsupported(const std::string& kind) {
  return Status::Unreadable(kind + " reports are not supported yet: convert to text");
}

}  // namespace

Result<report::Report> ReadReportBytes(std::string_view bytes, const ReadOptions& opts) {
  if (auto kind = BinaryKind(bytes)) return Unsupported(*kind);
  auto decoded = text::DecodeToUtf8(bytes);
  if (!decoded.ok()) return decoded.status();
  if (auto kind = MarkupKind(decoded->utf8)) return Unsupported(*kind);
  auto r = ReadTextReport(decoded->utf8, opts);
  if (!r.ok()) return r;
  r->source.encoding = text::EncodingName(decoded->encoding);
  return r;
}

}  // namespace gk::ingest
