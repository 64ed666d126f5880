import {
  CreateTodoRequestSchema,
  DeclareIncidentRequestSchema,
  IncidentDetailSchema,
  IncidentIdParamSchema,
  IncidentListQuerySchema,
  IncidentListResponseSchema,
  IncidentSummarySchema,
  NoteRequestSchema,
  TimelineEntrySchema,
  TimelineResponseSchema,
  TodoParamsSchema,
  TodoSchema,
  UpdateIncidentRequestSchema,
  UpdateTodoRequestSchema,
} from '../../../contract/incidents';
import { defineRoute } from '../define-route';
import { READ_ERRORS, WRITE_ERRORS } from '../route-errors';

/**
 * Incidents (Datadog incidents v2): reads for viewers, changes for
 * responders, deletion for admins. Bodies and parameters are checked with
 * the contract's schemas before anything goes upstream.
 */
const incidentTarget = (p: Record<string, string>) => `incident:${p.id ?? ''}`;
const IdParams = IncidentIdParamSchema.strict();
const tags = ['incidents'];

export const listIncidentsRoute = defineRoute({
  method: 'get',
  path: '/api/incidents',
  minRole: 'viewer',
  action: 'incident.list',
  operationId: 'listIncidents',
  summary:
    'Incidents, newest first, filtered by state and severity (each repeatable), team handle and free text, with counts per state and severity; page with offset and size',
  tags,
  query: IncidentListQuerySchema,
  repeatableQuery: ['state', 'severity'],
  responses: { 200: { description: 'One page of incidents', schema: IncidentListResponseSchema } },
  errors: READ_ERRORS,
});

export const declareIncidentRoute = defineRoute({
  method: 'post',
  path: '/api/incidents',
  minRole: 'responder',
  action: 'incident.declare',
  operationId: 'declareIncident',
  summary: 'Declare an incident (state active); its first timeline cell names the signed-in user',
  tags,
  body: DeclareIncidentRequestSchema,
  responses: { 201: { description: 'The incident declared', schema: IncidentSummarySchema } },
  errors: WRITE_ERRORS,
  auditDetail: ({ body }) => `severity=${body.severity} customerImpacted=${body.customerImpacted}`,
});

export const getIncidentRoute = defineRoute({
  method: 'get',
  path: '/api/incidents/:id',
  minRole: 'viewer',
  action: 'incident.get',
  target: incidentTarget,
  operationId: 'getIncident',
  summary: 'One incident with its todos',
  tags,
  params: IdParams,
  responses: { 200: { description: 'The incident', schema: IncidentDetailSchema } },
  errors: READ_ERRORS,
});

export const updateIncidentRoute = defineRoute({
  method: 'patch',
  path: '/api/incidents/:id',
  minRole: 'responder',
  action: 'incident.update',
  target: incidentTarget,
  operationId: 'updateIncident',
  summary:
    'Change an incident: title, state, severity, commander (null removes), teams, customer impact. Each changed field is recorded on the timeline with its old and new value and who changed it',
  tags,
  params: IdParams,
  body: UpdateIncidentRequestSchema,
  responses: { 200: { description: 'The incident as changed', schema: IncidentSummarySchema } },
  errors: WRITE_ERRORS,
  auditDetail: ({ body }) => `fields=${Object.keys(body).sort().join(',')}`,
});

export const resolveIncidentRoute = defineRoute({
  method: 'post',
  path: '/api/incidents/:id/resolve',
  minRole: 'responder',
  action: 'incident.resolve',
  target: incidentTarget,
  operationId: 'resolveIncident',
  summary: 'Resolve an incident now; a customer impact with no end ends now too. Resolving a resolved incident changes nothing',
  tags,
  params: IdParams,
  responses: { 200: { description: 'The incident, resolved', schema: IncidentSummarySchema } },
  errors: READ_ERRORS,
});

export const deleteIncidentRoute = defineRoute({
  method: 'delete',
  path: '/api/incidents/:id',
  minRole: 'admin',
  action: 'incident.delete',
  target: incidentTarget,
  operationId: 'deleteIncident',
  summary: 'Delete an incident, and the events watchdeck recorded for it',
  tags,
  params: IdParams,
  responses: { 204: { description: 'Deleted' } },
  errors: READ_ERRORS,
});

export const addNoteRoute = defineRoute({
  method: 'post',
  path: '/api/incidents/:id/notes',
  minRole: 'responder',
  action: 'incident.note',
  target: incidentTarget,
  operationId: 'addIncidentNote',
  summary: "Add a note to an incident's timeline (kept by watchdeck: Datadog has no timeline API)",
  tags,
  params: IdParams,
  body: NoteRequestSchema,
  responses: { 201: { description: 'The note, as a timeline entry', schema: TimelineEntrySchema } },
  errors: WRITE_ERRORS,
  auditDetail: ({ body }) => `length=${body.content.length}`,
});

export const createTodoRoute = defineRoute({
  method: 'post',
  path: '/api/incidents/:id/todos',
  minRole: 'responder',
  action: 'incident.todo.create',
  target: incidentTarget,
  operationId: 'createIncidentTodo',
  summary: 'Add a todo to an incident',
  tags,
  params: IdParams,
  body: CreateTodoRequestSchema,
  responses: { 201: { description: 'The todo', schema: TodoSchema } },
  errors: WRITE_ERRORS,
});

export const updateTodoRoute = defineRoute({
  method: 'patch',
  path: '/api/incidents/:id/todos/:todoId',
  minRole: 'responder',
  action: 'incident.todo.update',
  target: (p) => `incident:${p.id ?? ''}/todo:${p.todoId ?? ''}`,
  operationId: 'updateIncidentTodo',
  summary: 'Complete, reopen or reword a todo',
  tags,
  params: TodoParamsSchema.strict(),
  body: UpdateTodoRequestSchema,
  responses: { 200: { description: 'The todo as changed', schema: TodoSchema } },
  errors: WRITE_ERRORS,
  auditDetail: ({ body }) =>
    [body.completed !== undefined ? `completed=${body.completed}` : null, body.content !== undefined ? 'content' : null]
      .filter(Boolean)
      .join(' '),
});

export const timelineRoute = defineRoute({
  method: 'get',
  path: '/api/incidents/:id/timeline',
  minRole: 'viewer',
  action: 'incident.timeline',
  target: incidentTarget,
  operationId: 'getIncidentTimeline',
  summary:
    "The incident's timeline in time order: its milestones, its todos, what was changed through watchdeck, mutes and unmutes made while it was open, and (from the local Datadog) state and severity changes made elsewhere",
  tags,
  params: IdParams,
  responses: { 200: { description: 'The timeline', schema: TimelineResponseSchema } },
  errors: READ_ERRORS,
});
