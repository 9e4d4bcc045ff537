-- 0009 (PostgreSQL): TOTP, disabled accounts, the audit log and digests; see
-- ../0009_accounts.sql.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN disabled BIGINT NOT NULL DEFAULT 0;

CREATE TABLE audit_log (
  id        BIGSERIAL PRIMARY KEY,
  at        TEXT NOT NULL,
  username  TEXT NOT NULL,
  agency_id TEXT,
  address   TEXT NOT NULL,
  action    TEXT NOT NULL,
  status    BIGINT NOT NULL,
  detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_agency ON audit_log(agency_id, id);
CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION gk_append_only('the audit log is append-only');

ALTER TABLE users ADD COLUMN email TEXT;
CREATE TABLE digests_sent (
  username TEXT NOT NULL,
  day      TEXT NOT NULL,
  PRIMARY KEY (username, day)
);
