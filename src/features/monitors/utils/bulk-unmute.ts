import type { MonitorSummary, UnmuteResponse } from '../../../contract/monitors';
import { plural } from '../../../lib/format-time';

/**
 * A row the unmute shortcut acts on: something mutes it now, wholly or in
 * part, or an active downtime matches it (one whose scope matches no group
 * yet still silences groups that appear later).
 */
export function isMutedSummary(m: MonitorSummary): boolean {
  return m.mute.state !== 'none' || m.mute.mutedGroups > 0 || m.mute.downtimes > 0;
}

/** The targets split in list order: those to unmute, and those skipped because nothing mutes them. */
export function splitByMuted(monitors: readonly MonitorSummary[]): { muted: MonitorSummary[]; skipped: MonitorSummary[] } {
  const muted: MonitorSummary[] = [];
  const skipped: MonitorSummary[] = [];
  for (const m of monitors) (isMutedSummary(m) ? muted : skipped).push(m);
  return { muted, skipped };
}

/** One line for a result: what was cancelled and what was left in place. */
export function describeUnmuteResult(result: UnmuteResponse): string {
  const canceled =
    result.canceled.length > 0 ? `cancelled ${plural(result.canceled.length, 'downtime')}` : 'no downtime cancelled';
  if (result.skipped.length === 0) return canceled;
  const kept = result.skipped.length;
  return `${canceled}; ${plural(kept, 'downtime')} left in place (${kept === 1 ? 'it targets' : 'they target'} monitor tags)`;
}
