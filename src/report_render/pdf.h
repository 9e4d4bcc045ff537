// The report as PDF, drawn with cairo (PDF surface written to memory) and laid
// out with pango (Chinese line breaking, justification, font fallback).
//
// A4 portrait, margins of GB/T 9704 (37/35/28/26 mm). The title in 宋体 二号
// bold, centred; the six section headings in 黑体 三号; the subsections of
// 一 in 楷体; prose in 仿宋 三号 on a 28 pt line pitch with a two-character
// first-line indent. The three tables in the official layout of the report's
// format (tables.h): ruled cells, merged header and group cells, 宋体/黑体
// 9 pt, figures right-aligned, blank cells empty; a table that runs over a
// page repeats its header rows on the next page, and a merged group cell cut
// by the break is drawn (with its label) on both pages. Charts (charts.h)
// drawn with cairo in the section they belong to. Page numbers “— n —”
// centred under the text; a draft carries 草稿 at the top of every page. The
// document outline (bookmarks) lists the title and the six sections.
//
// Fonts: the Windows names first (宋体, 黑体, 仿宋_GB2312, 楷体_GB2312), else
// Noto Serif/Sans CJK SC (Debian fonts-noto-cjk); the fonts used are embedded
// as subsets with their Unicode maps, so the text can be extracted.
// Deterministic: the metadata dates come from the report, not the clock.
#pragma once

#include <string>

#include "core/status.h"
#include "report_render/document.h"

namespace gk::report_render {

// Invalid as CheckDocument; Internal when no font covers Chinese or cairo
// fails (the message names the step). Nothing throws.
Result<std::string> RenderPdf(const ReportDocument& doc);

}  // namespace gk::report_render
