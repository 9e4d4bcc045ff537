// The catalog part of the Store (主动公开 records): reached through
// Store::records(). Every write is one durable transaction and appends a
// revision; only published records are in the full-text index, so public
// listings and searches never see drafts or withdrawn records.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/record.h"
#include "core/status.h"

namespace gk::store {

// Who changes a record, when, and why (kept in record_revisions).
struct RecordChange {
  std::string actor;  // username, or "import"
  std::string
      action;  // import | create | edit | submit | approve | reject | publish | withdraw | …
  std::string note;  // checklist and decision, reason of a withdrawal, …
  std::string now;   // ISO 8601 UTC
};

struct StoredRecord {
  catalog::Record record;
  int64_t revision = 0;
  std::string created_at, updated_at;
};

struct RecordRevision {
  int64_t record_id = 0;
  int64_t revision = 0;
  std::string recorded_at, actor, action, note;
  std::string snapshot;  // catalog::RecordToJson of the record after the change
};

enum class RecordOrder {
  kRelevance,         // see RecordQuery::ranked_up_to; newest without a text condition
  kNewest,            // published_on desc, id desc
  kPinnedThenNewest,  // pinned first (pin_order asc), then newest
};

inline constexpr int64_t kRankedUpTo = 1000;

struct RecordQuery {
  std::string fts;  // catalog::BuildQuery(…).fts; "" = no text condition
  std::optional<std::string> agency_id;
  std::optional<std::string> category;
  std::optional<int> year;  // of published_on
  std::optional<catalog::Validity> validity;
  // Published records only unless `status` is set (staff lists; then no
  // text condition is allowed: the index holds published records only).
  std::optional<catalog::RecordStatus> status;
  RecordOrder order = RecordOrder::kNewest;
  // Relevance with a text condition: up to this many matches SQLite ranks
  // them by bm25; above it (and always on PostgreSQL, which has no bm25)
  // records whose title holds every word come first, then the rest, each
  // newest first. Ranking every match of a broad query is most of its cost
  // (docs/performance.md); a broad query's reader wants the newest anyway.
  int64_t ranked_up_to = kRankedUpTo;
  int limit = 20;
  int offset = 0;
  bool with_body = true;  // false: Record::body is left empty (listings, sitemap)
};

// Snippets mark each match with \x01 … \x02 (HTML-escape, then replace).
inline constexpr char kHitBegin = '\x01';
inline constexpr char kHitEnd = '\x02';

struct RecordHit {
  catalog::Record record;
  std::string title_snippet;  // the whole title, matches marked ("" without a text condition)
  std::string body_snippet;
};

// A search hit of `record` for `words`: title and body snippet marked the
// same way on both stores; the body dropped unless with_body.
RecordHit MarkedHit(catalog::Record record, const std::vector<std::string>& words,
                    bool with_body);

struct RecordPage {
  int64_t total = 0;  // all matches, not just this page
  std::vector<RecordHit> items;
};

// What the annual report's section 二 (一)项 needs of an agency's 规章 and
// 行政规范性文件: 本年制发 = published_on in the year; 本年废止 =
// validity 废止 with validity_changed_on in the year; 现行有效 = validity
// 有效 (or none) at year end. Published and withdrawn records, all doc types.
struct ReportRecordRow {
  int64_t id = 0;
  catalog::DocType doc_type = catalog::DocType::kOther;
  std::optional<Date> formed_on;  // 成文日期
  std::optional<Date> published_on;
  std::optional<catalog::Validity> validity;
  std::optional<Date> validity_changed_on;
  std::string category;
};

// A file attached to a record (migration 0011). The content is a document
// (Store::PutDocument) found by its SHA-256; `text` is what search indexes.
struct AttachmentRow {
  int64_t id = 0;
  int64_t record_id = 0;
  std::string filename, sha256, media_type;
  int64_t size = 0;
  std::string text;  // extracted text ("" for images and scans; left empty by listings)
  std::string added_at, added_by;
};

// A link from one record to another (migration 0011); see catalog::LinkKind.
struct RecordLinkRow {
  int64_t record_id = 0;  // the record that holds the link
  int64_t target_id = 0;
  std::string kind;  // interprets | related
  std::string added_at, added_by;
};

class RecordStore {
 public:
  virtual ~RecordStore() = default;

  // Inserts all `records` (revision 1 each, action from `change`) in one
  // transaction, or none: on failure nothing is written and *failed_at (when
  // given) is the position of the offending record (kConflict: its index_no
  // exists for its agency; kNotFound: unknown agency). Returns the count.
  virtual Result<int64_t> ImportRecords(std::span<const catalog::Record> records,
                                        const RecordChange& change, size_t* failed_at) = 0;
  // Creates one record (usually a draft); returns its id.
  virtual Result<int64_t> CreateRecord(const catalog::Record& record,
                                       const RecordChange& change) = 0;
  // Replaces record `record.id` when its stored revision is expected_revision
  // (else kConflict, nothing written) and appends the next revision.
  virtual Status UpdateRecord(const catalog::Record& record, int64_t expected_revision,
                              const RecordChange& change) = 0;
  virtual Result<std::optional<StoredRecord>> GetRecord(int64_t id) = 0;
  virtual Result<RecordPage> SearchRecords(const RecordQuery& query) = 0;
  virtual Result<std::vector<RecordRevision>> RecordRevisions(int64_t id) = 0;
  // Every published or withdrawn record of the agency, by id (see ReportRecordRow).
  virtual Result<std::vector<ReportRecordRow>> AgencyRecordsForReport(
      std::string_view agency_id) = 0;
  // Next 索引号 serial of `agency_id` in `year` (1, 2, …), durably.
  virtual Result<int64_t> NextRecordSerial(std::string_view agency_id, int year) = 0;
  // Compacts the search index after a bulk load (SQLite: FTS5 "optimize",
  // one segment instead of one per batch; PostgreSQL: ANALYZE of the table).
  // Searches work without it and are faster after it (docs/performance.md);
  // writers wait while it runs.
  virtual Status OptimizeSearchIndex() = 0;
  // Whether the agency already has a record with this index number.
  virtual Result<bool> IndexNoExists(std::string_view agency_id, std::string_view index_no) = 0;
  // The record id of an agency's index number, if any.
  virtual Result<std::optional<int64_t>> RecordIdByIndexNo(std::string_view agency_id,
                                                           std::string_view index_no) = 0;

  // Attachments and links change a record like an edit: when its stored
  // revision is expected_revision (else kConflict, nothing written), the next
  // revision is appended with `change` (whose note says what changed) and a
  // published record's index entry is rebuilt (its attachments' text is
  // searched with the body). Returns the new attachment's id.
  virtual Result<int64_t> AddAttachment(const AttachmentRow& row, int64_t expected_revision,
                                        const RecordChange& change) = 0;
  // kNotFound when the record has no such attachment.
  virtual Status RemoveAttachment(int64_t record_id, int64_t attachment_id,
                                  int64_t expected_revision, const RecordChange& change) = 0;
  // The record's attachments in the order added, `text` left empty.
  virtual Result<std::vector<AttachmentRow>> RecordAttachments(int64_t record_id) = 0;
  // kConflict when the same link exists.
  virtual Status AddRecordLink(const RecordLinkRow& row, int64_t expected_revision,
                               const RecordChange& change) = 0;
  virtual Status RemoveRecordLink(const RecordLinkRow& row, int64_t expected_revision,
                                  const RecordChange& change) = 0;
  // Links held by the record and links to it from other records, oldest first.
  virtual Result<std::vector<RecordLinkRow>> RecordLinks(int64_t record_id) = 0;
};

}  // namespace gk::store
