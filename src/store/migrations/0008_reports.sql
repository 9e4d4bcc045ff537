-- 0008: the annual report's own records. The figures themselves are computed
-- from cases and the catalog; these tables keep what staff add (section 二
-- figures from other systems, the narrative of sections 一, 五, 六) and the
-- publication history with its frozen snapshots. All append-only: the latest
-- row wins, earlier ones stay as the history of who changed what.
CREATE TABLE report_figures (
  id         INTEGER PRIMARY KEY,
  agency_id  TEXT NOT NULL REFERENCES agencies(id),
  year       INTEGER NOT NULL,
  row_key    TEXT NOT NULL,
  field_key  TEXT NOT NULL,
  value      INTEGER,          -- counts; money in fen; NULL = blank on purpose
  source     TEXT NOT NULL,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL
);
CREATE INDEX report_figures_by_year ON report_figures(agency_id, year, id);

CREATE TABLE report_texts (
  id        INTEGER PRIMARY KEY,
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  year      INTEGER NOT NULL,
  section   TEXT NOT NULL,     -- 一 | 五 | 六
  body      TEXT NOT NULL,
  saved_by  TEXT NOT NULL,
  saved_at  TEXT NOT NULL
);
CREATE INDEX report_texts_by_year ON report_texts(agency_id, year, section, id);

-- publish (with the frozen report as JSON) or reopen (with the reason).
CREATE TABLE report_actions (
  id        INTEGER PRIMARY KEY,
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  year      INTEGER NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('publish', 'reopen')),
  snapshot  TEXT NOT NULL DEFAULT '',
  reason    TEXT NOT NULL DEFAULT '',
  actor     TEXT NOT NULL,
  at        TEXT NOT NULL
);
CREATE INDEX report_actions_by_year ON report_actions(agency_id, year, id);

CREATE TRIGGER report_figures_no_update BEFORE UPDATE ON report_figures
BEGIN SELECT RAISE(ABORT, 'report figures are append-only'); END;
CREATE TRIGGER report_figures_no_delete BEFORE DELETE ON report_figures
BEGIN SELECT RAISE(ABORT, 'report figures are append-only'); END;
CREATE TRIGGER report_texts_no_update BEFORE UPDATE ON report_texts
BEGIN SELECT RAISE(ABORT, 'report texts are append-only'); END;
CREATE TRIGGER report_texts_no_delete BEFORE DELETE ON report_texts
BEGIN SELECT RAISE(ABORT, 'report texts are append-only'); END;
CREATE TRIGGER report_actions_no_update BEFORE UPDATE ON report_actions
BEGIN SELECT RAISE(ABORT, 'report actions are append-only'); END;
CREATE TRIGGER report_actions_no_delete BEFORE DELETE ON report_actions
BEGIN SELECT RAISE(ABORT, 'report actions are append-only'); END;

-- The report facts of each case, kept with its listing projection (written in
-- the same transaction as its events), so the annual report and the
-- dashboards count from these rows and never replay the event history.
-- facts_version 0: written before this migration; the server recomputes
-- those rows from their events at start.
ALTER TABLE cases ADD COLUMN applicant_col INTEGER;
ALTER TABLE cases ADD COLUMN outcome TEXT;
ALTER TABLE cases ADD COLUMN channel TEXT;
ALTER TABLE cases ADD COLUMN fee_paid_on TEXT;
ALTER TABLE cases ADD COLUMN fee_yuan INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN reply_due_on TEXT;  -- the reply deadline, also once concluded
ALTER TABLE cases ADD COLUMN days_taken INTEGER;  -- working days counted to the conclusion
ALTER TABLE cases ADD COLUMN facts_version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS cases_by_agency ON cases(agency_id, received_on);
-- Reminders: the open cases of an agency by due date, without a scan.
CREATE INDEX IF NOT EXISTS cases_open_by_due ON cases(agency_id, due_on) WHERE concluded_on IS NULL;

-- 行政复议 and 行政诉讼 of each case (section 四), replaced with the case row.
CREATE TABLE case_proceedings (
  case_id       TEXT NOT NULL REFERENCES cases(id),
  kind          TEXT NOT NULL CHECK (kind IN ('review', 'lawsuit')),
  proceeding_id TEXT NOT NULL,
  route         TEXT NOT NULL DEFAULT '',
  filed_on      TEXT NOT NULL,
  decided_on    TEXT,
  result        TEXT,
  PRIMARY KEY (case_id, kind, proceeding_id)
);
