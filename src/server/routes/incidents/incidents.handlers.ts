import type { IncidentSummary, UpdateIncidentRequest } from '../../../contract/incidents';
import { actorOf } from '../../auth/actor';
import { validationError } from '../../lib/errors';
import { includedPeople, toIncidentList, toIncidentSummary, toTodo } from '../../upstreams/datadog/incident-map';
import { mutating, roleKey } from '../cached';
import { bind, type BoundRoute } from '../define-route';
import { incidentActivityRoutes } from './incident-activity.handlers';
import { changeEvents, declaredEvent, stamp } from './incident-events';
import { loadIncident, loadRawTodos, recordEvents } from './incidents.load';
import {
  declareIncidentRoute,
  deleteIncidentRoute,
  getIncidentRoute,
  listIncidentsRoute,
  resolveIncidentRoute,
  updateIncidentRoute,
} from './incidents.routes';
import { buildSearchQuery } from './search-query';
import { declareBody, impactOrderProblem, resolveBody, updateBody } from './upstream-bodies';

const listIncidents = bind(listIncidentsRoute, async ({ deps, query, req }) => {
  const q = buildSearchQuery(query);
  const page = { offset: query.offset, size: query.size };
  const snap = await deps.snapshots.get(roleKey(req, `incidents:${page.offset}:${page.size}:${q}`), () =>
    deps.datadog.searchIncidents(q, page.offset, page.size),
  );
  return { status: 200, body: { ...toIncidentList(snap.value, page), fetchedAt: snap.fetchedAt, stale: snap.stale } };
});

const declareIncident = bind(declareIncidentRoute, async ({ deps, body, req }) => {
  const actor = actorOf(req);
  const created = await mutating(deps, () => deps.datadog.createIncident(declareBody(body, actor, deps.now())));
  const incident = toIncidentSummary(created.data, includedPeople(created.included));
  req.audit.target = `incident:${incident.id}`;
  recordEvents(deps, stamp([declaredEvent(incident)], { incidentId: incident.id, actor: actor.username, at: deps.now() }));
  return { status: 201, body: incident };
});

const getIncident = bind(getIncidentRoute, async ({ deps, params, req }) => {
  const snap = await deps.snapshots.get(roleKey(req, `incident:${params.id}`), async () => {
    const [incident, todos] = await Promise.all([loadIncident(deps, params.id), loadRawTodos(deps, params.id)]);
    return { incident, todos: todos.map(toTodo) };
  });
  return { status: 200, body: { ...snap.value.incident, todos: snap.value.todos, fetchedAt: snap.fetchedAt, stale: snap.stale } };
});

/** An answer that names a commander only by id keeps the name watchdeck already knew. */
function keepKnownCommander(before: IncidentSummary, after: IncidentSummary): IncidentSummary {
  const c = after.commander;
  if (c && c.name === null && c.handle === c.id && before.commander?.id === c.id) return { ...after, commander: before.commander };
  return after;
}

const updateIncident = bind(updateIncidentRoute, async ({ deps, params, body, req }) => {
  const actor = actorOf(req);
  // The current values first: the timeline records what each field was, and an impact end must not precede its start.
  const before = await loadIncident(deps, params.id);
  const problem = impactOrderProblem(before, body);
  if (problem) throw validationError(problem);
  const updated = await mutating(deps, () => deps.datadog.updateIncident(params.id, updateBody(params.id, body)));
  const after = keepKnownCommander(before, toIncidentSummary(updated.data, includedPeople(updated.included)));
  const asked = Object.keys(body) as (keyof UpdateIncidentRequest)[];
  recordEvents(deps, stamp(changeEvents(before, after, asked), { incidentId: params.id, actor: actor.username, at: deps.now() }));
  return { status: 200, body: after };
});

const FINISHED = new Set(['resolved', 'completed']);

const resolveIncident = bind(resolveIncidentRoute, async ({ deps, params, req }) => {
  const actor = actorOf(req);
  const before = await loadIncident(deps, params.id);
  if (FINISHED.has(before.state)) return { status: 200, body: before };
  const now = deps.now();
  const updated = await mutating(deps, () => deps.datadog.updateIncident(params.id, resolveBody(before, now)));
  const after = keepKnownCommander(before, toIncidentSummary(updated.data, includedPeople(updated.included)));
  const events = changeEvents(before, after, ['state', 'customerImpactEnd']);
  recordEvents(deps, stamp(events, { incidentId: params.id, actor: actor.username, at: deps.now() }));
  return { status: 200, body: after };
});

const deleteIncident = bind(deleteIncidentRoute, async ({ deps, params }) => {
  await mutating(deps, () => deps.datadog.deleteIncident(params.id));
  deps.store.incidentEvents.deleteFor(params.id);
  return { status: 204 };
});

export const incidentRoutes: BoundRoute[] = [
  listIncidents,
  declareIncident,
  getIncident,
  updateIncident,
  resolveIncident,
  deleteIncident,
  ...incidentActivityRoutes,
];
