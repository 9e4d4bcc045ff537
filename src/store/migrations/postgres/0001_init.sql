-- 0001 (PostgreSQL): agencies and the working-day calendar. Same schema as
-- ../0001_init.sql; dates stay ISO 8601 text so both stores read alike.
CREATE TABLE agencies (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('government', 'department')),
  parent_id   TEXT REFERENCES agencies(id),
  created_at  TEXT NOT NULL
);

CREATE TABLE calendar_days (
  day         TEXT PRIMARY KEY,
  year        BIGINT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('rest', 'work')),
  name        TEXT NOT NULL,
  source      TEXT NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE INDEX calendar_days_year ON calendar_days(year);

CREATE TABLE calendar_years (
  year        BIGINT PRIMARY KEY,
  source      TEXT NOT NULL,
  imported_at TEXT NOT NULL
);

-- Append-only tables refuse UPDATE and DELETE with this trigger function;
-- the message is the trigger's argument.
CREATE FUNCTION gk_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END $$;
