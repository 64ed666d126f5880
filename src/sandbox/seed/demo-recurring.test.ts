import { describe, expect, it } from 'vitest';
import { ddTime } from '../testing/downtime-helpers';
import { createTempSandbox, disposedAfterEach, type Json } from '../testing/temp-sandbox';
import { DEMO_ANCHORS } from './anchors';

const make = disposedAfterEach(createTempSandbox);
const R = DEMO_ANCHORS.recurring;

describe('the demo recurring window (nightly search reindex)', () => {
  it('is seeded as DEMO_ANCHORS.recurring says: daily 03:00 Berlin for 30 minutes, starting 14 days before seeding', async () => {
    const t = make();
    // The tests' clock is 2025-03-10 12:00 UTC, so the rules start on 24 February.
    const d = (await t.call('GET', `/api/v2/downtime/${R.downtimeId}?include=created_by`)).body;
    expect(d.data.attributes).toMatchObject({
      status: 'scheduled',
      message: R.message,
      scope: R.scope,
      monitor_identifier: { monitor_tags: R.monitorTags },
      display_timezone: R.timezone,
      notify_end_types: ['expired'],
      canceled: null,
      schedule: {
        recurrences: [{ rrule: R.rrule, duration: R.duration, start: `2025-02-24T${R.wallTime}` }],
        current_downtime: { start: ddTime(Date.UTC(2025, 2, 11, 2)), end: ddTime(Date.UTC(2025, 2, 11, 2, 30)) },
        timezone: R.timezone,
      },
    });
    expect(d.included[0].attributes.name).toBe('Jonas Weber');
  });

  it('targets tags the seed has: search monitors with env:prod groups', async () => {
    const t = make();
    t.clock.now = Date.UTC(2025, 2, 11, 2, 5);
    const monitors: Json[] = (await t.call('GET', '/api/v1/monitor?with_downtimes=true&group_states=all')).body;
    const muted = monitors.filter((m) => m.matching_downtimes.some((x: Json) => x.id === R.downtimeId));
    expect(muted.length).toBeGreaterThanOrEqual(2);
    for (const m of muted) {
      expect(m.tags).toContain('team:search');
      const groups = m.matching_downtimes.find((x: Json) => x.id === R.downtimeId).groups;
      expect(groups.every((g: string) => g.startsWith('env:prod,'))).toBe(true);
    }
  });

  it('is the same for the same seeding clock', async () => {
    const a = (await make().call('GET', '/api/v2/downtime')).body;
    const b = (await make().call('GET', '/api/v2/downtime')).body;
    expect(b).toEqual(a);
  });

  it('is not in the "empty" seed', async () => {
    const t = make({ seed: 'empty' });
    expect((await t.call('GET', `/api/v2/downtime/${R.downtimeId}`)).status).toBe(404);
  });
});
