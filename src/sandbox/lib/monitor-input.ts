import type { MonitorRow } from '../store/types';
import { badRequest } from './errors';
import { isPlainObject } from './json-body';
import { MONITOR_TYPES, storedType, THRESHOLD_TYPES } from './monitor-types';
import { referencedIds } from '../store/monitors-store';

/** The writable fields of a monitor after validation. */
export interface MonitorFields {
  type: string;
  name: string;
  message: string;
  query: string;
  tags: string[];
  options: Record<string, unknown>;
  priority: number | null;
  restricted_roles: string[] | null;
  draft_status: string;
}

function invalid(param: string, detail: string): never {
  throw badRequest(`The value provided for parameter '${param}' is invalid: ${detail}`);
}

const COMPARATOR_AT_END = /(>=|<=|==|!=|>|<)\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/;
const SERVICE_CHECK_RE = /^\s*"[^"]+"\s*\.over\(.*\)(\.exclude\(.*\))?(\.by\(.*\))?\.last\(\s*\d+\s*\)\.count_by_status\(\)\s*$/s;

/** Checks a query against its type, the way the real API rejects obviously broken ones. */
export function checkQuery(type: string, query: string, monitorExists: (id: number) => boolean, selfId?: number): void {
  if (query.trim() === '') invalid('query', 'query is required');
  if (THRESHOLD_TYPES.has(type)) {
    // The real API answers "invalid operator specified: " for a query with no comparison (REC).
    if (!COMPARATOR_AT_END.test(query)) invalid('query', 'invalid operator specified: ');
    return;
  }
  if (type === 'service check') {
    if (!SERVICE_CHECK_RE.test(query)) {
      invalid('query', 'expected "<check>".over("<tag>").last(<n>).count_by_status()');
    }
    return;
  }
  if (type === 'composite') {
    if (!/^[\s\d&|!()]+$/.test(query) || referencedIds(query).length === 0) {
      invalid('query', 'a composite query combines monitor ids with &&, || and !');
    }
    for (const id of referencedIds(query)) {
      if (id === selfId || !monitorExists(id)) invalid('query', `monitor ${id} cannot be used in this composite`);
    }
  }
}

/** True when the query groups its results ("by {host}", .by("host"), a formula variable's group_by). */
export function isMultiQuery(type: string, query: string, options: Record<string, unknown>): boolean {
  if (type === 'composite' || type === 'synthetics alert') return false;
  if (/\bby\s*\{\s*[^}\s][^}]*\}/.test(query)) return true;
  if (/\.by\(\s*["'][^"']+["']/.test(query)) return true;
  const variables = options.variables;
  if (Array.isArray(variables)) {
    return variables.some((v) => isPlainObject(v) && Array.isArray(v.group_by) && v.group_by.length > 0);
  }
  return false;
}

const SIMPLE_GROUPBY_TYPES = new Set([
  'log alert',
  'rum alert',
  'trace-analytics alert',
  'ci-pipelines alert',
  'ci-tests alert',
  'audit alert',
  'error-tracking alert',
]);

/** Options as the API stores them: input kept, thresholds without nulls, defaults for absent keys. */
export function normalizeOptions(input: Record<string, unknown>, type: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (k === 'silenced') continue; // computed from downtimes on every read
    if (k === 'thresholds' && isPlainObject(v)) {
      out[k] = Object.fromEntries(Object.entries(v).filter(([, t]) => t !== null));
      continue;
    }
    out[k] = v;
  }
  const defaults: Record<string, unknown> = {
    notify_no_data: false,
    notify_audit: false,
    new_host_delay: 300,
    include_tags: true,
  };
  // The recordings show this deprecated flag on log and RUM monitors, grouped or not.
  if (SIMPLE_GROUPBY_TYPES.has(type)) defaults.groupby_simple_monitor = false;
  for (const [k, v] of Object.entries(defaults)) if (!(k in out)) out[k] = v;
  return out;
}

function checkOptions(v: unknown): Record<string, unknown> {
  if (!isPlainObject(v)) invalid('options', 'options must be an object');
  const thresholds = v.thresholds;
  if (thresholds !== undefined && thresholds !== null) {
    if (!isPlainObject(thresholds)) invalid('options', 'thresholds must be an object');
    for (const [k, t] of Object.entries(thresholds)) {
      if (t !== null && typeof t !== 'number' && !(typeof t === 'string' && k.endsWith('_query'))) {
        invalid('options', `threshold '${k}' must be a number`);
      }
    }
  }
  for (const key of ['notify_no_data', 'notify_audit', 'include_tags', 'require_full_window', 'locked']) {
    if (v[key] !== undefined && v[key] !== null && typeof v[key] !== 'boolean') invalid('options', `${key} must be a boolean`);
  }
  for (const key of ['renotify_interval', 'evaluation_delay', 'new_host_delay', 'new_group_delay', 'timeout_h', 'no_data_timeframe']) {
    if (v[key] !== undefined && v[key] !== null && typeof v[key] !== 'number') invalid('options', `${key} must be a number`);
  }
  return v;
}

function checkTags(v: unknown): string[] {
  if (!Array.isArray(v) || v.some((t) => typeof t !== 'string')) invalid('tags', 'tags must be a list of strings');
  return v as string[];
}

function checkPriority(v: unknown): number | null {
  if (v === null) return null;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5) {
    invalid('priority', 'priority must be an integer from 1 to 5, or null');
  }
  return v;
}

function checkRoles(v: unknown): string[] | null {
  if (v === null) return null;
  if (!Array.isArray(v) || v.some((t) => typeof t !== 'string')) invalid('restricted_roles', 'expected a list of role ids');
  return v as string[];
}

function checkType(v: unknown): string {
  if (v === undefined || v === null || v === '') invalid('type', 'type is required');
  if (typeof v !== 'string' || !(MONITOR_TYPES as readonly string[]).includes(v)) {
    invalid('type', `unknown monitor type ${JSON.stringify(v)}`);
  }
  return v;
}

function checkString(param: string, v: unknown): string {
  if (typeof v !== 'string') invalid(param, `${param} must be a string`);
  return v;
}

/** Validates a full monitor (create, validate). Errors come one at a time: type, query, name, then the rest. */
export function parseNewMonitor(
  body: Record<string, unknown>,
  monitorExists: (id: number) => boolean,
  selfId?: number,
): MonitorFields & { multi: boolean } {
  const type = storedType(checkType(body.type));
  if (body.query === undefined || body.query === null) invalid('query', 'query is required');
  const query = checkString('query', body.query);
  checkQuery(type, query, monitorExists, selfId);
  if (body.name === undefined || body.name === null || body.name === '') invalid('name', 'name is required');
  const name = checkString('name', body.name);
  const message = body.message === undefined || body.message === null ? '' : checkString('message', body.message);
  const tags = body.tags === undefined || body.tags === null ? [] : checkTags(body.tags);
  const rawOptions = body.options === undefined || body.options === null ? {} : checkOptions(body.options);
  const priority = body.priority === undefined ? null : checkPriority(body.priority);
  const restricted_roles = body.restricted_roles === undefined ? null : checkRoles(body.restricted_roles);
  const draft_status = body.draft_status === undefined ? 'published' : checkDraft(body.draft_status);
  const multi = isMultiQuery(type, query, rawOptions);
  return {
    type,
    name,
    message,
    query,
    tags,
    options: withCreateDefaults(normalizeOptions(rawOptions, type), type),
    priority,
    restricted_roles,
    draft_status,
    multi,
  };
}

/** Defaults the API adds at creation only (2025 recordings show avalanche_window: 20). */
function withCreateDefaults(options: Record<string, unknown>, type: string): Record<string, unknown> {
  if (type === 'composite' || type === 'synthetics alert' || 'avalanche_window' in options) return options;
  return { ...options, avalanche_window: 20 };
}

function checkDraft(v: unknown): string {
  if (v !== 'draft' && v !== 'published') invalid('draft_status', 'expected "draft" or "published"');
  return v;
}

/**
 * Applies a partial PUT body to an existing monitor. Top-level fields are
 * replaced one by one; `options`, when given, replaces the options (defaults
 * filled in again), as the recorded update shows.
 */
export function applyMonitorUpdate(
  existing: MonitorRow,
  body: Record<string, unknown>,
  monitorExists: (id: number) => boolean,
): MonitorFields & { multi: boolean } {
  let type = existing.type;
  if (body.type !== undefined) {
    const next = storedType(checkType(body.type));
    if (next !== existing.type) invalid('type', "a monitor's type cannot be changed");
    type = next;
  }
  const query = body.query === undefined ? existing.query : checkString('query', body.query);
  if (body.query !== undefined) checkQuery(type, query, monitorExists, existing.id);
  if (body.name !== undefined && (body.name === null || body.name === '')) invalid('name', 'name is required');
  const name = body.name === undefined ? existing.name : checkString('name', body.name);
  const message =
    body.message === undefined ? existing.message : body.message === null ? '' : checkString('message', body.message);
  const tags = body.tags === undefined ? existing.tags : body.tags === null ? [] : checkTags(body.tags);
  const rawOptions =
    body.options === undefined ? existing.options : body.options === null ? {} : checkOptions(body.options);
  const priority = body.priority === undefined ? existing.priority : checkPriority(body.priority);
  const restricted_roles =
    body.restricted_roles === undefined ? existing.restricted_roles : checkRoles(body.restricted_roles);
  const draft_status = body.draft_status === undefined ? existing.draft_status : checkDraft(body.draft_status);
  const multi = isMultiQuery(type, query, rawOptions);
  return {
    type,
    name,
    message,
    query,
    tags,
    options: body.options === undefined ? existing.options : normalizeOptions(rawOptions, type),
    priority,
    restricted_roles,
    draft_status,
    multi,
  };
}
