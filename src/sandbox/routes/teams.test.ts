import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from '../seed/anchors';
import { createTempSandbox, type Json, type TempSandbox } from '../testing/temp-sandbox';

const A = DEMO_ANCHORS;
const open: TempSandbox[] = [];
function make(...args: Parameters<typeof createTempSandbox>): TempSandbox {
  const t = createTempSandbox(...args);
  open.push(t);
  return t;
}
afterEach(() => {
  while (open.length) open.pop()!.dispose();
});

const team = (attributes: Json, relationships?: Json): Json => ({ data: { type: 'team', attributes, ...(relationships ? { relationships } : {}) } });
const names = (b: Json): string[] => b.data.map((x: Json) => x.attributes.name);

describe('POST /api/v2/team', () => {
  it('creates a team (201) with its first members; user_count follows', async () => {
    const t = make();
    const r = await t.call(
      'POST',
      '/api/v2/team',
      team({ name: 'SRE Guild', handle: 'sre-guild', description: 'Reliability reviews' }, { users: { data: [{ type: 'users', id: A.userWithoutTeam.uuid }] } }),
    );
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({
      type: 'team',
      attributes: { name: 'SRE Guild', handle: 'sre-guild', description: 'Reliability reviews', summary: null, user_count: 1, link_count: 0, visible_modules: [], hidden_modules: [] },
      relationships: { team_links: { links: { related: `/api/v2/team/${r.body.data.id}/links` } } },
    });
    const got = await t.call('GET', `/api/v2/team/${r.body.data.id}`);
    expect(got.body.data.attributes.created_at).toBe(r.body.data.attributes.created_at);
  });

  it('409 for a taken name or handle, whatever the case', async () => {
    const t = make();
    for (const attrs of [
      { name: 'payments', handle: 'new-handle' },
      { name: 'Brand new', handle: 'Payments'.toLowerCase() },
    ]) {
      const r = await t.call('POST', '/api/v2/team', team(attrs));
      expect(r.status).toBe(409);
      expect(r.body).toEqual({ errors: ['Team name and handle must be unique'] });
    }
  });

  it.each([
    ['no name', { handle: 'x' }, "'name' is a required property"],
    ['no handle', { name: 'x' }, "'handle' is a required property"],
    ['empty name', { name: ' ', handle: 'x' }, "' ' is too short"],
    ['bad handle', { name: 'x', handle: 'Has Spaces' }, "Invalid handle 'Has Spaces'"],
    ['bad banner', { name: 'x', handle: 'x', banner: 'blue' }, "'blue' is not of type 'integer'"],
    ['unknown attribute', { name: 'x', handle: 'x', color: 3 }, "Additional properties are not allowed ('color' was unexpected)"],
  ])('400 for %s', async (_n, attributes, message) => {
    const t = make();
    const r = await t.call('POST', '/api/v2/team', team(attributes));
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toContain(message);
  });

  it('404 for an unknown member, and nothing is created', async () => {
    const t = make();
    const missing = '00000000-0000-4000-8000-0000000000bb';
    const r = await t.call('POST', '/api/v2/team', team({ name: 'zz-new', handle: 'zz-new' }, { users: { data: [{ type: 'users', id: missing }] } }));
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ errors: [`User ${missing} not found`] });
    expect((await t.call('GET', '/api/v2/team?filter[keyword]=zz-new')).body.meta.pagination.total).toBe(0);
  });
});

describe('GET /api/v2/team', () => {
  it('lists the six demo teams by name with their member counts (offset_limit form)', async () => {
    const t = make();
    const r = await t.call('GET', '/api/v2/team');
    expect(r.status).toBe(200);
    expect(names(r.body)).toEqual(['Checkout', 'Data', 'Mobile', 'Payments', 'Platform', 'Search']);
    for (const d of r.body.data) {
      const spec = A.teamList.find((x) => x.id === d.id)!;
      expect(d.attributes.handle).toBe(spec.handle);
      expect(d.attributes.user_count).toBe(spec.memberCount);
    }
    expect(r.body.meta.pagination).toEqual({ offset: 0, first_offset: 0, prev_offset: 0, next_offset: 100, last_offset: 0, limit: 100, type: 'offset_limit', total: 6 });
    expect(r.body.links).toEqual({
      self: 'http://sandbox/api/v2/team',
      last: null,
      next: 'http://sandbox/api/v2/team?page[offset]=100&page[limit]=100',
      prev: null,
      first: 'http://sandbox/api/v2/team?page[offset]=0&page[limit]=100',
    });
  });

  it('page[number] switches to the number_size form; pages, last page, past the end', async () => {
    const t = make();
    const p1 = await t.call('GET', '/api/v2/team?page[number]=1&page[size]=4');
    expect(names(p1.body)).toEqual(['Platform', 'Search']);
    expect(p1.body.meta.pagination).toEqual({ number: 1, first_number: 0, prev_number: 0, next_number: 2, last_number: 1, size: 4, type: 'number_size', total: 6 });
    expect(p1.body.links).toEqual({
      self: 'http://sandbox/api/v2/team?page[number]=1&page[size]=4',
      last: 'http://sandbox/api/v2/team?page[number]=1&page[size]=4',
      next: 'http://sandbox/api/v2/team?page[number]=2&page[size]=4',
      prev: 'http://sandbox/api/v2/team?page[number]=0&page[size]=4',
      first: 'http://sandbox/api/v2/team?page[number]=0&page[size]=4',
    });
    const p0 = await t.call('GET', '/api/v2/team?page[number]=0');
    expect(p0.body.meta.pagination).toMatchObject({ number: 0, size: 10, last_number: 0, type: 'number_size' });
    expect(p0.body.links.prev).toBeNull();
    const past = await t.call('GET', '/api/v2/team?page[number]=9&page[size]=4');
    expect(past.body.data).toEqual([]);
    expect(past.body.meta.pagination).toMatchObject({ number: 9, prev_number: 8, last_number: 1, total: 6 });
  });

  it('offset form pages with page[offset]/page[limit] (or page[size]), and caps sizes at 100', async () => {
    const t = make();
    const r = await t.call('GET', '/api/v2/team?page[offset]=4&page[limit]=2');
    expect(names(r.body)).toEqual(['Platform', 'Search']);
    expect(r.body.meta.pagination).toEqual({ offset: 4, first_offset: 0, prev_offset: 2, next_offset: 6, last_offset: 4, limit: 2, type: 'offset_limit', total: 6 });
    expect(r.body.links.prev).toBe('http://sandbox/api/v2/team?page[offset]=2&page[limit]=2');
    expect((await t.call('GET', '/api/v2/team?page[size]=3')).body.meta.pagination.limit).toBe(3);
    expect((await t.call('GET', '/api/v2/team?page[size]=1000&page[number]=0')).body.meta.pagination.size).toBe(100);
    expect((await t.call('GET', '/api/v2/team?page[number]=x')).status).toBe(400);
    const empty = make({ seed: 'empty' });
    expect((await empty.call('GET', '/api/v2/team')).body.meta.pagination).toMatchObject({ total: 0, last_offset: 0 });
  });

  it('filter[keyword], filter[me], sort, fields[team], and the filter kept in links', async () => {
    const t = make();
    const kw = await t.call('GET', '/api/v2/team?filter[keyword]=PAY&page[number]=0&page[size]=5');
    expect(names(kw.body)).toEqual(['Payments']);
    expect(kw.body.links.next).toBe('http://sandbox/api/v2/team?page[number]=1&page[size]=5&filter%5Bkeyword%5D=PAY');
    expect(names((await t.call('GET', '/api/v2/team?filter[keyword]=warehouse')).body)).toEqual(['Data']);
    expect(names((await t.call('GET', '/api/v2/team?filter[me]=true')).body)).toEqual(['Platform']);
    expect(names((await t.call('GET', '/api/v2/team?sort=-name')).body)[0]).toBe('Search');
    const byCount = (await t.call('GET', '/api/v2/team?sort=-user_count')).body.data;
    expect(byCount[0].attributes.handle).toBe(A.biggestTeam.handle);
    const sparse = await t.call('GET', '/api/v2/team?fields[team]=name,handle');
    expect(Object.keys(sparse.body.data[0].attributes).sort()).toEqual(['handle', 'name']);
    expect((await t.call('GET', '/api/v2/team?sort=size')).status).toBe(400);
  });
});

describe('GET, PATCH, DELETE /api/v2/team/{id}', () => {
  it('gets a team; 404 bodies for a malformed and an unknown id', async () => {
    const t = make();
    const r = await t.call('GET', `/api/v2/team/${A.teamIds.search}`);
    expect(r.body.data.attributes).toMatchObject({ name: 'Search', handle: 'search', user_count: 3 });
    expect((await t.call('GET', '/api/v2/team/nope')).body).toEqual({ errors: ['nope is not a valid UUID not found'] });
    const missing = '00000000-0000-4000-8000-0000000000cc';
    expect((await t.call('GET', `/api/v2/team/${missing}`)).body).toEqual({ errors: [`Team for ID ${missing} not found`] });
  });

  it('updates part of a team; a clash is a 409; modified_at moves', async () => {
    const t = make();
    t.clock.advance(1000);
    const r = await t.call('PATCH', `/api/v2/team/${A.teamIds.data}`, team({ name: 'Data Platform', description: null }));
    expect(r.status).toBe(200);
    expect(r.body.data.attributes).toMatchObject({ name: 'Data Platform', handle: 'data', description: null, user_count: 2 });
    expect(Date.parse(r.body.data.attributes.modified_at)).toBe(t.clock.now);
    const same = await t.call('PATCH', `/api/v2/team/${A.teamIds.data}`, team({ name: 'data platform' }));
    expect(same.status).toBe(200);
    const clash = await t.call('PATCH', `/api/v2/team/${A.teamIds.data}`, team({ handle: 'search' }));
    expect(clash.status).toBe(409);
    expect((await t.call('PATCH', `/api/v2/team/${A.teamIds.data}`, { data: { type: 'teams', attributes: {} } })).status).toBe(400);
    expect((await t.call('PATCH', '/api/v2/team/00000000-0000-4000-8000-0000000000cc', team({ name: 'x' }))).status).toBe(404);
  });

  it('deletes: 204, then 404; its memberships go too', async () => {
    const t = make();
    expect((await t.call('DELETE', `/api/v2/team/${A.teamIds.platform}`)).status).toBe(204);
    expect((await t.call('DELETE', `/api/v2/team/${A.teamIds.platform}`)).status).toBe(404);
    expect((await t.call('GET', `/api/v2/team/${A.teamIds.platform}/memberships`)).status).toBe(404);
    expect((await t.call('GET', '/api/v2/team')).body.meta.pagination.total).toBe(5);
    expect((await t.call('DELETE', '/api/v2/team/not-a-uuid')).body).toEqual({ errors: ['not-a-uuid is not a valid UUID not found'] });
  });
});
