import type { Send } from './http';
import {
  RawIncidentOneSchema,
  RawIncidentSearchSchema,
  RawTodoListSchema,
  RawTodoOneSchema,
  RawTransitionListSchema,
  RawUserListSchema,
  type RawIncidentCreate,
  type RawIncidentOne,
  type RawIncidentSearch,
  type RawIncidentUpdate,
  type RawTodoList,
  type RawTodoOne,
  type RawTodoWrite,
  type RawTransitionList,
  type RawUserList,
} from './incident-schemas';

/**
 * Incident, todo and user calls (Datadog incidents v2 and users v2): fixed
 * methods and path templates, ids encoded into the path.
 */
export interface IncidentCalls {
  searchIncidents(query: string, offset: number, size: number): Promise<RawIncidentSearch>;
  getIncident(id: string): Promise<RawIncidentOne>;
  createIncident(body: RawIncidentCreate): Promise<RawIncidentOne>;
  updateIncident(id: string, body: RawIncidentUpdate): Promise<RawIncidentOne>;
  deleteIncident(id: string): Promise<void>;
  listTodosPage(incidentId: string, offset: number, size: number): Promise<RawTodoList>;
  createTodo(incidentId: string, body: RawTodoWrite): Promise<RawTodoOne>;
  updateTodo(incidentId: string, todoId: string, body: RawTodoWrite): Promise<RawTodoOne>;
  /** The local Datadog's state and severity transitions (not in the real API). */
  incidentTransitions(id: string): Promise<RawTransitionList>;
  listUsers(filter: string | undefined, size: number): Promise<RawUserList>;
}

const seg = (value: string) => encodeURIComponent(value);

export function incidentCalls(send: Send): IncidentCalls {
  return {
    searchIncidents: (query, offset, size) =>
      send({
        method: 'GET',
        template: '/api/v2/incidents/search',
        path: '/api/v2/incidents/search',
        query: { query, sort: '-created', 'page[size]': size, 'page[offset]': offset },
        schema: RawIncidentSearchSchema,
      }),
    getIncident: (id) =>
      send({
        method: 'GET',
        template: '/api/v2/incidents/{id}',
        path: `/api/v2/incidents/${seg(id)}`,
        // GET does not embed the commander; the included users name them.
        query: { include: 'users' },
        schema: RawIncidentOneSchema,
      }),
    createIncident: (body) =>
      send({ method: 'POST', template: '/api/v2/incidents', path: '/api/v2/incidents', body, schema: RawIncidentOneSchema }),
    updateIncident: (id, body) =>
      send({
        method: 'PATCH',
        template: '/api/v2/incidents/{id}',
        path: `/api/v2/incidents/${seg(id)}`,
        body,
        schema: RawIncidentOneSchema,
      }),
    deleteIncident: (id) =>
      send({ method: 'DELETE', template: '/api/v2/incidents/{id}', path: `/api/v2/incidents/${seg(id)}`, schema: null }),
    listTodosPage: (incidentId, offset, size) =>
      send({
        method: 'GET',
        template: '/api/v2/incidents/{id}/relationships/todos',
        path: `/api/v2/incidents/${seg(incidentId)}/relationships/todos`,
        query: { 'page[size]': size, 'page[offset]': offset },
        schema: RawTodoListSchema,
      }),
    createTodo: (incidentId, body) =>
      send({
        method: 'POST',
        template: '/api/v2/incidents/{id}/relationships/todos',
        path: `/api/v2/incidents/${seg(incidentId)}/relationships/todos`,
        body,
        schema: RawTodoOneSchema,
      }),
    updateTodo: (incidentId, todoId, body) =>
      send({
        method: 'PATCH',
        template: '/api/v2/incidents/{id}/relationships/todos/{todo_id}',
        path: `/api/v2/incidents/${seg(incidentId)}/relationships/todos/${seg(todoId)}`,
        body,
        schema: RawTodoOneSchema,
      }),
    incidentTransitions: (id) =>
      send({
        method: 'GET',
        template: '/api/v2/incidents/{id}/transitions',
        path: `/api/v2/incidents/${seg(id)}/transitions`,
        schema: RawTransitionListSchema,
      }),
    listUsers: (filter, size) =>
      send({
        method: 'GET',
        template: '/api/v2/users',
        path: '/api/v2/users',
        query: { ...(filter ? { filter } : {}), 'page[size]': size },
        schema: RawUserListSchema,
      }),
  };
}
