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
  if (groups instanceof GroupEntries) {
    for (const [key, g] of groups.entries) {
      if (!isRecord(g)) continue;
      out.push({ name: typeof g.name === 'string' ? g.name : key, status: statusOf(g.status) });
    }
    return out;
  }
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

/**
 * `state.groups` as parseListItem reads it: the object's members in the order Object.keys would
 * give them (array-index keys first, in numeric order; a repeated key keeps its first place and
 * its last value), without ever having been an object.
 */
export class GroupEntries {
  constructor(readonly entries: readonly (readonly [string, unknown])[]) {}
}

/** Where an object's text is: its `{`, the `:` after each of its keys, and its `}`. */
interface ObjectSpan {
  open: number;
  colons: number[];
  close: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Past the string that starts at `at` (its opening quote): where its closing quote is, or -1. */
function stringEnd(text: string, at: number): number {
  let from = at + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return -1;
    let backslashes = 0;
    for (let k = quote - 1; text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

const isSpaceCode = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Finds `state.groups` in one monitor's JSON when it is an object (Datadog's form, keyed by group
 * name), checking the members' shape (key, colon, value, comma) as it goes. Null when there is none,
 * when the text is not shaped as expected, or when the answer would be ambiguous (a key written
 * with escapes, a second "state" or "groups" key): the caller then parses the text as it is.
 */
function stateGroupsSpan(text: string): ObjectSpan | null {
  let depth = 0;
  /** The last string read (a key, when a colon follows), and whether we are inside the `state` object (depth 2). */
  let lastString = -1;
  let lastStringEnd = -1;
  let inState = false;
  let statesSeen = 0;
  let groupsSeen = 0;
  let found: ObjectSpan | null = null;
  /** The depth inside the groups object (-1 when not in it), and what its own level expects next. */
  let groupsDepth = -1;
  let expect: 'key-or-close' | 'key' | 'colon' | 'value' | 'comma-or-close' = 'key-or-close';
  /** The key whose value comes next, when it is one of the two on the path. */
  let pendingKey: 'state' | 'groups' | null = null;
  /** Inside a number or literal that is a member's value of the groups object. */
  let inLiteral = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      inLiteral = false;
      continue;
    }
    const atGroupsLevel = groupsDepth !== -1 && depth === groupsDepth;
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end === -1) return null;
      if (atGroupsLevel) {
        if (expect === 'key-or-close' || expect === 'key') expect = 'colon';
        else if (expect === 'value') expect = 'comma-or-close';
        else return null;
      }
      lastString = i;
      lastStringEnd = end;
      pendingKey = null;
      i = end;
      continue;
    }
    if (c === 0x3a) {
      // ':' ends a key: the string just before it.
      if (atGroupsLevel) {
        if (expect !== 'colon') return null;
        (found as ObjectSpan).colons.push(i);
        expect = 'value';
      } else if (depth === 1 || (depth === 2 && inState)) {
        const key = text.slice(lastString + 1, lastStringEnd);
        if (key.includes('\\')) return null;
        pendingKey = null;
        if (depth === 1 && key === 'state') {
          statesSeen++;
          pendingKey = 'state';
        } else if (depth === 2 && key === 'groups') {
          groupsSeen++;
          pendingKey = 'groups';
        }
      }
      continue;
    }
    if (atGroupsLevel) {
      const wasLiteral = inLiteral;
      inLiteral = false;
      if (c === 0x7d) {
        if (expect !== 'key-or-close' && expect !== 'comma-or-close') return null;
        (found as ObjectSpan).close = i;
        groupsDepth = -1;
        depth--;
        continue;
      }
      if (c === 0x2c) {
        if (expect !== 'comma-or-close') return null;
        expect = 'key';
        continue;
      }
      if (wasLiteral) {
        // More of a number or literal (JSON.parse checks it).
        inLiteral = true;
        continue;
      }
      // The first character of a value that is not a string.
      if (expect !== 'value') return null;
      expect = 'comma-or-close';
      inLiteral = c !== 0x7b && c !== 0x5b;
    }
    if (c === 0x7b || c === 0x5b) {
      depth++;
      if (pendingKey === 'state' && depth === 2) inState = c === 0x7b;
      else if (pendingKey === 'groups' && depth === 3 && c === 0x7b && found === null) {
        found = { open: i, colons: [], close: -1 };
        groupsDepth = depth;
        expect = 'key-or-close';
      }
      pendingKey = null;
    } else if (c === 0x7d || c === 0x5d) {
      if (depth === 2) inState = false;
      depth--;
    } else {
      pendingKey = null;
    }
  }
  if (found === null || found.close === -1 || statesSeen !== 1 || groupsSeen !== 1) return null;
  return found;
}

/** Array-index keys ("0" to "4294967294"), which Object.keys puts first, in numeric order. */
const isArrayIndex = (key: string) => /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;

/**
 * One monitor of the list, from its JSON text: JSON.parse, except that `state.groups` is read as
 * GroupEntries instead of an object. Keyed by group name, every monitor's groups object had
 * different keys, and V8 gives each new set of keys a new hidden class (and each key a place in
 * its string table), in the old generation, where a scavenge does not reach: about 2 KB a monitor,
 * 20 MB of dead old space per list load, which grew the heap (and the BFF's memory) with every
 * reload. Here the object's text is read as an array instead (`{"a":x,"b":y}` as `["a",x,"b",y]`:
 * its braces and the colons after its keys changed, nothing else), and its members taken in
 * pairs. The text is still checked whole by JSON.parse; anything unexpected is parsed as it is.
 */
export function parseListItem(text: string): unknown {
  const span = stateGroupsSpan(text);
  if (span === null) return JSON.parse(text);
  let pairsText = `${text.slice(0, span.open)}[`;
  let from = span.open + 1;
  for (const colon of span.colons) {
    pairsText += `${text.slice(from, colon)},`;
    from = colon + 1;
  }
  pairsText += `${text.slice(from, span.close)}]${text.slice(span.close + 1)}`;
  // Belt and braces: whatever the scan missed, the answer is never worse than JSON.parse's. Text
  // that does not parse once rewritten, or whose groups did not come out as key-value pairs, is
  // parsed as it is (which throws when the text itself is not JSON).
  let value: { state?: { groups?: unknown } };
  try {
    value = JSON.parse(pairsText) as { state?: { groups?: unknown } };
  } catch {
    return JSON.parse(text);
  }
  const pairs = value.state?.groups;
  if (!Array.isArray(pairs) || pairs.length % 2 !== 0 || pairs.some((p, i) => i % 2 === 0 && typeof p !== 'string')) {
    return JSON.parse(text);
  }
  const byKey = new Map<string, unknown>();
  for (let i = 0; i < pairs.length; i += 2) byKey.set(pairs[i] as string, pairs[i + 1]);
  const entries = [...byKey];
  if (entries.some(([key]) => isArrayIndex(key))) {
    const indexed = entries.filter(([key]) => isArrayIndex(key)).sort(([a], [b]) => Number(a) - Number(b));
    entries.splice(0, entries.length, ...indexed, ...entries.filter(([key]) => !isArrayIndex(key)));
  }
  (value.state as { groups: unknown }).groups = new GroupEntries(entries);
  return value;
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
