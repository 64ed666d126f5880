import type {
  AppConfig,
  Downtime,
  GroupState,
  MonitorDetail,
  MonitorListResponse,
  MonitorSummary,
} from '../contract/monitors';
import { groupTags } from '../contract/scope';

/** A fixed "now" for fixtures: 2025-06-03 12:00:00 UTC. */
export const FIXTURE_NOW = Date.UTC(2025, 5, 3, 12, 0, 0);
const HOUR = 3_600_000;

export const appConfig: AppConfig = { mode: 'embedded', site: null, refreshIntervalMs: 30_000 };

export function buildGroup(name: string, status: string, overrides: Partial<GroupState> = {}): GroupState {
  return {
    name,
    status,
    tags: groupTags(name),
    lastTriggeredAt: status === 'OK' ? null : FIXTURE_NOW - 2 * HOUR,
    lastResolvedAt: status === 'OK' ? FIXTURE_NOW - 5 * HOUR : null,
    lastNodataAt: null,
    lastNotifiedAt: null,
    muted: false,
    mutedUntil: null,
    ...overrides,
  };
}

export function buildDowntime(overrides: Partial<Downtime> = {}): Downtime {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    scope: '*',
    monitorId: 1,
    monitorTags: null,
    status: 'active',
    message: 'Planned maintenance',
    startAt: FIXTURE_NOW - HOUR,
    endAt: FIXTURE_NOW + 2 * HOUR,
    createdAt: FIXTURE_NOW - HOUR,
    creator: { name: 'Ada Lovelace', handle: 'ada@example.com' },
    ...overrides,
  };
}

function countGroups(groups: GroupState[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const g of groups) counts[g.status] = (counts[g.status] ?? 0) + 1;
  return counts;
}

export function buildSummary(overrides: Partial<MonitorSummary> & Pick<MonitorSummary, 'id' | 'name'>): MonitorSummary {
  return {
    type: 'metric alert',
    query: `avg(last_5m):avg:system.cpu.user{*} > 90`,
    message: 'CPU is high.\n@pagerduty-payments',
    tags: [],
    priority: null,
    overallState: 'OK',
    overallStateModifiedAt: FIXTURE_NOW - HOUR,
    multi: false,
    creator: { name: 'Grace Hopper', handle: 'grace@example.com' },
    createdAt: FIXTURE_NOW - 30 * 24 * HOUR,
    modifiedAt: FIXTURE_NOW - 24 * HOUR,
    groupCounts: { OK: 1 },
    mute: { state: 'none', endsAt: null, mutedGroups: 0, downtimes: 0 },
    ...overrides,
  };
}

export function buildDetail(
  summary: MonitorSummary,
  groups: GroupState[],
  downtimes: Downtime[] = [],
  overrides: Partial<MonitorDetail> = {},
): MonitorDetail {
  return {
    ...summary,
    groupCounts: countGroups(groups),
    options: {},
    groups,
    downtimes,
    fetchedAt: FIXTURE_NOW,
    stale: false,
    ...overrides,
  };
}

/** The web tier's CPU monitor: 4 groups, one in Alert, one in Warn. */
export const cpuGroups: GroupState[] = [
  buildGroup('env:prod,host:web-1', 'Alert'),
  buildGroup('env:prod,host:web-2', 'Warn'),
  buildGroup('env:prod,host:web-3', 'OK'),
  buildGroup('env:staging,host:web-9', 'OK'),
];

export const monitors: MonitorSummary[] = [
  buildSummary({
    id: 1,
    name: 'High CPU on web tier',
    tags: ['team:web', 'env:prod', 'service:frontend'],
    priority: 2,
    overallState: 'Alert',
    multi: true,
    query: 'avg(last_5m):avg:system.cpu.user{env:*} by {env,host} > 90',
    groupCounts: countGroups(cpuGroups),
  }),
  buildSummary({
    id: 2,
    name: 'Payments API error rate',
    type: 'query alert',
    tags: ['team:payments', 'env:prod', 'service:payments-api'],
    priority: 1,
    overallState: 'Warn',
    query: 'sum(last_10m):sum:trace.http.request.errors{service:payments-api}.as_count() > 50',
    groupCounts: { Warn: 1, OK: 3 },
  }),
  buildSummary({
    id: 3,
    name: 'Checkout latency p99',
    type: 'query alert',
    tags: ['team:payments', 'env:prod'],
    priority: 3,
    overallState: 'OK',
    groupCounts: { OK: 12 },
    mute: { state: 'all', endsAt: FIXTURE_NOW + 2 * HOUR + 13 * 60_000, mutedGroups: 12, downtimes: 1 },
  }),
  buildSummary({
    id: 4,
    name: 'Disk space on db hosts',
    tags: ['team:data', 'env:prod'],
    priority: null,
    overallState: 'No Data',
    groupCounts: { 'No Data': 2, OK: 1 },
    mute: { state: 'partial', endsAt: FIXTURE_NOW + HOUR, mutedGroups: 3, downtimes: 2 },
  }),
  buildSummary({
    id: 5,
    name: 'Nightly batch heartbeat',
    type: 'service check',
    tags: ['team:data'],
    priority: 5,
    overallState: 'OK',
    groupCounts: { OK: 1 },
    mute: { state: 'all', endsAt: null, mutedGroups: 1, downtimes: 1 },
  }),
  buildSummary({
    id: 6,
    name: 'Auth service 5xx',
    type: 'query alert',
    tags: ['team:identity', 'env:staging'],
    priority: 2,
    overallState: 'Alert',
    groupCounts: { Alert: 1 },
  }),
];

export function listResponse(list: MonitorSummary[] = monitors, overrides: Partial<MonitorListResponse> = {}): MonitorListResponse {
  return { monitors: list, fetchedAt: FIXTURE_NOW, stale: false, ...overrides };
}

/** Monitor 1 with its four groups and no downtimes. */
export function cpuDetail(overrides: Partial<MonitorDetail> = {}): MonitorDetail {
  return buildDetail(monitors[0]!, cpuGroups, [], overrides);
}
