import { statusSeverity } from '../../contract/states';
import type { GroupRow, MonitorRow, UserRow } from '../store/types';
import type { MonitorMute } from './downtime-matching';
import { isoMicro, isoSeconds, usToMs, usToS } from './time';

/** Statuses `group_states` can ask for, by their query-string spelling. */
export const GROUP_STATE_FILTERS: Record<string, string> = { alert: 'Alert', warn: 'Warn', 'no data': 'No Data' };

export interface RenderOptions {
  /** null: no `state` key; 'all': every group; otherwise only groups with these statuses. */
  groupStates: 'all' | Set<string> | null;
  withDowntimes: boolean;
}

/** The most severe group status; a monitor without groups is "No Data". */
export function overallState(groups: readonly Pick<GroupRow, 'status'>[]): string {
  let best: string | null = null;
  for (const g of groups) {
    if (best === null || statusSeverity(g.status) < statusSeverity(best)) best = g.status;
  }
  return best ?? 'No Data';
}

/** options.silenced: scope -> end (epoch seconds), null when a downtime with that scope never ends. */
export function silencedMap(mutes: readonly MonitorMute[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const { downtime } of mutes) {
    const scope = downtime.row.scope;
    const end = downtime.window.endUs === null ? null : usToS(downtime.window.endUs);
    if (!(scope in out)) out[scope] = end;
    else if (out[scope] !== null) out[scope] = end === null ? null : Math.max(out[scope]!, end);
  }
  return out;
}

export function renderCreator(u: UserRow | undefined): Record<string, unknown> {
  return { name: u?.name ?? null, handle: u?.handle ?? null, email: u?.email ?? null, id: u?.id ?? null };
}

export function renderGroupState(g: GroupRow): Record<string, unknown> {
  return {
    name: g.name,
    status: g.status,
    last_triggered_ts: g.last_triggered_ts,
    last_notified_ts: g.last_notified_ts,
    last_resolved_ts: g.last_resolved_ts,
    last_nodata_ts: g.last_nodata_ts,
  };
}

/** A monitor as GET /api/v1/monitor/{id} answers it (field order follows the recordings). */
export function renderMonitor(
  m: MonitorRow,
  groups: readonly GroupRow[],
  creator: UserRow | undefined,
  mutes: readonly MonitorMute[],
  opts: RenderOptions,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: m.id,
    org_id: m.org_id,
    type: m.type,
    name: m.name,
    message: m.message,
    tags: m.tags,
    query: m.query,
    options: { ...m.options, silenced: silencedMap(mutes) },
    multi: m.multi,
    created_at: usToMs(m.created_us),
    created: isoMicro(m.created_us),
    modified: isoMicro(m.modified_us),
    deleted: null,
    restricted_roles: m.restricted_roles,
    priority: m.priority,
    draft_status: m.draft_status,
    restriction_policy: null,
    overall_state_modified: m.overall_state_modified_us === null ? null : isoSeconds(m.overall_state_modified_us),
    overall_state: overallState(groups),
    creator: renderCreator(creator),
    // Newer recordings carry these two; the sandbox has no run-as users or restriction policies.
    run_as: null,
    restricted: false,
  };
  if (opts.groupStates !== null) {
    const wanted = opts.groupStates;
    const states: Record<string, unknown> = {};
    for (const g of groups) {
      if (wanted === 'all' || wanted.has(g.status)) states[g.name] = renderGroupState(g);
    }
    out.state = { groups: states };
  }
  if (opts.withDowntimes) {
    out.matching_downtimes = mutes.map(({ downtime, groups: covered }) => ({
      id: downtime.row.id,
      monitor_id: downtime.row.monitor_id,
      // A recurring downtime shows the occurrence in progress.
      start: usToS(downtime.window.startUs),
      end: downtime.window.endUs === null ? null : usToS(downtime.window.endUs),
      scope: [downtime.row.scope],
      groups: covered,
      active: true,
    }));
  }
  return out;
}
