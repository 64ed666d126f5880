/** The shape of one curated demo monitor. */

export const TEAMS = ['payments', 'checkout', 'platform', 'data', 'search', 'mobile'] as const;
export type Team = (typeof TEAMS)[number];

export type GroupStatus = 'OK' | 'Warn' | 'Alert' | 'No Data' | 'Unknown' | 'Ignored' | 'Skipped';

export interface DemoMonitorSpec {
  /** A stable handle for anchors and composites. */
  key: string;
  team: Team;
  service: string;
  /** The env tag on the monitor; omitted for monitors spanning envs. */
  env?: 'prod' | 'staging';
  name: string;
  type: string;
  /** A query, or a function of the ids of other specs (composites). */
  query: string | ((idOf: (key: string) => number) => string);
  message: string;
  priority: number | null;
  /** Group names; [] for an ungrouped monitor (one group, "total"). */
  groups: string[];
  /** Group index (or name) -> status; every other group is OK. `total` for ungrouped. */
  statuses?: Record<string, GroupStatus>;
  /** Index into DEMO_USERS. */
  creator: number;
  extraTags?: string[];
  options?: Record<string, unknown>;
}

export function hostGroups(env: string, prefix: string, n: number, extra = ''): string[] {
  return Array.from({ length: n }, (_, i) => `env:${env},host:${prefix}-${i + 1}${extra}`);
}

export function tagGroups(key: string, values: readonly string[], prefix = ''): string[] {
  return values.map((v) => `${prefix}${key}:${v}`);
}

/** Thresholds read from the comparison at the end of a query, with an optional warning. */
export function thresholdOptions(query: string, warning?: number): Record<string, unknown> {
  const m = /(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(typeof query === 'string' ? query : '');
  if (!m) return {};
  const critical = Number(m[2]);
  return { thresholds: warning === undefined ? { critical } : { critical, warning } };
}
