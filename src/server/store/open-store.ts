import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AuditStore } from './audit-store';
import { CheckSubmissionsStore } from './check-submissions-store';
import { IncidentEventsStore } from './incident-events-store';
import { IntegrationNamesStore } from './integration-names-store';
import { MaintenanceWatchesStore } from './maintenance-watches-store';
import { STORE_SCHEMA_SQL, STORE_SCHEMA_VERSION } from './schema';
import { SessionsStore } from './sessions-store';
import { UsersStore } from './users-store';

export const STORE_FILE = 'watchdeck.sqlite';

export interface BffStore {
  users: UsersStore;
  sessions: SessionsStore;
  audit: AuditStore;
  /** What watchdeck did to incidents, for their timelines. */
  incidentEvents: IncidentEventsStore;
  /** Names of the Slack accounts, PagerDuty services, webhooks and custom variables added through watchdeck. */
  integrationNames: IntegrationNamesStore;
  /** Service check runs submitted through watchdeck (the newest ones). */
  checkSubmissions: CheckSubmissionsStore;
  /** Maintenance windows kept alive until the groups that would notify at their end recover. */
  maintenanceWatches: MaintenanceWatchesStore;
  /** The SQLite file, or ":memory:". */
  location: string;
  close(): void;
}

/**
 * Opens `${dataDir}/watchdeck.sqlite`, or an in-memory store for tests with
 * ":memory:". WAL with synchronous=FULL: an acknowledged change (a new user,
 * a revoked session, an audit record, an incident event) survives a crash.
 */
export function openStore(where: { dataDir: string } | ':memory:'): BffStore {
  let location = ':memory:';
  if (where !== ':memory:') {
    fs.mkdirSync(where.dataDir, { recursive: true });
    location = path.join(where.dataDir, STORE_FILE);
  }
  const db = new Database(location);
  if (location !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > STORE_SCHEMA_VERSION) {
    db.close();
    throw new Error(`${location} has schema version ${version}; this BFF knows up to ${STORE_SCHEMA_VERSION}`);
  }
  db.exec(STORE_SCHEMA_SQL);
  db.pragma(`user_version = ${STORE_SCHEMA_VERSION}`);
  return {
    users: new UsersStore(db),
    sessions: new SessionsStore(db),
    audit: new AuditStore(db),
    incidentEvents: new IncidentEventsStore(db),
    integrationNames: new IntegrationNamesStore(db),
    checkSubmissions: new CheckSubmissionsStore(db),
    maintenanceWatches: new MaintenanceWatchesStore(db),
    location,
    close: () => db.close(),
  };
}
