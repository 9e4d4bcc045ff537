#include "store/postgres_records.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "catalog/record_json.h"
#include "catalog/search.h"
#include "store/pg_util.h"

namespace gk::store {
namespace {

using catalog::Record;
using pg::Exec;
using pg::Int;
using pg::Text;

constexpr std::string_view kColumns =
    "r.id, r.agency_id, r.index_no, r.title, r.publisher, r.formed_on, r.published_on, r.doc_no, "
    "r.doc_type, r.category, r.topic, r.genre, r.audience, r.art20_item, r.validity, "
    "r.validity_changed_on, r.body, r.pinned, r.pin_order, r.status, r.revision, r.created_at, "
    "r.updated_at";

constexpr std::string_view kDataColumns =
    "agency_id, index_no, title, publisher, formed_on, published_on, doc_no, doc_type, category, "
    "topic, genre, audience, art20_item, validity, validity_changed_on, body, pinned, pin_order, "
    "status";

// A tsvector holds at most 1 MB: the distinct tokens of a record are capped
// (a body of several hundred thousand characters; docs/catalog.md).
constexpr size_t kMaxTokens = 70000;

StoredRecord ReadRecord(const pqxx::row& q) {
  StoredRecord s;
  Record& r = s.record;
  r.id = Int(q[0]);
  r.agency_id = Text(q[1]);
  r.index_no = Text(q[2]);
  r.title = Text(q[3]);
  r.publisher = Text(q[4]);
  r.formed_on = pg::OptDate(q[5]);
  r.published_on = pg::OptDate(q[6]);
  r.doc_no = Text(q[7]);
  r.doc_type = catalog::ParseDocType(Text(q[8])).value_or(catalog::DocType::kOther);
  r.category = Text(q[9]);
  r.classifications = {Text(q[10]), Text(q[11]), Text(q[12])};
  if (!q[13].is_null()) r.art20_item = static_cast<int>(Int(q[13]));
  if (!q[14].is_null()) r.validity = catalog::ParseValidity(Text(q[14]));
  r.validity_changed_on = pg::OptDate(q[15]);
  r.body = Text(q[16]);
  r.pinned = Int(q[17]) != 0;
  r.pin_order = static_cast<int>(Int(q[18]));
  r.status = catalog::ParseStatus(Text(q[19])).value_or(catalog::RecordStatus::kDraft);
  s.revision = Int(q[20]);
  s.created_at = Text(q[21]);
  s.updated_at = Text(q[22]);
  return s;
}

pg::Params DataParams(const Record& r) {
  pg::Params p;
  p.emplace_back(r.agency_id);
  p.emplace_back(r.index_no);
  p.emplace_back(r.title);
  p.emplace_back(r.publisher);
  p.emplace_back(r.formed_on);
  p.emplace_back(r.published_on);
  p.emplace_back(r.doc_no);
  p.emplace_back(catalog::DocTypeLabel(r.doc_type));
  p.emplace_back(r.category);
  p.emplace_back(r.classifications.topic);
  p.emplace_back(r.classifications.genre);
  p.emplace_back(r.classifications.audience);
  p.emplace_back(r.art20_item);
  p.emplace_back(r.validity ? std::optional<std::string>(catalog::ValidityLabel(*r.validity))
                            : std::nullopt);
  p.emplace_back(r.validity_changed_on);
  p.emplace_back(r.body);
  p.emplace_back(r.pinned ? 1 : 0);
  p.emplace_back(r.pin_order);
  p.emplace_back(catalog::StatusKey(r.status));
  return p;
}

// A PostgreSQL array literal of `items` (every element quoted).
std::string ArrayLiteral(const std::vector<std::string>& items) {
  std::string out = "{";
  for (const std::string& s : items) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : s) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

// The distinct document tokens (unigrams and bigrams) of `texts`.
std::vector<std::string> DocumentTokens(std::initializer_list<std::string_view> texts) {
  std::unordered_set<std::string> seen;
  std::vector<std::string> out;
  for (std::string_view t : texts) {
    catalog::Tokenize(t, catalog::TokenizeMode::kDocument, [&](const catalog::Token& tok) {
      if (seen.insert(tok.text).second) out.push_back(tok.text);
      return out.size() < kMaxTokens;
    });
    if (out.size() >= kMaxTokens) break;
  }
  return out;
}

// The tsquery (as text) requiring every query token of every word.
std::string TsQuery(const std::vector<std::string>& words) {
  std::unordered_set<std::string> seen;
  std::string out;
  for (const std::string& w : words) {
    for (const catalog::Token& t : catalog::Tokens(w, catalog::TokenizeMode::kQuery)) {
      if (!seen.insert(t.text).second) continue;
      if (!out.empty()) out += " & ";
      out += '\'';
      for (char c : t.text) {
        if (c == '\'' || c == '\\') out += c;
        out += c;
      }
      out += '\'';
    }
  }
  return out;
}

// The token columns of a record: NULL unless it is published (the index
// holds exactly the published records).
std::pair<pg::Param, pg::Param> TokenParams(const Record& r, std::string_view indexed_body) {
  if (r.status != catalog::RecordStatus::kPublished) return {std::nullopt, std::nullopt};
  return {ArrayLiteral(DocumentTokens({r.title, indexed_body})),
          ArrayLiteral(DocumentTokens({r.title}))};
}

}  // namespace

// The text of a record's attachments as search appends it to the body: each
// on lines of its own (as the SQLite store's index holds it).
const std::string_view kAttachmentTextSql =
    "COALESCE((SELECT string_agg(E'\\n\\n' || a.text, '' ORDER BY a.id) FROM "
    "record_attachments a WHERE a.record_id = r.id AND a.text <> ''), '')";

namespace {

// What search reads as a record's body.
std::string IndexedBodySql() {
  return "r.body || " + std::string(kAttachmentTextSql);
}

std::string Placeholders(size_t from, size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += (i ? ", $" : "$") + std::to_string(from + i);
  return s;
}

class PostgresRecordStore final : public RecordStore {
 public:
  explicit PostgresRecordStore(pqxx::connection& conn) : conn_(conn) {}

  Result<int64_t> ImportRecords(std::span<const Record> records, const RecordChange& change,
                                size_t* failed_at) override {
    size_t at = 0;
    try {
      pqxx::work w(conn_);
      for (; at < records.size(); ++at) {
        auto id = InsertIn(w, records[at], change);
        if (!id.ok()) {
          if (failed_at) *failed_at = at;
          return id.status();
        }
      }
      w.commit();
      return static_cast<int64_t>(records.size());
    } catch (const pqxx::unique_violation&) {
      if (failed_at) *failed_at = at;
      return Conflict(records[at]);
    } catch (const std::exception& e) {
      if (failed_at) *failed_at = at;
      return pg::Error("import records", e);
    }
  }

  Status OptimizeSearchIndex() override {
    try {
      pqxx::nontransaction w(conn_);
      w.exec("ANALYZE records");
      return Status::Ok();
    } catch (const std::exception& e) {
      return pg::Error("optimize search index", e);
    }
  }

  Result<int64_t> CreateRecord(const Record& record, const RecordChange& change) override {
    try {
      pqxx::work w(conn_);
      auto id = InsertIn(w, record, change);
      if (id.ok()) w.commit();
      return id;
    } catch (const pqxx::unique_violation&) {
      return Conflict(record);
    } catch (const std::exception& e) {
      return pg::Error("insert record", e);
    }
  }

  Status UpdateRecord(const Record& r, int64_t expected_revision,
                      const RecordChange& c) override {
    try {
      pqxx::work w(conn_);
      if (Status s = UpdateIn(w, r, expected_revision, c); !s.ok()) return s;
      w.commit();
      return Status::Ok();
    } catch (const pqxx::unique_violation&) {
      return Conflict(r);
    } catch (const std::exception& e) {
      return pg::Error("update record", e);
    }
  }

  Result<std::optional<int64_t>> RecordIdByIndexNo(std::string_view agency_id,
                                                   std::string_view index_no) override {
    try {
      pqxx::work w(conn_);
      auto r = Exec(w, "SELECT id FROM records WHERE agency_id = $1 AND index_no = $2",
                    {agency_id, index_no});
      if (r.empty()) return std::optional<int64_t>();
      return std::optional<int64_t>(Int(r[0][0]));
    } catch (const std::exception& e) {
      return pg::Error("find record", e);
    }
  }

  Result<int64_t> AddAttachment(const AttachmentRow& a, int64_t expected_revision,
                                const RecordChange& c) override {
    int64_t id = 0;
    Status s = ChangeParts(a.record_id, expected_revision, c, [&](pqxx::work& w) {
      auto r = Exec(w,
                    "INSERT INTO record_attachments(record_id, filename, sha256, media_type, size, "
                    "text, added_at, added_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                    {a.record_id, a.filename, a.sha256, a.media_type, a.size, a.text, a.added_at,
                     a.added_by});
      id = Int(r[0][0]);
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return id;
  }

  Status RemoveAttachment(int64_t record_id, int64_t attachment_id, int64_t expected_revision,
                          const RecordChange& c) override {
    return ChangeParts(record_id, expected_revision, c, [&](pqxx::work& w) {
      auto r = Exec(w, "DELETE FROM record_attachments WHERE id = $1 AND record_id = $2",
                    {attachment_id, record_id});
      if (r.affected_rows() == 0)
        return Status::NotFound("record " + std::to_string(record_id) + " has no attachment " +
                                std::to_string(attachment_id));
      return Status::Ok();
    });
  }

  Result<std::vector<AttachmentRow>> RecordAttachments(int64_t record_id) override {
    try {
      pqxx::work w(conn_);
      std::vector<AttachmentRow> out;
      for (const auto& q : Exec(w,
                                "SELECT id, record_id, filename, sha256, media_type, size, "
                                "added_at, added_by FROM record_attachments WHERE record_id = $1 "
                                "ORDER BY id",
                                {record_id}))
        out.push_back({Int(q[0]), Int(q[1]), Text(q[2]), Text(q[3]), Text(q[4]), Int(q[5]), "",
                       Text(q[6]), Text(q[7])});
      return out;
    } catch (const std::exception& e) {
      return pg::Error("read attachments", e);
    }
  }

  Status AddRecordLink(const RecordLinkRow& l, int64_t expected_revision,
                       const RecordChange& c) override {
    return ChangeParts(l.record_id, expected_revision, c, [&](pqxx::work& w) {
      auto r = Exec(w,
                    "INSERT INTO record_links(record_id, target_id, kind, added_at, added_by) "
                    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                    {l.record_id, l.target_id, l.kind, l.added_at, l.added_by});
      if (r.affected_rows() == 0) return Status::Conflict("the link exists");
      return Status::Ok();
    });
  }

  Status RemoveRecordLink(const RecordLinkRow& l, int64_t expected_revision,
                          const RecordChange& c) override {
    return ChangeParts(l.record_id, expected_revision, c, [&](pqxx::work& w) {
      auto r = Exec(w,
                    "DELETE FROM record_links WHERE record_id = $1 AND target_id = $2 AND kind = $3",
                    {l.record_id, l.target_id, l.kind});
      if (r.affected_rows() == 0) return Status::NotFound("no such link");
      return Status::Ok();
    });
  }

  Result<std::vector<RecordLinkRow>> RecordLinks(int64_t record_id) override {
    try {
      pqxx::work w(conn_);
      std::vector<RecordLinkRow> out;
      for (const auto& q : Exec(w,
                                "SELECT record_id, target_id, kind, added_at, added_by FROM "
                                "record_links WHERE record_id = $1 OR target_id = $1 ORDER BY "
                                "added_at, record_id, target_id",
                                {record_id}))
        out.push_back({Int(q[0]), Int(q[1]), Text(q[2]), Text(q[3]), Text(q[4])});
      return out;
    } catch (const std::exception& e) {
      return pg::Error("read links", e);
    }
  }

  Result<std::optional<StoredRecord>> GetRecord(int64_t id) override {
    try {
      pqxx::work w(conn_);
      auto r = Exec(w, "SELECT " + std::string(kColumns) + " FROM records r WHERE r.id = $1", {id});
      if (r.empty()) return std::optional<StoredRecord>();
      return std::optional<StoredRecord>(ReadRecord(r[0]));
    } catch (const std::exception& e) {
      return pg::Error("read record", e);
    }
  }

  Result<RecordPage> SearchRecords(const RecordQuery& query) override {
    const std::vector<std::string> words =
        query.fts.empty() ? std::vector<std::string>() : catalog::WordsOfFts(query.fts);
    const bool text = !words.empty();
    if (text && query.status && *query.status != catalog::RecordStatus::kPublished)
      return Status::Invalid("full-text search covers published records only");
    pg::Params p;
    p.emplace_back(catalog::StatusKey(query.status.value_or(catalog::RecordStatus::kPublished)));
    std::string where = " WHERE r.status = $1";
    std::string tsq_ref;
    if (text) {
      p.emplace_back(TsQuery(words));
      tsq_ref = "$" + std::to_string(p.size()) + "::tsquery";
      where += " AND r.search_tokens @@ " + tsq_ref;
    }
    auto add = [&](std::string cond, pg::Param v) {
      p.push_back(std::move(v));
      where += " AND " + cond + "$" + std::to_string(p.size());
    };
    if (query.agency_id) add("r.agency_id = ", *query.agency_id);
    if (query.category) add("r.category = ", *query.category);
    if (query.year) add("substr(r.published_on, 1, 4) = ", std::to_string(*query.year));
    if (query.validity) add("r.validity = ", catalog::ValidityLabel(*query.validity));
    // The order rule of both stores (docs/catalog.md): ties by newest, then
    // id. Relevance here is always "title hits first" (no bm25): decided by
    // tokens when every word is token-exact, else checked below.
    const bool exact =
        std::all_of(words.begin(), words.end(), [](const auto& x) { return catalog::TokenExact(x); });
    const bool title_first = query.order == RecordOrder::kRelevance && text;
    std::string order = " ORDER BY ";
    if (query.order == RecordOrder::kPinnedThenNewest) order += "r.pinned DESC, r.pin_order, ";
    if (title_first && exact) order += "(r.title_tokens @@ " + tsq_ref + ") DESC, ";
    order += "r.published_on DESC NULLS LAST, r.id DESC";

    std::string columns(kColumns);
    // Listings without words need no body (snippets do).
    if (!query.with_body && !text) columns.replace(columns.find("r.body"), 6, "''");
    RecordPage page;
    try {
      pqxx::work w(conn_);
      // Words of one or two characters are decided by their tokens alone;
      // longer ones are checked as substrings over the candidates.
      pqxx::result rows;
      std::vector<std::string> ids;  // the page, when checked here
      if (exact) {
        page.total = Int(Exec(w, "SELECT COUNT(*) FROM records r" + where, p)[0][0]);
        pg::Params pp = p;
        pp.push_back(query.limit);
        pp.push_back(query.offset);
        rows = Exec(w,
                    "SELECT " + columns + " FROM records r" + where + order + " LIMIT $" +
                        std::to_string(pp.size() - 1) + " OFFSET $" + std::to_string(pp.size()),
                    pp);
      } else {
        std::vector<std::string> titled, others;  // the matches in order
        for (const auto& c : Exec(w,
                                  "SELECT r.id, r.title, " + IndexedBodySql() +
                                      " FROM records r" + where + order,
                                  p)) {
          if (!catalog::MatchesAll(c[1].c_str(), c[2].c_str(), words)) continue;
          const bool in_title = title_first && catalog::MatchesAll(c[1].c_str(), "", words);
          (in_title ? titled : others).push_back(c[0].c_str());
        }
        titled.insert(titled.end(), others.begin(), others.end());
        page.total = static_cast<int64_t>(titled.size());
        for (int64_t i = query.offset; i < page.total && i < int64_t{query.offset} + query.limit; ++i)
          ids.push_back(titled[static_cast<size_t>(i)]);
        rows = Exec(w, "SELECT " + columns + " FROM records r WHERE r.id = ANY($1::bigint[])",
                    {ArrayLiteral(ids)});
      }
      w.commit();
      std::vector<pqxx::row> ordered(rows.begin(), rows.end());
      if (!exact) {  // the page in the order of `ids`
        std::map<int64_t, size_t> rank;
        for (size_t i = 0; i < ids.size(); ++i) rank[std::stoll(ids[i])] = i;
        std::sort(ordered.begin(), ordered.end(), [&](const pqxx::row& a, const pqxx::row& b) {
          return rank[Int(a[0])] < rank[Int(b[0])];
        });
      }
      for (const auto& row : ordered) {
        if (text) {
          page.items.push_back(MarkedHit(ReadRecord(row).record, words, query.with_body));
          continue;
        }
        RecordHit hit{ReadRecord(row).record, "", ""};
        if (!query.with_body) hit.record.body.clear();
        page.items.push_back(std::move(hit));
      }
      return page;
    } catch (const std::exception& e) {
      return pg::Error("search records", e);
    }
  }

  Result<std::vector<RecordRevision>> RecordRevisions(int64_t id) override {
    try {
      pqxx::work w(conn_);
      std::vector<RecordRevision> out;
      for (const auto& q : Exec(w,
                                "SELECT record_id, revision, recorded_at, actor, action, note, "
                                "snapshot FROM record_revisions WHERE record_id = $1 ORDER BY "
                                "revision",
                                {id}))
        out.push_back(
            {Int(q[0]), Int(q[1]), Text(q[2]), Text(q[3]), Text(q[4]), Text(q[5]), Text(q[6])});
      return out;
    } catch (const std::exception& e) {
      return pg::Error("read revisions", e);
    }
  }

  Result<std::vector<ReportRecordRow>> AgencyRecordsForReport(std::string_view agency_id) override {
    try {
      pqxx::work w(conn_);
      std::vector<ReportRecordRow> out;
      for (const auto& q :
           Exec(w,
                "SELECT id, doc_type, published_on, validity, validity_changed_on, formed_on, "
                "category FROM records WHERE agency_id = $1 AND status IN ('published', "
                "'withdrawn') ORDER BY id",
                {agency_id})) {
        ReportRecordRow row;
        row.id = Int(q[0]);
        row.doc_type = catalog::ParseDocType(Text(q[1])).value_or(catalog::DocType::kOther);
        row.published_on = pg::OptDate(q[2]);
        if (!q[3].is_null()) row.validity = catalog::ParseValidity(Text(q[3]));
        row.validity_changed_on = pg::OptDate(q[4]);
        row.formed_on = pg::OptDate(q[5]);
        row.category = Text(q[6]);
        out.push_back(row);
      }
      return out;
    } catch (const std::exception& e) {
      return pg::Error("read records for report", e);
    }
  }

  Result<int64_t> NextRecordSerial(std::string_view agency_id, int year) override {
    try {
      pqxx::work w(conn_);
      auto r = Exec(w,
                    "INSERT INTO record_sequences(agency_id, year, last) VALUES ($1, $2, 1) "
                    "ON CONFLICT(agency_id, year) DO UPDATE SET last = record_sequences.last + 1 "
                    "RETURNING last",
                    {agency_id, year});
      w.commit();
      return Int(r[0][0]);
    } catch (const std::exception& e) {
      return pg::Error("allocate index number", e);
    }
  }

  Result<bool> IndexNoExists(std::string_view agency_id, std::string_view index_no) override {
    try {
      pqxx::work w(conn_);
      return !Exec(w, "SELECT 1 FROM records WHERE agency_id = $1 AND index_no = $2",
                   {agency_id, index_no})
                  .empty();
    } catch (const std::exception& e) {
      return pg::Error("read record", e);
    }
  }

 private:
  static Status Conflict(const Record& r) {
    return Status::Conflict("index number " + r.index_no + " exists for agency " + r.agency_id);
  }

  static void AppendRevision(pqxx::work& w, const Record& r, int64_t revision,
                             const RecordChange& c) {
    Exec(w,
         "INSERT INTO record_revisions(record_id, revision, recorded_at, actor, action, note, "
         "snapshot) VALUES ($1, $2, $3, $4, $5, $6, $7)",
         {r.id, revision, c.now, c.actor, c.action, c.note, catalog::RecordToJson(r)});
  }

  // Writes record `r` over revision expected_revision (kConflict when stale)
  // with its index tokens, and appends the next revision.
  static Status UpdateIn(pqxx::work& w, const Record& r, int64_t expected_revision,
                         const RecordChange& c) {
    std::string indexed_body = r.body;
    if (r.status == catalog::RecordStatus::kPublished) {
      auto b = Exec(w, "SELECT " + std::string(kAttachmentTextSql) + " FROM records r WHERE r.id = $1",
                    {r.id});
      if (!b.empty()) indexed_body = r.body + Text(b[0][0]);
    }
    pg::Params p = DataParams(r);
    const size_t n = p.size();
    auto [tokens, title_tokens] = TokenParams(r, indexed_body);
    p.push_back(expected_revision + 1);
    p.push_back(c.now);
    p.push_back(tokens);
    p.push_back(title_tokens);
    p.push_back(r.id);
    p.push_back(expected_revision);
    auto res = Exec(w,
                    "UPDATE records SET (" + std::string(kDataColumns) +
                        ", revision, updated_at, search_tokens, title_tokens) = (" +
                        Placeholders(1, n + 2) + ", array_to_tsvector($" + std::to_string(n + 3) +
                        "::text[]), array_to_tsvector($" + std::to_string(n + 4) +
                        "::text[])) WHERE id = $" + std::to_string(n + 5) + " AND revision = $" +
                        std::to_string(n + 6),
                    p);
    if (res.affected_rows() == 0)
      return Status::Conflict("record " + std::to_string(r.id) +
                              " was changed by someone else (stale revision)");
    AppendRevision(w, r, expected_revision + 1, c);
    return Status::Ok();
  }

  // Runs `change` and then bumps the record's revision (appending it with
  // `c`) in one transaction; nothing is written when either fails.
  template <typename F>
  Status ChangeParts(int64_t record_id, int64_t expected_revision, const RecordChange& c,
                     F&& change) {
    try {
      pqxx::work w(conn_);
      auto cur = Exec(w,
                      "SELECT " + std::string(kColumns) + " FROM records r WHERE r.id = $1 FOR UPDATE",
                      {record_id});
      if (cur.empty()) return Status::NotFound("no record " + std::to_string(record_id));
      const StoredRecord sr = ReadRecord(cur[0]);
      if (sr.revision != expected_revision)
        return Status::Conflict("record " + std::to_string(record_id) +
                                " was changed by someone else (stale revision)");
      if (Status s = change(w); !s.ok()) return s;
      if (Status s = UpdateIn(w, sr.record, expected_revision, c); !s.ok()) return s;
      w.commit();
      return Status::Ok();
    } catch (const std::exception& e) {
      return pg::Error("change record", e);
    }
  }

  Result<int64_t> InsertIn(pqxx::work& w, const Record& in, const RecordChange& c) {
    if (Exec(w, "SELECT 1 FROM agencies WHERE id = $1", {in.agency_id}).empty())
      return Status::NotFound("unknown agency " + in.agency_id);
    pg::Params p = DataParams(in);
    const size_t n = p.size();
    auto [tokens, title_tokens] = TokenParams(in, in.body);
    p.push_back(c.now);
    p.push_back(c.now);
    p.push_back(tokens);
    p.push_back(title_tokens);
    auto res = Exec(w,
                    "INSERT INTO records(" + std::string(kDataColumns) +
                        ", revision, created_at, updated_at, search_tokens, title_tokens) VALUES (" +
                        Placeholders(1, n) + ", 1, $" + std::to_string(n + 1) + ", $" +
                        std::to_string(n + 2) + ", array_to_tsvector($" + std::to_string(n + 3) +
                        "::text[]), array_to_tsvector($" + std::to_string(n + 4) +
                        "::text[])) RETURNING id",
                    p);
    Record r = in;
    r.id = Int(res[0][0]);
    AppendRevision(w, r, 1, c);
    return r.id;
  }

  pqxx::connection& conn_;
};

}  // namespace

std::unique_ptr<RecordStore> MakePostgresRecordStore(pqxx::connection& conn) {
  return std::make_unique<PostgresRecordStore>(conn);
}

// Tokens of a record for the PostgreSQL index (store_dump.cpp rebuilds them).
std::pair<std::string, std::string> PostgresRecordTokens(std::string_view title,
                                                         std::string_view body) {
  return {ArrayLiteral(DocumentTokens({title, body})), ArrayLiteral(DocumentTokens({title}))};
}

}  // namespace gk::store
