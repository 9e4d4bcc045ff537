// The charts of the report, drawn once: a chart description is laid out into
// a scene of shapes in a box, and the scene is written as SVG (HTML) or drawn
// with cairo (PDF). Spreadsheets get native charts from the same description
// (xlsx.cpp).
//
// Charts (in this order; each omitted when it has nothing to show):
//   outcomes    — 办理结果: the 总计 column of table 三 summed by group
//                 （一）…（六）; omitted when section 三 is missing or all 0/blank;
//   applicants  — 申请人类型: the row 一、本年新收 by applicant column; same rule;
//   trend       — 近五年趋势: applications received and records published,
//                 the last five years of ReportDocument::charts.trend;
//   proactive   — 主动公开分类: records published by category.
// Blank figures are not drawn as 0: a column or point is left out.
#pragma once

#include <cairo.h>

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "report_render/document.h"

namespace gk::report_render {

enum class ChartKind {
  kColumn,  // vertical bars, grouped by category when there are several series
  kLine,    // one line per series, a point per category
};

struct ChartSeries {
  std::string name;
  std::vector<std::optional<double>> values;  // one per category; nullopt = blank
};

struct Chart {
  std::string id;     // "outcomes" | "applicants" | "trend" | "proactive" (unique per report)
  std::string title;  // e.g. 政府信息公开申请办理结果
  ChartKind kind = ChartKind::kColumn;
  std::string unit;  // e.g. 件 (axis label and text alternative)
  std::vector<std::string> categories;
  std::vector<ChartSeries> series;
};

// The charts of a document, in the order above, without the omitted ones.
std::vector<Chart> ReportCharts(const ReportDocument& doc);

// The rows of table 三 whose 总计 figures make category `group` (0 = 予以公开 …
// 5 = 其他处理) of the outcomes chart, for spreadsheets that link the chart to
// the table.
std::vector<report::Row3> OutcomeRows(report::Format f, int group);
inline constexpr int kOutcomeGroups = 6;

// The section a chart is printed in (0-based: 0 = 一): trend → 一,
// proactive → 二, outcomes and applicants → 三 (after the table).
int ChartSection(const Chart& chart);

// A text alternative listing every figure, e.g.
// "政府信息公开申请办理结果（单位：件）：予以公开0件；部分公开1件；…"
std::string ChartSummary(const Chart& chart);

inline constexpr double kChartWidth = 640;  // default box, in px (SVG) or pt (PDF)
inline constexpr double kChartHeight = 340;

// The chart as an inline SVG element (no XML declaration) with role="img",
// a <title> and a <desc> (ChartSummary) referenced by aria-labelledby.
std::string ChartSvg(const Chart& chart, double width = kChartWidth, double height = kChartHeight);

// Draws the chart with cairo into the box (x, y, width, height) of the
// current target, text with pango (CJK fonts through fontconfig). The cairo
// state is saved and restored. Internal when cairo reports an error.
Status DrawChart(cairo_t* cr, const Chart& chart, double x, double y, double width = kChartWidth,
                 double height = kChartHeight);

// The chart as a PNG image (white background) of width × height points drawn
// at `scale` pixels per point, e.g. for documents that cannot hold vectors.
// Internal when cairo fails.
Result<std::string> ChartPng(const Chart& chart, double width = kChartWidth,
                             double height = kChartHeight, double scale = 2);

}  // namespace gk::report_render
