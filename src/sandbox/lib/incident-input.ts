import type { IncidentField, NotificationHandle } from '../store/incident-rows';
import { additionalPropertyMessage, badRequest } from './errors';
import { parseIncidentFields } from './incident-fields-input';
import { isPlainObject } from './json-body';
import { notOfType, notOneOf, repr, required } from './schema-messages';
import { parseIsoUs } from './time';

/** The parsed body of a create or a PATCH; a key is present only when the body had it. */
export interface IncidentInput {
  title?: string;
  customer_impacted?: boolean;
  customer_impact_scope?: string | null;
  customer_impact_start?: number | null;
  customer_impact_end?: number | null;
  detected?: number | null;
  resolved?: number | null;
  /** Validated fields, state and severity included; slug is dropped (it is derived). */
  fields?: Record<string, IncidentField>;
  notification_handles?: NotificationHandle[] | null;
  initial_cells?: unknown[] | null;
  is_test?: boolean;
  incident_type_uuid?: string;
  /** undefined: not given; null: remove the commander; otherwise a user id (UUID). */
  commander?: string | null;
  /** data.id, when the body had one. */
  id?: unknown;
}

const CREATE_ATTRIBUTES = new Set([
  'title',
  'customer_impacted',
  'customer_impact_scope',
  'customer_impact_start',
  'customer_impact_end',
  'detected',
  'fields',
  'notification_handles',
  'initial_cells',
  'incident_type_uuid',
  'is_test',
]);
const UPDATE_ATTRIBUTES = new Set([
  'title',
  'customer_impacted',
  'customer_impact_scope',
  'customer_impact_start',
  'customer_impact_end',
  'detected',
  'resolved',
  'fields',
  'notification_handles',
]);

/** The top-level mirrors are read-only: a write to them is refused so a client notices (see deviations.md). */
export function readOnlyMirrorMessage(key: 'state' | 'severity'): string {
  return `'${key}' is read-only: write it through fields.${key} ({"type":"dropdown","value":...})`;
}

function time(v: unknown, name: string): number | null {
  if (v === null) return null;
  if (typeof v !== 'string') notOfType(v, 'string');
  const us = parseIsoUs(v);
  if (us === null) throw badRequest(`Invalid ${name}: ${repr(v)} is not an ISO-8601 date-time`);
  return us;
}

function nullableString(v: unknown): string | null {
  if (v !== null && typeof v !== 'string') notOfType(v, 'string');
  return v as string | null;
}

function notificationHandles(v: unknown): NotificationHandle[] | null {
  if (v === null) return null;
  if (!Array.isArray(v)) notOfType(v, 'array');
  return v.map((h) => {
    if (!isPlainObject(h)) notOfType(h, 'object');
    for (const key of Object.keys(h)) if (key !== 'handle' && key !== 'display_name') throw badRequest(additionalPropertyMessage(key));
    if (h.handle === undefined) required('handle');
    if (typeof h.handle !== 'string') notOfType(h.handle, 'string');
    if (h.handle.trim() === '') throw badRequest("'' is too short");
    const display = h.display_name === undefined ? null : nullableString(h.display_name);
    return { display_name: display, handle: h.handle.trim() };
  });
}

function initialCells(v: unknown): unknown[] | null {
  if (v === null) return null;
  if (!Array.isArray(v)) notOfType(v, 'array');
  for (const cell of v) {
    if (!isPlainObject(cell)) notOfType(cell, 'object');
    if (cell.cell_type !== 'markdown') notOneOf(cell.cell_type, ['markdown']);
    if (!isPlainObject(cell.content)) notOfType(cell.content, 'object');
    if (typeof cell.content.content !== 'string') notOfType(cell.content.content, 'string');
    if (cell.important !== undefined && typeof cell.important !== 'boolean') notOfType(cell.important, 'boolean');
  }
  return v;
}

function commander(relationships: Record<string, unknown>): string | null | undefined {
  for (const key of Object.keys(relationships)) if (key !== 'commander_user') throw badRequest(additionalPropertyMessage(key));
  const rel = relationships.commander_user;
  if (rel === undefined) return undefined;
  if (!isPlainObject(rel)) notOfType(rel, 'object');
  if (!('data' in rel)) required('data');
  const data = rel.data;
  if (data === null) return null;
  if (!isPlainObject(data)) notOfType(data, 'object');
  if (data.type !== 'users') notOneOf(data.type, ['users']);
  if (typeof data.id !== 'string') notOfType(data.id, 'string');
  return data.id;
}

/** Unwraps and validates {data:{type:"incidents", attributes, relationships, id?}}. */
export function parseIncidentBody(body: unknown, mode: 'create' | 'update'): IncidentInput {
  if (!isPlainObject(body)) notOfType(body, 'object');
  for (const key of Object.keys(body)) if (key !== 'data') throw badRequest(additionalPropertyMessage(key));
  const data = body.data;
  if (data === undefined) required('data');
  if (!isPlainObject(data)) notOfType(data, 'object');
  for (const key of Object.keys(data)) {
    if (!['type', 'attributes', 'relationships', 'id'].includes(key)) throw badRequest(additionalPropertyMessage(key));
  }
  if (data.type === undefined) required('type');
  if (data.type !== 'incidents') notOneOf(data.type, ['incidents']);
  const out: IncidentInput = {};
  if (data.id !== undefined) out.id = data.id;
  if (data.relationships !== undefined) {
    if (!isPlainObject(data.relationships)) notOfType(data.relationships, 'object');
    const c = commander(data.relationships);
    if (c !== undefined) out.commander = c;
  }
  if (data.attributes === undefined) {
    if (mode === 'create') required('attributes');
    return out;
  }
  const a = data.attributes;
  if (!isPlainObject(a)) notOfType(a, 'object');
  const allowed = mode === 'create' ? CREATE_ATTRIBUTES : UPDATE_ATTRIBUTES;
  for (const key of Object.keys(a)) {
    if (key === 'state' || key === 'severity') throw badRequest(readOnlyMirrorMessage(key));
    if (!allowed.has(key)) throw badRequest(additionalPropertyMessage(key));
  }
  if (mode === 'create') {
    if (a.title === undefined) required('title');
    if (a.customer_impacted === undefined) required('customer_impacted');
  }
  if (a.title !== undefined) {
    if (typeof a.title !== 'string') notOfType(a.title, 'string');
    if (a.title.trim() === '') throw badRequest(`${repr(a.title)} is too short`);
    out.title = a.title.trim();
  }
  if (a.customer_impacted !== undefined) {
    if (typeof a.customer_impacted !== 'boolean') notOfType(a.customer_impacted, 'boolean');
    out.customer_impacted = a.customer_impacted;
  }
  if (a.customer_impact_scope !== undefined) out.customer_impact_scope = nullableString(a.customer_impact_scope);
  for (const key of ['customer_impact_start', 'customer_impact_end', 'detected', 'resolved'] as const) {
    if (a[key] !== undefined) out[key] = time(a[key], key);
  }
  if (a.fields !== undefined) out.fields = parseIncidentFields(a.fields);
  if (a.notification_handles !== undefined) out.notification_handles = notificationHandles(a.notification_handles);
  if (a.initial_cells !== undefined) out.initial_cells = initialCells(a.initial_cells);
  if (a.is_test !== undefined) {
    if (typeof a.is_test !== 'boolean') notOfType(a.is_test, 'boolean');
    out.is_test = a.is_test;
  }
  if (a.incident_type_uuid !== undefined) {
    if (typeof a.incident_type_uuid !== 'string') notOfType(a.incident_type_uuid, 'string');
    out.incident_type_uuid = a.incident_type_uuid;
  }
  return out;
}
