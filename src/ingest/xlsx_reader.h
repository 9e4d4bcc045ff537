// XLSX (SpreadsheetML) → FlatText (docs/ingest.md), with libzip + pugixml.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace gk::ingest {

// The document title (docProps/core.xml), then every worksheet in workbook order, an empty line between sheets. Each
// spreadsheet row is one line: its cells from column A to the last cell the
// row defines, tab-separated, an absent cell empty; a cell covered by a
// merged range (not its top-left cell) is left out, so a merged label appears
// once; a row with one non-empty cell is a line of that text. Values: shared
// and inline strings (rich-text runs joined, phonetic runs dropped), numbers
// as stored (shortest form), booleans, formula results (the cached value).
// Unreadable when the bytes are not a ZIP holding xl/workbook.xml or a part
// is malformed. At most 1 000 000 cells are read. Never throws.
Result<std::string> XlsxToText(std::string_view bytes);

// One worksheet's XML with the shared-strings XML ("" for none), read as
// above (for the fuzz target: no ZIP around the parts).
Result<std::string> SheetXmlToText(std::string_view sheet_xml, std::string_view shared_xml);

}  // namespace gk::ingest
