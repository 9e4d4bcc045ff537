#include "ingest/text_reader.h"

#include <algorithm>
#include <array>
#include <exception>
#include <string>
#include <vector>

#include "ingest/claims.h"
#include "ingest/facts.h"
#include "ingest/normalize.h"
#include "ingest/sections.h"
#include "ingest/tables.h"
#include "ingest/tokens.h"

namespace gk::ingest {
namespace {

// A text without headings is still a report when its tables are recognisable.
constexpr int kMinRowsWithoutHeadings = 3;

size_t FirstHeading(const std::array<int, kNumSections>& h, size_t num_lines) {
  size_t first = num_lines;
  for (int line : h) {
    if (line >= 0) first = std::min(first, static_cast<size_t>(line));
  }
  return first;
}

Result<report::Report> Read(std::string_view utf8, const ReadOptions& opts) {
  const NormalizedText norm = Normalize(utf8);
  const std::vector<Line>& lines = norm.lines;

  report::DocumentFacts facts;
  const std::array<int, kNumSections> headings = FindHeadings(lines);
  bool any_heading = false;
  for (int k = 0; k < kNumSections; ++k) {
    facts.has_section[k] = headings[k] >= 0;
    any_heading = any_heading || facts.has_section[k];
  }

  // Tables live in sections 二, 三, 四 (range index 1…3).
  std::array<LineRange, 3> ranges;
  for (int k = 1; k <= 3; ++k) ranges[k - 1] = TableRange(headings, k, lines.size());
  const size_t tables_begin = std::min({ranges[0].begin, ranges[1].begin, ranges[2].begin});
  const size_t tables_end = std::max({ranges[0].end, ranges[1].end, ranges[2].end});
  facts.fingerprint = Fingerprint(lines, tables_begin, tables_end);
  facts.declared = DeclaredFormat(lines);

  report::Report rep;
  const TitleFacts title = ReadTitle(lines, FirstHeading(headings, lines.size()));
  rep.year = title.year;
  rep.agency = title.agency;
  if (opts.force_format) {
    rep.format = *opts.force_format;
  } else if (facts.fingerprint) {
    rep.format = *facts.fingerprint;
  } else if (rep.year) {
    rep.format = report::FormatForYear(*rep.year);
  } else {
    rep.format = report::Format::k2021;
  }

  // Without headings the three ranges are often the same: tokenise once.
  std::array<std::vector<Item>, 3> tokenized;
  std::array<const std::vector<Item>*, 3> items{};
  for (size_t k = 0; k < ranges.size(); ++k) {
    if (k > 0 && ranges[k].begin == ranges[k - 1].begin && ranges[k].end == ranges[k - 1].end) {
      items[k] = items[k - 1];
    } else {
      tokenized[k] = Tokenize(lines, ranges[k].begin, ranges[k].end);
      items[k] = &tokenized[k];
    }
  }
  Section2Read s2 = ReadSection2(*items[0], rep.format, facts.reader_findings);
  Section3Read s3 = ReadSection3(*items[1], rep.format);
  rep.section2 = std::move(s2.table);
  rep.section3 = std::move(s3.table);
  rep.section4 = ReadSection4(*items[2]);

  if (!any_heading && s2.rows_found + s3.rows_found < kMinRowsWithoutHeadings) {
    return Status::Unreadable(
        "not an annual report: no section heading or table label found (expected headings such "
        "as 一、总体情况 / 二、主动公开政府信息情况, or rows of the 政府信息公开 tables)");
  }

  // Claims come from prose and from lines outside the tables (W5).
  std::vector<bool> eligible(lines.size(), true);
  for (const LineRange& r : ranges) {
    for (size_t i = r.begin; i < r.end; ++i) eligible[i] = lines[i].prose;
  }
  facts.claims = ExtractClaims(lines, eligible, rep.format);

  rep.source.file = opts.file_name;
  rep.source.kind = "text";
  rep.source.encoding = "utf-8";
  rep.document = std::move(facts);
  return rep;
}

}  // namespace

Result<report::Report> ReadTextReport(std::string_view utf8, const ReadOptions& opts) {
  // Nothing here throws by design; std::bad_alloc on absurd input is the one
  // exception left, and it must not cross the module boundary.
  try {
    return Read(utf8, opts);
  } catch (const std::exception& e) {
    return Status::Unreadable(std::string("the text could not be read: ") + e.what());
  }
}

}  // namespace gk::ingest
