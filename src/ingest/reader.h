// Reading a published annual report from the bytes of a file. The reader is
// chosen by the content, never by the file name (interface.md `ingest`).
#pragma once

#include <string_view>

#include "core/status.h"
#include "ingest/text_reader.h"
#include "report/model.h"

namespace gk::ingest {

// Decodes `bytes` (UTF-8, UTF-16 with or without BOM, GB18030/GBK) and reads
// them as a plain-text report (ReadTextReport); report.source.encoding names
// the encoding found. HTML, PDF, DOCX/XLSX (ZIP), legacy Word (OLE2) and RTF
// content fails with Status::Unreadable("… not supported yet: convert to
// text"). JSON is not handled here (the caller recognises it first).
Result<report::Report> ReadReportBytes(std::string_view bytes, const ReadOptions& opts);

}  // namespace gk::ingest
