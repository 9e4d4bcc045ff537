#include "store/sqlite_interaction.h"

#include <sqlite3.h>

#include <cstdio>
#include <functional>

#include "store/sqlite_stmt.h"

namespace gk::store {
namespace {

using Stmt = SqliteStmt;
using interaction::Comment;
using interaction::Consultation;
using interaction::Event;
using interaction::MediaAccount;
using interaction::Message;
using interaction::Training;

constexpr std::string_view kMessageColumns =
    "SELECT id, message_no, agency_id, name, phone, title, body, public_ok, status, hold_reason, "
    "received_on, due_on, assignee, answer, answered_on, answered_by, answer_public, "
    "query_code_hash, created_at FROM messages";

Date DateOr(const Stmt& q, int col) { return q.DateAt(col).value_or(Date()); }

Message ReadMessage(const Stmt& q) {
  Message m;
  m.id = q.Int(0);
  m.message_no = q.Text(1);
  m.agency_id = q.Text(2);
  m.name = q.Text(3);
  m.phone = q.Text(4);
  m.title = q.Text(5);
  m.body = q.Text(6);
  m.public_ok = q.Int(7) != 0;
  m.status = q.Text(8);
  m.hold_reason = q.Text(9);
  m.received_on = DateOr(q, 10);
  m.due_on = DateOr(q, 11);
  m.assignee = q.Text(12);
  m.answer = q.Text(13);
  m.answered_on = q.DateAt(14);
  m.answered_by = q.Text(15);
  m.answer_public = q.Int(16) != 0;
  m.query_code_hash = q.Text(17);
  m.created_at = q.Text(18);
  return m;
}

constexpr std::string_view kConsultationColumns =
    "SELECT id, agency_id, title, body, opens_on, closes_on, closed, feedback, feedback_on, "
    "record_id, created_by, created_at FROM consultations";

Consultation ReadConsultation(const Stmt& q) {
  Consultation c;
  c.id = q.Int(0);
  c.agency_id = q.Text(1);
  c.title = q.Text(2);
  c.body = q.Text(3);
  c.opens_on = DateOr(q, 4);
  c.closes_on = DateOr(q, 5);
  c.closed = q.Int(6) != 0;
  c.feedback = q.Text(7);
  c.feedback_on = q.DateAt(8);
  if (!q.IsNull(9)) c.record_id = q.Int(9);
  c.created_by = q.Text(10);
  c.created_at = q.Text(11);
  return c;
}

constexpr std::string_view kCommentColumns =
    "SELECT c.id, c.parent_id, c.name, c.body, c.status, c.answer, c.received_on, c.created_at "
    "FROM interaction_comments c";

Comment ReadComment(const Stmt& q) {
  Comment c;
  c.id = q.Int(0);
  c.parent_id = q.Int(1);
  c.name = q.Text(2);
  c.body = q.Text(3);
  c.status = q.Text(4);
  c.answer = q.Text(5);
  c.received_on = DateOr(q, 6);
  c.created_at = q.Text(7);
  return c;
}

constexpr std::string_view kEventColumns =
    "SELECT id, agency_id, kind, title, guests, transcript, held_on, questions_open, created_by, "
    "created_at FROM interaction_events";

Event ReadEvent(const Stmt& q) {
  Event e;
  e.id = q.Int(0);
  e.agency_id = q.Text(1);
  e.kind = q.Text(2);
  e.title = q.Text(3);
  e.guests = q.Text(4);
  e.transcript = q.Text(5);
  e.held_on = DateOr(q, 6);
  e.questions_open = q.Int(7) != 0;
  e.created_by = q.Text(8);
  e.created_at = q.Text(9);
  return e;
}

class SqliteInteractionStore final : public InteractionStore {
 public:
  explicit SqliteInteractionStore(sqlite3* db) : db_(db) {}

  Result<std::optional<int>> AnswerDays(std::string_view agency_id) override {
    Stmt q(db_, "SELECT answer_days FROM interaction_settings WHERE agency_id = ?");
    q.Bind(1, agency_id);
    const int rc = q.Step();
    if (rc == SQLITE_DONE) return std::optional<int>();
    if (rc != SQLITE_ROW) return q.Error("read answer days");
    return std::optional<int>(static_cast<int>(q.Int(0)));
  }

  Status SetAnswerDays(std::string_view agency_id, int days) override {
    Stmt q(db_,
           "INSERT INTO interaction_settings(agency_id, answer_days) VALUES (?, ?) "
           "ON CONFLICT(agency_id) DO UPDATE SET answer_days = excluded.answer_days");
    q.Bind(1, agency_id).Bind(2, static_cast<int64_t>(days));
    if (q.Step() != SQLITE_DONE) return q.Error("set answer days");
    return Status::Ok();
  }

  Status InsertMessage(Message& m, std::string_view prefix, std::string_view address,
                       int64_t at) override {
    return InTransaction("insert message", [&]() -> Status {
      Stmt seq(db_,
               "INSERT INTO message_sequences(agency_id, year, last) VALUES (?, ?, 1) "
               "ON CONFLICT(agency_id, year) DO UPDATE SET last = message_sequences.last + 1 "
               "RETURNING last");
      seq.Bind(1, m.agency_id).Bind(2, static_cast<int64_t>(m.received_on.year()));
      if (seq.Step() != SQLITE_ROW) return seq.Error("allocate message number");
      char serial[16];
      std::snprintf(serial, sizeof serial, "%05lld", static_cast<long long>(seq.Int(0)));
      m.message_no = std::string(prefix) + serial;
      Stmt q(db_,
             "INSERT INTO messages(message_no, agency_id, name, phone, title, body, public_ok, "
             "status, hold_reason, received_on, due_on, assignee, answer, answered_on, "
             "answered_by, answer_public, query_code_hash, created_at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      q.Bind(1, m.message_no).Bind(2, m.agency_id).Bind(3, m.name).Bind(4, m.phone);
      q.Bind(5, m.title).Bind(6, m.body).Bind(7, static_cast<int64_t>(m.public_ok));
      q.Bind(8, m.status).Bind(9, m.hold_reason).Bind(10, m.received_on.ToString());
      q.Bind(11, m.due_on.ToString()).Bind(12, m.assignee).Bind(13, m.answer);
      q.BindOpt(14, m.answered_on).Bind(15, m.answered_by);
      q.Bind(16, static_cast<int64_t>(m.answer_public)).Bind(17, m.query_code_hash);
      q.Bind(18, m.created_at);
      if (q.Step() != SQLITE_DONE) return q.Error("insert message");
      m.id = sqlite3_last_insert_rowid(db_);
      return address.empty() ? Status::Ok() : RecordPost(address, at);
    });
  }

  Result<std::optional<Message>> GetMessage(std::string_view message_no) override {
    Stmt q(db_, std::string(kMessageColumns) + " WHERE message_no = ?");
    q.Bind(1, message_no);
    const int rc = q.Step();
    if (rc == SQLITE_DONE) return std::optional<Message>();
    if (rc != SQLITE_ROW) return q.Error("read message");
    return std::optional<Message>(ReadMessage(q));
  }

  static std::string Where(const MessageFilter& f) {
    std::string w = " WHERE 1 = 1";
    if (f.agency_id) w += " AND agency_id = ?";
    if (f.status) w += " AND status = ?";
    if (f.published_only) w += " AND status = 'answered' AND public_ok = 1 AND answer_public = 1";
    return w;
  }
  static int BindFilter(Stmt& q, const MessageFilter& f) {
    int i = 1;
    if (f.agency_id) q.Bind(i++, *f.agency_id);
    if (f.status) q.Bind(i++, *f.status);
    return i;
  }

  Result<std::vector<Message>> ListMessages(const MessageFilter& f) override {
    Stmt q(db_, std::string(kMessageColumns) + Where(f) +
                    (f.published_only ? " ORDER BY answered_on DESC, id DESC"
                                      : " ORDER BY received_on DESC, id DESC") +
                    " LIMIT ? OFFSET ?");
    int i = BindFilter(q, f);
    q.Bind(i, static_cast<int64_t>(f.limit)).Bind(i + 1, static_cast<int64_t>(f.offset));
    return Collect<Message>(q, ReadMessage, "list messages");
  }

  Result<int64_t> CountMessages(const MessageFilter& f) override {
    Stmt q(db_, "SELECT COUNT(*) FROM messages" + Where(f));
    BindFilter(q, f);
    if (q.Step() != SQLITE_ROW) return q.Error("count messages");
    return q.Int(0);
  }

  Status UpdateMessage(const Message& m) override {
    Stmt q(db_,
           "UPDATE messages SET status = ?, hold_reason = ?, assignee = ?, answer = ?, "
           "answered_on = ?, answered_by = ?, answer_public = ?, due_on = ? WHERE id = ?");
    q.Bind(1, m.status).Bind(2, m.hold_reason).Bind(3, m.assignee).Bind(4, m.answer);
    q.BindOpt(5, m.answered_on).Bind(6, m.answered_by);
    q.Bind(7, static_cast<int64_t>(m.answer_public)).Bind(8, m.due_on.ToString()).Bind(9, m.id);
    if (q.Step() != SQLITE_DONE) return q.Error("update message");
    if (sqlite3_changes(db_) == 0) return Status::NotFound("message " + m.message_no);
    return Status::Ok();
  }

  Result<int> CountPosts(std::string_view address, int64_t since) override {
    Stmt q(db_, "SELECT COUNT(*) FROM interaction_posts WHERE address = ? AND at >= ?");
    q.Bind(1, address).Bind(2, since);
    if (q.Step() != SQLITE_ROW) return q.Error("count posts");
    return static_cast<int>(q.Int(0));
  }

  Result<int64_t> InsertConsultation(const Consultation& c) override {
    Stmt q(db_,
           "INSERT INTO consultations(agency_id, title, body, opens_on, closes_on, closed, "
           "feedback, feedback_on, record_id, created_by, created_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.Bind(1, c.agency_id).Bind(2, c.title).Bind(3, c.body).Bind(4, c.opens_on.ToString());
    q.Bind(5, c.closes_on.ToString()).Bind(6, static_cast<int64_t>(c.closed)).Bind(7, c.feedback);
    q.BindOpt(8, c.feedback_on);
    if (c.record_id)
      q.Bind(9, *c.record_id);
    else
      q.BindNull(9);
    q.Bind(10, c.created_by).Bind(11, c.created_at);
    if (q.Step() != SQLITE_DONE) return q.Error("insert consultation");
    return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
  }

  Status UpdateConsultation(const Consultation& c) override {
    Stmt q(db_,
           "UPDATE consultations SET title = ?, body = ?, opens_on = ?, closes_on = ?, closed = ?, "
           "feedback = ?, feedback_on = ?, record_id = ? WHERE id = ?");
    q.Bind(1, c.title).Bind(2, c.body).Bind(3, c.opens_on.ToString());
    q.Bind(4, c.closes_on.ToString()).Bind(5, static_cast<int64_t>(c.closed)).Bind(6, c.feedback);
    q.BindOpt(7, c.feedback_on);
    if (c.record_id)
      q.Bind(8, *c.record_id);
    else
      q.BindNull(8);
    q.Bind(9, c.id);
    if (q.Step() != SQLITE_DONE) return q.Error("update consultation");
    if (sqlite3_changes(db_) == 0) return Status::NotFound("consultation");
    return Status::Ok();
  }

  Result<std::optional<Consultation>> GetConsultation(int64_t id) override {
    Stmt q(db_, std::string(kConsultationColumns) + " WHERE id = ?");
    q.Bind(1, id);
    const int rc = q.Step();
    if (rc == SQLITE_DONE) return std::optional<Consultation>();
    if (rc != SQLITE_ROW) return q.Error("read consultation");
    return std::optional<Consultation>(ReadConsultation(q));
  }

  Result<std::vector<Consultation>> ListConsultations(
      const std::optional<std::string>& agency_id) override {
    Stmt q(db_, std::string(kConsultationColumns) + (agency_id ? " WHERE agency_id = ?" : "") +
                    " ORDER BY opens_on DESC, id DESC");
    if (agency_id) q.Bind(1, *agency_id);
    return Collect<Consultation>(q, ReadConsultation, "list consultations");
  }

  Result<int64_t> InsertComment(std::string_view kind, const Comment& c, std::string_view address,
                                int64_t at) override {
    int64_t id = 0;
    Status s = InTransaction("insert comment", [&]() -> Status {
      Stmt q(db_,
             "INSERT INTO interaction_comments(kind, parent_id, name, body, status, answer, "
             "received_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      q.Bind(1, kind).Bind(2, c.parent_id).Bind(3, c.name).Bind(4, c.body).Bind(5, c.status);
      q.Bind(6, c.answer).Bind(7, c.received_on.ToString()).Bind(8, c.created_at);
      if (q.Step() != SQLITE_DONE) return q.Error("insert comment");
      id = sqlite3_last_insert_rowid(db_);
      return address.empty() ? Status::Ok() : RecordPost(address, at);
    });
    if (!s.ok()) return s;
    return id;
  }

  Status UpdateComment(std::string_view kind, const Comment& c) override {
    Stmt q(db_, "UPDATE interaction_comments SET status = ?, answer = ? WHERE id = ? AND kind = ?");
    q.Bind(1, c.status).Bind(2, c.answer).Bind(3, c.id).Bind(4, kind);
    if (q.Step() != SQLITE_DONE) return q.Error("update comment");
    if (sqlite3_changes(db_) == 0) return Status::NotFound("comment");
    return Status::Ok();
  }

  Result<std::optional<Comment>> GetComment(std::string_view kind, int64_t id) override {
    Stmt q(db_, std::string(kCommentColumns) + " WHERE c.id = ? AND c.kind = ?");
    q.Bind(1, id).Bind(2, kind);
    const int rc = q.Step();
    if (rc == SQLITE_DONE) return std::optional<Comment>();
    if (rc != SQLITE_ROW) return q.Error("read comment");
    return std::optional<Comment>(ReadComment(q));
  }

  Result<std::vector<Comment>> ListComments(std::string_view kind, int64_t parent_id,
                                            const std::optional<std::string>& status) override {
    Stmt q(db_, std::string(kCommentColumns) + " WHERE c.kind = ? AND c.parent_id = ?" +
                    (status ? " AND c.status = ?" : "") + " ORDER BY c.id");
    q.Bind(1, kind).Bind(2, parent_id);
    if (status) q.Bind(3, *status);
    return Collect<Comment>(q, ReadComment, "list comments");
  }

  Result<std::vector<Comment>> AgencyComments(std::string_view kind,
                                              std::string_view agency_id) override {
    const std::string parent =
        kind == "event" ? "interaction_events" : std::string("consultations");
    Stmt q(db_, std::string(kCommentColumns) + " JOIN " + parent +
                    " p ON p.id = c.parent_id WHERE c.kind = ? AND p.agency_id = ? ORDER BY c.id");
    q.Bind(1, kind).Bind(2, agency_id);
    return Collect<Comment>(q, ReadComment, "list agency comments");
  }

  Result<int64_t> InsertEvent(const Event& e) override {
    int64_t id = 0;
    Status s = InTransaction("insert event", [&]() -> Status {
      Stmt q(db_,
             "INSERT INTO interaction_events(agency_id, kind, title, guests, transcript, held_on, "
             "questions_open, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
      q.Bind(1, e.agency_id).Bind(2, e.kind).Bind(3, e.title).Bind(4, e.guests);
      q.Bind(5, e.transcript).Bind(6, e.held_on.ToString());
      q.Bind(7, static_cast<int64_t>(e.questions_open)).Bind(8, e.created_by).Bind(9, e.created_at);
      if (q.Step() != SQLITE_DONE) return q.Error("insert event");
      id = sqlite3_last_insert_rowid(db_);
      return PutEventRecords(id, e.record_ids);
    });
    if (!s.ok()) return s;
    return id;
  }

  Status UpdateEvent(const Event& e) override {
    return InTransaction("update event", [&]() -> Status {
      Stmt q(db_,
             "UPDATE interaction_events SET kind = ?, title = ?, guests = ?, transcript = ?, "
             "held_on = ?, questions_open = ? WHERE id = ?");
      q.Bind(1, e.kind).Bind(2, e.title).Bind(3, e.guests).Bind(4, e.transcript);
      q.Bind(5, e.held_on.ToString()).Bind(6, static_cast<int64_t>(e.questions_open)).Bind(7, e.id);
      if (q.Step() != SQLITE_DONE) return q.Error("update event");
      if (sqlite3_changes(db_) == 0) return Status::NotFound("event");
      Stmt del(db_, "DELETE FROM interaction_event_records WHERE event_id = ?");
      del.Bind(1, e.id);
      if (del.Step() != SQLITE_DONE) return del.Error("update event records");
      return PutEventRecords(e.id, e.record_ids);
    });
  }

  Result<std::optional<Event>> GetEvent(int64_t id) override {
    Stmt q(db_, std::string(kEventColumns) + " WHERE id = ?");
    q.Bind(1, id);
    const int rc = q.Step();
    if (rc == SQLITE_DONE) return std::optional<Event>();
    if (rc != SQLITE_ROW) return q.Error("read event");
    Event e = ReadEvent(q);
    if (Status s = ReadEventRecords(e); !s.ok()) return s;
    return std::optional<Event>(std::move(e));
  }

  Result<std::vector<Event>> ListEvents(const std::optional<std::string>& agency_id) override {
    Stmt q(db_, std::string(kEventColumns) + (agency_id ? " WHERE agency_id = ?" : "") +
                    " ORDER BY held_on DESC, id DESC");
    if (agency_id) q.Bind(1, *agency_id);
    auto events = Collect<Event>(q, ReadEvent, "list events");
    if (!events.ok()) return events;
    for (Event& e : *events) {
      if (Status s = ReadEventRecords(e); !s.ok()) return s;
    }
    return events;
  }

  Result<std::vector<Event>> EventsExplaining(int64_t record_id) override {
    Stmt q(db_, std::string(kEventColumns) +
                    " WHERE id IN (SELECT event_id FROM interaction_event_records WHERE "
                    "record_id = ?) ORDER BY held_on DESC, id DESC");
    q.Bind(1, record_id);
    return Collect<Event>(q, ReadEvent, "events of record");
  }

  Result<std::vector<Consultation>> ConsultationsOf(int64_t record_id) override {
    Stmt q(db_, std::string(kConsultationColumns) +
                    " WHERE record_id = ? AND feedback_on IS NOT NULL ORDER BY opens_on DESC, id DESC");
    q.Bind(1, record_id);
    return Collect<Consultation>(q, ReadConsultation, "consultations of record");
  }

  Result<int64_t> InsertMediaAccount(const MediaAccount& a) override {
    Stmt q(db_, "INSERT INTO media_accounts(agency_id, platform, name, owner) VALUES (?, ?, ?, ?)");
    q.Bind(1, a.agency_id).Bind(2, a.platform).Bind(3, a.name).Bind(4, a.owner);
    if (q.Step() != SQLITE_DONE) {
      if (q.ExtendedError() == SQLITE_CONSTRAINT_UNIQUE)
        return Status::Conflict("本机关已有名为“" + a.name + "”的账号");
      return q.Error("insert media account");
    }
    return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
  }

  Result<std::vector<MediaAccount>> ListMediaAccounts(std::string_view agency_id) override {
    Stmt q(db_,
           "SELECT id, agency_id, platform, name, owner FROM media_accounts WHERE agency_id = ? "
           "ORDER BY id");
    q.Bind(1, agency_id);
    return Collect<MediaAccount>(
        q,
        [](const Stmt& s) {
          return MediaAccount{s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4)};
        },
        "list media accounts");
  }

  Status PutMediaFigures(std::span<const MediaFigureRow> rows) override {
    return InTransaction("put media figures", [&]() -> Status {
      for (const MediaFigureRow& r : rows) {
        Stmt q(db_,
               "INSERT INTO media_figures(account_id, year, month, posts, followers) "
               "VALUES (?, ?, ?, ?, ?) ON CONFLICT(account_id, year, month) DO UPDATE SET "
               "posts = excluded.posts, followers = excluded.followers");
        q.Bind(1, r.account_id).Bind(2, static_cast<int64_t>(r.year));
        q.Bind(3, static_cast<int64_t>(r.month)).Bind(4, r.posts).Bind(5, r.followers);
        if (q.Step() != SQLITE_DONE) return q.Error("put media figure");
      }
      return Status::Ok();
    });
  }

  Result<std::vector<MediaFigureRow>> MediaFigures(std::string_view agency_id) override {
    Stmt q(db_,
           "SELECT f.account_id, f.year, f.month, f.posts, f.followers FROM media_figures f "
           "JOIN media_accounts a ON a.id = f.account_id WHERE a.agency_id = ? "
           "ORDER BY f.account_id, f.year, f.month");
    q.Bind(1, agency_id);
    return Collect<MediaFigureRow>(
        q,
        [](const Stmt& s) {
          return MediaFigureRow{s.Int(0), static_cast<int>(s.Int(1)), static_cast<int>(s.Int(2)),
                                s.Int(3), s.Int(4)};
        },
        "list media figures");
  }

  Result<int64_t> InsertTraining(const Training& t) override {
    Stmt q(db_, "INSERT INTO trainings(agency_id, title, held_on, attendees) VALUES (?, ?, ?, ?)");
    q.Bind(1, t.agency_id).Bind(2, t.title).Bind(3, t.held_on.ToString()).Bind(4, t.attendees);
    if (q.Step() != SQLITE_DONE) return q.Error("insert training");
    return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
  }

  Result<std::vector<Training>> ListTrainings(std::string_view agency_id) override {
    Stmt q(db_,
           "SELECT id, agency_id, title, held_on, attendees FROM trainings WHERE agency_id = ? "
           "ORDER BY held_on DESC, id DESC");
    q.Bind(1, agency_id);
    return Collect<Training>(
        q,
        [](const Stmt& s) {
          return Training{s.Int(0), s.Text(1), s.Text(2), s.DateAt(3).value_or(Date()), s.Int(4)};
        },
        "list trainings");
  }

 private:
  Status Exec(const char* sql, std::string_view what) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = std::string(what) + ": " + (err ? err : "unknown error");
      sqlite3_free(err);
      return Status::Internal(msg);
    }
    return Status::Ok();
  }

  Status InTransaction(std::string_view what, const std::function<Status()>& body) {
    if (Status s = Exec("BEGIN IMMEDIATE", what); !s.ok()) return s;
    Status s = body();
    if (!s.ok()) {
      (void)Exec("ROLLBACK", "rollback");
      return s;
    }
    return Exec("COMMIT", what);
  }

  // Records a post and forgets those older than a day (the limit looks back
  // minutes, not days).
  Status RecordPost(std::string_view address, int64_t at) {
    Stmt q(db_, "INSERT INTO interaction_posts(address, at) VALUES (?, ?)");
    q.Bind(1, address).Bind(2, at);
    if (q.Step() != SQLITE_DONE) return q.Error("record post");
    Stmt old(db_, "DELETE FROM interaction_posts WHERE at < ?");
    old.Bind(1, at - 24 * 3600);
    if (old.Step() != SQLITE_DONE) return old.Error("forget old posts");
    return Status::Ok();
  }

  Status PutEventRecords(int64_t event_id, const std::vector<int64_t>& record_ids) {
    for (int64_t r : record_ids) {
      Stmt q(db_,
             "INSERT INTO interaction_event_records(event_id, record_id) VALUES (?, ?) "
             "ON CONFLICT(event_id, record_id) DO NOTHING");
      q.Bind(1, event_id).Bind(2, r);
      if (q.Step() != SQLITE_DONE) return q.Error("link event record");
    }
    return Status::Ok();
  }

  Status ReadEventRecords(Event& e) {
    Stmt q(db_,
           "SELECT record_id FROM interaction_event_records WHERE event_id = ? ORDER BY record_id");
    q.Bind(1, e.id);
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) e.record_ids.push_back(q.Int(0));
    if (rc != SQLITE_DONE) return q.Error("read event records");
    return Status::Ok();
  }

  template <typename T, typename Read>
  Result<std::vector<T>> Collect(Stmt& q, Read read, std::string_view what) {
    if (!q.ok()) return q.Error(what);
    std::vector<T> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) out.push_back(read(q));
    if (rc != SQLITE_DONE) return q.Error(what);
    return out;
  }

  sqlite3* db_;
};

}  // namespace

std::unique_ptr<InteractionStore> MakeSqliteInteractionStore(sqlite3* db) {
  return std::make_unique<SqliteInteractionStore>(db);
}

}  // namespace gk::store
