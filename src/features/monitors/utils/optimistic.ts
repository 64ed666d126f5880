import type { Downtime, GroupState, MonitorDetail, MonitorSummary, MuteSummary } from '../../../contract/monitors';
import { isMatchAll, matchesScope, normalizeScope } from '../../../contract/scope';

/**
 * Optimistic updates for mute, unmute and cancel. The changed monitor, groups
 * and downtimes carry `pendingChange` until the next refetch replaces them
 * with what the BFF confirms (server data never has this field).
 */
export type PendingChange = 'mute' | 'unmute';

export function pendingChange(item: Record<string, unknown>): PendingChange | null {
  const v = item.pendingChange;
  return v === 'mute' || v === 'unmute' ? v : null;
}

export const PENDING_DOWNTIME_PREFIX = 'pending-';

export function isPendingDowntime(d: Downtime): boolean {
  return d.id.startsWith(PENDING_DOWNTIME_PREFIX);
}

/** Does this downtime target monitors by tag (so it also mutes other monitors)? */
export function targetsMonitorTags(d: Downtime): boolean {
  return !!d.monitorTags && d.monitorTags.length > 0;
}

export function downtimeCoversGroup(d: Downtime, g: GroupState): boolean {
  if (d.groups) return d.groups.includes(g.name);
  return matchesScope(d.scope, g.tags);
}

function latestEnd(ends: (number | null)[]): number | null {
  if (ends.some((e) => e === null)) return null;
  return Math.max(...(ends as number[]));
}

/** The list-level mute summary, from a detail's groups and active downtimes. */
export function summarizeMute(groups: readonly GroupState[], downtimes: readonly Downtime[]): MuteSummary {
  const active = downtimes.filter((d) => d.status === 'active');
  const whole = active.filter((d) => isMatchAll(d.scope));
  const muted = groups.filter((g) => g.muted);
  if (whole.length > 0) {
    return { state: 'all', endsAt: latestEnd(whole.map((d) => d.endAt)), mutedGroups: muted.length, downtimes: active.length };
  }
  if (muted.length > 0) {
    const ends = muted.map((g) => g.mutedUntil).filter((e): e is number => e !== null);
    return { state: 'partial', endsAt: ends.length ? Math.min(...ends) : null, mutedGroups: muted.length, downtimes: active.length };
  }
  return { state: 'none', endsAt: null, mutedGroups: 0, downtimes: active.length };
}

/** After downtimes are removed: muted groups that nothing covers any more are unmuted (marked pending). */
function regroupAfterRemoval(groups: readonly GroupState[], downtimes: readonly Downtime[]): GroupState[] {
  const active = downtimes.filter((d) => d.status === 'active');
  return groups.map((g) => {
    if (!g.muted) return g;
    const covering = active.filter((d) => downtimeCoversGroup(d, g));
    const muted = covering.length > 0;
    const mutedUntil = muted ? latestEnd(covering.map((d) => d.endAt)) : null;
    if (muted && mutedUntil === g.mutedUntil) return g;
    return { ...g, muted, mutedUntil, pendingChange: 'unmute' };
  });
}

export interface MuteInput {
  scope: string;
  end: number | null;
  reason?: string;
}

export function applyMuteToDetail(detail: MonitorDetail, input: MuteInput, now: number): MonitorDetail {
  const pending: Downtime = {
    id: `${PENDING_DOWNTIME_PREFIX}${now}`,
    scope: input.scope,
    monitorId: detail.id,
    monitorTags: null,
    status: 'active',
    message: input.reason ?? null,
    startAt: now,
    endAt: input.end,
    createdAt: now,
    creator: null,
    pendingChange: 'mute',
  };
  const downtimes = [...detail.downtimes, pending];
  const groups = detail.groups.map((g): GroupState => {
    if (!matchesScope(input.scope, g.tags)) return g;
    const mutedUntil = g.muted ? latestEnd([g.mutedUntil, input.end]) : input.end;
    return { ...g, muted: true, mutedUntil, pendingChange: 'mute' };
  });
  return { ...detail, groups, downtimes, mute: summarizeMute(groups, downtimes), pendingChange: 'mute' };
}

function totalGroups(m: MonitorSummary): number {
  return Object.values(m.groupCounts).reduce((a, b) => a + b, 0);
}

/** The list row after a mute; uses the detail's groups when they are known. */
export function applyMuteToSummary(summary: MonitorSummary, input: MuteInput, detail?: MonitorDetail): MonitorSummary {
  if (detail) return summaryFromDetail(summary, detail, 'mute');
  const prev = summary.mute;
  const mute: MuteSummary = isMatchAll(input.scope)
    ? { state: 'all', endsAt: input.end, mutedGroups: totalGroups(summary), downtimes: prev.downtimes + 1 }
    : { ...prev, state: prev.state === 'all' ? 'all' : 'partial', downtimes: prev.downtimes + 1 };
  return { ...summary, mute, pendingChange: 'mute' };
}

export type UnmuteInput = { scope: string } | { all: true };

/** The downtimes an unmute cancels: this monitor's own (not tag-targeted), for the scope or all. */
export function downtimesCanceledBy(detail: MonitorDetail, input: UnmuteInput): Downtime[] {
  const scope = 'scope' in input ? normalizeScope(input.scope) : null;
  return detail.downtimes.filter(
    (d) => !targetsMonitorTags(d) && (scope === null || normalizeScope(d.scope) === scope),
  );
}

function withoutDowntimes(detail: MonitorDetail, removed: readonly Downtime[]): MonitorDetail {
  const ids = new Set(removed.map((d) => d.id));
  const downtimes = detail.downtimes.filter((d) => !ids.has(d.id));
  const groups = regroupAfterRemoval(detail.groups, downtimes);
  return { ...detail, groups, downtimes, mute: summarizeMute(groups, downtimes), pendingChange: 'unmute' };
}

export function applyUnmuteToDetail(detail: MonitorDetail, input: UnmuteInput): MonitorDetail {
  return withoutDowntimes(detail, downtimesCanceledBy(detail, input));
}

export function applyCancelToDetail(detail: MonitorDetail, downtimeId: string): MonitorDetail {
  return withoutDowntimes(
    detail,
    detail.downtimes.filter((d) => d.id === downtimeId),
  );
}

/** The list row, showing the (optimistic) mute state of its detail. */
export function summaryFromDetail(row: MonitorSummary, detail: MonitorDetail, change: PendingChange): MonitorSummary {
  return { ...row, mute: detail.mute, pendingChange: change };
}

export function applyUnmuteToSummary(summary: MonitorSummary, input: UnmuteInput, detail?: MonitorDetail): MonitorSummary {
  if (detail) return summaryFromDetail(summary, detail, 'unmute');
  if ('all' in input) {
    return { ...summary, mute: { state: 'none', endsAt: null, mutedGroups: 0, downtimes: 0 }, pendingChange: 'unmute' };
  }
  return { ...summary, pendingChange: 'unmute' };
}

/** Groups (of this monitor) that a downtime mutes and that no other active downtime keeps muted. */
export function groupsUnmutedByCanceling(detail: MonitorDetail, downtimeId: string): GroupState[] {
  const target = detail.downtimes.find((d) => d.id === downtimeId);
  if (!target || target.status !== 'active') return [];
  const others = detail.downtimes.filter((d) => d.id !== downtimeId && d.status === 'active');
  return detail.groups.filter((g) => downtimeCoversGroup(target, g) && !others.some((d) => downtimeCoversGroup(d, g)));
}
