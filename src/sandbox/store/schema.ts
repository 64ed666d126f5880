/**
 * The sandbox's SQLite schema. Timestamps ending in `_us` are epoch
 * microseconds (Datadog prints microseconds); `_ts` columns are epoch seconds
 * (what Datadog's group states carry). JSON columns hold arrays or objects.
 */
export const SCHEMA_VERSION = 1;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  name TEXT,
  handle TEXT NOT NULL,
  email TEXT NOT NULL,
  title TEXT,
  created_us INTEGER NOT NULL,
  modified_us INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS monitors (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id INTEGER NOT NULL,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  message TEXT NOT NULL,
  query TEXT NOT NULL,
  tags TEXT NOT NULL,
  options TEXT NOT NULL,
  multi INTEGER NOT NULL,
  priority INTEGER,
  restricted_roles TEXT,
  draft_status TEXT NOT NULL,
  creator_id INTEGER NOT NULL,
  created_us INTEGER NOT NULL,
  modified_us INTEGER NOT NULL,
  overall_state_modified_us INTEGER
);

CREATE TABLE IF NOT EXISTS monitor_groups (
  monitor_id INTEGER NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  last_triggered_ts INTEGER NOT NULL DEFAULT 0,
  last_notified_ts INTEGER NOT NULL DEFAULT 0,
  last_resolved_ts INTEGER NOT NULL DEFAULT 0,
  last_nodata_ts INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (monitor_id, name)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS downtimes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  monitor_id INTEGER,
  monitor_tags TEXT,
  scope TEXT NOT NULL,
  start_us INTEGER NOT NULL,
  end_us INTEGER,
  message TEXT,
  display_timezone TEXT NOT NULL,
  notify_end_states TEXT NOT NULL,
  notify_end_types TEXT NOT NULL,
  mute_first_recovery_notification INTEGER NOT NULL,
  canceled_us INTEGER,
  created_us INTEGER NOT NULL,
  modified_us INTEGER NOT NULL,
  created_by INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS downtimes_monitor ON downtimes(monitor_id);
`;

/** Tables in the order reset() empties them (children first). */
export const TABLES = ['downtimes', 'monitor_groups', 'monitors', 'users', 'meta'] as const;
