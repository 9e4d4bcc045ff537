// The annual report as a projection of the records (docs/report-rules.md).
//
// Pure: the caller loads the agency's case states, its catalog records and
// the figures staff entered, and passes them in with the year. Every cell
// computed here carries its trace — the cases, proceedings, records or the
// entered figure behind it — so each figure can be drilled down to its source.
//
// Section 三 (report-format.md §2) counts applications (never 协助调查):
//   new = received in the year; carried_over = received earlier, not
//   concluded before 1 January; each concluded application once, in the year
//   of its decision, in its outcome row; carried_forward = open on 31 December.
// Section 四 (§3) counts a proceeding in the year it was filed (尚未审结 when
// not decided that year) and in the year it was decided (its result).
// Section 二 (§1): rows 规章 and (行政)规范性文件 from the catalog; every
// other cell from a figure staff entered, else blank (null, never 0). An
// entered figure for a catalog cell overrides it (records kept elsewhere
// before the agency went live), and the trace says so.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cases/projection.h"
#include "catalog/record.h"
#include "core/date.h"
#include "core/status.h"
#include "law/outcomes.h"
#include "report/model.h"

namespace gk::reporting {

// What the report needs of one case: a projection of its state, kept by the
// store beside the events so that a report never replays the history.
struct ProceedingFacts {
  std::string id;
  int group = 0;  // report::GroupKey4: review, litigation_direct, litigation_after_review
  Date filed_on;
  std::optional<Date> decided_on;
  std::optional<int> result;  // report::FieldKey4: upheld, corrected, other
  friend bool operator==(const ProceedingFacts&, const ProceedingFacts&) = default;
};
struct CaseFacts {
  std::string case_id;
  cases::CaseKind kind = cases::CaseKind::kApplication;
  std::optional<int> column;  // table 三 column (applications)
  cases::Channel channel = cases::Channel::kOnline;
  Date received_on;
  std::optional<Date> concluded_on;     // the decision (答复) or other ending
  std::optional<law::Outcome> outcome;  // applications, once concluded
  std::optional<Date> due_on;           // the reply deadline (applications)
  std::optional<Date> fee_paid_on;
  int64_t fee_yuan = 0;
  std::vector<ProceedingFacts> proceedings;
  friend bool operator==(const CaseFacts&, const CaseFacts&) = default;

  // The table 三 rows this case counts in for `year` (CaseState::ReportRows).
  std::vector<report::Row3> ReportRows(int year, report::Format f) const;
};
// The facts of a received case (status none gives an empty case_id).
CaseFacts FactsOf(const cases::CaseState& s);

// The catalog's facts about one published record that section 二 needs.
using catalog::DocType;
using catalog::Validity;
struct RecordFacts {
  std::string id;
  DocType doc_type = DocType::kOther;
  std::optional<Date> formed_on;  // 成文日期
  Date published_on;              // 发布日期
  Validity validity = Validity::kInForce;
  std::optional<Date> validity_changed_on;
};

// A section 二 cell entered by staff, with where the figure comes from.
struct EnteredFigure {
  std::string row;    // Row2Spec key, e.g. "licensing"
  std::string field;  // Field2Spec key, e.g. "decisions"
  std::optional<int64_t> value;  // counts; money in fen; nullopt = blank on purpose
  std::string source;            // e.g. 市行政审批服务局业务系统导出
  std::string entered_by;
  std::string entered_at;
};
// Checks that row/field exist in the year's format and the value fits the
// field (counts ≥ 0, money ≥ 0; 本年增/减 signed). Chinese message naming the
// row and field.
Status ValidateEnteredFigure(const EnteredFigure& f, report::Format format);

// Where a cell's figure came from.
enum class CellBasis { kCases, kProceedings, kRecords, kEntered, kBlank };
struct CellTrace {
  std::string section;  // "二" | "三" | "四"
  std::string row;      // row or group key
  std::string column;   // column or field key
  CellBasis basis = CellBasis::kBlank;
  std::vector<std::string> refs;  // case ids; "case/proceeding"; record ids
  std::optional<EnteredFigure> entered;
  std::string rule;  // the rule applied, in Chinese, citing the row
};

// Which cells get their refs (the drill-down lists): all of them is costly
// for an agency with a million applications, so reports for display list
// none and a drill-down asks for its one cell.
enum class RefsWanted { kAll, kNone, kOneCell };

struct ReportInput {
  std::string agency_name;
  int year = 0;
  std::span<const CaseFacts> cases;
  std::span<const RecordFacts> records;
  // All entered figures of the agency and year, oldest first; the latest for
  // a cell wins.
  std::span<const EnteredFigure> figures;
  RefsWanted refs = RefsWanted::kAll;
  std::string refs_section, refs_row, refs_column;  // kOneCell
};

struct ComputedReport {
  report::Report report;  // source.kind = "records"
  std::vector<CellTrace> traces;  // one per cell of sections 二, 三, 四
  const CellTrace* Find(std::string_view section, std::string_view row,
                        std::string_view column) const;
};

ComputedReport ComputeReport(const ReportInput& in);

}  // namespace gk::reporting
