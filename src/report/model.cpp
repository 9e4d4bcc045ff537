#include "report/model.h"

#include <cstdio>
#include <limits>

namespace gk::report {
namespace {

// ---- Section 二, 2021 format (report-format.md §1.1) ----
constexpr Field2Spec k21Doc[] = {{"issued", "本年制发件数", FieldKind::kCount},
                                 {"repealed", "本年废止件数", FieldKind::kCount},
                                 {"in_force", "现行有效件数", FieldKind::kCount}};
constexpr Field2Spec k21Decisions[] = {{"decisions", "本年处理决定数量", FieldKind::kCount}};
constexpr Field2Spec k21Fees[] = {
    {"amount_10k_yuan", "本年收费金额（单位：万元）", FieldKind::kMoney}};
constexpr Row2Spec kRows2_2021[] = {
    {"rules", "规章", "第二十条第（一）项", k21Doc},
    {"normative_documents", "行政规范性文件", "第二十条第（一）项", k21Doc},
    {"licensing", "行政许可", "第二十条第（五）项", k21Decisions},
    {"punishment", "行政处罚", "第二十条第（六）项", k21Decisions},
    {"enforcement", "行政强制", "第二十条第（六）项", k21Decisions},
    {"fees", "行政事业性收费", "第二十条第（八）项", k21Fees},
};

// ---- Section 二, 2019 format (report-format.md §1.2) ----
constexpr Field2Spec k19Doc[] = {{"made", "本年新制作数量", FieldKind::kCount},
                                 {"published", "本年新公开数量", FieldKind::kCount},
                                 {"total_published", "对外公开总数量", FieldKind::kCount}};
constexpr Field2Spec k19Items[] = {{"previous_items", "上一年项目数量", FieldKind::kCount},
                                   {"change", "本年增/减", FieldKind::kSignedCount},
                                   {"decisions", "处理决定数量", FieldKind::kCount}};
constexpr Field2Spec k19Fees[] = {{"previous_items", "上一年项目数量", FieldKind::kCount},
                                  {"change", "本年增/减", FieldKind::kSignedCount}};
constexpr Field2Spec k19Procurement[] = {{"items", "采购项目数量", FieldKind::kCount},
                                         {"amount_10k_yuan", "采购总金额", FieldKind::kMoney}};
constexpr Row2Spec kRows2_2019[] = {
    {"rules", "规章", "第二十条第（一）项", k19Doc},
    {"normative_documents", "规范性文件", "第二十条第（一）项", k19Doc},
    {"licensing", "行政许可", "第二十条第（五）项", k19Items},
    {"other_services", "其他对外管理服务事项", "第二十条第（五）项", k19Items},
    {"punishment", "行政处罚", "第二十条第（六）项", k19Items},
    {"enforcement", "行政强制", "第二十条第（六）项", k19Items},
    {"fees", "行政事业性收费", "第二十条第（八）项", k19Fees},
    {"procurement", "政府集中采购", "第二十条第（九）项", k19Procurement},
};

// ---- Section 三 (report-format.md §2.2, §2.3) ----
constexpr std::string_view kColKeys[kNumCols3] = {
    "natural_person", "commercial", "research", "public_interest", "legal_service", "other",
    "total"};
constexpr std::string_view kColLabels[kNumCols3] = {
    "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};

constexpr Row3Spec kAllRows3[kNumRow3] = {
    {Row3::kNew, "new", "", "一、本年新收政府信息公开申请数量", false},
    {Row3::kCarriedOver, "carried_over", "", "二、上年结转政府信息公开申请数量", false},
    {Row3::kGranted, "granted", "三、本年度办理结果", "（一）予以公开", true},
    {Row3::kPartiallyGranted, "partially_granted", "三、本年度办理结果",
     "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", true},
    {Row3::kWithheldStateSecret, "withheld_state_secret", "（三）不予公开", "1.属于国家秘密", true},
    {Row3::kWithheldLawProhibited, "withheld_law_prohibited", "（三）不予公开",
     "2.其他法律行政法规禁止公开", true},
    {Row3::kWithheldThreeSafeties, "withheld_three_safeties", "（三）不予公开",
     "3.危及“三安全一稳定”", true},
    {Row3::kWithheldThirdParty, "withheld_third_party", "（三）不予公开", "4.保护第三方合法权益",
     true},
    {Row3::kWithheldInternalAffairs, "withheld_internal_affairs", "（三）不予公开",
     "5.属于三类内部事务信息", true},
    {Row3::kWithheldProcessInfo, "withheld_process_info", "（三）不予公开",
     "6.属于四类过程性信息", true},
    {Row3::kWithheldEnforcementFile, "withheld_enforcement_file", "（三）不予公开",
     "7.属于行政执法案卷", true},
    {Row3::kWithheldQueryMatter, "withheld_query_matter", "（三）不予公开", "8.属于行政查询事项",
     true},
    {Row3::kUnavailableNotHeld, "unavailable_not_held", "（四）无法提供",
     "1.本机关不掌握相关政府信息", true},
    {Row3::kUnavailableNeedsCreation, "unavailable_needs_creation", "（四）无法提供",
     "2.没有现成信息需要另行制作", true},
    {Row3::kUnavailableUnclearAfterCorrection, "unavailable_unclear_after_correction",
     "（四）无法提供", "3.补正后申请内容仍不明确", true},
    {Row3::kNotProcessedPetition, "not_processed_petition", "（五）不予处理",
     "1.信访举报投诉类申请", true},
    {Row3::kNotProcessedRepeat, "not_processed_repeat", "（五）不予处理", "2.重复申请", true},
    {Row3::kNotProcessedPublication, "not_processed_publication", "（五）不予处理",
     "3.要求提供公开出版物", true},
    {Row3::kNotProcessedMassRepeat, "not_processed_mass_repeat", "（五）不予处理",
     "4.无正当理由大量反复申请", true},
    {Row3::kNotProcessedConfirmOrReissue, "not_processed_confirm_or_reissue", "（五）不予处理",
     "5.要求行政机关确认或重新出具已获取信息", true},
    {Row3::kOtherNoCorrection, "other_no_correction", "（六）其他处理",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", true},
    {Row3::kOtherNoFee, "other_no_fee", "（六）其他处理",
     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", true},
    {Row3::kOtherOther, "other_other", "（六）其他处理", "3.其他", true},
    {Row3::kOther, "other", "三、本年度办理结果", "（六）其他处理", true},
    {Row3::kTotal, "total", "三、本年度办理结果", "（七）总计", false},
    {Row3::kCarriedForward, "carried_forward", "", "四、结转下年度继续办理", false},
};

template <size_t N>
constexpr std::array<Row3Spec, N> Pick(const Row3 (&ids)[N]) {
  std::array<Row3Spec, N> out{};
  for (size_t i = 0; i < N; ++i) out[i] = kAllRows3[static_cast<int>(ids[i])];
  return out;
}

constexpr Row3 kIds2021[] = {
    Row3::kNew, Row3::kCarriedOver, Row3::kGranted, Row3::kPartiallyGranted,
    Row3::kWithheldStateSecret, Row3::kWithheldLawProhibited, Row3::kWithheldThreeSafeties,
    Row3::kWithheldThirdParty, Row3::kWithheldInternalAffairs, Row3::kWithheldProcessInfo,
    Row3::kWithheldEnforcementFile, Row3::kWithheldQueryMatter, Row3::kUnavailableNotHeld,
    Row3::kUnavailableNeedsCreation, Row3::kUnavailableUnclearAfterCorrection,
    Row3::kNotProcessedPetition, Row3::kNotProcessedRepeat, Row3::kNotProcessedPublication,
    Row3::kNotProcessedMassRepeat, Row3::kNotProcessedConfirmOrReissue, Row3::kOtherNoCorrection,
    Row3::kOtherNoFee, Row3::kOtherOther, Row3::kTotal, Row3::kCarriedForward};
constexpr Row3 kIds2019[] = {
    Row3::kNew, Row3::kCarriedOver, Row3::kGranted, Row3::kPartiallyGranted,
    Row3::kWithheldStateSecret, Row3::kWithheldLawProhibited, Row3::kWithheldThreeSafeties,
    Row3::kWithheldThirdParty, Row3::kWithheldInternalAffairs, Row3::kWithheldProcessInfo,
    Row3::kWithheldEnforcementFile, Row3::kWithheldQueryMatter, Row3::kUnavailableNotHeld,
    Row3::kUnavailableNeedsCreation, Row3::kUnavailableUnclearAfterCorrection,
    Row3::kNotProcessedPetition, Row3::kNotProcessedRepeat, Row3::kNotProcessedPublication,
    Row3::kNotProcessedMassRepeat, Row3::kNotProcessedConfirmOrReissue, Row3::kOther,
    Row3::kTotal, Row3::kCarriedForward};

constexpr auto kRows3_2021 = Pick(kIds2021);
constexpr auto kRows3_2019 = Pick(kIds2019);
static_assert(kRows3_2021.size() == 25 && kRows3_2019.size() == 23);

// ---- Section 四 (report-format.md §3) ----
constexpr std::string_view kGroupKeys4[kNumGroups4] = {"review", "litigation_direct",
                                                       "litigation_after_review"};
constexpr std::string_view kGroupLabels4[kNumGroups4] = {
    "行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"};
constexpr std::string_view kFieldKeys4[kNumFields4] = {"upheld", "corrected", "other", "pending",
                                                       "total"};
constexpr std::string_view kFieldLabels4[kNumFields4] = {"结果维持", "结果纠正", "其他结果",
                                                         "尚未审结", "总计"};

}  // namespace

std::string_view FormatId(Format f) { return f == Format::k2019 ? "2019" : "2021"; }

std::optional<Format> ParseFormat(std::string_view id) {
  if (id == "2019") return Format::k2019;
  if (id == "2021") return Format::k2021;
  return std::nullopt;
}

Format FormatForYear(int year) { return year <= 2020 ? Format::k2019 : Format::k2021; }

std::span<const Row2Spec> Rows2(Format f) {
  if (f == Format::k2019) return kRows2_2019;
  return kRows2_2021;
}

Section2 Section2::Blank(Format f) {
  Section2 s;
  for (const Row2Spec& r : Rows2(f)) s.cells.emplace_back(r.fields.size(), std::nullopt);
  return s;
}

const Cell* Section2::Find(Format f, std::string_view row, std::string_view field) const {
  auto rows = Rows2(f);
  for (size_t i = 0; i < rows.size() && i < cells.size(); ++i) {
    if (rows[i].key != row) continue;
    for (size_t j = 0; j < rows[i].fields.size() && j < cells[i].size(); ++j) {
      if (rows[i].fields[j].key == field) return &cells[i][j];
    }
  }
  return nullptr;
}

Cell* Section2::Find(Format f, std::string_view row, std::string_view field) {
  return const_cast<Cell*>(static_cast<const Section2*>(this)->Find(f, row, field));
}

std::string FormatMoney(int64_t fen) {
  // Magnitude in unsigned arithmetic so that INT64_MIN is formatted too.
  const uint64_t mag =
      fen < 0 ? uint64_t{0} - static_cast<uint64_t>(fen) : static_cast<uint64_t>(fen);
  const uint64_t unit = static_cast<uint64_t>(kFenPer10kYuan);
  std::string out = fen < 0 ? "-" : "";
  out += std::to_string(mag / unit);
  uint64_t frac = mag % unit;
  if (frac != 0) {
    char digits[8];
    std::snprintf(digits, sizeof digits, "%06llu", static_cast<unsigned long long>(frac));
    std::string_view d(digits, 6);
    while (!d.empty() && d.back() == '0') d.remove_suffix(1);
    out += '.';
    out += d;
  }
  return out;
}

std::optional<int64_t> ParseMoney(std::string_view text) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  auto is_digit = [&](size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
  constexpr uint64_t kUnit = static_cast<uint64_t>(kFenPer10kYuan);
  const uint64_t limit = negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
  uint64_t whole = 0;
  int digits = 0;
  for (; is_digit(i); ++i, ++digits) {
    whole = whole * 10 + static_cast<uint64_t>(text[i] - '0');
    if (whole > limit / kUnit) return std::nullopt;
  }
  uint64_t frac = 0;
  bool round_up = false;
  if (i < text.size() && text[i] == '.') {
    ++i;
    int places = 0;
    for (; is_digit(i); ++i, ++digits, ++places) {
      const uint64_t d = static_cast<uint64_t>(text[i] - '0');
      if (places < 6) {
        frac = frac * 10 + d;
      } else if (places == 6) {
        round_up = d >= 5;  // half away from zero: the magnitude rounds up
      }
    }
    for (; places < 6; ++places) frac *= 10;
  }
  if (digits == 0 || i != text.size()) return std::nullopt;
  const uint64_t mag = whole * kUnit + frac + (round_up ? 1 : 0);
  if (mag > limit) return std::nullopt;
  if (negative) {
    return mag == (uint64_t{1} << 63) ? std::numeric_limits<int64_t>::min()
                                      : -static_cast<int64_t>(mag);
  }
  return static_cast<int64_t>(mag);
}

std::string_view ColKey3(int col) { return kColKeys[col]; }
std::string_view ColLabel3(int col) { return kColLabels[col]; }

std::span<const Row3Spec> Rows3(Format f) {
  if (f == Format::k2019) return kRows3_2019;
  return kRows3_2021;
}

const Row3Spec& Row3Info(Row3 r) { return kAllRows3[static_cast<int>(r)]; }

std::optional<Row3> Row3FromKey(std::string_view key) {
  for (const Row3Spec& s : kAllRows3) {
    if (s.key == key) return s.id;
  }
  return std::nullopt;
}

std::string_view GroupKey4(int g) { return kGroupKeys4[g]; }
std::string_view GroupLabel4(int g) { return kGroupLabels4[g]; }
std::string_view FieldKey4(int f) { return kFieldKeys4[f]; }
std::string_view FieldLabel4(int f) { return kFieldLabels4[f]; }

}  // namespace gk::report
