import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../store/schema';
import { FAST_DELIVERY } from '../testing/check-helpers';
import { createTempSandbox, makeTempDir, type Json, type TempSandbox } from '../testing/temp-sandbox';
import { DEMO_ANCHORS } from './anchors';

const A = DEMO_ANCHORS.appOkCheck;
const open: TempSandbox[] = [];
const dirs: string[] = [];
function make(...args: Parameters<typeof createTempSandbox>): TempSandbox {
  const t = createTempSandbox(...args);
  open.push(t);
  return t;
}
afterEach(() => {
  while (open.length) open.pop()!.dispose();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function sqlite(dataDir: string): Database.Database {
  return new Database(path.join(dataDir, 'sandbox.sqlite'));
}

/** Makes a data file look like schema 3 left it: no service check tables, no app.ok monitor, user_version 3. */
function downgradeToV3(dataDir: string, occupyAnchorId = false): void {
  const db = sqlite(dataDir);
  db.exec('DROP TABLE notification_log; DROP TABLE group_transitions; DROP TABLE check_group_runs; DROP TABLE check_runs;');
  db.prepare('DELETE FROM monitors WHERE id = ?').run(A.id);
  if (occupyAnchorId) {
    db.prepare(
      `INSERT INTO monitors (id, org_id, type, name, message, query, tags, options, multi, priority, restricted_roles, draft_status,
         creator_id, created_us, modified_us, overall_state_modified_us)
       VALUES (?, 1, 'query alert', 'made by a user', 'm', 'avg(last_5m):avg:a{*} > 1', '[]', '{}', 0, NULL, NULL, 'published', 1, 0, 0, NULL)`,
    ).run(A.id);
  }
  db.pragma('user_version = 3');
  db.close();
}

async function appOkMonitors(t: TempSandbox): Promise<Json[]> {
  return (await t.call('GET', '/api/v1/monitor?group_states=all')).body.filter((m: Json) => m.name === A.name);
}

describe('the demo app.ok service check monitor', () => {
  it('is seeded last, as DEMO_ANCHORS.appOkCheck says, with both groups OK', async () => {
    const t = make();
    const m = (await t.call('GET', `/api/v1/monitor/${A.id}?group_states=all`)).body;
    expect(A.id).toBe(DEMO_ANCHORS.firstMonitorId + DEMO_ANCHORS.monitorCount - 1);
    expect(m).toMatchObject({ id: A.id, name: A.name, type: A.type, query: A.query, overall_state: 'OK', multi: true });
    expect([...m.tags].sort()).toEqual([...A.tags].sort());
    expect(m.options).toMatchObject({ thresholds: { critical: 1, warning: 1, ok: 1 }, notify_no_data: false, renotify_interval: 0 });
    expect(m.message).toBe(
      '{{#is_alert}}app.ok is CRITICAL on {{host.name}}: {{value}}{{/is_alert}}{{#is_warning}}app.ok is WARNING on {{host.name}}{{/is_warning}}{{#is_recovery}}app.ok recovered on {{host.name}}{{/is_recovery}} @webhook-ops-bridge @slack-ops-alerts',
    );
    for (const h of A.handles) expect(m.message).toContain(h);
    expect(Object.fromEntries(Object.entries(m.state.groups).map(([k, g]: [string, Json]) => [k, g.status]))).toEqual({
      'host:app-1': 'OK',
      'host:app-2': 'OK',
    });
    expect((await t.call('GET', `/api/v1/integration/webhooks/configuration/webhooks/${A.webhook}`)).status).toBe(200);
  });

  it('is not in the "empty" seed', async () => {
    const t = make({ seed: 'empty' });
    expect(await appOkMonitors(t)).toEqual([]);
  });
});

describe('upgrading a schema-3 data file', () => {
  it('a demo org gets the app.ok monitor with its anchor id and the new tables; nothing twice', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const first = createTempSandbox({ dataDir });
    const kept = await first.call('POST', '/api/v1/monitor', { name: 'kept', type: 'query alert', query: 'avg(last_5m):avg:a{*} > 1' });
    first.sandbox.close();
    downgradeToV3(dataDir);

    const second = createTempSandbox({ dataDir, webhookDelivery: FAST_DELIVERY });
    expect((await second.call('GET', `/api/v1/monitor/${kept.body.id}`)).body.name).toBe('kept');
    const [m] = await appOkMonitors(second);
    expect(m).toMatchObject({ id: A.id, query: A.query });
    expect(Object.keys(m.state.groups)).toEqual(A.groups);
    // The new tables work: a run drives the monitor.
    await second.call('POST', '/api/v1/check_run', [{ check: 'app.ok', host_name: 'app-1', status: 2, tags: ['env:prod'] }]);
    expect((await second.call('GET', `/api/v1/monitor/${A.id}?group_states=all`)).body.state.groups['host:app-1'].status).toBe('Alert');
    await second.sandbox.idle();
    second.sandbox.close();

    const third = make({ dataDir });
    expect(await appOkMonitors(third)).toHaveLength(1);
    const db = sqlite(dataDir);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(6);
    db.close();
  });

  it('takes the next id when a monitor already has the anchor id', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    createTempSandbox({ dataDir }).sandbox.close();
    downgradeToV3(dataDir, true);
    const t = make({ dataDir });
    expect((await t.call('GET', `/api/v1/monitor/${A.id}`)).body.name).toBe('made by a user');
    const [m] = await appOkMonitors(t);
    expect(m.id).toBeGreaterThan(A.id);
  });

  it('an "empty" org gets no demo monitor', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    createTempSandbox({ dataDir, seed: 'empty' }).sandbox.close();
    downgradeToV3(dataDir);
    const t = make({ dataDir, seed: 'empty' });
    expect(await appOkMonitors(t)).toEqual([]);
  });
});
