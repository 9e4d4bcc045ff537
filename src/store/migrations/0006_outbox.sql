-- 0006: e-mail notices to applicants, queued durably and sent by the server's
-- mailer when an SMTP server is configured.
CREATE TABLE outbox (
  id         INTEGER PRIMARY KEY,
  to_addr    TEXT NOT NULL,
  subject    TEXT NOT NULL,
  body       TEXT NOT NULL,
  case_id    TEXT,
  created_at TEXT NOT NULL,
  sent_at    TEXT,
  attempts   INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);
CREATE INDEX outbox_pending ON outbox(sent_at, id);
