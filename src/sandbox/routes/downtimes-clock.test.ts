import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from '../seed/anchors';
import { ddTime, getDowntime, HOUR, listedIds, MIN, postDowntime, recurring } from '../testing/downtime-helpers';
import { createTempSandbox, TEST_NOW_MS, type Json, type TempSandbox } from '../testing/temp-sandbox';

let t: TempSandbox;
beforeEach(() => {
  t = createTempSandbox();
});
afterEach(() => t.dispose());

const TARGET = { monitor_identifier: { monitor_id: DEMO_ANCHORS.appOkCheck.id }, scope: '*' };
const SATURDAY_2AM = (tz: string) => recurring('FREQ=WEEKLY;BYDAY=SA', '2h', '2025-01-04T02:00', tz);

/** The downtime's status and current_downtime at a moment of the fake clock. */
async function at(ms: number, id: string): Promise<{ status: string; current: Json }> {
  t.clock.now = ms;
  const d = await getDowntime(t, id);
  return { status: d.attributes.status, current: d.attributes.schedule.current_downtime };
}

const span = (startMs: number, endMs: number) => ({ start: ddTime(startMs), end: ddTime(endMs) });

describe('a weekly Saturday 02:00-04:00 window keeps 02:00 local time across DST changes', () => {
  it('Europe/Berlin, spring forward (30 March 2025): 01:00 UTC before, 00:00 UTC after', async () => {
    t.clock.now = Date.UTC(2025, 2, 28, 12);
    const d = await postDowntime(t, { ...TARGET, schedule: SATURDAY_2AM('Europe/Berlin') });
    expect(d.attributes.schedule.current_downtime).toEqual(span(Date.UTC(2025, 2, 29, 1), Date.UTC(2025, 2, 29, 3)));
    expect(await at(Date.UTC(2025, 2, 29, 1, 30), d.id)).toEqual({ status: 'active', current: span(Date.UTC(2025, 2, 29, 1), Date.UTC(2025, 2, 29, 3)) });
    expect(await at(Date.UTC(2025, 2, 29, 3), d.id)).toEqual({ status: 'scheduled', current: span(Date.UTC(2025, 3, 5, 0), Date.UTC(2025, 3, 5, 2)) });
    expect(await at(Date.UTC(2025, 3, 5, 0), d.id)).toEqual({ status: 'active', current: span(Date.UTC(2025, 3, 5, 0), Date.UTC(2025, 3, 5, 2)) });
    // Matching follows the occurrence: the monitor is muted at 00:30 UTC that Saturday, not at 02:30.
    t.clock.now = Date.UTC(2025, 3, 5, 0, 30);
    const matches = await t.call('GET', `/api/v2/monitor/${DEMO_ANCHORS.appOkCheck.id}/downtime_matches`);
    expect(matches.body.data.map((m: Json) => [m.id, m.attributes.start, m.attributes.end])).toEqual([
      [d.id, ddTime(Date.UTC(2025, 3, 5, 0)), ddTime(Date.UTC(2025, 3, 5, 2))],
    ]);
    t.clock.now = Date.UTC(2025, 3, 5, 2, 30);
    expect((await t.call('GET', `/api/v2/monitor/${DEMO_ANCHORS.appOkCheck.id}/downtime_matches`)).body.data).toEqual([]);
  });

  it('Europe/Berlin, fall back (26 October 2025): 00:00 UTC before, 01:00 UTC after', async () => {
    t.clock.now = Date.UTC(2025, 9, 24, 12);
    const d = await postDowntime(t, { ...TARGET, schedule: SATURDAY_2AM('Europe/Berlin') });
    expect(d.attributes.schedule.current_downtime).toEqual(span(Date.UTC(2025, 9, 25, 0), Date.UTC(2025, 9, 25, 2)));
    expect(await at(Date.UTC(2025, 9, 25, 2), d.id)).toEqual({ status: 'scheduled', current: span(Date.UTC(2025, 10, 1, 1), Date.UTC(2025, 10, 1, 3)) });
  });

  it('America/New_York, spring forward (9 March 2025): 07:00 UTC before, 06:00 UTC after', async () => {
    t.clock.now = Date.UTC(2025, 2, 7, 12);
    const d = await postDowntime(t, { ...TARGET, schedule: SATURDAY_2AM('America/New_York') });
    expect(d.attributes.schedule.current_downtime).toEqual(span(Date.UTC(2025, 2, 8, 7), Date.UTC(2025, 2, 8, 9)));
    expect(await at(Date.UTC(2025, 2, 8, 8), d.id)).toEqual({ status: 'active', current: span(Date.UTC(2025, 2, 8, 7), Date.UTC(2025, 2, 8, 9)) });
    expect(await at(Date.UTC(2025, 2, 8, 9), d.id)).toEqual({ status: 'scheduled', current: span(Date.UTC(2025, 2, 15, 6), Date.UTC(2025, 2, 15, 8)) });
    expect(await at(Date.UTC(2025, 2, 15, 7, 59), d.id)).toMatchObject({ status: 'active' });
  });

  it('America/New_York, fall back (2 November 2025): 06:00 UTC before, 07:00 UTC after', async () => {
    t.clock.now = Date.UTC(2025, 9, 31, 12);
    const d = await postDowntime(t, { ...TARGET, schedule: SATURDAY_2AM('America/New_York') });
    expect(d.attributes.schedule.current_downtime).toEqual(span(Date.UTC(2025, 10, 1, 6), Date.UTC(2025, 10, 1, 8)));
    expect(await at(Date.UTC(2025, 10, 1, 8), d.id)).toEqual({ status: 'scheduled', current: span(Date.UTC(2025, 10, 8, 7), Date.UTC(2025, 10, 8, 9)) });
    expect(await at(Date.UTC(2025, 10, 8, 6, 59), d.id)).toMatchObject({ status: 'scheduled' });
    expect(await at(Date.UTC(2025, 10, 8, 7), d.id)).toMatchObject({ status: 'active' });
  });
});

describe('status by the clock', () => {
  it('one-off: scheduled, then active, then ended; current_only follows', async () => {
    const d = await postDowntime(t, { ...TARGET, schedule: { start: ddTime(TEST_NOW_MS + HOUR), end: ddTime(TEST_NOW_MS + 2 * HOUR) } });
    expect(d.attributes.status).toBe('scheduled');
    expect(await listedIds(t, true)).not.toContain(d.id);
    t.clock.advance(HOUR);
    expect((await getDowntime(t, d.id)).attributes.status).toBe('active');
    expect(await listedIds(t, true)).toContain(d.id);
    t.clock.advance(HOUR);
    expect((await getDowntime(t, d.id)).attributes.status).toBe('ended');
    expect(await listedIds(t, true)).not.toContain(d.id);
  });

  it('cancel: an active or a scheduled downtime becomes canceled, and stays so', async () => {
    const active = await postDowntime(t, { ...TARGET, schedule: { end: ddTime(TEST_NOW_MS + HOUR) } });
    const later = await postDowntime(t, { ...TARGET, schedule: { start: ddTime(TEST_NOW_MS + HOUR), end: ddTime(TEST_NOW_MS + 2 * HOUR) } });
    await t.call('DELETE', `/api/v2/downtime/${active.id}`);
    await t.call('DELETE', `/api/v2/downtime/${later.id}`);
    t.clock.advance(90 * MIN);
    expect((await getDowntime(t, active.id)).attributes.status).toBe('canceled');
    expect((await getDowntime(t, later.id)).attributes.status).toBe('canceled');
  });

  it('recurring with COUNT=3: scheduled, active, scheduled, active, scheduled, active, then ended', async () => {
    const d = await postDowntime(t, { ...TARGET, schedule: recurring('FREQ=DAILY;COUNT=3', '30m', '2025-03-11T03:00', 'Europe/Berlin') });
    const occurrence = (day: number) => span(Date.UTC(2025, 2, day, 2), Date.UTC(2025, 2, day, 2, 30));
    expect(d.attributes).toMatchObject({ status: 'scheduled', schedule: { current_downtime: occurrence(11) } });
    expect(await at(Date.UTC(2025, 2, 11, 2, 10), d.id)).toEqual({ status: 'active', current: occurrence(11) });
    expect(await at(Date.UTC(2025, 2, 11, 2, 30), d.id)).toEqual({ status: 'scheduled', current: occurrence(12) });
    expect(await at(Date.UTC(2025, 2, 12, 2, 0), d.id)).toEqual({ status: 'active', current: occurrence(12) });
    expect(await at(Date.UTC(2025, 2, 12, 12), d.id)).toEqual({ status: 'scheduled', current: occurrence(13) });
    expect(await at(Date.UTC(2025, 2, 13, 2, 29), d.id)).toEqual({ status: 'active', current: occurrence(13) });
    expect(await at(Date.UTC(2025, 2, 13, 2, 30), d.id)).toEqual({ status: 'ended', current: null });
    expect(await at(Date.UTC(2025, 3, 13), d.id)).toEqual({ status: 'ended', current: null });
  });

  it('recurring with UNTIL: ended once the last day has passed; cancelled recurring ones are canceled', async () => {
    const d = await postDowntime(t, { ...TARGET, schedule: recurring('FREQ=DAILY;UNTIL=20250312T235959Z', '30m', '2025-03-11T03:00', 'UTC') });
    expect(await at(Date.UTC(2025, 2, 12, 3, 10), d.id)).toMatchObject({ status: 'active' });
    expect(await at(Date.UTC(2025, 2, 12, 3, 30), d.id)).toEqual({ status: 'ended', current: null });

    const other = await postDowntime(t, { ...TARGET, schedule: recurring('FREQ=DAILY', '30m', '2025-03-11T03:00', 'UTC') });
    await t.call('DELETE', `/api/v2/downtime/${other.id}`);
    expect((await at(Date.UTC(2025, 2, 13, 3, 10), other.id)).status).toBe('canceled');
  });
});
