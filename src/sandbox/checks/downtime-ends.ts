import { coveredGroups, prepareDowntime, targetsMonitor } from '../lib/downtime-matching';
import { isFinal, latestEnd, type DowntimeEnd } from '../lib/downtime-schedule';
import { msToUs } from '../lib/time';
import type { DowntimesStore } from '../store/downtimes-store';
import type { DowntimeRow, GroupRow, MonitorRow } from '../store/types';
import type { Job } from './delivery-queue';
import type { RecoveryMutes } from './recovery-mutes';

/** A monitor the engine evaluates, with its groups. */
export interface EvaluatedMonitor {
  monitor: MonitorRow;
  groups: GroupRow[];
}

export interface DowntimeEndDeps {
  downtimes: DowntimesStore;
  recovery: RecoveryMutes;
  /** The monitors the engine evaluates; loaded only when some downtime has ended. */
  evaluatedMonitors(): EvaluatedMonitor[];
  /** Notifies a group's current state because a downtime stopped covering it (as a transition would). */
  notifyEnd(target: EvaluatedMonitor, group: GroupRow, label: string, nowMs: number): Job[];
}

/** notify_end_states spells the statuses in lower case: "alert", "warn", "no data". */
function endStateKey(status: string): string {
  return status.toLowerCase();
}

/** "downtime ended: Alert", "downtime canceled: Warn". */
export function endLabel(end: Pick<DowntimeEnd, 'type'>, status: string): string {
  return `downtime ${end.type === 'expired' ? 'ended' : 'canceled'}: ${status}`;
}

/**
 * What one end causes for the groups the downtime covered: a notification of each group whose
 * state is in notify_end_states (when the end's type is in notify_end_types), and, with
 * mute_first_recovery_notification, a pending muted recovery for each group not OK (unless it
 * already recovered during the window).
 */
function endJobs(deps: DowntimeEndDeps, row: DowntimeRow, end: DowntimeEnd, targets: readonly EvaluatedMonitor[], nowMs: number): Job[] {
  const d = prepareDowntime(row);
  const notifies = row.notify_end_types.includes(end.type);
  const states = new Set(row.notify_end_states);
  const jobs: Job[] = [];
  for (const target of targets) {
    if (!targetsMonitor(d, target.monitor)) continue;
    const covered = new Set(coveredGroups(d, target.groups));
    for (const g of target.groups) {
      if (!covered.has(g.name)) continue;
      if (row.mute_first_recovery_notification && g.status !== 'OK') {
        if (!deps.recovery.isSpent(row.id, end.windowStartUs, target.monitor.id, g.name)) {
          deps.recovery.addPending(row.id, end.windowStartUs, target.monitor.id, g.name, nowMs);
        }
      }
      if (notifies && states.has(endStateKey(g.status))) jobs.push(...deps.notifyEnd(target, g, endLabel(end, g.status), nowMs));
    }
  }
  if (row.mute_first_recovery_notification) deps.recovery.clearSpent(row.id, end.windowStartUs);
  return jobs;
}

/**
 * Finds the downtimes that stopped covering their groups since the engine last looked (an
 * expiry, an occurrence's end, a cancellation), records that each end is handled (so it is
 * acted on once, across restarts too), and returns the notifications they cause. Call inside
 * the engine's transaction.
 */
export function downtimeEndJobs(deps: DowntimeEndDeps, nowMs: number): Job[] {
  const nowUs = msToUs(nowMs);
  const ended: { row: DowntimeRow; end: DowntimeEnd }[] = [];
  for (const row of deps.downtimes.listEndCandidates()) {
    // Nothing handled yet: every end from its creation on counts (one at the very instant too).
    const end = latestEnd(row, row.end_handled_us ?? row.created_us - 1, nowUs);
    if (end) ended.push({ row, end });
    // A final one is marked too, so it stops being a candidate.
    if (end || isFinal(row, nowUs)) deps.downtimes.markEndHandled(row.id, nowUs);
  }
  if (ended.length === 0) return [];
  const targets = deps.evaluatedMonitors();
  return ended.flatMap(({ row, end }) => endJobs(deps, row, end, targets, nowMs));
}
