import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ATLAS_TYPES } from '../../contract/atlas';
import { createAtlasSandbox, type AtlasSandbox } from '../testing/digest-client';
import { SCHEMA_VERSION } from '../store/schema';
import { disposedAfterEach, makeTempDir, type Json } from '../testing/temp-sandbox';
import { ATLAS_DEMO } from './demo-atlas';

const make = disposedAfterEach(createAtlasSandbox, (s) => s.t);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const P = ATLAS_DEMO.projects;
const list = (s: AtlasSandbox, id: string) => s.atlas.call('GET', `/api/atlas/v2/groups/${id}/integrations`);
const types = (r: Json): string[] => r.body.results.map((i: Json) => i.type);

function sqlite(dataDir: string): Database.Database {
  return new Database(path.join(dataDir, 'sandbox.sqlite'));
}

/** Makes a data file look like schema 2 left it: no Atlas tables, user_version 2. */
function downgradeToV2(dataDir: string): void {
  const db = sqlite(dataDir);
  db.exec('DROP TABLE atlas_integrations; DROP TABLE atlas_projects;');
  db.pragma('user_version = 2');
  db.close();
}

describe('the demo Atlas seed', () => {
  it('checkout-prod has SLACK and DATADOG, analytics-staging has WEBHOOK; PAGER_DUTY and MICROSOFT_TEAMS are nowhere', async () => {
    const s = make();
    expect(types(await list(s, P.checkoutProd.id))).toEqual(['SLACK', 'DATADOG']);
    expect(types(await list(s, P.analyticsStaging.id))).toEqual(['WEBHOOK']);
    for (const p of Object.values(P)) {
      for (const type of ['PAGER_DUTY', 'MICROSOFT_TEAMS']) {
        expect((await s.atlas.call('GET', `/api/atlas/v2/groups/${p.id}/integrations/${type}`)).status).toBe(404);
      }
    }
    for (const i of ATLAS_DEMO.integrations) {
      expect(ATLAS_TYPES).toContain(i.type);
      expect(s.storedValues(P[i.project].id, i.type)).toEqual(i.values);
    }
  });

  it('seed "empty" has no Atlas projects or integrations', async () => {
    const s = make({ seed: 'empty' });
    expect((await s.atlas.call('GET', '/api/atlas/v2/groups')).body.totalCount).toBe(0);
    expect((await list(s, P.checkoutProd.id)).status).toBe(404);
  });

  it('reset() brings back the demo Atlas data', async () => {
    const s = make();
    await s.atlas.call('DELETE', `/api/atlas/v2/groups/${P.checkoutProd.id}/integrations/SLACK`);
    await s.atlas.call('POST', `/api/atlas/v2/groups/${P.checkoutProd.id}/integrations/PAGER_DUTY`, { serviceKey: 'pd-key-12345678' });
    s.t.sandbox.reset();
    expect(types(await list(s, P.checkoutProd.id))).toEqual(['SLACK', 'DATADOG']);
  });

  it('changes survive a restart, and nothing is seeded again', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const first = createAtlasSandbox({ dataDir });
    await first.atlas.call('DELETE', `/api/atlas/v2/groups/${P.checkoutProd.id}/integrations/SLACK`);
    first.t.sandbox.close();
    const second = make({ dataDir });
    expect(types(await list(second, P.checkoutProd.id))).toEqual(['DATADOG']);
  });
});

describe('upgrading a schema-2 data file', () => {
  it('a demo org gets the Atlas projects and integrations, and keeps its other data', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const first = createAtlasSandbox({ dataDir });
    const kept = await first.t.call('POST', '/api/v1/monitor', { name: 'kept', type: 'query alert', query: 'avg(last_5m):avg:a{*} > 1' });
    first.t.sandbox.close();
    downgradeToV2(dataDir);

    const second = make({ dataDir });
    expect((await second.t.call('GET', `/api/v1/monitor/${kept.body.id}`)).body.name).toBe('kept');
    expect((await second.atlas.call('GET', '/api/atlas/v2/groups')).body.results.map((p: Json) => p.name)).toEqual(['checkout-prod', 'analytics-staging']);
    expect(types(await list(second, P.checkoutProd.id))).toEqual(['SLACK', 'DATADOG']);
    expect(types(await list(second, P.analyticsStaging.id))).toEqual(['WEBHOOK']);
    const db = sqlite(dataDir);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('an "empty" org stays without Atlas data', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    createAtlasSandbox({ dataDir, seed: 'empty' }).t.sandbox.close();
    downgradeToV2(dataDir);
    const second = make({ dataDir, seed: 'empty' });
    expect((await second.atlas.call('GET', '/api/atlas/v2/groups')).body.totalCount).toBe(0);
  });
});
