-- 0007 (PostgreSQL): the proactive-disclosure catalog; see ../0007_records.sql.
-- Instead of an FTS5 table, published records carry their unigram+bigram
-- tokens (catalog/search.h, computed by the application) in `search_tokens`
-- (title and body, GIN-indexed) and `title_tokens` (title only, for the
-- title-first relevance order). Both are NULL unless the record is published.
CREATE TABLE records (
  id                  BIGSERIAL PRIMARY KEY,
  agency_id           TEXT NOT NULL REFERENCES agencies(id),
  index_no            TEXT NOT NULL,
  title               TEXT NOT NULL,
  publisher           TEXT NOT NULL,
  formed_on           TEXT,
  published_on        TEXT,
  doc_no              TEXT NOT NULL DEFAULT '',
  doc_type            TEXT NOT NULL DEFAULT '其他'
                        CHECK (doc_type IN ('规章', '行政规范性文件', '其他')),
  category            TEXT NOT NULL,
  topic               TEXT NOT NULL DEFAULT '',
  genre               TEXT NOT NULL DEFAULT '',
  audience            TEXT NOT NULL DEFAULT '',
  art20_item          BIGINT CHECK (art20_item BETWEEN 1 AND 15),
  validity            TEXT CHECK (validity IN ('有效', '失效', '废止')),
  validity_changed_on TEXT,
  body                TEXT NOT NULL DEFAULT '',
  pinned              BIGINT NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
  pin_order           BIGINT NOT NULL DEFAULT 0,
  status              TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'withdrawn')),
  revision            BIGINT NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  search_tokens       TSVECTOR,
  title_tokens        TSVECTOR,
  UNIQUE (agency_id, index_no)
);
CREATE INDEX records_newest ON records(status, published_on, id);
CREATE INDEX records_agency ON records(agency_id, status, published_on);
CREATE INDEX records_pinned ON records(status, pinned DESC, pin_order, published_on DESC, id DESC);
CREATE INDEX records_agency_pinned
  ON records(agency_id, status, pinned DESC, pin_order, published_on DESC, id DESC);
CREATE INDEX records_search ON records USING GIN (search_tokens);

CREATE TABLE record_revisions (
  record_id   BIGINT NOT NULL REFERENCES records(id),
  revision    BIGINT NOT NULL,
  recorded_at TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  snapshot    TEXT NOT NULL,
  PRIMARY KEY (record_id, revision)
);
CREATE TRIGGER record_revisions_no_change BEFORE UPDATE OR DELETE ON record_revisions
  FOR EACH ROW EXECUTE FUNCTION gk_append_only('record_revisions is append-only');

CREATE TABLE record_sequences (
  agency_id TEXT NOT NULL,
  year      BIGINT NOT NULL,
  last      BIGINT NOT NULL,
  PRIMARY KEY (agency_id, year)
);
