// The report as HTML: accessible markup (WCAG 2.1 AA) in Simplified Chinese.
//
// - Headings: h1 the title, h2 the six sections 一…六, h3 the subsections
//   of 一. Prose as <p>, every character escaped.
// - Tables: <caption>, <thead> with the official merged headers (colspan /
//   rowspan), <th scope="col"> for column headers, <th scope="row"> for row
//   labels (rowspan for merged groups such as （三）不予公开), table 二's
//   article rows as <th scope="rowgroup"> opening one <tbody> per block.
//   Figures in <td class="gk-num"> (right-aligned); a blank figure is an
//   empty cell, never 0.
// - Charts (charts.h): <figure> with an inline SVG (role="img", <title>,
//   <desc> listing the values), a <figcaption>, and a visually hidden data
//   table with the same figures for screen readers.
// - A draft carries a 草稿 notice at the top.
#pragma once

#include <string>

#include "core/status.h"
#include "report_render/document.h"

namespace gk::report_render {

// The report as an <article lang="zh-CN"> element, to embed in a page whose
// stylesheet includes HtmlStyles(). Invalid as CheckDocument.
Result<std::string> RenderHtmlFragment(const ReportDocument& doc);

// A standalone page: <!DOCTYPE html>, <html lang="zh-CN">, the title, the
// styles inline and the fragment as its main content.
Result<std::string> RenderHtmlPage(const ReportDocument& doc);

// The stylesheet of the classes the fragment uses (gk-…), print rules included.
std::string HtmlStyles();

}  // namespace gk::report_render
