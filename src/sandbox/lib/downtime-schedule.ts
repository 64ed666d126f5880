import {
  expandRecurrence,
  formatWallTime,
  MAX_OCCURRENCES,
  parseWallTime,
  recurrenceAt,
  wallTimeAt,
  wallTimeToMs,
  type Occurrence,
  type Recurrence,
} from '../../contract/recurrence';
import type { DowntimeRow } from '../store/types';
import { msToUs, usToMs } from './time';

/**
 * When a downtime mutes: a one-off one from its start to its end; a recurring one during the
 * occurrences of its RRULEs, which the contract's `expandRecurrence`/`recurrenceAt` (the `rrule`
 * library) expand. Expanding a rule walks it from its first occurrence, so each row's expansion
 * around "now" is cached by id, modified time and rules, and remade only as the clock moves on.
 */

export type DowntimeStatus = 'active' | 'scheduled' | 'ended' | 'canceled';

/** A span a downtime mutes in, epoch µs; `endUs` null when it has no end. */
export interface MuteWindow {
  startUs: number;
  endUs: number | null;
}

/** A downtime stopped covering its groups: an expiry (a one-off end, an occurrence's end) or a cancellation. */
export interface DowntimeEnd {
  type: 'expired' | 'canceled';
  atUs: number;
  /** The start of the window that ended (a one-off's start; the occurrence's start), epoch µs. */
  windowStartUs: number;
}

const DAY_MS = 86_400_000;
/** A cached expansion covers from this long before it was made... */
const BEHIND_MS = 2 * DAY_MS;
/** ...to this long after... */
const AHEAD_MS = 40 * DAY_MS;
/** ...and is remade once less than this is left ahead. */
const MIN_AHEAD_MS = 10 * DAY_MS;
/** An end older than this when the engine first looks (the sandbox was stopped) is history, not news. */
export const END_LOOKBACK_MS = DAY_MS;
const CACHE_MAX = 5000;

interface Expansion {
  fromMs: number;
  toMs: number;
  /** Every occurrence of every rule overlapping [fromMs, toMs), by start. */
  occurrences: Occurrence[];
  /** The first occurrence from toMs on (looked up when first needed); null when there is none. */
  after?: Occurrence | null;
}

const cache = new Map<string, Expansion>();

export type RecurringRow = DowntimeRow & { recurrences: Recurrence[] };

export function isRecurring(row: Pick<DowntimeRow, 'recurrences'>): row is RecurringRow {
  return row.recurrences !== null && row.recurrences.length > 0;
}

function tzOf(row: Pick<DowntimeRow, 'timezone'>): string {
  return row.timezone ?? 'UTC';
}

/** A stored rule the contract no longer accepts mutes nothing rather than failing every read. */
function occurrencesOf(rec: Recurrence, tz: string, fromMs: number, toMs: number, limit = MAX_OCCURRENCES): Occurrence[] {
  try {
    return expandRecurrence(rec, tz, fromMs, toMs, limit);
  } catch {
    return [];
  }
}

function expandAll(recs: readonly Recurrence[], tz: string, fromMs: number, toMs: number): Occurrence[] {
  return recs.flatMap((r) => occurrencesOf(r, tz, fromMs, toMs)).sort((a, b) => a.start - b.start || a.end - b.end);
}

function expansion(row: RecurringRow, nowMs: number): Expansion {
  const key = `${row.id}|${row.modified_us}|${row.timezone}|${JSON.stringify(row.recurrences)}`;
  let e = cache.get(key);
  if (!e || nowMs - END_LOOKBACK_MS < e.fromMs || nowMs > e.toMs - MIN_AHEAD_MS) {
    const fromMs = nowMs - BEHIND_MS;
    const toMs = nowMs + AHEAD_MS;
    e = { fromMs, toMs, occurrences: expandAll(row.recurrences, tzOf(row), fromMs, toMs) };
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(key, e);
  }
  return e;
}

/** The first occurrence at or after the expansion's end: rules may be sparse (yearly) or far off. */
function firstAfter(row: RecurringRow, e: Expansion): Occurrence | null {
  if (e.after === undefined) {
    let best: Occurrence | null = null;
    for (const rec of row.recurrences) {
      let at: ReturnType<typeof recurrenceAt>;
      try {
        at = recurrenceAt(rec, tzOf(row), e.toMs);
      } catch {
        continue;
      }
      const o = at.current ?? at.next;
      if (o && (best === null || o.start < best.start)) best = o;
    }
    e.after = best;
  }
  return e.after;
}

/**
 * Where a recurring downtime stands at `nowUs`: the occurrence in progress (the one ending last
 * when several overlap), else the next one; both null once its rules have run out.
 */
export function occurrenceAt(row: RecurringRow, nowUs: number): { current: Occurrence | null; next: Occurrence | null } {
  const nowMs = usToMs(nowUs);
  const e = expansion(row, nowMs);
  let current: Occurrence | null = null;
  for (const o of e.occurrences) {
    if (o.start <= nowMs && o.end > nowMs && (current === null || o.end > current.end)) current = o;
  }
  if (current) return { current, next: null };
  return { current: null, next: e.occurrences.find((o) => o.start > nowMs) ?? firstAfter(row, e) };
}

/** A downtime's status by the clock. */
export function downtimeStatus(d: DowntimeRow, nowUs: number): DowntimeStatus {
  if (d.canceled_us !== null) return 'canceled';
  if (isRecurring(d)) {
    const { current, next } = occurrenceAt(d, nowUs);
    if (current) return 'active';
    return next ? 'scheduled' : 'ended';
  }
  if (d.end_us !== null && d.end_us <= nowUs) return 'ended';
  if (d.start_us > nowUs) return 'scheduled';
  return 'active';
}

/** The window muting now (a recurring downtime's current occurrence), or null when it is not active. */
export function activeWindow(d: DowntimeRow, nowUs: number): MuteWindow | null {
  if (downtimeStatus(d, nowUs) !== 'active') return null;
  if (!isRecurring(d)) return { startUs: d.start_us, endUs: d.end_us };
  const c = occurrenceAt(d, nowUs).current!;
  return { startUs: msToUs(c.start), endUs: msToUs(c.end) };
}

/**
 * The windows a downtime muted (or will mute) that overlap [fromUs, toUs), oldest first, each cut
 * at the cancellation; a recurring downtime has one per occurrence. For history views.
 */
export function windowsBetween(d: DowntimeRow, fromUs: number, toUs: number): MuteWindow[] {
  const windows: MuteWindow[] = isRecurring(d)
    ? d.recurrences
        .flatMap((r) => occurrencesOf(r, tzOf(d), usToMs(fromUs), usToMs(toUs)))
        .sort((a, b) => a.start - b.start)
        .map((o) => ({ startUs: msToUs(o.start), endUs: msToUs(o.end) }))
    : [{ startUs: d.start_us, endUs: d.end_us }];
  const out: MuteWindow[] = [];
  for (const w of windows) {
    const canceled = d.canceled_us;
    if (canceled !== null && canceled <= w.startUs) continue;
    const endUs = canceled !== null && (w.endUs === null || canceled < w.endUs) ? canceled : w.endUs;
    if (endUs !== null && (endUs <= fromUs || endUs <= w.startUs)) continue;
    if (w.startUs >= toUs) continue;
    out.push({ startUs: w.startUs, endUs });
  }
  return out;
}

function oneOffEnd(d: DowntimeRow): DowntimeEnd | null {
  const canceled = d.canceled_us;
  if (canceled !== null && (d.end_us === null || canceled < d.end_us)) {
    // Cancelled before it began: it never muted anything, so nothing ends.
    return canceled >= d.start_us ? { type: 'canceled', atUs: canceled, windowStartUs: d.start_us } : null;
  }
  return d.end_us === null ? null : { type: 'expired', atUs: d.end_us, windowStartUs: d.start_us };
}

function recurringEnds(d: RecurringRow, sinceUs: number, nowUs: number): DowntimeEnd[] {
  const list = expansion(d, usToMs(nowUs)).occurrences;
  const canceled = d.canceled_us;
  const out: DowntimeEnd[] = [];
  for (const o of list) {
    const startUs = msToUs(o.start);
    const endUs = msToUs(o.end);
    if (canceled !== null && startUs >= canceled) continue;
    if (canceled !== null && canceled < endUs) {
      out.push({ type: 'canceled', atUs: canceled, windowStartUs: startUs });
      continue;
    }
    if (endUs <= sinceUs || endUs > nowUs) continue;
    // Another occurrence already under way at this one's end keeps the groups muted: no end.
    if (list.some((p) => p !== o && p.start <= o.end && p.end > o.end)) continue;
    out.push({ type: 'expired', atUs: endUs, windowStartUs: startUs });
  }
  return out;
}

/**
 * The latest end of a downtime in (afterUs, nowUs], or null. Ends more than END_LOOKBACK_MS
 * before `nowUs` are not reported: they are history by the time anyone would be notified.
 */
export function latestEnd(d: DowntimeRow, afterUs: number, nowUs: number): DowntimeEnd | null {
  const sinceUs = Math.max(afterUs, nowUs - msToUs(END_LOOKBACK_MS));
  const ends = isRecurring(d) ? recurringEnds(d, sinceUs, nowUs) : [oneOffEnd(d)];
  let best: DowntimeEnd | null = null;
  for (const e of ends) {
    if (e && e.atUs > sinceUs && e.atUs <= nowUs && (best === null || e.atUs > best.atUs)) best = e;
  }
  return best;
}

/** True once nothing about the downtime can change by the clock alone: cancelled, or a one-off past its end. */
export function isFinal(d: DowntimeRow, nowUs: number): boolean {
  if (d.canceled_us !== null) return d.canceled_us <= nowUs;
  return !isRecurring(d) && d.end_us !== null && d.end_us <= nowUs;
}

/** The wall-clock time now in a timezone, "YYYY-MM-DDTHH:mm": a recurrence's default start. */
export function wallNow(nowUs: number, tz: string): string {
  return formatWallTime(wallTimeAt(usToMs(nowUs), tz));
}

/** The earliest recurrence start as an instant (epoch µs): a recurring row's start_us. */
export function recurrencesStartUs(recs: readonly Recurrence[], tz: string): number {
  return Math.min(...recs.map((r) => msToUs(wallTimeToMs(parseWallTime(r.start)!, tz))));
}
