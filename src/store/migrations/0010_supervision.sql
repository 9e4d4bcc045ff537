-- 0010: the supervising office's records. 报送 (Art. 49): an agency submits
-- its published annual report, the supervisor accepts it or returns it with
-- findings, the agency resubmits — append-only, the latest row is the state.
-- Reports published outside Gongkai, uploaded by the supervisor (the file is
-- kept in `documents` by its SHA-256) with the result of the check.
CREATE TABLE report_submissions (
  id        INTEGER PRIMARY KEY,
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  year      INTEGER NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('submit', 'accept', 'return')),
  note      TEXT NOT NULL DEFAULT '',
  actor     TEXT NOT NULL,
  at        TEXT NOT NULL
);
CREATE INDEX report_submissions_by_year ON report_submissions(agency_id, year, id);
CREATE TRIGGER report_submissions_no_update BEFORE UPDATE ON report_submissions
BEGIN SELECT RAISE(ABORT, 'report submissions are append-only'); END;
CREATE TRIGGER report_submissions_no_delete BEFORE DELETE ON report_submissions
BEGIN SELECT RAISE(ABORT, 'report submissions are append-only'); END;

CREATE TABLE external_reports (
  id          INTEGER PRIMARY KEY,
  filename    TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  agency      TEXT,            -- as the report names it
  year        INTEGER,
  errors      INTEGER NOT NULL,
  warnings    INTEGER NOT NULL,
  result      TEXT NOT NULL,   -- the check result (JSON, as `check --json`)
  uploaded_by TEXT NOT NULL,
  scope       TEXT,            -- the uploader's agency scope (NULL: all)
  at          TEXT NOT NULL
);
