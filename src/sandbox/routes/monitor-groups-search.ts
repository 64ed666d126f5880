import type { Hono } from 'hono';
import { groupTags } from '../../contract/scope';
import { statusSeverity } from '../../contract/states';
import type { SandboxDeps } from '../lib/context';
import { coveredGroups, targetsMonitor } from '../lib/downtime-matching';
import { badRequest } from '../lib/errors';
import { parseGroupSearch, type SearchTerm } from '../lib/group-search-query';
import { currentActive } from '../lib/monitor-service';
import { typeFacet } from '../lib/monitor-types';
import { intParam } from '../lib/query-params';
import { usToS } from '../lib/time';
import type { MonitorSummary } from '../store/monitors-store';

const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 1000;

interface Row {
  monitor: MonitorSummary;
  group: string;
  /** Parsed from the group name on first use: most searches never look at it (100k+ rows at scale). */
  groupTagsLower: () => string[];
  /** statusSeverity(status), computed once for sorting. */
  severity: number;
  allTagsLower: string[];
  status: string;
  last_triggered_ts: number;
  last_nodata_ts: number;
  muted: boolean;
  muted_until_ts: number | null;
  downtimes: { id: string; scope: string; start: number; end: number | null }[];
}

function tagValues(tags: readonly string[], key: string): string[] {
  const prefix = `${key}:`;
  return tags.filter((t) => t.toLowerCase().startsWith(prefix)).map((t) => t.slice(prefix.length));
}

function matches(r: Row, t: SearchTerm): boolean {
  switch (t.kind) {
    case 'status':
      return t.values.includes(r.status);
    case 'muted':
      return r.muted === t.value;
    case 'tag':
      return t.values.some((v) => r.allTagsLower.includes(v) || r.groupTagsLower().includes(v));
    case 'monitor_id':
      return t.values.includes(r.monitor.id);
    case 'group':
      return t.values.some((v) => r.group.toLowerCase() === v || r.groupTagsLower().includes(v));
    case 'type':
      return t.values.some((v) => v === r.monitor.type || v === typeFacet(r.monitor.type));
    case 'priority':
      return r.monitor.priority !== null && t.values.includes(r.monitor.priority);
    case 'text':
      return r.monitor.name.toLowerCase().includes(t.value) || r.group.toLowerCase().includes(t.value);
  }
}

type Comparator = (a: Row, b: Row) => number;

/** Plain code-unit order: stable across hosts and much faster than localeCompare on 100k rows. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const SORTS: Record<string, Comparator> = {
  status: (a, b) => a.severity - b.severity,
  name: (a, b) => cmp(a.monitor.name, b.monitor.name),
  monitor_name: (a, b) => cmp(a.monitor.name, b.monitor.name),
  group: (a, b) => cmp(a.group, b.group),
  monitor_id: (a, b) => a.monitor.id - b.monitor.id,
  last_triggered_ts: (a, b) => a.last_triggered_ts - b.last_triggered_ts,
  priority: (a, b) => (a.monitor.priority ?? 6) - (b.monitor.priority ?? 6),
};

function comparator(sort: string | undefined): Comparator {
  const tie: Comparator = (a, b) => SORTS.monitor_id!(a, b) || SORTS.group!(a, b);
  if (!sort || sort.trim() === '') return (a, b) => SORTS.status!(a, b) || SORTS.name!(a, b) || tie(a, b);
  const [field = '', dir = 'asc'] = sort.split(',').map((s) => s.trim().toLowerCase());
  const base = SORTS[field];
  if (!base || (dir !== 'asc' && dir !== 'desc')) throw badRequest(`Invalid sort parameter: ${sort}`);
  const sign = dir === 'desc' ? -1 : 1;
  return (a, b) => sign * base(a, b) || tie(a, b);
}

function countBy<T>(items: Iterable<T>): { count: number; name: T }[] {
  const counts = new Map<T, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts.entries()]
    .map(([name, count]) => ({ count, name }))
    .sort((a, b) => b.count - a.count || cmp(String(a.name), String(b.name)));
}

export function registerGroupSearchRoutes(app: Hono, deps: SandboxDeps): void {
  app.get('/api/v1/monitor/groups/search', (c) => {
    const search = parseGroupSearch(c.req.query('query') ?? '');
    const page = intParam(c.req.query('page'), 'page') ?? 0;
    const perPage = Math.min(intParam(c.req.query('per_page'), 'per_page', 1) ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
    const compare = comparator(c.req.query('sort'));

    const nowUs = deps.nowUs();
    const active = currentActive(deps);
    // Summaries, not full monitors: the search never reads options, message or query.
    const monitors = deps.monitors.listSummaries();
    const groups = deps.monitors.groupsFor(monitors.map((m) => m.id));
    const rows: Row[] = [];
    for (const m of monitors) {
      const gs = groups.get(m.id) ?? [];
      if (gs.length === 0) continue;
      const targeting = active.filter((d) => targetsMonitor(d, m));
      const covering = targeting.map((d) => ({ d, names: new Set(coveredGroups(d, gs)) }));
      const unmuted = covering.length === 0;
      const allTagsLower = m.tags.map((t) => t.toLowerCase());
      for (const g of gs) {
        // window: the row's start and end, or a recurring downtime's current occurrence.
        const mutes = unmuted
          ? []
          : covering.filter((x) => x.names.has(g.name)).map((x) => ({ ...x.d.window, id: x.d.row.id, scope: x.d.row.scope }));
        let tagsLower: string[] | undefined;
        const until = mutes.some((d) => d.endUs === null) ? null : Math.max(0, ...mutes.map((d) => usToS(d.endUs!)));
        rows.push({
          monitor: m,
          group: g.name,
          groupTagsLower: () => (tagsLower ??= groupTags(g.name).map((t) => t.toLowerCase())),
          severity: statusSeverity(g.status),
          allTagsLower,
          status: g.status,
          last_triggered_ts: g.last_triggered_ts,
          last_nodata_ts: g.last_nodata_ts,
          muted: mutes.length > 0,
          muted_until_ts: mutes.length > 0 ? until : null,
          downtimes: mutes.map((d) => ({
            id: d.id,
            scope: d.scope,
            start: usToS(d.startUs),
            end: d.endUs === null ? null : usToS(d.endUs),
          })),
        });
      }
    }
    const filtered = rows
      .filter((r) => search.include.every((t) => matches(r, t)) && !search.exclude.some((t) => matches(r, t)))
      .sort(compare);
    const nowS = usToS(nowUs);
    const pageRows = filtered.slice(page * perPage, page * perPage + perPage);
    return c.json({
      counts: {
        status: countBy(filtered.map((r) => r.status)),
        muted: countBy(filtered.map((r) => r.muted)),
        tag: countBy(filtered.flatMap((r) => r.monitor.tags)),
        type: countBy(filtered.map((r) => typeFacet(r.monitor.type))),
      },
      groups: pageRows.map((r) => ({
        status: r.status,
        last_nodata_ts: r.last_nodata_ts,
        env_tags: tagValues(r.monitor.tags, 'env'),
        muted_remaining: r.muted && r.muted_until_ts !== null ? Math.max(0, r.muted_until_ts - nowS) : null,
        muted_until_ts: r.muted_until_ts,
        all_tags: r.monitor.tags,
        monitor_name: r.monitor.name,
        team_tags: tagValues(r.monitor.tags, 'team'),
        last_triggered_ts: r.last_triggered_ts,
        group: r.group,
        downtimes: r.downtimes,
        monitor_id: r.monitor.id,
        priority: r.monitor.priority,
        muted: r.muted,
        group_tags: groupTags(r.group),
      })),
      metadata: {
        total_count: filtered.length,
        page_count: Math.ceil(filtered.length / perPage),
        page,
        per_page: perPage,
      },
    });
  });
}
