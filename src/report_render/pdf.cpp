#include "report_render/pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "report_render/charts.h"
#include "report_render/fonts.h"
#include "report_render/tables.h"

namespace gk::report_render {
namespace {

// ---- Owners of C objects ---------------------------------------------------------------

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
using Iter = std::unique_ptr<PangoLayoutIter, IterFree>;

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (...) {
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

constexpr double MmToPt(double mm) { return mm * 72.0 / 25.4; }

// ---- Geometry (points) ---------------------------------------------------------------------

constexpr double kPageW = 595.2756, kPageH = 841.8898;  // A4
constexpr double kLeft = MmToPt(28), kRight = MmToPt(26), kTop = MmToPt(37), kBottom = MmToPt(35);
constexpr double kTextW = kPageW - kLeft - kRight;
constexpr double kTextBottom = kPageH - kBottom;
constexpr double kBodyPitch = 28;  // line pitch of prose, as in official documents
constexpr double kTitlePitch = 34;
constexpr double kCellPadX = 3, kCellPadY = 3;
constexpr double kChartH = 250;

FontDesc Describe(const Face& f, double size = 0) {
  FontDesc d(pango_font_description_new());
  pango_font_description_set_family(d.get(), std::string(f.families).c_str());
  pango_font_description_set_absolute_size(d.get(), (size > 0 ? size : f.size_pt) * PANGO_SCALE);
  pango_font_description_set_weight(d.get(), f.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  return d;
}

enum class Align { kLeft, kCenter, kRight, kJustify };

class Renderer {
 public:
  explicit Renderer(std::string* out) : out_(out) {}

  Status Run(const ReportDocument& doc) {
    doc_ = &doc;
    surface_.reset(cairo_pdf_surface_create_for_stream(Append, out_, kPageW, kPageH));
    if (Status s = Check(cairo_surface_status(surface_.get()), "创建PDF"); !s.ok()) return s;
    Metadata();
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

    StartPage();
    Body();
    EndPage();
    cairo_surface_finish(surface_.get());
    if (Status s = Check(cairo_surface_status(surface_.get()), "写出PDF"); !s.ok()) return s;
    if (!chart_status_.ok()) return chart_status_;
    return Check(cairo_status(cr_.get()), "绘制");
  }

 private:
  static Status Check(cairo_status_t st, const char* step) {
    if (st == CAIRO_STATUS_SUCCESS) return Status::Ok();
    return Status::Internal(std::string("PDF：") + step + "失败（cairo：" +
                            cairo_status_to_string(st) + "）");
  }

  void Metadata() {
    const std::string title = TitleOf(*doc_);
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_AUTHOR,
                                   AgencyName(*doc_).c_str());
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_CREATOR, "Gongkai");
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_SUBJECT,
                                   "政府信息公开工作年度报告");
    std::string date;
    if (doc_->date) {
      date = doc_->date->ToString();
    } else if (doc_->report.year) {
      date = std::to_string(*doc_->report.year + 1) + "-01-01";
    }
    // Never the clock: without a date or a year, the epoch (as the DOCX).
    if (date.empty()) date = "1970-01-01";
    date += "T00:00:00";
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
  }

  Status CheckChineseFont() {
    FontDesc desc = Describe(kBodyFace);
    Font font(pango_context_load_font(context_.get(), desc.get()));
    if (font == nullptr || !pango_font_has_char(font.get(), U'中')) {
      return Status::Internal(
          "PDF：没有可用的中文字体（需要仿宋或 Noto Serif CJK SC，Debian 软件包 fonts-noto-cjk）");
    }
    return Status::Ok();
  }

  Layout NewLayout(const std::string& text, const Face& face, double width, Align align,
                   double indent = 0, double size = 0) {
    Layout l(pango_layout_new(context_.get()));
    FontDesc desc = Describe(face, size);
    pango_layout_set_font_description(l.get(), desc.get());
    pango_layout_set_text(l.get(), text.c_str(), -1);
    pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    switch (align) {
      case Align::kLeft:
        pango_layout_set_alignment(l.get(), PANGO_ALIGN_LEFT);
        break;
      case Align::kCenter:
        pango_layout_set_alignment(l.get(), PANGO_ALIGN_CENTER);
        break;
      case Align::kRight:
        pango_layout_set_alignment(l.get(), PANGO_ALIGN_RIGHT);
        break;
      case Align::kJustify:
        pango_layout_set_alignment(l.get(), PANGO_ALIGN_LEFT);
        pango_layout_set_justify(l.get(), TRUE);
        break;
    }
    if (indent > 0) pango_layout_set_indent(l.get(), static_cast<int>(indent * PANGO_SCALE));
    return l;
  }

  static double Height(PangoLayout* l) {
    PangoRectangle logical;
    pango_layout_get_extents(l, nullptr, &logical);
    return static_cast<double>(logical.height) / PANGO_SCALE;
  }

  // ---- Pages ----

  double Remaining() const { return kTextBottom - y_; }

  void StartPage() {
    ++page_;
    y_ = kTop;
    if (doc_->status == PublicationStatus::kDraft) {
      Layout l = NewLayout("草稿（未正式发布）", kHeadingFace, kTextW, Align::kCenter, 0, 12);
      cairo_set_source_rgb(cr_.get(), 0.75, 0, 0);
      cairo_move_to(cr_.get(), kLeft, kTop - 34);
      pango_cairo_show_layout(cr_.get(), l.get());
      cairo_set_source_rgb(cr_.get(), 0, 0, 0);
    }
  }

  // “— n —” centred 7 mm under the text area, 宋体 四号.
  void EndPage() {
    Layout l =
        NewLayout("— " + std::to_string(page_) + " —", kTableFace, kTextW, Align::kCenter, 0, 14);
    cairo_set_source_rgb(cr_.get(), 0, 0, 0);
    cairo_move_to(cr_.get(), kLeft, kTextBottom + MmToPt(7));
    pango_cairo_show_layout(cr_.get(), l.get());
    cairo_show_page(cr_.get());
  }

  void NewPage() {
    EndPage();
    StartPage();
  }

  int Outline(const std::string& name, int parent) {
    const std::string link = "page=" + std::to_string(page_) + " pos=[" +
                             std::to_string(static_cast<int>(kLeft)) + " " +
                             std::to_string(static_cast<int>(y_)) + "]";
    return cairo_pdf_surface_add_outline(surface_.get(), parent, name.c_str(), link.c_str(),
                                         static_cast<cairo_pdf_outline_flags_t>(0));
  }

  // Lines of a layout at a fixed pitch, breaking pages between lines.
  void FlowLines(PangoLayout* l, double pitch, double size) {
    Iter it(pango_layout_get_iter(l));
    do {
      if (Remaining() < pitch) NewPage();
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it.get(), nullptr, &logical);
      const double x = kLeft + static_cast<double>(logical.x) / PANGO_SCALE;
      const double baseline = y_ + pitch / 2 + 0.38 * size;
      cairo_move_to(cr_.get(), x, baseline);
      pango_cairo_show_layout_line(cr_.get(), pango_layout_iter_get_line_readonly(it.get()));
      y_ += pitch;
    } while (pango_layout_iter_next_line(it.get()));
  }

  void Paragraph(const std::string& text, const Face& face, Align align, double indent,
                 double pitch) {
    Layout l = NewLayout(text, face, kTextW, align, indent);
    FlowLines(l.get(), pitch, face.size_pt);
  }

  void Prose(std::string_view text) {
    for (const std::string& p : Paragraphs(text)) {
      Paragraph(p, kBodyFace, Align::kJustify, 2 * kBodyFace.size_pt, kBodyPitch);
    }
  }

  // A heading keeps at least two lines of what follows on its page, or
  // `next` points of it (e.g. the first rows of a table).
  void Heading(const std::string& text, const Face& face, bool outline, double next = 0) {
    if (Remaining() < kBodyPitch + std::max(2 * kBodyPitch, next)) NewPage();
    if (outline) Outline(text, section_outline_root_);
    Paragraph(text, face, Align::kLeft, 2 * face.size_pt, kBodyPitch);
  }

  // ---- Tables ----

  struct CellBox {
    const PlacedCell* placed = nullptr;
    Layout layout;
    double height = 0;  // text height with padding
  };

  const Face& FaceOf(const TableCell& c) const {
    return c.role == CellRole::kColumnHeader || c.role == CellRole::kBlock ? kTableHeaderFace
                                                                           : kTableFace;
  }

  // The geometry of a table at the text width: column edges, laid-out cells,
  // row heights.
  struct TableGeometry {
    std::vector<double> x;
    std::vector<PlacedCell> placed;
    std::vector<CellBox> boxes;
    std::vector<double> h;
  };

  TableGeometry Measure(const Table& t) {
    TableGeometry g;
    double total = 0;
    for (double w : t.widths) total += w;
    g.x.assign(static_cast<size_t>(t.columns) + 1, kLeft);
    for (int c = 0; c < t.columns; ++c) {
      g.x[static_cast<size_t>(c) + 1] =
          g.x[static_cast<size_t>(c)] + kTextW * t.widths[static_cast<size_t>(c)] / total;
    }
    g.placed = Place(t);
    g.boxes.reserve(g.placed.size());
    const size_t nrows = t.rows.size();
    g.h.assign(nrows, kTableFace.size_pt * 1.4 + 2 * kCellPadY);
    for (const PlacedCell& p : g.placed) {
      const TableCell& c = *p.cell;
      const double w = g.x[static_cast<size_t>(p.col + c.col_span)] -
                       g.x[static_cast<size_t>(p.col)] - 2 * kCellPadX;
      const Align a = c.role == CellRole::kValue       ? Align::kRight
                      : c.role == CellRole::kRowHeader ? Align::kLeft
                                                       : Align::kCenter;
      CellBox b;
      b.placed = &p;
      b.layout = NewLayout(c.text, FaceOf(c), w, a);
      if (c.role == CellRole::kNote) {
        pango_layout_set_font_description(b.layout.get(), Describe(kTableFace, 7.5).get());
      }
      b.height = Height(b.layout.get()) + 2 * kCellPadY;
      if (c.row_span == 1) {
        g.h[static_cast<size_t>(p.row)] = std::max(g.h[static_cast<size_t>(p.row)], b.height);
      }
      g.boxes.push_back(std::move(b));
    }
    for (const CellBox& b : g.boxes) {
      const int r0 = b.placed->row, span = b.placed->cell->row_span;
      if (span == 1) continue;
      double sum = 0;
      for (int r = r0; r < r0 + span; ++r) sum += g.h[static_cast<size_t>(r)];
      if (sum < b.height) g.h[static_cast<size_t>(r0 + span - 1)] += b.height - sum;
    }
    return g;
  }

  // Rows that open a block of table 二 stay with the rows after them.
  static bool KeepWithNext(const Table& t, size_t r) {
    return !t.rows[r].header && !t.rows[r].cells.empty() &&
           (t.rows[r].cells.front().role == CellRole::kBlock ||
            t.rows[r].cells.front().role == CellRole::kColumnHeader);
  }

  // The height a table needs on its first page: header rows and the first
  // data rows (with those kept together).
  static double FirstChunk(const Table& t, const std::vector<double>& h) {
    const size_t header_rows = static_cast<size_t>(t.header_rows());
    double first = 0;
    for (size_t r = 0; r < header_rows; ++r) first += h[r];
    for (size_t r = header_rows; r < t.rows.size(); ++r) {
      first += h[r];
      if (!KeepWithNext(t, r)) break;
    }
    return first;
  }

  void DrawTable(const Table& t, TableGeometry& g) {
    const std::vector<double>& x = g.x;
    const std::vector<CellBox>& boxes = g.boxes;
    const std::vector<double>& h = g.h;
    const size_t nrows = t.rows.size();
    const int header_rows = t.header_rows();
    double header_h = 0;
    for (int r = 0; r < header_rows; ++r) header_h += h[static_cast<size_t>(r)];

    // The table starts where its header and first rows fit.
    if (Remaining() < FirstChunk(t, h) && y_ > kTop) NewPage();

    size_t r = static_cast<size_t>(header_rows);
    while (r < nrows) {
      // Rows of this page: [r, end).
      double used = header_h;
      size_t end = r;
      while (end < nrows) {
        double need = h[end];
        for (size_t k = end; KeepWithNext(t, k) && k + 1 < nrows; ++k) need += h[k + 1];
        if (y_ + used + need > kTextBottom && end > r) break;
        used += h[end];
        ++end;
      }
      DrawRows(t, boxes, x, h, 0, static_cast<size_t>(header_rows), y_);
      DrawRows(t, boxes, x, h, r, end, y_ + header_h);
      y_ += used;
      r = end;
      if (r < nrows) NewPage();
    }
    y_ += 10;
  }

  // Draws the cells that intersect the rows [a, b) with row a at `top`. A cell
  // that started above a (merged across a page break) is drawn from `top`,
  // with its label again.
  void DrawRows(const Table& t, const std::vector<CellBox>& boxes, const std::vector<double>& x,
                const std::vector<double>& h, size_t a, size_t b, double top) {
    if (a >= b) return;
    std::vector<double> y(t.rows.size() + 1, 0);
    for (size_t r = a; r < b; ++r) y[r + 1] = (r == a ? top : y[r]) + h[r];
    y[a] = top;
    cairo_t* cr = cr_.get();
    cairo_set_line_width(cr, 0.6);
    for (const CellBox& box : boxes) {
      const PlacedCell& p = *box.placed;
      const TableCell& c = *p.cell;
      const size_t r0 = static_cast<size_t>(p.row), r1 = r0 + static_cast<size_t>(c.row_span);
      if (r1 <= a || r0 >= b) continue;
      const size_t s0 = std::max(r0, a), s1 = std::min(r1, b);
      const double x0 = x[static_cast<size_t>(p.col)];
      const double x1 = x[static_cast<size_t>(p.col + c.col_span)];
      const double y0 = y[s0], y1 = y[s1];
      if (c.role == CellRole::kColumnHeader || c.role == CellRole::kBlock ||
          c.role == CellRole::kNote) {
        if (c.role == CellRole::kBlock) {
          cairo_set_source_rgb(cr, 0.91, 0.93, 0.96);
        } else {
          cairo_set_source_rgb(cr, 0.95, 0.95, 0.95);
        }
        cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
        cairo_fill(cr);
      }
      cairo_set_source_rgb(cr, 0, 0, 0);
      cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
      cairo_stroke(cr);
      if (c.text.empty()) continue;
      // Data rows are top-aligned (a label's first line and the figures share
      // a baseline); headers and merged group cells are centred.
      const double text_h = box.height - 2 * kCellPadY;
      double ty = y0 + kCellPadY;
      const bool top_aligned =
          c.row_span == 1 && (c.role == CellRole::kValue || c.role == CellRole::kRowHeader);
      if (!top_aligned) ty = y0 + std::max(kCellPadY, (y1 - y0 - text_h) / 2);
      cairo_save(cr);
      cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
      cairo_clip(cr);
      cairo_move_to(cr, x0 + kCellPadX, ty);
      pango_cairo_show_layout(cr, box.layout.get());
      cairo_restore(cr);
    }
  }

  void DrawChartBlock(const Chart& c) {
    const double height = std::min(kChartH, kTextW * 0.56);
    if (Remaining() < height + 8) NewPage();
    Status s = DrawChart(cr_.get(), c, kLeft, y_, kTextW, height);
    if (!s.ok() && chart_status_.ok()) chart_status_ = s;
    cairo_set_source_rgb(cr_.get(), 0, 0, 0);
    y_ += height + 12;
  }

  void Body() {
    const ReportDocument& d = *doc_;
    const std::string title = TitleOf(d);
    section_outline_root_ = Outline(title, CAIRO_PDF_OUTLINE_ROOT);
    Paragraph(title, kTitleFace, Align::kCenter, 0, kTitlePitch);
    y_ += kBodyPitch / 2;

    const std::vector<Table> tables = Tables(d.report);
    const std::vector<Chart> charts = ReportCharts(d);
    const char* ids[3] = {"table2", "table3", "table4"};
    for (int s = 0; s < 6; ++s) {
      const Table* t = nullptr;
      for (const Table& x : tables) {
        if (s >= 1 && s <= 3 && x.id == ids[s - 1]) t = &x;
      }
      std::optional<TableGeometry> geometry;
      if (t != nullptr) geometry = Measure(*t);
      Heading(std::string(SectionHeading(s)), kHeadingFace, true,
              geometry ? 4 + FirstChunk(*t, geometry->h) : 0);
      if (s == 0) {
        Prose(d.narrative.overview);
        for (const Subsection& sub : d.narrative.overview_parts) {
          const std::vector<std::string> head = Paragraphs(sub.heading);
          if (!head.empty()) Heading(head.front(), kSubheadingFace, false);
          Prose(sub.text);
        }
      } else if (s <= 3) {
        if (t != nullptr) {
          y_ += 4;
          DrawTable(*t, *geometry);
        } else {
          Prose("（本部分未提供统计表。）");
        }
      } else {
        Prose(s == 4 ? d.narrative.problems : d.narrative.other);
      }
      for (const Chart& c : charts) {
        if (ChartSection(c) == s) DrawChartBlock(c);
      }
    }
    y_ += kBodyPitch;
    if (Remaining() < 2 * kBodyPitch) NewPage();
    Paragraph(AgencyName(d), kBodyFace, Align::kRight, 0, kBodyPitch);
    if (d.date) Paragraph(ChineseDate(*d.date), kBodyFace, Align::kRight, 0, kBodyPitch);
  }

  std::string* out_;
  const ReportDocument* doc_ = nullptr;
  Surface surface_;
  Cairo cr_;
  Context context_;
  int page_ = 0;
  double y_ = 0;
  int section_outline_root_ = CAIRO_PDF_OUTLINE_ROOT;
  Status chart_status_;
};

}  // namespace

Result<std::string> RenderPdf(const ReportDocument& doc) {
  if (Status s = CheckDocument(doc); !s.ok()) return s;
  try {
    std::string out;
    {
      Renderer r(&out);
      if (Status s = r.Run(doc); !s.ok()) return s;
    }
    return out;
  } catch (const std::exception& e) {
    return Status::Internal(std::string("PDF：生成失败（") + e.what() + "）");
  } catch (...) {
    return Status::Internal("PDF：生成失败");
  }
}

}  // namespace gk::report_render
