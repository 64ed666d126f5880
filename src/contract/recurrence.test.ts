import { describe, expect, it } from 'vitest';
import {
  buildRrule,
  describeRrule,
  expandRecurrence,
  formatDuration,
  parseDurationMs,
  parseWallTime,
  recurrenceAt,
  recurrenceError,
  rruleError,
  wallTimeAt,
  wallTimeToMs,
} from './recurrence';

const iso = (ms: number) => new Date(ms).toISOString();
const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
const weeklySat = { rrule: 'FREQ=WEEKLY;BYDAY=SA', duration: '2h', start: '2026-03-01T02:00' };

describe('expandRecurrence across DST changes', () => {
  it('Europe/Berlin: a Saturday 02:00-04:00 window stays at 02:00 local when summer time starts (29 March 2026)', () => {
    const occ = expandRecurrence(weeklySat, 'Europe/Berlin', utc(2026, 3, 20), utc(2026, 4, 12));
    expect(occ.map((o) => iso(o.start))).toEqual([
      '2026-03-21T01:00:00.000Z', // CET, UTC+1
      '2026-03-28T01:00:00.000Z', // the day before the change
      '2026-04-04T00:00:00.000Z', // CEST, UTC+2
      '2026-04-11T00:00:00.000Z',
    ]);
    for (const o of occ) {
      expect(o.end - o.start).toBe(2 * 3_600_000);
      expect(wallTimeAt(o.start, 'Europe/Berlin')).toMatchObject({ hour: 2, minute: 0 });
    }
  });

  it('Europe/Berlin: stays at 02:00 local when summer time ends (25 October 2026)', () => {
    const occ = expandRecurrence(weeklySat, 'Europe/Berlin', utc(2026, 10, 17), utc(2026, 11, 1));
    expect(occ.map((o) => iso(o.start))).toEqual(['2026-10-17T00:00:00.000Z', '2026-10-24T00:00:00.000Z', '2026-10-31T01:00:00.000Z']);
  });

  it('Europe/Berlin: a daily 02:30 falls in the spring-forward gap and moves to 03:30 that day only', () => {
    const occ = expandRecurrence({ rrule: 'FREQ=DAILY', duration: '1h', start: '2026-03-01T02:30' }, 'Europe/Berlin', utc(2026, 3, 28), utc(2026, 3, 31));
    expect(occ.map((o) => iso(o.start))).toEqual(['2026-03-28T01:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z']);
    expect(wallTimeAt(occ[1]!.start, 'Europe/Berlin')).toMatchObject({ hour: 3, minute: 30 });
  });

  it('America/New_York: a weekly Saturday window keeps 02:00 local over both changes (8 March, 1 November 2026)', () => {
    const spring = expandRecurrence(weeklySat, 'America/New_York', utc(2026, 3, 1), utc(2026, 3, 16));
    expect(spring.map((o) => iso(o.start))).toEqual(['2026-03-07T07:00:00.000Z', '2026-03-14T06:00:00.000Z']);
    const fall = expandRecurrence(weeklySat, 'America/New_York', utc(2026, 10, 30), utc(2026, 11, 9));
    expect(fall.map((o) => iso(o.start))).toEqual(['2026-10-31T06:00:00.000Z', '2026-11-07T07:00:00.000Z']);
  });

  it('America/New_York: a daily 01:30 on the fall-back day takes the first (EDT) instant', () => {
    const occ = expandRecurrence({ rrule: 'FREQ=DAILY', duration: '30m', start: '2026-10-01T01:30' }, 'America/New_York', utc(2026, 11, 1), utc(2026, 11, 2, 12));
    expect(occ.map((o) => iso(o.start))).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
  });

  it('includes an occurrence that started before the range and is still running', () => {
    const occ = expandRecurrence(weeklySat, 'UTC', utc(2026, 3, 7, 3), utc(2026, 3, 7, 5));
    expect(occ).toEqual([{ start: utc(2026, 3, 7, 2), end: utc(2026, 3, 7, 4) }]);
  });

  it('never starts before the recurrence start, and stops at UNTIL and COUNT', () => {
    expect(expandRecurrence({ ...weeklySat, start: '2026-03-10T02:00' }, 'UTC', utc(2026, 3, 1), utc(2026, 3, 15))).toHaveLength(1);
    const until = expandRecurrence({ ...weeklySat, rrule: 'FREQ=WEEKLY;BYDAY=SA;UNTIL=20260315T235959Z' }, 'UTC', utc(2026, 3, 1), utc(2026, 6, 1));
    expect(until).toHaveLength(2);
    const count = expandRecurrence({ ...weeklySat, rrule: 'FREQ=WEEKLY;BYDAY=SA;COUNT=3' }, 'UTC', utc(2026, 3, 1), utc(2026, 6, 1));
    expect(count).toHaveLength(3);
  });

  it('caps the number of occurrences', () => {
    expect(expandRecurrence({ rrule: 'FREQ=DAILY', duration: '1h', start: '2020-01-01T00:00' }, 'UTC', utc(2020, 1, 1), utc(2030, 1, 1), 50)).toHaveLength(50);
  });
});

describe('recurrenceAt', () => {
  const rec = { ...weeklySat, rrule: 'FREQ=WEEKLY;BYDAY=SA;COUNT=2' };
  it('is the occurrence in progress, else the next one, else nothing once the rule ran out', () => {
    expect(recurrenceAt(rec, 'UTC', utc(2026, 3, 7, 3))).toEqual({ current: { start: utc(2026, 3, 7, 2), end: utc(2026, 3, 7, 4) }, next: null });
    expect(recurrenceAt(rec, 'UTC', utc(2026, 3, 9))).toEqual({ current: null, next: { start: utc(2026, 3, 14, 2), end: utc(2026, 3, 14, 4) } });
    expect(recurrenceAt(rec, 'UTC', utc(2026, 3, 14, 4))).toEqual({ current: null, next: null });
  });

  it('finds a yearly occurrence months away', () => {
    const yearly = { rrule: 'FREQ=YEARLY', duration: '1d', start: '2026-12-31T00:00' };
    expect(recurrenceAt(yearly, 'UTC', utc(2027, 1, 5)).next?.start).toBe(utc(2027, 12, 31));
  });
});

describe('checks', () => {
  it.each([
    ['FREQ=WEEKLY;BYDAY=SA', null],
    ['RRULE:FREQ=MONTHLY;BYMONTHDAY=1', null],
    ['BYDAY=SA', 'needs a FREQ'],
    ['FREQ=WEEKLY;DTSTART=20260101T000000Z', 'DTSTART is not allowed'],
    ['FREQ=HOURLY', 'at most daily'],
    ['FREQ=SOMETIMES', 'Not a valid RRULE'],
    ['', 'empty'],
  ])('rruleError(%j)', (rule, expected) => {
    const err = rruleError(rule);
    if (expected === null) expect(err).toBeNull();
    else expect(err).toContain(expected);
  });

  it('durations and wall times', () => {
    expect(parseDurationMs('2h')).toBe(7_200_000);
    expect(parseDurationMs('30m')).toBe(1_800_000);
    expect(parseDurationMs('1w')).toBe(604_800_000);
    expect(parseDurationMs('0h')).toBeNull();
    expect(parseDurationMs('2 hours')).toBeNull();
    expect(formatDuration(90 * 60_000)).toBe('90m');
    expect(formatDuration(2 * 3_600_000)).toBe('2h');
    expect(formatDuration(86_400_000)).toBe('1d');
    expect(parseWallTime('2026-02-30T02:00')).toBeNull();
    expect(parseWallTime('2026-03-01T02:00Z')).toBeNull();
    expect(parseWallTime('2026-03-01T02:00')).toMatchObject({ year: 2026, month: 3, day: 1, hour: 2 });
  });

  it('recurrenceError names the field', () => {
    expect(recurrenceError(weeklySat, 'Mars/Olympus')?.field).toBe('timezone');
    expect(recurrenceError({ ...weeklySat, duration: '2x' }, 'UTC')?.field).toBe('duration');
    expect(recurrenceError({ ...weeklySat, start: 'tomorrow' }, 'UTC')?.field).toBe('start');
    expect(recurrenceError(weeklySat, 'UTC')).toBeNull();
  });

  it('wallTimeToMs round-trips outside DST edges', () => {
    const t = wallTimeToMs({ year: 2026, month: 7, day: 4, hour: 9, minute: 15 }, 'America/New_York');
    expect(iso(t)).toBe('2026-07-04T13:15:00.000Z');
  });
});

describe('buildRrule and describeRrule', () => {
  it('builds the planner choices', () => {
    expect(buildRrule({ frequency: 'daily' })).toBe('FREQ=DAILY');
    expect(buildRrule({ frequency: 'weekly', days: ['SA', 'MO'] })).toBe('FREQ=WEEKLY;BYDAY=MO,SA');
    expect(buildRrule({ frequency: 'monthly', monthDay: 15, interval: 2 })).toBe('FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15');
    expect(buildRrule({ frequency: 'weekly', days: ['SA'], until: '2026-12-31' })).toBe('FREQ=WEEKLY;BYDAY=SA;UNTIL=20261231T235959Z');
  });
  it('reads a rule in words', () => {
    expect(describeRrule('FREQ=WEEKLY;BYDAY=SA')).toBe('every week on Saturday');
  });
});
