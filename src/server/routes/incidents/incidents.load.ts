import type { IncidentSummary } from '../../../contract/incidents';
import type { ServerDeps } from '../../lib/deps';
import type { NewIncidentEvent } from '../../store/incident-events-store';
import {
  includedPeople,
  nameTransitions,
  toIncidentSummary,
  toPerson,
  toTransitions,
  type Transition,
} from '../../upstreams/datadog/incident-map';
import type { RawTodo } from '../../upstreams/datadog/incident-schemas';
import { isUpstreamError } from '../../upstreams/upstream-error';

/** Reading incidents, todos and transitions from Datadog, and recording watchdeck's events. */
export const TODO_PAGE_SIZE = 100;
/** Users read to name transitions (the largest page Datadog's users list gives). */
const USERS_PAGE_SIZE = 100;
const MAX_TODO_PAGES = 20;

export async function loadIncident(deps: ServerDeps, id: string): Promise<IncidentSummary> {
  const one = await deps.datadog.getIncident(id);
  return toIncidentSummary(one.data, includedPeople(one.included));
}

/** Every todo of an incident, page by page (stops at a short page, a page with nothing new, or the cap). */
export async function loadRawTodos(deps: ServerDeps, incidentId: string): Promise<RawTodo[]> {
  const byId = new Map<string, RawTodo>();
  for (let page = 0; page < MAX_TODO_PAGES; page++) {
    const res = await deps.datadog.listTodosPage(incidentId, page * TODO_PAGE_SIZE, TODO_PAGE_SIZE);
    const before = byId.size;
    for (const t of res.data) if (!byId.has(t.id)) byId.set(t.id, t);
    if (res.data.length < TODO_PAGE_SIZE || byId.size === before) break;
  }
  return [...byId.values()];
}

/**
 * The local Datadog's state and severity transitions. Real Datadog has no
 * such endpoint, so in real mode nothing is asked; elsewhere any failure
 * (a 404 from a server without it, a timeout) means no transitions, never a
 * failed timeline.
 */
export async function loadTransitions(deps: ServerDeps, incidentId: string): Promise<Transition[]> {
  if (deps.config.mode === 'real') return [];
  let transitions: Transition[];
  try {
    transitions = toTransitions((await deps.datadog.incidentTransitions(incidentId)).data);
  } catch (err) {
    if (!isUpstreamError(err)) throw err;
    deps.logger.debug('no incident transitions', { incidentId, kind: err.kind, upstreamStatus: err.status ?? null });
    return [];
  }
  // Who made them, when the record gives only a user id: one look at the users, or no names.
  if (!transitions.some((t) => t.actor === null && t.userId !== null)) return transitions;
  try {
    const users = await deps.datadog.listUsers(undefined, USERS_PAGE_SIZE);
    const people = new Map(users.data.flatMap((u) => (u ? [[u.id, toPerson(u)] as const] : [])));
    return nameTransitions(transitions, people);
  } catch (err) {
    if (!isUpstreamError(err)) throw err;
    return transitions;
  }
}

/**
 * Records events after the upstream change succeeded. A failure to store is
 * logged, not answered: the change itself is done and must not look failed.
 */
export function recordEvents(deps: ServerDeps, events: readonly NewIncidentEvent[]): void {
  if (events.length === 0) return;
  try {
    deps.store.incidentEvents.append(events);
  } catch (err) {
    deps.logger.error('incident events could not be stored', { incidentId: events[0]?.incidentId ?? null, error: err });
  }
}
