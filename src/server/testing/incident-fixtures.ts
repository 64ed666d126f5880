/** Raw Datadog incident, todo, user and team bodies for tests, shaped like ../shared/conformance/datadog/. */
import type { IncidentSummary } from '../../contract/incidents';
import { iso, NOW } from './fixtures';

type Json = Record<string, unknown>;

export const INCIDENT_ID = 'd466fcca-9324-5212-97d5-2f7e6d216322';
export const TODO_ID = 'fcbc4d56-bca2-5d1d-9b81-da1a2da35d28';
export const TEAM_ID = '8be92a56-405c-11ee-8f72-da7ad0900002';
export const USER_ADA = '3ad549bf-eba0-11e9-a77a-0705486660d0';
export const USER_GRACE = '654d8602-a17a-45dc-b651-ed566eb8a26b';

export const userBrief = (id: string, name: string | null, handle = `${(name ?? 'someone').toLowerCase()}@example.com`) => ({
  type: 'users',
  id,
  attributes: { uuid: id, handle, email: handle, name, icon: 'https://secure.gravatar.com/avatar/x' },
});

export interface IncidentOptions {
  id?: string;
  publicId?: number;
  title?: string;
  state?: string;
  severity?: string;
  teams?: string[] | null;
  created?: number;
  resolved?: number | null;
  impacted?: boolean;
  impactScope?: string | null;
  impactStart?: number | null;
  impactEnd?: number | null;
  /** Relationship only (as GET and list send it). */
  commanderId?: string | null;
  /** Embedded in attributes (as create, update and search send it). */
  commander?: { id: string; name: string | null } | null;
  attributes?: Json;
}

export function rawIncident(o: IncidentOptions = {}): Json {
  const id = o.id ?? INCIDENT_ID;
  const publicId = o.publicId ?? 12;
  const created = o.created ?? NOW - 3_600_000;
  const state = o.state ?? 'active';
  const severity = o.severity ?? 'SEV-2';
  return {
    type: 'incidents',
    id,
    attributes: {
      public_id: publicId,
      title: o.title ?? 'Checkout is down',
      resolved: o.resolved ? iso(o.resolved) : null,
      customer_impact_scope: o.impactScope ?? null,
      customer_impact_start: o.impactStart ? iso(o.impactStart) : null,
      customer_impact_end: o.impactEnd ? iso(o.impactEnd) : null,
      customer_impacted: o.impacted ?? false,
      notification_handles: null,
      created: iso(created),
      modified: iso(created),
      detected: iso(created - 60_000),
      declared: iso(created),
      customer_impact_duration: 0,
      time_to_detect: 0,
      time_to_repair: 0,
      is_test: false,
      fields: {
        teams: { type: 'autocomplete', value: o.teams ?? null },
        severity: { type: 'dropdown', value: severity },
        state: { type: 'dropdown', value: state },
        detection_method: { type: 'dropdown', value: 'unknown' },
        slug: { type: 'textbox', value: `IR-${publicId}` },
      },
      severity,
      state,
      visibility: 'organization',
      ...(o.commander !== undefined ? { commander: o.commander ? { data: userBrief(o.commander.id, o.commander.name) } : null } : {}),
      ...o.attributes,
    },
    relationships: {
      commander_user: { data: o.commanderId ? { type: 'users', id: o.commanderId } : null },
      created_by_user: { data: { type: 'users', id: USER_ADA } },
    },
  };
}

export function rawSearch(incidents: Json[], o: { total?: number; offset?: number; state?: Json[]; severity?: Json[] } = {}) {
  return {
    data: {
      type: 'incidents_search_results',
      attributes: {
        total: o.total ?? incidents.length,
        facets: {
          state: o.state ?? [{ name: 'active', count: incidents.length }],
          severity: o.severity ?? [{ name: 'SEV-2', count: incidents.length }],
          is_test: [{ name: 0, count: incidents.length }],
        },
        incidents: incidents.map((data) => ({ data })),
      },
    },
    included: [],
    meta: { pagination: { offset: o.offset ?? 0, next_offset: (o.offset ?? 0) + incidents.length, size: incidents.length } },
  };
}

export function rawTodo(o: { id?: string; content?: string; created?: number; completed?: number | null; assignees?: unknown[] } = {}): Json {
  const created = o.created ?? NOW - 1_800_000;
  return {
    type: 'incident_todos',
    id: o.id ?? TODO_ID,
    attributes: {
      created: iso(created),
      modified: iso(created),
      completed: o.completed ? iso(o.completed) : null,
      due_date: null,
      assignees: o.assignees ?? ['@ada@example.com'],
      content: o.content ?? 'Restore lost data.',
      incident_id: INCIDENT_ID,
    },
  };
}

export const rawTodoList = (todos: Json[]) => ({
  data: todos,
  meta: { pagination: { offset: 0, next_offset: todos.length, size: todos.length } },
});

export function rawTeam(o: { id?: string; name?: string; handle?: string; description?: string | null; userCount?: number } = {}): Json {
  const id = o.id ?? TEAM_ID;
  return {
    type: 'team',
    id,
    attributes: {
      name: o.name ?? 'Payments',
      handle: o.handle ?? 'payments',
      summary: null,
      description: o.description ?? null,
      avatar: null,
      banner: null,
      created_at: iso(NOW - 86_400_000),
      modified_at: iso(NOW - 3_600_000),
      user_count: o.userCount ?? 0,
      link_count: 0,
    },
    relationships: { team_links: { links: { related: `/api/v2/team/${id}/links` } } },
  };
}

export function rawMembership(userId: string, role: string | null = null): Json {
  return {
    id: `TeamMembership-${TEAM_ID}-${userId.slice(0, 8)}`,
    type: 'team_memberships',
    attributes: { provisioned_by: null, role },
    relationships: { user: { data: { id: userId, type: 'users' } } },
  };
}

export const rawUserFull = (id: string, name: string | null, extra: Json = {}) => ({
  type: 'users',
  id,
  attributes: {
    name,
    handle: `${(name ?? 'nobody').toLowerCase()}@example.com`,
    email: `${(name ?? 'nobody').toLowerCase()}@example.com`,
    disabled: false,
    status: 'Active',
    ...extra,
  },
});

/** The creation time of `incidentSummary()`: a fixed instant for the pure timeline and event tests. */
export const SUMMARY_T0 = Date.parse('2026-09-01T10:00:00.000Z');

/** A contract-shaped incident (what the BFF maps Datadog's body to), open, created at SUMMARY_T0. */
export function incidentSummary(o: Partial<IncidentSummary> = {}): IncidentSummary {
  return {
    id: 'inc-1',
    publicId: 7,
    title: 'Checkout down',
    severity: 'SEV-2',
    state: 'active',
    commander: null,
    teams: [],
    customerImpacted: false,
    customerImpactScope: null,
    customerImpactStart: null,
    customerImpactEnd: null,
    notificationHandles: [],
    createdAt: SUMMARY_T0,
    modifiedAt: SUMMARY_T0,
    detectedAt: null,
    resolvedAt: null,
    timeToDetect: null,
    timeToRepair: null,
    customerImpactDuration: null,
    ...o,
  };
}
