// PDF → FlatText (docs/ingest.md), with poppler-cpp.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace gk::ingest {

// The text of every page, top to bottom. Words (poppler's text boxes) are
// grouped into lines by their vertical position, so a table row stays one
// line; on a line, a horizontal gap wider than 0.8 of the text height starts
// a new cell (tab). Prose wrapped at the right margin is joined back into
// one line (a sentence stated across a line break stays whole). Blank figures: within a run of table lines (lines of
// several cells, not broken by a one-cell line such as 第二十条第（五）项),
// the positions of numeric cells give the value columns (right edges,
// centres or left edges: whichever alignment needs the fewest columns), and a
// line gets an empty cell for each such column between its first value and
// the run's last column that it leaves empty, and for a gap of 1.75 times the
// usual distance between adjacent figures or more. A page without word boxes falls back to
// poppler's raw-order text (rows kept on one line). Unreadable when the PDF
// cannot be opened, is encrypted, or has no text at all (a scan: OCR it
// first). At most 2 000 pages. Never throws; poppler's messages are silenced.
enum class PdfLayout {
  kWordBoxes,  // lines rebuilt from word positions, blank cells inferred (above)
  kRawOrder,   // poppler's raw_order_layout text of every page; page numbers and
               // lines of one or two bare numbers (chart labels) dropped
};
Result<std::string> PdfToText(std::string_view bytes, PdfLayout layout = PdfLayout::kWordBoxes);

}  // namespace gk::ingest
