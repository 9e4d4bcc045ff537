-- 0001: agencies and the working-day calendar added at run time.
CREATE TABLE agencies (
  id          TEXT PRIMARY KEY,           -- short stable id, e.g. weihai-lingang
  name        TEXT NOT NULL,              -- official name as in report titles
  kind        TEXT NOT NULL CHECK (kind IN ('government', 'department')),  -- Art. 49 due date
  parent_id   TEXT REFERENCES agencies(id),
  created_at  TEXT NOT NULL
);

-- Official holiday schedule rows imported with `gongkai calendar import`; they
-- override the calendar compiled into the binary year by year.
CREATE TABLE calendar_days (
  day         TEXT PRIMARY KEY,           -- YYYY-MM-DD
  year        INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('rest', 'work')),
  name        TEXT NOT NULL,
  source      TEXT NOT NULL,              -- file the row came from
  imported_at TEXT NOT NULL
);
CREATE INDEX calendar_days_year ON calendar_days(year);

-- Years present in an import, so a year with no exception days is still covered.
CREATE TABLE calendar_years (
  year        INTEGER PRIMARY KEY,
  source      TEXT NOT NULL,
  imported_at TEXT NOT NULL
);
