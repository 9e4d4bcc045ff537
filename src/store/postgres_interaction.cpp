#include "store/postgres_interaction.h"

#include <algorithm>
#include <cstdio>
#include <tuple>
#include <utility>

#include "store/pg_util.h"

namespace gk::store {
namespace {

using interaction::Comment;
using interaction::Consultation;
using interaction::Event;
using interaction::MediaAccount;
using interaction::Message;
using interaction::Training;
using pg::Exec;
using pg::Int;
using pg::Text;

// The same statements, orders and error codes as sqlite_interaction.cpp.

constexpr std::string_view kMessageColumns =
    "SELECT id, message_no, agency_id, name, phone, title, body, public_ok, status, hold_reason, "
    "received_on, due_on, assignee, answer, answered_on, answered_by, answer_public, "
    "query_code_hash, created_at FROM messages";

Date DateOr(const pqxx::field& f) { return pg::OptDate(f).value_or(Date()); }

Message ReadMessage(const pqxx::row& q) {
  Message m;
  m.id = Int(q[0]);
  m.message_no = Text(q[1]);
  m.agency_id = Text(q[2]);
  m.name = Text(q[3]);
  m.phone = Text(q[4]);
  m.title = Text(q[5]);
  m.body = Text(q[6]);
  m.public_ok = Int(q[7]) != 0;
  m.status = Text(q[8]);
  m.hold_reason = Text(q[9]);
  m.received_on = DateOr(q[10]);
  m.due_on = DateOr(q[11]);
  m.assignee = Text(q[12]);
  m.answer = Text(q[13]);
  m.answered_on = pg::OptDate(q[14]);
  m.answered_by = Text(q[15]);
  m.answer_public = Int(q[16]) != 0;
  m.query_code_hash = Text(q[17]);
  m.created_at = Text(q[18]);
  return m;
}

constexpr std::string_view kConsultationColumns =
    "SELECT id, agency_id, title, body, opens_on, closes_on, closed, feedback, feedback_on, "
    "record_id, created_by, created_at FROM consultations";

Consultation ReadConsultation(const pqxx::row& q) {
  Consultation c;
  c.id = Int(q[0]);
  c.agency_id = Text(q[1]);
  c.title = Text(q[2]);
  c.body = Text(q[3]);
  c.opens_on = DateOr(q[4]);
  c.closes_on = DateOr(q[5]);
  c.closed = Int(q[6]) != 0;
  c.feedback = Text(q[7]);
  c.feedback_on = pg::OptDate(q[8]);
  if (!q[9].is_null()) c.record_id = Int(q[9]);
  c.created_by = Text(q[10]);
  c.created_at = Text(q[11]);
  return c;
}

constexpr std::string_view kCommentColumns =
    "SELECT c.id, c.parent_id, c.name, c.body, c.status, c.answer, c.received_on, c.created_at "
    "FROM interaction_comments c";

Comment ReadComment(const pqxx::row& q) {
  Comment c;
  c.id = Int(q[0]);
  c.parent_id = Int(q[1]);
  c.name = Text(q[2]);
  c.body = Text(q[3]);
  c.status = Text(q[4]);
  c.answer = Text(q[5]);
  c.received_on = DateOr(q[6]);
  c.created_at = Text(q[7]);
  return c;
}

constexpr std::string_view kEventColumns =
    "SELECT id, agency_id, kind, title, guests, transcript, held_on, questions_open, created_by, "
    "created_at FROM interaction_events";

Event ReadEvent(const pqxx::row& q) {
  Event e;
  e.id = Int(q[0]);
  e.agency_id = Text(q[1]);
  e.kind = Text(q[2]);
  e.title = Text(q[3]);
  e.guests = Text(q[4]);
  e.transcript = Text(q[5]);
  e.held_on = DateOr(q[6]);
  e.questions_open = Int(q[7]) != 0;
  e.created_by = Text(q[8]);
  e.created_at = Text(q[9]);
  return e;
}

pg::Param OptId(const std::optional<int64_t>& id) { return pg::Param(id); }

template <typename T, typename Read>
std::vector<T> Collect(const pqxx::result& r, Read read) {
  std::vector<T> out;
  out.reserve(r.size());
  for (const auto& row : r) out.push_back(read(row));
  return out;
}

class PostgresInteractionStore final : public InteractionStore {
 public:
  explicit PostgresInteractionStore(pqxx::connection& conn) : conn_(conn) {}

  Result<std::optional<int>> AnswerDays(std::string_view agency_id) override {
    return Tx("read answer days", [&](pqxx::work& w) -> Result<std::optional<int>> {
      auto r =
          Exec(w, "SELECT answer_days FROM interaction_settings WHERE agency_id = $1", {agency_id});
      if (r.empty()) return std::optional<int>();
      return std::optional<int>(static_cast<int>(Int(r[0][0])));
    });
  }

  Status SetAnswerDays(std::string_view agency_id, int days) override {
    return Tx("set answer days", [&](pqxx::work& w) -> Status {
      Exec(w,
           "INSERT INTO interaction_settings(agency_id, answer_days) VALUES ($1, $2) "
           "ON CONFLICT(agency_id) DO UPDATE SET answer_days = excluded.answer_days",
           {agency_id, days});
      return Status::Ok();
    });
  }

  Status InsertMessage(Message& m, std::string_view prefix, std::string_view address,
                       int64_t at) override {
    return Tx("insert message", [&](pqxx::work& w) -> Status {
      // The upsert locks the (agency, year) row until commit: servers writing
      // at once get consecutive serials.
      auto seq =
          Exec(w,
               "INSERT INTO message_sequences(agency_id, year, last) VALUES ($1, $2, 1) "
               "ON CONFLICT(agency_id, year) DO UPDATE SET last = message_sequences.last + 1 "
               "RETURNING last",
               {m.agency_id, m.received_on.year()});
      char serial[24];
      std::snprintf(serial, sizeof serial, "%05lld", static_cast<long long>(Int(seq[0][0])));
      m.message_no = std::string(prefix) + serial;
      auto r = Exec(w,
                    "INSERT INTO messages(message_no, agency_id, name, phone, title, body, "
                    "public_ok, status, hold_reason, received_on, due_on, assignee, answer, "
                    "answered_on, answered_by, answer_public, query_code_hash, created_at) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
                    "$16, $17, $18) RETURNING id",
                    {m.message_no, m.agency_id, m.name, m.phone, m.title, m.body,
                     m.public_ok ? 1 : 0, m.status, m.hold_reason, m.received_on.ToString(),
                     m.due_on.ToString(), m.assignee, m.answer, m.answered_on, m.answered_by,
                     m.answer_public ? 1 : 0, m.query_code_hash, m.created_at});
      m.id = Int(r[0][0]);
      if (!address.empty()) RecordPost(w, address, at);
      return Status::Ok();
    });
  }

  Result<std::optional<Message>> GetMessage(std::string_view message_no) override {
    return Tx("read message", [&](pqxx::work& w) -> Result<std::optional<Message>> {
      auto r = Exec(w, std::string(kMessageColumns) + " WHERE message_no = $1", {message_no});
      if (r.empty()) return std::optional<Message>();
      return std::optional<Message>(ReadMessage(r[0]));
    });
  }

  // The WHERE clause of `f` and its parameters.
  static std::string Where(const MessageFilter& f, pg::Params& p) {
    std::string w = " WHERE 1 = 1";
    if (f.agency_id) {
      p.emplace_back(*f.agency_id);
      w += " AND agency_id = $" + std::to_string(p.size());
    }
    if (f.status) {
      p.emplace_back(*f.status);
      w += " AND status = $" + std::to_string(p.size());
    }
    if (f.published_only) w += " AND status = 'answered' AND public_ok = 1 AND answer_public = 1";
    return w;
  }

  Result<std::vector<Message>> ListMessages(const MessageFilter& f) override {
    pg::Params p;
    std::string sql = std::string(kMessageColumns) + Where(f, p);
    // SQLite sorts NULL last when descending.
    sql += f.published_only ? " ORDER BY answered_on DESC NULLS LAST, id DESC"
                            : " ORDER BY received_on DESC, id DESC";
    // As SQLite: a negative limit is none, a negative offset is 0.
    if (f.limit >= 0)
      p.emplace_back(f.limit);
    else
      p.emplace_back(std::nullopt);
    sql += " LIMIT $" + std::to_string(p.size());
    p.emplace_back(f.offset > 0 ? f.offset : 0);
    sql += " OFFSET $" + std::to_string(p.size());
    return Tx("list messages", [&](pqxx::work& w) -> Result<std::vector<Message>> {
      return Collect<Message>(Exec(w, sql, p), ReadMessage);
    });
  }

  Result<int64_t> CountMessages(const MessageFilter& f) override {
    pg::Params p;
    const std::string sql = "SELECT COUNT(*) FROM messages" + Where(f, p);
    return Tx("count messages",
              [&](pqxx::work& w) -> Result<int64_t> { return Int(Exec(w, sql, p)[0][0]); });
  }

  Status UpdateMessage(const Message& m) override {
    return Tx("update message", [&](pqxx::work& w) -> Status {
      auto r = Exec(w,
                    "UPDATE messages SET status = $1, hold_reason = $2, assignee = $3, "
                    "answer = $4, answered_on = $5, answered_by = $6, answer_public = $7, "
                    "due_on = $8 WHERE id = $9",
                    {m.status, m.hold_reason, m.assignee, m.answer, m.answered_on, m.answered_by,
                     m.answer_public ? 1 : 0, m.due_on.ToString(), m.id});
      if (r.affected_rows() == 0) return Status::NotFound("message " + m.message_no);
      return Status::Ok();
    });
  }

  Result<int> CountPosts(std::string_view address, int64_t since) override {
    return Tx("count posts", [&](pqxx::work& w) -> Result<int> {
      auto r = Exec(w, "SELECT COUNT(*) FROM interaction_posts WHERE address = $1 AND at >= $2",
                    {address, since});
      return static_cast<int>(Int(r[0][0]));
    });
  }

  Result<int64_t> InsertConsultation(const Consultation& c) override {
    return Tx("insert consultation", [&](pqxx::work& w) -> Result<int64_t> {
      auto r = Exec(w,
                    "INSERT INTO consultations(agency_id, title, body, opens_on, closes_on, "
                    "closed, feedback, feedback_on, record_id, created_by, created_at) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
                    {c.agency_id, c.title, c.body, c.opens_on.ToString(), c.closes_on.ToString(),
                     c.closed ? 1 : 0, c.feedback, c.feedback_on, OptId(c.record_id), c.created_by,
                     c.created_at});
      return Int(r[0][0]);
    });
  }

  Status UpdateConsultation(const Consultation& c) override {
    return Tx("update consultation", [&](pqxx::work& w) -> Status {
      auto r = Exec(w,
                    "UPDATE consultations SET title = $1, body = $2, opens_on = $3, "
                    "closes_on = $4, closed = $5, feedback = $6, feedback_on = $7, "
                    "record_id = $8 WHERE id = $9",
                    {c.title, c.body, c.opens_on.ToString(), c.closes_on.ToString(),
                     c.closed ? 1 : 0, c.feedback, c.feedback_on, OptId(c.record_id), c.id});
      if (r.affected_rows() == 0) return Status::NotFound("consultation");
      return Status::Ok();
    });
  }

  Result<std::optional<Consultation>> GetConsultation(int64_t id) override {
    return Tx("read consultation", [&](pqxx::work& w) -> Result<std::optional<Consultation>> {
      auto r = Exec(w, std::string(kConsultationColumns) + " WHERE id = $1", {id});
      if (r.empty()) return std::optional<Consultation>();
      return std::optional<Consultation>(ReadConsultation(r[0]));
    });
  }

  Result<std::vector<Consultation>> ListConsultations(
      const std::optional<std::string>& agency_id) override {
    pg::Params p;
    if (agency_id) p.emplace_back(*agency_id);
    const std::string sql = std::string(kConsultationColumns) +
                            (agency_id ? " WHERE agency_id = $1" : "") +
                            " ORDER BY opens_on DESC, id DESC";
    return Tx("list consultations", [&](pqxx::work& w) -> Result<std::vector<Consultation>> {
      return Collect<Consultation>(Exec(w, sql, p), ReadConsultation);
    });
  }

  Result<int64_t> InsertComment(std::string_view kind, const Comment& c, std::string_view address,
                                int64_t at) override {
    return Tx("insert comment", [&](pqxx::work& w) -> Result<int64_t> {
      auto r = Exec(w,
                    "INSERT INTO interaction_comments(kind, parent_id, name, body, status, answer, "
                    "received_on, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                    {kind, c.parent_id, c.name, c.body, c.status, c.answer,
                     c.received_on.ToString(), c.created_at});
      const int64_t id = Int(r[0][0]);
      if (!address.empty()) RecordPost(w, address, at);
      return id;
    });
  }

  Status UpdateComment(std::string_view kind, const Comment& c) override {
    return Tx("update comment", [&](pqxx::work& w) -> Status {
      auto r = Exec(w,
                    "UPDATE interaction_comments SET status = $1, answer = $2 WHERE id = $3 AND "
                    "kind = $4",
                    {c.status, c.answer, c.id, kind});
      if (r.affected_rows() == 0) return Status::NotFound("comment");
      return Status::Ok();
    });
  }

  Result<std::optional<Comment>> GetComment(std::string_view kind, int64_t id) override {
    return Tx("read comment", [&](pqxx::work& w) -> Result<std::optional<Comment>> {
      auto r =
          Exec(w, std::string(kCommentColumns) + " WHERE c.id = $1 AND c.kind = $2", {id, kind});
      if (r.empty()) return std::optional<Comment>();
      return std::optional<Comment>(ReadComment(r[0]));
    });
  }

  Result<std::vector<Comment>> ListComments(std::string_view kind, int64_t parent_id,
                                            const std::optional<std::string>& status) override {
    pg::Params p{kind, parent_id};
    if (status) p.emplace_back(*status);
    const std::string sql = std::string(kCommentColumns) +
                            " WHERE c.kind = $1 AND c.parent_id = $2" +
                            (status ? " AND c.status = $3" : "") + " ORDER BY c.id";
    return Tx("list comments", [&](pqxx::work& w) -> Result<std::vector<Comment>> {
      return Collect<Comment>(Exec(w, sql, p), ReadComment);
    });
  }

  Result<std::vector<Comment>> AgencyComments(std::string_view kind,
                                              std::string_view agency_id) override {
    const std::string parent =
        kind == "event" ? "interaction_events" : std::string("consultations");
    const std::string sql = std::string(kCommentColumns) + " JOIN " + parent +
                            " p ON p.id = c.parent_id WHERE c.kind = $1 AND p.agency_id = $2 "
                            "ORDER BY c.id";
    return Tx("list agency comments", [&](pqxx::work& w) -> Result<std::vector<Comment>> {
      return Collect<Comment>(Exec(w, sql, {kind, agency_id}), ReadComment);
    });
  }

  Result<int64_t> InsertEvent(const Event& e) override {
    return Tx("insert event", [&](pqxx::work& w) -> Result<int64_t> {
      auto r = Exec(w,
                    "INSERT INTO interaction_events(agency_id, kind, title, guests, transcript, "
                    "held_on, questions_open, created_by, created_at) VALUES ($1, $2, $3, $4, $5, "
                    "$6, $7, $8, $9) RETURNING id",
                    {e.agency_id, e.kind, e.title, e.guests, e.transcript, e.held_on.ToString(),
                     e.questions_open ? 1 : 0, e.created_by, e.created_at});
      const int64_t id = Int(r[0][0]);
      PutEventRecords(w, id, e.record_ids);
      return id;
    });
  }

  Status UpdateEvent(const Event& e) override {
    return Tx("update event", [&](pqxx::work& w) -> Status {
      // The update locks the event's row: concurrent updates of one event
      // replace its records one after the other.
      auto r = Exec(w,
                    "UPDATE interaction_events SET kind = $1, title = $2, guests = $3, "
                    "transcript = $4, held_on = $5, questions_open = $6 WHERE id = $7",
                    {e.kind, e.title, e.guests, e.transcript, e.held_on.ToString(),
                     e.questions_open ? 1 : 0, e.id});
      if (r.affected_rows() == 0) return Status::NotFound("event");
      Exec(w, "DELETE FROM interaction_event_records WHERE event_id = $1", {e.id});
      PutEventRecords(w, e.id, e.record_ids);
      return Status::Ok();
    });
  }

  Result<std::optional<Event>> GetEvent(int64_t id) override {
    return Tx("read event", [&](pqxx::work& w) -> Result<std::optional<Event>> {
      auto r = Exec(w, std::string(kEventColumns) + " WHERE id = $1", {id});
      if (r.empty()) return std::optional<Event>();
      Event e = ReadEvent(r[0]);
      ReadEventRecords(w, e);
      return std::optional<Event>(std::move(e));
    });
  }

  Result<std::vector<Event>> ListEvents(const std::optional<std::string>& agency_id) override {
    pg::Params p;
    if (agency_id) p.emplace_back(*agency_id);
    const std::string sql = std::string(kEventColumns) +
                            (agency_id ? " WHERE agency_id = $1" : "") +
                            " ORDER BY held_on DESC, id DESC";
    return Tx("list events", [&](pqxx::work& w) -> Result<std::vector<Event>> {
      auto events = Collect<Event>(Exec(w, sql, p), ReadEvent);
      for (Event& e : events) ReadEventRecords(w, e);
      return events;
    });
  }

  Result<std::vector<Event>> EventsExplaining(int64_t record_id) override {
    return Tx("events of record", [&](pqxx::work& w) -> Result<std::vector<Event>> {
      return Collect<Event>(
          Exec(w,
               std::string(kEventColumns) +
                   " WHERE id IN (SELECT event_id FROM interaction_event_records WHERE "
                   "record_id = $1) ORDER BY held_on DESC, id DESC",
               {record_id}),
          ReadEvent);
    });
  }

  Result<std::vector<Consultation>> ConsultationsOf(int64_t record_id) override {
    return Tx("consultations of record", [&](pqxx::work& w) -> Result<std::vector<Consultation>> {
      return Collect<Consultation>(
          Exec(w,
               std::string(kConsultationColumns) +
                   " WHERE record_id = $1 AND feedback_on IS NOT NULL ORDER BY opens_on DESC, "
                   "id DESC",
               {record_id}),
          ReadConsultation);
    });
  }

  Result<int64_t> InsertMediaAccount(const MediaAccount& a) override {
    try {
      pqxx::work w(conn_);
      auto r = Exec(w,
                    "INSERT INTO media_accounts(agency_id, platform, name, owner) VALUES ($1, $2, "
                    "$3, $4) RETURNING id",
                    {a.agency_id, a.platform, a.name, a.owner});
      w.commit();
      return Int(r[0][0]);
    } catch (const pqxx::unique_violation&) {
      return Status::Conflict("本机关已有名为“" + a.name + "”的账号");
    } catch (const std::exception& e) {
      return pg::Error("insert media account", e);
    }
  }

  Result<std::vector<MediaAccount>> ListMediaAccounts(std::string_view agency_id) override {
    return Tx("list media accounts", [&](pqxx::work& w) -> Result<std::vector<MediaAccount>> {
      return Collect<MediaAccount>(
          Exec(w,
               "SELECT id, agency_id, platform, name, owner FROM media_accounts WHERE "
               "agency_id = $1 ORDER BY id",
               {agency_id}),
          [](const pqxx::row& s) {
            return MediaAccount{Int(s[0]), Text(s[1]), Text(s[2]), Text(s[3]), Text(s[4])};
          });
    });
  }

  Status PutMediaFigures(std::span<const MediaFigureRow> rows) override {
    // Rows are written in key order (a stable sort: the last of equal keys
    // still wins), so imports running at once lock them in the same order.
    std::vector<const MediaFigureRow*> ordered;
    for (const MediaFigureRow& r : rows) ordered.push_back(&r);
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) {
      return std::tie(a->account_id, a->year, a->month) <
             std::tie(b->account_id, b->year, b->month);
    });
    return Tx("put media figures", [&](pqxx::work& w) -> Status {
      for (const MediaFigureRow* f : ordered) {
        const MediaFigureRow& r = *f;
        Exec(w,
             "INSERT INTO media_figures(account_id, year, month, posts, followers) "
             "VALUES ($1, $2, $3, $4, $5) ON CONFLICT(account_id, year, month) DO UPDATE SET "
             "posts = excluded.posts, followers = excluded.followers",
             {r.account_id, r.year, r.month, r.posts, r.followers});
      }
      return Status::Ok();
    });
  }

  Result<std::vector<MediaFigureRow>> MediaFigures(std::string_view agency_id) override {
    return Tx("list media figures", [&](pqxx::work& w) -> Result<std::vector<MediaFigureRow>> {
      return Collect<MediaFigureRow>(
          Exec(w,
               "SELECT f.account_id, f.year, f.month, f.posts, f.followers FROM media_figures f "
               "JOIN media_accounts a ON a.id = f.account_id WHERE a.agency_id = $1 "
               "ORDER BY f.account_id, f.year, f.month",
               {agency_id}),
          [](const pqxx::row& s) {
            return MediaFigureRow{Int(s[0]), static_cast<int>(Int(s[1])),
                                  static_cast<int>(Int(s[2])), Int(s[3]), Int(s[4])};
          });
    });
  }

  Result<int64_t> InsertTraining(const Training& t) override {
    return Tx("insert training", [&](pqxx::work& w) -> Result<int64_t> {
      auto r = Exec(w,
                    "INSERT INTO trainings(agency_id, title, held_on, attendees) VALUES ($1, $2, "
                    "$3, $4) RETURNING id",
                    {t.agency_id, t.title, t.held_on.ToString(), t.attendees});
      return Int(r[0][0]);
    });
  }

  Result<std::vector<Training>> ListTrainings(std::string_view agency_id) override {
    return Tx("list trainings", [&](pqxx::work& w) -> Result<std::vector<Training>> {
      return Collect<Training>(
          Exec(w,
               "SELECT id, agency_id, title, held_on, attendees FROM trainings WHERE "
               "agency_id = $1 ORDER BY held_on DESC, id DESC",
               {agency_id}),
          [](const pqxx::row& s) {
            return Training{Int(s[0]), Text(s[1]), Text(s[2]), DateOr(s[3]), Int(s[4])};
          });
    });
  }

 private:
  // Runs `f(w)` in one transaction, committed when f succeeds; a database
  // error (the whole transaction rolled back) becomes Internal naming `what`.
  template <class F>
  auto Tx(std::string_view what, F&& f) -> decltype(f(std::declval<pqxx::work&>())) {
    try {
      pqxx::work w(conn_);
      auto r = f(w);
      if (r.ok()) w.commit();
      return r;
    } catch (const std::exception& e) {
      return pg::Error(what, e);
    }
  }

  // Records a post and forgets those older than a day (the limit looks back
  // minutes, not days).
  static void RecordPost(pqxx::work& w, std::string_view address, int64_t at) {
    Exec(w, "INSERT INTO interaction_posts(address, at) VALUES ($1, $2)", {address, at});
    // Rows another writer is already deleting are left to it: concurrent
    // posts never wait on (or deadlock over) each other's clean-up.
    Exec(w,
         "DELETE FROM interaction_posts WHERE ctid IN (SELECT ctid FROM interaction_posts WHERE "
         "at < $1 FOR UPDATE SKIP LOCKED)",
         {at - 24 * 3600});
  }

  static void PutEventRecords(pqxx::work& w, int64_t event_id,
                              const std::vector<int64_t>& record_ids) {
    for (int64_t r : record_ids)
      Exec(w,
           "INSERT INTO interaction_event_records(event_id, record_id) VALUES ($1, $2) "
           "ON CONFLICT(event_id, record_id) DO NOTHING",
           {event_id, r});
  }

  static void ReadEventRecords(pqxx::work& w, Event& e) {
    for (const auto& q : Exec(w,
                              "SELECT record_id FROM interaction_event_records WHERE event_id = $1 "
                              "ORDER BY record_id",
                              {e.id}))
      e.record_ids.push_back(Int(q[0]));
  }

  pqxx::connection& conn_;
};

}  // namespace

std::unique_ptr<InteractionStore> MakePostgresInteractionStore(pqxx::connection& conn) {
  return std::make_unique<PostgresInteractionStore>(conn);
}

}  // namespace gk::store
