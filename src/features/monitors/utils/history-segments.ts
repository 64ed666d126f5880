import type { MonitorHistoryResponse } from '../../../contract/service-checks';
import { statusSeverity } from '../../../contract/states';

/** One stretch of a group's history in one status, [start, end) in epoch ms. */
export interface HistorySegment {
  status: string;
  start: number;
  end: number;
}

/** A mute over a group, clipped to the window. */
export interface MuteBand {
  downtimeId: string;
  scope: string;
  start: number;
  end: number;
  /** Still muting at the end of the window (no end, or an end after it). */
  open: boolean;
}

export interface GroupHistory {
  group: string;
  segments: HistorySegment[];
  mutes: MuteBand[];
  /** The status at the end of the window, or null when the group does not exist (any more). */
  current: string | null;
  /** Transitions inside the window. */
  changes: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Each group's status over the window as segments: its status at `from` (from
 * `initial`), then one segment per transition, up to `to`. A group that did not
 * exist yet (initial null) has no segment before it appeared; repeats of the
 * same status (a renotify) join into one segment. The mutes that covered it are
 * clipped to the window. Worst current status first, then by name.
 */
export function buildGroupHistories(history: MonitorHistoryResponse): GroupHistory[] {
  const { from, to } = history;
  if (!(to > from)) return [];
  const names = new Set<string>([...Object.keys(history.initial), ...history.transitions.map((t) => t.group)]);
  const out: GroupHistory[] = [];
  for (const group of names) {
    const transitions = history.transitions.filter((t) => t.group === group && t.at <= to).sort((a, b) => a.at - b.at);
    let status: string | null = history.initial[group] ?? null;
    let cursor = from;
    let changes = 0;
    const segments: HistorySegment[] = [];
    const push = (segment: HistorySegment) => {
      const last = segments[segments.length - 1];
      if (last && last.status === segment.status && last.end === segment.start) last.end = segment.end;
      else segments.push(segment);
    };
    for (const t of transitions) {
      const at = clamp(t.at, from, to);
      if (t.at >= from) changes += 1;
      if (status !== null && at > cursor) push({ status, start: cursor, end: at });
      status = t.toStatus;
      cursor = at;
    }
    if (status !== null && to > cursor) push({ status, start: cursor, end: to });

    const mutes: MuteBand[] = [];
    for (const m of history.mutes) {
      if (!m.groups.includes(group)) continue;
      const start = clamp(m.start, from, to);
      const end = clamp(m.end ?? to, from, to);
      if (end > start) mutes.push({ downtimeId: m.downtimeId, scope: m.scope, start, end, open: m.end === null || m.end > to });
    }
    mutes.sort((a, b) => a.start - b.start);
    out.push({ group, segments, mutes, current: status, changes });
  }
  const rank = (g: GroupHistory) => (g.current === null ? Number.MAX_SAFE_INTEGER : statusSeverity(g.current));
  return out.sort((a, b) => rank(a) - rank(b) || a.group.localeCompare(b.group));
}

/** Where an instant falls in the window, 0–100 (for an SVG x or width in percent). */
export function windowPercent(at: number, from: number, to: number): number {
  return ((clamp(at, from, to) - from) / (to - from)) * 100;
}

/** Evenly spaced instants for the time axis, both ends included. */
export function axisTicks(from: number, to: number, count = 5): number[] {
  if (count < 2 || !(to > from)) return [from, to];
  return Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));
}
