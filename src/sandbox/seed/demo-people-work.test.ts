import { afterEach, describe, expect, it } from 'vitest';
import { createTempSandbox, type Json, type TempSandbox } from '../testing/temp-sandbox';
import { DEMO_ANCHORS } from './anchors';
import { TEAMS } from './catalog-types';

const A = DEMO_ANCHORS;
const I = A.incidents;
const DAY_MS = 86_400_000;
const open: TempSandbox[] = [];
function make(...args: Parameters<typeof createTempSandbox>): TempSandbox {
  const t = createTempSandbox(...args);
  open.push(t);
  return t;
}
afterEach(() => {
  while (open.length) open.pop()!.dispose();
});

async function allIncidents(t: TempSandbox): Promise<Json[]> {
  return (await t.call('GET', '/api/v2/incidents?page[size]=100')).body.data;
}

describe('demo org: incidents', () => {
  it('has about 25 incidents over the past 90 days, IR-1..IR-25 oldest first', async () => {
    const t = make();
    const list = await allIncidents(t);
    expect(list).toHaveLength(I.count);
    expect(I.count).toBe(25);
    expect(list.map((i) => i.attributes.public_id)).toEqual(list.map((_, n) => I.count - n));
    for (const i of list) {
      const created = Date.parse(i.attributes.created);
      expect(created).toBeLessThanOrEqual(t.clock.now);
      expect(created).toBeGreaterThan(t.clock.now - 90 * DAY_MS);
      expect(Date.parse(i.attributes.detected)).toBeLessThanOrEqual(created);
      expect(i.attributes.fields.slug.value).toBe(`IR-${i.attributes.public_id}`);
    }
  });

  it('covers every state and severity, matching the anchors', async () => {
    const list = await allIncidents(make());
    const count = (key: string) => list.reduce<Record<string, number>>((m, i) => ({ ...m, [i.attributes[key]]: (m[i.attributes[key]] ?? 0) + 1 }), {});
    expect(count('state')).toEqual(I.byState);
    expect(count('severity')).toEqual(I.bySeverity);
    for (const s of ['active', 'stable', 'resolved', 'completed']) expect(I.byState[s], s).toBeGreaterThanOrEqual(1);
    for (const s of ['SEV-0', 'SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'SEV-5', 'UNKNOWN']) expect(I.bySeverity[s], s).toBeGreaterThanOrEqual(1);
  });

  it('is realistic: team handles from the six teams, services of the demo monitors, commanders, impact, resolution', async () => {
    const t = make();
    const list = await allIncidents(t);
    const monitors: Json[] = (await t.call('GET', '/api/v1/monitor')).body;
    const services = new Set(monitors.flatMap((m) => m.tags.filter((x: string) => x.startsWith('service:')).map((x: string) => x.slice(8))));
    const users = new Set((await t.call('GET', '/api/v2/users?page[size]=100')).body.data.map((u: Json) => u.id));
    for (const i of list) {
      const a = i.attributes;
      expect(a.fields.teams.value.length, a.title).toBeGreaterThanOrEqual(1);
      for (const team of a.fields.teams.value) expect(TEAMS).toContain(team);
      for (const s of a.fields.services.value) expect(services, s).toContain(s);
      const commander = i.relationships.commander_user.data;
      if (commander) expect(users).toContain(commander.id);
      const closed = a.state === 'resolved' || a.state === 'completed';
      expect(a.resolved !== null, a.title).toBe(closed);
      if (closed) expect(a.time_to_repair).toBeGreaterThan(0);
      if (a.customer_impacted) {
        expect(a.customer_impact_scope).toBeTruthy();
        expect(a.customer_impact_start).not.toBeNull();
        if (closed) expect(a.customer_impact_end).not.toBeNull();
      }
    }
    expect(list.filter((i) => i.attributes.customer_impacted).length).toBeGreaterThanOrEqual(5);
    expect(list.filter((i) => i.relationships.commander_user.data === null)).toHaveLength(1);
    expect(new Set(list.map((i) => i.relationships.commander_user.data?.id)).size).toBeGreaterThanOrEqual(8);
  });

  it('matches the incident anchors', async () => {
    const t = make();
    const get = async (id: string) => (await t.call('GET', `/api/v2/incidents/${id}`)).body.data;
    const sev2 = await get(I.activeSev2.id);
    expect(sev2.attributes).toMatchObject({ public_id: I.activeSev2.publicId, title: I.activeSev2.title, state: 'active', severity: 'SEV-2', customer_impacted: true, customer_impact_end: null });
    expect(sev2.attributes.fields.teams.value).toEqual(I.activeSev2.teams);
    expect(Date.parse(sev2.attributes.declared)).toBe(t.clock.now - I.activeSev2.declaredAgoMs);
    expect(sev2.relationships.commander_user.data.id).toBe(I.activeSev2.commander.uuid);
    const unassigned = await get(I.unassigned.id);
    expect(unassigned.attributes).toMatchObject({ public_id: I.count, state: 'active', severity: 'UNKNOWN' });
    expect(unassigned.relationships.commander_user.data).toBeNull();
    expect((await get(I.stable.id)).attributes).toMatchObject({ state: 'stable', severity: 'SEV-3' });
    const sev0 = await get(I.sev0.id);
    expect(sev0.attributes).toMatchObject({ state: 'completed', severity: 'SEV-0', customer_impact_duration: I.sev0.customerImpactDurationS });
    expect(sev0.attributes.fields.teams.value).toEqual(I.sev0.teams);
    for (const id of I.withTodos) {
      const todos = (await t.call('GET', `/api/v2/incidents/${id}/relationships/todos`)).body.data;
      expect(todos.length, id).toBeGreaterThan(0);
    }
    expect((await t.call('GET', `/api/v2/incidents/${I.sev0.id}/relationships/todos`)).body.data).toHaveLength(I.sev0.todoCount);
    expect((await t.call('GET', `/api/v2/incidents/${I.resolvedWithTodos.id}/relationships/todos`)).body.data).toHaveLength(I.resolvedWithTodos.todoCount);
  });

  it('has transitions for every incident, consistent with its final state and severity', async () => {
    const t = make();
    for (const i of await allIncidents(t)) {
      const tr: Json[] = (await t.call('GET', `/api/v2/incidents/${i.id}/transitions`)).body.data;
      const last = (field: string) => tr.filter((x) => x.attributes.field === field).at(-1)!.attributes.to;
      expect(last('state'), i.attributes.title).toBe(i.attributes.state);
      expect(last('severity'), i.attributes.title).toBe(i.attributes.severity);
      expect(tr[0].attributes.at).toBe(i.attributes.declared);
    }
  });
});

describe('demo org: teams and users', () => {
  it('has the six teams with the monitor team handles and 2 to 5 members each', async () => {
    const t = make();
    const teams = (await t.call('GET', '/api/v2/team')).body.data;
    expect(teams.map((x: Json) => x.attributes.handle).sort()).toEqual([...TEAMS].sort());
    for (const team of teams) {
      expect(team.attributes.user_count).toBeGreaterThanOrEqual(2);
      expect(team.attributes.user_count).toBeLessThanOrEqual(5);
      expect(team.id).toBe(A.teamIds[team.attributes.handle as keyof typeof A.teamIds]);
    }
  });

  it('has about 12 users; the anchored one is in no team', async () => {
    const t = make();
    expect(A.userCount).toBe(12);
    const members = new Set<string>();
    for (const team of A.teamList) {
      for (const m of (await t.call('GET', `/api/v2/team/${team.id}/memberships`)).body.data) members.add(m.relationships.user.data.id);
    }
    expect(members.has(A.userWithoutTeam.uuid)).toBe(false);
    expect(members.size).toBeGreaterThanOrEqual(10);
  });

  it('seed "empty" has the users but no teams or incidents', async () => {
    const t = make({ seed: 'empty' });
    expect((await t.call('GET', '/api/v2/team')).body.data).toEqual([]);
    expect((await t.call('GET', '/api/v2/teams')).body.data).toEqual([]);
    expect((await t.call('GET', '/api/v2/incidents')).body.data).toEqual([]);
    expect((await t.call('GET', '/api/v2/users')).body.meta.page.total_count).toBe(A.userCount);
    const c = await t.call('POST', '/api/v2/incidents', { data: { type: 'incidents', attributes: { title: 'first', customer_impacted: false } } });
    expect(c.body.data.attributes.public_id).toBe(1);
  });

  it('is deterministic', async () => {
    const a = make();
    const b = make();
    for (const p of ['/api/v2/incidents?page[size]=100', '/api/v2/team', `/api/v2/incidents/${I.sev0.id}/relationships/todos`]) {
      expect((await b.call('GET', p)).body, p).toEqual((await a.call('GET', p)).body);
    }
  });
});
