#include "reporting/compute.h"

#include <algorithm>
#include <functional>
#include <map>
#include <utility>

namespace gk::reporting {
namespace {

using report::Format;
using report::Row3;

std::string Q(std::string_view s) { return "“" + std::string(s) + "”"; }

// The day a record was made (本年制发 / 新制作): its 成文日期, else its 发布日期.
Date MadeOn(const RecordFacts& r) { return r.formed_on.value_or(r.published_on); }

// Out of force by the end of `day` (失效/废止 on or before it).
bool OutOfForceBy(const RecordFacts& r, Date day) {
  if (r.validity == Validity::kInForce) return false;
  // A record marked 失效/废止 without a date is taken as out of force already.
  return !r.validity_changed_on || *r.validity_changed_on <= day;
}

const report::Field2Spec* FindField(Format f, std::string_view row, std::string_view field,
                                    std::string_view* row_label) {
  for (const report::Row2Spec& r : report::Rows2(f)) {
    if (r.key != row) continue;
    if (row_label) *row_label = r.label;
    for (const report::Field2Spec& fs : r.fields) {
      if (fs.key == field) return &fs;
    }
  }
  return nullptr;
}

struct CatalogCell {
  int64_t value = 0;
  std::vector<std::string> refs;
  std::string rule;
};

// Section 二 cells computed from the catalog, or nullopt for cells the
// catalog does not know.
std::optional<CatalogCell> FromCatalog(Format f, std::string_view row, std::string_view field,
                                       int year, std::span<const RecordFacts> records) {
  DocType type;
  if (row == "rules") {
    type = DocType::kRule;
  } else if (row == "normative_documents") {
    type = DocType::kNormative;
  } else {
    return std::nullopt;
  }
  const Date first = *Date::FromYmd(year, 1, 1);
  const Date last = *Date::FromYmd(year, 12, 31);
  CatalogCell c;
  std::function<bool(const RecordFacts&)> counts;
  if (f == Format::k2021) {
    if (field == "issued") {
      counts = [&](const RecordFacts& r) { return MadeOn(r).year() == year; };
      c.rule = "成文日期（无则发布日期）在本年内的件数（本年制发件数）";
    } else if (field == "repealed") {
      counts = [&](const RecordFacts& r) {
        return r.validity != Validity::kInForce && r.validity_changed_on &&
               r.validity_changed_on->year() == year;
      };
      c.rule = "有效性在本年内变为失效或废止的件数（本年废止件数）";
    } else if (field == "in_force") {
      counts = [&](const RecordFacts& r) { return MadeOn(r) <= last && !OutOfForceBy(r, last); };
      c.rule = "截至12月31日已制发且未失效、未废止的件数（现行有效件数）";
    } else {
      return std::nullopt;
    }
  } else {
    if (field == "made") {
      counts = [&](const RecordFacts& r) { return MadeOn(r).year() == year; };
      c.rule = "成文日期（无则发布日期）在本年内的件数（本年新制作数量）";
    } else if (field == "published") {
      counts = [&](const RecordFacts& r) {
        return r.published_on >= first && r.published_on <= last;
      };
      c.rule = "发布日期在本年内的件数（本年新公开数量）";
    } else if (field == "total_published") {
      counts = [&](const RecordFacts& r) { return r.published_on <= last; };
      c.rule = "截至12月31日累计公开的件数（对外公开总数量）";
    } else {
      return std::nullopt;
    }
  }
  for (const RecordFacts& r : records) {
    if (r.doc_type == type && counts(r)) {
      ++c.value;
      c.refs.push_back(r.id);
    }
  }
  return c;
}

}  // namespace

std::vector<Row3> CaseFacts::ReportRows(int year, Format f) const {
  std::vector<Row3> rows;
  if (kind != cases::CaseKind::kApplication || case_id.empty()) return rows;
  const int received_year = received_on.year();
  if (received_year > year) return rows;
  if (concluded_on && concluded_on->year() < year) return rows;  // concluded before the year
  rows.push_back(received_year == year ? Row3::kNew : Row3::kCarriedOver);
  if (concluded_on && concluded_on->year() == year && outcome) {
    rows.push_back(law::ReportRow(*outcome, f));
  } else {
    rows.push_back(Row3::kCarriedForward);
  }
  return rows;
}

CaseFacts FactsOf(const cases::CaseState& s) {
  CaseFacts f;
  if (s.status == cases::CaseStatus::kNone) return f;
  f.case_id = s.case_id;
  f.kind = s.kind;
  f.column = s.ReportColumn();
  f.channel = s.channel;
  f.received_on = s.received_on;
  f.concluded_on = s.ConcludedOn();
  if (s.conclusion) f.outcome = s.conclusion->outcome;
  if (s.deadlines) f.due_on = s.deadlines->due_on;
  if (s.fee && s.fee->paid_on) {
    f.fee_paid_on = s.fee->paid_on;
    f.fee_yuan = s.fee->amount_yuan;
  }
  for (const cases::Proceeding& p : s.proceedings) {
    ProceedingFacts pf;
    pf.id = p.id;
    pf.group = p.Section4Group();
    pf.filed_on = p.filed_on;
    pf.decided_on = p.decided_on;
    if (p.result) pf.result = static_cast<int>(*p.result);
    f.proceedings.push_back(std::move(pf));
  }
  return f;
}

Status ValidateEnteredFigure(const EnteredFigure& f, Format format) {
  std::string_view row_label;
  const report::Field2Spec* spec = FindField(format, f.row, f.field, &row_label);
  if (!spec) {
    return Status::Invalid("row/field：" + std::string(report::FormatId(format)) +
                           "年版表格第二部分没有" + Q(f.row) + "行的" + Q(f.field) + "栏");
  }
  if (f.value && *f.value < 0 && spec->kind != report::FieldKind::kSignedCount) {
    return Status::Invalid("value：" + std::string(row_label) + "“" + std::string(spec->header) +
                           "”不能为负数");
  }
  if (f.source.empty()) {
    return Status::Invalid("source：请注明数据来源（例如业务系统或统计台账）");
  }
  if (f.source.size() > 500) return Status::Invalid("source：数据来源说明过长（不超过500字节）");
  return Status::Ok();
}

const CellTrace* ComputedReport::Find(std::string_view section, std::string_view row,
                                      std::string_view column) const {
  for (const CellTrace& t : traces) {
    if (t.section == section && t.row == row && t.column == column) return &t;
  }
  return nullptr;
}

ComputedReport ComputeReport(const ReportInput& in) {
  const Format f = report::FormatForYear(in.year);
  ComputedReport out;
  report::Report& r = out.report;
  r.format = f;
  r.year = in.year;
  r.agency = in.agency_name;
  r.source.kind = "records";

  auto wants = [&in](std::string_view section, std::string_view row, std::string_view column) {
    return in.refs == RefsWanted::kAll ||
           (in.refs == RefsWanted::kOneCell && in.refs_section == section && in.refs_row == row &&
            in.refs_column == column);
  };
  // The one section 三 / 四 cell whose refs are wanted, as indices (-1: none).
  int want_row3 = -1, want_col3 = -1, want_group4 = -1, want_field4 = -1;
  if (in.refs == RefsWanted::kOneCell) {
    for (const report::Row3Spec& spec : report::Rows3(f)) {
      for (int c = 0; c < report::kNumCols3; ++c) {
        if (wants("三", spec.key, report::ColKey3(c))) {
          want_row3 = static_cast<int>(spec.id);
          want_col3 = c;
        }
      }
    }
    for (int g = 0; g < report::kNumGroups4; ++g) {
      for (int fi = 0; fi < report::kNumFields4; ++fi) {
        if (wants("四", report::GroupKey4(g), report::FieldKey4(fi))) {
          want_group4 = g;
          want_field4 = fi;
        }
      }
    }
  }
  auto ref3 = [&](int row, int col) {
    return in.refs == RefsWanted::kAll || (row == want_row3 && col == want_col3);
  };
  auto ref4 = [&](int g, int fi) {
    return in.refs == RefsWanted::kAll || (g == want_group4 && fi == want_field4);
  };

  // ---- Section 三 ----
  report::Section3 s3;
  std::map<std::pair<int, int>, std::vector<std::string>> refs3;
  for (const report::Row3Spec& spec : report::Rows3(f)) {
    for (int c = 0; c < report::kNumCols3; ++c) s3.at(spec.id, c) = 0;
  }
  for (const CaseFacts& s : in.cases) {
    if (s.kind != cases::CaseKind::kApplication) continue;  // 协助调查 never counts
    const std::optional<int> col = s.column;
    if (!col) continue;
    for (Row3 row : s.ReportRows(in.year, f)) {
      for (int c : {*col, report::kTotalCol}) {
        *s3.at(row, c) += 1;
        if (ref3(static_cast<int>(row), c)) refs3[{static_cast<int>(row), c}].push_back(s.case_id);
        if (report::Row3Info(row).outcome) {
          *s3.at(Row3::kTotal, c) += 1;
          if (ref3(static_cast<int>(Row3::kTotal), c)) {
            refs3[{static_cast<int>(Row3::kTotal), c}].push_back(s.case_id);
          }
        }
      }
    }
  }
  for (const report::Row3Spec& spec : report::Rows3(f)) {
    for (int c = 0; c < report::kNumCols3; ++c) {
      CellTrace t;
      t.section = "三";
      t.row = spec.key;
      t.column = report::ColKey3(c);
      t.basis = CellBasis::kCases;
      t.refs = refs3[{static_cast<int>(spec.id), c}];
      switch (spec.id) {
        case Row3::kNew:
          t.rule = "本年收到的申请（按收到申请之日，第三十一条）";
          break;
        case Row3::kCarriedOver:
          t.rule = "以前年度收到、1月1日尚未办结的申请";
          break;
        case Row3::kCarriedForward:
          t.rule = "12月31日尚未办结的申请";
          break;
        case Row3::kTotal:
          t.rule = "本年办结的申请，每件按答复之日计入一个办理结果";
          break;
        default:
          t.rule = "本年作出答复（或终止办理）且办理结果为“" + std::string(spec.label) +
                   "”的申请";
      }
      if (c != report::kTotalCol) t.rule += "，申请人类型为" + std::string(report::ColLabel3(c));
      out.traces.push_back(std::move(t));
    }
  }
  r.section3 = s3;

  // ---- Section 四 ----
  report::Section4 s4;
  std::map<std::pair<int, int>, std::vector<std::string>> refs4;
  for (auto& g : s4.cells) g.fill(0);
  for (const CaseFacts& s : in.cases) {
    for (const ProceedingFacts& p : s.proceedings) {
      // Counted in the year filed (pending unless decided that year) and in
      // the year decided, with the result (CaseState::Section4Cells).
      int field = -1;
      if (p.decided_on && p.decided_on->year() == in.year && p.result) {
        field = *p.result;
      } else if (p.filed_on.year() == in.year) {
        field = 3;  // 尚未审结 on 31 December
      }
      if (field < 0) continue;
      for (int fi : {field, report::kNumFields4 - 1}) {
        *s4.cells[p.group][fi] += 1;
        if (ref4(p.group, fi)) refs4[{p.group, fi}].push_back(s.case_id + "/" + p.id);
      }
    }
  }
  for (int g = 0; g < report::kNumGroups4; ++g) {
    for (int fi = 0; fi < report::kNumFields4; ++fi) {
      CellTrace t;
      t.section = "四";
      t.row = report::GroupKey4(g);
      t.column = report::FieldKey4(fi);
      t.basis = CellBasis::kProceedings;
      t.refs = refs4[{g, fi}];
      t.rule = fi == 3 ? "本年提起、12月31日尚未审结的案件"
                       : "本年提起或本年审结的案件，按本年作出的结果计入";
      out.traces.push_back(std::move(t));
    }
  }
  r.section4 = s4;

  // ---- Section 二 ----
  // The latest entry for each cell wins.
  std::map<std::pair<std::string, std::string>, const EnteredFigure*> entered;
  for (const EnteredFigure& e : in.figures) entered[{e.row, e.field}] = &e;
  report::Section2 s2 = report::Section2::Blank(f);
  const auto rows2 = report::Rows2(f);
  for (size_t i = 0; i < rows2.size(); ++i) {
    for (size_t j = 0; j < rows2[i].fields.size(); ++j) {
      const report::Field2Spec& fs = rows2[i].fields[j];
      CellTrace t;
      t.section = "二";
      t.row = rows2[i].key;
      t.column = fs.key;
      auto e = entered.find({t.row, t.column});
      if (e != entered.end()) {
        s2.cells[i][j] = e->second->value;
        t.basis = CellBasis::kEntered;
        t.entered = *e->second;
        t.rule = "工作人员填报，来源：" + e->second->source;
      } else if (std::optional<CatalogCell> c =
                     FromCatalog(f, t.row, t.column, in.year, in.records)) {
        s2.cells[i][j] = c->value;
        t.basis = CellBasis::kRecords;
        if (wants("二", t.row, t.column)) t.refs = std::move(c->refs);
        t.rule = "目录中文件类型为“" + std::string(rows2[i].label) + "”的记录：" + c->rule;
      } else {
        t.basis = CellBasis::kBlank;
        t.rule = "尚未填报（数据来自其他业务系统，由工作人员填报并注明来源）";
      }
      out.traces.push_back(std::move(t));
    }
  }
  r.section2 = std::move(s2);
  return out;
}

}  // namespace gk::reporting
