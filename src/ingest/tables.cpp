#include "ingest/tables.h"

#include <array>
#include <string>
#include <string_view>

#include "ingest/rows.h"

namespace gk::ingest {
namespace {

using report::Format;
using report::Row3;

bool Has(std::string_view s, std::string_view k) { return s.find(k) != std::string_view::npos; }

std::optional<int64_t> CountOf(const Slot& s) {
  const Number* n = SlotNumber(s);
  if (n == nullptr) return std::nullopt;
  return AsInteger(*n);
}

// ---- Section 二 (§1) ----------------------------------------------------------

constexpr Anchor kRules[] = {{"规章"}};
constexpr Anchor kNormative[] = {{"规范性文件"}};  // 2019 规范性文件, 2021 行政规范性文件
constexpr Anchor kLicensing[] = {{"行政许可"}};
constexpr Anchor kOtherServices[] = {{"对外管理服务"}};
constexpr Anchor kPunishment[] = {{"行政处罚"}};
constexpr Anchor kEnforcement[] = {{"行政强制"}};
constexpr Anchor kFees[] = {{"事业性收费"}};
constexpr Anchor kProcurement[] = {{"集中采购"}};

std::span<const Anchor> Anchors2(std::string_view key) {
  if (key == "rules") return kRules;
  if (key == "normative_documents") return kNormative;
  if (key == "licensing") return kLicensing;
  if (key == "other_services") return kOtherServices;
  if (key == "punishment") return kPunishment;
  if (key == "enforcement") return kEnforcement;
  if (key == "fees") return kFees;
  if (key == "procurement") return kProcurement;
  return {};
}

// 万元 unless the header, the label or the cell says 元 (§1.1 note, §1.2).
Unit MoneyUnit(std::string_view context, const Number& n) {
  if (n.unit != Unit::kNone) return n.unit;
  if (Has(context, "万元")) return Unit::kTenThousandYuan;
  if (Has(context, "元")) return Unit::kYuan;
  return Unit::kTenThousandYuan;
}

int64_t YuanMicroToFen(int64_t micro) {
  // micro = 元 × 10^6; fen = 元 × 100, rounded half away from zero.
  const int64_t q = micro / 10'000, r = micro % 10'000;
  if (r >= 5'000) return q + 1;
  if (r <= -5'000) return q - 1;
  return q;
}

report::Finding UnitFinding(const report::Row2Spec& row, const report::Field2Spec& field) {
  report::Finding f;
  f.severity = report::Severity::kWarning;
  f.code = "unit_converted";
  f.section = "二";
  f.row = std::string(row.key);
  f.column = std::string(field.key);
  f.message = "二、主动公开政府信息情况：" + std::string(row.label) +
              "金额以“元”填报，已换算为万元（除以10000）";
  return f;
}

// ---- Section 三 (§2.2, §2.3, §6 item 3) ---------------------------------------

constexpr Anchor kNew[] = {{"新收"}};
constexpr Anchor kCarriedOver[] = {{"上年结转"}};
// OCR may cut 予以公开 to "(一)予以" (seed 004).
constexpr Anchor kGranted[] = {{"予以公开"}, {"(一)予以"}};
constexpr Anchor kPartially[] = {{"部分公开"}, {"区分处理"}};
constexpr Anchor kStateSecret[] = {{"国家秘密"}};
constexpr Anchor kLawProhibited[] = {{"禁止公开"}, {"法规禁止"}};
constexpr Anchor kThreeSafeties[] = {{"三安全"}, {"危及"}};
constexpr Anchor kThirdParty[] = {{"第三方"}};
constexpr Anchor kInternal[] = {{"内部事务"}};
constexpr Anchor kProcess[] = {{"过程性"}};
constexpr Anchor kEnforcementFile[] = {{"执法案卷"}};
constexpr Anchor kQuery[] = {{"查询事项"}, {"行政查询"}};
constexpr Anchor kNotHeld[] = {{"不掌握"}};
constexpr Anchor kNeedsCreation[] = {{"另行制作"}, {"现成信息"}};
constexpr Anchor kUnclear[] = {{"仍不明确"}, {"补正后"}};
constexpr Anchor kPetition[] = {{"信访"}, {"举报投诉"}};
constexpr Anchor kRepeat[] = {{"重复申请"}};
constexpr Anchor kPublication[] = {{"出版物"}};
constexpr Anchor kMassRepeat[] = {{"大量反复"}, {"反复申请"}};
constexpr Anchor kConfirm[] = {{"确认或重新"}, {"重新出具"}};
constexpr Anchor kNoCorrection[] = {{"不补正"}};
// A page break may leave only "按收费通知要求" on the row (seed 004).
constexpr Anchor kNoFee[] = {{"缴纳费用"}, {"收费通知"}, {"缴费"}};
// "其他" is also a column header: alone it is weak (§6 item 4).
constexpr Anchor kOtherOther[] = {{"3.其他"}, {"3、其他"}, {"3其他"}, {"(3)其他"}, {"其他", true}};
constexpr Anchor kOtherSingle[] = {{"其他处理"}};
constexpr Anchor kTotal[] = {{"(七)总计"}, {"(七)合计"}, {"总计", true}, {"合计", true}};
constexpr Anchor kCarriedForward[] = {{"结转下年"}, {"下年度继续"}, {"继续办理"}};

// Indexed by report::Row3 (the enum is in printed order, 2021 sub-rows of
// （六） before the single 2019 row).
constexpr std::array<std::span<const Anchor>, report::kNumRow3> kAnchors3 = {
    kNew,           kCarriedOver,   kGranted,      kPartially, kStateSecret,     kLawProhibited,
    kThreeSafeties, kThirdParty,    kInternal,     kProcess,   kEnforcementFile, kQuery,
    kNotHeld,       kNeedsCreation, kUnclear,      kPetition,  kRepeat,          kPublication,
    kMassRepeat,    kConfirm,       kNoCorrection, kNoFee,     kOtherOther,      kOtherSingle,
    kTotal,         kCarriedForward};

// Identity I1 on a window of 7 cells: 总计 = sum of the six applicant
// columns, blank detail cells read as 0 (§4.1).
bool RowSumHolds(std::span<const Slot> w, size_t total_at, size_t skip = SIZE_MAX) {
  auto total = CountOf(w[total_at]);
  if (!total) return false;
  int64_t sum = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    if (i == total_at || i == skip) continue;
    if (auto v = CountOf(w[i])) sum += *v;
  }
  return sum == *total;
}

// A provincial 小计 column (§2.1): eight cells where the subtotal equals the
// five legal-person columns. Returns the seven cells without it, or nothing.
std::optional<std::vector<Slot>> DropSubtotal(const std::vector<Slot>& slots) {
  size_t used = slots.size();
  while (used > 0 && !slots[used - 1].has_value()) --used;
  if (used < 8) return std::nullopt;
  for (size_t start = used - 8 + 1; start-- > 0;) {
    std::span<const Slot> w(slots.data() + start, 8);
    // [np, c, r, p, l, o, sub, total] or [np, sub, c, r, p, l, o, total].
    for (size_t sub : {size_t{6}, size_t{1}}) {
      auto s = CountOf(w[sub]);
      if (!s) continue;
      int64_t legal = 0;
      for (size_t i = 1; i <= 6; ++i) {
        if (i == sub) continue;
        if (auto v = CountOf(w[i])) legal += *v;
      }
      if (legal != *s || !RowSumHolds(w, 7, sub)) continue;
      std::vector<Slot> out;
      for (size_t i = 0; i < 8; ++i) {
        if (i != sub) out.push_back(w[i]);
      }
      return out;
    }
  }
  return std::nullopt;
}

// §6 item 17: a table printing 总计 before the detail columns. Rotates every
// row when some rows only add up that way and none only the usual way.
void FixTotalFirst(report::Section3& t) {
  int usual = 0, first = 0;
  for (const auto& row : t.cells) {
    bool complete = true;
    std::array<Slot, report::kNumCols3> w;
    for (int c = 0; c < report::kNumCols3; ++c) {
      if (!row[c])
        complete = false;
      else
        w[c] = Token{TokenKind::kNumber, Number{*row[c] * 1'000'000}};
    }
    if (!complete) continue;
    const bool a = RowSumHolds(w, report::kTotalCol), b = RowSumHolds(w, 0);
    usual += a && !b;
    first += b && !a;
  }
  if (first == 0 || usual > 0) return;
  for (auto& row : t.cells) {
    report::Cell total = row[0];
    for (int c = 0; c + 1 < report::kNumCols3; ++c) row[c] = row[c + 1];
    row[report::kTotalCol] = total;
  }
}

// ---- Section 四 (§3) --------------------------------------------------------

constexpr size_t kCells4 = report::kNumGroups4 * report::kNumFields4;  // 15
constexpr size_t kMaxSlots4 = 256;

// Identity I4 for the three groups of a 15-cell window.
bool GroupSumsHold(std::span<const Slot> w) {
  for (size_t g = 0; g < report::kNumGroups4; ++g) {
    std::span<const Slot> group = w.subspan(g * report::kNumFields4, report::kNumFields4);
    if (!RowSumHolds(group, report::kNumFields4 - 1)) return false;
  }
  return true;
}

size_t ValueCount(const std::vector<Slot>& slots) {
  size_t n = 0;
  for (const Slot& s : slots) n += s.has_value() ? 1 : 0;
  return n;
}

}  // namespace

Section2Read ReadSection2(const std::vector<Item>& items, Format format,
                          std::vector<report::Finding>& findings) {
  Section2Read out;
  const auto specs = report::Rows2(format);
  std::vector<RowDef> defs;
  for (const report::Row2Spec& s : specs) defs.push_back({Anchors2(s.key), s.fields.size()});
  const std::vector<RowMatch> matches = MatchRows(items, defs, RowOrder::kAnyOrder);

  report::Section2 table = report::Section2::Blank(format);
  bool any = false;
  for (size_t i = 0; i < specs.size(); ++i) {
    const RowMatch& m = matches[i];
    if (!m.found) continue;
    ++out.rows_found;
    if (m.slots.empty()) continue;
    any = true;
    const std::vector<Slot> cells = PickCells(m.slots, specs[i].fields.size(), nullptr);
    for (size_t j = 0; j < cells.size() && j < table.cells[i].size(); ++j) {
      const report::Field2Spec& field = specs[i].fields[j];
      const Number* n = SlotNumber(cells[j]);
      if (n == nullptr) continue;
      if (field.kind != report::FieldKind::kMoney) {
        table.cells[i][j] = AsInteger(*n);
      } else if (MoneyUnit(m.context, *n) == Unit::kYuan) {
        table.cells[i][j] = YuanMicroToFen(n->micro);
        findings.push_back(UnitFinding(specs[i], field));
      } else {
        table.cells[i][j] = n->micro;  // 万元 × 10^6 = fen
      }
    }
  }
  if (any) out.table = std::move(table);
  return out;
}

Section3Read ReadSection3(const std::vector<Item>& items, Format format) {
  Section3Read out;
  std::array<RowDef, report::kNumRow3> defs;
  for (int r = 0; r < report::kNumRow3; ++r) defs[r] = {kAnchors3[r], report::kNumCols3};
  const std::vector<RowMatch> matches = MatchRows(items, defs, RowOrder::kPrinted);

  bool subtotal = false;  // a 小计 column in the header before the first row
  for (const RowMatch& m : matches) {
    if (m.found) {
      subtotal = Has(m.context, "小计");
      break;
    }
  }
  report::Section3 table;
  bool any = false;
  for (int r = 0; r < report::kNumRow3; ++r) {
    const RowMatch& m = matches[r];
    if (!m.found) continue;
    ++out.rows_found;
    if (m.slots.empty()) continue;
    any = true;
    std::optional<std::vector<Slot>> cells;
    if (subtotal) cells = DropSubtotal(m.slots);
    if (!cells) {
      cells = PickCells(m.slots, report::kNumCols3,
                        [](std::span<const Slot> w) { return RowSumHolds(w, report::kTotalCol); });
    }
    for (int c = 0; c < report::kNumCols3; ++c) table.cells[r][c] = CountOf((*cells)[c]);
  }
  if (!any) return out;
  FixTotalFirst(table);

  auto printed = [&](Row3 r) { return !matches[static_cast<int>(r)].slots.empty(); };
  out.split_other =
      printed(Row3::kOtherNoCorrection) || printed(Row3::kOtherNoFee) || printed(Row3::kOtherOther);
  out.single_other = printed(Row3::kOther);
  if (format == Format::k2019 && out.split_other && !out.single_other) {
    // A 2019-format report printing the 2021 sub-rows: other = their sum (§2.3).
    for (int c = 0; c < report::kNumCols3; ++c) {
      const auto& a = table.at(Row3::kOtherNoCorrection, c);
      const auto& b = table.at(Row3::kOtherNoFee, c);
      const auto& d = table.at(Row3::kOtherOther, c);
      if (a && b && d) table.at(Row3::kOther, c) = *a + *b + *d;
    }
  }
  out.table = table;
  return out;
}

std::optional<report::Section4> ReadSection4(const std::vector<Item>& items) {
  std::vector<Slot> slots;
  bool closed = false;
  for (const Item& it : items) {
    if (closed) break;
    switch (it.kind) {
      case ItemKind::kText:
        // Header cells come before the values; a label between values (a
        // table with one row per group) does not restart them.
        if (!it.prose && ValueCount(slots) == 0) {
          slots.clear();
        } else if (slots.size() >= kCells4) {
          closed = true;
        }
        break;
      case ItemKind::kValue:
        if (slots.size() < kMaxSlots4) slots.push_back(it.token);
        break;
      case ItemKind::kEmptyCell:
        if (slots.size() < kMaxSlots4) slots.push_back(std::nullopt);
        break;
      case ItemKind::kEndOfLine:
        if (it.line_values >= 2 && slots.size() >= kCells4) closed = true;
        break;
      case ItemKind::kBlankLine:
        if (slots.size() >= kCells4) closed = true;
        break;
    }
  }
  if (ValueCount(slots) == 0) return std::nullopt;
  const std::vector<Slot> cells = PickCells(slots, kCells4, GroupSumsHold);
  report::Section4 s;
  for (int g = 0; g < report::kNumGroups4; ++g) {
    for (int f = 0; f < report::kNumFields4; ++f) {
      s.cells[g][f] = CountOf(cells[static_cast<size_t>(g * report::kNumFields4 + f)]);
    }
  }
  return s;
}

}  // namespace gk::ingest
