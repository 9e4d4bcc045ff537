#include "ledger/ledger.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "ledger/ledger_test_util.h"

namespace gk::ledger {
namespace {

using testing::D;

const law::Calendar& Cal() { return law::Calendar::BuiltIn(); }

std::vector<std::string> Ids(const std::vector<LedgerRow>& rows) {
  std::vector<std::string> out;
  for (const LedgerRow& r : rows) out.push_back(r.tracking_no);
  return out;
}

const LedgerRow& Find(const std::vector<LedgerRow>& rows, std::string_view id) {
  auto it = std::find_if(rows.begin(), rows.end(),
                         [&](const LedgerRow& r) { return r.tracking_no == id; });
  EXPECT_NE(it, rows.end()) << id;
  return *it;
}

TEST(BuildLedger, SelectsCasesActiveInThePeriodInReceiptOrder) {
  const testing::Sample s = testing::MakeSample();
  const auto rows = BuildLedger(s.states, D("2021-01-01"), D("2021-12-31"), Cal());
  // Received in 2021, concluded in 2021, or carried over open through it;
  // ordered by receipt date.
  EXPECT_EQ(Ids(rows), (std::vector<std::string>{"LG-H", "LG-E", "LG-B", "LG-A", "LG-C", "LG-D"}));
}

TEST(BuildLedger, PeriodEndsAreIncluded) {
  const testing::Sample s = testing::MakeSample();
  // LG-A received 2021-03-01 and LG-E concluded 2021-01-08: both on the bounds.
  auto rows = BuildLedger(s.states, D("2021-01-08"), D("2021-03-01"), Cal());
  EXPECT_EQ(Ids(rows), (std::vector<std::string>{"LG-H", "LG-E", "LG-B", "LG-A"}));
  rows = BuildLedger(s.states, D("2021-01-09"), D("2021-02-28"), Cal());
  EXPECT_EQ(Ids(rows), (std::vector<std::string>{"LG-H", "LG-B"}));
}

TEST(BuildLedger, ConcludedApplicationRow) {
  const testing::Sample s = testing::MakeSample();
  const auto rows = BuildLedger(s.states, D("2021-01-01"), D("2021-12-31"), Cal());
  const LedgerRow& a = Find(rows, "LG-A");
  EXPECT_EQ(a.kind_label, "依申请");
  EXPECT_EQ(a.channel_label, "网上申请");
  EXPECT_EQ(a.applicant_type_label, "自然人");
  EXPECT_EQ(a.received_on, D("2021-03-01"));
  EXPECT_EQ(a.clock_start, D("2021-03-01"));
  // 20 working days after Monday 1 March 2021: Monday 29 March.
  EXPECT_EQ(a.due_on, D("2021-03-29"));
  EXPECT_FALSE(a.extended());
  EXPECT_EQ(a.concluded_on, D("2021-03-10"));
  EXPECT_EQ(a.outcome_label, std::string(law::Label(law::Outcome::kGranted)));
  EXPECT_EQ(a.report_row, report::Row3::kGranted);
  EXPECT_EQ(a.report_row_label, "（一）予以公开");
  EXPECT_EQ(a.served_on, D("2021-03-12"));
  EXPECT_EQ(a.working_days, 7);  // 2–5 and 8–10 March
  EXPECT_EQ(a.timeliness, Timeliness::kConcludedOnTime);
  EXPECT_EQ(a.status_label, "已送达");
}

TEST(BuildLedger, LateWithheldDecisionShowsItsSubRow) {
  const testing::Sample s = testing::MakeSample();
  const auto rows = BuildLedger(s.states, D("2021-01-01"), D("2021-12-31"), Cal());
  const LedgerRow& b = Find(rows, "LG-B");
  EXPECT_EQ(b.applicant_type_label, "商业企业");
  EXPECT_EQ(b.report_row, report::Row3::kWithheldStateSecret);
  EXPECT_EQ(b.report_row_label, "（三）不予公开 1.属于国家秘密");
  EXPECT_EQ(b.timeliness, Timeliness::kConcludedLate);
  EXPECT_EQ(Label(b.timeliness), "超期办结");
  ASSERT_TRUE(b.due_on.has_value());
  EXPECT_LT(*b.due_on, D("2021-04-30"));
}

TEST(BuildLedger, AssistanceIsListedWithoutReportRow) {
  const testing::Sample s = testing::MakeSample();
  const auto rows = BuildLedger(s.states, D("2021-01-01"), D("2021-12-31"), Cal());
  const LedgerRow& c = Find(rows, "LG-C");
  EXPECT_EQ(c.kind, cases::CaseKind::kAssistance);
  EXPECT_EQ(c.kind_label, "协助调查");
  EXPECT_EQ(c.applicant_type_label, "");
  EXPECT_EQ(c.channel_label, "当面提交");
  EXPECT_FALSE(c.clock_start.has_value());
  EXPECT_FALSE(c.report_row.has_value());
  EXPECT_EQ(c.report_row_label, "");
  EXPECT_EQ(c.outcome_label, "已复函");
  EXPECT_EQ(c.concluded_on, D("2021-05-20"));
  EXPECT_EQ(c.timeliness, Timeliness::kNoDeadline);
  EXPECT_EQ(c.status_label, "已复函");
}

TEST(BuildLedger, OpenCasesAreMeasuredAsOfTheGivenDay) {
  const testing::Sample s = testing::MakeSample();
  auto rows = BuildLedger(s.states, D("2021-01-01"), D("2021-12-31"), Cal());
  const LedgerRow& d = Find(rows, "LG-D");
  EXPECT_FALSE(d.concluded_on.has_value());
  EXPECT_EQ(d.outcome_label, "");
  EXPECT_FALSE(d.report_row.has_value());
  EXPECT_EQ(d.working_days, 9);  // 21–24, 27–31 December 2021
  EXPECT_EQ(d.timeliness, Timeliness::kOnTime);
  EXPECT_EQ(d.status_label, "已登记");
  const LedgerRow& h = Find(rows, "LG-H");
  EXPECT_EQ(h.timeliness, Timeliness::kOverdue);
  EXPECT_EQ(Label(h.timeliness), "已超期");

  // The same ledger measured earlier: LG-D has fewer days.
  rows = BuildLedger(s.states, D("2021-01-01"), D("2021-12-31"), Cal(), D("2021-12-22"));
  EXPECT_EQ(Find(rows, "LG-D").working_days, 2);
}

TEST(SummariseOutcomes, CountsApplicationsConcludedInThePeriodOnly) {
  const testing::Sample s = testing::MakeSample();
  const auto rows = BuildLedger(s.states, D("2021-01-01"), D("2021-12-31"), Cal());
  const OutcomeSummary sum = SummariseOutcomes(rows, D("2021-01-01"), D("2021-12-31"));
  EXPECT_EQ(sum.total, 3);  // LG-A, LG-B, LG-E; not the 协助调查 LG-C
  EXPECT_EQ(sum.assistance, 1);
  int listed = 0;
  for (const OutcomeCount& c : sum.rows) {
    listed += c.count;
    EXPECT_EQ(c.label, RowLabel(c.row));
    if (c.row == report::Row3::kGranted || c.row == report::Row3::kWithheldStateSecret ||
        c.row == report::Row3::kUnavailableNotHeld) {
      EXPECT_EQ(c.count, 1) << c.label;
    } else {
      EXPECT_EQ(c.count, 0) << c.label;
    }
  }
  EXPECT_EQ(listed, sum.total);
  // Every outcome row of the 2021 format, in printed order.
  std::vector<report::Row3> expected;
  for (const report::Row3Spec& spec : report::Rows3(report::Format::k2021)) {
    if (spec.outcome) expected.push_back(spec.id);
  }
  ASSERT_EQ(sum.rows.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(sum.rows[i].row, expected[i]);
}

TEST(SummariseOutcomes, PeriodAcrossFormatsAddsTheOtherFormatsRows) {
  // A withdrawal concluded in 2020 counts in the 2019 format's （六）其他处理,
  // which the 2021 format lacks.
  testing::CaseBuilder b("LG-W");
  b.Add("2020-12-01",
        testing::PersonalReceipt(D("2020-12-01"), cases::ApplicantType::kNaturalPerson));
  b.Register("2020-12-01");
  b.Add("2020-12-03", cases::WithdrawnPayload{"不再需要"});
  const std::vector<cases::CaseState> states{b.state()};
  const auto rows = BuildLedger(states, D("2020-07-01"), D("2021-06-30"), Cal());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].report_row, report::Row3::kOther);
  const OutcomeSummary sum = SummariseOutcomes(rows, D("2020-07-01"), D("2021-06-30"));
  EXPECT_EQ(sum.total, 1);
  EXPECT_EQ(sum.rows.back().row, report::Row3::kOther);
  EXPECT_EQ(sum.rows.back().count, 1);
}

TEST(BuildLedger, EmptyInput) {
  EXPECT_TRUE(BuildLedger({}, D("2021-01-01"), D("2021-12-31"), Cal()).empty());
  const OutcomeSummary sum = SummariseOutcomes({}, D("2021-01-01"), D("2021-12-31"));
  EXPECT_EQ(sum.total, 0);
  EXPECT_EQ(sum.assistance, 0);
}

}  // namespace
}  // namespace gk::ledger
