/** Time helpers. Internally the sandbox keeps epoch microseconds (`us`). */

export const US_PER_MS = 1000;
export const US_PER_S = 1_000_000;

export function msToUs(ms: number): number {
  return Math.round(ms * US_PER_MS);
}

export function usToMs(us: number): number {
  return Math.floor(us / US_PER_MS);
}

export function usToS(us: number): number {
  return Math.floor(us / US_PER_S);
}

/** "2024-10-10T16:39:00.138359+00:00", Datadog's format for created/modified. */
export function isoMicro(us: number): string {
  const ms = Math.floor(us / US_PER_MS);
  const micro = us - ms * US_PER_MS;
  return `${new Date(ms).toISOString().slice(0, 23)}${String(micro).padStart(3, '0')}+00:00`;
}

/** "2021-05-03T13:06:23+00:00", Datadog's format for overall_state_modified. */
export function isoSeconds(us: number): string {
  return `${new Date(usToS(us) * 1000).toISOString().slice(0, 19)}+00:00`;
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses an ISO-8601 date-time to epoch microseconds; null when it is not one.
 * A date-time without an offset is read as UTC (never as the host's local time).
 */
export function parseIsoUs(input: string): number | null {
  const m = ISO_RE.exec(input.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', tz] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(Number(y), month - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (check.getUTCDate() !== day) return null; // e.g. Feb 30
  let offsetMin = 0;
  if (tz && tz.toUpperCase() !== 'Z') {
    const sign = tz.startsWith('-') ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
  }
  const micro = Number((frac + '000000').slice(0, 6));
  return (ms - offsetMin * 60_000) * US_PER_MS + micro;
}
