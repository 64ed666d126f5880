import {
  previewWindow,
  targetsEverything,
  type PlanTargets,
  type PreviewGroup,
  type PreviewMonitor,
} from '../../contract/maintenance';
import { previewRows, type MonitorList } from './monitor-list';

/**
 * The monitor list, indexed once per loaded snapshot for previews. At 10,000 monitors a preview
 * must not walk every monitor for a window that picks three: the candidates come from the id and
 * tag indexes, and previewWindow (the contract's one definition) decides what is covered.
 */
export interface MonitorIndex {
  all: readonly PreviewMonitor[];
  byId: ReadonlyMap<number, PreviewMonitor>;
  /** Lower-cased monitor tag -> the monitors carrying it. */
  byTag: ReadonlyMap<string, readonly PreviewMonitor[]>;
  /** Position in `all`, so candidates keep the list's order. */
  position: ReadonlyMap<PreviewMonitor, number>;
}

// Keyed by the snapshot's list: a cached list is indexed once, a new load gets a new index.
const indexes = new WeakMap<MonitorList, MonitorIndex>();

/** The monitors as the list keeps them for maintenance (monitor-list.ts: JSON bytes), as objects. */
function previewMonitors(list: MonitorList): PreviewMonitor[] {
  const all: PreviewMonitor[] = [];
  for (const rows of previewRows(list)) {
    for (const [id, name, tags, groups] of rows) all.push({ id, name, tags, groups: groups.map(([g, status]) => ({ name: g, status })) });
  }
  return all;
}

/** A monitor's name by id (undefined when the list has no such monitor). */
export type MonitorNames = (id: number) => string | undefined;

// Keyed by the snapshot's list, like the index: made on the first lookup, once per snapshot.
const nameMaps = new WeakMap<MonitorList, ReadonlyMap<number, string>>();

/**
 * Monitor names by id, without the index: the windows list names the monitors its windows pick,
 * and it is read on every page (the banner, the reminders). Built on the first lookup, a page of
 * monitors at a time, and kept with the snapshot (10,000 names, well under a megabyte), where the
 * index holds every group as an object. A list whose windows pick no monitor never builds it.
 */
export function monitorNames(list: MonitorList): MonitorNames {
  return (id) => {
    const index = indexes.get(list);
    if (index) return index.byId.get(id)?.name;
    let known = nameMaps.get(list);
    if (!known) {
      const made = new Map<number, string>();
      for (const rows of previewRows(list)) for (const [mid, name] of rows) made.set(mid, name);
      nameMaps.set(list, made);
      known = made;
    }
    return known.get(id);
  };
}

/** The same lookup, from an index already made. */
export const indexNames =
  (index: MonitorIndex): MonitorNames =>
  (id) =>
    index.byId.get(id)?.name;

export function monitorIndex(list: MonitorList): MonitorIndex {
  const known = indexes.get(list);
  if (known) return known;
  const all = previewMonitors(list);
  const byId = new Map<number, PreviewMonitor>();
  const byTag = new Map<string, PreviewMonitor[]>();
  const position = new Map<PreviewMonitor, number>();
  all.forEach((m, i) => {
    byId.set(m.id, m);
    position.set(m, i);
    for (const tag of new Set(m.tags.map((t) => t.toLowerCase()))) {
      const list = byTag.get(tag);
      if (list) list.push(m);
      else byTag.set(tag, [m]);
    }
  });
  const index: MonitorIndex = { all, byId, byTag, position };
  indexes.set(list, index);
  return index;
}

/** The monitors a window's targets can reach: the picked ones and those carrying the rarest wanted tag. */
export function candidateMonitors(index: MonitorIndex, targets: PlanTargets): readonly PreviewMonitor[] {
  if (targetsEverything(targets)) return index.all;
  const found = new Set<PreviewMonitor>();
  for (const id of targets.monitorIds) {
    const m = index.byId.get(id);
    if (m) found.add(m);
  }
  if (targets.monitorTags.length > 0) {
    const lists = targets.monitorTags.map((t) => index.byTag.get(t.toLowerCase()) ?? []);
    const rarest = lists.reduce((a, b) => (b.length < a.length ? b : a));
    for (const m of rarest) found.add(m);
  }
  return [...found].sort((a, b) => (index.position.get(a) ?? 0) - (index.position.get(b) ?? 0));
}

/**
 * What previewWindow returns. Spelled out here because the contract types it as an Omit<> of a
 * loose object, which TypeScript widens to unknown fields (an index signature swallows the keys).
 */
export interface WindowPreview {
  groups: PreviewGroup[];
  monitorCount: number;
  futureMonitorCount: number;
  mutesEverything: boolean;
  truncated: boolean;
}

/** What a window with these targets and scope covers now; `limit` caps the rows (the counts stay exact). */
export function previewTargets(index: MonitorIndex, targets: PlanTargets, scope: string, limit?: number): WindowPreview {
  return previewWindow(candidateMonitors(index, targets), targets, scope, limit) as unknown as WindowPreview;
}

/** Ids among these that the monitor list does not have. */
export function unknownMonitorIds(index: MonitorIndex, ids: readonly number[]): number[] {
  return [...new Set(ids)].filter((id) => !index.byId.has(id));
}
