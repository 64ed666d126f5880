import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from '../seed/anchors';
import {
  ddTime,
  downtimeBody,
  getDowntime,
  HOUR,
  listedIds,
  MIN,
  patchDowntime,
  postDowntime,
  recurring,
} from '../testing/downtime-helpers';
import { createTempSandbox, TEST_NOW_MS, type Json, type TempSandbox } from '../testing/temp-sandbox';

// TEST_NOW_MS is Monday 2025-03-10 12:00 UTC: 13:00 in Berlin (CET, UTC+1), 08:00 in New York (EDT, UTC-4).
let t: TempSandbox;
beforeEach(() => {
  t = createTempSandbox();
});
afterEach(() => t.dispose());

const A = DEMO_ANCHORS;
const NIGHTLY = recurring('FREQ=DAILY', '30m', '2025-03-01T03:00', 'Europe/Berlin');
const BASE = { monitor_identifier: { monitor_tags: ['team:search'] }, scope: 'env:prod' };

describe('POST /api/v2/downtime with a recurring schedule', () => {
  it('answers Datadog\'s shape: the rules, the timezone and the next occurrence, with relationships', async () => {
    const r = await t.call('POST', '/api/v2/downtime', downtimeBody({ ...BASE, schedule: NIGHTLY, message: 'reindex' }));
    expect(r.status).toBe(200);
    expect(r.body.data.attributes).toMatchObject({
      status: 'scheduled',
      message: 'reindex',
      monitor_identifier: { monitor_tags: ['team:search'] },
      scope: 'env:prod',
      canceled: null,
    });
    // 03:00 in Berlin is 02:00 UTC in March.
    expect(r.body.data.attributes.schedule).toEqual({
      recurrences: [{ rrule: 'FREQ=DAILY', duration: '30m', start: '2025-03-01T03:00' }],
      current_downtime: { start: '2025-03-11T02:00:00.000000+00:00', end: '2025-03-11T02:30:00.000000+00:00' },
      timezone: 'Europe/Berlin',
    });
    expect(Object.keys(r.body.data.attributes.schedule)).toEqual(['recurrences', 'current_downtime', 'timezone']);
    expect(r.body.data.relationships.created_by.data.id).toBe(A.apiKeyOwner.uuid);
    expect(r.body.included[0].type).toBe('users');
  });

  it('starts the rules now, in the timezone, when no start is given: the first occurrence is in progress', async () => {
    const d = await postDowntime(t, { ...BASE, schedule: recurring('FREQ=WEEKLY;BYDAY=MO', '2h', undefined, 'Europe/Berlin') });
    expect(d.attributes.schedule.recurrences[0].start).toBe('2025-03-10T13:00');
    expect(d.attributes.status).toBe('active');
    expect(d.attributes.schedule.current_downtime).toEqual({ start: ddTime(TEST_NOW_MS), end: ddTime(TEST_NOW_MS + 2 * HOUR) });
  });

  it('runs in UTC when no timezone is given', async () => {
    const d = await postDowntime(t, { ...BASE, schedule: recurring('FREQ=DAILY', '2h', '2025-03-01T11:00') });
    expect(d.attributes.schedule.timezone).toBe('UTC');
    expect(d.attributes.status).toBe('active');
    expect(d.attributes.schedule.current_downtime).toEqual({ start: ddTime(TEST_NOW_MS - HOUR), end: ddTime(TEST_NOW_MS + HOUR) });
  });

  it('takes up to five recurrences; the soonest occurrence is the current_downtime', async () => {
    const d = await postDowntime(t, {
      ...BASE,
      schedule: {
        recurrences: [
          { rrule: 'FREQ=WEEKLY;BYDAY=SA', duration: '2h', start: '2025-03-01T02:00' },
          { rrule: 'FREQ=WEEKLY;BYDAY=TU', duration: '1h', start: '2025-03-01T22:00' },
        ],
        timezone: 'Europe/Berlin',
      },
    });
    expect(d.attributes.schedule.recurrences).toHaveLength(2);
    // Tuesday 22:00 Berlin comes before Saturday 02:00.
    expect(d.attributes.schedule.current_downtime.start).toBe('2025-03-11T21:00:00.000000+00:00');
  });
});

describe('reading recurring downtimes', () => {
  it('GET answers the same schedule; the list holds it, and current_only only during an occurrence', async () => {
    const d = await postDowntime(t, { ...BASE, schedule: NIGHTLY });
    const got = await getDowntime(t, d.id);
    expect(got.attributes.schedule).toEqual(d.attributes.schedule);
    expect(got).not.toHaveProperty('relationships');
    expect(await listedIds(t)).toContain(d.id);
    expect(await listedIds(t, true)).not.toContain(d.id);

    t.clock.now = Date.UTC(2025, 2, 11, 2, 10);
    expect(await listedIds(t, true)).toContain(d.id);
    const during = await getDowntime(t, d.id);
    expect(during.attributes.status).toBe('active');
    expect(during.attributes.schedule.current_downtime).toEqual({
      start: '2025-03-11T02:00:00.000000+00:00',
      end: '2025-03-11T02:30:00.000000+00:00',
    });
  });
});

describe('PATCH of a recurring downtime', () => {
  it('changes the rules, keeps the timezone, or moves only the timezone', async () => {
    const d = await postDowntime(t, { ...BASE, schedule: NIGHTLY });
    t.clock.advance(MIN);
    const longer = await patchDowntime(t, d.id, { schedule: { recurrences: [{ rrule: 'FREQ=DAILY', duration: '1h', start: '2025-03-01T03:00' }] } });
    expect(longer.attributes.schedule).toMatchObject({
      timezone: 'Europe/Berlin',
      current_downtime: { start: '2025-03-11T02:00:00.000000+00:00', end: '2025-03-11T03:00:00.000000+00:00' },
    });
    expect(longer.attributes.modified).not.toBe(longer.attributes.created);
    // New York is on daylight time since 9 March: 03:00 there is 07:00 UTC.
    const moved = await patchDowntime(t, d.id, { schedule: { timezone: 'America/New_York' } });
    expect(moved.attributes.schedule).toEqual({
      recurrences: [{ rrule: 'FREQ=DAILY', duration: '1h', start: '2025-03-01T03:00' }],
      current_downtime: { start: '2025-03-11T07:00:00.000000+00:00', end: '2025-03-11T08:00:00.000000+00:00' },
      timezone: 'America/New_York',
    });
  });

  it('switches a recurring downtime to one-off and back', async () => {
    const d = await postDowntime(t, { ...BASE, schedule: NIGHTLY });
    const once = await patchDowntime(t, d.id, { schedule: { end: ddTime(TEST_NOW_MS + 2 * HOUR) } });
    expect(once.attributes.schedule).toEqual({ end: ddTime(TEST_NOW_MS + 2 * HOUR), start: ddTime(TEST_NOW_MS) });
    expect(once.attributes.status).toBe('active');
    expect((await getDowntime(t, d.id)).attributes.schedule).not.toHaveProperty('recurrences');

    const again = await patchDowntime(t, d.id, { schedule: NIGHTLY });
    expect(again.attributes.status).toBe('scheduled');
    expect(again.attributes.schedule).toEqual((await getDowntime(t, d.id)).attributes.schedule);
    expect(again.attributes.schedule.current_downtime.start).toBe('2025-03-11T02:00:00.000000+00:00');
  });

  it('makes a one-off downtime recurring', async () => {
    const d = await postDowntime(t, { ...BASE, schedule: { end: ddTime(TEST_NOW_MS + HOUR) } });
    const r = await patchDowntime(t, d.id, { schedule: recurring('FREQ=DAILY', '30m', '2025-03-01T03:00', 'Europe/Berlin') });
    expect(r.attributes.schedule).toMatchObject({ timezone: 'Europe/Berlin', recurrences: [{ rrule: 'FREQ=DAILY' }] });
    expect(r.attributes.status).toBe('scheduled');
  });

  it('refuses a timezone alone on a one-off downtime, and a bad rule, changing nothing', async () => {
    const once = await postDowntime(t, { ...BASE, schedule: { end: ddTime(TEST_NOW_MS + HOUR) } });
    const tzOnly = await t.call('PATCH', `/api/v2/downtime/${once.id}`, downtimeBody({ schedule: { timezone: 'Europe/Berlin' } }));
    expect(tzOnly.status).toBe(400);
    expect(tzOnly.body).toEqual({ errors: ["Invalid schedule: 'recurrences' is required for a recurring downtime"] });

    const rec = await postDowntime(t, { ...BASE, schedule: NIGHTLY });
    const bad = await t.call('PATCH', `/api/v2/downtime/${rec.id}`, downtimeBody({ schedule: { recurrences: [{ rrule: 'FREQ=MINUTELY', duration: '1h' }] } }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatch(/^Invalid schedule\.recurrences\[0\]\.rrule: Windows repeat at most daily/);
    expect((await getDowntime(t, rec.id)).attributes).toEqual(rec.attributes);
  });
});

describe('DELETE of a recurring downtime', () => {
  it('cancels it with 204, twice; it keeps its rules and mutes nothing', async () => {
    const d = await postDowntime(t, { ...BASE, schedule: recurring('FREQ=DAILY', '2h', '2025-03-01T11:00') });
    expect(d.attributes.status).toBe('active');
    expect((await t.call('DELETE', `/api/v2/downtime/${d.id}`)).status).toBe(204);
    expect((await t.call('DELETE', `/api/v2/downtime/${d.id}`)).status).toBe(204);
    const got = await getDowntime(t, d.id);
    expect(got.attributes).toMatchObject({ status: 'canceled', canceled: ddTime(TEST_NOW_MS) });
    expect(got.attributes.schedule.recurrences).toEqual(d.attributes.schedule.recurrences);
    expect(await listedIds(t, true)).not.toContain(d.id);
  });
});

describe('recurring schedules that are refused', () => {
  const cases: [string, Json, string | RegExp][] = [
    ['an RRULE without FREQ', recurring('BYDAY=SA', '2h', '2025-03-01T02:00'), 'Invalid schedule.recurrences[0].rrule: The RRULE needs a FREQ, e.g. FREQ=WEEKLY;BYDAY=SA'],
    ['an hourly RRULE', recurring('FREQ=HOURLY', '30m', '2025-03-01T02:00'), /^Invalid schedule\.recurrences\[0\]\.rrule: Windows repeat at most daily/],
    ['a DTSTART inside the RRULE', recurring('FREQ=DAILY;DTSTART=20250101T000000Z', '1h', '2025-03-01T02:00'), /DTSTART is not allowed in the RRULE/],
    ['an unknown RRULE part', recurring('FREQ=DAILY;FOO=1', '1h', '2025-03-01T02:00'), /^Invalid schedule\.recurrences\[0\]\.rrule: Not a valid RRULE/],
    ['a duration in seconds', recurring('FREQ=DAILY', '90s', '2025-03-01T02:00'), 'Invalid schedule.recurrences[0].duration: A duration is a whole number then m, h, d or w, e.g. 2h'],
    ['a start with an offset', recurring('FREQ=DAILY', '1h', '2025-03-01T02:00+01:00'), /^Invalid schedule\.recurrences\[0\]\.start: The start is a local date and time/],
    ['a start that is no date', recurring('FREQ=DAILY', '1h', '2025-02-30T02:00'), /^Invalid schedule\.recurrences\[0\]\.start/],
    ['an unknown timezone', recurring('FREQ=DAILY', '1h', '2025-03-01T02:00', 'Mars/Olympus'), "Invalid schedule.timezone: unknown timezone 'Mars/Olympus'"],
    ['no recurrences', { recurrences: [], timezone: 'UTC' }, 'Invalid schedule.recurrences: give 1 to 5 recurrences (got 0)'],
    ['six recurrences', { recurrences: Array.from({ length: 6 }, () => ({ rrule: 'FREQ=DAILY', duration: '1h' })) }, 'Invalid schedule.recurrences: give 1 to 5 recurrences (got 6)'],
    ['a bad second recurrence', { recurrences: [{ rrule: 'FREQ=DAILY', duration: '1h' }, { rrule: 'FREQ=DAILY', duration: 'soon' }] }, /^Invalid schedule\.recurrences\[1\]\.duration/],
    ['an unknown key in a recurrence', { recurrences: [{ rrule: 'FREQ=DAILY', duration: '1h', until: 'x' }] }, "Additional properties are not allowed ('until' was unexpected)"],
    ['a missing rrule', { recurrences: [{ duration: '1h' }] }, "'rrule' is a required property of schedule.recurrences[0]"],
    ['a missing duration', { recurrences: [{ rrule: 'FREQ=DAILY' }] }, "'duration' is a required property of schedule.recurrences[0]"],
    ['an rrule that is no string', { recurrences: [{ rrule: 42, duration: '1h' }] }, "42 is not of type 'string'"],
    ['recurrences that are no list', { recurrences: 'FREQ=DAILY' }, "'FREQ=DAILY' is not of type 'array'"],
    ['a timezone alone', { timezone: 'UTC' }, "Invalid schedule: 'recurrences' is required for a recurring downtime"],
    ['a start beside recurrences', { start: null, recurrences: [{ rrule: 'FREQ=DAILY', duration: '1h' }] }, /either start and end \(a one-off downtime\) or recurrences/],
  ];
  it.each(cases)('refuses %s with a clear 400, storing nothing', async (_name, schedule, message) => {
    const before = await listedIds(t);
    const r = await t.call('POST', '/api/v2/downtime', downtimeBody({ ...BASE, schedule }));
    expect(r.status).toBe(400);
    expect(r.body.errors).toHaveLength(1);
    if (typeof message === 'string') expect(r.body.errors[0]).toBe(message);
    else expect(r.body.errors[0]).toMatch(message);
    expect(await listedIds(t)).toEqual(before);
  });
});
