/**
 * The sandbox's SQLite schema. Timestamps ending in `_us` are epoch
 * microseconds (Datadog prints microseconds); `_ts` columns are epoch seconds
 * (what Datadog's group states carry). JSON columns hold arrays or objects.
 */
/**
 * 2 added teams, memberships, incidents, todos and transitions; 3 added the Datadog and Atlas integrations;
 * 4 added service check runs, group transitions and the notification log; 5 added recurring downtimes
 * (`downtimes.recurrences`, `timezone`), what the engine has handled of their ends (`end_handled_us`)
 * and `downtime_recovery_mutes`; 6 (issue 8, 10,000 monitors) added indexes only: `monitors_type` and
 * `downtimes_live` (CREATE INDEX IF NOT EXISTS builds them on an older file when it is opened).
 * Columns added to an existing table are in SCHEMA_COLUMN_UPGRADES.
 */
export const SCHEMA_VERSION = 6;

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
-- Schema 6: composite lookups (every delete and can_delete) read only the composites, not 10,000 monitors.
CREATE INDEX IF NOT EXISTS monitors_type ON monitors(type);

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
  created_by INTEGER NOT NULL,
  recurrences TEXT,
  timezone TEXT,
  end_handled_us INTEGER
);
CREATE INDEX IF NOT EXISTS downtimes_monitor ON downtimes(monitor_id);
-- Schema 6: every monitor list and group search loads the live downtimes; after bulk mutes most rows are canceled.
CREATE INDEX IF NOT EXISTS downtimes_live ON downtimes(canceled_us, end_us);

CREATE TABLE IF NOT EXISTS teams (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  handle TEXT NOT NULL,
  summary TEXT,
  description TEXT,
  avatar TEXT,
  banner INTEGER,
  visible_modules TEXT,
  hidden_modules TEXT,
  created_us INTEGER NOT NULL,
  modified_us INTEGER NOT NULL,
  created_by INTEGER NOT NULL,
  modified_by INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS teams_name ON teams(name COLLATE NOCASE);
CREATE UNIQUE INDEX IF NOT EXISTS teams_handle ON teams(handle COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS team_memberships (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT,
  created_us INTEGER NOT NULL,
  UNIQUE (team_id, user_id)
);

CREATE TABLE IF NOT EXISTS incidents (
  public_id INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  state TEXT NOT NULL,
  severity TEXT NOT NULL,
  fields TEXT NOT NULL,
  customer_impacted INTEGER NOT NULL,
  customer_impact_scope TEXT,
  customer_impact_start_us INTEGER,
  customer_impact_end_us INTEGER,
  detected_us INTEGER NOT NULL,
  resolved_us INTEGER,
  declared_us INTEGER NOT NULL,
  created_us INTEGER NOT NULL,
  modified_us INTEGER NOT NULL,
  notification_handles TEXT,
  initial_cells TEXT,
  is_test INTEGER NOT NULL,
  incident_type_uuid TEXT NOT NULL,
  commander_id INTEGER,
  created_by INTEGER NOT NULL,
  modified_by INTEGER NOT NULL,
  declared_by INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS incident_todos (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  content TEXT NOT NULL,
  assignees TEXT NOT NULL,
  due_us INTEGER,
  completed_us INTEGER,
  created_us INTEGER NOT NULL,
  modified_us INTEGER NOT NULL,
  created_by INTEGER NOT NULL,
  modified_by INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS incident_todos_incident ON incident_todos(incident_id);

CREATE TABLE IF NOT EXISTS incident_transitions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  from_value TEXT,
  to_value TEXT NOT NULL,
  at_us INTEGER NOT NULL,
  user_id INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS incident_transitions_incident ON incident_transitions(incident_id);

-- Datadog integrations (issue 5). config/display/schedules are JSON; secrets are stored plain and never read back.
CREATE TABLE IF NOT EXISTS dd_aws_accounts (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id TEXT NOT NULL UNIQUE,
  role_name TEXT NOT NULL,
  external_id TEXT NOT NULL,
  config TEXT NOT NULL,
  created_us INTEGER NOT NULL,
  modified_us INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS dd_slack_accounts (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  service_hook_url TEXT,
  created_us INTEGER NOT NULL,
  modified_us INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS dd_slack_channels (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  account TEXT NOT NULL REFERENCES dd_slack_accounts(name) ON DELETE CASCADE,
  name TEXT NOT NULL,
  display TEXT NOT NULL,
  transfer_all_user_comments INTEGER NOT NULL,
  created_us INTEGER NOT NULL,
  modified_us INTEGER NOT NULL,
  UNIQUE (account, name)
);

CREATE TABLE IF NOT EXISTS dd_pagerduty_services (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  service_name TEXT NOT NULL UNIQUE,
  service_key TEXT NOT NULL,
  created_us INTEGER NOT NULL,
  modified_us INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS dd_pagerduty_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  subdomain TEXT,
  schedules TEXT NOT NULL,
  api_token TEXT,
  modified_us INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS dd_webhooks (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  payload TEXT,
  custom_headers TEXT,
  encode_as TEXT NOT NULL,
  created_us INTEGER NOT NULL,
  modified_us INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS dd_webhook_custom_variables (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  value TEXT NOT NULL,
  is_secret INTEGER NOT NULL,
  created_us INTEGER NOT NULL,
  modified_us INTEGER NOT NULL
);

-- Atlas (issue 5): projects (groups) and one integration per type per project; field_values is a JSON object.
CREATE TABLE IF NOT EXISTS atlas_projects (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  org_id TEXT NOT NULL,
  cluster_count INTEGER NOT NULL,
  created_us INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS atlas_integrations (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  project_id TEXT NOT NULL REFERENCES atlas_projects(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  field_values TEXT NOT NULL,
  created_us INTEGER NOT NULL,
  modified_us INTEGER NOT NULL,
  UNIQUE (project_id, type)
);

-- Service checks (issue 6). Runs keep their submitted time (epoch s); at_ms columns are epoch milliseconds.
CREATE TABLE IF NOT EXISTS check_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  check_name TEXT NOT NULL,
  host_name TEXT NOT NULL,
  status INTEGER NOT NULL,
  tags TEXT NOT NULL,
  message TEXT,
  timestamp_s INTEGER NOT NULL,
  received_us INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS check_runs_latest ON check_runs(check_name, host_name, timestamp_s DESC, id DESC);

-- The last run seen by each group of a service check monitor: groups here are "live" (no data and renotify apply).
CREATE TABLE IF NOT EXISTS check_group_runs (
  monitor_id INTEGER NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  last_run_s INTEGER NOT NULL,
  PRIMARY KEY (monitor_id, name)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS group_transitions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  monitor_id INTEGER NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
  group_name TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS group_transitions_monitor ON group_transitions(monitor_id, at_ms);

-- Outlives its monitor on purpose (no foreign key): it is a log.
CREATE TABLE IF NOT EXISTS notification_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at_ms INTEGER NOT NULL,
  monitor_id INTEGER NOT NULL,
  monitor_name TEXT NOT NULL,
  group_name TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  transition TEXT NOT NULL,
  handle TEXT NOT NULL,
  outcome TEXT NOT NULL,
  downtime_id TEXT,
  receiver_status INTEGER,
  message TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX IF NOT EXISTS notification_log_monitor ON notification_log(monitor_id, id);

-- mute_first_recovery_notification (issue 7), per downtime window and monitor group:
-- 'pending': the window ended with the group not OK, so its next recovery is not delivered;
-- 'spent': the group recovered while the window was active, so nothing is pending when it ends.
-- window_start_us names the window (a recurring downtime's occurrence; a one-off's start).
CREATE TABLE IF NOT EXISTS downtime_recovery_mutes (
  downtime_id TEXT NOT NULL,
  window_start_us INTEGER NOT NULL,
  monitor_id INTEGER NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
  group_name TEXT NOT NULL,
  state TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  PRIMARY KEY (downtime_id, window_start_us, monitor_id, group_name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS downtime_recovery_mutes_group ON downtime_recovery_mutes(monitor_id, group_name);

`;

/** Tables in the order reset() empties them (children first). */
export const TABLES = [
  // Maintenance planning (issue 7)
  'downtime_recovery_mutes',
  // Service checks (issue 6)
  'notification_log',
  'group_transitions',
  'check_group_runs',
  'check_runs',
  // Datadog integrations (issue 5)
  'dd_slack_channels',
  'dd_slack_accounts',
  'dd_aws_accounts',
  'dd_pagerduty_services',
  'dd_pagerduty_settings',
  'dd_webhooks',
  'dd_webhook_custom_variables',
  // Atlas (issue 5)
  'atlas_integrations',
  'atlas_projects',
  'incident_transitions',
  'incident_todos',
  'incidents',
  'team_memberships',
  'teams',
  'downtimes',
  'monitor_groups',
  'monitors',
  'users',
  'meta',
] as const;

/**
 * Columns later schemas added to tables an older file already has (CREATE TABLE IF NOT EXISTS
 * leaves those alone): added by `openDb` when missing, so an upgrade is idempotent.
 */
export const SCHEMA_COLUMN_UPGRADES: readonly { version: number; table: string; column: string; definition: string }[] = [
  { version: 5, table: 'downtimes', column: 'recurrences', definition: 'TEXT' },
  { version: 5, table: 'downtimes', column: 'timezone', definition: 'TEXT' },
  { version: 5, table: 'downtimes', column: 'end_handled_us', definition: 'INTEGER' },
];
