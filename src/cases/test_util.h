// Test-only helpers of cases_test: dates, valid identity numbers, sample
// payloads and a builder that appends events to a case.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "cases/events.h"
#include "cases/projection.h"
#include "cases/transitions.h"
#include "core/ids.h"
#include "law/calendar.h"

namespace gk::cases::testing {

inline Date D(std::string_view s) {
  Result<Date> d = Date::Parse(s);
  EXPECT_TRUE(d.ok()) << s;
  return d.ok() ? *d : Date();
}

inline const law::Calendar& Cal() { return law::Calendar::BuiltIn(); }

// A resident id with a correct GB 11643 check character.
inline std::string ResidentId(std::string first17 = "37100219800101001") {
  return first17 + *ids::ResidentIdCheckChar(first17);
}
// A USCC with a correct position-18 check character.
inline std::string Uscc(std::string first17 = "91371000MA3C4U5B1") {
  return first17 + *ids::UsccCheckChar(first17);
}

inline Application SampleApplication() {
  Application a;
  a.applicant_type = ApplicantType::kNaturalPerson;
  a.name = "张三";
  a.id_type = IdType::kResidentId;
  a.id_number = ResidentId();
  a.phone = "0631-5288888";
  a.address = "山东省威海市环翠区新威路1号";
  a.description = "2020年本机关行政许可事项办理情况统计";
  a.form = Medium::kPaper;
  a.delivery = Delivery::kPost;
  return a;
}

// A received payload for an online application confirmed on `on`.
inline ReceivedPayload OnlineReceipt(Date on, ApplicantType type = ApplicantType::kNaturalPerson) {
  ReceivedPayload r;
  r.kind = CaseKind::kApplication;
  r.agency_id = "weihai-lingang";
  r.channel = Channel::kOnline;
  r.evidence.confirmed_on = on;
  r.evidence.confirmed_by = ConfirmMethod::kAutoAck;
  r.application = SampleApplication();
  r.application->applicant_type = type;
  if (type != ApplicantType::kNaturalPerson) {
    r.application->id_type = IdType::kUscc;
    r.application->id_number = Uscc();
    r.application->contact_person = "李四";
  }
  return r;
}

inline ReceivedPayload AssistanceReceipt() {
  ReceivedPayload r;
  r.kind = CaseKind::kAssistance;
  r.agency_id = "weihai-lingang";
  r.channel = Channel::kInPerson;
  r.assistance = AssistanceRequest{"威海市公安局", "威公函〔2021〕3号", "协助核实企业登记情况", {}};
  return r;
}

inline DecidedPayload Decision(law::Outcome o) {
  DecidedPayload d;
  d.outcome = o;
  d.reply_type = law::ReplyTypeOf(o);
  d.withhold_reason = law::WithholdReasonOf(o);
  d.legal_basis = "《中华人民共和国政府信息公开条例》第三十六条";
  return d;
}

inline Event MakeEvent(std::string case_id, int64_t seq, Date on, Payload p,
                       std::string actor = "admin1", Entry entry = Entry::kLive) {
  Event e;
  e.case_id = std::move(case_id);
  e.sequence = seq;
  e.occurred_on = on;
  e.recorded_at = on.ToString() + "T09:00:00+08:00";
  e.actor = std::move(actor);
  e.entry = entry;
  e.payload = std::move(p);
  return e;
}

// Appends events to one case; each Add must be accepted (role agency_admin).
class CaseBuilder {
 public:
  explicit CaseBuilder(std::string id = "GK-2021-0001") : id_(std::move(id)) {}

  Event Next(std::string_view date, Payload p) const {
    return MakeEvent(id_, state_.version + 1, D(date), std::move(p));
  }
  Result<CaseState> Try(std::string_view date, Payload p,
                        std::optional<ActorRole> role = ActorRole::kAgencyAdmin) const {
    return Apply(state_, Next(date, std::move(p)), ApplyContext{Cal(), role});
  }
  CaseBuilder& Add(std::string_view date, Payload p) {
    Event e = Next(date, std::move(p));
    Result<CaseState> r = Apply(state_, e, ApplyContext{Cal(), ActorRole::kAgencyAdmin});
    EXPECT_TRUE(r.ok()) << Key(e.type()) << " on " << date << ": " << r.status().message();
    if (r.ok()) {
      state_ = std::move(*r);
      events_.push_back(std::move(e));
    }
    return *this;
  }
  // Common steps.
  CaseBuilder& Receive(std::string_view date, ApplicantType type = ApplicantType::kNaturalPerson) {
    return Add(date, OnlineReceipt(D(date), type));
  }
  CaseBuilder& Register(std::string_view date) { return Add(date, RegisteredPayload{id_}); }
  CaseBuilder& Assign(std::string_view date) {
    return Add(date, AssignedPayload{"政策法规科", "handler1"});
  }

  const CaseState& state() const { return state_; }
  const std::vector<Event>& events() const { return events_; }
  const std::string& id() const { return id_; }

 private:
  std::string id_;
  CaseState state_;
  std::vector<Event> events_;
};

}  // namespace gk::cases::testing
