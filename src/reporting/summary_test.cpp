#include "reporting/summary.h"

#include <gtest/gtest.h>

#include <vector>

#include "cases/test_util.h"

namespace gk::reporting {
namespace {

using cases::testing::CaseBuilder;
using cases::testing::Decision;

cases::CaseState Case(const std::string& id, std::string_view on, std::string_view decided,
                      law::Outcome o) {
  CaseBuilder b(id);
  b.Receive(on).Register(on).Add(decided, Decision(o));
  return b.state();
}

TEST(SummaryTest, StatesTheFiguresOfTheTables) {
  std::vector<cases::CaseState> cs;
  cs.push_back(Case("A", "2021-03-01", "2021-03-10", law::Outcome::kGranted));
  cs.push_back(Case("B", "2022-03-01", "2022-03-10", law::Outcome::kPartial));
  cs.push_back(Case("C", "2022-04-01", "2022-04-12", law::Outcome::kNotHeld));
  cs.push_back(Case("D", "2022-05-06", "2022-06-30", law::Outcome::kNotHeld));  // late
  CaseBuilder ast("X");
  ast.Add("2022-06-01", cases::testing::AssistanceReceipt());
  cs.push_back(ast.state());

  std::vector<CaseFacts> fcs;
  for (const auto& c : cs) fcs.push_back(FactsOf(c));
  const ApplicationSummary s = Summarise(fcs, 2022);
  EXPECT_EQ(s.received, 3);
  EXPECT_EQ(s.concluded, 3);
  EXPECT_EQ(s.overdue, 1);
  EXPECT_EQ(s.assistance, 1);
  EXPECT_EQ(s.previous_received, 1);
  const std::string text = ApplicationsParagraph(s);
  EXPECT_NE(text.find("共收到政府信息公开申请3件（网上申请3件）"), std::string::npos) << text;
  EXPECT_NE(text.find("同比增长200%"), std::string::npos) << text;
  EXPECT_NE(text.find("部分公开1件"), std::string::npos) << text;
  EXPECT_NE(text.find("按期答复2件，逾期答复1件"), std::string::npos) << text;
  EXPECT_NE(text.find("协助调查1件"), std::string::npos) << text;
  EXPECT_NE(FeesParagraph(s).find("未收取"), std::string::npos);

  // The first year with records has no comparison.
  EXPECT_EQ(ApplicationsParagraph(Summarise(fcs, 2021)).find("同比"), std::string::npos);
}

}  // namespace
}  // namespace gk::reporting
