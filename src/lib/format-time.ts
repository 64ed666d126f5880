const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A short duration for labels: "45s", "43m", "2h 13m", "3d 4h". Rounds down; never negative. */
export function formatDuration(ms: number): string {
  const v = Math.max(0, ms);
  if (v < MINUTE) return `${Math.floor(v / 1000)}s`;
  if (v < HOUR) return `${Math.floor(v / MINUTE)}m`;
  if (v < DAY) {
    const h = Math.floor(v / HOUR);
    const m = Math.floor((v % HOUR) / MINUTE);
    return m ? `${h}h ${m}m` : `${h}h`;
  }
  const d = Math.floor(v / DAY);
  const h = Math.floor((v % DAY) / HOUR);
  return h ? `${d}d ${h}h` : `${d}d`;
}

/** "5 s ago", "3 min ago", "2 h ago", "4 d ago". */
export function formatAgo(at: number, now: number): string {
  const v = Math.max(0, now - at);
  if (v < MINUTE) return `${Math.floor(v / 1000)} s ago`;
  if (v < HOUR) return `${Math.floor(v / MINUTE)} min ago`;
  if (v < DAY) return `${Math.floor(v / HOUR)} h ago`;
  return `${Math.floor(v / DAY)} d ago`;
}

/** Relative in either direction: "3 min ago" or "in 43m"; "just now" within a few seconds (clocks differ a little). */
export function formatRelative(at: number, now: number): string {
  if (Math.abs(at - now) < 5_000) return 'just now';
  return at >= now ? `in ${formatDuration(at - now)}` : formatAgo(at, now);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local wall-clock time "14:05:09". */
export function formatClock(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Local "14:05", or "Tue 3 Jun 14:05" when not today. */
export function formatShortTime(at: number, now: number = Date.now()): string {
  const d = new Date(at);
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (new Date(now).toDateString() === d.toDateString()) return hm;
  const day = d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' }).replace(',', '');
  return `${day} ${hm}`;
}

export const FULL_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
};
let fullTimeFormat: Intl.DateTimeFormat | null = null;

/**
 * Full local date and time with zone, for title attributes. One formatter, made on first use:
 * toLocaleString with options builds a new one on every call, which the list's first render
 * (a title on every visible row) paid for dozens of times.
 */
export function formatFullTime(at: number): string {
  fullTimeFormat ??= new Intl.DateTimeFormat('en-GB', FULL_TIME_OPTIONS);
  return fullTimeFormat.format(at);
}

/** The value a datetime-local input takes for this instant, in local time. */
export function toDateTimeLocalValue(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Parses a datetime-local value ("2025-06-03T14:05") as local time; null when empty or invalid. */
export function parseDateTimeLocalValue(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const at = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)).getTime();
  return Number.isNaN(at) ? null : at;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2025-06-03 12:00:05 UTC": absolute, and the same for everyone reading an audit record. */
export function formatUtcTime(at: number): string {
  return `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** "3 Jun 2025": a calendar date, local. */
export function formatDate(at: number): string {
  return new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}
