import { formatWallTime, parseWallTime, wallTimeAt, wallTimeToMs } from '../../../contract/zoned-time';

/** The browser's own timezone ("Europe/Berlin"); UTC when the browser does not say. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA timezone the browser knows, with `always` (the current choice, the local zone, UTC) kept in. */
export function timeZoneChoices(always: readonly string[] = []): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, ...always, 'UTC'])].sort((a, b) => a.localeCompare(b));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(tz: string, withDay: boolean): Intl.DateTimeFormat {
  const key = `${tz}|${withDay}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      ...(withDay ? { weekday: 'short', day: 'numeric', month: 'short' } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

/** "02:00" in a timezone. */
export function formatClockIn(ms: number, tz: string): string {
  return formatterFor(tz, false).format(ms);
}

/** "Sat 7 Jun, 02:00" in a timezone: a day and a time a reader at 3 a.m. cannot misread. */
export function formatDayTimeIn(ms: number, tz: string): string {
  return formatterFor(tz, true).format(ms);
}

/** "02:00" when `ms` falls on the same day as `now` in that timezone, else "Sat 7 Jun, 02:00". */
export function formatShortIn(ms: number, tz: string, now: number): string {
  const a = wallTimeAt(ms, tz);
  const b = wallTimeAt(now, tz);
  const sameDay = a.year === b.year && a.month === b.month && a.day === b.day;
  return sameDay ? formatClockIn(ms, tz) : formatDayTimeIn(ms, tz);
}

/** A datetime-local value ("2025-06-07T02:00") read as a wall-clock time in `tz`; null when empty or invalid. */
export function wallInputToMs(value: string, tz: string): number | null {
  const wall = parseWallTime(value);
  return wall ? wallTimeToMs(wall, tz) : null;
}

/** The datetime-local value that shows this instant as a wall-clock time in `tz`. */
export function msToWallInput(ms: number, tz: string): string {
  return formatWallTime(wallTimeAt(ms, tz));
}
