import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from '../seed/anchors';
import { createTempSandbox, type Json, type TempSandbox } from '../testing/temp-sandbox';

const A = DEMO_ANCHORS;
const open: TempSandbox[] = [];
function make(): TempSandbox {
  const t = createTempSandbox();
  open.push(t);
  return t;
}
afterEach(() => {
  while (open.length) open.pop()!.dispose();
});

const named = (name: string): Json => ({ data: { type: 'teams', attributes: { name } } });

describe('Incident Teams API (/api/v2/teams) over the same store as /api/v2/team', () => {
  it('lists the same six teams, by id and name', async () => {
    const t = make();
    const old = await t.call('GET', '/api/v2/teams?page[size]=100');
    const current = await t.call('GET', '/api/v2/team');
    expect(old.status).toBe(200);
    const pairs = (data: Json[]) => data.map((d) => [d.id, d.attributes.name]).sort();
    expect(pairs(old.body.data)).toEqual(pairs(current.body.data));
    expect(old.body.data[0]).toMatchObject({ type: 'teams', attributes: { created: expect.any(String), modified: expect.any(String) } });
    expect(old.body.data[0].relationships.created_by.data.type).toBe('users');
    expect(old.body.meta).toEqual({ pagination: { offset: 0, size: 6, total: 6 }, sort: 'ASC', total: 6 });
  });

  it('pages with page[size]/page[offset] and filters with `filter`', async () => {
    const t = make();
    const p0 = await t.call('GET', '/api/v2/teams?page[size]=4');
    expect(p0.body.meta.pagination).toEqual({ offset: 0, next_offset: 4, size: 4, total: 6 });
    const p1 = await t.call('GET', '/api/v2/teams?page[size]=4&page[offset]=4');
    expect(p1.body.meta.pagination).toEqual({ offset: 4, size: 2, total: 6 });
    const past = await t.call('GET', '/api/v2/teams?page[offset]=10');
    expect(past.body.data).toEqual([]);
    const f = await t.call('GET', '/api/v2/teams?filter=pay');
    expect(f.body.data.map((d: Json) => d.attributes.name)).toEqual(['Payments']);
    expect(f.body.meta.total).toBe(6);
    const inc = await t.call('GET', '/api/v2/teams?filter=pay&include=users');
    expect(inc.body.included[0]).toMatchObject({ type: 'users', relationships: { org: { data: { type: 'orgs', id: A.orgUuid } } } });
  });

  it('a team created here appears in /api/v2/team with a derived handle, and back', async () => {
    const t = make();
    const c = await t.call('POST', '/api/v2/teams', named('Data Platform!'));
    expect(c.status).toBe(201);
    expect(c.body.included[0]).toMatchObject({ type: 'users', id: A.apiKeyOwner.uuid, attributes: { status: 'Active' } });
    const same = await t.call('GET', `/api/v2/team/${c.body.data.id}`);
    expect(same.body.data.attributes).toMatchObject({ name: 'Data Platform!', handle: 'data-platform', user_count: 0 });
    const second = await t.call('POST', '/api/v2/teams', named('data   platform?'));
    expect((await t.call('GET', `/api/v2/team/${second.body.data.id}`)).body.data.attributes.handle).toBe('data-platform-2');
    const renamed = await t.call('PATCH', `/api/v2/team/${A.teamIds.search}`, { data: { type: 'team', attributes: { name: 'Search & Discovery' } } });
    expect(renamed.status).toBe(200);
    const old = await t.call('GET', `/api/v2/teams/${A.teamIds.search}`);
    expect(old.body.data.attributes.name).toBe('Search & Discovery');
    expect(old.body).not.toHaveProperty('included');
  });

  it('renames through PATCH (200, included users); a taken name is a 409', async () => {
    const t = make();
    const r = await t.call('PATCH', `/api/v2/teams/${A.teamIds.mobile}`, named('Mobile Apps'));
    expect(r.status).toBe(200);
    expect(r.body.data.attributes.name).toBe('Mobile Apps');
    expect(r.body.included).toHaveLength(2);
    expect((await t.call('GET', `/api/v2/team/${A.teamIds.mobile}`)).body.data.attributes.handle).toBe('mobile');
    const clash = await t.call('PATCH', `/api/v2/teams/${A.teamIds.mobile}`, named('payments'));
    expect(clash.status).toBe(409);
  });

  it('deletes with 204 twice, removing the team from /api/v2/team', async () => {
    const t = make();
    for (let i = 0; i < 2; i++) expect((await t.call('DELETE', `/api/v2/teams/${A.teamIds.data}`)).status).toBe(204);
    expect((await t.call('GET', `/api/v2/team/${A.teamIds.data}`)).status).toBe(404);
    expect((await t.call('GET', `/api/v2/teams/${A.teamIds.data}`)).status).toBe(404);
  });

  it('400 for bad bodies, 404 for unknown ids', async () => {
    const t = make();
    expect((await t.call('POST', '/api/v2/teams', { data: { type: 'team', attributes: { name: 'x' } } })).body).toEqual({ errors: ["'team' is not one of ['teams']"] });
    expect((await t.call('POST', '/api/v2/teams', { data: { type: 'teams', attributes: {} } })).body).toEqual({ errors: ["'name' is a required property"] });
    expect((await t.call('POST', '/api/v2/teams', { data: { type: 'teams', attributes: { name: 'x', handle: 'x' } } })).status).toBe(400);
    expect((await t.call('GET', '/api/v2/teams/00000000-0000-4000-8000-0000000000ee')).status).toBe(404);
    expect((await t.call('PATCH', '/api/v2/teams/nope', named('x'))).status).toBe(404);
  });
});
