#include "app/case_files.h"

#include "app/notices.h"
#include "cases/vocab.h"

namespace gk::app {

store::EventRow ToRow(const cases::Event& e) {
  store::EventRow r;
  r.case_id = e.case_id;
  r.seq = e.sequence;
  r.type = std::string(cases::Key(e.type()));
  r.occurred_on = e.occurred_on.ToString();
  r.recorded_at = e.recorded_at;
  r.actor = e.actor;
  r.backfilled = e.entry == cases::Entry::kBackfilled;
  r.payload = cases::PayloadToJson(e.payload);
  return r;
}

Result<cases::Event> FromRow(const store::EventRow& row) {
  auto type = cases::FromKey<cases::EventType>(row.type);
  if (!type)
    return Status::Internal("event " + row.case_id + "#" + std::to_string(row.seq) +
                            ": unknown type " + row.type);
  auto date = Date::Parse(row.occurred_on);
  if (!date.ok())
    return Status::Internal("event " + row.case_id + "#" + std::to_string(row.seq) + ": " +
                            date.status().message());
  const cases::Entry entry = row.backfilled ? cases::Entry::kBackfilled : cases::Entry::kLive;
  auto payload = cases::PayloadFromJson(*type, row.payload, entry);
  if (!payload.ok())
    return Status::Internal("event " + row.case_id + "#" + std::to_string(row.seq) + ": " +
                            payload.status().message());
  cases::Event e;
  e.case_id = row.case_id;
  e.sequence = row.seq;
  e.occurred_on = *date;
  e.recorded_at = row.recorded_at;
  e.actor = row.actor;
  e.entry = entry;
  e.payload = std::move(payload).value();
  return e;
}

store::CaseRow ProjectRow(const cases::CaseState& s, const law::Calendar& cal) {
  store::CaseRow r;
  r.id = s.case_id;
  r.agency_id = s.agency_id;
  r.kind = std::string(cases::Key(s.kind));
  r.version = s.version;
  r.status = std::string(cases::Key(s.status));
  if (s.version > 0) r.received_on = s.received_on.ToString();
  if (s.IsOpen()) {
    auto d = cases::ComputeCaseDeadlines(s, cal);
    if (d.ok()) r.due_on = d->due_on.ToString();
  }
  if (auto c = s.ConcludedOn()) r.concluded_on = c->ToString();
  // Report facts (store::kCaseFactsVersion), from the same state.
  r.facts_version = store::kCaseFactsVersion;
  r.applicant_col = s.ReportColumn();
  if (s.conclusion) r.outcome = std::string(law::Key(s.conclusion->outcome));
  if (s.version > 0) r.channel = std::string(cases::Key(s.channel));
  if (s.deadlines) r.reply_due_on = s.deadlines->due_on.ToString();
  if (s.IsConcluded()) r.days_taken = s.WorkingDaysTaken(cal);
  if (s.fee && s.fee->paid_on) {
    r.fee_paid_on = s.fee->paid_on->ToString();
    r.fee_yuan = s.fee->amount_yuan;
  }
  for (const cases::Proceeding& p : s.proceedings) {
    store::ProceedingRow pr;
    pr.kind = p.kind == cases::ProceedingKind::kReview ? "review" : "lawsuit";
    pr.id = p.id;
    if (p.kind == cases::ProceedingKind::kLawsuit) pr.route = std::string(cases::Key(p.route));
    pr.filed_on = p.filed_on.ToString();
    if (p.decided_on) pr.decided_on = p.decided_on->ToString();
    if (p.result) pr.result = std::string(cases::Key(*p.result));
    r.proceedings.push_back(std::move(pr));
  }
  return r;
}

Result<int> RefreshCaseFacts(store::Store& store, const law::Calendar& cal) {
  int done = 0;
  for (;;) {
    auto ids = store.CasesWithStaleFacts(500);
    if (!ids.ok()) return ids.status();
    if (ids->empty()) return done;
    for (const std::string& id : *ids) {
      auto c = LoadCase(store, cal, id);
      if (!c.ok()) return c.status();
      store::CaseRow row = ProjectRow(c->state, cal);
      row.version = c->row.version;
      if (Status s = store.RewriteCaseRow(row); !s.ok()) return s;
      ++done;
    }
  }
}

Result<LoadedCase> LoadCase(store::Store& store, const law::Calendar& cal,
                            std::string_view case_id) {
  auto row = store.GetCase(case_id);
  if (!row.ok()) return row.status();
  if (!row->has_value()) return Status::NotFound("no case " + std::string(case_id));
  auto rows = store.CaseEvents(case_id);
  if (!rows.ok()) return rows.status();
  LoadedCase out;
  out.row = std::move(**row);
  for (const auto& r : *rows) {
    auto e = FromRow(r);
    if (!e.ok()) return e.status();
    out.events.push_back(std::move(e).value());
  }
  cases::ApplyContext ctx{cal, std::nullopt};
  auto state = cases::Replay(out.events, ctx);
  if (!state.ok())
    return Status::Internal("case " + std::string(case_id) + ": " + state.status().message());
  out.state = std::move(state).value();
  return out;
}

namespace {

// The applicant's e-mail address, from the receipt among `events`.
std::string ApplicantEmail(std::span<const cases::Event> events) {
  for (const cases::Event& e : events) {
    if (const auto* r = std::get_if<cases::ReceivedPayload>(&e.payload); r && r->application) {
      return r->application->email;
    }
  }
  return "";
}

}  // namespace

Result<cases::CaseState> AppendCaseEvents(store::Store& store, const law::Calendar& cal,
                                          const AppendRequest& req) {
  cases::CaseState state;
  std::string email;  // for notices; read from the stored receipt or the new one
  if (req.expected_version > 0) {
    auto loaded = LoadCase(store, cal, req.case_id);
    if (!loaded.ok()) return loaded.status();
    if (loaded->state.version != req.expected_version) {
      return Status::Conflict("该案件已被他人更新（当前版本 " +
                              std::to_string(loaded->state.version) + "，您的操作基于版本 " +
                              std::to_string(req.expected_version) + "），请刷新后重试");
    }
    state = std::move(loaded->state);
    if (req.notify) email = ApplicantEmail(loaded->events);
  }
  if (req.notify && email.empty()) email = ApplicantEmail(req.events);
  // Each notice reads the state right after its event, kept from this loop.
  std::vector<store::MailRow> notices;
  std::string agency_name;
  cases::ApplyContext ctx{cal, req.role};
  for (const cases::Event& e : req.events) {
    auto next = cases::Apply(state, e, ctx);
    if (!next.ok()) return next.status();
    state = std::move(next).value();
    if (email.empty()) continue;
    if (agency_name.empty()) {
      if (auto a = store.GetAgency(state.agency_id); a.ok() && a->has_value())
        agency_name = (*a)->name;
    }
    if (auto m = NoticeFor(state, e, email, agency_name, req.now_iso))
      notices.push_back(std::move(*m));
  }
  store::CaseRow row = ProjectRow(state, cal);
  row.query_code_hash = req.query_code_hash;
  row.created_at = req.now_iso;
  row.updated_at = req.now_iso;
  std::vector<store::EventRow> rows;
  for (const cases::Event& e : req.events) rows.push_back(ToRow(e));
  if (auto s = store.AppendEvents(row, req.expected_version, rows); !s.ok()) return s;
  // After the events are durable; a failure to queue never undoes them.
  for (const store::MailRow& m : notices) (void)store.QueueMail(m);
  return state;
}

}  // namespace gk::app
