/**
 * Time-zone and duration helpers for maintenance windows that need no RRULE library: Datadog
 * durations, wall-clock times in a timezone and their instants, and the planner's simple rules.
 * ./recurrence adds RRULE expansion on top and re-exports all of this.
 */

/** Datadog's duration: an integer then m, h, d or w ("30m", "2h", "1d", "1w"). */
const DURATION_RE = /^([1-9][0-9]{0,5})([mhdw])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
/** A recurrence start: a wall-clock time with no UTC offset, as Datadog takes it. */
export const WALL_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
export interface Recurrence {
  rrule: string;
  /** "2h", "30m", "1d", "1w". */
  duration: string;
  /** Wall-clock start in the window's timezone, "YYYY-MM-DDTHH:mm"; the first occurrence is not before it. */
  start: string;
}

export interface Occurrence {
  /** epoch ms */
  start: number;
  /** epoch ms */
  end: number;
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

export function parseDurationMs(duration: string): number | null {
  const m = DURATION_RE.exec(duration.trim());
  if (!m) return null;
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

/** The shortest exact Datadog duration for a length in ms ("90m", "2h", "1d"); minutes at least. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes % 10_080 === 0) return `${minutes / 10_080}w`;
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

export function isTimeZone(tz: string): boolean {
  if (tz.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function parseWallTime(value: string): WallTime | null {
  const m = WALL_TIME_RE.exec(value.trim());
  if (!m) return null;
  const wall: WallTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: m[6] ? Number(m[6]) : 0,
  };
  const probe = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second));
  if (
    probe.getUTCFullYear() !== wall.year ||
    probe.getUTCMonth() !== wall.month - 1 ||
    probe.getUTCDate() !== wall.day ||
    wall.hour > 23 ||
    wall.minute > 59
  ) {
    return null;
  }
  return wall;
}

export function formatWallTime(w: WallTime): string {
  const p = (n: number, len = 2) => String(n).padStart(len, '0');
  return `${p(w.year, 4)}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The wall-clock time at an instant in a timezone. */
export function wallTimeAt(ms: number, tz: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** A wall-clock time read as if it were UTC ("floating" time). */
export function wallAsUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second ?? 0);
}

/** The offset (ms, local minus UTC) of a timezone at an instant. */
export function tzOffsetMs(ms: number, tz: string): number {
  const whole = ms - (ms % 1000);
  return wallAsUtc(wallTimeAt(whole, tz)) - whole;
}

/**
 * The instant a wall-clock time names in a timezone. In a spring-forward gap the time moves
 * forward by the gap; in a fall-back overlap the earlier instant is taken.
 */
export function wallTimeToMs(w: WallTime, tz: string): number {
  const asUtc = wallAsUtc(w);
  // Try the offsets in force a day either side; the first one that round-trips wins (earlier first).
  const candidates = [tzOffsetMs(asUtc - 86_400_000, tz), tzOffsetMs(asUtc + 86_400_000, tz)];
  const instants = [...new Set(candidates)].map((off) => asUtc - off).sort((a, b) => a - b);
  for (const t of instants) if (wallAsUtc(wallTimeAt(t, tz)) === asUtc) return t;
  // In a gap: no instant shows this wall time. Use the offset from before the gap, which lands after it.
  return asUtc - Math.min(...candidates);
}

export type RecurrenceFrequency = 'daily' | 'weekly' | 'monthly';
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The RRULE for the planner's simple choices. */
export function buildRrule(choice: {
  frequency: RecurrenceFrequency;
  /** weekly: the days (at least one). */
  days?: readonly Weekday[];
  /** monthly: the day of the month, 1-31 (a month without it is skipped, as RFC 5545 says). */
  monthDay?: number;
  interval?: number;
  /** The last local date, "YYYY-MM-DD", inclusive. */
  until?: string | null;
}): string {
  const parts = [`FREQ=${choice.frequency.toUpperCase()}`];
  if (choice.interval && choice.interval > 1) parts.push(`INTERVAL=${choice.interval}`);
  if (choice.frequency === 'weekly') {
    const days = WEEKDAYS.filter((d) => choice.days?.includes(d));
    parts.push(`BYDAY=${(days.length ? days : ['MO']).join(',')}`);
  }
  if (choice.frequency === 'monthly') parts.push(`BYMONTHDAY=${choice.monthDay ?? 1}`);
  if (choice.until) parts.push(`UNTIL=${choice.until.replaceAll('-', '')}T235959Z`);
  return parts.join(';');
}

