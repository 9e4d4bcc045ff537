// The annual-report model: the tables of the 2019 (国办公开办函〔2019〕60号) and
// 2021 (国办公开办函〔2021〕30号) formats, with exactly the JSON keys of
// report-format.md. Row and field lists are data (the *Spec tables), so readers,
// writers and the validator walk the same description of the format.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "report/finding.h"

namespace gk::report {

enum class Format { k2019, k2021 };
std::string_view FormatId(Format f);  // "2019" | "2021"
std::optional<Format> ParseFormat(std::string_view id);
// report-format.md §0.2: years ≤ 2020 use the 2019 trial format.
Format FormatForYear(int year);

// A cell: nullopt = blank or unreadable (never read as 0 when stored).
using Cell = std::optional<int64_t>;

// ---- Section 二 (主动公开) ---------------------------------------------------
enum class FieldKind {
  kCount,        // non-negative integer
  kSignedCount,  // 本年增/减 (2019): signed integer
  kMoney,        // 万元, stored as integer fen (1 万元 = 1 000 000 fen)
};
inline constexpr int64_t kFenPer10kYuan = 1'000'000;

// Money as printed and as written to JSON: a decimal number of 万元 built
// exactly from integer fen, with no trailing zeros and no exponent
// (146224300 → "146.2243", 706000000 → "706", 1 → "0.000001", -500000 → "-0.5").
std::string FormatMoney(int64_t fen);
// The inverse for decimal text: optional sign, digits, optional '.' and digits
// ("146.2243", "+3", "-0.5", ".5"); no exponent, no separators. Digits beyond
// the sixth decimal are rounded half away from zero. nullopt when the text is
// not such a number or the value does not fit in int64 fen.
std::optional<int64_t> ParseMoney(std::string_view text);

struct Field2Spec {
  std::string_view key;     // JSON key, e.g. "issued"
  std::string_view header;  // printed column header, e.g. 本年制发件数
  FieldKind kind;
};
struct Row2Spec {
  std::string_view key;    // JSON key, e.g. "normative_documents"
  std::string_view label;  // printed row label, e.g. 行政规范性文件
  std::string_view block;  // 第二十条第（一）项
  std::span<const Field2Spec> fields;
};
std::span<const Row2Spec> Rows2(Format f);

struct Section2 {
  // cells[i][j] ↔ Rows2(format)[i].fields[j]
  std::vector<std::vector<Cell>> cells;
  static Section2 Blank(Format f);  // every cell null
  Cell* Find(Format f, std::string_view row, std::string_view field);
  const Cell* Find(Format f, std::string_view row, std::string_view field) const;
};

// ---- Section 三 (applications) ----------------------------------------------
inline constexpr int kNumCols3 = 7;  // 6 applicant columns + 总计
inline constexpr int kTotalCol = 6;
std::string_view ColKey3(int col);    // natural_person … total
std::string_view ColLabel3(int col);  // 自然人 … 总计

enum class Row3 : int {
  kNew,
  kCarriedOver,
  kGranted,
  kPartiallyGranted,
  kWithheldStateSecret,
  kWithheldLawProhibited,
  kWithheldThreeSafeties,
  kWithheldThirdParty,
  kWithheldInternalAffairs,
  kWithheldProcessInfo,
  kWithheldEnforcementFile,
  kWithheldQueryMatter,
  kUnavailableNotHeld,
  kUnavailableNeedsCreation,
  kUnavailableUnclearAfterCorrection,
  kNotProcessedPetition,
  kNotProcessedRepeat,
  kNotProcessedPublication,
  kNotProcessedMassRepeat,
  kNotProcessedConfirmOrReissue,
  kOtherNoCorrection,  // 2021 only
  kOtherNoFee,         // 2021 only
  kOtherOther,         // 2021 only
  kOther,              // 2019 only: （六）其他处理 as one row
  kTotal,              // （七）总计
  kCarriedForward,
  kCount
};
inline constexpr int kNumRow3 = static_cast<int>(Row3::kCount);

struct Row3Spec {
  Row3 id;
  std::string_view key;    // JSON key
  std::string_view group;  // printed group label, e.g. （三）不予公开 ("" for none)
  std::string_view label;  // printed label of the row itself
  bool outcome;            // one of the 办理结果 rows summed into （七）总计
};
// The rows of a format in printed order (25 for 2021, 23 for 2019).
std::span<const Row3Spec> Rows3(Format f);
const Row3Spec& Row3Info(Row3 r);
std::optional<Row3> Row3FromKey(std::string_view key);

struct Section3 {
  std::array<std::array<Cell, kNumCols3>, kNumRow3> cells{};
  Cell& at(Row3 r, int col) { return cells[static_cast<int>(r)][col]; }
  const Cell& at(Row3 r, int col) const { return cells[static_cast<int>(r)][col]; }
};

// ---- Section 四 (review and litigation) --------------------------------------
inline constexpr int kNumGroups4 = 3;
inline constexpr int kNumFields4 = 5;  // upheld corrected other pending total
std::string_view GroupKey4(int g);     // review litigation_direct litigation_after_review
std::string_view GroupLabel4(int g);   // 行政复议 / 行政诉讼（未经复议直接起诉）/ …
std::string_view FieldKey4(int f);     // upheld … total
std::string_view FieldLabel4(int f);   // 结果维持 … 总计

struct Section4 {
  std::array<std::array<Cell, kNumFields4>, kNumGroups4> cells{};
};

// ---- The report ----------------------------------------------------------------
struct SourceInfo {
  std::string file;      // path as given, "" for records
  std::string kind;      // text | html | docx | pdf | xlsx | json | records
  std::string encoding;  // utf-8, gb18030, … ("" when not applicable)
};

// A figure stated in the prose (e.g. "受理政府信息公开申请33件") and the table
// cell it should equal; checked as text_table_mismatch (report-format.md W5).
struct TextClaim {
  std::string section;  // "二" | "三" | "四"
  std::string row;      // row / group key
  std::string column;   // column / field key
  int64_t value = 0;
  std::string quote;    // the sentence fragment the figure came from
  // Also accept value == row + alt_row (e.g. "收到N件" may include 上年结转).
  std::string alt_row;
};

// What a reader saw in a published document. Absent for reports computed from
// records, so checks that only make sense for documents are skipped then.
struct DocumentFacts {
  std::array<bool, 6> has_section{};      // headings 一 … 六 found
  std::optional<Format> fingerprint;      // format shown by the table labels
  std::optional<Format> declared;         // format the document cites (〔2021〕30号)
  std::vector<TextClaim> claims;
  std::vector<Finding> reader_findings;   // e.g. fee printed in 元 and converted
};

struct Report {
  Format format = Format::k2021;
  std::optional<int> year;
  std::optional<std::string> agency;
  std::optional<Section2> section2;  // nullopt = table missing or an image
  std::optional<Section3> section3;
  std::optional<Section4> section4;
  SourceInfo source;
  std::optional<std::string> status;  // "published" | "draft" (records only)
  std::optional<DocumentFacts> document;
};

}  // namespace gk::report
