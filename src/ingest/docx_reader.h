// DOCX (WordprocessingML) → FlatText (docs/ingest.md), with libzip + pugixml.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace gk::ingest {

// The text of word/document.xml: each paragraph a line (a paragraph laid out
// with tabs becomes tab-separated cells); each table row a line of
// tab-separated cells, a gridSpan cell once, a vMerge continuation cell not
// at all; a row whose cells hold tables is read as the blocks inside them;
// text boxes (w:txbxContent, the mc:Choice of an mc:AlternateContent only)
// follow the paragraph that anchors them; content controls (w:sdt) and
// inserted text are read, deleted text is not. Unreadable when the bytes are
// not a ZIP holding word/document.xml or its XML is malformed. Never throws.
Result<std::string> DocxToText(std::string_view bytes);

// The same for the XML of word/document.xml alone (the fuzz target feeds it
// without a ZIP around it, whose CRCs would reject almost every mutation).
Result<std::string> DocumentXmlToText(std::string_view xml);

}  // namespace gk::ingest
