// The report as a Word document (DOCX, ISO/IEC 29500 WordprocessingML),
// zipped in memory with libzip, XML built with pugixml (text escaped).
//
// Contents: the title (style Title, 宋体 二号 bold), a 草稿 header on every
// page of a draft, the six section headings (style "heading 1", 黑体 三号),
// the subsections of 一 (style "heading 2", 楷体_GB2312), prose paragraphs
// (仿宋_GB2312 三号, first line indented two characters), the three tables
// in the official layout of the report's format (tables.h: gridSpan for
// merged columns, vMerge restart/continue for merged rows, header rows
// marked w:tblHeader so Word repeats them on each page, rows that do not
// split across pages, figures right-aligned, blank cells empty), the
// signature and date, and page numbers in the footer. Charts (charts.h) are
// PNG pictures (word/media/chartN.png, drawn with cairo at 2.5 px/pt) placed
// in their section, the text alternative as the picture's description.
//
// Fonts are named as Word knows them (w:rFonts ascii/hAnsi/eastAsia);
// word/fontTable.xml gives each an altName (SimSun, SimHei, FangSong, KaiTi)
// and the GB2312 charset; src/letters/fonts.conf maps them to Noto CJK for
// renderers on Linux. The output is deterministic (entry times and the
// creation date come from the report's date or year).
#pragma once

#include <string>

#include "core/status.h"
#include "report_render/document.h"

namespace gk::report_render {

// Invalid as CheckDocument; Internal when libzip or pugixml fails (the
// message names the step). Nothing throws.
Result<std::string> RenderDocx(const ReportDocument& doc);

}  // namespace gk::report_render
