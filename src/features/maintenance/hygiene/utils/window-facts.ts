import { describeRrule } from '../../../../contract/recurrence';
import type { MaintenanceWindow } from '../../../../contract/maintenance';
import { formatShortTime } from '../../../../lib/format-time';

/** The monitors a window targets, apart from its scope: "API latency, Monitor 13; tagged team:payments" or "Every monitor". */
export function targetsText(w: Pick<MaintenanceWindow, 'targets'>): string {
  const { monitorIds, monitorTags, monitorNames } = w.targets;
  const parts: string[] = [];
  if (monitorIds.length > 0) parts.push(monitorIds.map((id) => monitorNames?.[String(id)] ?? `Monitor ${id}`).join(', '));
  if (monitorTags.length > 0) parts.push(`tagged ${monitorTags.join(' ')}`);
  return parts.length > 0 ? parts.join('; ') : 'Every monitor';
}

/** "Scheduled", "Active", … (an unknown status is shown as it comes). */
export function statusLabel(status: string): string {
  return status === '' ? 'Unknown' : status.charAt(0).toUpperCase() + status.slice(1);
}

/** "Tue 3 Jun 14:05 → 16:05", "Tue 3 Jun 14:05 → no end", or "every week on Saturday, 2h from 2026-10-03 02:00 (Europe/Berlin)". */
export function describeSchedule(w: Pick<MaintenanceWindow, 'schedule'>, now: number): string {
  const s = w.schedule;
  if (s.kind === 'once') {
    const start = formatShortTime(s.start, now);
    return s.end === null ? `${start} → no end` : `${start} → ${formatShortTime(s.end, now)}`;
  }
  return `${describeRrule(s.rrule)}, ${s.duration} from ${s.start.replace('T', ' ')} (${s.timezone})`;
}

/** How many Datadog downtimes cancelling these windows ends. */
export function downtimeCount(windows: readonly Pick<MaintenanceWindow, 'downtimeIds'>[]): number {
  return windows.reduce((n, w) => n + w.downtimeIds.length, 0);
}
