import type { MonitorSummary } from '../../../contract/monitors';
import { KNOWN_STATUSES, statusSeverity } from '../../../contract/states';

export const SORT_KEYS = ['severity', 'name', 'priority'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';
export type MutedFilter = 'yes' | 'no' | null;

/** The list's filters, as kept in the URL search params. */
export interface ListFilters {
  statuses: string[];
  muted: MutedFilter;
  type: string | null;
  tags: string[];
  q: string;
  sort: SortKey;
  dir: SortDir;
}

export const DEFAULT_FILTERS: ListFilters = {
  statuses: [],
  muted: null,
  type: null,
  tags: [],
  q: '',
  sort: 'severity',
  dir: 'asc',
};

/** URL param names. */
export const PARAM = { status: 'status', muted: 'muted', type: 'type', tag: 'tag', q: 'q', sort: 'sort', dir: 'dir' } as const;

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

export function readListFilters(params: URLSearchParams): ListFilters {
  const muted = params.get(PARAM.muted);
  const sort = params.get(PARAM.sort);
  const dir = params.get(PARAM.dir);
  return {
    statuses: unique(params.getAll(PARAM.status)),
    muted: muted === 'yes' || muted === 'no' ? muted : null,
    type: params.get(PARAM.type) || null,
    tags: unique(params.getAll(PARAM.tag)),
    q: params.get(PARAM.q) ?? '',
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : DEFAULT_FILTERS.sort,
    dir: dir === 'desc' ? 'desc' : 'asc',
  };
}

/** Writes the filters over `base`, keeping params that are not ours; defaults are left out of the URL. */
export function writeListFilters(filters: ListFilters, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  Object.values(PARAM).forEach((name) => next.delete(name));
  filters.statuses.forEach((s) => next.append(PARAM.status, s));
  if (filters.muted) next.set(PARAM.muted, filters.muted);
  if (filters.type) next.set(PARAM.type, filters.type);
  filters.tags.forEach((t) => next.append(PARAM.tag, t));
  if (filters.q.trim()) next.set(PARAM.q, filters.q);
  if (filters.sort !== DEFAULT_FILTERS.sort) next.set(PARAM.sort, filters.sort);
  if (filters.dir !== DEFAULT_FILTERS.dir) next.set(PARAM.dir, filters.dir);
  return next;
}

/** True when any filter (not the sort) narrows the list. */
export function hasActiveFilters(f: ListFilters): boolean {
  return f.statuses.length > 0 || f.muted !== null || f.type !== null || f.tags.length > 0 || f.q.trim() !== '';
}

export function clearFilters(f: ListFilters): ListFilters {
  return { ...DEFAULT_FILTERS, sort: f.sort, dir: f.dir };
}

export function isMuted(m: MonitorSummary): boolean {
  return m.mute.state !== 'none' || m.mute.mutedGroups > 0;
}

function matchesText(m: MonitorSummary, q: string): boolean {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = [m.name, m.query, ...m.tags].map((s) => s.toLowerCase());
  return terms.every((term) => String(m.id) === term || haystack.some((h) => h.includes(term)));
}

function matchesTags(m: MonitorSummary, tags: string[]): boolean {
  if (tags.length === 0) return true;
  const own = new Set(m.tags.map((t) => t.toLowerCase()));
  return tags.every((t) => own.has(t.toLowerCase()));
}

/** Does the monitor pass every filter (optionally ignoring the status facet, for facet counts)? */
export function matchesFilters(m: MonitorSummary, f: ListFilters, ignoreStatus = false): boolean {
  if (!ignoreStatus && f.statuses.length > 0 && !f.statuses.includes(m.overallState)) return false;
  if (f.muted === 'yes' && !isMuted(m)) return false;
  if (f.muted === 'no' && isMuted(m)) return false;
  if (f.type && m.type !== f.type) return false;
  if (!matchesTags(m, f.tags)) return false;
  return matchesText(m, f.q);
}

/** Monitors per overall state, over every active filter except the status facet itself. */
export function statusFacetCounts(monitors: readonly MonitorSummary[], f: ListFilters): Map<string, number> {
  const counts = new Map<string, number>(KNOWN_STATUSES.map((s) => [s, 0]));
  for (const m of monitors) {
    if (matchesFilters(m, f, true)) counts.set(m.overallState, (counts.get(m.overallState) ?? 0) + 1);
  }
  return counts;
}

const byName = (a: MonitorSummary, b: MonitorSummary) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }) || a.id - b.id;

/** Sorted copy. Severity asc = worst first; priority asc = P1 first. Monitors without a priority always sort last. */
export function sortMonitors(monitors: readonly MonitorSummary[], sort: SortKey, dir: SortDir): MonitorSummary[] {
  const sign = dir === 'asc' ? 1 : -1;
  const list = [...monitors];
  switch (sort) {
    case 'name':
      return list.sort((a, b) => sign * byName(a, b));
    case 'priority':
      return list.sort((a, b) => {
        if (a.priority === null || b.priority === null) {
          if (a.priority === b.priority) return byName(a, b);
          return a.priority === null ? 1 : -1;
        }
        return sign * (a.priority - b.priority) || statusSeverity(a.overallState) - statusSeverity(b.overallState) || byName(a, b);
      });
    case 'severity':
      return list.sort(
        (a, b) => sign * (statusSeverity(a.overallState) - statusSeverity(b.overallState)) || byName(a, b),
      );
  }
}

export function filterAndSort(monitors: readonly MonitorSummary[], f: ListFilters): MonitorSummary[] {
  return sortMonitors(
    monitors.filter((m) => matchesFilters(m, f)),
    f.sort,
    f.dir,
  );
}

export function collectTypes(monitors: readonly MonitorSummary[]): string[] {
  return [...new Set(monitors.map((m) => m.type))].sort();
}

export function collectTags(monitors: readonly MonitorSummary[]): string[] {
  return [...new Set(monitors.flatMap((m) => m.tags))].sort();
}

/** A typed tag filter must be key:value (both non-empty, no spaces). */
export function isValidTagFilter(tag: string): boolean {
  return /^[^\s:]+:\S+$/.test(tag.trim());
}
