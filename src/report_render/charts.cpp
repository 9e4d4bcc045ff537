#include "report_render/charts.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string_view>

namespace gk::report_render {
namespace {

using report::Row3;

// ---- Chart data from the document -------------------------------------------------------

bool AnyNonZero(const Chart& c) {
  for (const ChartSeries& s : c.series) {
    for (const auto& v : s.values) {
      if (v && *v != 0) return true;
    }
  }
  return false;
}

bool AnyValue(const Chart& c) {
  for (const ChartSeries& s : c.series) {
    for (const auto& v : s.values) {
      if (v) return true;
    }
  }
  return false;
}

// report-format.md §2.2: the six outcome groups of 三、本年度办理结果.
constexpr std::string_view kGroupPrefix[kOutcomeGroups] = {"（一）", "（二）", "（三）",
                                                           "（四）", "（五）", "（六）"};
constexpr const char* kGroupName[kOutcomeGroups] = {"予以公开", "部分公开", "不予公开",
                                                    "无法提供", "不予处理", "其他处理"};

std::optional<Chart> Outcomes(const report::Report& r) {
  if (!r.section3) return std::nullopt;
  Chart c;
  c.id = "outcomes";
  c.title = "政府信息公开申请办理结果";
  c.kind = ChartKind::kColumn;
  c.unit = "件";
  ChartSeries s;
  s.name = "申请数量";
  for (int g = 0; g < kOutcomeGroups; ++g) {
    std::optional<double> sum;
    for (report::Row3 row : OutcomeRows(r.format, g)) {
      const report::Cell& v = r.section3->at(row, report::kTotalCol);
      if (v) sum = sum.value_or(0) + static_cast<double>(*v);
    }
    c.categories.push_back(kGroupName[g]);
    s.values.push_back(sum);
  }
  c.series.push_back(std::move(s));
  if (!AnyNonZero(c)) return std::nullopt;
  return c;
}

std::optional<Chart> Applicants(const report::Report& r) {
  if (!r.section3) return std::nullopt;
  Chart c;
  c.id = "applicants";
  c.title = "本年新收政府信息公开申请的申请人类型";
  c.kind = ChartKind::kColumn;
  c.unit = "件";
  ChartSeries s;
  s.name = "申请数量";
  for (int col = 0; col < report::kTotalCol; ++col) {
    c.categories.emplace_back(report::ColLabel3(col));
    const report::Cell& v = r.section3->at(Row3::kNew, col);
    s.values.push_back(v ? std::optional<double>(static_cast<double>(*v)) : std::nullopt);
  }
  c.series.push_back(std::move(s));
  if (!AnyNonZero(c)) return std::nullopt;
  return c;
}

std::optional<Chart> Trend(const std::vector<TrendPoint>& points) {
  if (points.empty()) return std::nullopt;
  std::vector<TrendPoint> sorted = points;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const TrendPoint& a, const TrendPoint& b) { return a.year < b.year; });
  if (sorted.size() > 5) sorted.erase(sorted.begin(), sorted.end() - 5);
  Chart c;
  c.id = "trend";
  c.title = "近五年政府信息公开工作情况";
  c.kind = ChartKind::kLine;
  c.unit = "件";
  ChartSeries apps{"本年新收政府信息公开申请数量", {}};
  ChartSeries recs{"主动公开政府信息数量", {}};
  auto opt = [](const std::optional<int64_t>& v) {
    return v ? std::optional<double>(static_cast<double>(*v)) : std::nullopt;
  };
  for (const TrendPoint& p : sorted) {
    c.categories.push_back(std::to_string(p.year) + "年");
    apps.values.push_back(opt(p.applications));
    recs.values.push_back(opt(p.records_published));
  }
  c.series = {std::move(apps), std::move(recs)};
  if (!AnyValue(c)) return std::nullopt;
  return c;
}

std::optional<Chart> Proactive(const std::vector<CategoryCount>& counts) {
  if (counts.empty()) return std::nullopt;
  Chart c;
  c.id = "proactive";
  c.title = "主动公开政府信息分类情况";
  c.kind = ChartKind::kColumn;
  c.unit = "条";
  ChartSeries s;
  s.name = "公开数量";
  for (const CategoryCount& k : counts) {
    const std::vector<std::string> label = Paragraphs(k.label);
    c.categories.push_back(label.empty() ? std::string("（未命名）") : label.front());
    s.values.push_back(static_cast<double>(k.count));
  }
  c.series.push_back(std::move(s));
  return c;
}

std::string Number(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9) {
    return std::to_string(static_cast<long long>(std::llround(v)));
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// ---- Scene ----------------------------------------------------------------------------------

struct Color {
  double r, g, b;
  std::string Hex() const {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>(std::lround(r * 255)),
                  static_cast<int>(std::lround(g * 255)), static_cast<int>(std::lround(b * 255)));
    return buf;
  }
};

// Colours distinguishable in grey scale and by the common colour-vision
// deficiencies (dark blue, orange, green, purple); text in near black.
constexpr Color kPalette[] = {
    {0.12, 0.37, 0.60}, {0.80, 0.40, 0.10}, {0.18, 0.49, 0.20}, {0.42, 0.24, 0.60}};
constexpr Color kInk{0.13, 0.13, 0.13};
constexpr Color kGrid{0.82, 0.82, 0.82};
constexpr Color kAxis{0.35, 0.35, 0.35};

enum class Anchor { kStart, kMiddle, kEnd };

struct Shape {
  enum class Kind { kRect, kLine, kPolyline, kCircle, kText } kind = Kind::kRect;
  double x = 0, y = 0, w = 0, h = 0;  // rect; line: (x,y)→(w,h); circle: centre, radius w
  std::vector<std::pair<double, double>> points;  // polyline
  Color color = kInk;
  double stroke = 1;
  std::string text;  // text: baseline at y
  double size = 12;
  Anchor anchor = Anchor::kStart;
  bool bold = false;
};

struct Scene {
  double width = 0, height = 0;
  std::vector<Shape> shapes;
};

// An estimate of text width without fonts: CJK (and other wide) characters
// one em, ASCII 0.55 em. Enough to wrap category labels.
double TextWidth(std::string_view s, double size) {
  double w = 0;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += c < 0x80 ? 0.55 * size : size;
    i += len;
  }
  return w;
}

// Splits a label into at most two lines that fit `width`; the rest is cut
// with an ellipsis (the full label is in the text alternative).
std::vector<std::string> Wrap(const std::string& s, double width, double size) {
  std::vector<std::string> lines(1);
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const std::string ch = s.substr(i, len);
    if (TextWidth(lines.back() + ch, size) > width && !lines.back().empty()) {
      if (lines.size() == 2) {
        // Cut the second line to leave room for the ellipsis.
        std::string& last = lines.back();
        while (!last.empty() && TextWidth(last + "…", size) > width) {
          size_t k = last.size() - 1;
          while (k > 0 && (static_cast<unsigned char>(last[k]) & 0xC0) == 0x80) --k;
          last.erase(k);
        }
        last += "…";
        return lines;
      }
      lines.emplace_back();
    }
    lines.back() += ch;
    i += len;
  }
  return lines;
}

// A "nice" axis maximum and step: 1, 2 or 5 × 10^k, about five steps.
std::pair<double, double> NiceScale(double max) {
  if (max <= 0) return {5, 1};
  const double raw = max / 5;
  const double mag = std::pow(10, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * mag >= raw) {
      step = m * mag;
      break;
    }
  }
  step = std::max(step, 1.0);  // counts: integer ticks
  return {std::ceil(max / step) * step, step};
}

Shape Text(double x, double y, std::string text, double size, Anchor a, Color c = kInk) {
  Shape s;
  s.kind = Shape::Kind::kText;
  s.x = x;
  s.y = y;
  s.text = std::move(text);
  s.size = size;
  s.anchor = a;
  s.color = c;
  return s;
}

Shape Line(double x1, double y1, double x2, double y2, Color c, double stroke) {
  Shape s;
  s.kind = Shape::Kind::kLine;
  s.x = x1;
  s.y = y1;
  s.w = x2;
  s.h = y2;
  s.color = c;
  s.stroke = stroke;
  return s;
}

Shape Rect(double x, double y, double w, double h, Color c) {
  Shape s;
  s.kind = Shape::Kind::kRect;
  s.x = x;
  s.y = y;
  s.w = w;
  s.h = h;
  s.color = c;
  return s;
}

Scene Layout(const Chart& chart, double width, double height) {
  Scene sc;
  sc.width = width;
  sc.height = height;
  std::vector<Shape>& out = sc.shapes;
  Shape title = Text(width / 2, 22, chart.title, 15, Anchor::kMiddle);
  title.bold = true;
  out.push_back(title);

  double top = 52;
  if (chart.series.size() > 1) {
    // Legend: a swatch and the name of each series, centred on one line.
    double total = 0;
    for (const ChartSeries& s : chart.series) total += 16 + TextWidth(s.name, 11) + 18;
    double x = std::max(8.0, (width - total) / 2);
    for (size_t i = 0; i < chart.series.size(); ++i) {
      const Color c = kPalette[i % std::size(kPalette)];
      out.push_back(Rect(x, 36, 11, 11, c));
      out.push_back(Text(x + 16, 46, chart.series[i].name, 11, Anchor::kStart));
      x += 16 + TextWidth(chart.series[i].name, 11) + 18;
    }
    top = 66;
  }
  const double left = 52, right = width - 16, bottom = height - 44;
  const double plot_w = right - left, plot_h = bottom - top;

  double max = 0;
  for (const ChartSeries& s : chart.series) {
    for (const auto& v : s.values) {
      if (v) max = std::max(max, *v);
    }
  }
  const auto [axis_max, step] = NiceScale(max);
  // Negative figures (not expected for counts) are drawn at the axis.
  auto ypos = [&](double v) { return bottom - std::max(0.0, v) / axis_max * plot_h; };

  // Grid lines and tick labels; the unit above the axis.
  for (double v = 0; v <= axis_max + step / 2; v += step) {
    out.push_back(Line(left, ypos(v), right, ypos(v), v == 0 ? kAxis : kGrid, 1));
    out.push_back(Text(left - 6, ypos(v) + 4, Number(v), 10, Anchor::kEnd, kAxis));
  }
  if (!chart.unit.empty()) {
    out.push_back(Text(left - 6, top - 10, "单位：" + chart.unit, 10, Anchor::kEnd, kAxis));
  }

  const size_t ncat = chart.categories.size();
  if (ncat == 0) return sc;
  const double slot = plot_w / static_cast<double>(ncat);
  for (size_t i = 0; i < ncat; ++i) {
    const double cx = left + slot * (static_cast<double>(i) + 0.5);
    const std::vector<std::string> lines = Wrap(chart.categories[i], slot - 4, 11);
    for (size_t k = 0; k < lines.size(); ++k) {
      out.push_back(
          Text(cx, bottom + 16 + 14 * static_cast<double>(k), lines[k], 11, Anchor::kMiddle));
    }
  }

  const size_t nser = chart.series.size();
  if (chart.kind == ChartKind::kColumn) {
    const double group = slot * 0.7;
    const double bar = group / static_cast<double>(std::max<size_t>(nser, 1));
    for (size_t s = 0; s < nser; ++s) {
      const Color c = kPalette[s % std::size(kPalette)];
      for (size_t i = 0; i < ncat && i < chart.series[s].values.size(); ++i) {
        const auto& v = chart.series[s].values[i];
        if (!v) continue;
        const double x = left + slot * static_cast<double>(i) + (slot - group) / 2 +
                         bar * static_cast<double>(s);
        const double y = ypos(*v);
        out.push_back(Rect(x + 1, y, bar - 2, bottom - y, c));
        out.push_back(Text(x + bar / 2, y - 4, Number(*v), 10, Anchor::kMiddle));
      }
    }
  } else {
    for (size_t s = 0; s < nser; ++s) {
      const Color c = kPalette[s % std::size(kPalette)];
      Shape poly;
      poly.kind = Shape::Kind::kPolyline;
      poly.color = c;
      poly.stroke = 2;
      auto flush = [&] {
        if (poly.points.size() > 1) out.push_back(poly);
        poly.points.clear();
      };
      std::vector<Shape> marks;
      for (size_t i = 0; i < ncat && i < chart.series[s].values.size(); ++i) {
        const auto& v = chart.series[s].values[i];
        if (!v) {
          flush();  // a blank year breaks the line
          continue;
        }
        const double x = left + slot * (static_cast<double>(i) + 0.5);
        poly.points.emplace_back(x, ypos(*v));
        Shape dot;
        dot.kind = Shape::Kind::kCircle;
        dot.x = x;
        dot.y = ypos(*v);
        dot.w = 3.5;
        dot.color = c;
        marks.push_back(dot);
        marks.push_back(Text(x, ypos(*v) - 7, Number(*v), 10, Anchor::kMiddle, c));
      }
      flush();
      out.insert(out.end(), marks.begin(), marks.end());
    }
  }
  return sc;
}

// ---- SVG --------------------------------------------------------------------------------------


std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

constexpr const char* kSvgFonts =
    "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','黑体',SimHei,sans-serif";

// ---- cairo ------------------------------------------------------------------------------------

struct GObjectFree {
  void operator()(void* o) const { g_object_unref(o); }
};
struct FontDescFree {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};

constexpr const char* kPangoFonts = "黑体,SimHei,Noto Sans CJK SC,sans-serif";

}  // namespace

std::vector<report::Row3> OutcomeRows(report::Format f, int group) {
  std::vector<report::Row3> out;
  if (group < 0 || group >= kOutcomeGroups) return out;
  for (const report::Row3Spec& spec : report::Rows3(f)) {
    if (!spec.outcome) continue;
    // Sub-rows carry their group （三）… in `group`; （一）（二） and the
    // 2019 （六） row are labelled themselves.
    const std::string_view label = spec.group.starts_with("（") ? spec.group : spec.label;
    if (label.starts_with(kGroupPrefix[group])) out.push_back(spec.id);
  }
  return out;
}

std::vector<Chart> ReportCharts(const ReportDocument& doc) {
  std::vector<Chart> out;
  for (auto c : {Outcomes(doc.report), Applicants(doc.report), Trend(doc.charts.trend),
                 Proactive(doc.charts.proactive_by_category)}) {
    if (c) out.push_back(std::move(*c));
  }
  return out;
}

int ChartSection(const Chart& chart) {
  if (chart.id == "trend") return 0;
  if (chart.id == "proactive") return 1;
  return 2;
}

std::string ChartSummary(const Chart& chart) {
  std::string out = chart.title;
  if (!chart.unit.empty()) out += "（单位：" + chart.unit + "）";
  out += "：";
  for (size_t s = 0; s < chart.series.size(); ++s) {
    if (s > 0) out += "。";
    if (chart.series.size() > 1) out += chart.series[s].name + "：";
    for (size_t i = 0; i < chart.categories.size(); ++i) {
      if (i > 0) out += "；";
      out += chart.categories[i];
      const auto& v = i < chart.series[s].values.size() ? chart.series[s].values[i] : std::nullopt;
      out += v ? Number(*v) + chart.unit : std::string("无数据");
    }
  }
  out += "。";
  return out;
}

std::string ChartSvg(const Chart& chart, double width, double height) {
  const Scene sc = Layout(chart, width, height);
  const std::string id = "gk-chart-" + EscapeMarkup(chart.id);
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gk-chart\" role=\"img\"";
  out += " width=\"" + Fixed(width) + "\" height=\"" + Fixed(height) + "\" viewBox=\"0 0 " +
         Fixed(width) + " " + Fixed(height) + "\"";
  out += " aria-labelledby=\"" + id + "-title " + id + "-desc\">";
  out += "<title id=\"" + id + "-title\">" + EscapeMarkup(chart.title) + "</title>";
  out += "<desc id=\"" + id + "-desc\">" + EscapeMarkup(ChartSummary(chart)) + "</desc>";
  out += "<g font-family=\"" + EscapeMarkup(kSvgFonts) + "\" aria-hidden=\"true\">";
  out += "<rect x=\"0\" y=\"0\" width=\"" + Fixed(width) + "\" height=\"" + Fixed(height) +
         "\" fill=\"#ffffff\"/>";
  for (const Shape& s : sc.shapes) {
    const std::string color = s.color.Hex();
    switch (s.kind) {
      case Shape::Kind::kRect:
        out += "<rect x=\"" + Fixed(s.x) + "\" y=\"" + Fixed(s.y) + "\" width=\"" + Fixed(s.w) +
               "\" height=\"" + Fixed(s.h) + "\" fill=\"" + color + "\"/>";
        break;
      case Shape::Kind::kLine:
        out += "<line x1=\"" + Fixed(s.x) + "\" y1=\"" + Fixed(s.y) + "\" x2=\"" + Fixed(s.w) +
               "\" y2=\"" + Fixed(s.h) + "\" stroke=\"" + color + "\" stroke-width=\"" +
               Fixed(s.stroke) + "\"/>";
        break;
      case Shape::Kind::kPolyline: {
        out += "<polyline fill=\"none\" stroke=\"" + color + "\" stroke-width=\"" +
               Fixed(s.stroke) + "\" points=\"";
        for (size_t i = 0; i < s.points.size(); ++i) {
          if (i > 0) out += " ";
          out += Fixed(s.points[i].first) + "," + Fixed(s.points[i].second);
        }
        out += "\"/>";
        break;
      }
      case Shape::Kind::kCircle:
        out += "<circle cx=\"" + Fixed(s.x) + "\" cy=\"" + Fixed(s.y) + "\" r=\"" + Fixed(s.w) +
               "\" fill=\"" + color + "\"/>";
        break;
      case Shape::Kind::kText: {
        const char* anchor = s.anchor == Anchor::kMiddle ? "middle"
                             : s.anchor == Anchor::kEnd  ? "end"
                                                         : "start";
        out += "<text x=\"" + Fixed(s.x) + "\" y=\"" + Fixed(s.y) + "\" font-size=\"" +
               Fixed(s.size) + "\" text-anchor=\"" + anchor + "\" fill=\"" + color + "\"";
        if (s.bold) out += " font-weight=\"bold\"";
        out += ">" + EscapeMarkup(s.text) + "</text>";
        break;
      }
    }
  }
  out += "</g></svg>";
  return out;
}

Status DrawChart(cairo_t* cr, const Chart& chart, double x, double y, double width, double height) {
  const Scene sc = Layout(chart, width, height);
  cairo_save(cr);
  cairo_translate(cr, x, y);
  for (const Shape& s : sc.shapes) {
    cairo_set_source_rgb(cr, s.color.r, s.color.g, s.color.b);
    switch (s.kind) {
      case Shape::Kind::kRect:
        cairo_rectangle(cr, s.x, s.y, s.w, s.h);
        cairo_fill(cr);
        break;
      case Shape::Kind::kLine:
        cairo_set_line_width(cr, s.stroke);
        cairo_move_to(cr, s.x, s.y);
        cairo_line_to(cr, s.w, s.h);
        cairo_stroke(cr);
        break;
      case Shape::Kind::kPolyline:
        cairo_set_line_width(cr, s.stroke);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        for (size_t i = 0; i < s.points.size(); ++i) {
          if (i == 0) {
            cairo_move_to(cr, s.points[i].first, s.points[i].second);
          } else {
            cairo_line_to(cr, s.points[i].first, s.points[i].second);
          }
        }
        cairo_stroke(cr);
        break;
      case Shape::Kind::kCircle:
        cairo_new_sub_path(cr);
        cairo_arc(cr, s.x, s.y, s.w, 0, 2 * M_PI);
        cairo_fill(cr);
        break;
      case Shape::Kind::kText: {
        std::unique_ptr<PangoLayout, GObjectFree> layout(pango_cairo_create_layout(cr));
        std::unique_ptr<PangoFontDescription, FontDescFree> desc(pango_font_description_new());
        pango_font_description_set_family(desc.get(), kPangoFonts);
        pango_font_description_set_absolute_size(desc.get(), s.size * PANGO_SCALE);
        if (s.bold) pango_font_description_set_weight(desc.get(), PANGO_WEIGHT_BOLD);
        pango_layout_set_font_description(layout.get(), desc.get());
        pango_layout_set_text(layout.get(), s.text.c_str(), -1);
        PangoRectangle logical;
        pango_layout_get_extents(layout.get(), nullptr, &logical);
        const double w = static_cast<double>(logical.width) / PANGO_SCALE;
        const double base =
            static_cast<double>(pango_layout_get_baseline(layout.get())) / PANGO_SCALE;
        const double dx = s.anchor == Anchor::kMiddle ? w / 2 : s.anchor == Anchor::kEnd ? w : 0;
        cairo_move_to(cr, s.x - dx, s.y - base);
        pango_cairo_show_layout(cr, layout.get());
        break;
      }
    }
  }
  cairo_restore(cr);
  const cairo_status_t st = cairo_status(cr);
  if (st != CAIRO_STATUS_SUCCESS) {
    return Status::Internal(std::string("图表：绘制失败（cairo：") + cairo_status_to_string(st) +
                            "）");
  }
  return Status::Ok();
}

namespace {

cairo_status_t AppendPng(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (...) {
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

}  // namespace

Result<std::string> ChartPng(const Chart& chart, double width, double height, double scale) {
  const int w = static_cast<int>(std::ceil(width * scale));
  const int h = static_cast<int>(std::ceil(height * scale));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  Status drawn = DrawChart(cr, chart, 0, 0, width, height);
  cairo_destroy(cr);
  std::string out;
  const cairo_status_t st = drawn.ok() ? cairo_surface_write_to_png_stream(surface, AppendPng, &out)
                                       : CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(surface);
  if (!drawn.ok()) return drawn;
  if (st != CAIRO_STATUS_SUCCESS) {
    return Status::Internal(std::string("图表：写出PNG失败（cairo：") + cairo_status_to_string(st) +
                            "）");
  }
  return out;
}

}  // namespace gk::report_render
