#include "store/sqlite_records.h"

#include <sqlite3.h>

#include <algorithm>

#include "catalog/record_json.h"
#include "catalog/search.h"
#include "store/sqlite_stmt.h"

namespace gk::store {
namespace {

using catalog::Record;

// ---- FTS5 tokenizer ----------------------------------------------------------

int TokCreate(void*, const char**, int, Fts5Tokenizer** out) {
  static int instance = 0;
  *out = reinterpret_cast<Fts5Tokenizer*>(&instance);
  return SQLITE_OK;
}
void TokDelete(Fts5Tokenizer*) {}

int TokTokenize(Fts5Tokenizer*, void* ctx, int flags, const char* text, int n,
                int (*xToken)(void*, int, const char*, int, int, int)) {
  const auto mode = (flags & FTS5_TOKENIZE_QUERY) ? catalog::TokenizeMode::kQuery
                                                  : catalog::TokenizeMode::kDocument;
  int rc = SQLITE_OK;
  try {
    catalog::Tokenize(std::string_view(text ? text : "", text ? static_cast<size_t>(n) : 0), mode,
                      [&](const catalog::Token& t) {
                        rc = xToken(ctx, t.colocated ? FTS5_TOKEN_COLOCATED : 0, t.text.data(),
                                    static_cast<int>(t.text.size()), static_cast<int>(t.begin),
                                    static_cast<int>(t.end));
                        return rc == SQLITE_OK;
                      });
  } catch (...) {
    return SQLITE_NOMEM;  // no exception may cross into SQLite
  }
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

// ---- statements ----------------------------------------------------------------

using Stmt = SqliteStmt;

constexpr std::string_view kColumns =
    "r.id, r.agency_id, r.index_no, r.title, r.publisher, r.formed_on, r.published_on, r.doc_no, "
    "r.doc_type, r.category, r.topic, r.genre, r.audience, r.art20_item, r.validity, "
    "r.validity_changed_on, r.body, r.pinned, r.pin_order, r.status, r.revision, r.created_at, "
    "r.updated_at";
constexpr int kColumnCount = 23;

StoredRecord ReadRecord(const Stmt& q) {
  StoredRecord s;
  Record& r = s.record;
  r.id = q.Int(0);
  r.agency_id = q.Text(1);
  r.index_no = q.Text(2);
  r.title = q.Text(3);
  r.publisher = q.Text(4);
  r.formed_on = q.DateAt(5);
  r.published_on = q.DateAt(6);
  r.doc_no = q.Text(7);
  r.doc_type = catalog::ParseDocType(q.Text(8)).value_or(catalog::DocType::kOther);
  r.category = q.Text(9);
  r.classifications = {q.Text(10), q.Text(11), q.Text(12)};
  if (!q.IsNull(13)) r.art20_item = static_cast<int>(q.Int(13));
  if (!q.IsNull(14)) r.validity = catalog::ParseValidity(q.Text(14));
  r.validity_changed_on = q.DateAt(15);
  r.body = q.Text(16);
  r.pinned = q.Int(17) != 0;
  r.pin_order = static_cast<int>(q.Int(18));
  r.status = catalog::ParseStatus(q.Text(19)).value_or(catalog::RecordStatus::kDraft);
  s.revision = q.Int(20);
  s.created_at = q.Text(21);
  s.updated_at = q.Text(22);
  return s;
}

// Binds the record's data columns from index `i` on (19 values, see kDataColumns).
constexpr std::string_view kDataColumns =
    "agency_id, index_no, title, publisher, formed_on, published_on, doc_no, doc_type, category, "
    "topic, genre, audience, art20_item, validity, validity_changed_on, body, pinned, pin_order, "
    "status";
int BindData(Stmt& q, int i, const Record& r) {
  q.Bind(i++, r.agency_id);
  q.Bind(i++, r.index_no);
  q.Bind(i++, r.title);
  q.Bind(i++, r.publisher);
  q.BindOpt(i++, r.formed_on);
  q.BindOpt(i++, r.published_on);
  q.Bind(i++, r.doc_no);
  q.Bind(i++, catalog::DocTypeLabel(r.doc_type));
  q.Bind(i++, r.category);
  q.Bind(i++, r.classifications.topic);
  q.Bind(i++, r.classifications.genre);
  q.Bind(i++, r.classifications.audience);
  if (r.art20_item)
    q.Bind(i++, static_cast<int64_t>(*r.art20_item));
  else
    q.BindNull(i++);
  if (r.validity)
    q.Bind(i++, catalog::ValidityLabel(*r.validity));
  else
    q.BindNull(i++);
  q.BindOpt(i++, r.validity_changed_on);
  q.Bind(i++, r.body);
  q.Bind(i++, static_cast<int64_t>(r.pinned ? 1 : 0));
  q.Bind(i++, static_cast<int64_t>(r.pin_order));
  q.Bind(i++, catalog::StatusKey(r.status));
  return i;
}

class SqliteRecordStore final : public RecordStore {
 public:
  explicit SqliteRecordStore(sqlite3* db) : db_(db) {}

  Result<int64_t> ImportRecords(std::span<const Record> records, const RecordChange& change,
                                size_t* failed_at) override {
    if (auto s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    for (size_t i = 0; i < records.size(); ++i) {
      auto id = InsertLocked(records[i], change);
      if (!id.ok()) {
        (void)Exec("ROLLBACK");
        if (failed_at) *failed_at = i;
        return id.status();
      }
    }
    if (auto s = Exec("COMMIT"); !s.ok()) {
      (void)Exec("ROLLBACK");
      return s;
    }
    return static_cast<int64_t>(records.size());
  }

  Status OptimizeSearchIndex() override {
    return Exec("INSERT INTO records_fts(records_fts) VALUES('optimize')");
  }

  Result<int64_t> CreateRecord(const Record& record, const RecordChange& change) override {
    if (auto s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    auto id = InsertLocked(record, change);
    if (!id.ok()) {
      (void)Exec("ROLLBACK");
      return id;
    }
    if (auto s = Exec("COMMIT"); !s.ok()) {
      (void)Exec("ROLLBACK");
      return s;
    }
    return id;
  }

  Status UpdateRecord(const Record& record, int64_t expected_revision,
                      const RecordChange& change) override {
    if (auto s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    Status s = UpdateLocked(record, expected_revision, change);
    if (!s.ok()) {
      (void)Exec("ROLLBACK");
      return s;
    }
    if (auto c = Exec("COMMIT"); !c.ok()) {
      (void)Exec("ROLLBACK");
      return c;
    }
    return Status::Ok();
  }

  Result<std::optional<StoredRecord>> GetRecord(int64_t id) override {
    Stmt q(db_, "SELECT " + std::string(kColumns) + " FROM records r WHERE r.id = ?");
    if (!q.ok()) return q.Error("read record");
    q.Bind(1, id);
    const int rc = q.Step();
    if (rc == SQLITE_DONE) return std::optional<StoredRecord>();
    if (rc != SQLITE_ROW) return q.Error("read record");
    return std::optional<StoredRecord>(ReadRecord(q));
  }

  Result<std::optional<int64_t>> RecordIdByIndexNo(std::string_view agency_id,
                                                   std::string_view index_no) override {
    Stmt q(db_, "SELECT id FROM records WHERE agency_id = ? AND index_no = ?");
    if (!q.ok()) return q.Error("find record");
    q.Bind(1, agency_id).Bind(2, index_no);
    const int rc = q.Step();
    if (rc == SQLITE_DONE) return std::optional<int64_t>();
    if (rc != SQLITE_ROW) return q.Error("find record");
    return std::optional<int64_t>(q.Int(0));
  }

  Result<int64_t> AddAttachment(const AttachmentRow& a, int64_t expected_revision,
                                const RecordChange& c) override {
    int64_t id = 0;
    Status s = ChangeParts(a.record_id, expected_revision, c, [&]() -> Status {
      Stmt q(db_,
             "INSERT INTO record_attachments(record_id, filename, sha256, media_type, size, "
             "text, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      if (!q.ok()) return q.Error("add attachment");
      q.Bind(1, a.record_id).Bind(2, a.filename).Bind(3, a.sha256).Bind(4, a.media_type);
      q.Bind(5, a.size).Bind(6, a.text).Bind(7, a.added_at).Bind(8, a.added_by);
      if (q.Step() != SQLITE_DONE) return q.Error("add attachment");
      id = sqlite3_last_insert_rowid(db_);
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return id;
  }

  Status RemoveAttachment(int64_t record_id, int64_t attachment_id, int64_t expected_revision,
                          const RecordChange& c) override {
    return ChangeParts(record_id, expected_revision, c, [&]() -> Status {
      Stmt q(db_, "DELETE FROM record_attachments WHERE id = ? AND record_id = ?");
      if (!q.ok()) return q.Error("remove attachment");
      q.Bind(1, attachment_id).Bind(2, record_id);
      if (q.Step() != SQLITE_DONE) return q.Error("remove attachment");
      if (sqlite3_changes(db_) == 0)
        return Status::NotFound("record " + std::to_string(record_id) + " has no attachment " +
                                std::to_string(attachment_id));
      return Status::Ok();
    });
  }

  Result<std::vector<AttachmentRow>> RecordAttachments(int64_t record_id) override {
    Stmt q(db_,
           "SELECT id, record_id, filename, sha256, media_type, size, added_at, added_by "
           "FROM record_attachments WHERE record_id = ? ORDER BY id");
    if (!q.ok()) return q.Error("read attachments");
    q.Bind(1, record_id);
    std::vector<AttachmentRow> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW)
      out.push_back({q.Int(0), q.Int(1), q.Text(2), q.Text(3), q.Text(4), q.Int(5), "", q.Text(6),
                     q.Text(7)});
    if (rc != SQLITE_DONE) return q.Error("read attachments");
    return out;
  }

  Status AddRecordLink(const RecordLinkRow& l, int64_t expected_revision,
                       const RecordChange& c) override {
    return ChangeParts(l.record_id, expected_revision, c, [&]() -> Status {
      Stmt q(db_,
             "INSERT INTO record_links(record_id, target_id, kind, added_at, added_by) "
             "VALUES (?, ?, ?, ?, ?)");
      if (!q.ok()) return q.Error("add link");
      q.Bind(1, l.record_id).Bind(2, l.target_id).Bind(3, l.kind).Bind(4, l.added_at);
      q.Bind(5, l.added_by);
      if (q.Step() != SQLITE_DONE) {
        if (q.ExtendedError() == SQLITE_CONSTRAINT_PRIMARYKEY)
          return Status::Conflict("the link exists");
        return q.Error("add link");
      }
      return Status::Ok();
    });
  }

  Status RemoveRecordLink(const RecordLinkRow& l, int64_t expected_revision,
                          const RecordChange& c) override {
    return ChangeParts(l.record_id, expected_revision, c, [&]() -> Status {
      Stmt q(db_, "DELETE FROM record_links WHERE record_id = ? AND target_id = ? AND kind = ?");
      if (!q.ok()) return q.Error("remove link");
      q.Bind(1, l.record_id).Bind(2, l.target_id).Bind(3, l.kind);
      if (q.Step() != SQLITE_DONE) return q.Error("remove link");
      if (sqlite3_changes(db_) == 0) return Status::NotFound("no such link");
      return Status::Ok();
    });
  }

  Result<std::vector<RecordLinkRow>> RecordLinks(int64_t record_id) override {
    Stmt q(db_,
           "SELECT record_id, target_id, kind, added_at, added_by FROM record_links "
           "WHERE record_id = ? OR target_id = ? ORDER BY added_at, record_id, target_id");
    if (!q.ok()) return q.Error("read links");
    q.Bind(1, record_id).Bind(2, record_id);
    std::vector<RecordLinkRow> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW)
      out.push_back({q.Int(0), q.Int(1), q.Text(2), q.Text(3), q.Text(4)});
    if (rc != SQLITE_DONE) return q.Error("read links");
    return out;
  }

  Result<RecordPage> SearchRecords(const RecordQuery& query) override {
    const bool text = !query.fts.empty();
    if (text && query.status && *query.status != catalog::RecordStatus::kPublished)
      return Status::Invalid("full-text search covers published records only");
    const bool filtered = query.agency_id || query.category || query.year || query.validity;
    std::string where = " WHERE r.status = ?";
    if (query.agency_id) where += " AND r.agency_id = ?";
    if (query.category) where += " AND r.category = ?";
    if (query.year) where += " AND substr(r.published_on, 1, 4) = ?";
    if (query.validity) where += " AND r.validity = ?";
    auto bind = [&](Stmt& q) {
      int i = 1;
      q.Bind(i++, catalog::StatusKey(query.status.value_or(catalog::RecordStatus::kPublished)));
      if (query.agency_id) q.Bind(i++, *query.agency_id);
      if (query.category) q.Bind(i++, *query.category);
      if (query.year) q.Bind(i++, std::to_string(*query.year));
      if (query.validity) q.Bind(i++, catalog::ValidityLabel(*query.validity));
      return i;
    };
    std::string order;
    switch (query.order) {
      case RecordOrder::kRelevance:
      case RecordOrder::kNewest:
        order = " ORDER BY r.published_on DESC, r.id DESC";
        break;
      case RecordOrder::kPinnedThenNewest:
        order = " ORDER BY r.pinned DESC, r.pin_order, r.published_on DESC, r.id DESC";
        break;
    }
    RecordPage page;
    if (!text) {  // a listing: one statement
      std::string columns(kColumns);
      if (!query.with_body) columns.replace(columns.find("r.body"), 6, "''");
      {
        Stmt q(db_, "SELECT COUNT(*) FROM records r" + where);
        if (!q.ok()) return q.Error("count records");
        bind(q);
        if (q.Step() != SQLITE_ROW) return q.Error("count records");
        page.total = q.Int(0);
      }
      Stmt q(db_, "SELECT " + columns + " FROM records r" + where + order + " LIMIT ? OFFSET ?");
      if (!q.ok()) return q.Error("list records");
      int i = bind(q);
      q.Bind(i++, static_cast<int64_t>(query.limit));
      q.Bind(i, static_cast<int64_t>(query.offset));
      int rc;
      while ((rc = q.Step()) == SQLITE_ROW) page.items.push_back({ReadRecord(q).record, "", ""});
      if (rc != SQLITE_DONE) return q.Error("list records");
      return page;
    }
    // A search: count, choose the page's ids, then read those records and
    // mark the words in them. The index holds published records only, so
    // without filters counting and ranking need no join.
    const std::string in_index = " AND r.id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)";
    auto count = [&](const std::string& fts) -> Result<int64_t> {
      Stmt q(db_, filtered ? "SELECT COUNT(*) FROM records r" + where + in_index
                           : std::string("SELECT COUNT(*) FROM records_fts WHERE records_fts MATCH ?"));
      if (!q.ok()) return q.Error("count records");
      q.Bind(filtered ? bind(q) : 1, fts);
      if (q.Step() != SQLITE_ROW) return q.Error("count records");
      return q.Int(0);
    };
    std::vector<int64_t> ids;
    auto collect = [&](Stmt& q) -> Status {
      int rc;
      while ((rc = q.Step()) == SQLITE_ROW) ids.push_back(q.Int(0));
      return rc == SQLITE_DONE ? Status::Ok() : q.Error("search records");
    };
    // Appends the ids of `fts`'s matches in `order`, from `offset` on.
    auto add_ids = [&](const std::string& fts, const std::string& ord, int64_t limit,
                       int64_t offset) -> Status {
      if (limit <= 0) return Status::Ok();
      Stmt q(db_, "SELECT r.id FROM records r" + where + in_index + ord + " LIMIT ? OFFSET ?");
      if (!q.ok()) return q.Error("search records");
      int i = bind(q);
      q.Bind(i++, fts);
      q.Bind(i++, limit);
      q.Bind(i, offset);
      return collect(q);
    };
    auto total = count(query.fts);
    if (!total.ok()) return total.status();
    page.total = *total;
    const int64_t limit = query.limit, offset = query.offset;
    if (query.order != RecordOrder::kRelevance) {
      if (Status s = add_ids(query.fts, order, limit, offset); !s.ok()) return s;
    } else if (page.total <= query.ranked_up_to) {
      // bm25 over the matches (FTS5 ranks inside the index without filters).
      Stmt q(db_, filtered ? "SELECT r.id FROM records_fts CROSS JOIN records r ON r.id = "
                             "records_fts.rowid" + where + " AND records_fts MATCH ? ORDER BY "
                             "bm25(records_fts), r.published_on DESC, r.id DESC LIMIT ? OFFSET ?"
                           : std::string("SELECT h.id FROM (SELECT rowid AS id, rank AS rk FROM "
                             "records_fts WHERE records_fts MATCH ? ORDER BY rank LIMIT ? "
                             "OFFSET ?) h CROSS JOIN records r ON r.id = h.id "
                             "ORDER BY h.rk, r.published_on DESC, r.id DESC"));
      if (!q.ok()) return q.Error("search records");
      int i = filtered ? bind(q) : 1;
      q.Bind(i++, query.fts);
      q.Bind(i++, limit);
      q.Bind(i, offset);
      if (Status s = collect(q); !s.ok()) return s;
    } else {
      // Title hits, then the other matches, each newest first.
      const std::string title = catalog::TitleOnlyFts(query.fts);
      if (Status s = add_ids(title, order, limit, offset); !s.ok()) return s;
      const auto got = static_cast<int64_t>(ids.size());
      if (got < limit) {
        int64_t titled = offset + got;  // the title hits end within this page
        if (got == 0 && offset > 0) {
          auto n = count(title);
          if (!n.ok()) return n.status();
          titled = *n;
        }
        const std::string rest = "(" + query.fts + ") NOT (" + title + ")";
        if (Status s = add_ids(rest, order, limit - got, std::max<int64_t>(0, offset - titled));
            !s.ok())
          return s;
      }
    }
    const std::vector<std::string> words = catalog::WordsOfFts(query.fts);
    Stmt q(db_, "SELECT " + std::string(kColumns) + " FROM records r WHERE r.id = ?");
    if (!q.ok()) return q.Error("read records");
    for (int64_t id : ids) {
      sqlite3_reset(q.raw());
      q.Bind(1, id);
      if (q.Step() != SQLITE_ROW) return q.Error("read records");
      page.items.push_back(MarkedHit(ReadRecord(q).record, words, query.with_body));
    }
    return page;
  }

  Result<std::vector<RecordRevision>> RecordRevisions(int64_t id) override {
    Stmt q(db_,
           "SELECT record_id, revision, recorded_at, actor, action, note, snapshot FROM "
           "record_revisions WHERE record_id = ? ORDER BY revision");
    if (!q.ok()) return q.Error("read revisions");
    q.Bind(1, id);
    std::vector<RecordRevision> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW)
      out.push_back({q.Int(0), q.Int(1), q.Text(2), q.Text(3), q.Text(4), q.Text(5), q.Text(6)});
    if (rc != SQLITE_DONE) return q.Error("read revisions");
    return out;
  }

  Result<std::vector<ReportRecordRow>> AgencyRecordsForReport(std::string_view agency_id) override {
    Stmt q(db_,
           "SELECT id, doc_type, published_on, validity, validity_changed_on, formed_on, category "
           "FROM records "
           "WHERE agency_id = ? AND status IN ('published', 'withdrawn') ORDER BY id");
    if (!q.ok()) return q.Error("read records for report");
    q.Bind(1, agency_id);
    std::vector<ReportRecordRow> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      ReportRecordRow row;
      row.id = q.Int(0);
      row.doc_type = catalog::ParseDocType(q.Text(1)).value_or(catalog::DocType::kOther);
      row.published_on = q.DateAt(2);
      if (!q.IsNull(3)) row.validity = catalog::ParseValidity(q.Text(3));
      row.validity_changed_on = q.DateAt(4);
      row.formed_on = q.DateAt(5);
      row.category = q.Text(6);
      out.push_back(row);
    }
    if (rc != SQLITE_DONE) return q.Error("read records for report");
    return out;
  }

  Result<int64_t> NextRecordSerial(std::string_view agency_id, int year) override {
    Stmt q(db_,
           "INSERT INTO record_sequences(agency_id, year, last) VALUES (?, ?, 1) "
           "ON CONFLICT(agency_id, year) DO UPDATE SET last = last + 1 RETURNING last");
    if (!q.ok()) return q.Error("allocate index number");
    q.Bind(1, agency_id).Bind(2, static_cast<int64_t>(year));
    if (q.Step() != SQLITE_ROW) return q.Error("allocate index number");
    return q.Int(0);
  }

  Result<bool> IndexNoExists(std::string_view agency_id, std::string_view index_no) override {
    Stmt q(db_, "SELECT 1 FROM records WHERE agency_id = ? AND index_no = ?");
    if (!q.ok()) return q.Error("read record");
    q.Bind(1, agency_id).Bind(2, index_no);
    const int rc = q.Step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return q.Error("read record");
    return rc == SQLITE_ROW;
  }

 private:
  Status Exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = std::string(sql) + ": " + (err ? err : "unknown error");
      sqlite3_free(err);
      return Status::Internal(msg);
    }
    return Status::Ok();
  }

  Status AppendRevision(const Record& r, int64_t revision, const RecordChange& c) {
    Stmt q(db_,
           "INSERT INTO record_revisions(record_id, revision, recorded_at, actor, action, note, "
           "snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!q.ok()) return q.Error("append revision");
    q.Bind(1, r.id).Bind(2, revision).Bind(3, c.now).Bind(4, c.actor).Bind(5, c.action);
    q.Bind(6, c.note).Bind(7, catalog::RecordToJson(r));
    if (q.Step() != SQLITE_DONE) return q.Error("append revision");
    return Status::Ok();
  }

  // The index holds exactly the published records.
  Status SyncIndex(const Record& r) {
    {
      Stmt del(db_, "DELETE FROM records_fts WHERE rowid = ?");
      if (!del.ok()) return del.Error("update search index");
      del.Bind(1, r.id);
      if (del.Step() != SQLITE_DONE) return del.Error("update search index");
    }
    if (r.status != catalog::RecordStatus::kPublished) return Status::Ok();
    // The attachments' text is searched as part of the body, each on its own
    // lines so that no word spans two of them.
    std::string body = r.body;
    {
      Stmt a(db_, "SELECT text FROM record_attachments WHERE record_id = ? AND text <> '' "
                  "ORDER BY id");
      if (!a.ok()) return a.Error("update search index");
      a.Bind(1, r.id);
      int rc;
      while ((rc = a.Step()) == SQLITE_ROW) body += "\n\n" + a.Text(0);
      if (rc != SQLITE_DONE) return a.Error("update search index");
    }
    Stmt ins(db_, "INSERT INTO records_fts(rowid, title, body) VALUES (?, ?, ?)");
    if (!ins.ok()) return ins.Error("update search index");
    ins.Bind(1, r.id).Bind(2, r.title).Bind(3, body);
    if (ins.Step() != SQLITE_DONE) return ins.Error("update search index");
    return Status::Ok();
  }

  Result<int64_t> InsertLocked(const Record& in, const RecordChange& c) {
    {
      Stmt a(db_, "SELECT 1 FROM agencies WHERE id = ?");
      a.Bind(1, in.agency_id);
      if (a.Step() != SQLITE_ROW) return Status::NotFound("unknown agency " + in.agency_id);
    }
    Stmt q(db_, "INSERT INTO records(" + std::string(kDataColumns) +
                    ", revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)");
    if (!q.ok()) return q.Error("insert record");
    int i = BindData(q, 1, in);
    q.Bind(i, c.now);
    q.Bind(i + 1, c.now);
    if (q.Step() != SQLITE_DONE) {
      if (q.ExtendedError() == SQLITE_CONSTRAINT_UNIQUE)
        return Status::Conflict("index number " + in.index_no + " exists for agency " +
                                in.agency_id);
      return q.Error("insert record");
    }
    Record r = in;
    r.id = sqlite3_last_insert_rowid(db_);
    if (auto s = AppendRevision(r, 1, c); !s.ok()) return s;
    if (auto s = SyncIndex(r); !s.ok()) return s;
    return r.id;
  }

  Status UpdateLocked(const Record& r, int64_t expected_revision, const RecordChange& c) {
    Stmt q(db_, "UPDATE records SET (" + std::string(kDataColumns) +
                    ", revision, updated_at) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?, ?, ?, ?) WHERE id = ? AND revision = ?");
    if (!q.ok()) return q.Error("update record");
    int i = BindData(q, 1, r);
    q.Bind(i, expected_revision + 1);
    q.Bind(i + 1, c.now);
    q.Bind(i + 2, r.id);
    q.Bind(i + 3, expected_revision);
    if (q.Step() != SQLITE_DONE) {
      if (q.ExtendedError() == SQLITE_CONSTRAINT_UNIQUE)
        return Status::Conflict("index number " + r.index_no + " exists for agency " + r.agency_id);
      return q.Error("update record");
    }
    if (sqlite3_changes(db_) == 0)
      return Status::Conflict("record " + std::to_string(r.id) +
                              " was changed by someone else (stale revision)");
    if (auto s = AppendRevision(r, expected_revision + 1, c); !s.ok()) return s;
    return SyncIndex(r);
  }

  // Runs `change` and then bumps the record's revision (appending it with
  // `c`) in one transaction; nothing is written when either fails.
  template <typename F>
  Status ChangeParts(int64_t record_id, int64_t expected_revision, const RecordChange& c,
                     F&& change) {
    if (auto s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    Status s = [&]() -> Status {
      auto got = GetRecord(record_id);
      if (!got.ok()) return got.status();
      if (!got->has_value()) return Status::NotFound("no record " + std::to_string(record_id));
      if ((*got)->revision != expected_revision)
        return Status::Conflict("record " + std::to_string(record_id) +
                                " was changed by someone else (stale revision)");
      if (Status done = change(); !done.ok()) return done;
      return UpdateLocked((*got)->record, expected_revision, c);
    }();
    if (!s.ok()) {
      (void)Exec("ROLLBACK");
      return s;
    }
    if (auto done = Exec("COMMIT"); !done.ok()) {
      (void)Exec("ROLLBACK");
      return done;
    }
    return Status::Ok();
  }

  sqlite3* db_;
};

}  // namespace

Status RegisterCjkTokenizer(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, nullptr) != SQLITE_OK)
    return Status::Internal(std::string("FTS5 is not available: ") + sqlite3_errmsg(db));
  sqlite3_bind_pointer(s, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(s);
  sqlite3_finalize(s);
  if (!api) return Status::Internal("FTS5 is not available in this SQLite");
  static fts5_tokenizer tokenizer = {TokCreate, TokDelete, TokTokenize};
  if (api->xCreateTokenizer(api, "gk_cjk", nullptr, &tokenizer, nullptr) != SQLITE_OK)
    return Status::Internal("cannot register the gk_cjk tokenizer");
  return Status::Ok();
}

std::unique_ptr<RecordStore> MakeSqliteRecordStore(sqlite3* db) {
  return std::make_unique<SqliteRecordStore>(db);
}

}  // namespace gk::store
