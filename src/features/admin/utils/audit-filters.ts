/** The audit page's filters, as kept in the URL: `?actor=alice&action=monitor.mute&outcome=denied&from=2025-06-03T10:00Z`. */
export interface AuditFilters {
  actor: string;
  action: string;
  target: string;
  /** allowed | denied | invalid | failed, or "" for any. */
  outcome: string;
  /** Epoch ms of the first minute included (UTC), or null. */
  from: number | null;
  /** Epoch ms of the last minute included (UTC), or null. */
  to: number | null;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { actor: '', action: '', target: '', outcome: '', from: null, to: null };

export const AUDIT_OUTCOMES = ['allowed', 'denied', 'invalid', 'failed'] as const;

const MINUTE = 60_000;
const TEXT_KEYS = ['actor', 'action', 'target', 'outcome'] as const;

/** "2025-06-03T10:00" (or with seconds, or a trailing Z) read as UTC; null when empty or invalid. */
export function parseUtcInput(value: string | null | undefined): number | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?Z?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const at = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  return Number.isNaN(at) ? null : at;
}

/** The datetime-local value ("2025-06-03T10:00") for an instant, in UTC. */
export function toUtcInput(at: number): string {
  return new Date(at).toISOString().slice(0, 16);
}

export function readAuditFilters(params: URLSearchParams): AuditFilters {
  const text = (key: (typeof TEXT_KEYS)[number]) => (params.get(key) ?? '').trim();
  return {
    actor: text('actor'),
    action: text('action'),
    target: text('target'),
    outcome: text('outcome'),
    from: parseUtcInput(params.get('from')),
    to: parseUtcInput(params.get('to')),
  };
}

/** The URL search for these filters; empty filters are left out, so a clean page has a clean URL. */
export function writeAuditFilters(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TEXT_KEYS) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  if (filters.from !== null) params.set('from', `${toUtcInput(filters.from)}Z`);
  if (filters.to !== null) params.set('to', `${toUtcInput(filters.to)}Z`);
  return params;
}

export function hasAuditFilters(filters: AuditFilters): boolean {
  return writeAuditFilters(filters).toString() !== '';
}

/**
 * The BFF's query for these filters (GET /api/audit and /api/audit.csv): epoch ms
 * bounds, inclusive, so "to 10:00" takes in the whole 10:00 minute.
 */
export function auditApiSearch(filters: AuditFilters, page: { limit?: number; before?: number } = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TEXT_KEYS) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  if (filters.from !== null) params.set('from', String(filters.from));
  if (filters.to !== null) params.set('to', String(filters.to + MINUTE - 1));
  if (page.limit !== undefined) params.set('limit', String(page.limit));
  if (page.before !== undefined) params.set('before', String(page.before));
  return params;
}
