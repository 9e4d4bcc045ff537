-- 0007: the proactive-disclosure catalog (主动公开). `records` holds the current
-- version of each record; `record_revisions` keeps every version (append-only);
-- `records_fts` indexes the published records only (rowid = records.id).
CREATE TABLE records (
  id                  INTEGER PRIMARY KEY,
  agency_id           TEXT NOT NULL REFERENCES agencies(id),
  index_no            TEXT NOT NULL,            -- 索引号, unique per agency
  title               TEXT NOT NULL,
  publisher           TEXT NOT NULL,            -- 发布机构
  formed_on           TEXT,                     -- 成文日期 YYYY-MM-DD
  published_on        TEXT,                     -- 发布日期 YYYY-MM-DD
  doc_no              TEXT NOT NULL DEFAULT '', -- 文号
  doc_type            TEXT NOT NULL DEFAULT '其他'
                        CHECK (doc_type IN ('规章', '行政规范性文件', '其他')),
  category            TEXT NOT NULL,
  topic               TEXT NOT NULL DEFAULT '', -- 组配分类: 主题
  genre               TEXT NOT NULL DEFAULT '', --           体裁
  audience            TEXT NOT NULL DEFAULT '', --           服务对象
  art20_item          INTEGER CHECK (art20_item BETWEEN 1 AND 15),
  validity            TEXT CHECK (validity IN ('有效', '失效', '废止')),
  validity_changed_on TEXT,
  body                TEXT NOT NULL DEFAULT '',
  pinned              INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
  pin_order           INTEGER NOT NULL DEFAULT 0,
  status              TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'withdrawn')),
  revision            INTEGER NOT NULL,         -- number of the latest record_revisions row
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  UNIQUE (agency_id, index_no)
);
-- Listings: newest first, and pinned first then newest (home and agency pages).
CREATE INDEX records_newest ON records(status, published_on, id);
CREATE INDEX records_agency ON records(agency_id, status, published_on);
CREATE INDEX records_pinned ON records(status, pinned DESC, pin_order, published_on DESC, id DESC);
CREATE INDEX records_agency_pinned
  ON records(agency_id, status, pinned DESC, pin_order, published_on DESC, id DESC);

-- Every version of every record, with who did what (起草, 送审, 保密审查, 发布,
-- 撤回, 导入) and why. Never updated or deleted.
CREATE TABLE record_revisions (
  record_id   INTEGER NOT NULL REFERENCES records(id),
  revision    INTEGER NOT NULL,
  recorded_at TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',   -- e.g. the review checklist and decision, a withdrawal reason
  snapshot    TEXT NOT NULL,              -- the record as JSON after this revision
  PRIMARY KEY (record_id, revision)
);
CREATE TRIGGER record_revisions_no_update BEFORE UPDATE ON record_revisions
BEGIN SELECT RAISE(ABORT, 'record_revisions is append-only'); END;
CREATE TRIGGER record_revisions_no_delete BEFORE DELETE ON record_revisions
BEGIN SELECT RAISE(ABORT, 'record_revisions is append-only'); END;

-- Serial numbers of generated 索引号, per agency and year.
CREATE TABLE record_sequences (
  agency_id TEXT NOT NULL,
  year      INTEGER NOT NULL,
  last      INTEGER NOT NULL,
  PRIMARY KEY (agency_id, year)
);

-- Full-text index of published records. The tokenizer `gk_cjk` is registered
-- by the application on every connection (catalog/search.h).
CREATE VIRTUAL TABLE records_fts USING fts5(title, body, tokenize = 'gk_cjk');
