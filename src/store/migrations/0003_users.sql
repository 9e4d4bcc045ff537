-- 0003: staff accounts, sessions and sign-in throttling. Sessions and
-- throttling live in the database so several servers behave as one.
CREATE TABLE users (
  username      TEXT PRIMARY KEY,
  agency_id     TEXT REFERENCES agencies(id),  -- NULL: all agencies (supervisor scope top, sysadmin)
  role          TEXT NOT NULL,
  password_hash TEXT NOT NULL,                 -- argon2id encoded
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,                 -- SHA-256 of the cookie value
  username   TEXT NOT NULL REFERENCES users(username),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,                 -- unix seconds
  last_seen  INTEGER NOT NULL,
  address    TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(username);

CREATE TABLE login_failures (
  username TEXT NOT NULL,
  address  TEXT NOT NULL,
  at       INTEGER NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(username, address, at);
