-- 0011: what a catalog record carries besides its fields. Attachments point
-- at content-addressed documents (0005) and keep the text extracted for
-- search; links join a 政策解读 to the document it explains, and related
-- documents. Each change also appends a record revision (0007) naming it.
CREATE TABLE record_attachments (
  id         INTEGER PRIMARY KEY,
  record_id  INTEGER NOT NULL REFERENCES records(id),
  filename   TEXT NOT NULL,
  sha256     TEXT NOT NULL REFERENCES documents(sha256),
  media_type TEXT NOT NULL,
  size       INTEGER NOT NULL,
  text       TEXT NOT NULL DEFAULT '',
  added_at   TEXT NOT NULL,
  added_by   TEXT NOT NULL
);
CREATE INDEX record_attachments_record ON record_attachments(record_id, id);

CREATE TABLE record_links (
  record_id INTEGER NOT NULL REFERENCES records(id),
  target_id INTEGER NOT NULL REFERENCES records(id),
  kind      TEXT NOT NULL CHECK (kind IN ('interprets', 'related')),
  added_at  TEXT NOT NULL,
  added_by  TEXT NOT NULL,
  PRIMARY KEY (record_id, target_id, kind),
  CHECK (record_id <> target_id)
);
CREATE INDEX record_links_target ON record_links(target_id);
