import type { CalendarEntry } from '../../../../contract/maintenance-schedule';
import { dayBounds, type DayKey } from './calendar-dates';

/** The part of one entry that falls on one local day. An entry across midnight has one segment per day it touches. */
export interface DaySegment<E extends CalendarEntry = CalendarEntry> {
  entry: E;
  day: DayKey;
  /** Clipped to the day, epoch ms. */
  start: number;
  end: number;
  /** The entry began on an earlier day. */
  fromEarlierDay: boolean;
  /** The entry goes on past this day. */
  intoLaterDay: boolean;
}

/**
 * Splits entries into the days they touch, each day's segments ordered by start (then the
 * longer first). An entry touches a day when it overlaps it for any time: one ending exactly
 * at midnight does not show on the next day.
 */
export function bucketByDay<E extends CalendarEntry>(entries: readonly E[], days: readonly DayKey[]): Map<DayKey, DaySegment<E>[]> {
  const buckets = new Map<DayKey, DaySegment<E>[]>();
  for (const day of days) {
    const bounds = dayBounds(day);
    const segments: DaySegment<E>[] = [];
    for (const entry of entries) {
      if (entry.start >= bounds.end || entry.end <= bounds.start) continue;
      segments.push({
        entry,
        day,
        start: Math.max(entry.start, bounds.start),
        end: Math.min(entry.end, bounds.end),
        fromEarlierDay: entry.start < bounds.start,
        intoLaterDay: entry.end > bounds.end,
      });
    }
    segments.sort((a, b) => a.start - b.start || b.end - a.end || a.entry.windowId.localeCompare(b.entry.windowId));
    buckets.set(day, segments);
  }
  return buckets;
}

/** A segment placed in a day column: side by side with the segments it overlaps in time. */
export interface PlacedSegment<E extends CalendarEntry = CalendarEntry> extends DaySegment<E> {
  /** 0-based column among the segments it overlaps. */
  lane: number;
  /** How many columns its group of overlapping segments needs. */
  lanes: number;
  /** Offset from the top of the day and height, in percent of the day (which may be 23 or 25 hours). */
  topPct: number;
  heightPct: number;
}

/**
 * Lays out one day's segments (ordered by start, as bucketByDay returns them) for the week view.
 * Segments that overlap in time form a cluster; each takes the lowest free lane, and every
 * segment of a cluster is as wide as the cluster's lane count, so none hides another.
 */
export function layoutDay<E extends CalendarEntry>(segments: readonly DaySegment<E>[], day: DayKey): PlacedSegment<E>[] {
  const { start: dayStart, end: dayEnd } = dayBounds(day);
  const dayLength = dayEnd - dayStart;
  const placed: PlacedSegment<E>[] = [];
  let cluster: PlacedSegment<E>[] = [];
  let clusterEnd = -Infinity;
  const laneEnds: number[] = [];

  const closeCluster = () => {
    const lanes = Math.max(1, laneEnds.length);
    for (const p of cluster) p.lanes = lanes;
    cluster = [];
    laneEnds.length = 0;
  };

  for (const s of segments) {
    if (s.start >= clusterEnd) {
      closeCluster();
      clusterEnd = s.end;
    } else {
      clusterEnd = Math.max(clusterEnd, s.end);
    }
    let lane = laneEnds.findIndex((end) => end <= s.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = s.end;
    const p: PlacedSegment<E> = {
      ...s,
      lane,
      lanes: 1,
      topPct: ((s.start - dayStart) / dayLength) * 100,
      heightPct: ((s.end - s.start) / dayLength) * 100,
    };
    cluster.push(p);
    placed.push(p);
  }
  closeCluster();
  return placed;
}

/** Where the now-line sits in a day column, in percent from the top; null when `now` is not on that day. */
export function nowOffsetPct(day: DayKey, now: number): number | null {
  const { start, end } = dayBounds(day);
  if (now < start || now >= end) return null;
  return ((now - start) / (end - start)) * 100;
}
