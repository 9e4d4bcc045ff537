// The plain-text report reader: the text of a published 政府信息公开工作年度报告
// (extracted from Word, PDF or a web page) → the report model.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "report/model.h"

namespace gk::ingest {

struct ReadOptions {
  std::optional<report::Format> force_format;  // --format 2019|2021; nullopt = auto
  std::string file_name;                       // goes to report.source.file
};

// Reads a report from UTF-8 text (invalid sequences are replaced, not
// rejected). Fails with Status::Unreadable, naming what is missing, only
// when the text has neither a section heading nor a table label of a report.
// Otherwise returns a Report with source {file, "text", "utf-8"} and
// `document` filled (DocumentFacts: sections found, fingerprint, declared
// format, text claims, reader warnings).
//
// The format is force_format, else the table fingerprint, else the year's
// format, else 2021 (report-format.md §0.2). Year and agency come from the
// title (year also from the statistics period). A section whose table is
// absent or only an image is null; a row the table lacks has null cells; a
// blank cell is null, never 0. Tables are read in sections 二–四 only.
// Linear in the input; never throws.
Result<report::Report> ReadTextReport(std::string_view utf8, const ReadOptions& opts);

}  // namespace gk::ingest
