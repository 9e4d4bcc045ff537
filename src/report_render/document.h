// The input of the report renderers: an annual report (report::Report) with
// what a publication needs beyond the three tables — the agency's full name,
// the title, the status, the narrative sections 一, 五 and 六, and the data of
// the charts that are not derived from the tables.
//
// Every renderer (html.h, docx.h, pdf.h, xlsx.h) takes a ReportDocument and
// returns the bytes of one format; none does I/O (except XLSX's private
// temporary directory, see xlsx.h), none throws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "report/model.h"

namespace gk::report_render {

enum class PublicationStatus {
  kDraft,      // printed with a 草稿 mark on every page / at the top
  kPublished,  // no mark
};

// A subsection of 一、总体情况, e.g. heading "（一）主动公开" and its text.
struct Subsection {
  std::string heading;
  std::string text;  // plain text; paragraphs separated by line breaks
};

// The prose of the report. Plain text: paragraphs are separated by line
// breaks (blank lines are ignored); every character is printed as written
// (escaped in HTML and XML), never read as markup.
struct Narrative {
  std::string overview;                    // 一、总体情况: the opening paragraphs
  std::vector<Subsection> overview_parts;  // 一's subsections (（一）… （N）…)
  std::string problems;                    // 五、存在的主要问题及改进情况
  std::string other;                       // 六、其他需要报告的事项
};

// One year of the five-year trend chart. A blank value is left out of the
// chart (not drawn as 0).
struct TrendPoint {
  int year = 0;
  std::optional<int64_t> applications;  // 本年新收政府信息公开申请数量（总计）
  std::optional<int64_t> records_published;  // 主动公开政府信息数量
};

// One bar of the proactive-disclosure chart: a category of records
// (e.g. 政策文件) and how many were published in the year.
struct CategoryCount {
  std::string label;
  int64_t count = 0;
};

// Chart data that does not come from the tables. Empty vectors: the chart is
// omitted. (The outcome and applicant-type charts are computed from
// report.section3 and omitted when it is missing or all its figures are 0.)
struct ChartInput {
  std::vector<TrendPoint> trend;  // ascending years, at most five are drawn (the last five)
  std::vector<CategoryCount> proactive_by_category;
};

struct ReportDocument {
  report::Report report;         // format, year, agency and the tables 二/三/四
  std::string agency_full_name;  // signature and metadata; report.agency when empty
  std::string title;  // e.g. 威海市工业和信息化局2022年政府信息公开工作年度报告
  PublicationStatus status = PublicationStatus::kDraft;
  std::optional<Date> date;  // date under the signature (publication date); none: omitted
  Narrative narrative;
  ChartInput charts;
};

// Invalid when the title is blank, or when neither agency_full_name nor
// report.agency names the agency, or when a section-二 table does not have
// the shape of report.format (Rows2). The renderers call it first.
Status CheckDocument(const ReportDocument& doc);

// The agency as printed: agency_full_name, else report.agency; the title as
// printed. Both on one line (line breaks in the input are dropped: Chinese
// needs no space where a long name was wrapped).
std::string AgencyName(const ReportDocument& doc);
std::string TitleOf(const ReportDocument& doc);

// Text safe for every output: invalid UTF-8 sequences become U+FFFD, control
// characters other than tab and line feed are dropped (XML 1.0 forbids them),
// CR LF and lone CR become LF.
std::string CleanText(std::string_view text);

// `text` with & < > " ' escaped, for HTML, SVG and XML attribute values and content.
std::string EscapeMarkup(std::string_view text);

// The paragraphs of a plain text (after CleanText): split at line breaks, each
// trimmed of surrounding white space (ASCII and U+3000), empty ones dropped.
std::vector<std::string> Paragraphs(std::string_view text);

// The six section headings in the official wording (report-format.md §0.1):
// index 0 → 一、总体情况 … 5 → 六、其他需要报告的事项.
std::string_view SectionHeading(int index);

// "2023年1月30日".
std::string ChineseDate(const Date& d);

}  // namespace gk::report_render
