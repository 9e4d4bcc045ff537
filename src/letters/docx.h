// A letter as a Word document (DOCX, ISO/IEC 29500 WordprocessingML).
//
// The package is minimal and self-contained: [Content_Types].xml,
// _rels/.rels, docProps/core.xml (title, issuer, date), word/document.xml,
// word/styles.xml, word/settings.xml (different odd and even footers),
// word/fontTable.xml (substitutes for fonts Word lacks), word/footer1.xml and
// word/footer2.xml (page numbers), word/_rels/document.xml.rels. XML is built
// with pugixml (escaping included) and zipped in memory with libzip.
//
// Layout as layout.h (GB/T 9704-2012): A4, margins 37/35/28/26 mm, lines at
// exactly 28.95 pt on a 22-line grid, title 二号 方正小标宋简体 (Word falls back
// to 宋体), body 三号 仿宋, 发文字号 centred above the title, 主送 flush left
// with a colon, signature centred over the date four characters from the
// right, page numbers “— n —” in 四号 宋体. Fonts are named as Word knows them;
// fonts.conf in this folder maps them to Noto CJK for Linux renderers.
//
// The output is deterministic: the same letter gives the same bytes (entry
// times are the letter's date).
#pragma once

#include <string>

#include "core/status.h"
#include "letters/letters.h"

namespace gk::letters {

// Invalid when the letter has no title or issuer (layout::Check); Internal
// when libzip or pugixml fails (message says which step). Nothing throws.
Result<std::string> RenderDocx(const Letter& letter);

}  // namespace gk::letters
