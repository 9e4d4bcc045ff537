-- 0005: documents uploaded with applications (ID copies, authorisations),
-- content-addressed: the case's receipt event holds each one's SHA-256, so the
-- event hash chain also vouches for the document.
CREATE TABLE documents (
  sha256     TEXT PRIMARY KEY,
  mime       TEXT NOT NULL,
  size       INTEGER NOT NULL,
  content    BLOB NOT NULL,
  created_at TEXT NOT NULL
);
