#include "ingest/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <memory>
#include <mutex>
#include <vector>

#include "ingest/flat_text.h"

namespace gk::ingest {
namespace {

constexpr int kMaxPages = 2000;
constexpr double kCellGap = 0.8;      // × text height: a wider gap starts a cell
constexpr double kColumnTol = 4.0;    // points: right edges closer than this align

void Silence(const std::string&, void*) {}

std::string Utf8(const poppler::ustring& u) {
  const poppler::byte_array b = u.to_utf8();
  return std::string(b.begin(), b.end());
}

struct Word {
  std::string text;
  double left, right, top, bottom;
};

struct Cell {
  std::string text;
  double left, right;
};

struct PdfLine {
  std::vector<Cell> cells;
  double top = 0, bottom = 0;
};

bool IsFigure(const std::string& s) {
  if (s.empty()) return false;
  size_t digits = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (!(c == '.' || c == ',' || ((c == '+' || c == '-') && i == 0))) {
      return false;
    }
  }
  return digits > 0;
}

std::vector<PdfLine> Lines(std::vector<Word> words) {
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return (a.top + a.bottom) < (b.top + b.bottom);
  });
  std::vector<std::vector<Word>> groups;
  double center = 0, height = 0;
  for (Word& w : words) {
    const double c = (w.top + w.bottom) / 2, h = std::max(1.0, w.bottom - w.top);
    if (!groups.empty() && std::fabs(c - center) < 0.5 * std::min(h, height)) {
      groups.back().push_back(std::move(w));
      continue;
    }
    groups.emplace_back();
    groups.back().push_back(std::move(w));
    center = c;
    height = h;
  }
  std::vector<PdfLine> lines;
  for (auto& g : groups) {
    std::sort(g.begin(), g.end(), [](const Word& a, const Word& b) { return a.left < b.left; });
    PdfLine line;
    line.top = g.front().top;
    line.bottom = g.front().bottom;
    for (const Word& w : g) {
      line.top = std::min(line.top, w.top);
      line.bottom = std::max(line.bottom, w.bottom);
      const double h = std::max(1.0, w.bottom - w.top);
      if (!line.cells.empty() && w.left - line.cells.back().right <= kCellGap * h) {
        Cell& c = line.cells.back();
        // Chinese words touch; Latin words and figures keep a space.
        if (w.left - c.right > 0.15 * h) c.text += ' ';
        c.text += w.text;
        c.right = std::max(c.right, w.right);
        continue;
      }
      line.cells.push_back(Cell{w.text, w.left, w.right});
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

// Emits a run of table lines with empty cells where a value column is empty.
// Where a figure sits in its column: right-aligned (our renderer, most
// spreadsheets), centred (Word's default) or left-aligned.
enum class Align { kRight, kCenter, kLeft };

double Edge(const Cell& c, Align a) {
  switch (a) {
    case Align::kRight: return c.right;
    case Align::kCenter: return (c.left + c.right) / 2;
    case Align::kLeft: return c.left;
  }
  return c.right;
}

// Value columns of a run for one alignment: figure positions clustered.
std::vector<double> Columns(const std::vector<PdfLine>& run, Align a) {
  std::vector<double> columns;
  for (const PdfLine& l : run) {
    for (const Cell& c : l.cells) {
      if (!IsFigure(c.text)) continue;
      const double x = Edge(c, a);
      bool found = false;
      for (double col : columns) found = found || std::fabs(col - x) < kColumnTol;
      if (!found) columns.push_back(x);
    }
  }
  std::sort(columns.begin(), columns.end());
  return columns;
}

void EmitRun(const std::vector<PdfLine>& run, FlatText& out) {
  // The alignment that explains the figures with the fewest columns.
  Align align = Align::kRight;
  std::vector<double> columns = Columns(run, align);
  for (Align a : {Align::kCenter, Align::kLeft}) {
    std::vector<double> c = Columns(run, a);
    if (c.size() < columns.size()) {
      columns = std::move(c);
      align = a;
    }
  }
  // The usual distance between adjacent figures: a gap of about twice that
  // is a blank cell even where no other line of the run fills the column.
  std::vector<double> steps;
  for (const PdfLine& l : run) {
    double prev = -1;
    for (const Cell& c : l.cells) {
      if (!IsFigure(c.text)) {
        prev = -1;
        continue;
      }
      const double x = Edge(c, align);
      if (prev >= 0 && x - prev > kColumnTol) steps.push_back(x - prev);
      prev = x;
    }
  }
  double step = 0;
  if (steps.size() >= 3) {
    std::nth_element(steps.begin(), steps.begin() + static_cast<long>(steps.size() / 2), steps.end());
    step = steps[steps.size() / 2];
  }
  auto column_of = [&](double x) -> int {
    for (size_t i = 0; i < columns.size(); ++i) {
      if (std::fabs(columns[i] - x) < kColumnTol) return static_cast<int>(i);
    }
    return -1;
  };
  for (const PdfLine& l : run) {
    std::vector<std::string> cells;
    int next_col = -1;  // the value column after the last one emitted
    double prev_x = -1;
    for (const Cell& c : l.cells) {
      const double x = Edge(c, align);
      const int col = IsFigure(c.text) ? column_of(x) : -1;
      if (col >= 0) {
        int blanks = next_col >= 0 ? col - next_col : 0;
        if (prev_x >= 0 && step > 0) {
          // 1.75 steps or more: one blank; columns a little wider are not.
          blanks = std::max(blanks, static_cast<int>((x - prev_x) / step + 0.25) - 1);
        }
        for (int k = 0; k < blanks && k < 64; ++k) cells.emplace_back();
        next_col = col + 1;
        prev_x = x;
      } else {
        prev_x = -1;
      }
      cells.push_back(c.text);
    }
    if (next_col >= 0) {
      for (int k = next_col; k < static_cast<int>(columns.size()); ++k) cells.emplace_back();
    }
    if (cells.size() == 1) {
      out.Paragraph(cells[0]);
    } else {
      out.Row(cells);
    }
  }
}

// Figures with no words beside them — a lone number on a line, or a run of
// lines holding only numbers — are chart labels (axis ticks, data labels),
// not table cells: a table row keeps its label on the same line. Page
// numbers ("— 2 —", "第4页") are dropped too.
bool OnlyFigures(const std::vector<PdfLine>& run) {
  for (const PdfLine& l : run) {
    for (const Cell& c : l.cells) {
      if (!IsFigure(c.text)) return false;
    }
  }
  return true;
}

// A page number line: "— 2 —", "- 3 -", "第 4 页", "第4页 共9页", "5 / 9".
// One number, or two with "/" or 共 between them; nothing else but marks.
bool IsPageNumber(const std::string& s) {
  static constexpr std::string_view kMarks[] = {"—", "–", "－", "第", "页", "共", "/", "-", " "};
  int runs = 0;
  bool in_digits = false;
  for (size_t i = 0; i < s.size();) {
    if (s[i] >= '0' && s[i] <= '9') {
      if (!in_digits) ++runs;
      in_digits = true;
      ++i;
      continue;
    }
    in_digits = false;
    size_t len = 0;
    for (std::string_view m : kMarks) {
      if (std::string_view(s).substr(i, m.size()) == m) {
        len = m.size();
        break;
      }
    }
    if (len == 0) return false;
    i += len;
  }
  if (runs == 1) return true;
  return runs == 2 && (s.find('/') != std::string::npos || s.find("共") != std::string::npos);
}

bool EndsSentence(const std::string& s) {
  for (std::string_view end : {"。", "！", "？", "；", "：", ";", ":", "!", "?"}) {
    if (s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0) {
      return true;
    }
  }
  return false;
}

void EmitPage(const std::vector<PdfLine>& lines, FlatText& out) {
  // The right margin of the text: lines reaching it were wrapped.
  double text_right = 0;
  for (const PdfLine& l : lines) {
    if (!l.cells.empty()) text_right = std::max(text_right, l.cells.back().right);
  }
  std::vector<PdfLine> run;
  std::string para;               // a paragraph being joined from wrapped lines
  const PdfLine* last = nullptr;  // its last line
  auto flush_para = [&] {
    if (!para.empty()) out.Paragraph(para);
    para.clear();
    last = nullptr;
  };
  auto flush = [&] {
    if (!run.empty() && !OnlyFigures(run)) EmitRun(run, out);
    run.clear();
  };
  for (const PdfLine& l : lines) {
    if (l.cells.size() >= 2) {
      flush_para();
      run.push_back(l);
      continue;
    }
    flush();
    if (l.cells.empty() || IsFigure(l.cells[0].text) || IsPageNumber(l.cells[0].text)) continue;
    const Cell& c = l.cells[0];
    // A prose line wrapped at the right margin continues on the next line
    // when that starts no further right and follows closely: joined, so a
    // sentence ("…未发生行政复" / "议和行政诉讼案件") is read whole.
    const double h = std::max(1.0, l.bottom - l.top);
    const bool continues = last != nullptr && !EndsSentence(para) &&
                           last->cells[0].right >= text_right - 2 * h &&
                           c.left <= last->cells[0].left + 0.5 * h &&
                           l.top - last->bottom < 0.9 * h;
    if (!continues) flush_para();
    para += c.text;
    last = &l;
  }
  flush();
  flush_para();
}

// A raw-order line that is a page number or one or two bare numbers (chart
// ticks and labels); a table row keeps its label, or has more figures.
bool ChartOrPageLine(const std::string& line) {
  if (IsPageNumber(line)) return true;
  size_t figures = 0, start = 0;
  while (start < line.size()) {
    size_t sp = line.find(' ', start);
    if (sp == std::string::npos) sp = line.size();
    if (!IsFigure(line.substr(start, sp - start))) return false;
    ++figures;
    start = sp + 1;
  }
  return figures >= 1 && figures <= 2;
}

Result<std::string> Read(std::string_view bytes, PdfLayout layout) {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(Silence, nullptr); });
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) return Status::Unreadable("PDF too large");
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return Status::Unreadable("PDF: the file is damaged or not a PDF");
  if (doc->is_locked()) return Status::Unreadable("PDF: the file is password-protected");
  FlatText out;
  const int pages = std::min(doc->pages(), kMaxPages);
  bool any_text = false;
  for (int i = 0; i < pages && !out.full(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    std::vector<Word> words;
    if (layout == PdfLayout::kWordBoxes) {
      for (const poppler::text_box& b : page->text_list()) {
      const poppler::rectf r = b.bbox();
      std::string t = Utf8(b.text());
      if (t.empty()) continue;
        words.push_back(Word{std::move(t), r.left(), r.right(), r.top(), r.bottom()});
      }
    }
    if (!words.empty()) {
      any_text = true;
      EmitPage(Lines(std::move(words)), out);
      continue;
    }
    // Fallback: poppler's own raw-order text.
    const std::string raw = Utf8(page->text(poppler::rectf(), poppler::page::raw_order_layout));
    size_t start = 0;
    while (start < raw.size()) {
      size_t nl = raw.find('\n', start);
      if (nl == std::string::npos) nl = raw.size();
      const std::string line = raw.substr(start, nl - start);
      if (!CellText(line).empty()) any_text = true;
      if (!ChartOrPageLine(CellText(line))) out.Paragraph(line);
      start = nl + 1;
    }
  }
  if (!any_text) {
    return Status::Unreadable("PDF: no text layer (a scanned image); OCR it to text first");
  }
  return out.text();
}

}  // namespace

Result<std::string> PdfToText(std::string_view bytes, PdfLayout layout) {
  try {
    return Read(bytes, layout);
  } catch (const std::exception& e) {
    return Status::Unreadable(std::string("PDF could not be read: ") + e.what());
  }
}

}  // namespace gk::ingest
