-- 0002 (PostgreSQL): the case files; see ../0002_cases.sql. events.id is the
-- position in the hash chain, assigned by the application under an advisory
-- lock so concurrent servers never fork the chain.
ALTER TABLE agencies ADD COLUMN code TEXT;

CREATE TABLE cases (
  id              TEXT PRIMARY KEY,
  agency_id       TEXT NOT NULL REFERENCES agencies(id),
  kind            TEXT NOT NULL,
  version         BIGINT NOT NULL,
  query_code_hash TEXT,
  status          TEXT NOT NULL,
  received_on     TEXT,
  due_on          TEXT,
  concluded_on    TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX cases_agency ON cases(agency_id, received_on);

CREATE TABLE events (
  id          BIGINT PRIMARY KEY,
  case_id     TEXT NOT NULL REFERENCES cases(id),
  seq         BIGINT NOT NULL,
  type        TEXT NOT NULL,
  occurred_on TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  actor       TEXT NOT NULL,
  backfilled  BIGINT NOT NULL DEFAULT 0,
  payload     TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL,
  UNIQUE (case_id, seq)
);
CREATE TRIGGER events_no_change BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION gk_append_only('events are append-only');

CREATE TABLE tracking_sequences (
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  year      BIGINT NOT NULL,
  last      BIGINT NOT NULL,
  PRIMARY KEY (agency_id, year)
);

CREATE TABLE lookup_failures (
  address TEXT NOT NULL,
  at      BIGINT NOT NULL
);
CREATE INDEX lookup_failures_address ON lookup_failures(address, at);
