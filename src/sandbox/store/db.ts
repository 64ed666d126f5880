import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_COLUMN_UPGRADES, SCHEMA_SQL, SCHEMA_VERSION, TABLES } from './schema';

export type Db = Database.Database;

/**
 * Opens (or creates) `${dataDir}/sandbox.sqlite`. WAL with synchronous=FULL:
 * every statement that returned has been fsynced, so a kill -9 after a
 * response loses nothing that was acknowledged. `fromVersion` is the schema
 * version the file had before (0 for a new file), so callers can upgrade data.
 * `nowUs` (the sandbox clock) dates what an upgrade backfills.
 */
export function openDb(dataDir: string, nowUs = Date.now() * 1000): { db: Db; isNew: boolean; fromVersion: number } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'sandbox.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(`${file} has schema version ${version}; this sandbox knows up to ${SCHEMA_VERSION}`);
  }
  db.transaction(() => {
    db.exec(SCHEMA_SQL);
    upgradeColumns(db, version, nowUs);
  })();
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
  const seeded = db.prepare('SELECT value FROM meta WHERE key = ?').get('seeded_at') as { value: string } | undefined;
  return { db, isNew: !seeded, fromVersion: version };
}

function hasColumn(db: Db, table: string, column: string): boolean {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);
}

/** Adds the columns newer schemas put on old tables (when missing), then backfills them. */
function upgradeColumns(db: Db, fromVersion: number, nowUs: number): void {
  for (const u of SCHEMA_COLUMN_UPGRADES) {
    if (!hasColumn(db, u.table, u.column)) db.exec(`ALTER TABLE ${u.table} ADD COLUMN ${u.column} ${u.definition}`);
  }
  if (fromVersion > 0 && fromVersion < 5) {
    // Schema 5: what ended before the upgrade is history; the engine notifies only ends after it.
    db.prepare('UPDATE downtimes SET end_handled_us = ? WHERE end_handled_us IS NULL').run(nowUs);
  }
}

/** Empties every table and restarts the id sequences. Call inside a transaction. */
export function wipe(db: Db): void {
  for (const table of TABLES) db.prepare(`DELETE FROM ${table}`).run();
  db.prepare('DELETE FROM sqlite_sequence').run();
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}
