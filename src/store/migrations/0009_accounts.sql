-- 0009: account management and the audit log. Optional TOTP two-factor
-- sign-in (RFC 6238): the base32 secret and the last time step used, so a
-- code works once. Disabled accounts cannot sign in. The audit log records
-- every staff action — who, when, what, from which address — append-only.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,      -- ISO 8601, UTC
  username  TEXT NOT NULL,      -- the staff user, or the name tried at a failed sign-in
  agency_id TEXT,               -- the user's agency (NULL: all agencies)
  address   TEXT NOT NULL,
  action    TEXT NOT NULL,      -- e.g. "POST /admin/applications/LG202600001/events", "sign_in"
  status    INTEGER NOT NULL,   -- HTTP status of the answer
  detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_agency ON audit_log(agency_id, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Reminders: a staff member's e-mail address (optional) for the daily digest
-- of what falls due, and the digests already queued (one per user and day).
ALTER TABLE users ADD COLUMN email TEXT;
CREATE TABLE digests_sent (
  username TEXT NOT NULL,
  day      TEXT NOT NULL,
  PRIMARY KEY (username, day)
);
