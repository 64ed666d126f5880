/**
 * Recurring maintenance windows: Datadog's `schedule.recurrences[{rrule, duration, start}]` with a
 * `timezone`. Shared by the local Datadog (status by the clock), the BFF (guardrails, hygiene) and
 * the SPA (calendar, form previews), so all three expand a rule the same way.
 *
 * RRULEs are expanded by the `rrule` library, in "floating" time: the rule runs over wall-clock
 * times (a Date whose UTC fields are the wall-clock fields in the window's timezone), and each
 * occurrence is then placed in that timezone. So "every Saturday 02:00 Europe/Berlin" stays at
 * 02:00 local on both sides of a DST change. A wall-clock time that a spring-forward gap skips
 * moves forward by the gap (02:30 becomes 03:30); one that a fall-back repeats takes its first
 * (summer-time) instant. A duration is real elapsed time.
 */
import { rrulestr } from 'rrule';

/** Datadog's duration: an integer then m, h, d or w ("30m", "2h", "1d", "1w"). */
const DURATION_RE = /^([1-9][0-9]{0,5})([mhdw])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
/** A recurrence start: a wall-clock time with no UTC offset, as Datadog takes it. */
export const WALL_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
/** RRULE parts Datadog refuses inside the rule (the start and the duration are given beside it). */
const FORBIDDEN_PARTS = ['DTSTART', 'DTEND', 'DURATION', 'TZID', 'RDATE', 'EXDATE'];
/** No expansion ever returns more than this many occurrences. */
export const MAX_OCCURRENCES = 2000;

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

function wallAsUtc(w: WallTime): number {
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

/** Checks an RRULE as Datadog takes it; returns an error message, or null when it is fine. */
export function rruleError(rrule: string): string | null {
  const text = rrule.trim().replace(/^RRULE:/i, '');
  if (text === '') return 'The RRULE is empty';
  if (text.includes('\n')) return 'Give a single RRULE line';
  const parts = text.split(';').map((p) => p.split('=')[0]!.trim().toUpperCase());
  for (const part of parts) {
    if (FORBIDDEN_PARTS.includes(part)) return `${part} is not allowed in the RRULE: give the start and duration beside it`;
  }
  if (!parts.includes('FREQ')) return 'The RRULE needs a FREQ, e.g. FREQ=WEEKLY;BYDAY=SA';
  try {
    const rule = rrulestr(`RRULE:${text}`, { dtstart: new Date(Date.UTC(2026, 0, 1)) });
    const freq = rule.options.freq;
    // 4 = HOURLY, 5 = MINUTELY, 6 = SECONDLY in rrule's numbering: too frequent for a maintenance window.
    if (freq >= 4) return 'Windows repeat at most daily: use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY';
  } catch (e) {
    return `Not a valid RRULE: ${e instanceof Error ? e.message : String(e)}`;
  }
  return null;
}

/** Checks a recurrence and its timezone; the first problem, keyed by field, or null. */
export function recurrenceError(rec: Recurrence, tz: string): { field: 'rrule' | 'duration' | 'start' | 'timezone'; message: string } | null {
  if (!isTimeZone(tz)) return { field: 'timezone', message: `Unknown timezone: ${tz}` };
  const bad = rruleError(rec.rrule);
  if (bad) return { field: 'rrule', message: bad };
  if (parseDurationMs(rec.duration) === null) {
    return { field: 'duration', message: 'A duration is a whole number then m, h, d or w, e.g. 2h' };
  }
  if (parseWallTime(rec.start) === null) {
    return { field: 'start', message: 'The start is a local date and time, YYYY-MM-DDTHH:mm, with no UTC offset' };
  }
  return null;
}

/**
 * The occurrences of a recurrence that overlap [fromMs, toMs), oldest first, at most `limit`.
 * Throws on a recurrence that `recurrenceError` refuses.
 */
export function expandRecurrence(
  rec: Recurrence,
  tz: string,
  fromMs: number,
  toMs: number,
  limit = MAX_OCCURRENCES,
): Occurrence[] {
  const problem = recurrenceError(rec, tz);
  if (problem) throw new Error(problem.message);
  const durationMs = parseDurationMs(rec.duration)!;
  const startWall = parseWallTime(rec.start)!;
  const rule = rrulestr(`RRULE:${rec.rrule.trim().replace(/^RRULE:/i, '')}`, { dtstart: new Date(wallAsUtc(startWall)) });
  // Search in floating time, widened by the duration and a day for the offsets.
  const floatFrom = wallAsUtc(wallTimeAt(fromMs, tz)) - durationMs - 86_400_000;
  const floatTo = wallAsUtc(wallTimeAt(toMs, tz)) + 86_400_000;
  if (floatTo <= floatFrom) return [];
  const out: Occurrence[] = [];
  rule.between(new Date(floatFrom), new Date(floatTo), true, (d) => {
    const w: WallTime = {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
    const start = wallTimeToMs(w, tz);
    const end = start + durationMs;
    if (end > fromMs && start < toMs) out.push({ start, end });
    return out.length < limit;
  });
  return out;
}

/**
 * Where a recurrence stands at `nowMs`: the occurrence in progress, else the next one.
 * `current` and `next` are both null once the rule has run out (UNTIL or COUNT).
 */
export function recurrenceAt(
  rec: Recurrence,
  tz: string,
  nowMs: number,
): { current: Occurrence | null; next: Occurrence | null } {
  const durationMs = parseDurationMs(rec.duration) ?? 0;
  const around = expandRecurrence(rec, tz, nowMs - 1, nowMs + 1, 4);
  const current = around.find((o) => o.start <= nowMs && o.end > nowMs) ?? null;
  if (current) return { current, next: null };
  // Look ahead in growing steps: a yearly rule may be far away.
  for (const span of [7, 62, 400, 3000]) {
    const ahead = expandRecurrence(rec, tz, nowMs, nowMs + span * 86_400_000 + durationMs, 2).find((o) => o.start > nowMs);
    if (ahead) return { current: null, next: ahead };
  }
  return { current: null, next: null };
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

/** A short English reading of an RRULE ("every week on Saturday"), or the rule itself when unreadable. */
export function describeRrule(rrule: string): string {
  try {
    return rrulestr(`RRULE:${rrule.trim().replace(/^RRULE:/i, '')}`, { dtstart: new Date(Date.UTC(2026, 0, 1)) }).toText();
  } catch {
    return rrule;
  }
}
