import { getUser } from '../store/users-store';
import type { GroupRow, MonitorRow } from '../store/types';
import type { SandboxDeps } from './context';
import { activeDowntimes, mutesFor, type PreparedDowntime } from './downtime-matching';
import { badRequest, notFound } from './errors';
import { GROUP_STATE_FILTERS, renderMonitor, type RenderOptions } from './monitor-view';

export const MONITOR_NOT_FOUND = 'Monitor not found';
export const BAD_GROUP_STATES = 'Invalid group_state filters.';

/** A monitor id from the path; anything that is not a positive integer is simply not found. */
export function parseMonitorId(raw: string): number {
  if (!/^\d{1,15}$/.test(raw)) throw notFound(MONITOR_NOT_FOUND);
  return Number(raw);
}

export function getMonitorOr404(deps: SandboxDeps, raw: string): MonitorRow {
  const m = deps.monitors.get(parseMonitorId(raw));
  if (!m) throw notFound(MONITOR_NOT_FOUND);
  return m;
}

/** Reads `group_states` and `with_downtimes` from a query string. */
export function parseRenderOptions(query: (name: string) => string | undefined): RenderOptions {
  const raw = query('group_states');
  let groupStates: RenderOptions['groupStates'] = null;
  if (raw !== undefined && raw.trim() !== '') {
    const wanted = new Set<string>();
    let all = false;
    for (const part of raw.split(',')) {
      const key = part.trim().toLowerCase();
      if (key === 'all') all = true;
      else if (GROUP_STATE_FILTERS[key]) wanted.add(GROUP_STATE_FILTERS[key]);
      else throw badRequest(BAD_GROUP_STATES);
    }
    groupStates = all ? 'all' : wanted;
  }
  return { groupStates, withDowntimes: query('with_downtimes')?.toLowerCase() === 'true' };
}

/** The active downtimes, prepared once per request. */
export function currentActive(deps: SandboxDeps): PreparedDowntime[] {
  const now = deps.nowUs();
  return activeDowntimes(deps.downtimes.listLive(now), now);
}

/** Renders monitors with their groups, creators and mutes, loading what they need in bulk. */
export function renderMonitors(
  deps: SandboxDeps,
  monitors: readonly MonitorRow[],
  opts: RenderOptions,
  groupsById?: Map<number, GroupRow[]>,
): Record<string, unknown>[] {
  const groups = groupsById ?? deps.monitors.groupsFor(monitors.map((m) => m.id));
  const active = currentActive(deps);
  const users = new Map<number, ReturnType<typeof getUser>>();
  return monitors.map((m) => {
    if (!users.has(m.creator_id)) users.set(m.creator_id, getUser(deps.db, m.creator_id));
    const gs = groups.get(m.id) ?? [];
    return renderMonitor(m, gs, users.get(m.creator_id), mutesFor(m, gs, active), opts);
  });
}

export function renderOne(deps: SandboxDeps, m: MonitorRow, opts: RenderOptions): Record<string, unknown> {
  return renderMonitors(deps, [m], opts)[0]!;
}
