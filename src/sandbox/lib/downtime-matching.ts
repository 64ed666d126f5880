import { groupTags, isMatchAll, matchesScope, parseScope, type ScopeExpr } from '../../contract/scope';
import type { DowntimeRow, GroupRow, MonitorRow } from '../store/types';
import { activeWindow, type MuteWindow } from './downtime-schedule';

/** A downtime with its scope parsed once, for matching against many groups. */
export interface PreparedDowntime {
  row: DowntimeRow;
  /**
   * The window it mutes in: for an active recurring downtime the current occurrence, otherwise
   * the row's own start and end. What matching_downtimes, silenced and downtime_matches show.
   */
  window: MuteWindow;
  /** null when the stored scope no longer parses (it then matches nothing). */
  expr: ScopeExpr | null;
  matchAll: boolean;
  /** monitor_tags lower-cased; null for monitor_id targets. */
  tags: string[] | null;
}

export function prepareDowntime(row: DowntimeRow, window: MuteWindow = { startUs: row.start_us, endUs: row.end_us }): PreparedDowntime {
  const parsed = parseScope(row.scope);
  const expr = parsed.ok ? parsed.expr : null;
  return {
    row,
    window,
    expr,
    matchAll: expr !== null && isMatchAll(expr),
    tags: row.monitor_tags === null ? null : row.monitor_tags.map((t) => t.toLowerCase()),
  };
}

/** Does the downtime's monitor_identifier pick this monitor? `*` in monitor_tags picks every monitor. */
export function targetsMonitor(d: PreparedDowntime, monitor: Pick<MonitorRow, 'id' | 'tags'>): boolean {
  if (d.row.monitor_id !== null) return d.row.monitor_id === monitor.id;
  if (d.tags === null || d.tags.length === 0) return false;
  if (d.tags.includes('*')) return true;
  const own = new Set(monitor.tags.map((t) => t.toLowerCase()));
  return d.tags.every((t) => own.has(t));
}

/** Names of the groups the downtime's scope covers. */
export function coveredGroups(d: PreparedDowntime, groups: readonly Pick<GroupRow, 'name'>[]): string[] {
  if (d.expr === null) return [];
  if (d.matchAll) return groups.map((g) => g.name);
  const expr = d.expr;
  return groups.filter((g) => matchesScope(expr, groupTags(g.name))).map((g) => g.name);
}

/** One downtime muting (part of) one monitor. */
export interface MonitorMute {
  downtime: PreparedDowntime;
  /** The monitor's groups it covers (all of them for a `*` scope). */
  groups: string[];
}

/**
 * The downtimes (already filtered to active ones) that mute this monitor: those
 * that target it and whose scope covers at least one of its groups. A `*` scope
 * mutes the whole monitor, even before it has any group.
 */
export function mutesFor(
  monitor: Pick<MonitorRow, 'id' | 'tags'>,
  groups: readonly Pick<GroupRow, 'name'>[],
  active: readonly PreparedDowntime[],
): MonitorMute[] {
  const out: MonitorMute[] = [];
  for (const d of active) {
    if (!targetsMonitor(d, monitor)) continue;
    const covered = coveredGroups(d, groups);
    if (covered.length > 0 || d.matchAll) out.push({ downtime: d, groups: covered });
  }
  return out;
}

/** The active downtimes at `nowUs` (a recurring one only during an occurrence), prepared. */
export function activeDowntimes(live: readonly DowntimeRow[], nowUs: number): PreparedDowntime[] {
  const out: PreparedDowntime[] = [];
  for (const d of live) {
    const window = activeWindow(d, nowUs);
    if (window) out.push(prepareDowntime(d, window));
  }
  return out;
}
