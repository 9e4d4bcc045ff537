// The demo's individual applications, 协助调查 requests and section 二
// figures (interface.md "Demo data"). They are histories, not totals: the
// seed reports' tables (临港 2021, 火炬 2020, 工信局 2022) come out of the
// report projection cell for cell, 经开区 2022 has its 33 applications, and
// the other years are plausible. Everything is deterministic, so a second
// load can tell what is already there.
#pragma once

#include <string>
#include <vector>

#include "cases/events.h"
#include "cases/vocab.h"
#include "catalog/record.h"
#include "core/status.h"
#include "law/calendar.h"
#include "law/outcomes.h"
#include "reporting/compute.h"

namespace gk::app::demo {

// One case to create: its kind, dates and how it ends.
struct CasePlan {
  cases::CaseKind kind = cases::CaseKind::kApplication;
  Date received_on;
  cases::ApplicantType applicant = cases::ApplicantType::kNaturalPerson;
  cases::Channel channel = cases::Channel::kOnline;
  std::optional<law::Outcome> outcome;  // nullopt: still open
  int working_days = 10;                // from receipt to the decision
  int index = 0;                        // picks names, topics, etc.
  bool review = false;                  // a 行政复议 follows the decision
  bool lawsuit = false;                 // a 行政诉讼 (direct) follows the decision
  bool paid_fee = false;                // a fee paid before the decision
};

// A published 规章 / 规范性文件 of the catalog (section 二 counts them).
struct RecordPlan {
  Date formed_on;
  Date published_on;
  catalog::DocType doc_type = catalog::DocType::kNormative;
  std::string title, doc_no;
  catalog::Validity validity = catalog::Validity::kInForce;
  std::optional<Date> validity_changed_on;
};

struct AgencyPlan {
  std::string agency_id;
  std::vector<CasePlan> cases;
  // Section 二 figures by year (money in fen), with their source.
  struct Figure {
    int year;
    reporting::EnteredFigure figure;
  };
  std::vector<Figure> figures;
  std::vector<int> published_years;
  std::vector<RecordPlan> records;
};

// The plans of the five demo agencies.
std::vector<AgencyPlan> Plans(const law::Calendar& cal);

// The events of one planned case, numbered 1, 2, … with `case_id`; every
// event passes cases::Apply. `actor` records them.
std::vector<cases::Event> CaseEvents(const CasePlan& plan, const std::string& agency_id,
                                     const std::string& case_id, const std::string& actor,
                                     const law::Calendar& cal);

}  // namespace gk::app::demo
