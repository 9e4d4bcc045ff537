#include "report_render/xlsx.h"

#include <stdlib.h>  // mkdtemp
#include <xlsxwriter.h>

#include <cmath>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "report_render/charts.h"
#include "report_render/tables.h"

namespace gk::report_render {
namespace {

class TempDir {
 public:
  static Result<TempDir> Create() {
    std::error_code ec;
    std::filesystem::path base = std::filesystem::temp_directory_path(ec);
    if (ec) base = "/tmp";
    std::string tmpl = (base / "gk-report-xlsx-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) {
      return Status::Internal("XLSX：无法创建临时目录 " + tmpl);
    }
    return TempDir(tmpl);
  }
  TempDir(TempDir&& o) noexcept : path_(std::move(o.path_)) { o.path_.clear(); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  TempDir& operator=(TempDir&&) = delete;
  ~TempDir() {
    if (path_.empty()) return;
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  explicit TempDir(std::string p) : path_(std::move(p)) {}
  std::string path_;
};

// Collects the first libxlsxwriter error of a sequence of calls.
class Errors {
 public:
  void operator()(lxw_error e, const char* what) {
    if (e != LXW_NO_ERROR && first_.empty())
      first_ = std::string(what) + "（" + lxw_strerror(e) + "）";
  }
  void Fail(const std::string& what) {
    if (first_.empty()) first_ = what;
  }
  bool ok() const { return first_.empty(); }
  const std::string& first() const { return first_; }

 private:
  std::string first_;
};

constexpr const char* kFont = "宋体";
constexpr const char* kHeaderFont = "黑体";

struct Formats {
  lxw_format* title = nullptr;
  lxw_format* subtitle = nullptr;
  lxw_format* header = nullptr;
  lxw_format* block = nullptr;
  lxw_format* note = nullptr;
  lxw_format* label = nullptr;
  lxw_format* count = nullptr;
  lxw_format* signed_count = nullptr;
  lxw_format* money = nullptr;
  lxw_format* plain = nullptr;
  lxw_format* chart_title = nullptr;
};

lxw_format* Bordered(lxw_workbook* wb) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, kFont);
  format_set_font_size(f, 10);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(f);
  return f;
}

Formats MakeFormats(lxw_workbook* wb) {
  Formats f;
  f.title = workbook_add_format(wb);
  format_set_font_name(f.title, kHeaderFont);
  format_set_font_size(f.title, 14);
  format_set_align(f.title, LXW_ALIGN_CENTER);
  format_set_align(f.title, LXW_ALIGN_VERTICAL_CENTER);
  f.subtitle = workbook_add_format(wb);
  format_set_font_name(f.subtitle, kFont);
  format_set_font_size(f.subtitle, 10);
  format_set_align(f.subtitle, LXW_ALIGN_CENTER);
  f.header = Bordered(wb);
  format_set_font_name(f.header, kHeaderFont);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_bg_color(f.header, 0xF2F2F2);
  f.block = Bordered(wb);
  format_set_font_name(f.block, kHeaderFont);
  format_set_align(f.block, LXW_ALIGN_CENTER);
  format_set_bg_color(f.block, 0xE8EEF5);
  f.note = Bordered(wb);
  format_set_font_size(f.note, 9);
  format_set_align(f.note, LXW_ALIGN_CENTER);
  format_set_bg_color(f.note, 0xF2F2F2);
  f.label = Bordered(wb);
  format_set_align(f.label, LXW_ALIGN_LEFT);
  f.count = Bordered(wb);
  format_set_align(f.count, LXW_ALIGN_RIGHT);
  format_set_num_format(f.count, "0");
  f.signed_count = Bordered(wb);
  format_set_align(f.signed_count, LXW_ALIGN_RIGHT);
  format_set_num_format(f.signed_count, "+0;-0;0");
  f.money = Bordered(wb);
  format_set_align(f.money, LXW_ALIGN_RIGHT);
  format_set_num_format(f.money, "General");
  f.chart_title = workbook_add_format(wb);
  format_set_font_name(f.chart_title, kHeaderFont);
  format_set_font_size(f.chart_title, 12);
  f.plain = workbook_add_format(wb);
  format_set_font_name(f.plain, kFont);
  format_set_font_size(f.plain, 10);
  return f;
}

// "D7" for 0-based row and column (columns A…Z are enough: at most 15).
std::string Ref(int row, int col) {
  std::string out(1, static_cast<char>('A' + col));
  out += std::to_string(row + 1);
  return out;
}

lxw_format* FormatOf(const Formats& fm, const TableCell& c) {
  switch (c.role) {
    case CellRole::kColumnHeader:
      return fm.header;
    case CellRole::kBlock:
      return fm.block;
    case CellRole::kNote:
      return fm.note;
    case CellRole::kRowHeader:
      return fm.label;
    case CellRole::kValue:
      break;
  }
  return c.kind == ValueKind::kMoney    ? fm.money
         : c.kind == ValueKind::kSigned ? fm.signed_count
                                        : fm.count;
}

double Number(const TableCell& c) {
  if (c.kind == ValueKind::kMoney) {
    return static_cast<double>(*c.value) / static_cast<double>(report::kFenPer10kYuan);
  }
  return static_cast<double>(*c.value);
}

constexpr int kFirstGridRow = 3;  // title, subtitle, a blank row

void WriteTable(lxw_worksheet* ws, const Table& t, const ReportDocument& doc, const Formats& fm,
                Errors& err) {
  const lxw_col_t last_col = static_cast<lxw_col_t>(t.columns - 1);
  err(worksheet_set_row(ws, 0, 26, nullptr), "设置行高");
  err(worksheet_merge_range(ws, 0, 0, 0, last_col, t.caption.c_str(), fm.title), "写入标题");
  std::string sub = "机关名称：" + AgencyName(doc);
  if (doc.report.year) {
    const std::string y = std::to_string(*doc.report.year);
    sub += "　统计期限：" + y + "年1月1日至" + y + "年12月31日";
  }
  if (doc.status == PublicationStatus::kDraft) sub += "　（草稿）";
  err(worksheet_merge_range(ws, 1, 0, 1, last_col, sub.c_str(), fm.subtitle), "写入标题");

  double total = 0;
  for (double w : t.widths) total += w;
  const double scale = (t.columns >= 10 ? 110.0 : 60.0) / total;
  for (int c = 0; c < t.columns; ++c) {
    err(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             std::max(6.0, t.widths[static_cast<size_t>(c)] * scale), nullptr),
        "设置列宽");
  }
  for (const PlacedCell& p : Place(t)) {
    const TableCell& c = *p.cell;
    const lxw_row_t r = static_cast<lxw_row_t>(kFirstGridRow + p.row);
    const lxw_col_t col = static_cast<lxw_col_t>(p.col);
    lxw_format* f = FormatOf(fm, c);
    if (c.row_span > 1 || c.col_span > 1) {
      // A merged range; a figure is written into its first cell afterwards.
      const std::string text = c.role == CellRole::kValue ? "" : c.text;
      err(worksheet_merge_range(ws, r, col, r + static_cast<lxw_row_t>(c.row_span - 1),
                                col + static_cast<lxw_col_t>(c.col_span - 1), text.c_str(), f),
          "合并单元格");
      if (c.role != CellRole::kValue) continue;
    }
    if (c.role != CellRole::kValue) {
      err(worksheet_write_string(ws, r, col, c.text.c_str(), f), "写入表头");
      continue;
    }
    if (!c.value) {
      err(worksheet_write_blank(ws, r, col, f), "写入单元格");  // blank, never 0
      continue;
    }
    std::string formula;
    if (c.sum == TableCell::Sum::kRow) {
      formula = "=SUM(" + Ref(kFirstGridRow + p.row, c.sum_from) + ":" +
                Ref(kFirstGridRow + p.row, c.sum_to) + ")";
    } else if (c.sum == TableCell::Sum::kColumn) {
      formula = "=SUM(" + Ref(kFirstGridRow + c.sum_from, p.col) + ":" +
                Ref(kFirstGridRow + c.sum_to, p.col) + ")";
    }
    if (!formula.empty()) {
      err(worksheet_write_formula_num(ws, r, col, formula.c_str(), f, Number(c)), "写入公式");
    } else {
      err(worksheet_write_number(ws, r, col, Number(c), f), "写入单元格");
    }
  }
  // Row heights: spreadsheets do not grow rows for wrapped text on their own.
  // Lines of a cell ≈ its text width (a CJK character is two width units,
  // as column widths count) over the width of its columns.
  std::vector<double> lines(t.rows.size(), 1.0);
  for (const PlacedCell& p : Place(t)) {
    const TableCell& c = *p.cell;
    if (c.row_span != 1 || c.role == CellRole::kValue) continue;
    double units = 0;
    for (size_t i = 0; i < c.text.size();) {
      const unsigned char ch = static_cast<unsigned char>(c.text[i]);
      units += ch < 0x80 ? 1.1 : 2.1;
      i += ch < 0x80 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
    }
    double width = 0;
    for (int k = p.col; k < p.col + c.col_span; ++k) {
      width += std::max(6.0, t.widths[static_cast<size_t>(k)] * scale) - 1;
    }
    lines[static_cast<size_t>(p.row)] =
        std::max(lines[static_cast<size_t>(p.row)], std::ceil(units / width));
  }
  for (size_t i = 0; i < t.rows.size(); ++i) {
    err(worksheet_set_row(ws, static_cast<lxw_row_t>(kFirstGridRow + static_cast<int>(i)),
                          std::max(16.0, lines[i] * 13.5 + 3), nullptr),
        "设置行高");
  }
  const int header_rows = t.header_rows();
  if (header_rows > 0) {
    worksheet_freeze_panes(ws, static_cast<lxw_row_t>(kFirstGridRow + header_rows), 0);
    err(worksheet_repeat_rows(ws, kFirstGridRow,
                              static_cast<lxw_row_t>(kFirstGridRow + header_rows - 1)),
        "设置打印标题");
  }
  worksheet_set_paper(ws, 9);  // A4
  if (t.columns > 10) worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
}

// The formula of a chart figure that comes from table 三 (outcomes: the 总计
// column summed over the group's rows; applicants: the row 一、本年新收), so
// the chart follows the table; "" for figures not taken from a table.
std::string LinkedFormula(const Chart& c, size_t category, const std::optional<Table>& t3,
                          report::Format format) {
  if (!t3) return "";
  auto grid_row = [&](std::string_view key) {
    for (size_t i = 0; i < t3->rows.size(); ++i) {
      if (t3->rows[i].key == key) return static_cast<int>(i);
    }
    return -1;
  };
  const std::string sheet = std::string("'") + kSheet3 + "'!";
  if (c.id == "applicants") {
    const int r = grid_row("new");
    if (r < 0) return "";
    return "=" + sheet + Ref(kFirstGridRow + r, 3 + static_cast<int>(category));
  }
  if (c.id == "outcomes") {
    std::string refs;
    for (report::Row3 row : OutcomeRows(format, static_cast<int>(category))) {
      const int r = grid_row(report::Row3Info(row).key);
      if (r < 0) return "";
      refs += refs.empty() ? "" : ",";
      refs += sheet + Ref(kFirstGridRow + r, 3 + report::kTotalCol);
    }
    return refs.empty() ? "" : "=SUM(" + refs + ")";
  }
  return "";
}

// The chart sheet: per chart a small data table and the native chart beside it.
void WriteCharts(lxw_workbook* wb, lxw_worksheet* ws, const std::vector<Chart>& charts,
                 const std::optional<Table>& t3, report::Format format, const Formats& fm,
                 Errors& err, std::vector<std::string>& keep) {
  err(worksheet_set_column(ws, 0, 0, 16, nullptr), "设置列宽");
  err(worksheet_set_column(ws, 1, 2, 14, nullptr), "设置列宽");
  lxw_row_t row = 0;
  for (const Chart& c : charts) {
    const lxw_row_t top = row;
    err(worksheet_write_string(ws, row, 0, c.title.c_str(), fm.chart_title), "写入图表数据");
    ++row;
    const lxw_row_t header = row;
    err(worksheet_write_string(ws, header, 0, "项目", fm.header), "写入图表数据");
    for (size_t s = 0; s < c.series.size(); ++s) {
      const std::string name = c.series[s].name + "（" + c.unit + "）";
      err(worksheet_write_string(ws, header, static_cast<lxw_col_t>(1 + s), name.c_str(),
                                 fm.header),
          "写入图表数据");
    }
    const lxw_row_t first = header + 1;
    for (size_t i = 0; i < c.categories.size(); ++i) {
      const lxw_row_t r = first + static_cast<lxw_row_t>(i);
      err(worksheet_write_string(ws, r, 0, c.categories[i].c_str(), fm.label), "写入图表数据");
      for (size_t s = 0; s < c.series.size(); ++s) {
        const auto& v = i < c.series[s].values.size() ? c.series[s].values[i] : std::nullopt;
        const lxw_col_t col = static_cast<lxw_col_t>(1 + s);
        const std::string formula = LinkedFormula(c, i, t3, format);
        if (v && !formula.empty()) {
          err(worksheet_write_formula_num(ws, r, col, formula.c_str(), fm.count, *v), "写入公式");
        } else if (v) {
          err(worksheet_write_number(ws, r, col, *v, fm.count), "写入图表数据");
        } else {
          err(worksheet_write_blank(ws, r, col, fm.count), "写入图表数据");
        }
      }
    }
    const lxw_row_t last = first + static_cast<lxw_row_t>(c.categories.size()) - 1;

    lxw_chart* chart =
        workbook_add_chart(wb, c.kind == ChartKind::kLine ? LXW_CHART_LINE : LXW_CHART_COLUMN);
    if (chart == nullptr) {
      err.Fail("创建图表失败");
      return;
    }
    chart_title_set_name(chart, c.title.c_str());
    lxw_chart_font title_font{};
    title_font.name = const_cast<char*>(kHeaderFont);
    title_font.size = 12;
    chart_title_set_name_font(chart, &title_font);
    for (size_t s = 0; s < c.series.size(); ++s) {
      lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
      if (series == nullptr) {
        err.Fail("创建图表数据系列失败");
        return;
      }
      const lxw_col_t col = static_cast<lxw_col_t>(1 + s);
      chart_series_set_categories(series, kChartSheet, first, 0, last, 0);
      chart_series_set_values(series, kChartSheet, first, col, last, col);
      chart_series_set_name_range(series, kChartSheet, header, col);
      if (c.kind == ChartKind::kLine) chart_series_set_marker_type(series, LXW_CHART_MARKER_CIRCLE);
      chart_series_set_labels(series);
    }
    chart_axis_set_name(chart->y_axis, c.unit.c_str());
    lxw_chart_font axis_font{};
    axis_font.name = const_cast<char*>(kFont);
    axis_font.size = 9;
    chart_axis_set_num_font(chart->x_axis, &axis_font);
    chart_axis_set_num_font(chart->y_axis, &axis_font);
    chart_axis_set_min(chart->y_axis, 0);
    if (c.series.size() < 2) {
      chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    } else {
      chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    }
    keep.push_back(ChartSummary(c));
    lxw_chart_options opts{};
    opts.x_scale = 1.2;
    opts.y_scale = 1.1;
    opts.description = keep.back().data();  // alternative text of the chart
    err(worksheet_insert_chart_opt(ws, top, static_cast<lxw_col_t>(1 + c.series.size() + 1), chart,
                                   &opts),
        "插入图表");
    // Leave room for the chart (about 18 rows) below its data.
    row = std::max<lxw_row_t>(last + 2, top + 19);
  }
}

Result<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Internal("XLSX：无法读取生成的文件 " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Result<std::string> Render(const ReportDocument& doc) {
  Result<TempDir> dir = TempDir::Create();
  if (!dir.ok()) return dir.status();
  const std::string path = dir->path() + "/report.xlsx";
  lxw_workbook_options options{};
  options.tmpdir = const_cast<char*>(dir->path().c_str());
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr) return Status::Internal("XLSX：无法创建工作簿 " + path);

  Errors err;
  std::string title = TitleOf(doc);
  std::string author = AgencyName(doc);
  std::string status = doc.status == PublicationStatus::kDraft ? "草稿" : "已发布";
  lxw_doc_properties props{};
  props.title = title.data();
  props.author = author.data();
  props.company = author.data();
  props.status = status.data();
  // A fixed creation time instead of the clock (deterministic output).
  int64_t days = 0;
  if (doc.date) {
    days = doc.date->days();
  } else if (doc.report.year) {
    Result<Date> d = Date::FromYmd(*doc.report.year + 1, 1, 1);
    if (d.ok()) days = d->days();
  }
  props.created = static_cast<time_t>(days * 86400 + 43200);
  err(workbook_set_properties(wb, &props), "设置文档属性");

  const Formats fm = MakeFormats(wb);
  const std::vector<Table> tables = Tables(doc.report);
  const struct {
    const char* id;
    const char* sheet;
  } sheets[] = {{"table2", kSheet2}, {"table3", kSheet3}, {"table4", kSheet4}};
  for (const auto& s : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, s.sheet);
    if (ws == nullptr) {
      err.Fail(std::string("创建工作表") + s.sheet + "失败");
      break;
    }
    const Table* t = nullptr;
    for (const Table& x : tables) {
      if (x.id == s.id) t = &x;
    }
    if (t != nullptr) {
      WriteTable(ws, *t, doc, fm, err);
    } else {
      err(worksheet_write_string(ws, 0, 0, "（本部分未提供统计表。）", fm.plain), "写入单元格");
    }
  }
  std::vector<std::string> keep;  // strings libxlsxwriter reads at close
  keep.reserve(8);
  const std::vector<Chart> charts = ReportCharts(doc);
  if (!charts.empty() && err.ok()) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, kChartSheet);
    if (ws == nullptr) {
      err.Fail("创建工作表图表失败");
    } else {
      WriteCharts(wb, ws, charts, Table3(doc.report), doc.report.format, fm, err, keep);
    }
  }
  const lxw_error closed = workbook_close(wb);
  if (!err.ok()) return Status::Internal("XLSX：" + err.first());
  if (closed != LXW_NO_ERROR) {
    return Status::Internal(std::string("XLSX：写出工作簿失败（") + lxw_strerror(closed) + "）");
  }
  return ReadAll(path);
}

}  // namespace

Result<std::string> RenderXlsx(const ReportDocument& doc) {
  if (Status s = CheckDocument(doc); !s.ok()) return s;
  try {
    return Render(doc);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("XLSX：生成失败（") + e.what() + "）");
  } catch (...) {
    return Status::Internal("XLSX：生成失败");
  }
}

}  // namespace gk::report_render
