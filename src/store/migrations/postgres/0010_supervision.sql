-- 0010 (PostgreSQL): 报送 and external reports; see ../0010_supervision.sql.
CREATE TABLE report_submissions (
  id        BIGSERIAL PRIMARY KEY,
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  year      BIGINT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('submit', 'accept', 'return')),
  note      TEXT NOT NULL DEFAULT '',
  actor     TEXT NOT NULL,
  at        TEXT NOT NULL
);
CREATE INDEX report_submissions_by_year ON report_submissions(agency_id, year, id);
CREATE TRIGGER report_submissions_no_change BEFORE UPDATE OR DELETE ON report_submissions
  FOR EACH ROW EXECUTE FUNCTION gk_append_only('report submissions are append-only');

CREATE TABLE external_reports (
  id          BIGSERIAL PRIMARY KEY,
  filename    TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  agency      TEXT,
  year        BIGINT,
  errors      BIGINT NOT NULL,
  warnings    BIGINT NOT NULL,
  result      TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  scope       TEXT,
  at          TEXT NOT NULL
);
