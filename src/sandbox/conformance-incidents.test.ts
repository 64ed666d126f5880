import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from './seed/anchors';
import { expectExact, expectShape, rec } from './testing/recorded';
import { createTempSandbox, type Json, type TempSandbox } from './testing/temp-sandbox';

/**
 * Incidents v2 against the recorded real Datadog bodies (see conformance.test.ts).
 *
 * Documented deviations (src/sandbox/deviations.md):
 * - the recordings' user ids do not exist here, so their commander ids are
 *   replaced by a demo user's before sending;
 * - `field_analytics` is a map keyed by state names, so which keys appear
 *   depends on the incident: it is checked separately, not by shape;
 * - the todos list recording shows `next_offset` on its last page; the
 *   sandbox omits it there, as incidents.list.page1 records.
 */
const A = DEMO_ANCHORS;
const COMMANDER = A.incidents.activeSev2.commander.uuid;
const FIELD_ANALYTICS = ['$.data.attributes.incidents[0].data.attributes.field_analytics', '$.included[0].attributes.field_analytics'];

let t: TempSandbox;
beforeAll(() => {
  t = createTempSandbox();
});
afterAll(() => t.dispose());

function createRequest(): Json {
  const body = rec('incidents.create.request.json');
  body.data.relationships.commander_user.data.id = COMMANDER;
  return body;
}

async function created(): Promise<string> {
  const r = await t.call('POST', '/api/v2/incidents', createRequest());
  expect(r.status).toBe(201);
  return r.body.data.id;
}

describe('incidents conformance', () => {
  it('create (recorded request, commander replaced)', async () => {
    const r = await t.call('POST', '/api/v2/incidents', createRequest());
    expectShape('incidents.create.response.json', r, 201);
    const a = r.body.data.attributes;
    expect(a.state).toBe('resolved');
    expect(a.fields.state).toEqual({ type: 'dropdown', value: 'resolved' });
    expect(a.severity).toBe('UNKNOWN');
    expect(a.fields.slug.value).toBe(`IR-${a.public_id}`);
    expect(a.commander.data.id).toBe(COMMANDER);
    expect(r.body.data.relationships.commander_user.data).toEqual({ type: 'users', id: COMMANDER });
    expect(Object.keys(a.fields)).toEqual(Object.keys(rec('incidents.create.response.json').data.attributes.fields));
  });

  it('get: no embedded users', async () => {
    const r = await t.call('GET', `/api/v2/incidents/${await created()}`);
    expectShape('incidents.get.response.json', r, 200);
    for (const key of ['commander', 'created_by', 'last_modified_by', 'declared_by']) expect(r.body.data.attributes).not.toHaveProperty(key);
  });

  it('list, and its two recorded pages (exact meta)', async () => {
    expectShape('incidents.list.response.json', await t.call('GET', '/api/v2/incidents'), 200);
    const e = createTempSandbox({ seed: 'empty' });
    try {
      for (let i = 0; i < 3; i++) await e.call('POST', '/api/v2/incidents', { data: { type: 'incidents', attributes: { title: `t${i}`, customer_impacted: false } } });
      const p0 = await e.call('GET', '/api/v2/incidents?page%5Bsize%5D=2');
      expectShape('incidents.list.page0.response.json', p0, 200);
      expect(p0.body.meta).toEqual(rec('incidents.list.page0.response.json').meta);
      const p1 = await e.call('GET', '/api/v2/incidents?page%5Bsize%5D=2&page%5Boffset%5D=2');
      expectShape('incidents.list.page1.response.json', p1, 200);
      expect(p1.body.meta).toEqual(rec('incidents.list.page1.response.json').meta);
    } finally {
      e.dispose();
    }
  });

  it('update (recorded request): resolved, embedded users', async () => {
    const id = await t.call('POST', '/api/v2/incidents', { data: { type: 'incidents', attributes: { title: 'x', customer_impacted: false } } });
    const req = rec('incidents.update.request.json');
    req.data.id = id.body.data.id;
    const r = await t.call('PATCH', `/api/v2/incidents/${id.body.data.id}`, req);
    expectShape('incidents.update.response.json', r, 200);
    expect(r.body.data.attributes.title).toBe(req.data.attributes.title);
    expect(r.body.data.attributes.state).toBe('resolved');
    expect(r.body.data.attributes.resolved).not.toBeNull();
  });

  it('add and remove the commander (recorded requests)', async () => {
    const id = (await t.call('POST', '/api/v2/incidents', { data: { type: 'incidents', attributes: { title: 'x', customer_impacted: false } } })).body.data.id;
    const add = rec('incidents.update.add_commander.request.json');
    add.data.id = id;
    add.data.relationships.commander_user.data.id = COMMANDER;
    const added = await t.call('PATCH', `/api/v2/incidents/${id}`, add);
    expectShape('incidents.update.add_commander.response.json', added, 200);
    expect(added.body.data.attributes.commander.data.id).toBe(COMMANDER);
    const remove = rec('incidents.update.remove_commander.request.json');
    remove.data.id = id;
    const removed = await t.call('PATCH', `/api/v2/incidents/${id}`, remove);
    expectShape('incidents.update.remove_commander.response.json', removed, 200);
    expect(removed.body.data.attributes.commander).toBeNull();
    expect(removed.body.data.relationships.commander_user).toEqual({ data: null });
  });

  it('delete: 204 without a body, then the recorded 404', async () => {
    const id = await created();
    const r = await t.call('DELETE', `/api/v2/incidents/${id}`);
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect((await t.call('DELETE', `/api/v2/incidents/${id}`)).body).toEqual({ errors: [`incident ${id} not found`] });
    expectExact('incidents.delete.404.response.json', await t.call('DELETE', '/api/v2/incidents/6248184c-3ce0-54e7-a9f3-8db44efede9d'), 404);
  });

  it('search (the recorded query)', async () => {
    const r = await t.call('GET', `/api/v2/incidents/search?query=${encodeURIComponent('state:(active OR stable OR resolved)')}`);
    expectShape('incidents.search.response.json', r, 200, { ignore: FIELD_ANALYTICS });
    const recorded = rec('incidents.search.response.json');
    expect(Object.keys(r.body.data.attributes.facets).sort()).toEqual(Object.keys(recorded.data.attributes.facets).sort());
    const fa = r.body.data.attributes.incidents[0].data.attributes.field_analytics;
    for (const entry of Object.values(fa.state) as Json[]) {
      expect(typeof entry.duration).toBe('number');
      expect(typeof entry.spans[0].start).toBe('number');
    }
    expect(r.body.included[0]).toEqual(r.body.data.attributes.incidents[0].data);
  });

  it('todos: create (recorded request) and list', async () => {
    const id = await created();
    const c = await t.call('POST', `/api/v2/incidents/${id}/relationships/todos`, rec('incidents.todos.create.request.json'));
    expectShape('incidents.todos.create.response.json', c, 201);
    expect(c.body.data.attributes.incident_id).toBe(id);
    const list = await t.call('GET', `/api/v2/incidents/${id}/relationships/todos`);
    expectShape('incidents.todos.list.response.json', list, 200, { ignore: ['$.meta.pagination.next_offset'] });
    expect(list.body.meta.pagination).toEqual({ offset: 0, size: 1 });
  });
});
