-- 0004: what an agency's letters need (复议机关, 管辖法院, 发文机关代字, contact)
-- and the 发文字号 given to each letter, so a letter keeps its number.
ALTER TABLE agencies ADD COLUMN review_body TEXT;
ALTER TABLE agencies ADD COLUMN court TEXT;
ALTER TABLE agencies ADD COLUMN letter_prefix TEXT;
ALTER TABLE agencies ADD COLUMN letter_contact TEXT;

CREATE TABLE letter_numbers (
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  year      INTEGER NOT NULL,
  serial    INTEGER NOT NULL,
  case_id   TEXT NOT NULL REFERENCES cases(id),
  seq       INTEGER NOT NULL,            -- the event the letter belongs to
  PRIMARY KEY (case_id, seq),
  UNIQUE (agency_id, year, serial)
);
