import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from './seed/anchors';
import { expectExact, expectShape, rec } from './testing/recorded';
import { createTempSandbox, type Json, type TempSandbox } from './testing/temp-sandbox';

/**
 * Teams (/api/v2/team), memberships, and the deprecated Incident Teams API
 * (/api/v2/teams) against the recorded real Datadog bodies.
 *
 * Documented deviations (src/sandbox/deviations.md): recorded user ids are
 * replaced by demo users'; links use the sandbox's own origin; the Incident
 * Teams list recording shows `next_offset` on its only page, which the
 * sandbox omits (as incidents.list.page1 records).
 */
const A = DEMO_ANCHORS;
const RECORDED_ORIGIN = 'https://api.datadoghq.com';
const OURS_ORIGIN = 'http://sandbox';

const open: TempSandbox[] = [];
function make(seed: 'demo' | 'empty' = 'demo'): TempSandbox {
  const t = createTempSandbox({ seed });
  open.push(t);
  return t;
}
afterEach(() => {
  while (open.length) open.pop()!.dispose();
});

function withOurOrigin(links: Record<string, string | null>): Record<string, string | null> {
  return Object.fromEntries(Object.entries(links).map(([k, v]) => [k, v === null ? null : v.replace(RECORDED_ORIGIN, OURS_ORIGIN)]));
}

/** An org with exactly three teams, like the recordings' lists. */
async function threeTeams(): Promise<TempSandbox> {
  const t = make('empty');
  for (const h of ['a-team', 'b-team', 'c-team']) {
    const r = await t.call('POST', '/api/v2/team', { data: { type: 'team', attributes: { name: h, handle: h } } });
    expect(r.status).toBe(201);
  }
  return t;
}

describe('teams conformance', () => {
  it('create (recorded requests), and the recorded 409', async () => {
    const t = make();
    expectShape('teams.create.response.json', await t.call('POST', '/api/v2/team', rec('teams.create.request.json')), 201);
    const v2 = await t.call('POST', '/api/v2/team', rec('teams.create.v2_fields.request.json'));
    expectShape('teams.create.v2_fields.response.json', v2, 201);
    expect(v2.body.data.attributes).toMatchObject({ avatar: '🥑', banner: 7, visible_modules: ['m1', 'm2'], hidden_modules: ['m3'] });
    const taken = rec('teams.create.409.request.json');
    await t.call('POST', '/api/v2/team', { data: { type: 'team', attributes: { name: taken.data.attributes.name, handle: 'first-one' } } });
    expectExact('teams.create.409.response.json', await t.call('POST', '/api/v2/team', taken), 409);
  });

  it('get, and the recorded 404 for a malformed id', async () => {
    const t = make();
    expectShape('teams.get.response.json', await t.call('GET', `/api/v2/team/${A.teamIds.checkout}`), 200);
    expectExact('teams.get.404.response.json', await t.call('GET', '/api/v2/team/REPLACE.ME'), 404);
  });

  it('list without page[number]: offset_limit meta and links, exactly as recorded', async () => {
    const t = await threeTeams();
    const r = await t.call('GET', '/api/v2/team');
    expectShape('teams.list.response.json', r, 200);
    const recorded = rec('teams.list.response.json');
    expect(r.body.meta).toEqual(recorded.meta);
    expect(r.body.links).toEqual(withOurOrigin(recorded.links));
  });

  it('list with page[number]: number_size meta and links, exactly as recorded (pages 0 and 1)', async () => {
    const t = await threeTeams();
    for (const n of [0, 1]) {
      const name = `teams.list.page${n}.response.json`;
      const r = await t.call('GET', `/api/v2/team?page%5Bsize%5D=2&page%5Bnumber%5D=${n}`);
      expectShape(name, r, 200);
      expect(r.body.meta).toEqual(rec(name).meta);
      expect(r.body.links).toEqual(withOurOrigin(rec(name).links));
      expect(r.body.data).toHaveLength(n === 0 ? 2 : 1);
    }
  });

  it('update (recorded requests, full and partial)', async () => {
    const t = make();
    for (const name of ['teams.update', 'teams.update.partial']) {
      const c = await t.call('POST', '/api/v2/team', { data: { type: 'team', attributes: { name: `${name} before`, handle: name.replace('.', '-').replace('.', '-') } } });
      const r = await t.call('PATCH', `/api/v2/team/${c.body.data.id}`, rec(`${name}.request.json`));
      expectShape(`${name}.response.json`, r, 200);
      expect(r.body.data.attributes.name).toBe(rec(`${name}.request.json`).data.attributes.name);
    }
  });

  it('delete: 204, then the recorded 404', async () => {
    const t = make();
    const r = await t.call('DELETE', `/api/v2/team/${A.teamIds.mobile}`);
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect((await t.call('DELETE', `/api/v2/team/${A.teamIds.mobile}`)).body).toEqual({ errors: [`Team for ID ${A.teamIds.mobile} not found`] });
    expectExact('teams.delete.404.response.json', await t.call('DELETE', '/api/v2/team/320db0de-405b-11ee-bb10-da7ad0900002'), 404);
  });

  it('memberships: add (recorded request, 200 vnd.api+json) and the recorded 409 object', async () => {
    const t = make();
    const req = rec('teams.memberships.add.request.json');
    req.data.relationships.user.data.id = A.userWithoutTeam.uuid;
    const r = await t.call('POST', `/api/v2/team/${A.teamIds.data}/memberships`, req);
    expectShape('teams.memberships.add.response.json', r, 200);
    expect(r.headers.get('content-type')).toBe('application/vnd.api+json');
    const again = await t.call('POST', `/api/v2/team/${A.teamIds.data}/memberships`, req);
    const recorded: Json = rec('teams.memberships.add.409.response.json');
    recorded.errors[0].detail = recorded.errors[0].detail.replace('825c5f4c-585c-494a-aade-60f1e1aa189b', A.userWithoutTeam.uuid);
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/vnd.api+json');
    expect(again.body).toEqual(recorded);
  });
});

describe('incident teams conformance (deprecated /api/v2/teams)', () => {
  it('create, get, update (recorded requests)', async () => {
    const t = make();
    const c = await t.call('POST', '/api/v2/teams', rec('incident_teams.create.request.json'));
    expectShape('incident_teams.create.response.json', c, 201);
    expectShape('incident_teams.get.response.json', await t.call('GET', `/api/v2/teams/${c.body.data.id}`), 200);
    expectShape('incident_teams.update.response.json', await t.call('PATCH', `/api/v2/teams/${c.body.data.id}`, rec('incident_teams.update.request.json')), 200);
  });

  it('list with filter (the recorded parameter)', async () => {
    const t = make();
    const name = 'Test-Get_a_list_of_all_incident_teams_returns_OK_response-1699307974';
    await t.call('POST', '/api/v2/teams', { data: { type: 'teams', attributes: { name } } });
    const r = await t.call('GET', `/api/v2/teams?filter=${name}`);
    expectShape('incident_teams.list.response.json', r, 200, { ignore: ['$.meta.pagination.next_offset'] });
    expect(r.body.data.map((x: Json) => x.attributes.name)).toEqual([name]);
  });

  it('delete: 204 twice', async () => {
    const t = make();
    for (let i = 0; i < 2; i++) {
      const r = await t.call('DELETE', `/api/v2/teams/${A.teamIds.search}`);
      expect(r.status).toBe(204);
      expect(r.text).toBe('');
    }
  });
});
