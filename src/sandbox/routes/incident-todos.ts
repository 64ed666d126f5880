import type { Hono } from 'hono';
import type { SandboxDeps } from '../lib/context';
import { notFound } from '../lib/errors';
import { getIncidentOr404 } from '../lib/incident-request';
import { readJson } from '../lib/json-body';
import { offsetPage, readOffsetParams } from '../lib/offset-page';
import { parseTodoBody } from '../lib/todo-input';
import { renderTodo } from '../lib/todo-view';
import type { TodoRow } from '../store/incident-rows';
import { userLookup } from '../store/users-store';

const BASE = '/api/v2/incidents/:id/relationships/todos';

export function todoNotFound(id: string): string {
  return `todo ${id} not found`;
}

/** Incident todos: list, create, get, update, delete. */
export function registerIncidentTodoRoutes(app: Hono, deps: SandboxDeps): void {
  function todoOr404(incidentId: string, todoId: string): TodoRow {
    const t = deps.todos.get(incidentId, todoId);
    if (!t) throw notFound(todoNotFound(todoId));
    return t;
  }

  app.get(BASE, (c) => {
    const i = getIncidentOr404(deps, c.req.param('id'));
    const { offset, size } = readOffsetParams((n) => c.req.query(n), 100);
    const { page, pagination } = offsetPage(deps.todos.list(i.id), offset, size);
    const user = userLookup(deps.db);
    return c.json({ data: page.map((t) => renderTodo(t, user, false)), meta: { pagination } });
  });

  app.post(BASE, async (c) => {
    const input = parseTodoBody(await readJson(c), 'create');
    const i = getIncidentOr404(deps, c.req.param('id'));
    const now = deps.nowUs();
    const owner = deps.ownerUserId();
    const row: TodoRow = {
      id: deps.newUuid(),
      incident_id: i.id,
      content: input.content!,
      assignees: input.assignees!,
      due_us: input.due_date ?? null,
      completed_us: input.completed ?? null,
      created_us: now,
      modified_us: now,
      created_by: owner,
      modified_by: owner,
    };
    deps.todos.insert(row);
    return c.json({ data: renderTodo(row, userLookup(deps.db), true) }, 201);
  });

  app.get(`${BASE}/:todoId`, (c) => {
    const i = getIncidentOr404(deps, c.req.param('id'));
    return c.json({ data: renderTodo(todoOr404(i.id, c.req.param('todoId')), userLookup(deps.db), false) });
  });

  app.patch(`${BASE}/:todoId`, async (c) => {
    const input = parseTodoBody(await readJson(c), 'update');
    const i = getIncidentOr404(deps, c.req.param('id'));
    const next: TodoRow = { ...todoOr404(i.id, c.req.param('todoId')), modified_us: deps.nowUs(), modified_by: deps.ownerUserId() };
    if (input.content !== undefined) next.content = input.content;
    if (input.assignees !== undefined) next.assignees = input.assignees;
    if (input.due_date !== undefined) next.due_us = input.due_date;
    if (input.completed !== undefined) next.completed_us = input.completed;
    deps.todos.update(next);
    return c.json({ data: renderTodo(next, userLookup(deps.db), true) });
  });

  app.delete(`${BASE}/:todoId`, (c) => {
    const i = getIncidentOr404(deps, c.req.param('id'));
    const todoId = c.req.param('todoId');
    if (!deps.todos.delete(i.id, todoId.toLowerCase())) throw notFound(todoNotFound(todoId));
    return c.body(null, 204);
  });
}
