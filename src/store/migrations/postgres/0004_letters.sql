-- 0004 (PostgreSQL): letter settings and 发文字号; see ../0004_letters.sql.
ALTER TABLE agencies ADD COLUMN review_body TEXT;
ALTER TABLE agencies ADD COLUMN court TEXT;
ALTER TABLE agencies ADD COLUMN letter_prefix TEXT;
ALTER TABLE agencies ADD COLUMN letter_contact TEXT;

CREATE TABLE letter_numbers (
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  year      BIGINT NOT NULL,
  serial    BIGINT NOT NULL,
  case_id   TEXT NOT NULL REFERENCES cases(id),
  seq       BIGINT NOT NULL,
  PRIMARY KEY (case_id, seq),
  UNIQUE (agency_id, year, serial)
);
