// Reading a published annual report from the bytes of a file. The reader is
// chosen by the content, never by the file name (interface.md `ingest`).
#pragma once

#include <string_view>

#include "core/status.h"
#include "ingest/text_reader.h"
#include "report/model.h"

namespace gk::ingest {

// Reads a report from a file's bytes. The reader is chosen by content:
// "%PDF-" → PdfToText; a ZIP holding word/document.xml → DocxToText, one
// holding xl/workbook.xml → XlsxToText; markup after decoding → HtmlToText
// (a declared GBK/GB2312 charset read as GB18030): a document type, <html>,
// <table>, or a fragment that opens with a tag and holds block tags (<p>,
// <div>, <td>, …); opts.file_name ending in .html/.htm is a hint only for
// content that opens with a tag; anything else is text
// (UTF-8, UTF-16 with or without BOM, GB18030/GBK). Every reader flattens its
// document to tab-separated lines (flat_text.h) that ReadTextReport reads, so
// all formats share one table matcher. report.source.kind is text | html |
// docx | pdf | xlsx, source.encoding the text encoding ("" for binary
// formats). Legacy Word/Excel (OLE2) and RTF fail with Status::Unreadable
// ("… not supported yet"). JSON is not handled here (the caller recognises it
// first). A PDF whose word-box text gives fewer than three tables is read
// again from poppler's raw-order text, and the reading with more tables wins.
// Never throws.
Result<report::Report> ReadReportBytes(std::string_view bytes, const ReadOptions& opts);

}  // namespace gk::ingest
