// HTML → FlatText (docs/ingest.md). Parsed with gumbo (HTML5 error recovery);
// tables become tab-separated rows, everything else paragraphs.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace gk::ingest {

// The charset a page declares in its first bytes (<meta charset="gbk">,
// <meta http-equiv="Content-Type" content="text/html; charset=gb2312">),
// lower-cased; "" when none.
std::string DeclaredHtmlCharset(std::string_view raw);

// Decodes the bytes of a page: a BOM wins; valid UTF-8 is UTF-8 (whatever
// the page declares: re-encoded pages keep their old <meta>); else a declared
// GBK / GB2312 / GB18030 charset reads it as GB18030, its superset, with
// U+FFFD for stray bytes; else the detection of text::DecodeToUtf8.
// `encoding` receives the name of the encoding used.
Result<std::string> DecodeHtml(std::string_view raw, std::string& encoding);

// The text of a UTF-8 page: block elements (p, div, h1…h6, li, br, …) end a
// line; each table row is one line of tab-separated cells, a cell that spans
// rows or columns appearing once where it starts; a table row whose cells
// hold tables or four or more paragraphs (p, div, li, h1–h4: a page layout
// table) is read as the blocks inside it; script, style
// and template content is skipped; <img alt> becomes "[image: alt]". Never
// throws; nesting deeper than 400 elements is not read. Unreadable when the
// start and end tags show elements nested more than 1 000 deep (the parser
// would be slow and recurse that deep: no published page does it).
Result<std::string> HtmlToText(std::string_view utf8);

}  // namespace gk::ingest
