import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from '../seed/anchors';
import { APP_OK, FAST_DELIVERY } from '../testing/check-helpers';
import { ddTime, listedIds, MIN, postDowntime } from '../testing/downtime-helpers';
import { createTempSandbox, makeTempDir, type Json, type TempSandbox } from '../testing/temp-sandbox';
import { SCHEMA_VERSION } from './schema';

const open: TempSandbox[] = [];
const dirs: string[] = [];
afterEach(() => {
  while (open.length) open.pop()!.dispose();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function sqlite(dataDir: string): Database.Database {
  return new Database(path.join(dataDir, 'sandbox.sqlite'));
}

/** The downtimes table as schema 4 had it: no recurrences, timezone or end_handled_us. */
const V4_DOWNTIMES = `CREATE TABLE downtimes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, monitor_id INTEGER, monitor_tags TEXT, scope TEXT NOT NULL,
  start_us INTEGER NOT NULL, end_us INTEGER, message TEXT, display_timezone TEXT NOT NULL, notify_end_states TEXT NOT NULL,
  notify_end_types TEXT NOT NULL, mute_first_recovery_notification INTEGER NOT NULL, canceled_us INTEGER,
  created_us INTEGER NOT NULL, modified_us INTEGER NOT NULL, created_by INTEGER NOT NULL)`;
const V4_COLUMNS =
  'seq, id, monitor_id, monitor_tags, scope, start_us, end_us, message, display_timezone, notify_end_states, notify_end_types, mute_first_recovery_notification, canceled_us, created_us, modified_us, created_by';

/** Makes a data file look like schema 4 left it: the old downtimes table (rows kept), no recovery mutes, no recurring demo window. */
function downgradeToV4(dataDir: string): void {
  const db = sqlite(dataDir);
  db.exec(`
    DROP TABLE downtime_recovery_mutes;
    DELETE FROM downtimes WHERE id = '${DEMO_ANCHORS.recurring.downtimeId}';
    ALTER TABLE downtimes RENAME TO downtimes_v5;
    ${V4_DOWNTIMES};
    INSERT INTO downtimes (${V4_COLUMNS}) SELECT ${V4_COLUMNS} FROM downtimes_v5;
    DROP TABLE downtimes_v5;
  `);
  db.pragma('user_version = 4');
  db.close();
}

function columns(dataDir: string): string[] {
  const db = sqlite(dataDir);
  const names = (db.prepare('PRAGMA table_info(downtimes)').all() as { name: string }[]).map((c) => c.name);
  db.close();
  return names;
}

describe('upgrading a schema-4 data file to schema 5 (recurring downtimes)', () => {
  it('adds the columns and table, keeps every downtime, adds the nightly window once, and notifies only ends after the upgrade', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const first = createTempSandbox({ dataDir });
    const ending = await postDowntime(first, { monitor_identifier: { monitor_id: APP_OK.id }, scope: '*', schedule: { end: ddTime(first.clock.now + 10 * MIN) } });
    await first.call('POST', '/api/v1/check_run', [{ check: 'app.ok', host_name: 'app-1', status: 2, tags: ['env:prod'] }]);
    await first.sandbox.idle();
    const endAt = first.clock.now + 11 * MIN;
    first.sandbox.close();
    downgradeToV4(dataDir);
    expect(columns(dataDir)).not.toContain('recurrences');

    const second = createTempSandbox({ dataDir, webhookDelivery: FAST_DELIVERY });
    const ids = await listedIds(second);
    expect(ids).toContain(ending.id);
    expect(ids).toContain(DEMO_ANCHORS.ended.downtimeId);
    expect(ids.at(-1)).toBe(DEMO_ANCHORS.recurring.downtimeId);
    const nightly = (await second.call('GET', `/api/v2/downtime/${DEMO_ANCHORS.recurring.downtimeId}`)).body.data.attributes;
    expect(nightly.schedule).toMatchObject({ timezone: 'Europe/Berlin', recurrences: [{ rrule: 'FREQ=DAILY', duration: '30m' }] });
    expect((await second.call('GET', `/api/v2/downtime/${ending.id}`)).body.data.attributes.schedule).toEqual(ending.attributes.schedule);

    // The new schema works: the old one-off downtime's end is notified after the upgrade; a recurring one can be made.
    second.clock.now = endAt;
    second.sandbox.tick();
    await second.sandbox.idle();
    const log = (await second.call('GET', `/api/sandbox/notifications?monitor_id=${APP_OK.id}`)).body.notifications;
    expect(log.filter((n: Json) => n.transition === 'downtime ended: Alert')).toHaveLength(2);
    await postDowntime(second, { monitor_identifier: { monitor_tags: ['team:x'] }, scope: '*', schedule: { recurrences: [{ rrule: 'FREQ=WEEKLY', duration: '1h' }] } });
    const count = (await listedIds(second)).length;
    second.sandbox.close();

    const third = createTempSandbox({ dataDir });
    open.push(third);
    expect(await listedIds(third)).toHaveLength(count);
    expect(columns(dataDir)).toEqual(expect.arrayContaining(['recurrences', 'timezone', 'end_handled_us']));
    const db = sqlite(dataDir);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // Issue 8 bumped the schema to 6 (indexes only): an older file gets them when it is opened.
    expect(SCHEMA_VERSION).toBe(6);
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['monitors_type', 'downtimes_live']));
    // What had ended before the upgrade is marked handled at the upgrade: the seeded ended window never notifies.
    const ended = db.prepare('SELECT end_handled_us, end_us FROM downtimes WHERE id = ?').get(DEMO_ANCHORS.ended.downtimeId) as {
      end_handled_us: number;
      end_us: number;
    };
    expect(ended.end_handled_us).toBeGreaterThan(ended.end_us);
    db.close();
  });
});
