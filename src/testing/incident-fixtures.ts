import type {
  IncidentDetail,
  IncidentListResponse,
  IncidentSummary,
  PersonRef,
  TimelineEntry,
  Todo,
} from '../contract/incidents';
import { FIXTURE_NOW } from './monitor-fixtures';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A UUID-shaped id: uuid(7) -> 00000000-0000-4000-8000-000000000007. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export const people: PersonRef[] = [
  { id: 'u-ada', name: 'Ada Lovelace', handle: 'ada@example.com', email: 'ada@example.com' },
  { id: 'u-grace', name: 'Grace Hopper', handle: 'grace@example.com', email: 'grace@example.com' },
  { id: 'u-linus', name: null, handle: 'linus@example.com', email: null },
];

export function buildTodo(n: number, overrides: Partial<Todo> = {}): Todo {
  return {
    id: uuid(500 + n),
    content: `Todo ${n}`,
    completedAt: null,
    dueAt: null,
    assignees: [],
    createdAt: FIXTURE_NOW - HOUR,
    ...overrides,
  };
}

/** IR-<n>, active SEV-2, declared 2 h before FIXTURE_NOW, detected 10 min later, customers affected. */
export function buildIncident(n: number, overrides: Partial<IncidentDetail> = {}): IncidentDetail {
  const createdAt = FIXTURE_NOW - 2 * HOUR;
  return {
    id: uuid(n),
    publicId: n,
    title: `Incident number ${n}`,
    severity: 'SEV-2',
    state: 'active',
    commander: people[0]!,
    teams: ['payments'],
    customerImpacted: true,
    customerImpactScope: 'EU customers cannot pay by card',
    customerImpactStart: createdAt - 5 * MINUTE,
    customerImpactEnd: null,
    notificationHandles: [],
    createdAt,
    modifiedAt: createdAt,
    detectedAt: createdAt + 10 * MINUTE,
    resolvedAt: null,
    timeToDetect: null,
    timeToRepair: null,
    customerImpactDuration: null,
    todos: [],
    ...overrides,
  };
}

export function summaryOf(detail: IncidentDetail): IncidentSummary {
  const { todos: _todos, ...summary } = detail;
  return summary;
}

function count(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** A list answer for one page of `all` (facets over all of them), as the BFF sends it. */
export function incidentListResponse(all: IncidentSummary[], page: { offset?: number; size?: number } = {}): IncidentListResponse {
  const offset = page.offset ?? 0;
  const size = page.size ?? 25;
  const incidents = all.slice(offset, offset + size);
  return {
    incidents,
    total: all.length,
    facets: { state: count(all.map((i) => i.state)), severity: count(all.map((i) => i.severity)) },
    offset,
    size,
    nextOffset: offset + size < all.length ? offset + size : null,
  };
}

export function buildEntry(n: number, kind: string, at: number, overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id: `e-${n}`,
    at,
    kind,
    actor: null,
    summary: kind,
    detail: null,
    source: 'watchdeck',
    link: null,
    ...overrides,
  };
}

/** The timeline of a declared SEV-2 raised to SEV-1, with a note, a mute, a completed todo, an unknown kind, and a resolution. */
export function sampleTimeline(incident: IncidentSummary): TimelineEntry[] {
  const t0 = incident.createdAt;
  // Deliberately not in time order: the page sorts them.
  return [
    buildEntry(6, 'resolved', t0 + 90 * MINUTE, { summary: 'Incident resolved', source: 'milestone' }),
    buildEntry(1, 'declared', t0, { summary: 'Incident declared as SEV-2', actor: 'alice', source: 'milestone' }),
    buildEntry(2, 'severity', t0 + 20 * MINUTE, { summary: 'Severity SEV-2 → SEV-1', actor: 'alice', from: 'SEV-2', to: 'SEV-1' }),
    buildEntry(3, 'note', t0 + 30 * MINUTE, {
      summary: 'Note by alice',
      actor: 'alice',
      detail: 'Rolled back checkout-api to v412.\nError rate falling.',
    }),
    buildEntry(4, 'mute', t0 + 40 * MINUTE, {
      summary: 'Muted Checkout latency p99 (host:web-1) for 1 h',
      actor: 'alice',
      source: 'mute',
      link: '/monitors/3',
    }),
    buildEntry(5, 'todo_completed', t0 + 50 * MINUTE, { summary: 'Todo completed: Post the status page update', source: 'todo' }),
    buildEntry(7, 'postmortem_linked', t0 + 95 * MINUTE, { summary: 'Postmortem linked', source: 'datadog' }),
  ];
}
