import type { PlanRequest } from '../../../contract/maintenance-schedule';
import type { FakeReply, FakeUpstream, RecordedRequest } from '../../testing/fake-upstream';
import { iso, NOW, rawDowntime, rawGroup, rawMonitor, rawUser } from '../../testing/fixtures';
import { setup, type SetupOptions } from '../../testing/test-app';

/**
 * For the maintenance route tests: handlers on the recording fake Datadog that keep state, so a
 * downtime created, patched or canceled shows in the next listing like it would upstream. Every
 * request is still recorded on `fake.requests` for the tests to assert on.
 */
type Json = Record<string, unknown>;

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** Monitor 1 (team:payments, env:prod): web-1 in Alert, web-2 OK. Monitor 2 (team:payments): db-1 Warn, db-2 OK. Monitor 3 (team:web): OK. */
export function demoMonitors(): Json[] {
  return [
    rawMonitor(1, {
      name: 'Checkout latency',
      tags: ['team:payments', 'env:prod'],
      state: { groups: { 'host:web-1': rawGroup('host:web-1', 'Alert'), 'host:web-2': rawGroup('host:web-2', 'OK') } },
    }),
    rawMonitor(2, {
      name: 'Payments DB',
      tags: ['team:payments'],
      state: {
        groups: {
          'env:prod,host:db-1': rawGroup('env:prod,host:db-1', 'Warn'),
          'env:staging,host:db-2': rawGroup('env:staging,host:db-2', 'OK'),
        },
      },
    }),
    rawMonitor(3, { name: 'Web errors', tags: ['team:web'], state: { groups: { 'host:web-9': rawGroup('host:web-9', 'OK') } } }),
  ];
}

/** A downtime id the fake hands out: the nth, as a UUID. */
export const downtimeId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export interface FakeDatadog {
  monitors: Json[];
  downtimes: Json[];
  users: Json[];
  /** The nth create (1-based) gets this reply instead. */
  failCreate: Map<number, FakeReply>;
  /** Successful creates answer after this long (so a failure can land while they are in flight). */
  createDelayMs: number;
  /** PATCHes of this downtime id get this reply instead. */
  failPatch: Map<string, FakeReply>;
  /** DELETEs of this downtime id get this reply instead. */
  failDelete: Map<string, FakeReply>;
  /** Sets a group's state on a monitor (the next listing shows it). */
  setGroup(monitorId: number, group: string, status: string | null): void;
  find(id: string): Json | undefined;
}

const attrsOf = (d: Json) => d.attributes as Json;
const bodyAttrs = (req: RecordedRequest) => ((req.body as { data: { attributes: Json } }).data.attributes ?? {}) as Json;
const idOf = (req: RecordedRequest) => decodeURIComponent(req.path.split('/').at(-1) ?? '');

/** What Datadog answers for a schedule it was sent: times filled in, a status by the clock. */
function storedSchedule(schedule: Json, now: number): { schedule: Json; status: string } {
  if (Array.isArray(schedule.recurrences)) return { schedule: { ...schedule }, status: 'scheduled' };
  const start = typeof schedule.start === 'string' ? schedule.start : iso(now);
  const end = (schedule.end as string | null | undefined) ?? null;
  return { schedule: { start, end }, status: Date.parse(start) > now ? 'scheduled' : 'active' };
}

export function fakeDatadog(fake: FakeUpstream, init: { monitors?: Json[]; downtimes?: Json[]; users?: Json[]; now?: () => number } = {}): FakeDatadog {
  const now = init.now ?? (() => NOW);
  let creates = 0;
  let made = 0;
  const state: FakeDatadog = {
    monitors: init.monitors ?? demoMonitors(),
    downtimes: init.downtimes ?? [],
    users: init.users ?? [rawUser('user-1', 'Grace')],
    failCreate: new Map(),
    createDelayMs: 0,
    failPatch: new Map(),
    failDelete: new Map(),
    setGroup(monitorId, group, status) {
      const m = state.monitors.find((x) => x.id === monitorId) as { state: { groups: Record<string, Json> } };
      if (status === null) delete m.state.groups[group];
      else m.state.groups[group] = rawGroup(group, status);
    },
    find: (id) => state.downtimes.find((d) => d.id === id),
  };
  fake.on('GET', '/api/v1/monitor', (req) => {
    const page = Number(req.query.page ?? '0');
    const size = Number(req.query.page_size ?? '1000');
    return { body: state.monitors.slice(page * size, (page + 1) * size) };
  });
  fake.on('GET', '/api/v2/downtime', (req) => {
    const offset = Number(req.query['page[offset]'] ?? '0');
    const limit = Number(req.query['page[limit]'] ?? '100');
    return {
      body: {
        data: state.downtimes.slice(offset, offset + limit),
        included: state.users,
        meta: { page: { total_filtered_count: state.downtimes.length } },
      },
    };
  });
  fake.on('POST', '/api/v2/downtime', (req) => {
    creates += 1;
    const failure = state.failCreate.get(creates);
    if (failure) return failure;
    const attrs = bodyAttrs(req);
    const { schedule, status } = storedSchedule(attrs.schedule as Json, now());
    const d = rawDowntime(downtimeId(++made), { ...attrs, schedule, status, created: iso(now()), modified: iso(now()) });
    state.downtimes.push(d);
    return { body: { data: d, included: state.users.slice(0, 1) }, delayMs: state.createDelayMs };
  });
  fake.on('PATCH', /^\/api\/v2\/downtime\/[^/]+$/, (req) => {
    const id = idOf(req);
    const failure = state.failPatch.get(id);
    if (failure) return failure;
    const d = state.find(id);
    if (!d) return { status: 404, body: { errors: ['Downtime not found'] } };
    const patch = bodyAttrs(req);
    const a = attrsOf(d);
    Object.assign(a, patch, { modified: iso(now()) });
    if (patch.schedule) a.schedule = { ...(a.schedule as Json), ...(patch.schedule as Json) };
    return { body: { data: d } };
  });
  fake.on('DELETE', /^\/api\/v2\/downtime\/[^/]+$/, (req) => {
    const id = idOf(req);
    const failure = state.failDelete.get(id);
    if (failure) return failure;
    const d = state.find(id);
    if (!d) return { status: 404, body: { errors: ['Downtime not found'] } };
    Object.assign(attrsOf(d), { status: 'canceled', canceled: iso(now()) });
    return { status: 204 };
  });
  return state;
}

/** The test app with the stateful fake Datadog. */
export function maintenanceSetup(options: SetupOptions & { monitors?: Json[]; downtimes?: Json[]; users?: Json[] } = {}) {
  const t = setup(options);
  const dd = fakeDatadog(t.fake, { monitors: options.monitors, downtimes: options.downtimes, users: options.users, now: options.now });
  return { ...t, dd };
}

/** A plan that passes every guardrail for a responder: monitor 1, now for two hours. */
export function plan(extra: Partial<PlanRequest> = {}): PlanRequest {
  return {
    targets: { monitorIds: [1], monitorTags: [] },
    scope: '*',
    schedule: { kind: 'once', start: null, end: NOW + 2 * HOUR },
    reason: 'Database upgrade',
    ...extra,
  };
}

/** The requests that change something upstream. */
export const writes = (fake: FakeUpstream) => fake.requests.filter((r) => r.method !== 'GET');

/** "METHOD path" of every request, in order. */
export const lines = (requests: readonly RecordedRequest[]) => requests.map((r) => `${r.method} ${r.path}`);
