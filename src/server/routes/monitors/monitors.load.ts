import type { Person } from '../../../contract/monitors';
import type { ServerDeps } from '../../lib/deps';
import { includedUsers } from '../../upstreams/datadog/map';
import type { RawDowntime, RawDowntimeMatch, RawMonitor } from '../../upstreams/datadog/schemas';

/** Paging through Datadog lists; each stops at a short page, with a hard cap against a server that ignores paging. */
export const MONITOR_PAGE_SIZE = 1000;
export const DOWNTIME_PAGE_SIZE = 100;
const MAX_PAGES = 200;

export async function loadAllMonitors(deps: ServerDeps): Promise<RawMonitor[]> {
  const byId = new Map<number, RawMonitor>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const items = await deps.datadog.listMonitorsPage(page, MONITOR_PAGE_SIZE);
    for (const m of items) if (!byId.has(m.id)) byId.set(m.id, m);
    if (items.length < MONITOR_PAGE_SIZE) break;
  }
  return [...byId.values()];
}

export interface CurrentDowntimes {
  data: RawDowntime[];
  users: Map<string, Person>;
}

export async function loadCurrentDowntimes(deps: ServerDeps): Promise<CurrentDowntimes> {
  const byId = new Map<string, RawDowntime>();
  const users = new Map<string, Person>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const offset = page * DOWNTIME_PAGE_SIZE;
    const res = await deps.datadog.listDowntimesPage(offset, DOWNTIME_PAGE_SIZE);
    const before = byId.size;
    for (const d of res.data) if (!byId.has(d.id)) byId.set(d.id, d);
    for (const [id, user] of includedUsers(res.included)) users.set(id, user);
    const total = res.meta?.page?.total_filtered_count;
    if (res.data.length < DOWNTIME_PAGE_SIZE || byId.size === before) break;
    if (typeof total === 'number' && offset + res.data.length >= total) break;
  }
  return { data: [...byId.values()], users };
}

export async function loadDowntimeMatches(deps: ServerDeps, monitorId: number): Promise<RawDowntimeMatch[]> {
  const byId = new Map<string, RawDowntimeMatch>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const offset = page * DOWNTIME_PAGE_SIZE;
    const res = await deps.datadog.monitorDowntimeMatches(monitorId, offset, DOWNTIME_PAGE_SIZE);
    const before = byId.size;
    for (const m of res.data) if (!byId.has(m.id)) byId.set(m.id, m);
    const total = res.meta?.page?.total_filtered_count;
    if (res.data.length < DOWNTIME_PAGE_SIZE || byId.size === before) break;
    if (typeof total === 'number' && offset + res.data.length >= total) break;
  }
  return [...byId.values()];
}
