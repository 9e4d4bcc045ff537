// The intermediate every document reader produces: the document as lines of
// text, one paragraph per line and one table row per line with its cells
// separated by tabs, which ReadTextReport reads like a copied web page
// (docs/ingest.md). A merged cell (colspan/rowspan, gridSpan/vMerge, a merged
// range) appears once, in the row where it starts, as in flattened text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gk::ingest {

class FlatText {
 public:
  // A paragraph: one line. Tabs and line breaks inside become spaces; an
  // empty or all-space paragraph is dropped.
  void Paragraph(std::string_view text);
  // A table row: its cells joined by tabs (cell text flattened as above).
  // Empty cells are kept (a blank figure); a row of only empty cells is kept
  // as a line of tabs (an empty row of the table).
  void Row(const std::vector<std::string>& cells);
  // Ends a table: an empty line, so rows of two tables never run together.
  void EndTable();
  // The text so far (UTF-8, '\n' line ends); stops growing past `kMaxBytes`.
  const std::string& text() const { return text_; }
  bool full() const { return text_.size() >= kMaxBytes; }

  static constexpr size_t kMaxBytes = 16 * 1024 * 1024;

 private:
  std::string text_;
};

// `s` with tabs, CR, LF, vertical tabs, form feeds, NBSP and the ideographic
// space turned into spaces and runs of spaces collapsed; leading and trailing
// spaces removed (a cell of only "&nbsp;" is empty: a blank figure).
std::string CellText(std::string_view s);

}  // namespace gk::ingest
