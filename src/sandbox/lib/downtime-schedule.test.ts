import { describe, expect, it } from 'vitest';
import type { DowntimeRow } from '../store/types';
import { activeDowntimes } from './downtime-matching';
import {
  activeWindow,
  downtimeStatus,
  END_LOOKBACK_MS,
  isFinal,
  isRecurring,
  latestEnd,
  occurrenceAt,
  windowsBetween,
  type RecurringRow,
} from './downtime-schedule';
import { msToUs } from './time';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Monday 2025-03-10 12:00 UTC. */
const NOW = Date.UTC(2025, 2, 10, 12);
const us = msToUs;

let seq = 0;
function row(over: Partial<DowntimeRow>): DowntimeRow {
  seq += 1;
  return {
    id: `d-${seq}`,
    monitor_id: 1,
    monitor_tags: null,
    scope: '*',
    start_us: us(NOW - HOUR),
    end_us: null,
    recurrences: null,
    timezone: null,
    message: null,
    display_timezone: 'UTC',
    notify_end_states: ['alert'],
    notify_end_types: ['expired'],
    mute_first_recovery_notification: false,
    canceled_us: null,
    created_us: us(NOW - 30 * DAY),
    modified_us: us(NOW - 30 * DAY),
    created_by: 1,
    end_handled_us: null,
    ...over,
  };
}

function recurringRow(over: Partial<DowntimeRow>): RecurringRow {
  const d = row(over);
  if (!isRecurring(d)) throw new Error('not a recurring row');
  return d;
}

/** Daily at hh:mm UTC for `duration`, from 1 March 2025. */
function daily(hhmm: string, duration: string, extra = ''): Partial<DowntimeRow> {
  return { recurrences: [{ rrule: `FREQ=DAILY${extra}`, duration, start: `2025-03-01T${hhmm}` }], timezone: 'UTC', end_us: null };
}

describe('status and the current occurrence of recurring downtimes', () => {
  it('active during an occurrence, scheduled between them, ended after COUNT, canceled once cancelled', () => {
    const d = recurringRow(daily('11:30', '1h', ';COUNT=11'));
    expect(downtimeStatus(d, us(NOW))).toBe('active');
    expect(activeWindow(d, us(NOW))).toEqual({ startUs: us(NOW - 30 * MIN), endUs: us(NOW + 30 * MIN) });
    expect(downtimeStatus(d, us(NOW + HOUR))).toBe('scheduled');
    expect(occurrenceAt(d, us(NOW + HOUR))).toEqual({ current: null, next: { start: NOW + DAY - 30 * MIN, end: NOW + DAY + 30 * MIN } });
    expect(downtimeStatus(d, us(NOW + 2 * DAY))).toBe('ended'); // the 11th was 11 March
    expect(activeWindow(d, us(NOW + 2 * DAY))).toBeNull();
    expect(downtimeStatus({ ...d, canceled_us: us(NOW) }, us(NOW))).toBe('canceled');
  });

  it('finds a far-off next occurrence (yearly rules)', () => {
    const d = recurringRow({ recurrences: [{ rrule: 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24', duration: '1d', start: '2024-12-24T00:00' }], timezone: 'UTC' });
    expect(occurrenceAt(d, us(NOW)).next).toEqual({ start: Date.UTC(2025, 11, 24), end: Date.UTC(2025, 11, 25) });
  });

  it('follows the rules as they are edited (the cache is keyed by the row\'s modified time and rules)', () => {
    const d = row(daily('11:30', '1h'));
    expect(downtimeStatus(d, us(NOW))).toBe('active');
    const edited = { ...d, ...daily('13:00', '1h'), modified_us: d.modified_us + 1 };
    expect(downtimeStatus(edited, us(NOW))).toBe('scheduled');
    expect(downtimeStatus(d, us(NOW))).toBe('active');
  });

  it('activeDowntimes keeps a recurring downtime only during an occurrence, with that occurrence as its window', () => {
    const during = row(daily('11:30', '1h'));
    const between = row(daily('18:00', '1h'));
    const got = activeDowntimes([during, between], us(NOW));
    expect(got.map((p) => [p.row.id, p.window])).toEqual([[during.id, { startUs: us(NOW - 30 * MIN), endUs: us(NOW + 30 * MIN) }]]);
  });
});

describe('latestEnd: what the engine notifies', () => {
  it('one-off: its end, or its cancellation before the end; nothing for one cancelled before it began', () => {
    const d = row({ start_us: us(NOW - HOUR), end_us: us(NOW - MIN) });
    expect(latestEnd(d, us(NOW - HOUR), us(NOW))).toEqual({ type: 'expired', atUs: us(NOW - MIN), windowStartUs: us(NOW - HOUR) });
    expect(latestEnd(d, us(NOW - MIN), us(NOW))).toBeNull(); // already handled
    expect(latestEnd({ ...d, canceled_us: us(NOW - 10 * MIN) }, us(NOW - HOUR), us(NOW))).toMatchObject({ type: 'canceled', atUs: us(NOW - 10 * MIN) });
    const never = row({ start_us: us(NOW + HOUR), end_us: us(NOW + 2 * HOUR), canceled_us: us(NOW - MIN) });
    expect(latestEnd(never, us(NOW - DAY), us(NOW + 3 * HOUR))).toBeNull();
  });

  it('is never older than the look-back: a long-stopped sandbox does not notify stale ends', () => {
    const d = row({ start_us: us(NOW - 3 * DAY), end_us: us(NOW - 2 * DAY) });
    expect(latestEnd(d, us(NOW - 3 * DAY), us(NOW))).toBeNull();
    expect(latestEnd(d, us(NOW - 3 * DAY), us(NOW - 2 * DAY + END_LOOKBACK_MS - MIN))).not.toBeNull();
  });

  it('recurring: the latest occurrence end; a cancellation during an occurrence; none while occurrences touch', () => {
    const d = row(daily('10:00', '30m'));
    expect(latestEnd(d, us(NOW - 2 * DAY), us(NOW))).toEqual({ type: 'expired', atUs: us(NOW - 90 * MIN), windowStartUs: us(NOW - 2 * HOUR) });
    const cut = { ...d, canceled_us: us(NOW - 110 * MIN) };
    expect(latestEnd(cut, us(NOW - 3 * HOUR), us(NOW))).toEqual({ type: 'canceled', atUs: us(NOW - 110 * MIN), windowStartUs: us(NOW - 2 * HOUR) });
    // Back to back: each day's occurrence starts as the last one ends, so the groups stay muted.
    const chained = row(daily('10:00', '1d'));
    expect(latestEnd(chained, us(NOW - 2 * DAY), us(NOW))).toBeNull();
  });

  it('isFinal: cancelled, or a one-off past its end; never a recurring one that is not cancelled', () => {
    expect(isFinal(row({ end_us: us(NOW - 1) }), us(NOW))).toBe(true);
    expect(isFinal(row({ end_us: us(NOW + 1) }), us(NOW))).toBe(false);
    expect(isFinal(row({ canceled_us: us(NOW) }), us(NOW))).toBe(true);
    expect(isFinal(row(daily('10:00', '1h', ';COUNT=1')), us(NOW))).toBe(false);
  });
});

describe('windowsBetween: the history of a downtime\'s mutes', () => {
  it('one window per occurrence, cut at the cancellation', () => {
    const d = row({ ...daily('10:00', '1h'), canceled_us: us(NOW - 90 * MIN) });
    expect(windowsBetween(d, us(NOW - 2 * DAY - 3 * HOUR), us(NOW))).toEqual([
      { startUs: us(NOW - 2 * DAY - 2 * HOUR), endUs: us(NOW - 2 * DAY - HOUR) },
      { startUs: us(NOW - DAY - 2 * HOUR), endUs: us(NOW - DAY - HOUR) },
      { startUs: us(NOW - 2 * HOUR), endUs: us(NOW - 90 * MIN) },
    ]);
    expect(windowsBetween(row({ start_us: us(NOW - HOUR), end_us: null }), us(NOW - DAY), us(NOW))).toEqual([{ startUs: us(NOW - HOUR), endUs: null }]);
  });
});

describe('scale', () => {
  it('a few hundred recurring downtimes, read again and again, stay fast', () => {
    // Daily rules that started two years ago: each expansion walks some 700 occurrences.
    const rows = Array.from({ length: 300 }, (_, i) =>
      row({ recurrences: [{ rrule: 'FREQ=DAILY', duration: '1h', start: `2023-03-01T${String(i % 24).padStart(2, '0')}:00` }], timezone: 'Europe/Berlin' }),
    );
    const cold = performance.now();
    activeDowntimes(rows, us(NOW));
    const coldMs = performance.now() - cold;
    const warm = performance.now();
    for (let i = 0; i < 200; i++) activeDowntimes(rows, us(NOW + i * MIN));
    const warmMs = performance.now() - warm;
    expect(activeDowntimes(rows, us(NOW))).toHaveLength(rows.filter((_, i) => i % 24 === 13).length);
    console.info(`300 recurring rows: cold ${coldMs.toFixed(0)} ms, 200 warm reads ${warmMs.toFixed(0)} ms`);
    expect(coldMs).toBeLessThan(10_000);
    // 200 reads of 300 rows from the cache: 60,000 statuses.
    expect(warmMs).toBeLessThan(2_000);
  });
});
