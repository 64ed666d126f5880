import type { GroupState, MonitorDetail } from '../../../contract/monitors';
import { isMatchAll, matchesScope, normalizeScope, parseScope } from '../../../contract/scope';
import { isTriggered, statusSeverity } from '../../../contract/states';
import { applyUnmuteToDetail, isPendingDowntime, targetsMonitorTags, type UnmuteInput } from './optimistic';

export type ScopePreview =
  | { ok: false; error: string }
  | { ok: true; matched: GroupState[]; total: number; matchesAll: boolean; matchAllScope: boolean };

const bySeverity = (a: GroupState, b: GroupState) =>
  statusSeverity(a.status) - statusSeverity(b.status) || a.name.localeCompare(b.name);

/** Exactly the groups a scope matches (matchesScope over each group's tags), worst first. */
export function previewScope(scope: string, groups: readonly GroupState[]): ScopePreview {
  const parsed = parseScope(scope);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const matched = groups.filter((g) => matchesScope(parsed.expr, g.tags)).sort(bySeverity);
  return {
    ok: true,
    matched,
    total: groups.length,
    matchesAll: groups.length > 0 && matched.length === groups.length,
    matchAllScope: isMatchAll(parsed.expr),
  };
}

/** Groups that are muted now and would be unmuted by this unmute (tag-targeted downtimes stay). */
export function groupsUnmutedBy(detail: MonitorDetail, input: UnmuteInput): GroupState[] {
  const after = applyUnmuteToDetail(detail, input);
  const stillMuted = new Set(after.groups.filter((g) => g.muted).map((g) => g.name));
  return detail.groups.filter((g) => g.muted && !stillMuted.has(g.name)).sort(bySeverity);
}

/** What an unmute would do to one monitor, for the warning shown before it is sent. */
export interface UnmuteImpact {
  /** Groups muted now that the unmute frees, worst first. */
  unmuted: GroupState[];
  /** Of those, the ones not OK: they notify at once. */
  loud: GroupState[];
  /** Active downtimes in reach that target monitor tags: they also mute other monitors, so they stay. */
  keptByTags: number;
}

export function unmuteImpact(detail: MonitorDetail, input: UnmuteInput): UnmuteImpact {
  const unmuted = groupsUnmutedBy(detail, input);
  const scope = 'scope' in input ? normalizeScope(input.scope) : null;
  const keptByTags = detail.downtimes.filter(
    (d) =>
      d.status === 'active' &&
      !isPendingDowntime(d) &&
      targetsMonitorTags(d) &&
      (scope === null || normalizeScope(d.scope) === scope),
  ).length;
  return { unmuted, loud: unmuted.filter((g) => isTriggered(g.status)), keptByTags };
}
