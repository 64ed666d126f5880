import { isMultiQuery, normalizeOptions } from '../lib/monitor-input';
import { storedType, THRESHOLD_TYPES } from '../lib/monitor-types';
import type { MonitorsStore } from '../store/monitors-store';
import { DEMO_CATALOG, demoMonitorId, demoSpec, FIRST_MONITOR_ID } from './catalog';
import { thresholdOptions, type DemoMonitorSpec } from './catalog-types';
import { groupHistory, lastTransitionUs } from './group-history';
import type { Prng } from './prng';
import { DEMO_ORG_ID, DEMO_USERS } from './users';

const DAY_US = 86_400_000_000;

function optionsFor(spec: DemoMonitorSpec, query: string, rng: Prng): Record<string, unknown> {
  const base: Record<string, unknown> = {};
  if (THRESHOLD_TYPES.has(spec.type)) Object.assign(base, thresholdOptions(query));
  base.notify_no_data = spec.priority !== null && spec.priority <= 2 && spec.type !== 'composite';
  if (base.notify_no_data) base.no_data_timeframe = 10;
  if (spec.priority === 1) base.renotify_interval = 30;
  base.require_full_window = false;
  base.locked = false;
  base.evaluation_delay = rng.chance(0.3) ? 60 : null;
  return { ...base, ...spec.options };
}

/** Inserts one curated monitor with its groups; `id` undefined takes the next id. Returns the id it got. */
export function insertDemoMonitor(monitors: MonitorsStore, spec: DemoMonitorSpec, id: number | undefined, nowUs: number, rng: Prng): number {
  const nowS = Math.floor(nowUs / 1_000_000);
  const type = storedType(spec.type);
  const query = typeof spec.query === 'string' ? spec.query : spec.query(demoMonitorId);
  const rawOptions = optionsFor(spec, query, rng);
  const multi = isMultiQuery(type, query, rawOptions);
  const names = spec.groups.length > 0 ? spec.groups : ['total'];
  if (multi !== spec.groups.length > 0) {
    throw new Error(`demo monitor ${spec.key}: the query's grouping and its groups disagree`);
  }
  const statuses = names.map((name, i) => spec.statuses?.[String(i)] ?? spec.statuses?.[name] ?? 'OK');
  const draft = names.map((name, i) => groupHistory(0, name, statuses[i]!, nowS, rng));
  const created = nowUs - rng.int(30, 500) * DAY_US - rng.int(0, DAY_US);
  const modified = created + Math.floor(rng.next() * (nowUs - created) * 0.9);
  const tags = [
    ...(spec.env ? [`env:${spec.env}`] : []),
    `service:${spec.service}`,
    `team:${spec.team}`,
    ...(spec.extraTags ?? []),
  ];
  const inserted = monitors.insert({
    id,
    org_id: DEMO_ORG_ID,
    type,
    name: spec.name,
    message: spec.message,
    query,
    tags,
    options: normalizeOptions(rawOptions, type),
    multi,
    priority: spec.priority,
    restricted_roles: null,
    draft_status: 'published',
    creator_id: DEMO_USERS[spec.creator]!.id,
    created_us: created,
    modified_us: modified,
    overall_state_modified_us: lastTransitionUs(draft),
  });
  for (const g of draft) monitors.insertGroup({ ...g, monitor_id: inserted });
  return inserted;
}

/** Inserts the curated demo monitors (ids from FIRST_MONITOR_ID) with their groups. */
export function seedDemoMonitors(monitors: MonitorsStore, nowUs: number, rng: Prng): void {
  monitors.reserveIdsFrom(FIRST_MONITOR_ID);
  for (const spec of DEMO_CATALOG) {
    const id = demoMonitorId(spec.key);
    const inserted = insertDemoMonitor(monitors, spec, id, nowUs, rng);
    if (inserted !== id) throw new Error(`demo monitor ${spec.key} got id ${inserted}, expected ${id}`);
  }
}

/**
 * For upgrades: inserts a curated monitor added by a later schema unless a
 * monitor of that name exists; with its catalog id when free, else the next id.
 */
export function seedDemoMonitorIfMissing(monitors: MonitorsStore, key: string, nowUs: number, rng: Prng): number | null {
  const spec = demoSpec(key);
  if (monitors.list({ name: spec.name }).some((m) => m.name === spec.name)) return null;
  const id = demoMonitorId(key);
  return insertDemoMonitor(monitors, spec, monitors.exists(id) ? undefined : id, nowUs, rng);
}
