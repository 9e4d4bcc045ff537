-- 0002: the case files. `events` is the legal record: append-only (triggers
-- refuse UPDATE and DELETE) and hash-chained in insertion order. `cases` holds
-- a projection of each case's events for listing; `gongkai verify` recomputes it.
ALTER TABLE agencies ADD COLUMN code TEXT;  -- short upper-case prefix of tracking numbers

CREATE TABLE cases (
  id              TEXT PRIMARY KEY,        -- tracking number
  agency_id       TEXT NOT NULL REFERENCES agencies(id),
  kind            TEXT NOT NULL,           -- application | assistance
  version         INTEGER NOT NULL,        -- number of events
  query_code_hash TEXT,                    -- SHA-256 of the applicant's query code
  status          TEXT NOT NULL,
  received_on     TEXT,
  due_on          TEXT,
  concluded_on    TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX cases_agency ON cases(agency_id, received_on);

CREATE TABLE events (
  id          INTEGER PRIMARY KEY,         -- position in the hash chain
  case_id     TEXT NOT NULL REFERENCES cases(id),
  seq         INTEGER NOT NULL,            -- the case version this event creates
  type        TEXT NOT NULL,
  occurred_on TEXT NOT NULL,               -- legal date of the act
  recorded_at TEXT NOT NULL,
  actor       TEXT NOT NULL,
  backfilled  INTEGER NOT NULL DEFAULT 0,  -- 补录: entered afterwards
  payload     TEXT NOT NULL,               -- UTF-8 JSON
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL,
  UNIQUE (case_id, seq)
);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- Serial numbers of tracking numbers, per agency and year.
CREATE TABLE tracking_sequences (
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  year      INTEGER NOT NULL,
  last      INTEGER NOT NULL,
  PRIMARY KEY (agency_id, year)
);

-- Failed query-code lookups, for throttling (interface.md: 10 per address per 15 minutes).
CREATE TABLE lookup_failures (
  address TEXT NOT NULL,
  at      INTEGER NOT NULL                 -- unix seconds
);
CREATE INDEX lookup_failures_address ON lookup_failures(address, at);
