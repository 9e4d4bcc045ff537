#include "ingest/flat_text.h"

namespace gk::ingest {

std::string CellText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
    // NBSP (U+00A0, "&nbsp;" in a blank <td>) and the ideographic space U+3000.
    if (s.substr(i, 2) == "\xC2\xA0") {
      ws = true;
      i += 1;
    } else if (s.substr(i, 3) == "\xE3\x80\x80") {
      ws = true;
      i += 2;
    }
    if (ws) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

void FlatText::Paragraph(std::string_view text) {
  if (full()) return;
  std::string t = CellText(text);
  if (t.empty()) return;
  text_ += t;
  text_ += '\n';
}

void FlatText::Row(const std::vector<std::string>& cells) {
  if (full() || cells.empty()) return;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) text_ += '\t';
    text_ += CellText(cells[i]);
  }
  text_ += '\n';
}

void FlatText::EndTable() {
  if (full()) return;
  if (!text_.empty() && text_.back() == '\n' &&
      !(text_.size() >= 2 && text_[text_.size() - 2] == '\n')) {
    text_ += '\n';
  }
}

}  // namespace gk::ingest
