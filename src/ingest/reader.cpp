#include "ingest/reader.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "core/text.h"
#include "ingest/docx_reader.h"
#include "ingest/html_reader.h"
#include "ingest/pdf_reader.h"
#include "ingest/xlsx_reader.h"
#include "ingest/zip_archive.h"

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

bool IsPdf(std::string_view b) {
  // The header may follow a little junk (some servers prepend bytes).
  return b.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}
bool IsZip(std::string_view b) { return StartsWith(b, "PK\x03\x04"); }
bool IsOle2(std::string_view b) {
  return StartsWith(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
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
  // A fragment saved from a page ("<div class=…><p>一、总体情况</p>…"): it
  // opens with a tag and several block tags follow.
  if (StartsWith(head, "<")) {
    int tags = 0;
    for (const char* t : {"<p", "<div", "<td", "<tr", "<br", "<span", "<h1", "<h2", "<h3"}) {
      if (head.find(t) != std::string::npos) ++tags;
    }
    if (tags >= 2) return "HTML";
  }
  return std::nullopt;
}

bool EndsWithHtml(const std::string& name) {
  std::string lower = LowerHead(name.size() > 16 ? std::string_view(name).substr(name.size() - 16)
                                                 : std::string_view(name));
  for (const char* ext : {".html", ".htm", ".shtml", ".xhtml"}) {
    const std::string e = ext;
    if (lower.size() >= e.size() && lower.compare(lower.size() - e.size(), e.size(), e) == 0) {
      return true;
    }
  }
  return false;
}

Status Unsupported(const std::string& kind) {
  return Status::Unreadable(kind + " reports are not supported yet: convert to text");
}


// The flattened text of a document and what it was.
struct Flattened {
  std::string text;
  std::string kind;      // SourceInfo::kind
  std::string encoding;  // "" for binary formats
};

Result<Flattened> Flatten(std::string_view bytes, const std::string& name) {
  if (IsPdf(bytes)) {
    auto t = PdfToText(bytes);
    if (t.ok()) return Flattened{std::move(t).value(), "pdf", ""};
    // "%PDF-" after some bytes may just be text that mentions it.
    if (StartsWith(bytes, "%PDF-")) return t.status();
  }
  if (IsZip(bytes)) {
    auto zip = ZipArchive::Open(bytes);
    if (!zip.ok()) return zip.status();
    if (zip->Has("word/document.xml")) {
      auto t = DocxToText(bytes);
      if (!t.ok()) return t.status();
      return Flattened{std::move(t).value(), "docx", ""};
    }
    if (zip->Has("xl/workbook.xml")) {
      auto t = XlsxToText(bytes);
      if (!t.ok()) return t.status();
      return Flattened{std::move(t).value(), "xlsx", ""};
    }
    return Status::Unreadable("a ZIP archive that is neither DOCX nor XLSX");
  }
  if (IsOle2(bytes)) return Unsupported("Word 97-2003 / Excel 97-2003");
  std::string encoding;
  auto decoded = DecodeHtml(bytes, encoding);
  if (!decoded.ok()) return decoded.status();
  std::optional<std::string> kind = MarkupKind(*decoded);
  // The extension is a hint only where the content allows both readings: a
  // .html file that opens with a tag.
  if (!kind && EndsWithHtml(name)) {
    const size_t first = decoded->find_first_not_of(" \t\r\n");
    if (first != std::string::npos && (*decoded)[first] == '<') kind = "HTML";
  }
  if (kind) {
    if (*kind != "HTML") return Unsupported(*kind);
    auto t = HtmlToText(*decoded);
    if (!t.ok()) return t.status();
    return Flattened{std::move(t).value(), "html", encoding};
  }
  // Plain text: the detection of DecodeToUtf8 alone (a "charset" word in
  // prose must not change how text is decoded).
  auto plain = text::DecodeToUtf8(bytes);
  if (!plain.ok()) return plain.status();
  return Flattened{std::move(plain->utf8), "text", text::EncodingName(plain->encoding)};
}

int TablesFound(const report::Report& r) {
  return (r.section2 ? 1 : 0) + (r.section3 ? 1 : 0) + (r.section4 ? 1 : 0);
}

}  // namespace

Result<report::Report> ReadReportBytes(std::string_view bytes, const ReadOptions& opts) {
  auto flat = Flatten(bytes, opts.file_name);
  if (!flat.ok()) return flat.status();
  auto r = ReadTextReport(flat->text, opts);
  if (flat->kind == "pdf" && (!r.ok() || TablesFound(*r) < 3)) {
    // Fallback for layouts the word boxes do not rebuild (rotated or
    // overlapping text): poppler's raw-order text, kept if it reads more.
    auto raw = PdfToText(bytes, PdfLayout::kRawOrder);
    if (raw.ok()) {
      auto alt = ReadTextReport(*raw, opts);
      if (alt.ok() && (!r.ok() || TablesFound(*alt) > TablesFound(*r))) r = std::move(alt);
    }
  }
  if (!r.ok()) return r;
  r->source.kind = flat->kind;
  r->source.encoding = flat->encoding;
  return r;
}

}  // namespace gk::ingest
