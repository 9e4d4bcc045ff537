-- 0011 (PostgreSQL): attachments and links of catalog records; see
-- ../0011_record_parts.sql. The attachments' text is part of a published
-- record's search_tokens (postgres_records.cpp).
CREATE TABLE record_attachments (
  id         BIGSERIAL PRIMARY KEY,
  record_id  BIGINT NOT NULL REFERENCES records(id),
  filename   TEXT NOT NULL,
  sha256     TEXT NOT NULL REFERENCES documents(sha256),
  media_type TEXT NOT NULL,
  size       BIGINT NOT NULL,
  text       TEXT NOT NULL DEFAULT '',
  added_at   TEXT NOT NULL,
  added_by   TEXT NOT NULL
);
CREATE INDEX record_attachments_record ON record_attachments(record_id, id);

CREATE TABLE record_links (
  record_id BIGINT NOT NULL REFERENCES records(id),
  target_id BIGINT NOT NULL REFERENCES records(id),
  kind      TEXT NOT NULL CHECK (kind IN ('interprets', 'related')),
  added_at  TEXT NOT NULL,
  added_by  TEXT NOT NULL,
  PRIMARY KEY (record_id, target_id, kind),
  CHECK (record_id <> target_id)
);
CREATE INDEX record_links_target ON record_links(target_id);
