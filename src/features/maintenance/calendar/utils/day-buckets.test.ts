import type { CalendarEntry } from '../../../../contract/maintenance-schedule';
import { weekDays } from './calendar-dates';
import { bucketByDay, layoutDay, nowOffsetPct } from './day-buckets';

const HOUR = 3_600_000;
/** Berlin wall-clock time in November 2026 (UTC+1) as an instant. */
const berlin = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour - 1, minute);
const entry = (windowId: string, start: number, end: number): CalendarEntry => ({ windowId, start, end, overlapsWith: [] });
const WEEK = weekDays('2026-11-28');

beforeEach(() => {
  vi.stubEnv('TZ', 'Europe/Berlin');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('bucketByDay', () => {
  it('puts an entry on the one day it falls in', () => {
    const buckets = bucketByDay([entry('a', berlin(28, 2), berlin(28, 4))], WEEK);
    expect(WEEK.filter((d) => (buckets.get(d) ?? []).length > 0)).toEqual(['2026-11-28']);
    const [seg] = buckets.get('2026-11-28')!;
    expect(seg).toMatchObject({ start: berlin(28, 2), end: berlin(28, 4), fromEarlierDay: false, intoLaterDay: false });
  });

  it('splits an entry across midnight into a part on each day it touches', () => {
    const buckets = bucketByDay([entry('a', berlin(28, 22), berlin(29, 2))], WEEK);
    expect(buckets.get('2026-11-28')).toEqual([
      expect.objectContaining({ start: berlin(28, 22), end: berlin(29, 0), fromEarlierDay: false, intoLaterDay: true }),
    ]);
    expect(buckets.get('2026-11-29')).toEqual([
      expect.objectContaining({ start: berlin(29, 0), end: berlin(29, 2), fromEarlierDay: true, intoLaterDay: false }),
    ]);
  });

  it('an entry ending exactly at midnight does not touch the next day', () => {
    const buckets = bucketByDay([entry('a', berlin(27, 22), berlin(28, 0))], WEEK);
    expect(buckets.get('2026-11-27')).toHaveLength(1);
    expect(buckets.get('2026-11-28')).toEqual([]);
  });

  it('a three-day entry covers the middle day whole, and is clipped to the days shown', () => {
    const buckets = bucketByDay([entry('a', berlin(20, 12), berlin(25, 6))], WEEK);
    expect(buckets.get('2026-11-23')).toEqual([expect.objectContaining({ start: berlin(23, 0), fromEarlierDay: true, intoLaterDay: true })]);
    expect(buckets.get('2026-11-25')).toEqual([expect.objectContaining({ end: berlin(25, 6), fromEarlierDay: true, intoLaterDay: false })]);
    expect(buckets.get('2026-11-26')).toEqual([]);
  });

  it('orders a day by start, the longer first on a tie', () => {
    const day = bucketByDay(
      [entry('late', berlin(28, 9), berlin(28, 10)), entry('short', berlin(28, 2), berlin(28, 3)), entry('long', berlin(28, 2), berlin(28, 6))],
      ['2026-11-28'],
    ).get('2026-11-28')!;
    expect(day.map((s) => s.entry.windowId)).toEqual(['long', 'short', 'late']);
  });
});

describe('layoutDay', () => {
  const lay = (entries: CalendarEntry[]) => {
    const segments = bucketByDay(entries, ['2026-11-28']).get('2026-11-28')!;
    return Object.fromEntries(layoutDay(segments, '2026-11-28').map((p) => [p.entry.windowId, p]));
  };

  it('places overlapping entries side by side, and the rest full width', () => {
    const placed = lay([entry('a', berlin(28, 1), berlin(28, 3)), entry('b', berlin(28, 2), berlin(28, 4)), entry('c', berlin(28, 5), berlin(28, 6))]);
    expect(placed.a).toMatchObject({ lane: 0, lanes: 2 });
    expect(placed.b).toMatchObject({ lane: 1, lanes: 2 });
    expect(placed.c).toMatchObject({ lane: 0, lanes: 1 });
  });

  it('reuses a lane once it is free, keeping the cluster as wide as its busiest moment', () => {
    const placed = lay([entry('a', berlin(28, 1), berlin(28, 5)), entry('b', berlin(28, 2), berlin(28, 3)), entry('c', berlin(28, 3), berlin(28, 4))]);
    expect(placed.a).toMatchObject({ lane: 0, lanes: 2 });
    expect(placed.b).toMatchObject({ lane: 1, lanes: 2 });
    expect(placed.c).toMatchObject({ lane: 1, lanes: 2 });
  });

  it('positions an entry by its share of the day', () => {
    const placed = lay([entry('a', berlin(28, 6), berlin(28, 12))]);
    expect(placed.a!.topPct).toBeCloseTo(25);
    expect(placed.a!.heightPct).toBeCloseTo(25);
  });

  it('measures a 25-hour day by its real length', () => {
    // 25 October 2026: Berlin falls back at 03:00 CEST; 02:00 CET is the fourth hour of the day.
    const day = '2026-10-25';
    const start = Date.UTC(2026, 9, 24, 22) + 3 * HOUR;
    const segments = bucketByDay([entry('a', start, start + HOUR)], [day]).get(day)!;
    const [p] = layoutDay(segments, day);
    expect(p!.topPct).toBeCloseTo((3 / 25) * 100);
    expect(p!.heightPct).toBeCloseTo((1 / 25) * 100);
  });
});

describe('nowOffsetPct', () => {
  it('is the share of today gone, and null on any other day', () => {
    expect(nowOffsetPct('2026-11-28', berlin(28, 18))).toBeCloseTo(75);
    expect(nowOffsetPct('2026-11-27', berlin(28, 18))).toBeNull();
    expect(nowOffsetPct('2026-11-29', berlin(29, 0))).toBe(0);
  });
});
