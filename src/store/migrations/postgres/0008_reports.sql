-- 0008 (PostgreSQL): the annual report's own records and the case report
-- facts; see ../0008_reports.sql.
CREATE TABLE report_figures (
  id         BIGSERIAL PRIMARY KEY,
  agency_id  TEXT NOT NULL REFERENCES agencies(id),
  year       BIGINT NOT NULL,
  row_key    TEXT NOT NULL,
  field_key  TEXT NOT NULL,
  value      BIGINT,
  source     TEXT NOT NULL,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL
);
CREATE INDEX report_figures_by_year ON report_figures(agency_id, year, id);

CREATE TABLE report_texts (
  id        BIGSERIAL PRIMARY KEY,
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  year      BIGINT NOT NULL,
  section   TEXT NOT NULL,
  body      TEXT NOT NULL,
  saved_by  TEXT NOT NULL,
  saved_at  TEXT NOT NULL
);
CREATE INDEX report_texts_by_year ON report_texts(agency_id, year, section, id);

CREATE TABLE report_actions (
  id        BIGSERIAL PRIMARY KEY,
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  year      BIGINT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('publish', 'reopen')),
  snapshot  TEXT NOT NULL DEFAULT '',
  reason    TEXT NOT NULL DEFAULT '',
  actor     TEXT NOT NULL,
  at        TEXT NOT NULL
);
CREATE INDEX report_actions_by_year ON report_actions(agency_id, year, id);

CREATE TRIGGER report_figures_no_change BEFORE UPDATE OR DELETE ON report_figures
  FOR EACH ROW EXECUTE FUNCTION gk_append_only('report figures are append-only');
CREATE TRIGGER report_texts_no_change BEFORE UPDATE OR DELETE ON report_texts
  FOR EACH ROW EXECUTE FUNCTION gk_append_only('report texts are append-only');
CREATE TRIGGER report_actions_no_change BEFORE UPDATE OR DELETE ON report_actions
  FOR EACH ROW EXECUTE FUNCTION gk_append_only('report actions are append-only');

ALTER TABLE cases ADD COLUMN applicant_col BIGINT;
ALTER TABLE cases ADD COLUMN outcome TEXT;
ALTER TABLE cases ADD COLUMN channel TEXT;
ALTER TABLE cases ADD COLUMN fee_paid_on TEXT;
ALTER TABLE cases ADD COLUMN fee_yuan BIGINT NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN reply_due_on TEXT;
ALTER TABLE cases ADD COLUMN days_taken BIGINT;
ALTER TABLE cases ADD COLUMN facts_version BIGINT NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS cases_by_agency ON cases(agency_id, received_on);
CREATE INDEX IF NOT EXISTS cases_open_by_due ON cases(agency_id, due_on) WHERE concluded_on IS NULL;

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
