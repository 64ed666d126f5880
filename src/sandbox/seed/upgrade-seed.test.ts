import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempSandbox, makeTempDir, type TempSandbox } from '../testing/temp-sandbox';
import { DEMO_ANCHORS } from './anchors';

const open: TempSandbox[] = [];
const dirs: string[] = [];
afterEach(() => {
  while (open.length) open.pop()!.dispose();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Turns a data file into what schema 1 left: no people/work tables, 7 users, user_version 1. */
function downgradeToV1(dataDir: string): void {
  const db = new Database(path.join(dataDir, 'sandbox.sqlite'));
  for (const table of ['incident_transitions', 'incident_todos', 'incidents', 'team_memberships', 'teams']) db.exec(`DROP TABLE ${table}`);
  db.prepare('DELETE FROM users WHERE id > 1445007').run();
  db.prepare("DELETE FROM meta WHERE key = 'org_uuid'").run();
  db.pragma('user_version = 1');
  db.close();
}

describe('upgrading a schema-1 data file', () => {
  it('keeps its data and adds the demo users, teams and incidents', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const first = createTempSandbox({ dataDir });
    const kept = await first.call('POST', '/api/v1/monitor', { name: 'kept', type: 'query alert', query: 'avg(last_5m):avg:a{*} > 1' });
    first.sandbox.close();
    downgradeToV1(dataDir);

    const second = createTempSandbox({ dataDir });
    open.push(second);
    expect((await second.call('GET', `/api/v1/monitor/${kept.body.id}`)).body.name).toBe('kept');
    expect((await second.call('GET', '/api/v2/users')).body.meta.page.total_count).toBe(DEMO_ANCHORS.userCount);
    expect((await second.call('GET', '/api/v2/team')).body.meta.pagination.total).toBe(6);
    const inc = await second.call('GET', `/api/v2/incidents/${DEMO_ANCHORS.incidents.activeSev2.id}`);
    expect(inc.body.data.attributes.public_id).toBe(DEMO_ANCHORS.incidents.activeSev2.publicId);
    expect((await second.call('GET', `/api/v2/users/${DEMO_ANCHORS.apiKeyOwner.uuid}`)).body.data.relationships.org.data.id).toBe(DEMO_ANCHORS.orgUuid);
  });

  it('does not add anything twice, and keeps incidents across restarts', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const first = createTempSandbox({ dataDir });
    const c = await first.call('POST', '/api/v2/incidents', { data: { type: 'incidents', attributes: { title: 'kept', customer_impacted: false } } });
    await first.call('DELETE', `/api/v2/team/${DEMO_ANCHORS.teamIds.data}`);
    first.sandbox.close();
    const second = createTempSandbox({ dataDir });
    open.push(second);
    expect((await second.call('GET', `/api/v2/incidents/${c.body.data.id}`)).body.data.attributes.title).toBe('kept');
    expect((await second.call('GET', '/api/v2/team')).body.meta.pagination.total).toBe(5);
    const next = await second.call('POST', '/api/v2/incidents', { data: { type: 'incidents', attributes: { title: 'n', customer_impacted: false } } });
    expect(next.body.data.attributes.public_id).toBe(c.body.data.attributes.public_id + 1);
  });

  it('reset() brings back the demo incidents and teams', async () => {
    const t = createTempSandbox();
    open.push(t);
    await t.call('DELETE', `/api/v2/incidents/${DEMO_ANCHORS.incidents.sev0.id}`);
    await t.call('POST', '/api/v2/team', { data: { type: 'team', attributes: { name: 'extra', handle: 'extra' } } });
    t.sandbox.reset();
    expect((await t.call('GET', `/api/v2/incidents/${DEMO_ANCHORS.incidents.sev0.id}`)).status).toBe(200);
    expect((await t.call('GET', '/api/v2/team')).body.meta.pagination.total).toBe(6);
    const c = await t.call('POST', '/api/v2/incidents', { data: { type: 'incidents', attributes: { title: 'n', customer_impacted: false } } });
    expect(c.body.data.attributes.public_id).toBe(DEMO_ANCHORS.incidents.nextPublicId);
  });
});
