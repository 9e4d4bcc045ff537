// JSON forms of the report model (interface.md "Report JSON", "Findings";
// docs/report-schema.md explains every key).
//
// None of these functions throws: library exceptions are caught inside and
// become a Status (reading) or are avoided by construction (writing; invalid
// UTF-8 in untrusted strings is written as U+FFFD).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "report/finding.h"
#include "report/model.h"

namespace gk::report {

inline constexpr std::string_view kReportSchema = "gongkai.annual-report/1";

// The report as one JSON object with keys in this order: schema, format,
// agency, year, section2, section3, section4, then source (members file, kind,
// encoding, each omitted when empty; the whole object omitted when all are),
// status (when set) and document (when set; the reader's facts). Blank cells
// and missing sections are null; rows of the other format are absent. Money is
// a decimal number of 万元 made from integer fen (FormatMoney). pretty = two
// space indentation, else one line without spaces (JSON Lines).
std::string WriteReportJson(const Report& report, bool pretty = false);

// Parses the object written above (or by another tool following the schema).
// Tolerant: any key may be absent (a missing section or row reads as blank,
// "schema" may be absent, "format" may be absent and is then taken from the
// keys present or else from the year), unknown keys are ignored. Strict: a
// value of the wrong type, an unknown schema or format, a fractional count, a
// number out of range, rows of the other format than "format" names, or text
// that is not JSON give Status::Invalid naming the JSON path, e.g.
//   section3.granted.total: expected an integer or null, got "x"
// Input larger than 16 MiB or nested deeper than 64 levels is refused.
Result<Report> ReadReportJson(std::string_view text);

// The check result of one file (interface.md "Findings"), on one line:
// {"file","format","year","agency","findings":[{"severity","code","section",
// "row","column","expected","actual","message"}]}. report may be null (file
// unreadable): format, year and agency are then null. Empty strings and absent
// values are null. expected/actual of a money cell of section 二 are written
// as 万元 decimals like the report itself.
std::string WriteCheckResultJson(const std::string& file, const Report* report,
                                 const std::vector<Finding>& findings);

}  // namespace gk::report
