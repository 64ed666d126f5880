import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from '../seed/anchors';
import { createTempSandbox, type Json, type TempSandbox } from '../testing/temp-sandbox';

const I = DEMO_ANCHORS.incidents;
const OWNER = DEMO_ANCHORS.apiKeyOwner.uuid;
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
const dropdown = (value: string) => ({ type: 'dropdown', value });
const patchBody = (attributes?: Json, relationships?: Json, id?: string): Json => ({
  data: { type: 'incidents', ...(id ? { id } : {}), ...(attributes ? { attributes } : {}), ...(relationships ? { relationships } : {}) },
});

async function patch(t: TempSandbox, id: string, attributes?: Json, relationships?: Json) {
  return t.call('PATCH', `/api/v2/incidents/${id}`, patchBody(attributes, relationships));
}

async function transitions(t: TempSandbox, id: string): Promise<Json[]> {
  const r = await t.call('GET', `/api/v2/incidents/${id}/transitions`);
  expect(r.status).toBe(200);
  return r.body.data;
}

async function declare(t: TempSandbox, attributes: Json = {}): Promise<string> {
  const r = await t.call('POST', '/api/v2/incidents', {
    data: { type: 'incidents', attributes: { title: 'Checkout errors', customer_impacted: false, fields: { severity: dropdown('SEV-2') }, ...attributes } },
  });
  expect(r.status, r.text).toBe(201);
  return r.body.data.id;
}

describe('PATCH /api/v2/incidents/{id}', () => {
  it('writes state and severity through fields, mirrors them, and embeds users', async () => {
    const t = make();
    t.clock.advance(5 * MIN);
    const r = await patch(t, I.activeSev2.id, { fields: { severity: dropdown('SEV-1'), state: dropdown('stable') } });
    expect(r.status).toBe(200);
    const a = r.body.data.attributes;
    expect(a).toMatchObject({ severity: 'SEV-1', state: 'stable', title: I.activeSev2.title });
    expect(a.fields.severity).toEqual(dropdown('SEV-1'));
    expect(a.fields.teams.value).toEqual(['checkout']);
    expect(a.last_modified_by.data.id).toBe(OWNER);
    expect(Date.parse(a.modified)).toBe(t.clock.now);
    expect(a.commander.data.id).toBe(I.activeSev2.commander.uuid);
    const got = await t.call('GET', `/api/v2/incidents/${I.activeSev2.id}`);
    expect(got.body.data.attributes).toMatchObject({ severity: 'SEV-1', state: 'stable' });
  });

  it('refuses writes to the top-level mirrors, unknown values, and a mismatched id', async () => {
    const t = make();
    for (const [attrs, msg] of [
      [{ state: 'resolved' }, "'state' is read-only"],
      [{ severity: 'SEV-1' }, "'severity' is read-only"],
      [{ fields: { severity: dropdown('SEV-6') } }, "'SEV-6' is not one of"],
      [{ fields: { state: dropdown('done') } }, "'done' is not one of"],
      [{ public_id: 3 }, "Additional properties are not allowed ('public_id' was unexpected)"],
      [{ initial_cells: [] }, "Additional properties are not allowed ('initial_cells' was unexpected)"],
      [{ detected: null }, "None is not of type 'string'"],
    ] as const) {
      const r = await patch(t, I.activeSev2.id, attrs);
      expect(r.status, JSON.stringify(attrs)).toBe(400);
      expect(r.body.errors[0]).toContain(msg);
    }
    const mismatch = await t.call('PATCH', `/api/v2/incidents/${I.activeSev2.id}`, patchBody({ title: 'x' }, undefined, I.stable.id));
    expect(mismatch.body).toEqual({ errors: ['The incident id in the body does not match the URL'] });
    expect((await t.call('GET', `/api/v2/incidents/${I.activeSev2.id}`)).body.data.attributes.severity).toBe('SEV-2');
    expect((await t.call('GET', `/api/v2/incidents/${I.activeSev2.id}/transitions`)).body.data).toHaveLength(3);
  });

  it('404 for an unknown incident and for an unknown commander', async () => {
    const t = make();
    const id = '00000000-0000-4000-8000-000000000001';
    expect((await patch(t, id, { title: 'x' })).body).toEqual({ errors: [`incident ${id} not found`] });
    const r = await patch(t, I.activeSev2.id, undefined, { commander_user: { data: { type: 'users', id } } });
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ errors: [`User ${id} not found`] });
  });

  it('sets, changes and removes the commander', async () => {
    const t = make();
    const set = await patch(t, I.unassigned.id, undefined, { commander_user: { data: { type: 'users', id: DEMO_ANCHORS.userWithoutTeam.uuid } } });
    expect(set.body.data.attributes.commander.data.attributes.handle).toBe(DEMO_ANCHORS.userWithoutTeam.handle);
    expect(set.body.data.relationships.commander_user.data.id).toBe(DEMO_ANCHORS.userWithoutTeam.uuid);
    const removed = await patch(t, I.unassigned.id, undefined, { commander_user: { data: null } });
    expect(removed.body.data.attributes.commander).toBeNull();
    expect((await t.call('GET', `/api/v2/incidents/${I.unassigned.id}`)).body.data.relationships.commander_user.data).toBeNull();
  });

  it('updates title, teams, services and impact fields', async () => {
    const t = make();
    const start = t.clock.now - 20 * MIN;
    const r = await patch(t, I.unassigned.id, {
      title: 'Node pool prod-eu-1 degraded',
      fields: { teams: { type: 'autocomplete', value: ['platform', 'search'] }, summary: { type: 'textbox', value: 'Kubelet OOM' } },
      customer_impacted: true,
      customer_impact_scope: 'Search slow in EU',
      customer_impact_start: iso(start),
    });
    expect(r.status, r.text).toBe(200);
    const a = r.body.data.attributes;
    expect(a.title).toBe('Node pool prod-eu-1 degraded');
    expect(a.fields.teams.value).toEqual(['platform', 'search']);
    expect(a.fields.services.value).toEqual(['kubernetes']);
    expect(a.fields.summary.value).toBe('Kubelet OOM');
    expect(Date.parse(a.customer_impact_start)).toBe(start);
    const off = await patch(t, I.unassigned.id, { customer_impacted: false });
    expect(off.body.data.attributes).toMatchObject({ customer_impacted: false, customer_impact_scope: null, customer_impact_start: null, customer_impact_end: null });
    const bad = await patch(t, I.activeSev2.id, { customer_impact_end: iso(t.clock.now - 24 * 60 * MIN) });
    expect(bad.body).toEqual({ errors: ['customer_impact_end must not be before customer_impact_start'] });
  });

  it('resolving sets resolved and ends the impact now; durations follow; reopening clears resolved', async () => {
    const t = make();
    t.clock.advance(30 * MIN);
    const r = await patch(t, I.activeSev2.id, { fields: { state: dropdown('resolved') } });
    const a = r.body.data.attributes;
    expect(Date.parse(a.resolved)).toBe(t.clock.now);
    expect(Date.parse(a.customer_impact_end)).toBe(t.clock.now);
    const detected = Date.parse(a.detected);
    const declared = Date.parse(a.declared);
    const impactStart = Date.parse(a.customer_impact_start);
    expect(a.time_to_detect).toBe((detected - impactStart) / 1000);
    expect(a.time_to_repair).toBe((t.clock.now - detected) / 1000);
    expect(a.time_to_resolve).toBe((t.clock.now - declared) / 1000);
    expect(a.customer_impact_duration).toBe((t.clock.now - impactStart) / 1000);
    // completed keeps the resolution time.
    t.clock.advance(MIN);
    const done = await patch(t, I.activeSev2.id, { fields: { state: dropdown('completed') } });
    expect(done.body.data.attributes.resolved).toBe(a.resolved);
    const reopened = await patch(t, I.activeSev2.id, { fields: { state: dropdown('active') } });
    expect(reopened.body.data.attributes.resolved).toBeNull();
    expect(reopened.body.data.attributes.time_to_repair).toBe(0);
  });

  it('an explicit resolved or impact end wins over now', async () => {
    const t = make();
    const at = t.clock.now - 5 * MIN;
    const r = await patch(t, I.activeSev2.id, { fields: { state: dropdown('resolved') }, resolved: iso(at), customer_impact_end: iso(at) });
    expect(Date.parse(r.body.data.attributes.resolved)).toBe(at);
    expect(Date.parse(r.body.data.attributes.customer_impact_end)).toBe(at);
  });

  it('without customer impact, resolving leaves the impact empty', async () => {
    const t = make();
    const r = await patch(t, I.stable.id, { fields: { state: dropdown('resolved') } });
    expect(r.body.data.attributes).toMatchObject({ customer_impacted: false, customer_impact_end: null, customer_impact_duration: 0 });
  });
});

describe('GET /api/v2/incidents/{id}/transitions (sandbox-only)', () => {
  it('records the initial state and severity, then each change, with time and user', async () => {
    const t = make();
    const id = await declare(t);
    t.clock.advance(MIN);
    await patch(t, id, { fields: { severity: dropdown('SEV-1') } });
    t.clock.advance(MIN);
    await patch(t, id, { title: 'only the title' });
    await patch(t, id, { fields: { severity: dropdown('SEV-1') } });
    t.clock.advance(MIN);
    await patch(t, id, { fields: { state: dropdown('resolved'), severity: dropdown('SEV-2') } });
    const data = await transitions(t, id);
    expect(data.map((d) => [d.attributes.field, d.attributes.from, d.attributes.to])).toEqual([
      ['state', null, 'active'],
      ['severity', null, 'SEV-2'],
      ['severity', 'SEV-2', 'SEV-1'],
      ['state', 'active', 'resolved'],
      ['severity', 'SEV-1', 'SEV-2'],
    ]);
    expect(data[0]).toMatchObject({ type: 'incident_transition', id: expect.any(String), relationships: { user: { data: { type: 'users', id: OWNER } } } });
    expect(Date.parse(data[2].attributes.at)).toBe(Date.parse(data[0].attributes.at) + MIN);
    expect(Date.parse(data[3].attributes.at)).toBe(Date.parse(data[0].attributes.at) + 3 * MIN);
  });

  it('has the seeded history of the demo incidents', async () => {
    const t = make();
    const data = await transitions(t, I.activeSev2.id);
    expect(data.map((d) => ({ field: d.attributes.field, from: d.attributes.from, to: d.attributes.to }))).toEqual(I.activeSev2.transitions);
    expect(data[2].relationships.user.data.id).toBe(I.activeSev2.commander.uuid);
    const sev0 = await transitions(t, I.sev0.id);
    expect(sev0.filter((d) => d.attributes.field === 'state').map((d) => d.attributes.to)).toEqual(['active', 'stable', 'resolved', 'completed']);
    expect((await t.call('GET', '/api/v2/incidents/00000000-0000-4000-8000-000000000009/transitions')).status).toBe(404);
  });
});
