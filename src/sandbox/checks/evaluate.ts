/**
 * The status of one service check monitor group from its latest runs, the
 * way Datadog's count_by_status thresholds read: over the last N runs, at least
 * `critical` CRITICAL runs is Alert; else at least `warning` WARNING or CRITICAL
 * runs is Warn; else a latest UNKNOWN run is Unknown; else at least `ok` OK runs
 * is OK; else the group keeps its status (hysteresis).
 */

export type CheckStatusCode = 0 | 1 | 2 | 3;
export type GroupStatus = 'OK' | 'Warn' | 'Alert' | 'Unknown' | 'No Data';

/** OK -> OK, WARNING -> Warn, CRITICAL -> Alert, UNKNOWN -> Unknown. */
export const STATUS_OF_CODE: Record<CheckStatusCode, GroupStatus> = { 0: 'OK', 1: 'Warn', 2: 'Alert', 3: 'Unknown' };

export interface CheckThresholds {
  critical: number;
  warning: number;
  ok: number;
}

function count(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 1 ? Math.floor(v) : 1;
}

/** options.thresholds {critical, warning, ok}; each defaults to 1. */
export function thresholdsOf(options: Record<string, unknown>): CheckThresholds {
  const t = (typeof options.thresholds === 'object' && options.thresholds !== null ? options.thresholds : {}) as Record<string, unknown>;
  return { critical: count(t.critical), warning: count(t.warning), ok: count(t.ok) };
}

export interface StatusCounts {
  ok: number;
  warning: number;
  critical: number;
  unknown: number;
}

export function countStatuses(codes: readonly CheckStatusCode[]): StatusCounts {
  const c: StatusCounts = { ok: 0, warning: 0, critical: 0, unknown: 0 };
  for (const s of codes) {
    if (s === 0) c.ok += 1;
    else if (s === 1) c.warning += 1;
    else if (s === 2) c.critical += 1;
    else c.unknown += 1;
  }
  return c;
}

/**
 * The next status of a group. `latest` are the statuses of its last N runs,
 * newest first; `current` its status now (null for a new group). A new group
 * whose runs decide nothing starts OK.
 */
export function evaluateGroup(latest: readonly CheckStatusCode[], t: CheckThresholds, current: string | null): string {
  const c = countStatuses(latest);
  if (c.critical >= t.critical) return 'Alert';
  if (c.warning + c.critical >= t.warning) return 'Warn';
  if (latest[0] === 3) return 'Unknown';
  if (c.ok >= t.ok) return 'OK';
  return current ?? 'OK';
}
