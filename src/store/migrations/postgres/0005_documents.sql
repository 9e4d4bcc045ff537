-- 0005 (PostgreSQL): uploaded documents by SHA-256; see ../0005_documents.sql.
CREATE TABLE documents (
  sha256     TEXT PRIMARY KEY,
  mime       TEXT NOT NULL,
  size       BIGINT NOT NULL,
  content    BYTEA NOT NULL,
  created_at TEXT NOT NULL
);
