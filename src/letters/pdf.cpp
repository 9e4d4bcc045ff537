#include "letters/pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "letters/layout.h"

namespace gk::letters {
namespace {

using layout::Align;
using layout::Block;
using layout::Face;

// ---- Owners of C objects -------------------------------------------------------------

struct SurfaceFree {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoFree {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct FontOptionsFree {
  void operator()(cairo_font_options_t* o) const { cairo_font_options_destroy(o); }
};
struct GObjectFree {
  void operator()(void* o) const { g_object_unref(o); }
};
struct FontDescFree {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
struct AttrListFree {
  void operator()(PangoAttrList* a) const { pango_attr_list_unref(a); }
};
struct IterFree {
  void operator()(PangoLayoutIter* i) const { pango_layout_iter_free(i); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceFree>;
using Cairo = std::unique_ptr<cairo_t, CairoFree>;
using FontOptions = std::unique_ptr<cairo_font_options_t, FontOptionsFree>;
using Context = std::unique_ptr<PangoContext, GObjectFree>;
using Layout = std::unique_ptr<PangoLayout, GObjectFree>;
using FontDesc = std::unique_ptr<PangoFontDescription, FontDescFree>;
using Font = std::unique_ptr<PangoFont, GObjectFree>;
using AttrList = std::unique_ptr<PangoAttrList, AttrListFree>;
using Iter = std::unique_ptr<PangoLayoutIter, IterFree>;

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (...) {
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

// ---- Geometry (points; PDF user space) -------------------------------------------------

struct Page {
  double width = layout::MmToPt(layout::kPageWidthMm);
  double height = layout::MmToPt(layout::kPageHeightMm);
  double left = layout::MmToPt(layout::kLeftMm);
  double top = layout::MmToPt(layout::kTopMm);
  double text_width = layout::MmToPt(layout::kPageWidthMm - layout::kLeftMm - layout::kRightMm);
  double pitch = layout::kLinePitchPt;
  // One grid character: 28 of them fill the line (6.2.3). A hair less than
  // the exact share, so rounding never pushes the 28th to the next line.
  double ch = text_width / layout::kCharsPerLine - 0.01;
  double grid_bottom() const { return top + layout::kLinesPerPage * pitch; }
};

// Baseline of a line of `size` on a grid line starting at `line_top`: the
// ideographic em box (0.88 em above, 0.12 em below the baseline) centred.
double Baseline(double line_top, double pitch, double size) {
  return line_top + pitch / 2 + 0.38 * size;
}

FontDesc Describe(Face face) {
  const layout::Font& f = layout::FontOf(face);
  FontDesc d(pango_font_description_new());
  pango_font_description_set_family(d.get(), std::string(f.families).c_str());
  pango_font_description_set_absolute_size(d.get(), f.size_pt * PANGO_SCALE);
  pango_font_description_set_weight(d.get(), f.heavy ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL);
  return d;
}

// One line of text placed on the grid.
struct Line {
  PangoLayoutLine* line = nullptr;  // owned by its layout
  double x = 0;                     // left end of the line's logical extent
  Face face = Face::kBody;
  bool blank = false;
  bool keep_with_prev = false;  // must be on the page of the previous line
};

class Renderer {
 public:
  explicit Renderer(std::string* out) : out_(out) {}

  Status Run(const Letter& letter) {
    surface_.reset(cairo_pdf_surface_create_for_stream(Append, out_, page_.width, page_.height));
    if (Status s = Check(cairo_surface_status(surface_.get()), "创建PDF"); !s.ok()) return s;
    Metadata(letter);
    cr_.reset(cairo_create(surface_.get()));
    if (Status s = Check(cairo_status(cr_.get()), "创建绘图上下文"); !s.ok()) return s;

    context_.reset(pango_cairo_create_context(cr_.get()));
    FontOptions options(cairo_font_options_create());
    // Unhinted metrics: the layout is the same at every resolution.
    cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_.get(), options.get());
    pango_context_set_language(context_.get(), pango_language_from_string("zh-cn"));
    if (Status s = CheckChineseFont(); !s.ok()) return s;

    std::vector<Line> lines;
    bool keep_next = false;
    for (const Block& b : layout::Blocks(letter)) {
      AddBlock(b, keep_next, &lines);
      keep_next = b.keep_with_next;
    }
    Paginate(lines);

    cairo_surface_finish(surface_.get());
    if (Status s = Check(cairo_surface_status(surface_.get()), "写出PDF"); !s.ok()) return s;
    return Check(cairo_status(cr_.get()), "绘制");
  }

 private:
  static Status Check(cairo_status_t st, const char* step) {
    if (st == CAIRO_STATUS_SUCCESS) return Status::Ok();
    return Status::Internal(std::string("PDF：") + step + "失败（cairo：" +
                            cairo_status_to_string(st) + "）");
  }

  void Metadata(const Letter& letter) {
    std::string title = layout::CleanText(letter.title);
    for (char& c : title) {
      if (c == '\n') c = ' ';
    }
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_AUTHOR,
                                   layout::CleanText(letter.issuer).c_str());
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_CREATOR, "Gongkai");
    const std::string date = letter.date.ToString() + "T00:00:00";
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  }

  // Without a font that covers Chinese every character would be a box.
  Status CheckChineseFont() {
    FontDesc desc = Describe(Face::kBody);
    Font font(pango_context_load_font(context_.get(), desc.get()));
    if (font == nullptr || !pango_font_has_char(font.get(), U'中')) {
      return Status::Internal(
          "PDF：没有可用的中文字体（需要仿宋或 Noto Serif CJK SC，Debian 软件包 fonts-noto-cjk）");
    }
    return Status::Ok();
  }

  PangoLayout* NewLayout(const Block& b) {
    const double ch = page_.ch;
    Layout layout(pango_layout_new(context_.get()));
    PangoLayout* l = layout.get();
    layouts_.push_back(std::move(layout));
    FontDesc desc = Describe(b.face);
    pango_layout_set_font_description(l, desc.get());
    pango_layout_set_text(l, b.text.c_str(), -1);
    const double width = page_.text_width - (b.left_indent + b.right_indent) * ch;
    pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    switch (b.align) {
      case Align::kLeft:
        pango_layout_set_alignment(l, PANGO_ALIGN_LEFT);
        break;
      case Align::kCenter:
        pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
        break;
      case Align::kRight:
        pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
        break;
      case Align::kJustify:
        pango_layout_set_alignment(l, PANGO_ALIGN_LEFT);
        pango_layout_set_justify(l, TRUE);
        break;
    }
    if (b.hanging > 0) {
      pango_layout_set_indent(l, -static_cast<int>(b.hanging * ch * PANGO_SCALE));
    } else if (b.first_indent > 0) {
      pango_layout_set_indent(l, static_cast<int>(b.first_indent * ch * PANGO_SCALE));
    }
    if (b.face == Face::kBody) {
      // 28 characters to the line (6.2.3): 三号 is 16 pt, the grid character
      // a little narrower.
      const double spacing = ch - layout::FontOf(Face::kBody).size_pt;
      AttrList attrs(pango_attr_list_new());
      pango_attr_list_insert(
          attrs.get(), pango_attr_letter_spacing_new(static_cast<int>(spacing * PANGO_SCALE)));
      pango_layout_set_attributes(l, attrs.get());
    }
    return l;
  }

  void AddBlock(const Block& b, bool keep_with_prev, std::vector<Line>* lines) {
    PangoLayout* l = NewLayout(b);
    const double x0 = page_.left + b.left_indent * page_.ch;
    Iter it(pango_layout_get_iter(l));
    bool first = true;
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it.get(), nullptr, &logical);
      Line line;
      line.line = pango_layout_iter_get_line_readonly(it.get());
      line.x = x0 + static_cast<double>(logical.x) / PANGO_SCALE;
      line.face = b.face;
      line.blank = b.role == layout::Role::kBlank;
      line.keep_with_prev = first && keep_with_prev;
      lines->push_back(line);
      first = false;
    } while (pango_layout_iter_next_line(it.get()));
  }

  // Places the lines on 22-line pages. A run of lines tied by keep_with_prev
  // (the last text line, the blanks, signature, date, note) moves to a new
  // page whole when it does not fit; a blank line is not put at the top of a
  // following page.
  void Paginate(const std::vector<Line>& lines) {
    int row = 0;
    int page = 1;
    for (size_t i = 0; i < lines.size(); ++i) {
      const Line& line = lines[i];
      if (!line.keep_with_prev) {
        size_t end = i + 1;
        while (end < lines.size() && lines[end].keep_with_prev) ++end;
        const int run = static_cast<int>(end - i);
        if (row > 0 && row + run > layout::kLinesPerPage && run <= layout::kLinesPerPage) {
          EndPage(page++);
          row = 0;
        }
      }
      if (row == layout::kLinesPerPage) {
        EndPage(page++);
        row = 0;
      }
      if (row == 0 && page > 1 && line.blank && !line.keep_with_prev) continue;
      const double size = layout::FontOf(line.face).size_pt;
      cairo_move_to(cr_.get(), line.x, Baseline(page_.top + row * page_.pitch, page_.pitch, size));
      pango_cairo_show_layout_line(cr_.get(), line.line);
      ++row;
    }
    EndPage(page);
  }

  // GB/T 9704 7.5: “— n —” in 四号 宋体, 7 mm below the text area; odd pages
  // one character from the right, even pages one from the left.
  void EndPage(int page) {
    Layout layout(pango_layout_new(context_.get()));
    FontDesc desc = Describe(Face::kPageNumber);
    pango_layout_set_font_description(layout.get(), desc.get());
    const std::string text = layout::PageNumber(page);
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    PangoRectangle logical;
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    const double size = layout::FontOf(Face::kPageNumber).size_pt;
    const double width = static_cast<double>(logical.width) / PANGO_SCALE;
    const double x =
        page % 2 == 1 ? page_.left + page_.text_width - size - width : page_.left + size;
    // The dash sits about 0.35 em above the baseline.
    const double baseline =
        page_.grid_bottom() + layout::MmToPt(layout::kPageNumberGapMm) + 0.35 * size;
    cairo_move_to(cr_.get(), x, baseline);
    pango_cairo_show_layout_line(cr_.get(), pango_layout_get_line_readonly(layout.get(), 0));
    cairo_show_page(cr_.get());
  }

  std::string* out_;
  Page page_;
  Surface surface_;
  Cairo cr_;
  Context context_;
  std::vector<Layout> layouts_;  // own the lines until they are drawn
};

}  // namespace

Result<std::string> RenderPdf(const Letter& letter) {
  if (Status s = layout::Check(letter); !s.ok()) return s;
  try {
    std::string out;
    {
      Renderer r(&out);
      if (Status s = r.Run(letter); !s.ok()) return s;
    }
    return out;
  } catch (const std::exception& e) {
    return Status::Internal(std::string("PDF：生成失败（") + e.what() + "）");
  } catch (...) {
    return Status::Internal("PDF：生成失败");
  }
}

}  // namespace gk::letters
