import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from '../seed/anchors';
import { createTempSandbox, type Json, type TempSandbox } from '../testing/temp-sandbox';

const I = DEMO_ANCHORS.incidents;
let t: TempSandbox;
beforeAll(() => {
  t = createTempSandbox();
});
afterAll(() => t.dispose());

async function search(query: string, extra = ''): Promise<Json> {
  const r = await t.call('GET', `/api/v2/incidents/search?query=${encodeURIComponent(query)}${extra}`);
  expect(r.status, r.text).toBe(200);
  return r.body;
}
const incidents = (b: Json): Json[] => b.data.attributes.incidents.map((x: Json) => x.data);
const facet = (b: Json, name: string): Record<string, number> =>
  Object.fromEntries(b.data.attributes.facets[name].map((f: Json) => [f.name, f.count]));
const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

describe('GET /api/v2/incidents/search', () => {
  it('answers the recorded envelope with total, facets, incidents and included', async () => {
    const b = await search('state:(active OR stable) AND severity:(SEV-1 OR SEV-2)', '&page[size]=100');
    expect(b.data.type).toBe('incidents_search_results');
    const found = incidents(b);
    for (const i of found) {
      expect(['active', 'stable']).toContain(i.attributes.state);
      expect(['SEV-1', 'SEV-2']).toContain(i.attributes.severity);
    }
    expect(b.data.attributes.total).toBe(found.length);
    expect(found.map((i) => i.id)).toContain(I.activeSev2.id);
    expect(b.included.map((i: Json) => i.id)).toEqual(found.map((i) => i.id));
    expect(b.data.relationships.incidents_relationship.data).toEqual(found.map((i) => ({ type: 'incidents', id: i.id })));
    expect(found[0].attributes.created_by.data.type).toBe('users');
    expect(b.meta).toEqual({ pagination: { offset: 0, size: found.length } });
  });

  it('state:active AND severity:SEV-2 finds the two active SEV-2 incidents', async () => {
    const b = await search('state:active AND severity:SEV-2');
    expect(b.data.attributes.total).toBe(I.activeSev2Count);
    expect(incidents(b).map((i) => i.id)).toContain(I.activeSev2.id);
  });

  it('facets count every match (not only the page), with every known state and severity', async () => {
    const b = await search('*', '&page[size]=3');
    expect(incidents(b)).toHaveLength(3);
    expect(b.data.attributes.total).toBe(I.count);
    expect(facet(b, 'state')).toEqual(I.byState);
    const sev = facet(b, 'severity');
    expect(Object.fromEntries(Object.entries(sev).filter(([, n]) => n > 0))).toEqual(I.bySeverity);
    expect(Object.keys(sev).sort()).toEqual(['SEV-0', 'SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'SEV-5', 'UNKNOWN']);
    const filtered = await search('state:active');
    expect(facet(filtered, 'state')).toEqual({ active: I.byState.active, stable: 0, resolved: 0, completed: 0 });
    expect(sum(facet(filtered, 'severity'))).toBe(I.byState.active);
    const teams = b.data.attributes.facets.fields.find((f: Json) => f.name === 'teams');
    expect(teams.facets.map((f: Json) => f.name).sort()).toEqual([...DEMO_ANCHORS.teams].sort());
    expect(b.data.attributes.facets.customer_impacted[1].name).toBe(true);
  });

  it('filters by team handle (team: and teams:), service, commander, impact and free text', async () => {
    const byTeam = await search('teams:checkout', '&page[size]=100');
    for (const i of incidents(byTeam)) expect(i.attributes.fields.teams.value).toContain('checkout');
    expect((await search('team:checkout')).data.attributes.total).toBe(byTeam.data.attributes.total);
    expect((await search('teams:(data OR search)')).data.attributes.total).toBeGreaterThan((await search('teams:data')).data.attributes.total);
    expect(incidents(await search('service:checkout-api')).map((i) => i.id)).toContain(I.activeSev2.id);
    expect(incidents(await search(`commander:${I.activeSev2.commander.handle} state:active`)).map((i) => i.id)).toEqual([I.activeSev2.id]);
    for (const i of incidents(await search('customer_impacted:true', '&page[size]=100'))) expect(i.attributes.customer_impacted).toBe(true);
    const text = await search('"p99 latency"');
    expect(incidents(text).map((i) => i.attributes.title)).toEqual([I.activeSev2.title]);
    expect(incidents(await search(`IR-${I.sev0.publicId}`)).map((i) => i.id)).toEqual([I.sev0.id]);
    expect((await search('no-such-words-anywhere')).data.attributes).toMatchObject({ total: 0, incidents: [] });
  });

  it('supports NOT / minus, OR across fields, and parentheses', async () => {
    const notResolved = await search('-state:(resolved OR completed)', '&page[size]=100');
    expect(notResolved.data.attributes.total).toBe(I.byState.active! + I.byState.stable!);
    const mixed = await search('(state:stable OR severity:SEV-0) AND NOT teams:mobile', '&page[size]=100');
    for (const i of incidents(mixed)) {
      expect(i.attributes.state === 'stable' || i.attributes.severity === 'SEV-0').toBe(true);
      expect(i.attributes.fields.teams.value).not.toContain('mobile');
    }
  });

  it('sorts by -created (default) or created, and pages with offset', async () => {
    const newest = incidents(await search('*', '&page[size]=100')).map((i) => i.attributes.public_id);
    expect(newest[0]).toBe(I.count);
    const oldest = incidents(await search('*', '&page[size]=100&sort=created')).map((i) => i.attributes.public_id);
    expect(oldest).toEqual([...newest].reverse());
    const p = await search('*', '&page[size]=10&page[offset]=10');
    expect(p.meta.pagination).toEqual({ offset: 10, next_offset: 20, size: 10 });
    const last = await search('*', '&page[size]=10&page[offset]=20');
    expect(last.meta.pagination).toEqual({ offset: 20, size: 5 });
    const past = await search('*', '&page[offset]=99');
    expect(past.data.attributes).toMatchObject({ total: I.count, incidents: [] });
    expect(past.meta.pagination).toEqual({ offset: 99, size: 0 });
  });

  it('carries field_analytics built from the state transitions', async () => {
    const b = await search(`IR-${I.sev0.publicId}`);
    const fa = incidents(b)[0].attributes.field_analytics.state;
    expect(Object.keys(fa)).toEqual(['active', 'stable', 'resolved', 'completed']);
    expect(fa.active.duration).toBe(42 * 60);
    expect(fa.completed.spans[0].end).toBeNull();
  });

  it('400 for a bad query, a missing query, or a bad sort', async () => {
    for (const q of ['state:(active OR', 'state:nope', 'foo:bar', '']) {
      const r = await t.call('GET', `/api/v2/incidents/search?query=${encodeURIComponent(q)}`);
      expect(r.status, q).toBe(400);
      expect(r.body.errors[0]).toMatch(/^Invalid query: /);
    }
    expect((await t.call('GET', '/api/v2/incidents/search')).body).toEqual({ errors: ["Missing required query parameter 'query'"] });
    expect((await t.call('GET', '/api/v2/incidents/search?query=*&sort=title')).status).toBe(400);
  });
});
