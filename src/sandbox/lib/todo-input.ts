import type { TodoAssignee } from '../store/incident-rows';
import { additionalPropertyMessage, badRequest } from './errors';
import { isPlainObject } from './json-body';
import { notOfType, notOneOf, repr, required } from './schema-messages';
import { parseIsoUs } from './time';

export interface TodoInput {
  content?: string;
  assignees?: TodoAssignee[];
  /** undefined: not given; null: cleared. */
  due_date?: number | null;
  completed?: number | null;
}

const ATTRIBUTES = new Set(['content', 'assignees', 'due_date', 'completed']);

function time(v: unknown, name: string): number | null {
  if (v === null) return null;
  if (typeof v !== 'string') notOfType(v, 'string');
  const us = parseIsoUs(v);
  if (us === null) throw badRequest(`Invalid ${name}: ${repr(v)} is not an ISO-8601 date-time`);
  return us;
}

/** Handles ("@jane@example.com") or anonymous assignees ({id, name, icon, source}), as the recordings show. */
function assignees(v: unknown): TodoAssignee[] {
  if (!Array.isArray(v)) notOfType(v, 'array');
  return v.map((a) => {
    if (typeof a === 'string') {
      if (a.trim() === '') throw badRequest("'' is too short");
      return a.trim();
    }
    if (!isPlainObject(a)) notOfType(a, 'string');
    for (const key of ['id', 'icon', 'name', 'source']) if (a[key] === undefined) required(key);
    if (a.source !== 'slack' && a.source !== 'microsoft_teams') notOneOf(a.source, ['slack', 'microsoft_teams']);
    return a;
  });
}

/** Unwraps and validates {data:{type:"incident_todos", attributes}}; create needs content and assignees. */
export function parseTodoBody(body: unknown, mode: 'create' | 'update'): TodoInput {
  if (!isPlainObject(body)) notOfType(body, 'object');
  for (const key of Object.keys(body)) if (key !== 'data') throw badRequest(additionalPropertyMessage(key));
  const data = body.data;
  if (data === undefined) required('data');
  if (!isPlainObject(data)) notOfType(data, 'object');
  for (const key of Object.keys(data)) {
    if (!['type', 'attributes', 'id'].includes(key)) throw badRequest(additionalPropertyMessage(key));
  }
  if (data.type === undefined) required('type');
  if (data.type !== 'incident_todos') notOneOf(data.type, ['incident_todos']);
  if (data.attributes === undefined) required('attributes');
  const a = data.attributes;
  if (!isPlainObject(a)) notOfType(a, 'object');
  for (const key of Object.keys(a)) if (!ATTRIBUTES.has(key)) throw badRequest(additionalPropertyMessage(key));
  if (mode === 'create') {
    if (a.content === undefined) required('content');
    if (a.assignees === undefined) required('assignees');
  }
  const out: TodoInput = {};
  if (a.content !== undefined) {
    if (typeof a.content !== 'string') notOfType(a.content, 'string');
    if (a.content.trim() === '') throw badRequest(`${repr(a.content)} is too short`);
    out.content = a.content;
  }
  if (a.assignees !== undefined) out.assignees = assignees(a.assignees);
  if (a.due_date !== undefined) out.due_date = time(a.due_date, 'due_date');
  if (a.completed !== undefined) out.completed = time(a.completed, 'completed');
  return out;
}
