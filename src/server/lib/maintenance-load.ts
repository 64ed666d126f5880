import type { Person } from '../../contract/monitors';
import type { RequestContext } from './request-context';
import type { ServerDeps } from './deps';
import { HttpError } from './errors';
import { indexNames, monitorIndex, monitorNames, type MonitorIndex, type MonitorNames } from './maintenance-monitors';
import type { MonitorList } from './monitor-list';
import { buildWindow, compareWindows, groupWindows, toPart, type DowntimePart, type WindowContext, type WindowRecord } from './maintenance-windows';
import { roleKey } from '../routes/cached';
import { loadMonitorList, loadCurrentDowntimes } from '../routes/monitors/monitors.load';
import { disabledUserIds, includedUsers } from '../upstreams/datadog/map';
import type { RawDowntime, RawDowntimeOne } from '../upstreams/datadog/schemas';

/**
 * Loading what the maintenance routes work on, through the BFF's shared loaders and its snapshot
 * cache (coalesced, per role, stale-if-error): the monitor list with group states (the same cache
 * entry the monitor list uses) and every downtime Datadog keeps. Nothing here calls Datadog per
 * monitor or per window.
 */
export interface DowntimeList {
  data: RawDowntime[];
  users: Map<string, Person>;
  /** Included users Datadog marks disabled, by id (for the hygiene report). */
  disabledUserIds: Set<string>;
}

/** Every downtime, with the users they name, through the shared loader (its paging and caps). */
export async function loadDowntimeList(deps: ServerDeps): Promise<DowntimeList> {
  const disabled = new Set<string>();
  // The shared loader keeps only names of the included users; listen in on its pages for the disabled flag.
  const listening: ServerDeps = {
    ...deps,
    datadog: {
      ...deps.datadog,
      listDowntimesPage: async (offset, limit) => {
        const page = await deps.datadog.listDowntimesPage(offset, limit);
        for (const id of disabledUserIds(page.included)) disabled.add(id);
        return page;
      },
    },
  };
  const { data, users } = await loadCurrentDowntimes(listening);
  return { data, users, disabledUserIds: disabled };
}

/**
 * What a caller needs of the monitors: nothing, their names (for the monitors a window picks), or
 * the index (every monitor with its groups, for what a window covers). The names are cheap; the
 * index holds every group of every monitor as an object, so only the routes that preview ask for it.
 */
export type MonitorNeed = 'none' | 'names' | 'index';

export interface WindowView {
  records: WindowRecord[];
  byId: Map<string, WindowRecord>;
  /** Null unless the caller asked for the index. */
  index: MonitorIndex | null;
  /** Null when the caller asked for no monitors. */
  names: MonitorNames | null;
  fetchedAt: number;
  stale: boolean;
}

export function windowContext(deps: ServerDeps, downtimes: DowntimeList, names: MonitorNames | null): WindowContext {
  const users = new Map<string, boolean>();
  return {
    now: deps.now(),
    users: downtimes.users,
    disabledUserIds: downtimes.disabledUserIds,
    watchdeckUserDisabled: (username) => {
      if (!users.has(username)) {
        const row = deps.store.users.get(username);
        if (row) users.set(username, row.disabled);
      }
      return users.get(username);
    },
    watched: deps.store.maintenanceWatches.windowIds(),
    monitorName: names ?? (() => undefined),
  };
}

/** Windows from already loaded lists (the watcher loads its own, fresh). */
export function windowsFrom(
  deps: ServerDeps,
  downtimes: DowntimeList,
  monitors: MonitorList | null,
  need: Exclude<MonitorNeed, 'none'> = 'index',
): Omit<WindowView, 'fetchedAt' | 'stale'> {
  const index = monitors && need === 'index' ? monitorIndex(monitors) : null;
  const names = index ? indexNames(index) : monitors ? monitorNames(monitors) : null;
  const records = groupWindows(downtimes.data, windowContext(deps, downtimes, names)).sort(compareWindows);
  return { records, byId: new Map(records.map((r) => [r.window.id, r])), index, names };
}

export const monitorsSnapshot = (deps: ServerDeps, req: RequestContext) =>
  deps.snapshots.get(roleKey(req, 'monitors'), () => loadMonitorList(deps));

export const downtimesSnapshot = (deps: ServerDeps, req: RequestContext) =>
  deps.snapshots.get(roleKey(req, 'maintenance:downtimes'), () => loadDowntimeList(deps));

/** Every window, and (when asked) the monitors' names or index; the oldest of the two answers' times. */
export async function loadWindowView(deps: ServerDeps, req: RequestContext, options: { monitors: MonitorNeed }): Promise<WindowView> {
  const need = options.monitors;
  const [downtimes, monitors] = await Promise.all([
    downtimesSnapshot(deps, req),
    need !== 'none' ? monitorsSnapshot(deps, req) : Promise.resolve(null),
  ]);
  const view = windowsFrom(deps, downtimes.value, monitors?.value ?? null, need === 'index' ? 'index' : 'names');
  return {
    ...view,
    fetchedAt: Math.min(downtimes.fetchedAt, monitors?.fetchedAt ?? Number.POSITIVE_INFINITY),
    stale: downtimes.stale || (monitors?.stale ?? false),
  };
}

/**
 * The window a change acts on, read through the same cache (a copy at most a couple of seconds
 * old, and never older than watchdeck's own last change). Never from the stale fallback: that copy
 * could hold an end someone has moved since, and "extend" adds to the end it reads.
 */
export async function windowForChange(
  deps: ServerDeps,
  req: RequestContext,
  id: string,
  options: { monitors: MonitorNeed },
): Promise<{ record: WindowRecord; view: WindowView }> {
  const view = await loadWindowView(deps, req, options);
  if (view.stale) throw new HttpError(502, 'upstream_error', 'Datadog could not be reached to read the window; nothing was changed');
  const record = view.byId.get(id);
  if (!record) throw new HttpError(404, 'not_found', 'No such maintenance window');
  return { record, view };
}

/**
 * The window as it is after a change, from the downtimes Datadog answered with; a downtime it
 * did not answer for (not changed) keeps what was read before.
 */
export function windowAfterChange(
  deps: ServerDeps,
  id: string,
  before: WindowRecord | null,
  answers: readonly RawDowntimeOne[],
  names: MonitorNames | null,
): WindowRecord {
  const users = new Map<string, Person>();
  const disabled = new Set<string>();
  for (const one of answers) {
    for (const [uid, user] of includedUsers(one.included)) users.set(uid, user);
    for (const uid of disabledUserIds(one.included)) disabled.add(uid);
  }
  const ctx = windowContext(deps, { data: [], users, disabledUserIds: disabled }, names);
  const changed = new Map(answers.map((one) => [one.data.id, toPart(one.data, ctx)]));
  const previous: readonly DowntimePart[] = before?.parts ?? [];
  // Datadog may answer a change without `included`: keep the creator read before.
  const parts = previous.map((p) => {
    const next = changed.get(p.id);
    return next ? { ...next, creator: next.creator ?? p.creator } : p;
  });
  for (const [pid, part] of changed) if (!previous.some((p) => p.id === pid)) parts.push(part);
  return buildWindow(id, parts, ctx);
}
