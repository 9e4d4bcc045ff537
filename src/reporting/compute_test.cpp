#include "reporting/compute.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "cases/test_util.h"
#include "law/outcomes.h"
#include "report/validate.h"

namespace gk::reporting {
namespace {

using cases::ApplicantType;
using cases::testing::CaseBuilder;
using cases::testing::D;
using cases::testing::Decision;
using report::Row3;

std::vector<CaseFacts> Facts(const std::vector<cases::CaseState>& states) {
  std::vector<CaseFacts> out;
  for (const auto& s : states) out.push_back(FactsOf(s));
  return out;
}

ReportInput In(int year, std::span<const CaseFacts> cases, std::span<const RecordFacts> records,
               std::span<const EnteredFigure> figures) {
  return {"某机关", year, cases, records, figures, RefsWanted::kAll, "", "", ""};
}

int64_t Cell3(const ComputedReport& c, Row3 row, int col) {
  return c.report.section3->at(row, col).value_or(-1);
}

// A case received on `received`, decided with `o` on `decided` (if given).
cases::CaseState Decided(const std::string& id, std::string_view received,
                         std::optional<std::string_view> decided, law::Outcome o,
                         ApplicantType type = ApplicantType::kNaturalPerson) {
  CaseBuilder b(id);
  b.Receive(received, type).Register(received);
  if (decided) b.Add(*decided, Decision(o));
  return b.state();
}

std::vector<std::string> Errors(const report::Report& r) {
  std::vector<std::string> out;
  for (const report::Finding& f : report::Validate(r)) {
    if (f.severity == report::Severity::kError) out.push_back(f.code + " " + f.message);
  }
  return out;
}

TEST(ComputeReportTest, SectionThreeCountsEachApplicationOnceInTheYearOfItsDecision) {
  std::vector<cases::CaseState> cs;
  cs.push_back(Decided("A1", "2021-03-01", "2021-03-10", law::Outcome::kGranted));
  cs.push_back(Decided("A2", "2021-04-01", "2021-04-12", law::Outcome::kPartial));
  cs.push_back(Decided("A3", "2021-05-06", "2021-05-20", law::Outcome::kNotHeld,
                       ApplicantType::kCommercial));
  // Received in 2020, decided in 2021: carried over.
  cs.push_back(Decided("A4", "2020-12-21", "2021-01-11", law::Outcome::kRepeat));
  // Received in 2021, open at the end of the year: carried forward.
  cs.push_back(Decided("A5", "2021-12-20", std::nullopt, law::Outcome::kGranted));
  // 协助调查 never counts.
  CaseBuilder ast("X1");
  ast.Add("2021-06-01", cases::testing::AssistanceReceipt());
  cs.push_back(ast.state());

  const std::vector<CaseFacts> fcs = Facts(cs);
  ComputedReport c = ComputeReport(In(2021, fcs, {}, {}));
  EXPECT_EQ(c.report.format, report::Format::k2021);
  EXPECT_EQ(c.report.source.kind, "records");
  EXPECT_EQ(Cell3(c, Row3::kNew, 0), 3);
  EXPECT_EQ(Cell3(c, Row3::kNew, 1), 1);
  EXPECT_EQ(Cell3(c, Row3::kNew, report::kTotalCol), 4);
  EXPECT_EQ(Cell3(c, Row3::kCarriedOver, report::kTotalCol), 1);
  EXPECT_EQ(Cell3(c, Row3::kGranted, 0), 1);
  EXPECT_EQ(Cell3(c, Row3::kPartiallyGranted, 0), 1);
  EXPECT_EQ(Cell3(c, Row3::kWithheldThirdParty, 0), 0);  // partial only as partial
  EXPECT_EQ(Cell3(c, Row3::kUnavailableNotHeld, 1), 1);
  EXPECT_EQ(Cell3(c, Row3::kNotProcessedRepeat, 0), 1);
  EXPECT_EQ(Cell3(c, Row3::kTotal, report::kTotalCol), 4);
  EXPECT_EQ(Cell3(c, Row3::kCarriedForward, report::kTotalCol), 1);
  EXPECT_TRUE(Errors(c.report).empty()) << Errors(c.report).front();

  // Drill-down: the cell names its cases.
  const CellTrace* t = c.Find("三", "carried_over", "total");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->refs, std::vector<std::string>{"A4"});
  EXPECT_EQ(t->basis, CellBasis::kCases);
  EXPECT_EQ(c.Find("三", "new", "natural_person")->refs,
            (std::vector<std::string>{"A1", "A2", "A5"}));

  // The year before: A4 carried forward.
  ComputedReport prev = ComputeReport(In(2020, fcs, {}, {}));
  EXPECT_EQ(prev.report.format, report::Format::k2019);
  EXPECT_EQ(Cell3(prev, Row3::kNew, report::kTotalCol), 1);
  EXPECT_EQ(Cell3(prev, Row3::kCarriedForward, report::kTotalCol), 1);
  EXPECT_EQ(Cell3(prev, Row3::kTotal, report::kTotalCol), 0);
}

TEST(ComputeReportTest, EndingsWithoutADecisionHaveTheirRows) {
  std::vector<cases::CaseState> cs;
  {  // Art. 30: no correction in time → other_no_correction.
    CaseBuilder b("N1");
    b.Receive("2021-03-01").Register("2021-03-01");
    b.Add("2021-03-03", cases::CorrectionRequestedPayload{"写明文号", D("2021-03-12")});
    b.Add("2021-03-15", cases::DeemedWithdrawnPayload{});
    cs.push_back(b.state());
  }
  {  // Withdrawn → other_other (2021), other (2019).
    CaseBuilder b("W1");
    b.Receive("2021-04-01").Register("2021-04-01").Add("2021-04-06", cases::WithdrawnPayload{});
    cs.push_back(b.state());
  }
  const std::vector<CaseFacts> fcs = Facts(cs);
  ComputedReport c = ComputeReport(In(2021, fcs, {}, {}));
  EXPECT_EQ(Cell3(c, Row3::kOtherNoCorrection, 0), 1);
  EXPECT_EQ(Cell3(c, Row3::kOtherOther, 0), 1);
  EXPECT_EQ(Cell3(c, Row3::kTotal, 0), 2);
  EXPECT_TRUE(Errors(c.report).empty());
}

TEST(ComputeReportTest, SectionFourCountsInTheYearsOfFilingAndDecision) {
  CaseBuilder b("R1");
  b.Receive("2021-03-01").Register("2021-03-01").Add("2021-03-10",
                                                     Decision(law::Outcome::kNotHeld));
  b.Add("2021-05-10", cases::ReviewFiledPayload{"F1", "威海市人民政府"});
  b.Add("2022-02-10", cases::ReviewDecidedPayload{"F1", cases::ProceedingResult::kUpheld, ""});
  std::vector<cases::CaseState> cs{b.state()};
  const std::vector<CaseFacts> fcs = Facts(cs);
  ComputedReport y1 = ComputeReport(In(2021, fcs, {}, {}));
  EXPECT_EQ(y1.report.section4->cells[0][3], 1);  // pending
  EXPECT_EQ(y1.report.section4->cells[0][4], 1);  // total
  EXPECT_EQ(y1.Find("四", "review", "pending")->refs, std::vector<std::string>{"R1/F1"});
  ComputedReport y2 = ComputeReport(In(2022, fcs, {}, {}));
  EXPECT_EQ(y2.report.section4->cells[0][0], 1);  // upheld
  EXPECT_EQ(y2.report.section4->cells[0][3], 0);
  EXPECT_TRUE(Errors(y2.report).empty());
}

TEST(ComputeReportTest, SectionTwoFromTheCatalogAndEnteredFigures) {
  std::vector<RecordFacts> records;
  auto add = [&](std::string id, DocType t, std::string_view formed, Validity v,
                 std::optional<std::string_view> changed) {
    RecordFacts r;
    r.id = std::move(id);
    r.doc_type = t;
    r.formed_on = D(formed);
    r.published_on = D(formed).AddDays(3);
    r.validity = v;
    if (changed) r.validity_changed_on = D(*changed);
    records.push_back(r);
  };
  add("n1", DocType::kNormative, "2019-05-01", Validity::kInForce, std::nullopt);
  add("n2", DocType::kNormative, "2020-05-01", Validity::kRepealed, "2022-06-01");
  add("n3", DocType::kNormative, "2022-02-01", Validity::kInForce, std::nullopt);
  add("n4", DocType::kNormative, "2022-12-30", Validity::kInForce, std::nullopt);  // published 2023
  add("o1", DocType::kOther, "2022-03-01", Validity::kInForce, std::nullopt);
  std::vector<EnteredFigure> figures = {
      {"licensing", "decisions", 10, "审批系统", "admin1", "2023-01-05T10:00:00+08:00"},
      {"licensing", "decisions", 12, "审批系统（更正）", "admin1", "2023-01-06T10:00:00+08:00"},
      {"fees", "amount_10k_yuan", 706'000'000, "财政票据", "admin1", "2023-01-06T10:00:00+08:00"},
  };
  ComputedReport c = ComputeReport(In(2022, {}, records, figures));
  const report::Section2& s2 = *c.report.section2;
  const report::Format f = report::Format::k2021;
  EXPECT_EQ(*s2.Find(f, "normative_documents", "issued"), 2);
  EXPECT_EQ(*s2.Find(f, "normative_documents", "repealed"), 1);
  EXPECT_EQ(*s2.Find(f, "normative_documents", "in_force"), 3);
  EXPECT_EQ(*s2.Find(f, "rules", "issued"), 0);
  EXPECT_EQ(*s2.Find(f, "licensing", "decisions"), 12);  // the latest entry
  EXPECT_EQ(*s2.Find(f, "fees", "amount_10k_yuan"), 706'000'000);
  EXPECT_EQ(*s2.Find(f, "punishment", "decisions"), std::nullopt);  // blank, never 0
  const CellTrace* t = c.Find("二", "licensing", "decisions");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->basis, CellBasis::kEntered);
  EXPECT_EQ(t->entered->source, "审批系统（更正）");
  EXPECT_EQ(c.Find("二", "normative_documents", "in_force")->refs,
            (std::vector<std::string>{"n1", "n3", "n4"}));

  // 2019 format: made / published / cumulative.
  ComputedReport old = ComputeReport(In(2020, {}, records, {}));
  const report::Format f19 = report::Format::k2019;
  EXPECT_EQ(*old.report.section2->Find(f19, "normative_documents", "made"), 1);
  EXPECT_EQ(*old.report.section2->Find(f19, "normative_documents", "published"), 1);
  EXPECT_EQ(*old.report.section2->Find(f19, "normative_documents", "total_published"), 2);
  EXPECT_EQ(*old.report.section2->Find(f19, "procurement", "items"), std::nullopt);
}

TEST(ComputeReportTest, RefsOnlyForTheCellAsked) {
  std::vector<cases::CaseState> cs;
  cs.push_back(Decided("A1", "2021-03-01", "2021-03-10", law::Outcome::kGranted));
  cs.push_back(Decided("A2", "2021-04-01", "2021-04-12", law::Outcome::kNotHeld));
  const std::vector<CaseFacts> fcs = Facts(cs);
  ReportInput in = In(2021, fcs, {}, {});
  in.refs = RefsWanted::kNone;
  ComputedReport none = ComputeReport(in);
  EXPECT_TRUE(none.Find("三", "new", "total")->refs.empty());
  EXPECT_EQ(Cell3(none, Row3::kNew, report::kTotalCol), 2);
  in.refs = RefsWanted::kOneCell;
  in.refs_section = "三";
  in.refs_row = "granted";
  in.refs_column = "total";
  ComputedReport one = ComputeReport(in);
  EXPECT_EQ(one.Find("三", "granted", "total")->refs, std::vector<std::string>{"A1"});
  EXPECT_TRUE(one.Find("三", "new", "total")->refs.empty());
}

TEST(ComputeReportTest, EnteredFiguresAreChecked) {
  EXPECT_TRUE(ValidateEnteredFigure({"licensing", "decisions", 3, "系统", "", ""},
                                    report::Format::k2021)
                  .ok());
  EXPECT_FALSE(ValidateEnteredFigure({"licensing", "previous_items", 3, "系统", "", ""},
                                     report::Format::k2021)
                   .ok());
  EXPECT_FALSE(ValidateEnteredFigure({"licensing", "decisions", -1, "系统", "", ""},
                                     report::Format::k2021)
                   .ok());
  EXPECT_TRUE(ValidateEnteredFigure({"punishment", "change", -1, "系统", "", ""},
                                    report::Format::k2019)
                  .ok());
  Status no_source =
      ValidateEnteredFigure({"licensing", "decisions", 3, "", "", ""}, report::Format::k2021);
  ASSERT_FALSE(no_source.ok());
  EXPECT_NE(no_source.message().find("source"), std::string::npos);
}

// Property: whatever the histories, the computed report satisfies every
// strict identity (I1–I4) in every year, in both formats.
TEST(ComputeReportTest, RandomHistoriesAlwaysBalance) {
  std::mt19937 rng(4242);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const auto outcomes = law::AllOutcomes();
  std::vector<cases::CaseState> cs;
  for (int i = 0; i < 300; ++i) {
    const Date received = D("2019-06-03").AddDays(pick(0, 1500));
    const auto type = static_cast<ApplicantType>(pick(0, 5));
    std::string id = "P";
    id += std::to_string(i);
    CaseBuilder b(id);
    b.Receive(received.ToString(), type).Register(received.ToString());
    if (pick(0, 9) > 1) {
      law::Outcome o = outcomes[pick(0, static_cast<int>(outcomes.size()) - 1)];
      if (o == law::Outcome::kDeemedWithdrawn || o == law::Outcome::kFeeUnpaid ||
          o == law::Outcome::kUnclearAfterCorrection) {
        o = law::Outcome::kGranted;
      }
      const Date on = received.AddDays(pick(0, 25));
      if (o == law::Outcome::kWithdrawn) {
        b.Add(on.ToString(), cases::WithdrawnPayload{});
      } else {
        b.Add(on.ToString(), Decision(o));
      }
      if (pick(0, 4) == 0) {
        const Date filed = on.AddDays(pick(1, 60));
        b.Add(filed.ToString(), cases::ReviewFiledPayload{"F", "复议机关"});
        if (pick(0, 1) == 0) {
          b.Add(filed.AddDays(pick(10, 200)).ToString(),
                cases::ReviewDecidedPayload{"F", cases::ProceedingResult::kCorrected, ""});
        }
      }
    }
    cs.push_back(b.state());
  }
  const std::vector<CaseFacts> fcs = Facts(cs);
  for (int year = 2019; year <= 2024; ++year) {
    SCOPED_TRACE(year);
    // The facts count exactly as the states do.
    for (size_t k = 0; k < cs.size(); ++k) {
      for (report::Format f : {report::Format::k2019, report::Format::k2021}) {
        ASSERT_EQ(fcs[k].ReportRows(year, f), cs[k].ReportRows(year, f)) << cs[k].case_id;
      }
    }
    ComputedReport c = ComputeReport(In(year, fcs, {}, {}));
    const std::vector<std::string> errors = Errors(c.report);
    EXPECT_TRUE(errors.empty()) << errors.front();
    // Section 四 from the facts equals the states' own cells.
    report::Section4 want;
    for (auto& g : want.cells) g.fill(0);
    for (const auto& s : cs) {
      for (const cases::Section4Cell& cell : s.Section4Cells(year)) {
        *want.cells[cell.group][cell.field] += 1;
        *want.cells[cell.group][report::kNumFields4 - 1] += 1;
      }
    }
    EXPECT_EQ(c.report.section4->cells, want.cells);
    if (year > 2019) {
      // Carried over = the previous year's carried forward, column by column.
      ComputedReport p = ComputeReport(In(year - 1, fcs, {}, {}));
      for (int col = 0; col < report::kNumCols3; ++col) {
        EXPECT_EQ(Cell3(c, Row3::kCarriedOver, col), Cell3(p, Row3::kCarriedForward, col));
      }
    }
  }
}

}  // namespace
}  // namespace gk::reporting
