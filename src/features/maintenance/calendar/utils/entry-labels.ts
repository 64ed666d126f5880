import type { MaintenanceWindow } from '../../../../contract/maintenance';
import { dayKeyOf } from './calendar-dates';

const DAY_MS = 86_400_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local "02:00". */
export function formatHm(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function weekday(ms: number): string {
  return new Date(ms).toLocaleDateString('en-GB', { weekday: 'long' });
}

function weekdayAndDate(ms: number): string {
  return new Date(ms).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long' }).replace(',', '');
}

/** Names what a window mutes when it has no reason: its scope, else its monitor tags or monitors. */
export function describeTargets(w: Pick<MaintenanceWindow, 'targets' | 'scope'>): string {
  const scope = w.scope.trim();
  if (scope !== '' && scope !== '*') return scope;
  const { monitorTags, monitorIds, monitorNames } = w.targets;
  if (monitorTags.length > 0) return `Monitors tagged ${monitorTags.join(' ')}`;
  if (monitorIds.length > 0) return monitorIds.map((id) => monitorNames?.[String(id)] ?? `Monitor ${id}`).join(', ');
  return 'Every monitor';
}

/** What a window is called on the calendar: its reason, else what it mutes. */
export function windowTitle(w: Pick<MaintenanceWindow, 'reason' | 'targets' | 'scope'>): string {
  const reason = w.reason?.trim();
  return reason ? reason : describeTargets(w);
}

/**
 * The full local time of an entry, for its accessible name:
 * "Saturday 02:00–04:00", "Saturday 22:00 – Sunday 02:00", with dates when it spans a week or
 * more, and "from Saturday 02:00, no end set" for a window with no end.
 */
export function formatEntryRange(start: number, end: number, indefinite: boolean): string {
  if (indefinite) return `from ${weekdayAndDate(start)} ${formatHm(start)}, no end set`;
  if (dayKeyOf(start) === dayKeyOf(end)) return `${weekday(start)} ${formatHm(start)}–${formatHm(end)}`;
  if (end - start < 6 * DAY_MS) return `${weekday(start)} ${formatHm(start)} – ${weekday(end)} ${formatHm(end)}`;
  return `${weekdayAndDate(start)} ${formatHm(start)} – ${weekdayAndDate(end)} ${formatHm(end)}`;
}

/** The short time shown on one day's part of an entry: "02:00–04:00", "from 22:00", "until 02:00" or "all day". */
export function formatSegmentTime(
  segment: { start: number; end: number; fromEarlierDay: boolean; intoLaterDay: boolean },
  indefinite: boolean,
): string {
  const goesOn = segment.intoLaterDay || indefinite;
  if (segment.fromEarlierDay && goesOn) return 'all day';
  if (segment.fromEarlierDay) return `until ${formatHm(segment.end)}`;
  if (goesOn) return `from ${formatHm(segment.start)}`;
  return `${formatHm(segment.start)}–${formatHm(segment.end)}`;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export interface EntryLabelParts {
  title: string;
  start: number;
  end: number;
  indefinite: boolean;
  ended: boolean;
  overlapNames: readonly string[];
}

/** "Nightly search reindex, Saturday 02:00–04:00, overlaps with Payments DB failover": what a screen reader says for an entry. */
export function entryLabel(p: EntryLabelParts): string {
  const parts = [p.title, formatEntryRange(p.start, p.end, p.indefinite)];
  if (p.ended) parts.push('ended');
  if (p.overlapNames.length > 0) parts.push(`overlaps with ${joinNames(p.overlapNames)}`);
  return parts.join(', ');
}
