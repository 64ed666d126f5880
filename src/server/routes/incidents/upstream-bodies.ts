import type { CreateTodoRequestSchema, DeclareIncidentRequestSchema, IncidentSummary, UpdateIncidentRequestSchema } from '../../../contract/incidents';
import type { z } from 'zod';
import type { Actor } from '../../lib/request-context';
import type { RawIncidentCreate, RawIncidentUpdate, RawTodo, RawTodoWrite } from '../../upstreams/datadog/incident-schemas';

/**
 * What the BFF sends Datadog for each incident change (pure). State and
 * severity are written through `attributes.fields` (DIFFERENCES.md 2); the
 * commander through `relationships.commander_user`; times as ISO-8601.
 */
type Declare = z.output<typeof DeclareIncidentRequestSchema>;
type Update = z.output<typeof UpdateIncidentRequestSchema>;
type CreateTodo = z.output<typeof CreateTodoRequestSchema>;

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
const teamsField = (teams: readonly string[]) => ({ type: 'autocomplete' as const, value: teams.length > 0 ? [...teams] : null });

/** Markdown characters escaped, so a proxy-supplied username is shown as text, never as a link or markup. */
export function markdownText(s: string): string {
  return s.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`);
}

/** The first timeline cell names the real author (SECURITY 36): the signed-in user, never anything the client sent. */
export const declaredCell = (actor: Actor) => `Declared by ${markdownText(actor.username)} via watchdeck`;

export function declareBody(body: Declare, actor: Actor, now: number): RawIncidentCreate {
  const fields: RawIncidentCreate['data']['attributes']['fields'] = {
    state: { type: 'dropdown', value: 'active' },
    severity: { type: 'dropdown', value: body.severity },
  };
  if (body.teams && body.teams.length > 0) fields.teams = teamsField(body.teams);
  const attributes: RawIncidentCreate['data']['attributes'] = {
    title: body.title,
    customer_impacted: body.customerImpacted,
    fields,
    initial_cells: [{ cell_type: 'markdown', content: { content: declaredCell(actor) }, important: false }],
  };
  if (body.customerImpacted) {
    if (body.customerImpactScope !== undefined) attributes.customer_impact_scope = body.customerImpactScope;
    attributes.customer_impact_start = iso(body.customerImpactStart ?? now);
  }
  if (body.notificationHandles && body.notificationHandles.length > 0) {
    attributes.notification_handles = body.notificationHandles.map((handle) => ({ display_name: handle.slice(1), handle }));
  }
  const out: RawIncidentCreate = { data: { type: 'incidents', attributes } };
  if (body.commanderId !== undefined) out.data.relationships = { commander_user: { data: { type: 'users', id: body.commanderId } } };
  return out;
}

export function updateBody(id: string, body: Update): RawIncidentUpdate {
  const attributes: NonNullable<RawIncidentUpdate['data']['attributes']> = {};
  const fields: NonNullable<typeof attributes.fields> = {};
  if (body.state !== undefined) fields.state = { type: 'dropdown', value: body.state };
  if (body.severity !== undefined) fields.severity = { type: 'dropdown', value: body.severity };
  if (body.teams !== undefined) fields.teams = teamsField(body.teams);
  if (Object.keys(fields).length > 0) attributes.fields = fields;
  if (body.title !== undefined) attributes.title = body.title;
  if (body.customerImpacted !== undefined) attributes.customer_impacted = body.customerImpacted;
  if (body.customerImpactScope !== undefined) attributes.customer_impact_scope = body.customerImpactScope;
  if (body.customerImpactStart !== undefined) attributes.customer_impact_start = isoOrNull(body.customerImpactStart);
  if (body.customerImpactEnd !== undefined) attributes.customer_impact_end = isoOrNull(body.customerImpactEnd);
  const out: RawIncidentUpdate = { data: { id, type: 'incidents' } };
  if (Object.keys(attributes).length > 0) out.data.attributes = attributes;
  if (body.commanderId !== undefined) {
    out.data.relationships = { commander_user: { data: body.commanderId === null ? null : { type: 'users', id: body.commanderId } } };
  }
  return out;
}

/** Resolve now: state resolved, `resolved` now, and an open customer impact ends now. */
export function resolveBody(incident: IncidentSummary, now: number): RawIncidentUpdate {
  const attributes: NonNullable<RawIncidentUpdate['data']['attributes']> = {
    fields: { state: { type: 'dropdown', value: 'resolved' } },
    resolved: iso(now),
  };
  if (incident.customerImpacted && incident.customerImpactEnd === null) attributes.customer_impact_end = iso(now);
  return { data: { id: incident.id, type: 'incidents', attributes } };
}

/** Is a customer impact's end before its start, once this change is applied to what the incident has now? */
export function impactOrderProblem(incident: IncidentSummary, body: Update): Record<string, string[]> | null {
  const start = body.customerImpactStart !== undefined ? body.customerImpactStart : incident.customerImpactStart;
  const end = body.customerImpactEnd !== undefined ? body.customerImpactEnd : incident.customerImpactEnd;
  if (start === null || end === null || end >= start) return null;
  const field = body.customerImpactEnd !== undefined ? 'customerImpactEnd' : 'customerImpactStart';
  return { [field]: [field === 'customerImpactEnd' ? 'The end is before the start' : 'The start is after the end'] };
}

export function todoCreateBody(body: CreateTodo): RawTodoWrite {
  return {
    data: {
      type: 'incident_todos',
      attributes: {
        content: body.content,
        // Datadog requires the list, empty or not.
        assignees: body.assignees ?? [],
        ...(body.dueAt !== undefined ? { due_date: iso(body.dueAt) } : {}),
      },
    },
  };
}

/**
 * A todo change. Datadog requires content and assignees on every write, so
 * the todo's current ones are sent back with the change. Completing sets
 * `completed` to now (an already completed todo keeps its time); reopening
 * clears it.
 */
export function todoUpdateBody(current: RawTodo, change: { completed?: boolean; content?: string }, now: number): RawTodoWrite {
  const a = current.attributes;
  let completed = a?.completed ?? null;
  if (change.completed === true) completed = completed ?? iso(now);
  if (change.completed === false) completed = null;
  return {
    data: {
      type: 'incident_todos',
      attributes: {
        content: change.content ?? a?.content ?? '',
        assignees: (a?.assignees ?? []).filter((x) => x !== null),
        completed,
        due_date: a?.due_date ?? null,
      },
    },
  };
}
