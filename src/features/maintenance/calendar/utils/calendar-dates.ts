/**
 * Calendar days in the browser's local timezone. A day is named by its local date,
 * "YYYY-MM-DD" (a DayKey), never by a UTC instant: a day may last 23 or 25 hours across a
 * DST change, so its bounds are always computed from the local date, not by adding 24 h.
 */
export type DayKey = string;
export type CalendarViewKind = 'week' | 'month';

const DAY_KEY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local noon of a date: the Date constructor normalises overflowing days and months, and noon never falls in a DST gap. */
function localNoon(year: number, monthIndex: number, day: number): Date {
  return new Date(year, monthIndex, day, 12);
}

function keyOfDate(d: Date): DayKey {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The date a key names, or null when it is not a real calendar date ("2026-02-30", "tomorrow"). */
export function parseDayKey(value: string): { year: number; month: number; day: number } | null {
  const m = DAY_KEY_RE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const probe = localNoon(year, month - 1, day);
  if (probe.getFullYear() !== year || probe.getMonth() !== month - 1 || probe.getDate() !== day) return null;
  return { year, month, day };
}

function toNoon(key: DayKey): Date {
  const p = parseDayKey(key);
  if (!p) throw new Error(`Not a calendar date: ${key}`);
  return localNoon(p.year, p.month - 1, p.day);
}

/** The local day an instant falls on. */
export function dayKeyOf(ms: number): DayKey {
  return keyOfDate(new Date(ms));
}

/** The first instant of a local day (local midnight, or the first instant after it when midnight is skipped). */
export function startOfDay(key: DayKey): number {
  const noon = toNoon(key);
  return new Date(noon.getFullYear(), noon.getMonth(), noon.getDate()).getTime();
}

export function addDays(key: DayKey, days: number): DayKey {
  const noon = toNoon(key);
  return keyOfDate(localNoon(noon.getFullYear(), noon.getMonth(), noon.getDate() + days));
}

/** The same day of another month, clamped to that month's last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(key: DayKey, months: number): DayKey {
  const noon = toNoon(key);
  const firstOfTarget = localNoon(noon.getFullYear(), noon.getMonth() + months, 1);
  const lastDay = localNoon(firstOfTarget.getFullYear(), firstOfTarget.getMonth() + 1, 0).getDate();
  return keyOfDate(localNoon(firstOfTarget.getFullYear(), firstOfTarget.getMonth(), Math.min(noon.getDate(), lastDay)));
}

/** The bounds of a local day in epoch ms, [start, end); 23 or 25 hours long across a DST change. */
export function dayBounds(key: DayKey): { start: number; end: number } {
  return { start: startOfDay(key), end: startOfDay(addDays(key, 1)) };
}

/** Weeks start on Monday (ISO 8601, as the rest of watchdeck's en-GB dates). */
export function startOfWeek(key: DayKey): DayKey {
  const mondayOffset = (toNoon(key).getDay() + 6) % 7;
  return addDays(key, -mondayOffset);
}

/** Monday to Sunday of the week holding `key`. */
export function weekDays(key: DayKey): DayKey[] {
  const monday = startOfWeek(key);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

export function isSameMonth(a: DayKey, b: DayKey): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

/** The month holding `key` as whole weeks, Monday first: 4 to 6 rows of 7 days, with the neighbouring months' days at the edges. */
export function monthWeeks(key: DayKey): DayKey[][] {
  const first = `${key.slice(0, 7)}-01`;
  const weeks: DayKey[][] = [];
  let monday = startOfWeek(first);
  while (weeks.length === 0 || isSameMonth(monday, first)) {
    weeks.push(weekDays(monday));
    monday = addDays(monday, 7);
  }
  return weeks;
}

/** The days a view shows for a date. */
export function visibleDays(view: CalendarViewKind, key: DayKey): DayKey[] {
  return view === 'week' ? weekDays(key) : monthWeeks(key).flat();
}

/** The instants a list of consecutive days covers, [from, to). */
export function daysRange(days: readonly DayKey[]): { from: number; to: number } {
  if (days.length === 0) throw new Error('A range needs at least one day');
  return { from: startOfDay(days[0]!), to: startOfDay(addDays(days[days.length - 1]!, 1)) };
}

/** Where a view goes for Previous (-1) and Next (+1): a week, or a month. */
export function stepDate(view: CalendarViewKind, key: DayKey, direction: -1 | 1): DayKey {
  return view === 'week' ? addDays(key, 7 * direction) : addMonths(key, direction);
}

/** "Saturday 28 November 2026": how a day is named to screen readers and in tests. */
export function formatDayLabel(key: DayKey): string {
  return toNoon(key).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).replace(',', '');
}

/** "Sat 28". */
export function formatDayShort(key: DayKey): string {
  return toNoon(key).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric' }).replace(',', '');
}

/** "Mon", "Tue", …: the month grid's column heads. */
export function formatWeekdayShort(key: DayKey): string {
  return toNoon(key).toLocaleDateString('en-GB', { weekday: 'short' });
}

/** "November 2026". */
export function formatMonthTitle(key: DayKey): string {
  return toNoon(key).toLocaleDateString('en-GB', { month: 'long', year: 'numeric' });
}

/** "23 – 29 November 2026", "30 November – 6 December 2026", "28 December 2026 – 3 January 2027". */
export function formatWeekTitle(days: readonly DayKey[]): string {
  const first = toNoon(days[0]!);
  const last = toNoon(days[days.length - 1]!);
  const fmt = (d: Date, opts: Intl.DateTimeFormatOptions) => d.toLocaleDateString('en-GB', opts);
  const end = fmt(last, { day: 'numeric', month: 'long', year: 'numeric' });
  if (first.getFullYear() !== last.getFullYear()) return `${fmt(first, { day: 'numeric', month: 'long', year: 'numeric' })} – ${end}`;
  if (first.getMonth() !== last.getMonth()) return `${fmt(first, { day: 'numeric', month: 'long' })} – ${end}`;
  return `${first.getDate()} – ${end}`;
}
