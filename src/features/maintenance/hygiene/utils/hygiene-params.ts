import { DEFAULT_LONG_ACTIVE_DAYS } from '../../../../contract/maintenance';

export const LONG_ACTIVE_MIN_DAYS = 1;
export const LONG_ACTIVE_MAX_DAYS = 365;
export const LONG_ACTIVE_PARAM = 'longActiveDays';

export type ParsedDays = { ok: true; days: number } | { ok: false; message: string };

/** Reads "active longer than N days" as typed or linked: a whole number from 1 to 365. */
export function parseLongActiveDays(raw: string): ParsedDays {
  const text = raw.trim();
  const message = `Enter a whole number of days from ${LONG_ACTIVE_MIN_DAYS} to ${LONG_ACTIVE_MAX_DAYS}`;
  if (!/^\d+$/.test(text)) return { ok: false, message };
  const days = Number(text);
  if (days < LONG_ACTIVE_MIN_DAYS || days > LONG_ACTIVE_MAX_DAYS) return { ok: false, message };
  return { ok: true, days };
}

/**
 * The report's N from the URL (default 7). A value it cannot use is kept as `raw`, so the
 * field shows what the link said next to the error, while the report uses the default.
 */
export function readLongActiveDays(params: URLSearchParams): { days: number; raw: string; problem: string | null } {
  const raw = params.get(LONG_ACTIVE_PARAM);
  if (raw === null || raw.trim() === '') return { days: DEFAULT_LONG_ACTIVE_DAYS, raw: String(DEFAULT_LONG_ACTIVE_DAYS), problem: null };
  const parsed = parseLongActiveDays(raw);
  return parsed.ok ? { days: parsed.days, raw, problem: null } : { days: DEFAULT_LONG_ACTIVE_DAYS, raw, problem: parsed.message };
}
