import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  IncidentDetailSchema,
  IncidentListResponseSchema,
  IncidentSummarySchema,
  PeopleResponseSchema,
  TimelineEntrySchema,
  TimelineResponseSchema,
  TodoSchema,
} from '../contract/incidents';
import { MemberSchema, TeamDetailSchema, TeamListResponseSchema, TeamSchema } from '../contract/teams';
// The real local Datadog behind the BFF, as embedded mode runs it.
import { createSandbox, type Sandbox } from '../sandbox/create-sandbox';
import { createApp } from './app';
import { silentLogger } from './lib/logger';
import { openStore, type BffStore } from './store/open-store';
import { seedSessions, testConfig, testPasswords, TEST_USERS } from './testing/test-app';
import { createDatadogClient } from './upstreams/datadog/client';

const KEYS = { apiKey: 'integration-api-key-0123456789abcdef', appKey: 'integration-app-key-0123456789abcdef0123' };

describe('incidents and teams: BFF + sandbox (embedded mode)', () => {
  let dir: string;
  let sandbox: Sandbox;
  let store: BffStore;
  let app: ReturnType<typeof createApp>;
  let cookies: Record<string, string>;
  const config = testConfig({ mode: 'embedded', upstream: null });
  const datadog = () =>
    createDatadogClient({ baseUrl: 'http://local-datadog.invalid', ...KEYS, fetch: (req) => sandbox.fetch(req), timeoutMs: 10_000 });

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'watchdeck-incidents-'));
    sandbox = createSandbox({ dataDir: path.join(dir, 'sandbox'), seed: 'demo', ...KEYS });
    store = openStore({ dataDir: path.join(dir, 'bff') });
    cookies = seedSessions(store, config, Date.now);
    app = createApp({ config, datadog: datadog(), logger: silentLogger, staticDir: null, store, passwords: testPasswords });
  });
  afterAll(() => {
    store.close();
    sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function call(method: string, p: string, body?: unknown, as: 'viewer' | 'responder' | 'admin' = 'responder', want = 200) {
    const res = await app.request(p, {
      method,
      headers: { 'X-CSRF': '1', Cookie: cookies[as] as string, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    expect([method, p, res.status, res.status === want ? null : json]).toEqual([method, p, want, null]);
    return json;
  }

  it('lists the demo incidents, filtered by state and severity, with facets and pages', async () => {
    const all = IncidentListResponseSchema.parse(await call('GET', '/api/incidents?size=10', undefined, 'viewer'));
    expect(all.total).toBeGreaterThanOrEqual(20);
    expect(all.incidents).toHaveLength(10);
    expect(all.nextOffset).toBe(10);
    expect(Object.values(all.facets.state).reduce((a, b) => a + b, 0)).toBe(all.total);
    const created = all.incidents.map((i) => i.createdAt);
    expect(created).toEqual([...created].sort((a, b) => b - a));

    const open = IncidentListResponseSchema.parse(await call('GET', '/api/incidents?state=active&state=stable&size=100', undefined, 'viewer'));
    expect(open.incidents.length).toBeGreaterThan(0);
    expect(open.incidents.every((i) => i.state === 'active' || i.state === 'stable')).toBe(true);
    expect(open.total).toBe((all.facets.state.active ?? 0) + (all.facets.state.stable ?? 0));
    expect(open.nextOffset).toBeNull();

    const past = IncidentListResponseSchema.parse(await call('GET', `/api/incidents?offset=${all.total + 10}`, undefined, 'viewer'));
    expect(past).toMatchObject({ incidents: [], total: all.total, nextOffset: null });
    const none = IncidentListResponseSchema.parse(await call('GET', '/api/incidents?q=no%20such%20incident%20anywhere', undefined, 'viewer'));
    expect(none).toMatchObject({ incidents: [], total: 0, nextOffset: null });
  });

  it('declares a SEV-2, raises it to SEV-1, adds a note, resolves it, and shows all four on the timeline in order', async () => {
    const people = PeopleResponseSchema.parse(await call('GET', '/api/people', undefined, 'viewer')).people;
    const commander = people.find((p) => p.name !== null);
    expect(commander).toBeDefined();
    const teams = TeamListResponseSchema.parse(await call('GET', '/api/teams', undefined, 'viewer')).teams;
    expect(teams.length).toBeGreaterThan(0);

    const declared = IncidentSummarySchema.parse(
      await call(
        'POST',
        '/api/incidents',
        {
          title: 'Integration: checkout payments failing',
          severity: 'SEV-2',
          customerImpacted: true,
          customerImpactScope: 'Some shoppers cannot pay',
          commanderId: commander?.id,
          teams: [teams[0]?.handle],
          notificationHandles: ['@slack-incidents'],
        },
        'responder',
        201,
      ),
    );
    expect(declared).toMatchObject({
      severity: 'SEV-2',
      state: 'active',
      customerImpacted: true,
      commander: { id: commander?.id, name: commander?.name },
      teams: [teams[0]?.handle],
      notificationHandles: [{ handle: '@slack-incidents' }],
    });
    const id = declared.id;

    const raised = IncidentSummarySchema.parse(await call('PATCH', `/api/incidents/${id}`, { severity: 'SEV-1' }));
    expect(raised.severity).toBe('SEV-1');
    TimelineEntrySchema.parse(await call('POST', `/api/incidents/${id}/notes`, { content: 'Rolled back the payments deploy' }, 'responder', 201));
    const todo = TodoSchema.parse(await call('POST', `/api/incidents/${id}/todos`, { content: 'Write the postmortem' }, 'responder', 201));
    expect(TodoSchema.parse(await call('PATCH', `/api/incidents/${id}/todos/${todo.id}`, { completed: true })).completedAt).not.toBeNull();
    const resolved = IncidentSummarySchema.parse(await call('POST', `/api/incidents/${id}/resolve`));
    expect(resolved.state).toBe('resolved');
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.customerImpactEnd).not.toBeNull();

    const detail = IncidentDetailSchema.parse(await call('GET', `/api/incidents/${id}`, undefined, 'viewer'));
    expect(detail.todos.map((t) => [t.content, t.completedAt !== null])).toEqual([['Write the postmortem', true]]);

    const { entries } = TimelineResponseSchema.parse(await call('GET', `/api/incidents/${id}/timeline`, undefined, 'viewer'));
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort((a, b) => a - b));
    const mine = entries.filter((e) => e.source === 'watchdeck');
    const kinds = mine.map((e) => e.kind);
    expect(kinds.slice(0, 5)).toEqual(['declared', 'severity', 'note', 'todo', 'todo_completed']);
    // The resolve ends customer impact and changes the state in one moment: either may come first.
    expect(kinds.slice(5).sort()).toEqual(['impact_end', 'state']);
    // Customer impact ended is told once, by who resolved, at Datadog's own time.
    expect(entries.filter((e) => e.kind === 'impact_end')).toEqual([
      expect.objectContaining({ source: 'watchdeck', at: resolved.customerImpactEnd }),
    ]);
    expect(mine.every((e) => e.actor === TEST_USERS.responder)).toBe(true);
    expect(mine.find((e) => e.kind === 'severity')).toMatchObject({ from: 'SEV-2', to: 'SEV-1' });
    expect(mine.find((e) => e.kind === 'state')).toMatchObject({ from: 'active', to: 'resolved' });
    // The local Datadog recorded the same state and severity changes: told once.
    expect(entries.filter((e) => e.source === 'transition')).toEqual([]);
    // The todo made through watchdeck is told once, with its author.
    expect(entries.filter((e) => e.source === 'todo')).toEqual([]);
    const order = ['declared', 'severity', 'note', 'resolved'].map((k) => entries.findIndex((e) => e.kind === k));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(entries.map((e) => `${e.source}:${e.kind}`)).toEqual(expect.arrayContaining(['milestone:impact_start', 'milestone:resolved']));

    // The events live in the BFF's file: a restarted BFF tells the same timeline.
    store.close();
    store = openStore({ dataDir: path.join(dir, 'bff') });
    app = createApp({ config, datadog: datadog(), logger: silentLogger, staticDir: null, store, passwords: testPasswords });
    const again = TimelineResponseSchema.parse(await call('GET', `/api/incidents/${id}/timeline`, undefined, 'viewer'));
    expect(again.entries.map((e) => e.id)).toEqual(entries.map((e) => e.id));

    // One audit record per change, with Datadog's real statuses.
    const actions = store.audit.query({ limit: 6 }).map((r) => [r.action, r.outcome, r.upstreamStatus]);
    expect(actions).toEqual([
      ['incident.resolve', 'allowed', 200],
      ['incident.todo.update', 'allowed', 200],
      ['incident.todo.create', 'allowed', 201],
      ['incident.note', 'allowed', 200],
      ['incident.update', 'allowed', 200],
      ['incident.declare', 'allowed', 201],
    ]);

    await call('DELETE', `/api/incidents/${id}`, undefined, 'admin', 204);
    await call('GET', `/api/incidents/${id}`, undefined, 'viewer', 404);
    expect(store.incidentEvents.list(id)).toEqual([]);
  });

  it('rejects bad input with 400 before the local Datadog sees it', async () => {
    const before = IncidentListResponseSchema.parse(await call('GET', '/api/incidents?size=1', undefined, 'viewer')).total;
    await call('POST', '/api/incidents', { title: '', severity: 'SEV-2', customerImpacted: false }, 'responder', 400);
    await call('POST', '/api/incidents', { title: 'x', severity: 'SEV-9', customerImpacted: false }, 'responder', 400);
    const anyId = IncidentListResponseSchema.parse(await call('GET', '/api/incidents?size=1', undefined, 'viewer')).incidents[0]?.id;
    await call('PATCH', `/api/incidents/${anyId}`, { customerImpactStart: Date.now(), customerImpactEnd: Date.now() - 60_000 }, 'responder', 400);
    expect(IncidentListResponseSchema.parse(await call('GET', '/api/incidents?size=1', undefined, 'viewer')).total).toBe(before);
  });

  it('shows the local Datadog’s own state and severity changes on a seeded incident’s timeline', async () => {
    const open = IncidentListResponseSchema.parse(await call('GET', '/api/incidents?state=active&state=stable&size=100', undefined, 'viewer'));
    const timelines = await Promise.all(
      open.incidents.map(async (i) => TimelineResponseSchema.parse(await call('GET', `/api/incidents/${i.id}/timeline`, undefined, 'viewer')).entries),
    );
    const transitions = timelines.flat().filter((e) => e.source === 'transition');
    expect(transitions.length).toBeGreaterThan(0);
    for (const t of transitions) {
      expect(['state', 'severity']).toContain(t.kind);
      expect(t.from).not.toBeNull();
      expect(t.actor).not.toBeNull();
    }
  });

  it('creates a team, adds a member, renames it, and deletes it', async () => {
    const person = PeopleResponseSchema.parse(await call('GET', '/api/people', undefined, 'viewer')).people[0];
    const team = TeamSchema.parse(await call('POST', '/api/teams', { name: 'Integration crew', handle: 'integration-crew' }, 'admin', 201));
    await call('POST', '/api/teams', { name: 'Integration crew', handle: 'integration-crew' }, 'admin', 409);
    const member = MemberSchema.parse(await call('POST', `/api/teams/${team.id}/members`, { userId: person?.id }, 'admin', 201));
    expect(member).toMatchObject({ id: person?.id, handle: person?.handle });
    await call('POST', `/api/teams/${team.id}/members`, { userId: person?.id }, 'admin', 409);
    const renamed = TeamSchema.parse(await call('PATCH', `/api/teams/${team.id}`, { name: 'Integration squad' }, 'admin'));
    expect(renamed).toMatchObject({ name: 'Integration squad', handle: 'integration-crew' });
    const detail = TeamDetailSchema.parse(await call('GET', `/api/teams/${team.id}`, undefined, 'viewer'));
    expect(detail.members.map((m) => m.id)).toEqual([person?.id]);
    const found = TeamListResponseSchema.parse(await call('GET', '/api/teams?q=integration', undefined, 'viewer'));
    expect(found.teams.map((t) => t.id)).toEqual([team.id]);
    await call('DELETE', `/api/teams/${team.id}/members/${encodeURIComponent(person?.id ?? '')}`, undefined, 'admin', 204);
    await call('DELETE', `/api/teams/${team.id}`, undefined, 'admin', 204);
    await call('GET', `/api/teams/${team.id}`, undefined, 'viewer', 404);
  });
});
