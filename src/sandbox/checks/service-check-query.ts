import { groupVariables } from '../../contract/monitor-message';

/**
 * Service check monitor queries:
 * `"app.ok".over("env:prod").exclude("host:x").by("host").last(3).count_by_status()`.
 * `over` lists tags a run must carry (its own tags plus `host:<host_name>`),
 * "*" meaning any run; `exclude` tags it must not carry; `by` the group keys,
 * where "host" is the run's host_name and any other key a `key:value` tag.
 */
export interface ServiceCheckQuery {
  check: string;
  /** Lower-cased; "*" removed. */
  over: string[];
  exclude: string[];
  by: string[];
  /** How many of the latest runs count (1 to 100). */
  last: number;
}

export const MAX_LAST = 100;
/** The group name of a service check monitor without `by`. */
export const UNGROUPED = 'total';

const HEAD = /^\s*"([^"]+)"/;
const CALL = /^\s*\.\s*([a-z_]+)\s*\(([^)]*)\)/;
const STRING_ARG = /^\s*(?:"([^"]*)"|'([^']*)')\s*(?:,|$)/;

function stringArgs(raw: string): string[] | null {
  const out: string[] = [];
  let rest = raw.trim();
  while (rest !== '') {
    const m = STRING_ARG.exec(rest);
    if (!m) return null;
    out.push((m[1] ?? m[2] ?? '').trim());
    rest = rest.slice(m[0].length).trim();
  }
  return out;
}

/** Parses a query; null when it is not a service check query this evaluator understands. */
export function parseServiceCheckQuery(query: string): ServiceCheckQuery | null {
  const head = HEAD.exec(query);
  if (!head) return null;
  const q: ServiceCheckQuery = { check: head[1]!, over: [], exclude: [], by: [], last: 1 };
  let rest = query.slice(head[0].length);
  let sawCount = false;
  let sawLast = false;
  while (rest.trim() !== '') {
    const m = CALL.exec(rest);
    if (!m || sawCount) return null;
    const [, name, args] = m;
    rest = rest.slice(m[0].length);
    if (name === 'last') {
      if (!/^\s*\d+\s*$/.test(args!)) return null;
      q.last = Math.min(MAX_LAST, Math.max(1, Number(args)));
      sawLast = true;
      continue;
    }
    if (name === 'count_by_status') {
      if (args!.trim() !== '') return null;
      sawCount = true;
      continue;
    }
    const list = stringArgs(args!);
    if (list === null) return null;
    if (name === 'over') q.over.push(...list.filter((t) => t !== '*' && t !== '').map((t) => t.toLowerCase()));
    else if (name === 'exclude') q.exclude.push(...list.filter((t) => t !== '').map((t) => t.toLowerCase()));
    else if (name === 'by') q.by.push(...list.filter((t) => t !== '').map((t) => t.toLowerCase()));
    else return null;
  }
  return sawCount && sawLast ? q : null;
}

export interface RunLike {
  check: string;
  host_name: string;
  tags: readonly string[];
}

/** The run's tags as the query sees them: its own plus host:<host_name>, lower-cased. */
function runTags(run: RunLike): Set<string> {
  const tags = new Set(run.tags.map((t) => t.toLowerCase()));
  tags.add(`host:${run.host_name.toLowerCase()}`);
  return tags;
}

/** Does the run belong to this monitor (same check, every `over` tag, no `exclude` tag)? */
export function runMatches(q: ServiceCheckQuery, run: RunLike): boolean {
  if (run.check !== q.check) return false;
  const tags = runTags(run);
  return q.over.every((t) => tags.has(t)) && !q.exclude.some((t) => tags.has(t));
}

/**
 * The run's values for the `by` keys, in by-order ("host" is host_name); null
 * when the run lacks one of them (it then belongs to no group).
 */
export function byValues(q: ServiceCheckQuery, run: RunLike): string[] | null {
  const out: string[] = [];
  for (const key of q.by) {
    if (key === 'host') {
      out.push(run.host_name);
      continue;
    }
    const tag = run.tags.find((t) => t.toLowerCase().startsWith(`${key}:`));
    if (tag === undefined) return null;
    out.push(tag.slice(key.length + 1));
  }
  return out;
}

/** "host:web-1,instance:x" in by-order; "total" without `by`. */
export function groupNameFor(q: ServiceCheckQuery, values: readonly string[]): string {
  if (q.by.length === 0) return UNGROUPED;
  return q.by.map((k, i) => `${k}:${values[i]}`).join(',');
}

/** A stable key for a group's by-values. */
export function valuesKey(values: readonly string[]): string {
  return JSON.stringify(values.map((v) => v.toLowerCase()));
}

/**
 * The by-values an existing group name stands for, or null when it lacks a key.
 * Seeded groups may carry more tags than the `by` keys ("env:prod,host:k8s-node-1"
 * for by("host")); they still stand for their host.
 */
export function groupValues(q: ServiceCheckQuery, groupName: string): string[] | null {
  if (q.by.length === 0) return groupName === UNGROUPED ? [] : null;
  const vars = Object.fromEntries(Object.entries(groupVariables(groupName)).map(([k, v]) => [k.toLowerCase(), v]));
  const out: string[] = [];
  for (const key of q.by) {
    const v = vars[key];
    if (v === undefined) return null;
    out.push(v);
  }
  return out;
}
