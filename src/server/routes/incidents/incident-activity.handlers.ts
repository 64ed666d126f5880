import { actorOf } from '../../auth/actor';
import { HttpError } from '../../lib/errors';
import { toTodo } from '../../upstreams/datadog/incident-map';
import { mutating, roleKey } from '../cached';
import { bind, type BoundRoute } from '../define-route';
import { noteEvent, stamp, todoChangeEvents, todoCreatedEvent } from './incident-events';
import { loadIncident, loadRawTodos, loadTransitions, recordEvents } from './incidents.load';
import { addNoteRoute, createTodoRoute, timelineRoute, updateTodoRoute } from './incidents.routes';
import { assembleTimeline, eventEntry, MUTE_ACTIONS, openWindow } from './timeline';
import { todoCreateBody, todoUpdateBody } from './upstream-bodies';

/** Notes, todos and the timeline of one incident. */

/** Most mute and unmute records one timeline shows (the latest are kept). */
export const MAX_TIMELINE_MUTES = 1000;

const addNote = bind(addNoteRoute, async ({ deps, params, body, req }) => {
  const actor = actorOf(req);
  // The incident must exist: a note on nothing would be kept forever.
  await loadIncident(deps, params.id);
  // Here the store IS the change: a failure to write is a failure of the request.
  const [event] = stamp([noteEvent(body.content)], { incidentId: params.id, actor: actor.username, at: deps.now() });
  if (!event) throw new Error('no note event');
  const [id] = deps.store.incidentEvents.append([event]);
  return { status: 201, body: eventEntry({ ...event, id: id ?? 0 }) };
});

const createTodo = bind(createTodoRoute, async ({ deps, params, body, req }) => {
  const actor = actorOf(req);
  const created = await mutating(deps, () => deps.datadog.createTodo(params.id, todoCreateBody(body)));
  const todo = toTodo(created.data);
  req.audit.target = `incident:${params.id}/todo:${todo.id}`;
  recordEvents(deps, stamp([todoCreatedEvent(todo)], { incidentId: params.id, actor: actor.username, at: deps.now() }));
  return { status: 201, body: todo };
});

const updateTodo = bind(updateTodoRoute, async ({ deps, params, body, req }) => {
  const actor = actorOf(req);
  // Datadog wants the whole todo on a write, and the timeline wants to know what changed.
  const current = (await loadRawTodos(deps, params.id)).find((t) => t.id === params.todoId);
  if (!current) throw new HttpError(404, 'not_found', 'This incident has no such todo');
  const updated = await mutating(deps, () =>
    deps.datadog.updateTodo(params.id, params.todoId, todoUpdateBody(current, body, deps.now())),
  );
  const [before, after] = [toTodo(current), toTodo(updated.data)];
  recordEvents(deps, stamp(todoChangeEvents(before, after), { incidentId: params.id, actor: actor.username, at: deps.now() }));
  return { status: 200, body: after };
});

const timeline = bind(timelineRoute, async ({ deps, params, req }) => {
  const snap = await deps.snapshots.get(roleKey(req, `incident-timeline:${params.id}`), async () => {
    const [incident, todos, transitions] = await Promise.all([
      loadIncident(deps, params.id),
      loadRawTodos(deps, params.id),
      loadTransitions(deps, params.id),
    ]);
    return { incident, todos: todos.map(toTodo), transitions };
  });
  const { incident, todos, transitions } = snap.value;
  const now = deps.now();
  const window = openWindow(incident, now);
  const audit = deps.store.audit.actionsBetween({
    actions: Object.keys(MUTE_ACTIONS),
    outcome: 'allowed',
    from: window.from,
    to: window.to,
    limit: MAX_TIMELINE_MUTES,
  });
  const events = deps.store.incidentEvents.list(params.id);
  const entries = assembleTimeline({ incident, todos, events, audit, transitions, now });
  return { status: 200, body: { entries, fetchedAt: snap.fetchedAt, stale: snap.stale } };
});

export const incidentActivityRoutes: BoundRoute[] = [addNote, createTodo, updateTodo, timeline];
