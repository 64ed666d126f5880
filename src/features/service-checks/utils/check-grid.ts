import type { CheckResult } from '../../../contract/service-checks';

/** Beyond this many hosts (or cells), the grid becomes a compact list: a wide grid of mostly empty cells reads badly. */
export const GRID_MAX_HOSTS = 8;
export const GRID_MAX_CELLS = 80;

/** Colour class and shape per service check status, matching the monitor statuses they map to (OK, Warn, Alert, Unknown). */
const STYLES: Record<number, { cls: string; icon: string }> = {
  0: { cls: 'st-ok', icon: '✓' },
  1: { cls: 'st-warn', icon: '◆' },
  2: { cls: 'st-alert', icon: '▲' },
  3: { cls: 'st-unknown', icon: '?' },
};

export function checkStatusStyle(status: number): { cls: string; icon: string } {
  return STYLES[status] ?? { cls: 'st-other', icon: '•' };
}

const cellKey = (check: string, host: string) => `${check}\u0000${host}`;

export interface CheckGrid {
  /** Row names, sorted. */
  checks: string[];
  /** Column names, sorted. */
  hosts: string[];
  /** The latest result per check and host, sorted by check then host. */
  latest: CheckResult[];
  cell: (check: string, host: string) => CheckResult | undefined;
  /** True when there are too many hosts or cells for a grid: show `latest` as a list instead. */
  compact: boolean;
}

const byName = (a: string, b: string) => a.localeCompare(b);

/** The latest result per check and host (the BFF sends the latest already; a repeat is settled by time here too). */
export function buildCheckGrid(results: readonly CheckResult[]): CheckGrid {
  const cells = new Map<string, CheckResult>();
  for (const r of results) {
    const key = cellKey(r.check, r.host);
    const seen = cells.get(key);
    if (!seen || r.at > seen.at) cells.set(key, r);
  }
  const latest = [...cells.values()].sort((a, b) => byName(a.check, b.check) || byName(a.host, b.host));
  const checks = [...new Set(latest.map((r) => r.check))].sort(byName);
  const hosts = [...new Set(latest.map((r) => r.host))].sort(byName);
  return {
    checks,
    hosts,
    latest,
    cell: (check, host) => cells.get(cellKey(check, host)),
    compact: hosts.length > GRID_MAX_HOSTS || checks.length * hosts.length > GRID_MAX_CELLS,
  };
}
