// One entry point for the adapters (HTTP routes .html/.docx/.pdf/.xlsx, the
// `report --format` command): the format by name, its media type and file
// extension, and the bytes. The per-format headers (html.h, docx.h, pdf.h,
// xlsx.h) say what each file contains; docs/report-render.md shows it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "report_render/document.h"

namespace gk::report_render {

enum class OutputFormat {
  kHtml,          // standalone page (RenderHtmlPage)
  kHtmlFragment,  // <article> to embed (RenderHtmlFragment)
  kDocx,
  kPdf,
  kXlsx,
};

// "html" | "html-fragment" | "docx" | "pdf" | "xlsx" (case-sensitive);
// nullopt for anything else.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);
std::string_view OutputFormatName(OutputFormat f);

// "text/html; charset=utf-8", "application/pdf", the OOXML media types.
std::string_view MediaType(OutputFormat f);
// ".html", ".docx", ".pdf", ".xlsx" (the fragment is ".html" too).
std::string_view FileExtension(OutputFormat f);

// The file name for a download, e.g. 威海市工业和信息化局2022年政府信息公开工作年度报告.pdf
// (the title with / \ : * ? " < > | and control characters removed).
std::string FileName(const ReportDocument& doc, OutputFormat f);

// The bytes of the document in the format. Errors as the renderer's.
Result<std::string> Render(const ReportDocument& doc, OutputFormat f);

}  // namespace gk::report_render
