/**
 * A monitor of the list as the BFF reads it: only what the list and the maintenance routes use.
 * At 10,000 monitors Datadog's list is about 48 MB of JSON with some 200,000 group states; the
 * full schema (schemas.ts, still used for one monitor's detail) kept every field, every group
 * timestamp and `options`, and checking it with zod took most of a load's CPU (about 630 ms).
 * This reader is written by hand and checks the same way, field by field: unknown fields and
 * `options` are dropped, a field of the wrong type reads as absent (null), each group is cut to
 * its name and status, and only the id is required. It runs on each monitor as it arrives
 * (JsonItems), so nothing but the slim copy outlives the item.
 */

/** One group as the list keeps it. A status that is not a string is null (shown as "Unknown"). */
export interface ListGroupState {
  name: string;
  status: string | null;
}

export interface ListCreator {
  name: string | null;
  handle: string | null;
  email: string | null;
}

/** An item of `matching_downtimes` (v1 shape: epoch seconds, scope as a list or, from newer servers, a string). */
export interface ListMatchingDowntime {
  id: number | string | null;
  start: number | null;
  end: number | null;
  scope: string[] | string | null;
  groups: string[] | null;
  active: boolean | null;
}

export interface RawListMonitor {
  id: number;
  name: string | null;
  type: string | null;
  query: string | null;
  message: string | null;
  tags: string[] | null;
  priority: number | null;
  multi: boolean | null;
  overall_state: string | null;
  overall_state_modified: string | null;
  created: string | null;
  modified: string | null;
  created_at: number | null;
  creator: ListCreator | null;
  state: { groups: ListGroupState[] | null } | null;
  matching_downtimes: ListMatchingDowntime[] | null;
}

/** A monitor without an integer id (a safe one, as zod's int() has it): the answer is not a monitor list (bad_response). */
export class ListMonitorError extends Error {
  constructor() {
    super('a monitor without an integer id');
    this.name = 'ListMonitorError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const bool = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

/** A list of strings, or null when it is not one (one item of another type spoils the list). */
function strList(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  for (const item of value) if (typeof item !== 'string') return null;
  return value as string[];
}

/**
 * Status strings repeat across every group ("OK", "Alert", ...): one copy of each is kept instead
 * of one per group. Bounded, so a hostile upstream sending a new status per group cannot grow it.
 */
const statuses = new Map<string, string>();
const MAX_STATUSES = 64;

function statusOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const known = statuses.get(value);
  if (known !== undefined) return known;
  if (statuses.size < MAX_STATUSES && value.length <= 32) statuses.set(value, value);
  return value;
}

/**
 * `state.groups`, reduced to name and status: Datadog keys groups by name (the name inside wins);
 * a list is accepted too, from simpler servers (a group without a name is ""). An entry that is
 * not an object is skipped; groups of any other type read as none.
 */
export function readListGroups(groups: unknown): ListGroupState[] | null {
  const out: ListGroupState[] = [];
  if (Array.isArray(groups)) {
    for (const g of groups) {
      if (!isRecord(g)) continue;
      out.push({ name: typeof g.name === 'string' ? g.name : '', status: statusOf(g.status) });
    }
    return out;
  }
  if (!isRecord(groups)) return null;
  for (const key of Object.keys(groups)) {
    const g = groups[key];
    if (!isRecord(g)) continue;
    out.push({ name: typeof g.name === 'string' ? g.name : key, status: statusOf(g.status) });
  }
  return out;
}

function readCreator(value: unknown): ListCreator | null {
  return isRecord(value) ? { name: str(value.name), handle: str(value.handle), email: str(value.email) } : null;
}

function readScope(value: unknown): string[] | string | null {
  return typeof value === 'string' ? value : strList(value);
}

/** The downtimes, or null when the value is not a list of objects (one odd item spoils the list). */
function readMatchingDowntimes(value: unknown): ListMatchingDowntime[] | null {
  if (!Array.isArray(value)) return null;
  const out: ListMatchingDowntime[] = [];
  for (const d of value) {
    if (!isRecord(d)) return null;
    const id = typeof d.id === 'string' || num(d.id) !== null ? (d.id as number | string) : null;
    out.push({ id, start: num(d.start), end: num(d.end), scope: readScope(d.scope), groups: strList(d.groups), active: bool(d.active) });
  }
  return out;
}

/** One monitor of the list, read and slimmed; throws ListMonitorError when it has no integer id. */
export function readListMonitor(value: unknown): RawListMonitor {
  if (!isRecord(value) || !Number.isSafeInteger(value.id)) throw new ListMonitorError();
  const state = value.state;
  return {
    id: value.id as number,
    name: str(value.name),
    type: str(value.type),
    query: str(value.query),
    message: str(value.message),
    tags: strList(value.tags),
    priority: num(value.priority),
    multi: bool(value.multi),
    overall_state: str(value.overall_state),
    overall_state_modified: str(value.overall_state_modified),
    created: str(value.created),
    modified: str(value.modified),
    created_at: num(value.created_at),
    creator: readCreator(value.creator),
    state: isRecord(state) ? { groups: readListGroups(state.groups) } : null,
    matching_downtimes: readMatchingDowntimes(value.matching_downtimes),
  };
}

/** A whole page at once (tests, and anything that already holds the parsed list). */
export function readListMonitors(values: readonly unknown[]): RawListMonitor[] {
  return values.map(readListMonitor);
}
