-- 0003 (PostgreSQL): staff accounts, sessions and sign-in throttling; see
-- ../0003_users.sql. In the database so several servers behave as one.
CREATE TABLE users (
  username      TEXT PRIMARY KEY,
  agency_id     TEXT REFERENCES agencies(id),
  role          TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  username   TEXT NOT NULL REFERENCES users(username),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen  BIGINT NOT NULL,
  address    TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(username);

CREATE TABLE login_failures (
  username TEXT NOT NULL,
  address  TEXT NOT NULL,
  at       BIGINT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(username, address, at);
