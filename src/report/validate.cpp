#include "report/validate.h"

#include <algorithm>
#include <limits>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

namespace gk::report {
namespace {

constexpr std::string_view kNumerals[6] = {"一", "二", "三", "四", "五", "六"};
constexpr std::string_view kTitles[6] = {
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
};
constexpr int kSec2 = 1, kSec3 = 2, kSec4 = 3;

// Saturating arithmetic: cells may hold any int64 when a report is built in
// code, and a checker must not overflow on them.
int64_t Add(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r)) {
    return a > 0 ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min();
  }
  return r;
}
int64_t Sub(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) {
    return a >= 0 ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min();
  }
  return r;
}

std::string Quote(std::string_view s) { return "“" + std::string(s) + "”"; }
std::string Num(int64_t v) { return std::to_string(v); }
// "实际为 5" / "实际为空".
std::string Actual(const Cell& c) { return c ? "实际为 " + Num(*c) : "实际为空"; }
std::string Prefix(int section) { return std::string(kTitles[section]) + "："; }

// “（三）不予公开”中的“1.属于国家秘密”行 — sub-items are named with their group,
// since labels such as “3.其他” recur.
std::string RowName3(const Row3Spec& r) {
  if (r.group.starts_with("（")) return Quote(r.group) + "中的" + Quote(r.label) + "行";
  return Quote(r.label) + "行";
}
std::string RowName3(Row3 r) { return RowName3(Row3Info(r)); }
std::string ColName3(int c) { return Quote(ColLabel3(c)) + "列"; }

using Grid = std::array<std::array<Cell, kNumCols3>, kNumRow3>;

// Section 二 figures as printed: money in 万元.
std::string Fig2(const Field2Spec& f, const Cell& c) {
  if (!c) return "空";
  return f.kind == FieldKind::kMoney ? FormatMoney(*c) + "万元" : Num(*c);
}

struct Cell2 {
  const Row2Spec* row = nullptr;
  const Field2Spec* field = nullptr;
  Cell value;
};

// The section-二 cell (row, field) of format f, or an empty Cell2.
Cell2 Lookup2(Format f, const Section2& s, std::string_view row, std::string_view field) {
  const auto rows = Rows2(f);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].key != row) continue;
    for (size_t j = 0; j < rows[i].fields.size(); ++j) {
      if (rows[i].fields[j].key != field) continue;
      Cell2 out{&rows[i], &rows[i].fields[j], std::nullopt};
      if (i < s.cells.size() && j < s.cells[i].size()) out.value = s.cells[i][j];
      return out;
    }
  }
  return {};
}

std::optional<Row3> Row3InFormat(Format f, std::string_view key) {
  for (const Row3Spec& r : Rows3(f)) {
    if (r.key == key) return r.id;
  }
  return std::nullopt;
}
int ColIndex3(std::string_view key) {
  for (int c = 0; c < kNumCols3; ++c) {
    if (ColKey3(c) == key) return c;
  }
  return -1;
}
int GroupIndex4(std::string_view key) {
  for (int g = 0; g < kNumGroups4; ++g) {
    if (GroupKey4(g) == key) return g;
  }
  return -1;
}
int FieldIndex4(std::string_view key) {
  for (int k = 0; k < kNumFields4; ++k) {
    if (FieldKey4(k) == key) return k;
  }
  return -1;
}

class Checker {
 public:
  explicit Checker(std::vector<Finding>* out) : out_(out) {}

  void Emit(Severity sev, std::string_view code, int section, std::string_view row,
            std::string_view column, Cell expected, Cell actual, std::string message) {
    if (out_ == nullptr) return;
    Finding f;
    f.severity = sev;
    f.code = code;
    f.section = section >= 0 ? std::string(kNumerals[section]) : "";
    f.row = row;
    f.column = column;
    f.expected = expected;
    f.actual = actual;
    f.message = std::move(message);
    out_->push_back(std::move(f));
  }

  // blank_cell: a blank that an identity reads as 0 (one warning per cell).
  void Blank3(Row3 r, int c, std::string_view why) {
    if (!blank3_.insert({static_cast<int>(r), c}).second) return;
    Emit(Severity::kWarning, "blank_cell", kSec3, Row3Info(r).key, ColKey3(c), std::nullopt,
         std::nullopt,
         Prefix(kSec3) + RowName3(r) + ColName3(c) + "为空，" + std::string(why) +
             "，按 0 计入勾稽关系");
  }
  void Blank4(int g, int k, std::string_view why) {
    Emit(Severity::kWarning, "blank_cell", kSec4, GroupKey4(g), FieldKey4(k), std::nullopt,
         std::nullopt,
         Prefix(kSec4) + Quote(GroupLabel4(g)) + "的" + Quote(FieldLabel4(k)) + "为空，" +
             std::string(why) + "，按 0 计入勾稽关系");
  }

 private:
  std::vector<Finding>* out_;
  std::set<std::pair<int, int>> blank3_;
};

// I1–I3 on section 三 under the blank-cell rule (docs/report-schema.md):
//  * an identity "总计 = Σ parts" (I1 per row, I2 per column) whose 总计 is
//    filled reads its blank parts as 0 (blank_cell warning);
//  * a blank 总计 beside a non-zero part is an error (actual = null); beside
//    parts that are all 0 it is a blank_cell warning; beside only blanks the
//    identity is skipped;
//  * I3 with a filled （七）总计 reads blank 一/二/四 cells as 0; with a blank
//    （七）总计 it is an error unless 一 + 二 − 四 is 0.
// Returns the grid with the blanks that were read as 0 set to 0. `ck` may
// discard its findings (used for the previous year's report).
Grid CheckSection3(const Section3& s, Format f, Checker& ck) {
  Grid e = s.cells;
  auto at = [&](Row3 r, int c) -> Cell& { return e[static_cast<int>(r)][c]; };

  // I1: S3[r].total == Σ_{c∈C} S3[r][c], every row of the format.
  for (const Row3Spec& rs : Rows3(f)) {
    int64_t sum = 0;
    bool any_filled = false, any_nonzero = false;
    for (int c = 0; c < kTotalCol; ++c) {
      if (const Cell& v = at(rs.id, c)) {
        sum = Add(sum, *v);
        any_filled = true;
        any_nonzero = any_nonzero || *v != 0;
      }
    }
    const Cell total = at(rs.id, kTotalCol);
    if (total) {
      for (int c = 0; c < kTotalCol; ++c) {
        if (at(rs.id, c)) continue;
        ck.Blank3(rs.id, c, "而本行“总计”已填写");
        at(rs.id, c) = 0;
      }
    } else if (any_filled && !any_nonzero) {
      ck.Blank3(rs.id, kTotalCol, "而本行各申请人列均为 0");
    }
    if ((total && *total != sum) || (!total && any_nonzero)) {
      ck.Emit(Severity::kError, "row_sum", kSec3, rs.key, ColKey3(kTotalCol), sum, total,
              Prefix(kSec3) + RowName3(rs) + ColName3(kTotalCol) + "应为 " + Num(sum) +
                  "（本行各申请人列之和），" + Actual(total));
    }
  }

  // I2: S3.total[c] == Σ_{r∈OUT} S3[r][c], every column.
  for (int c = 0; c < kNumCols3; ++c) {
    const Cell total = at(Row3::kTotal, c);
    int64_t sum = 0;
    bool any_filled = false, any_nonzero = false;
    for (const Row3Spec& rs : Rows3(f)) {
      if (!rs.outcome) continue;
      if (const Cell& v = at(rs.id, c)) {
        sum = Add(sum, *v);
        any_filled = true;
        any_nonzero = any_nonzero || *v != 0;
      } else if (total) {
        ck.Blank3(rs.id, c, "而“（七）总计”行本列已填写");
        at(rs.id, c) = 0;
      }
    }
    if (!total && any_filled && !any_nonzero) {
      ck.Blank3(Row3::kTotal, c, "而各办理结果行本列均为 0");
    }
    if ((total && *total != sum) || (!total && any_nonzero)) {
      ck.Emit(Severity::kError, "column_sum", kSec3, Row3Info(Row3::kTotal).key, ColKey3(c), sum,
              total,
              Prefix(kSec3) + RowName3(Row3::kTotal) + ColName3(c) + "应为 " + Num(sum) +
                  "（各办理结果之和），" + Actual(total));
    }
  }

  // I3: new[c] + carried_over[c] == total[c] + carried_forward[c], every column.
  for (int c = 0; c < kNumCols3; ++c) {
    const Cell total = at(Row3::kTotal, c);
    const Row3 others[] = {Row3::kNew, Row3::kCarriedOver, Row3::kCarriedForward};
    bool any_filled = false;
    for (Row3 r : others) any_filled = any_filled || at(r, c).has_value();
    if (!total && !any_filled) continue;
    if (total) {
      for (Row3 r : others) {
        if (at(r, c)) continue;
        ck.Blank3(r, c, "而“（七）总计”行本列已填写");
        at(r, c) = 0;
      }
    }
    const int64_t in = Add(at(Row3::kNew, c).value_or(0), at(Row3::kCarriedOver, c).value_or(0));
    const int64_t forward = at(Row3::kCarriedForward, c).value_or(0);
    const Cell out = total ? Cell(Add(*total, forward)) : std::nullopt;
    if (!total && in == forward) {
      ck.Blank3(Row3::kTotal, c, "而本列收支相抵为 0");
      continue;
    }
    if (out && *out == in) continue;
    std::string msg = Prefix(kSec3) + ColName3(c) + Quote(Row3Info(Row3::kTotal).label) + "与" +
                      Quote(Row3Info(Row3::kCarriedForward).label) + "之和应为 " + Num(in) + "（" +
                      Quote(Row3Info(Row3::kNew).label) + "与" +
                      Quote(Row3Info(Row3::kCarriedOver).label) + "之和），";
    msg += out ? Actual(out) : "实际上" + Quote(Row3Info(Row3::kTotal).label) + "为空";
    ck.Emit(Severity::kError, "balance", kSec3, "", ColKey3(c), in, out, std::move(msg));
  }
  return e;
}

// I4: g.total == g.upheld + g.corrected + g.other + g.pending, same blank rule.
void CheckSection4(const Section4& s, Checker& ck) {
  for (int g = 0; g < kNumGroups4; ++g) {
    const auto& row = s.cells[g];
    const int kTotal = kNumFields4 - 1;
    int64_t sum = 0;
    bool any_filled = false, any_nonzero = false;
    for (int k = 0; k < kTotal; ++k) {
      if (row[k]) {
        sum = Add(sum, *row[k]);
        any_filled = true;
        any_nonzero = any_nonzero || *row[k] != 0;
      }
    }
    const Cell total = row[kTotal];
    if (total) {
      for (int k = 0; k < kTotal; ++k) {
        if (!row[k]) ck.Blank4(g, k, "而本组“总计”已填写");
      }
    } else if (any_filled && !any_nonzero) {
      ck.Blank4(g, kTotal, "而本组各结果均为 0");
    }
    if ((total && *total != sum) || (!total && any_nonzero)) {
      ck.Emit(Severity::kError, "section4_sum", kSec4, GroupKey4(g), FieldKey4(kTotal), sum, total,
              Prefix(kSec4) + Quote(GroupLabel4(g)) + "的" + Quote(FieldLabel4(kTotal)) + "应为 " +
                  Num(sum) + "（结果维持、结果纠正、其他结果、尚未审结之和），" + Actual(total));
    }
  }
}

// I5 (sections 三, 四) and I6 (section 二): no negative figures, except the
// signed 本年增/减 of the 2019 format.
void CheckNegatives(const Report& r, Checker& ck) {
  if (r.section2) {
    const auto rows = Rows2(r.format);
    for (size_t i = 0; i < rows.size() && i < r.section2->cells.size(); ++i) {
      for (size_t j = 0; j < rows[i].fields.size() && j < r.section2->cells[i].size(); ++j) {
        const Field2Spec& fs = rows[i].fields[j];
        const Cell& v = r.section2->cells[i][j];
        if (!v || *v >= 0 || fs.kind == FieldKind::kSignedCount) continue;
        ck.Emit(Severity::kError, "negative_value", kSec2, rows[i].key, fs.key, std::nullopt, v,
                Prefix(kSec2) + Quote(rows[i].label) + "行" + Quote(fs.header) +
                    "列应为不小于 0 的数，实际为 " + Fig2(fs, v));
      }
    }
  }
  if (r.section3) {
    for (const Row3Spec& rs : Rows3(r.format)) {
      for (int c = 0; c < kNumCols3; ++c) {
        const Cell& v = r.section3->at(rs.id, c);
        if (!v || *v >= 0) continue;
        ck.Emit(
            Severity::kError, "negative_value", kSec3, rs.key, ColKey3(c), std::nullopt, v,
            Prefix(kSec3) + RowName3(rs) + ColName3(c) + "应为不小于 0 的整数，实际为 " + Num(*v));
      }
    }
  }
  if (r.section4) {
    for (int g = 0; g < kNumGroups4; ++g) {
      for (int k = 0; k < kNumFields4; ++k) {
        const Cell& v = r.section4->cells[g][k];
        if (!v || *v >= 0) continue;
        ck.Emit(Severity::kError, "negative_value", kSec4, GroupKey4(g), FieldKey4(k), std::nullopt,
                v,
                Prefix(kSec4) + Quote(GroupLabel4(g)) + "的" + Quote(FieldLabel4(k)) +
                    "应为不小于 0 的整数，实际为 " + Num(*v));
      }
    }
  }
}

// missing_section / missing_table (interface.md) and format_mismatch (§0.2).
void CheckStructure(const Report& r, Checker& ck) {
  const DocumentFacts* doc = r.document ? &*r.document : nullptr;
  if (doc != nullptr) {
    // A spreadsheet publishes the statistics tables only: its prose
    // sections (一, 五, 六) are in the report's page or document, not here.
    const bool tables_only = r.source.kind == "xlsx";
    for (int i = 0; i < 6; ++i) {
      if (doc->has_section[i]) continue;
      if (tables_only && (i == 0 || i == 4 || i == 5)) continue;
      ck.Emit(Severity::kError, "missing_section", i, "", "", std::nullopt, std::nullopt,
              "报告缺少" + Quote(kTitles[i]) + "部分");
    }
  }
  const bool present[] = {r.section2.has_value(), r.section3.has_value(), r.section4.has_value()};
  const int sections[] = {kSec2, kSec3, kSec4};
  for (int k = 0; k < 3; ++k) {
    const int i = sections[k];
    if (present[k]) continue;
    if (doc != nullptr && !doc->has_section[i]) continue;  // missing_section said it
    ck.Emit(Severity::kError, "missing_table", i, "", "", std::nullopt, std::nullopt,
            Prefix(i) +
                (doc != nullptr ? "有标题，但没有可读的统计表（可能是图片或附件）" : "缺少统计表"));
  }
  // The tables' format against the year. A document's fingerprint decides;
  // without a document (JSON, records) the report's own format does.
  std::optional<Format> shown = doc != nullptr ? doc->fingerprint : std::optional(r.format);
  if (r.year && shown && *shown != FormatForYear(*r.year)) {
    const Format want = FormatForYear(*r.year);
    const auto id = [](Format f) { return f == Format::k2019 ? int64_t{2019} : int64_t{2021}; };
    const std::string want_name = want == Format::k2021
                                      ? "2021年版格式（国办公开办函〔2021〕30号）"
                                      : "2019年版格式（试行，国办公开办函〔2019〕60号）";
    ck.Emit(Severity::kError, "format_mismatch", -1, "", "", id(want), id(*shown),
            Num(*r.year) + "年度报告应使用" + want_name + "的表格，实际使用的是" +
                std::string(FormatId(*shown)) + "年版格式的表格");
  }
}

// W1–W3: against the previous year's report of the same agency.
void CheckPrevious(const Report& r, const Grid* e, const Report& prev, Checker& ck) {
  if (r.year && prev.year && *prev.year != *r.year - 1) {
    ck.Emit(Severity::kWarning, "previous_year_mismatch", -1, "", "", *r.year - 1, *prev.year,
            "用于跨年度核对的上年度报告应为" + Num(*r.year - 1) + "年度，实际为" + Num(*prev.year) +
                "年度，未进行跨年度核对");
    return;
  }
  // W1: carried_over(Y)[c] == carried_forward(Y−1)[c].
  if (e != nullptr && prev.section3) {
    Checker quiet(nullptr);
    const Grid pe = CheckSection3(*prev.section3, prev.format, quiet);
    const int co = static_cast<int>(Row3::kCarriedOver);
    const int cf = static_cast<int>(Row3::kCarriedForward);
    for (int c = 0; c < kNumCols3; ++c) {
      const Cell& now = (*e)[co][c];
      const Cell& before = pe[cf][c];
      if (!now || !before || *now == *before) continue;
      ck.Emit(Severity::kWarning, "carryover", kSec3, Row3Info(Row3::kCarriedOver).key, ColKey3(c),
              before, now,
              Prefix(kSec3) + RowName3(Row3::kCarriedOver) + ColName3(c) + "应为 " + Num(*before) +
                  "（上年度报告" + Quote(Row3Info(Row3::kCarriedForward).label) + "），实际为 " +
                  Num(*now));
    }
  }
  if (!r.section2 || !prev.section2 || r.format != prev.format) return;
  const Format f = r.format;
  if (f == Format::k2021) {
    // W2: in_force(Y) ≈ in_force(Y−1) + issued(Y) − repealed(Y).
    for (std::string_view row : {"rules", "normative_documents"}) {
      const Cell2 before = Lookup2(f, *prev.section2, row, "in_force");
      const Cell2 issued = Lookup2(f, *r.section2, row, "issued");
      const Cell2 repealed = Lookup2(f, *r.section2, row, "repealed");
      const Cell2 now = Lookup2(f, *r.section2, row, "in_force");
      if (!before.value || !issued.value || !repealed.value || !now.value) continue;
      const int64_t available = Add(*before.value, *issued.value);
      const std::string head = Prefix(kSec2) + Quote(now.row->label) + "行";
      if (*repealed.value > available) {
        ck.Emit(Severity::kWarning, "repealed_exceeds_in_force", kSec2, row, "repealed", available,
                repealed.value,
                head + Quote(repealed.field->header) + "列至多应为 " + Num(available) +
                    "（上年度现行有效件数 " + Num(*before.value) + " 与本年制发件数 " +
                    Num(*issued.value) + " 之和），实际为 " + Num(*repealed.value));
        continue;
      }
      const int64_t expect = Sub(available, *repealed.value);
      if (expect == *now.value) continue;
      ck.Emit(Severity::kWarning, "in_force_drift", kSec2, row, "in_force", expect, now.value,
              head + Quote(now.field->header) + "列按上年度现行有效件数 " + Num(*before.value) +
                  " 加本年制发 " + Num(*issued.value) + " 减本年废止 " + Num(*repealed.value) +
                  " 推算应为 " + Num(expect) + "，实际为 " + Num(*now.value) +
                  "（文件也可能因有效期届满等失效，请核实）");
    }
  } else {
    // W3: previous_items(Y) == previous_items(Y−1) + change(Y−1).
    for (std::string_view row :
         {"licensing", "other_services", "punishment", "enforcement", "fees"}) {
      const Cell2 base = Lookup2(f, *prev.section2, row, "previous_items");
      const Cell2 change = Lookup2(f, *prev.section2, row, "change");
      const Cell2 now = Lookup2(f, *r.section2, row, "previous_items");
      if (!base.value || !change.value || !now.value) continue;
      const int64_t expect = Add(*base.value, *change.value);
      if (expect == *now.value) continue;
      ck.Emit(Severity::kWarning, "previous_items_drift", kSec2, row, "previous_items", expect,
              now.value,
              Prefix(kSec2) + Quote(now.row->label) + "行" + Quote(now.field->header) + "列应为 " +
                  Num(expect) + "（上年度报告的上一年项目数量 " + Num(*base.value) +
                  " 加本年增/减 " + Num(*change.value) + "），实际为 " + Num(*now.value));
    }
  }
}

// W4 (2019 format): published ≤ made.
void CheckPublishedMade(const Report& r, Checker& ck) {
  if (!r.section2 || r.format != Format::k2019) return;
  for (std::string_view row : {"rules", "normative_documents"}) {
    const Cell2 made = Lookup2(r.format, *r.section2, row, "made");
    const Cell2 published = Lookup2(r.format, *r.section2, row, "published");
    if (!made.value || !published.value || *published.value <= *made.value) continue;
    ck.Emit(Severity::kWarning, "published_exceeds_made", kSec2, row, "published", made.value,
            published.value,
            Prefix(kSec2) + Quote(made.row->label) + "行" + Quote(published.field->header) +
                "列一般不应多于" + Quote(made.field->header) + " " + Num(*made.value) +
                "，实际为 " + Num(*published.value) + "（上年制作的文件可能在本年公开，请核实）");
  }
}

// A table cell named by (section, row, column) keys, for W5.
struct ClaimCell {
  Cell value;
  std::string name;  // printed section, row and column
  bool money = false;
};
std::optional<ClaimCell> FindClaimCell(const Report& r, std::string_view section,
                                       std::string_view row, std::string_view column) {
  if (section == "二" && r.section2) {
    const Cell2 c = Lookup2(r.format, *r.section2, row, column);
    if (c.row == nullptr) return std::nullopt;
    return ClaimCell{c.value,
                     Prefix(kSec2) + Quote(c.row->label) + "行" + Quote(c.field->header) + "列",
                     c.field->kind == FieldKind::kMoney};
  }
  if (section == "三" && r.section3) {
    const std::optional<Row3> id = Row3InFormat(r.format, row);
    const int c = ColIndex3(column);
    if (!id || c < 0) return std::nullopt;
    return ClaimCell{r.section3->at(*id, c), Prefix(kSec3) + RowName3(*id) + ColName3(c), false};
  }
  if (section == "四" && r.section4) {
    const int g = GroupIndex4(row), k = FieldIndex4(column);
    if (g < 0 || k < 0) return std::nullopt;
    return ClaimCell{r.section4->cells[g][k],
                     Prefix(kSec4) + Quote(GroupLabel4(g)) + "的" + Quote(FieldLabel4(k)), false};
  }
  return std::nullopt;
}

// W5: figures stated in the text against the table.
void CheckClaims(const Report& r, Checker& ck) {
  if (!r.document) return;
  for (const TextClaim& claim : r.document->claims) {
    const std::optional<ClaimCell> cell = FindClaimCell(r, claim.section, claim.row, claim.column);
    if (!cell || !cell->value) continue;  // nothing to compare with
    if (claim.value == *cell->value) continue;
    if (!claim.alt_row.empty()) {
      const std::optional<ClaimCell> alt =
          FindClaimCell(r, claim.section, claim.alt_row, claim.column);
      if (alt && alt->value && claim.value == Add(*cell->value, *alt->value)) continue;
    }
    const auto fig = [&](int64_t v) { return cell->money ? FormatMoney(v) + "万元" : Num(v); };
    int section = -1;
    for (int i = 0; i < 6; ++i) {
      if (kNumerals[i] == claim.section) section = i;
    }
    std::string said = claim.quote.empty() ? "正文所述数字 " + fig(claim.value)
                                           : "正文“" + claim.quote + "”所述 " + fig(claim.value);
    ck.Emit(Severity::kWarning, "text_table_mismatch", section, claim.row, claim.column,
            claim.value, cell->value,
            cell->name + "按" + said + "应为 " + fig(claim.value) + "，表格实际为 " +
                fig(*cell->value));
  }
}

// W6: many more cases carried forward than received (heuristic).
void CheckCarriedForward(const Grid& e, Checker& ck) {
  const Cell& fresh = e[static_cast<int>(Row3::kNew)][kTotalCol];
  const Cell& forward = e[static_cast<int>(Row3::kCarriedForward)][kTotalCol];
  if (!fresh || !forward || *fresh <= 0 || *forward <= *fresh) return;
  ck.Emit(Severity::kWarning, "carried_forward_high", kSec3, Row3Info(Row3::kCarriedForward).key,
          ColKey3(kTotalCol), fresh, forward,
          Prefix(kSec3) + RowName3(Row3::kCarriedForward) + ColName3(kTotalCol) + "为 " +
              Num(*forward) + "，多于本年新收申请 " + Num(*fresh) +
              "，结转下年度的申请偏多，请核实");
}

// ---- Ordering -----------------------------------------------------------------

int SectionRank(std::string_view s) {
  if (s.empty()) return 0;
  for (int i = 0; i < 6; ++i) {
    if (kNumerals[i] == s) return i + 1;
  }
  return 7;
}

constexpr int kUnknownRank = 9999;

// Printed position of a row and of a column within a section. A finding about
// the whole section comes first, one about a whole column after the rows.
std::pair<int, int> PositionRank(Format f, const Finding& x) {
  int row = kUnknownRank, col = kUnknownRank;
  if (x.row.empty()) row = x.column.empty() ? -1 : kUnknownRank - 1;
  if (x.column.empty()) col = -1;
  if (x.section == "二") {
    const auto rows = Rows2(f);
    for (size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].key != x.row) continue;
      row = static_cast<int>(i);
      for (size_t j = 0; j < rows[i].fields.size(); ++j) {
        if (rows[i].fields[j].key == x.column) col = static_cast<int>(j);
      }
    }
  } else if (x.section == "三") {
    const auto rows = Rows3(f);
    for (size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].key == x.row) row = static_cast<int>(i);
    }
    if (const int c = ColIndex3(x.column); c >= 0) col = c;
  } else if (x.section == "四") {
    if (const int g = GroupIndex4(x.row); g >= 0) row = g;
    if (const int k = FieldIndex4(x.column); k >= 0) col = k;
  }
  return {row, col};
}

}  // namespace

std::vector<Finding> Validate(const Report& r, const ValidateOptions& options) {
  std::vector<Finding> out;
  Checker ck(&out);
  CheckStructure(r, ck);
  std::optional<Grid> e;
  if (r.section3) e = CheckSection3(*r.section3, r.format, ck);
  if (r.section4) CheckSection4(*r.section4, ck);
  CheckNegatives(r, ck);
  CheckPublishedMade(r, ck);
  if (options.previous != nullptr) CheckPrevious(r, e ? &*e : nullptr, *options.previous, ck);
  CheckClaims(r, ck);
  if (e) CheckCarriedForward(*e, ck);
  if (r.document) {
    out.insert(out.end(), r.document->reader_findings.begin(), r.document->reader_findings.end());
  }

  auto key = [&](const Finding& x) {
    const auto [row, col] = PositionRank(r.format, x);
    return std::make_tuple(SectionRank(x.section), row, col, x.severity == Severity::kError ? 0 : 1,
                           std::string_view(x.code), std::string_view(x.message));
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
  return out;
}

bool HasErrors(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == Severity::kError; });
}

}  // namespace gk::report
