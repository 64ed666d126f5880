import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from '../seed/anchors';
import { createTempSandbox, type Json, type TempSandbox } from '../testing/temp-sandbox';

const A = DEMO_ANCHORS;
const I = A.incidents;
const open: TempSandbox[] = [];
function make(...args: Parameters<typeof createTempSandbox>): TempSandbox {
  const t = createTempSandbox(...args);
  open.push(t);
  return t;
}
afterEach(() => {
  while (open.length) open.pop()!.dispose();
});

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

function body(attributes: Json, relationships?: Json): Json {
  return { data: { type: 'incidents', attributes, ...(relationships ? { relationships } : {}) } };
}
const dropdown = (value: string) => ({ type: 'dropdown', value });

async function create(t: TempSandbox, attributes: Json = {}, relationships?: Json): Promise<Json> {
  const r = await t.call('POST', '/api/v2/incidents', body({ title: 'Checkout errors', customer_impacted: false, ...attributes }, relationships));
  expect(r.status, r.text).toBe(201);
  return r.body.data;
}

describe('POST /api/v2/incidents', () => {
  it('answers 201 with defaults: active, UNKNOWN, IR-<next>, default fields, embedded users', async () => {
    const t = make();
    const d = await create(t);
    expect(d.type).toBe('incidents');
    expect(d.id).toMatch(/^[0-9a-f-]{36}$/);
    const a = d.attributes;
    expect(a).toMatchObject({ public_id: I.nextPublicId, title: 'Checkout errors', state: 'active', severity: 'UNKNOWN', customer_impacted: false, resolved: null });
    expect(a.fields).toEqual({
      teams: { type: 'autocomplete', value: null },
      severity: dropdown('UNKNOWN'),
      state: dropdown('active'),
      detection_method: dropdown('unknown'),
      root_cause: { type: 'textbox', value: null },
      summary: { type: 'textbox', value: null },
      services: { type: 'autocomplete', value: null },
      slug: { type: 'textbox', value: `IR-${I.nextPublicId}` },
    });
    expect(a.created).toBe(a.declared);
    expect(a.detected).toBe(a.created);
    expect(a.created_by.data.id).toBe(A.apiKeyOwner.uuid);
    expect(a.declared_by.data.attributes.handle).toBe(A.apiKeyOwner.handle);
    expect(a.commander).toBeNull();
    expect(d.relationships.commander_user).toEqual({ data: null });
    expect((await create(t)).attributes.public_id).toBe(I.nextPublicId + 1);
  });

  it('takes fields, impact, detected, notification handles, initial cells and a commander', async () => {
    const t = make();
    const start = iso(t.clock.now - 30 * MIN);
    const d = await create(
      t,
      {
        customer_impacted: true,
        customer_impact_scope: 'EU shoppers cannot pay',
        customer_impact_start: start,
        detected: iso(t.clock.now - 10 * MIN),
        fields: {
          severity: dropdown('SEV-2'),
          state: dropdown('stable'),
          teams: { type: 'autocomplete', value: ['checkout', 'payments', 'checkout'] },
          services: { type: 'autocomplete', value: ['checkout-api'] },
          summary: { type: 'textbox', value: 'Rolled back' },
          detection_method: dropdown('customer'),
        },
        notification_handles: [{ display_name: '#checkout-oncall', handle: '@slack-checkout-oncall' }],
        initial_cells: [{ cell_type: 'markdown', content: { content: 'Declared from watchdeck' }, important: false }],
      },
      { commander_user: { data: { type: 'users', id: I.activeSev2.commander.uuid } } },
    );
    const a = d.attributes;
    expect(a).toMatchObject({ state: 'stable', severity: 'SEV-2', customer_impact_scope: 'EU shoppers cannot pay', customer_impact_end: null });
    expect(Date.parse(a.customer_impact_start)).toBe(Date.parse(start));
    expect(a.fields.teams.value).toEqual(['checkout', 'payments']);
    expect(a.fields.detection_method.value).toBe('customer');
    expect(a.notification_handles).toEqual([{ display_name: '#checkout-oncall', handle: '@slack-checkout-oncall' }]);
    expect(a.commander.data.attributes.name).toBe(I.activeSev2.commander.name);
    expect(a.time_to_detect).toBe(20 * 60);
  });

  it('created resolved: resolved is now and an open impact ends now', async () => {
    const t = make();
    const a = (await create(t, { customer_impacted: true, customer_impact_scope: 's', customer_impact_start: iso(t.clock.now - 5 * MIN), fields: { state: dropdown('resolved') } })).attributes;
    expect(Date.parse(a.resolved)).toBe(t.clock.now);
    expect(Date.parse(a.customer_impact_end)).toBe(t.clock.now);
    expect(a.customer_impact_duration).toBe(300);
  });

  it.each([
    ['no title', { customer_impacted: false }, "'title' is a required property"],
    ['no customer_impacted', { title: 'x' }, "'customer_impacted' is a required property"],
    ['empty title', { title: '  ', customer_impacted: false }, "'  ' is too short"],
    ['title not a string', { title: 5, customer_impacted: false }, "5 is not of type 'string'"],
    ['customer_impacted not a boolean', { title: 'x', customer_impacted: 'yes' }, "'yes' is not of type 'boolean'"],
    ['unknown severity', { title: 'x', customer_impacted: false, fields: { severity: dropdown('SEV-9') } }, "'SEV-9' is not one of ['UNKNOWN', 'SEV-0', 'SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'SEV-5']"],
    ['unknown state', { title: 'x', customer_impacted: false, fields: { state: dropdown('closed') } }, "'closed' is not one of ['active', 'stable', 'resolved', 'completed']"],
    ['severity with the wrong field type', { title: 'x', customer_impacted: false, fields: { severity: { type: 'textbox', value: 'SEV-1' } } }, "'textbox' is not one of ['dropdown']"],
    ['teams not an array', { title: 'x', customer_impacted: false, fields: { teams: { type: 'autocomplete', value: 'checkout' } } }, "'checkout' is not of type 'array'"],
    ['top-level severity', { title: 'x', customer_impacted: false, severity: 'SEV-1' }, "'severity' is read-only: write it through fields.severity"],
    ['top-level state', { title: 'x', customer_impacted: false, state: 'active' }, "'state' is read-only: write it through fields.state"],
    ['unknown attribute', { title: 'x', customer_impacted: false, owner: 'me' }, "Additional properties are not allowed ('owner' was unexpected)"],
    ['impact without scope', { title: 'x', customer_impacted: true }, 'customer_impact_scope is required when customer_impacted is true'],
    [
      'impact end before start',
      { title: 'x', customer_impacted: true, customer_impact_scope: 's', customer_impact_start: '2025-03-10T11:00:00Z', customer_impact_end: '2025-03-10T10:00:00Z' },
      'customer_impact_end must not be before customer_impact_start',
    ],
    ['bad date', { title: 'x', customer_impacted: false, detected: 'yesterday' }, "Invalid detected: 'yesterday' is not an ISO-8601 date-time"],
    ['handle as a string', { title: 'x', customer_impacted: false, notification_handles: ['@slack-x'] }, "'@slack-x' is not of type 'object'"],
    ['bad initial cell', { title: 'x', customer_impacted: false, initial_cells: [{ cell_type: 'html', content: { content: 'x' } }] }, "'html' is not one of ['markdown']"],
  ])('400 for %s', async (_name, attributes, message) => {
    const t = make();
    const r = await t.call('POST', '/api/v2/incidents', body(attributes));
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toContain(message);
    expect((await t.call('GET', '/api/v2/incidents?page[size]=1')).body.data[0].attributes.public_id).toBe(I.count);
  });

  it('400 for a bad envelope, 404 for an unknown commander', async () => {
    const t = make();
    expect((await t.call('POST', '/api/v2/incidents', { data: { type: 'incident', attributes: {} } })).body).toEqual({ errors: ["'incident' is not one of ['incidents']"] });
    expect((await t.call('POST', '/api/v2/incidents', '{nope')).status).toBe(400);
    expect((await t.call('POST', '/api/v2/incidents', { data: { type: 'incidents' } })).body).toEqual({ errors: ["'attributes' is a required property"] });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const r = await t.call('POST', '/api/v2/incidents', body({ title: 'x', customer_impacted: false }, { commander_user: { data: { type: 'users', id: unknown } } }));
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ errors: [`User ${unknown} not found`] });
  });
});

describe('GET /api/v2/incidents/{id}', () => {
  it('answers the incident without embedded users; include=users adds them to included', async () => {
    const t = make();
    const r = await t.call('GET', `/api/v2/incidents/${I.activeSev2.id}`);
    expect(r.status).toBe(200);
    const a = r.body.data.attributes;
    expect(a).toMatchObject({ public_id: I.activeSev2.publicId, title: I.activeSev2.title, state: 'active', severity: 'SEV-2', customer_impacted: true });
    expect(a).not.toHaveProperty('commander');
    expect(r.body).not.toHaveProperty('included');
    expect(r.body.data.relationships.commander_user.data.id).toBe(I.activeSev2.commander.uuid);
    const inc = await t.call('GET', `/api/v2/incidents/${I.activeSev2.id}?include=users`);
    expect(inc.body.included.map((u: Json) => u.id)).toContain(I.activeSev2.commander.uuid);
    expect(inc.body.included[0]).toMatchObject({ type: 'users', attributes: { uuid: expect.any(String), handle: expect.any(String) } });
    expect((await t.call('GET', `/api/v2/incidents/${I.activeSev2.id}?include=monitors`)).status).toBe(400);
  });

  it('404 with the recorded message', async () => {
    const t = make();
    for (const id of ['6248184c-3ce0-54e7-a9f3-8db44efede9d', 'not-an-id']) {
      const r = await t.call('GET', `/api/v2/incidents/${id}`);
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ errors: [`incident ${id} not found`] });
    }
  });
});

describe('GET /api/v2/incidents (pagination and filters)', () => {
  it('is newest first, 10 by default, with next_offset while more remain', async () => {
    const t = make();
    const r = await t.call('GET', '/api/v2/incidents');
    expect(r.body.data).toHaveLength(10);
    expect(r.body.meta).toEqual({ pagination: { offset: 0, next_offset: 10, size: 10 } });
    const created = r.body.data.map((d: Json) => Date.parse(d.attributes.created));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(r.body.data[0].attributes.public_id).toBe(I.count);
  });

  it('last page: no next_offset; exactly full last page: none either', async () => {
    const t = make();
    const last = await t.call('GET', '/api/v2/incidents?page[size]=10&page[offset]=20');
    expect(last.body.data).toHaveLength(I.count - 20);
    expect(last.body.meta).toEqual({ pagination: { offset: 20, size: I.count - 20 } });
    const full = await t.call('GET', `/api/v2/incidents?page[size]=5&page[offset]=${I.count - 5}`);
    expect(full.body.meta).toEqual({ pagination: { offset: I.count - 5, size: 5 } });
    expect(full.body.data.at(-1).attributes.public_id).toBe(1);
  });

  it('empty page and offset past the end: data [], size 0, no next_offset', async () => {
    const t = make();
    const empty = await t.call('GET', '/api/v2/incidents?page[size]=5&page[offset]=25');
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ data: [], meta: { pagination: { offset: 25, size: 0 } } });
    const past = await t.call('GET', '/api/v2/incidents?page[offset]=1000');
    expect(past.body).toEqual({ data: [], meta: { pagination: { offset: 1000, size: 0 } } });
    const none = make({ seed: 'empty' });
    expect((await none.call('GET', '/api/v2/incidents')).body).toEqual({ data: [], meta: { pagination: { offset: 0, size: 0 } } });
  });

  it('caps page[size] at 100 and refuses malformed paging', async () => {
    const t = make();
    const big = await t.call('GET', '/api/v2/incidents?page[size]=500');
    expect(big.body.data).toHaveLength(I.count);
    expect((await t.call('GET', '/api/v2/incidents?page[size]=0')).status).toBe(400);
    expect((await t.call('GET', '/api/v2/incidents?page[offset]=-1')).status).toBe(400);
    expect((await t.call('GET', '/api/v2/incidents?page[size]=ten')).body.errors[0]).toContain("parameter 'page[size]'");
  });

  it('filter[state] and filter[severity] (comma lists) work, and page within the filter', async () => {
    const t = make();
    const active = await t.call('GET', '/api/v2/incidents?filter[state]=active&page[size]=100');
    expect(active.body.data).toHaveLength(I.byState.active!);
    const both = await t.call('GET', '/api/v2/incidents?filter[state]=active,stable&filter[severity]=SEV-1,sev-2&page[size]=100');
    for (const d of both.body.data) {
      expect(['active', 'stable']).toContain(d.attributes.state);
      expect(['SEV-1', 'SEV-2']).toContain(d.attributes.severity);
    }
    expect(both.body.data.map((d: Json) => d.id)).toContain(I.activeSev2.id);
    const paged = await t.call('GET', '/api/v2/incidents?filter[state]=completed&page[size]=5&page[offset]=5');
    expect(paged.body.meta.pagination).toEqual({ offset: 5, size: I.byState.completed! - 5 });
    expect((await t.call('GET', '/api/v2/incidents?filter[state]=open')).body).toEqual({ errors: ["Invalid value for parameter 'filter[state]': 'open'"] });
    expect((await t.call('GET', '/api/v2/incidents?filter[severity]=SEV-9')).status).toBe(400);
  });

  it('include=users lists each referenced user once', async () => {
    const t = make();
    const r = await t.call('GET', '/api/v2/incidents?include=users&page[size]=100');
    const ids = r.body.included.map((u: Json) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(I.activeSev2.commander.uuid);
  });
});

describe('DELETE /api/v2/incidents/{id}', () => {
  it('answers 204, then 404; todos and transitions go with it', async () => {
    const t = make();
    const r = await t.call('DELETE', `/api/v2/incidents/${I.activeSev2.id}`);
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect((await t.call('DELETE', `/api/v2/incidents/${I.activeSev2.id}`)).body).toEqual({ errors: [`incident ${I.activeSev2.id} not found`] });
    expect((await t.call('GET', `/api/v2/incidents/${I.activeSev2.id}`)).status).toBe(404);
    expect((await t.call('GET', `/api/v2/incidents/${I.activeSev2.id}/relationships/todos`)).status).toBe(404);
    expect((await t.call('GET', `/api/v2/incidents/${I.activeSev2.id}/transitions`)).status).toBe(404);
    const n = (await t.call('GET', '/api/v2/incidents?page[size]=100')).body.data.length;
    expect(n).toBe(I.count - 1);
  });
});

describe('auth on the incident, team and user routes', () => {
  it('answers 403 with the recorded body without both keys', async () => {
    const t = make();
    for (const p of ['/api/v2/incidents', '/api/v2/incidents/search?query=*', `/api/v2/incidents/${I.activeSev2.id}/transitions`, '/api/v2/team', '/api/v2/teams', '/api/v2/users']) {
      const r = await t.call('GET', p, undefined, { 'DD-APPLICATION-KEY': 'wrong' });
      expect(r.status, p).toBe(403);
      expect(r.body).toEqual({ errors: ['API key required'] });
    }
  });
});
