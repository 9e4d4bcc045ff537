// Test-only: a small set of cases around 2021 for ledger_test, built with the
// case builder of cases_test (cases/test_util.h) so every state is a real
// projection of accepted events.
#pragma once

#include <string>
#include <vector>

#include "cases/test_util.h"
#include "law/outcomes.h"

namespace gk::ledger::testing {

using cases::testing::CaseBuilder;
using cases::testing::D;

// Personal data placed in the applications; none of it may reach the ledger.
inline constexpr const char* kApplicantName = "欧阳测试";
inline constexpr const char* kPhone = "0631-5299999";
inline constexpr const char* kAddress = "山东省威海市环翠区测试路88号";
inline constexpr const char* kEmail = "ouyang@example.cn";
inline std::string IdNumber() { return cases::testing::ResidentId("37100219850505123"); }

inline cases::ReceivedPayload PersonalReceipt(Date on, cases::ApplicantType type) {
  cases::ReceivedPayload r = cases::testing::OnlineReceipt(on, type);
  r.application->name = kApplicantName;
  r.application->phone = kPhone;
  r.application->address = kAddress;
  r.application->email = kEmail;
  if (type == cases::ApplicantType::kNaturalPerson) r.application->id_number = IdNumber();
  return r;
}

struct Sample {
  std::vector<cases::CaseState> states;
};

// 2021 ledger cases:
//  LG-A  received 2021-03-01 (Mon), granted 2021-03-10, served 03-12 — on time, 7 days
//  LG-B  commercial, received 2021-02-01, withheld (state secret) 2021-04-30 — late
//  LG-C  协助调查 received 2021-05-06, answered 2021-05-20
//  LG-D  received 2021-12-20, open
//  LG-E  received 2020-12-15, not held 2021-01-08 (carried over, concluded in 2021)
//  LG-F  received and concluded in June 2020 — not in the 2021 ledger
//  LG-G  received 2022-01-04 — not in the 2021 ledger
//  LG-H  received 2020-11-02, still open — carried over through 2021, overdue
inline Sample MakeSample() {
  using cases::ApplicantType;
  using law::Outcome;
  Sample s;
  auto app = [&](const std::string& id, const char* received, ApplicantType type) {
    CaseBuilder b(id);
    b.Add(received, PersonalReceipt(D(received), type));
    b.Register(received);
    return b;
  };
  {
    CaseBuilder b = app("LG-A", "2021-03-01", ApplicantType::kNaturalPerson);
    b.Assign("2021-03-02");
    b.Add("2021-03-10", cases::testing::Decision(Outcome::kGranted));
    b.Add("2021-03-12", cases::ServedPayload{cases::ServiceMethod::kPost, "EMS1234"});
    s.states.push_back(b.state());
  }
  {
    CaseBuilder b = app("LG-B", "2021-02-01", ApplicantType::kCommercial);
    b.Add("2021-04-30", cases::testing::Decision(Outcome::kWithheldStateSecret));
    s.states.push_back(b.state());
  }
  {
    CaseBuilder b("LG-C");
    cases::ReceivedPayload r = cases::testing::AssistanceReceipt();
    b.Add("2021-05-06", r);
    b.Add("2021-05-20", cases::AnsweredPayload{"临港函〔2021〕5号", "已复函"});
    s.states.push_back(b.state());
  }
  {
    CaseBuilder b = app("LG-D", "2021-12-20", ApplicantType::kNaturalPerson);
    s.states.push_back(b.state());
  }
  {
    CaseBuilder b = app("LG-E", "2020-12-15", ApplicantType::kResearch);
    b.Add("2021-01-08", cases::testing::Decision(Outcome::kNotHeld));
    s.states.push_back(b.state());
  }
  {
    CaseBuilder b = app("LG-F", "2020-06-01", ApplicantType::kNaturalPerson);
    b.Add("2020-06-10", cases::testing::Decision(Outcome::kGranted));
    s.states.push_back(b.state());
  }
  {
    CaseBuilder b = app("LG-G", "2022-01-04", ApplicantType::kNaturalPerson);
    s.states.push_back(b.state());
  }
  {
    CaseBuilder b = app("LG-H", "2020-11-02", ApplicantType::kNaturalPerson);
    s.states.push_back(b.state());
  }
  return s;
}

}  // namespace gk::ledger::testing
