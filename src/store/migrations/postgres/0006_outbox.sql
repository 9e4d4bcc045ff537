-- 0006 (PostgreSQL): e-mail outbox; see ../0006_outbox.sql.
CREATE TABLE outbox (
  id         BIGSERIAL PRIMARY KEY,
  to_addr    TEXT NOT NULL,
  subject    TEXT NOT NULL,
  body       TEXT NOT NULL,
  case_id    TEXT,
  created_at TEXT NOT NULL,
  sent_at    TEXT,
  attempts   BIGINT NOT NULL DEFAULT 0,
  last_error TEXT
);
CREATE INDEX outbox_pending ON outbox(sent_at, id);
