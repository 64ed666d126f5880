/**
 * The BFF's own tables (separate from the sandbox's file): local accounts,
 * sessions (only a SHA-256 of each id is kept), the audit log, (since
 * version 2) the incident events watchdeck records for the timeline, and
 * (since version 3) the names of the integration items watchdeck added
 * (Slack accounts, PagerDuty services, webhooks, custom variables), for the
 * Datadogs that cannot list them, and (since version 4) the service check
 * runs submitted through watchdeck (the newest 1000), and (since version 5)
 * the maintenance windows kept alive until their groups recover. Never a secret.
 * Every statement is IF NOT EXISTS, so an older file gains the new tables
 * when it is opened.
 */
export const STORE_SCHEMA_VERSION = 5;

export const STORE_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS users (
  username      TEXT PRIMARY KEY,
  role          TEXT NOT NULL CHECK (role IN ('viewer', 'responder', 'admin')),
  password_hash TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at    INTEGER NOT NULL,
  last_login_at INTEGER
) STRICT;

CREATE TABLE IF NOT EXISTS sessions (
  id_hash      TEXT PRIMARY KEY,
  username     TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (username);

CREATE TABLE IF NOT EXISTS audit (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  time            INTEGER NOT NULL,
  actor           TEXT NOT NULL,
  role            TEXT,
  action          TEXT NOT NULL,
  target          TEXT NOT NULL,
  outcome         TEXT NOT NULL,
  status          INTEGER NOT NULL,
  upstream_status INTEGER,
  request_id      TEXT NOT NULL,
  detail          TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS audit_by_time ON audit (time);

CREATE TABLE IF NOT EXISTS incident_events (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  incident_id TEXT NOT NULL,
  time        INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  actor       TEXT NOT NULL,
  summary     TEXT NOT NULL,
  detail      TEXT,
  from_value  TEXT,
  to_value    TEXT,
  ref         TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS incident_events_by_incident ON incident_events (incident_id, time);

CREATE TABLE IF NOT EXISTS integration_names (
  kind     TEXT NOT NULL CHECK (kind IN ('slack_account', 'pagerduty_service', 'webhook', 'custom_variable')),
  name     TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  added_by TEXT NOT NULL,
  PRIMARY KEY (kind, name)
) STRICT;

CREATE TABLE IF NOT EXISTS check_submissions (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  check_name   TEXT NOT NULL,
  host_name    TEXT NOT NULL,
  status       INTEGER NOT NULL CHECK (status IN (0, 1, 2, 3)),
  tags         TEXT NOT NULL,
  message      TEXT,
  at           INTEGER NOT NULL,
  submitted_by TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS check_submissions_by_check_host ON check_submissions (check_name, host_name, at);

CREATE TABLE IF NOT EXISTS maintenance_watches (
  window_id  TEXT PRIMARY KEY,
  groups     TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  cap_at     INTEGER
) STRICT;
`;
