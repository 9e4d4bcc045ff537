#include "ledger/xlsx.h"

#include <stdlib.h>  // mkdtemp
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace gk::ledger {
namespace {

// Days from 1899-12-30 (Excel's day 0 in the 1900 system, past its 1900 leap
// year bug) to 1970-01-01.
constexpr int64_t kExcelEpochOffset = 25569;

// ---- Columns of sheet 1 ---------------------------------------------------------------

enum Col : lxw_col_t {
  kSerialNo,    // 序号
  kTrackingNo,  // 申请编号
  kKind,        // 类型
  kChannel,     // 提交渠道
  kApplicant,   // 申请人类型
  kReceived,    // 收到日期
  kClockStart,  // 起算日期
  kDue,         // 答复期限
  kExtended,    // 是否延期
  kConcluded,   // 办结日期
  kOutcome,     // 办理结果
  kReportRow,   // 年度报告统计项
  kServed,      // 送达日期
  kDays,        // 用时（工作日）
  kTimeliness,  // 是否按期
  kStatus,      // 当前状态
  kNumCols
};

struct ColumnSpec {
  const char* header;
  double width;
};

constexpr ColumnSpec kColumns[kNumCols] = {
    {"序号", 6},        {"申请编号", 18},      {"类型", 10},     {"提交渠道", 10},
    {"申请人类型", 12}, {"收到日期", 12},      {"起算日期", 12}, {"答复期限", 12},
    {"是否延期", 9},    {"办结日期", 12},      {"办理结果", 30}, {"年度报告统计项", 40},
    {"送达日期", 12},   {"用时（工作日）", 9}, {"是否按期", 10}, {"当前状态", 10},
};

constexpr lxw_row_t kTitleRow = 0;
constexpr lxw_row_t kHeaderRow = 1;
constexpr lxw_row_t kFirstDataRow = 2;

std::string ColName(lxw_col_t c) { return std::string(1, static_cast<char>('A' + c)); }

// "$B$3:$B$9" (absolute), the data cells of column c; rows are 0-based.
// (Built with += : GCC 12 warns falsely about "literal" + std::string here.)
std::string Range(lxw_col_t c, lxw_row_t first, lxw_row_t last) {
  std::string out = "$";
  out += ColName(c);
  out += "$";
  out += std::to_string(first + 1);
  out += ":$";
  out += ColName(c);
  out += "$";
  out += std::to_string(last + 1);
  return out;
}

// "A7": the cell of column c in 0-based row r.
std::string CellRef(lxw_col_t c, lxw_row_t r) {
  std::string out = ColName(c);
  out += std::to_string(r + 1);
  return out;
}

std::string DateFormula(Date d) {
  return "DATE(" + std::to_string(d.year()) + "," + std::to_string(d.month()) + "," +
         std::to_string(d.day()) + ")";
}

// ---- Temporary directory ----------------------------------------------------------------

class TempDir {
 public:
  static Result<TempDir> Create() {
    std::error_code ec;
    std::filesystem::path base = std::filesystem::temp_directory_path(ec);
    if (ec) base = "/tmp";
    std::string tmpl = (base / "gk-ledger-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) {
      return Status::Internal("台账导出：无法创建临时目录 " + tmpl);
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

// ---- Writing ----------------------------------------------------------------------------

struct Formats {
  lxw_format* title = nullptr;
  lxw_format* header = nullptr;
  lxw_format* text = nullptr;
  lxw_format* center = nullptr;
  lxw_format* date = nullptr;
  lxw_format* number = nullptr;
  lxw_format* total_label = nullptr;
  lxw_format* note = nullptr;
};

lxw_format* Bordered(lxw_workbook* wb) {
  lxw_format* f = workbook_add_format(wb);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

Formats MakeFormats(lxw_workbook* wb) {
  Formats f;
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  format_set_align(f.title, LXW_ALIGN_CENTER);
  format_set_align(f.title, LXW_ALIGN_VERTICAL_CENTER);

  f.header = Bordered(wb);
  format_set_bold(f.header);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_text_wrap(f.header);
  format_set_bg_color(f.header, 0xDDEBF7);

  f.text = Bordered(wb);
  format_set_text_wrap(f.text);
  f.center = Bordered(wb);
  format_set_align(f.center, LXW_ALIGN_CENTER);
  f.date = Bordered(wb);
  format_set_num_format(f.date, "yyyy-mm-dd");
  format_set_align(f.date, LXW_ALIGN_CENTER);
  f.number = Bordered(wb);
  format_set_num_format(f.number, "0");
  format_set_align(f.number, LXW_ALIGN_CENTER);

  f.total_label = Bordered(wb);
  format_set_bold(f.total_label);
  format_set_align(f.total_label, LXW_ALIGN_CENTER);

  f.note = workbook_add_format(wb);
  format_set_text_wrap(f.note);
  format_set_align(f.note, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

// A bold, bordered count cell shown with its words, e.g. 共3件 (the value
// stays the number 3).
lxw_format* CountFormat(lxw_workbook* wb, const std::string& before, const std::string& after) {
  lxw_format* f = Bordered(wb);
  format_set_bold(f);
  format_set_align(f, LXW_ALIGN_CENTER);
  const std::string num = "\"" + before + "\"0\"" + after + "\"";
  format_set_num_format(f, num.c_str());
  return f;
}

// Collects the first libxlsxwriter error of a sequence of calls.
class Errors {
 public:
  void operator()(lxw_error e, const char* what) {
    if (e != LXW_NO_ERROR && first_.empty()) {
      first_ = std::string(what) + "（" + lxw_strerror(e) + "）";
    }
  }
  bool ok() const { return first_.empty(); }
  const std::string& first() const { return first_; }

 private:
  std::string first_;
};

void WriteText(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* f,
               Errors& err) {
  if (s.empty()) {
    err(worksheet_write_blank(ws, r, c, f), "写入单元格");
  } else {
    err(worksheet_write_string(ws, r, c, s.c_str(), f), "写入单元格");
  }
}

void WriteDate(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::optional<Date>& d,
               lxw_format* f, Errors& err) {
  if (d) {
    err(worksheet_write_number(ws, r, c, ExcelSerial(*d), f), "写入日期");
  } else {
    err(worksheet_write_blank(ws, r, c, f), "写入单元格");
  }
}

// A formula with its cached value; with no data rows the plain value instead
// (an empty range would read as the header row).
void WriteCount(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& formula, int value,
                bool have_rows, lxw_format* f, Errors& err) {
  if (have_rows) {
    const std::string text = "=" + formula;
    err(worksheet_write_formula_num(ws, r, c, text.c_str(), f, value), "写入公式");
  } else {
    err(worksheet_write_number(ws, r, c, value, f), "写入单元格");
  }
}

std::string Period(const LedgerMeta& m) { return m.from.ToString() + "至" + m.to.ToString(); }

void WriteLedgerSheet(lxw_workbook* wb, lxw_worksheet* ws, const Formats& fm,
                      const std::vector<LedgerRow>& rows, const LedgerMeta& meta, Errors& err) {
  const std::string title = meta.agency_name + "政府信息公开申请办理台账（" + Period(meta) + "）";
  err(worksheet_set_row(ws, kTitleRow, 28, nullptr), "设置行高");
  err(worksheet_merge_range(ws, kTitleRow, 0, kTitleRow, kNumCols - 1, title.c_str(), fm.title),
      "写入标题");
  err(worksheet_set_row(ws, kHeaderRow, 32, nullptr), "设置行高");
  for (lxw_col_t c = 0; c < kNumCols; ++c) {
    err(worksheet_write_string(ws, kHeaderRow, c, kColumns[c].header, fm.header), "写入表头");
    err(worksheet_set_column(ws, c, c, kColumns[c].width, nullptr), "设置列宽");
  }
  worksheet_freeze_panes(ws, kFirstDataRow, 0);

  int applications = 0, assistance = 0, extended = 0, concluded = 0, served = 0, late = 0;
  lxw_row_t r = kFirstDataRow;
  for (size_t i = 0; i < rows.size(); ++i, ++r) {
    const LedgerRow& x = rows[i];
    err(worksheet_write_number(ws, r, kSerialNo, static_cast<double>(i + 1), fm.number),
        "写入序号");
    WriteText(ws, r, kTrackingNo, x.tracking_no, fm.text, err);
    WriteText(ws, r, kKind, x.kind_label, fm.center, err);
    WriteText(ws, r, kChannel, x.channel_label, fm.center, err);
    WriteText(ws, r, kApplicant, x.applicant_type_label, fm.center, err);
    WriteDate(ws, r, kReceived, x.received_on, fm.date, err);
    WriteDate(ws, r, kClockStart, x.clock_start, fm.date, err);
    WriteDate(ws, r, kDue, x.due_on, fm.date, err);
    WriteText(ws, r, kExtended,
              x.kind == cases::CaseKind::kAssistance ? "" : (x.extended() ? "是" : "否"), fm.center,
              err);
    WriteDate(ws, r, kConcluded, x.concluded_on, fm.date, err);
    WriteText(ws, r, kOutcome, x.outcome_label, fm.text, err);
    WriteText(ws, r, kReportRow, x.report_row_label, fm.text, err);
    WriteDate(ws, r, kServed, x.served_on, fm.date, err);
    if (x.working_days) {
      err(worksheet_write_number(ws, r, kDays, *x.working_days, fm.number), "写入用时");
    } else {
      err(worksheet_write_blank(ws, r, kDays, fm.number), "写入单元格");
    }
    WriteText(ws, r, kTimeliness, std::string(Label(x.timeliness)), fm.center, err);
    WriteText(ws, r, kStatus, x.status_label, fm.center, err);

    (x.kind == cases::CaseKind::kAssistance ? assistance : applications) += 1;
    if (x.kind == cases::CaseKind::kApplication && x.extended()) ++extended;
    if (x.concluded_on) ++concluded;
    if (x.served_on) ++served;
    if (x.timeliness == Timeliness::kOverdue || x.timeliness == Timeliness::kConcludedLate) ++late;
  }
  const bool have_rows = !rows.empty();
  const lxw_row_t last = have_rows ? r - 1 : kFirstDataRow;
  if (have_rows) {
    err(worksheet_autofilter(ws, kHeaderRow, 0, last, kNumCols - 1), "设置筛选");
  }

  // Totals.
  const lxw_row_t t = r;
  err(worksheet_write_string(ws, t, kSerialNo, "合计", fm.total_label), "写入合计");
  auto range = [&](lxw_col_t c) { return Range(c, kFirstDataRow, last); };
  WriteCount(ws, t, kTrackingNo, "COUNTA(" + range(kTrackingNo) + ")",
             static_cast<int>(rows.size()), have_rows, CountFormat(wb, "共", "件"), err);
  WriteCount(ws, t, kKind, "COUNTIF(" + range(kKind) + ",\"依申请\")", applications, have_rows,
             CountFormat(wb, "依申请", "件"), err);
  WriteCount(ws, t, kChannel, "COUNTIF(" + range(kKind) + ",\"协助调查\")", assistance, have_rows,
             CountFormat(wb, "协助调查", "件"), err);
  WriteCount(ws, t, kExtended, "COUNTIF(" + range(kExtended) + ",\"是\")", extended, have_rows,
             CountFormat(wb, "延期", "件"), err);
  WriteCount(ws, t, kConcluded, "COUNT(" + range(kConcluded) + ")", concluded, have_rows,
             CountFormat(wb, "办结", "件"), err);
  WriteCount(ws, t, kServed, "COUNT(" + range(kServed) + ")", served, have_rows,
             CountFormat(wb, "送达", "件"), err);
  WriteCount(ws, t, kTimeliness,
             "COUNTIF(" + range(kTimeliness) + ",\"已超期\")+COUNTIF(" + range(kTimeliness) +
                 ",\"超期办结\")",
             late, have_rows, CountFormat(wb, "超期", "件"), err);
  for (lxw_col_t c :
       {kApplicant, kReceived, kClockStart, kDue, kOutcome, kReportRow, kDays, kStatus}) {
    err(worksheet_write_blank(ws, t, c, fm.total_label), "写入合计");
  }

  // What the ledger leaves out, and when it was made.
  std::string note =
      "说明：本台账不含申请人姓名、身份证件号码、联系电话、通讯地址等个人信息。“协助调查”为其他机关"
      "请求"
      "本机关协助调查的案件，列入台账，不计入年度报告第三部分。用时按工作日计算，补正、征求意见、缴"
      "费等"
      "不计入答复期限的时间不计在内。";
  note += "导出日期：" + meta.generated_on.value_or(meta.to).ToString() + "。";
  const lxw_row_t n = t + 1;
  err(worksheet_set_row(ws, n, 48, nullptr), "设置行高");
  err(worksheet_merge_range(ws, n, 0, n, kNumCols - 1, note.c_str(), fm.note), "写入说明");

  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  err(worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow), "设置打印标题");
}

void WriteSummarySheet(lxw_worksheet* ws, const Formats& fm, const std::vector<LedgerRow>& rows,
                       const LedgerMeta& meta, Errors& err) {
  const OutcomeSummary sum = SummariseOutcomes(rows, meta.from, meta.to);
  const bool have_rows = !rows.empty();
  const lxw_row_t first = kFirstDataRow;
  const lxw_row_t last = have_rows ? first + static_cast<lxw_row_t>(rows.size()) - 1 : first;
  const std::string sheet = std::string("'") + kLedgerSheet + "'!";
  const std::string outcome_col = sheet + Range(kReportRow, first, last);
  const std::string concluded_col = sheet + Range(kConcluded, first, last);
  const std::string kind_col = sheet + Range(kKind, first, last);

  const std::string title =
      meta.agency_name + "政府信息公开申请办理结果汇总（" + Period(meta) + "办结）";
  err(worksheet_set_row(ws, kTitleRow, 28, nullptr), "设置行高");
  err(worksheet_merge_range(ws, kTitleRow, 0, kTitleRow, 1, title.c_str(), fm.title), "写入标题");
  err(worksheet_write_string(ws, kHeaderRow, 0, "年度报告第三部分“本年度办理结果”统计项",
                             fm.header),
      "写入表头");
  err(worksheet_write_string(ws, kHeaderRow, 1, "件数", fm.header), "写入表头");
  err(worksheet_set_column(ws, 0, 0, 64, nullptr), "设置列宽");
  err(worksheet_set_column(ws, 1, 1, 10, nullptr), "设置列宽");
  worksheet_freeze_panes(ws, kFirstDataRow, 0);

  lxw_row_t r = kFirstDataRow;
  for (const OutcomeCount& c : sum.rows) {
    err(worksheet_write_string(ws, r, 0, c.label.c_str(), fm.text), "写入统计项");
    const std::string cell = CellRef(0, r);
    WriteCount(ws, r, 1,
               "COUNTIFS(" + outcome_col + "," + cell + "," + concluded_col + ",\">=\"&" +
                   DateFormula(meta.from) + "," + concluded_col + ",\"<=\"&" +
                   DateFormula(meta.to) + ")",
               c.count, have_rows, fm.number, err);
    ++r;
  }
  err(worksheet_write_string(ws, r, 0, "总计", fm.total_label), "写入总计");
  const std::string sum_formula =
      "SUM(B" + std::to_string(kFirstDataRow + 1) + ":B" + std::to_string(r) + ")";
  err(worksheet_write_formula_num(ws, r, 1, ("=" + sum_formula).c_str(), fm.number, sum.total),
      "写入公式");
  r += 2;
  err(worksheet_write_string(ws, r, 0, "协助调查（列入台账，不计入上表）", fm.text), "写入统计项");
  WriteCount(ws, r, 1, "COUNTIF(" + kind_col + ",\"协助调查\")", sum.assistance, have_rows,
             fm.number, err);
}

Result<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Internal("台账导出：无法读取生成的文件 " + path);
  std::ostringstream out;
  out << in.rdbuf();
  if (!in.good() && !in.eof()) return Status::Internal("台账导出：读取生成的文件失败 " + path);
  return out.str();
}

}  // namespace

double ExcelSerial(Date d) { return static_cast<double>(d.days() + kExcelEpochOffset); }

Result<std::string> RenderLedgerXlsx(const std::vector<LedgerRow>& rows, const LedgerMeta& meta) {
  Result<TempDir> dir = TempDir::Create();
  if (!dir.ok()) return dir.status();
  const std::string path = dir->path() + "/ledger.xlsx";

  lxw_workbook_options options{};
  options.tmpdir = const_cast<char*>(dir->path().c_str());
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr) return Status::Internal("台账导出：无法创建工作簿 " + path);

  Errors err;
  std::string doc_title = meta.agency_name + "政府信息公开申请办理台账";
  std::string doc_subject = Period(meta);
  lxw_doc_properties props{};
  props.title = doc_title.data();
  props.subject = doc_subject.data();
  // A fixed creation time (noon UTC of the export date) instead of the clock.
  props.created = static_cast<time_t>(meta.generated_on.value_or(meta.to).days() * 86400 + 43200);
  err(workbook_set_properties(wb, &props), "设置文档属性");

  const Formats fm = MakeFormats(wb);
  lxw_worksheet* ledger = workbook_add_worksheet(wb, kLedgerSheet);
  lxw_worksheet* summary = workbook_add_worksheet(wb, kSummarySheet);
  if (ledger == nullptr || summary == nullptr) {
    workbook_close(wb);
    return Status::Internal("台账导出：无法添加工作表");
  }
  WriteLedgerSheet(wb, ledger, fm, rows, meta, err);
  WriteSummarySheet(summary, fm, rows, meta, err);

  const lxw_error closed = workbook_close(wb);  // writes the file and frees the workbook
  if (!err.ok()) return Status::Internal("台账导出：" + err.first());
  if (closed != LXW_NO_ERROR) {
    return Status::Internal(std::string("台账导出：保存工作簿失败（") + lxw_strerror(closed) +
                            "）");
  }
  return ReadAll(path);
}

Result<std::string> RenderTableXlsx(const TableSheet& t) {
  Result<TempDir> dir = TempDir::Create();
  if (!dir.ok()) return dir.status();
  const std::string path = dir->path() + "/table.xlsx";
  lxw_workbook_options options{};
  options.tmpdir = const_cast<char*>(dir->path().c_str());
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr) return Status::Internal("导出：无法创建工作簿 " + path);
  Errors err;
  std::string title = t.title;
  lxw_doc_properties props{};
  props.title = title.data();
  props.created = static_cast<time_t>(t.created_on.days() * 86400 + 43200);
  err(workbook_set_properties(wb, &props), "设置文档属性");
  const Formats fm = MakeFormats(wb);
  lxw_worksheet* ws = workbook_add_worksheet(wb, t.sheet_name.c_str());
  if (ws == nullptr) {
    workbook_close(wb);
    return Status::Internal("导出：无法添加工作表");
  }
  const auto last_col = static_cast<lxw_col_t>(t.headers.empty() ? 0 : t.headers.size() - 1);
  lxw_row_t r = 0;
  err(worksheet_merge_range(ws, r, 0, r, last_col, t.title.c_str(), fm.title), "写入标题");
  ++r;
  if (!t.subtitle.empty()) {
    err(worksheet_merge_range(ws, r, 0, r, last_col, t.subtitle.c_str(), fm.note), "写入说明");
    ++r;
  }
  const lxw_row_t header_row = r;
  for (size_t c = 0; c < t.headers.size(); ++c) {
    err(worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), t.headers[c].c_str(), fm.header),
        "写入表头");
    err(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             c == 1 ? 36 : 14, nullptr),
        "设置列宽");
  }
  ++r;
  for (const auto& row : t.rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      if (row[c].number) {
        err(worksheet_write_number(ws, r, col, *row[c].number, fm.number), "写入数字");
      } else {
        err(worksheet_write_string(ws, r, col, row[c].text.c_str(), fm.text), "写入文字");
      }
    }
    ++r;
  }
  worksheet_freeze_panes(ws, header_row + 1, 0);
  if (!t.rows.empty()) {
    err(worksheet_autofilter(ws, header_row, 0, r - 1, last_col), "设置筛选");
  }
  const lxw_error closed = workbook_close(wb);
  if (!err.ok()) return Status::Internal("导出：" + err.first());
  if (closed != LXW_NO_ERROR) {
    return Status::Internal(std::string("导出：保存工作簿失败（") + lxw_strerror(closed) + "）");
  }
  return ReadAll(path);
}

}  // namespace gk::ledger
