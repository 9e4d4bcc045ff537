-- 0012 (PostgreSQL): public interaction (政民互动); see ../0012_interaction.sql.
-- Dates are YYYY-MM-DD text, times ISO 8601 text; booleans are 0/1 integers.
CREATE TABLE interaction_settings (
  agency_id   TEXT PRIMARY KEY REFERENCES agencies(id),
  answer_days BIGINT NOT NULL CHECK (answer_days BETWEEN 1 AND 60)
);

-- Message numbers: the next serial of an agency in a year (postgres_interaction.cpp
-- takes it with INSERT … ON CONFLICT DO UPDATE … RETURNING).
CREATE TABLE message_sequences (
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  year      BIGINT NOT NULL,
  last      BIGINT NOT NULL,
  PRIMARY KEY (agency_id, year)
);

CREATE TABLE messages (
  id              BIGSERIAL PRIMARY KEY,
  message_no      TEXT NOT NULL UNIQUE,
  agency_id       TEXT NOT NULL REFERENCES agencies(id),
  name            TEXT NOT NULL,
  phone           TEXT NOT NULL,
  title           TEXT NOT NULL,
  body            TEXT NOT NULL,
  public_ok       BIGINT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('held', 'open', 'answered', 'dismissed')),
  hold_reason     TEXT NOT NULL DEFAULT '',
  received_on     TEXT NOT NULL,
  due_on          TEXT NOT NULL,
  assignee        TEXT NOT NULL DEFAULT '',
  answer          TEXT NOT NULL DEFAULT '',
  answered_on     TEXT,
  answered_by     TEXT NOT NULL DEFAULT '',
  answer_public   BIGINT NOT NULL DEFAULT 0,
  query_code_hash TEXT NOT NULL,
  created_at      TEXT NOT NULL
);
CREATE INDEX messages_by_agency ON messages(agency_id, received_on);
CREATE INDEX messages_published ON messages(status, answer_public, answered_on);

CREATE TABLE consultations (
  id          BIGSERIAL PRIMARY KEY,
  agency_id   TEXT NOT NULL REFERENCES agencies(id),
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  opens_on    TEXT NOT NULL,
  closes_on   TEXT NOT NULL,
  closed      BIGINT NOT NULL DEFAULT 0,
  feedback    TEXT NOT NULL DEFAULT '',
  feedback_on TEXT,
  record_id   BIGINT REFERENCES records(id),
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX consultations_by_agency ON consultations(agency_id, opens_on);

CREATE TABLE interaction_events (
  id             BIGSERIAL PRIMARY KEY,
  agency_id      TEXT NOT NULL REFERENCES agencies(id),
  kind           TEXT NOT NULL CHECK (kind IN ('interview', 'press', 'open_day')),
  title          TEXT NOT NULL,
  guests         TEXT NOT NULL DEFAULT '',
  transcript     TEXT NOT NULL DEFAULT '',
  held_on        TEXT NOT NULL,
  questions_open BIGINT NOT NULL DEFAULT 0,
  created_by     TEXT NOT NULL,
  created_at     TEXT NOT NULL
);
CREATE INDEX interaction_events_by_agency ON interaction_events(agency_id, held_on);

-- The records an interview or press conference explains (解读).
CREATE TABLE interaction_event_records (
  event_id  BIGINT NOT NULL REFERENCES interaction_events(id),
  record_id BIGINT NOT NULL REFERENCES records(id),
  PRIMARY KEY (event_id, record_id)
);

-- Comments on consultations (kind 'consultation') and questions to events
-- (kind 'event'), moderated before they are shown.
CREATE TABLE interaction_comments (
  id          BIGSERIAL PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('consultation', 'event')),
  parent_id   BIGINT NOT NULL,
  name        TEXT NOT NULL DEFAULT '',
  body        TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  answer      TEXT NOT NULL DEFAULT '',
  received_on TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX interaction_comments_by_parent ON interaction_comments(kind, parent_id, id);

CREATE TABLE media_accounts (
  id        BIGSERIAL PRIMARY KEY,
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  platform  TEXT NOT NULL,
  name      TEXT NOT NULL,
  owner     TEXT NOT NULL DEFAULT '',
  UNIQUE (agency_id, name)
);

CREATE TABLE media_figures (
  account_id BIGINT NOT NULL REFERENCES media_accounts(id),
  year       BIGINT NOT NULL,
  month      BIGINT NOT NULL CHECK (month BETWEEN 1 AND 12),
  posts      BIGINT NOT NULL CHECK (posts >= 0),
  followers  BIGINT NOT NULL CHECK (followers >= 0),
  PRIMARY KEY (account_id, year, month)
);

CREATE TABLE trainings (
  id        BIGSERIAL PRIMARY KEY,
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  title     TEXT NOT NULL,
  held_on   TEXT NOT NULL,
  attendees BIGINT NOT NULL CHECK (attendees >= 0)
);
CREATE INDEX trainings_by_agency ON trainings(agency_id, held_on);

-- What the public posted from each address (unix seconds): the rate limit of
-- messages, comments and questions. Rows older than a day are deleted.
CREATE TABLE interaction_posts (
  address TEXT NOT NULL,
  at      BIGINT NOT NULL
);
CREATE INDEX interaction_posts_by_address ON interaction_posts(address, at);
CREATE INDEX interaction_posts_by_time ON interaction_posts(at);
