#include "report_render/render.h"

#include "report_render/docx.h"
#include "report_render/html.h"
#include "report_render/pdf.h"
#include "report_render/xlsx.h"

namespace gk::report_render {
namespace {

struct Info {
  OutputFormat format;
  std::string_view name;
  std::string_view media_type;
  std::string_view extension;
};

constexpr Info kInfo[] = {
    {OutputFormat::kHtml, "html", "text/html; charset=utf-8", ".html"},
    {OutputFormat::kHtmlFragment, "html-fragment", "text/html; charset=utf-8", ".html"},
    {OutputFormat::kDocx, "docx",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"},
    {OutputFormat::kPdf, "pdf", "application/pdf", ".pdf"},
    {OutputFormat::kXlsx, "xlsx",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"},
};

const Info& InfoOf(OutputFormat f) {
  for (const Info& i : kInfo) {
    if (i.format == f) return i;
  }
  return kInfo[0];
}

}  // namespace

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  for (const Info& i : kInfo) {
    if (i.name == name) return i.format;
  }
  return std::nullopt;
}

std::string_view OutputFormatName(OutputFormat f) { return InfoOf(f).name; }
std::string_view MediaType(OutputFormat f) { return InfoOf(f).media_type; }
std::string_view FileExtension(OutputFormat f) { return InfoOf(f).extension; }

std::string FileName(const ReportDocument& doc, OutputFormat f) {
  std::string out;
  for (char c : TitleOf(doc)) {
    if (std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos) continue;
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  if (out.empty()) out = "年度报告";
  out += FileExtension(f);
  return out;
}

Result<std::string> Render(const ReportDocument& doc, OutputFormat f) {
  switch (f) {
    case OutputFormat::kHtml:
      return RenderHtmlPage(doc);
    case OutputFormat::kHtmlFragment:
      return RenderHtmlFragment(doc);
    case OutputFormat::kDocx:
      return RenderDocx(doc);
    case OutputFormat::kPdf:
      return RenderPdf(doc);
    case OutputFormat::kXlsx:
      return RenderXlsx(doc);
  }
  return Status::Invalid("年度报告：未知的输出格式");
}

}  // namespace gk::report_render
