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
import * as rruleModule from 'rrule';
import { isTimeZone, parseDurationMs, parseWallTime, wallAsUtc, wallTimeAt, wallTimeToMs, type Occurrence, type Recurrence, type WallTime } from './zoned-time';
export * from './zoned-time';

// Node's ESM loader (tsx: the BFF, `npm run sandbox`) sees rrule's CommonJS build, whose exports
// are only under `default`; Vite and vitest see its ESM build, with named exports.
const { rrulestr } = ('rrulestr' in rruleModule ? rruleModule : (rruleModule as unknown as { default: typeof rruleModule }).default);

/** RRULE parts Datadog refuses inside the rule (the start and the duration are given beside it). */
const FORBIDDEN_PARTS = ['DTSTART', 'DTEND', 'DURATION', 'TZID', 'RDATE', 'EXDATE'];
/** No expansion ever returns more than this many occurrences. */
export const MAX_OCCURRENCES = 2000;

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

/** A short English reading of an RRULE ("every week on Saturday"), or the rule itself when unreadable. */
export function describeRrule(rrule: string): string {
  try {
    return rrulestr(`RRULE:${rrule.trim().replace(/^RRULE:/i, '')}`, { dtstart: new Date(Date.UTC(2026, 0, 1)) }).toText();
  } catch {
    return rrule;
  }
}
