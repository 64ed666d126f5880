import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from '../seed/anchors';
import { createTempSandbox, type TempSandbox } from '../testing/temp-sandbox';

let t: TempSandbox;
beforeEach(() => {
  t = createTempSandbox();
});
afterEach(() => t.dispose());

const A = DEMO_ANCHORS;

describe('GET /api/v2/monitor/{id}/downtime_matches', () => {
  it('lists the active downtimes muting a monitor, "*" reported as groups ["*"]', async () => {
    const r = await t.call('GET', `/api/v2/monitor/${A.fullyMuted.id}/downtime_matches`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      data: [
        {
          type: 'downtime_match',
          id: A.fullyMuted.downtimeId,
          attributes: {
            groups: ['*'],
            scope: '*',
            start: expect.stringMatching(/\+00:00$/),
            end: '2025-03-10T15:00:00.000000+00:00',
          },
        },
      ],
      meta: { page: { total_filtered_count: 1 } },
    });
  });

  it('names the covered groups for a partial scope', async () => {
    const r = await t.call('GET', `/api/v2/monitor/${A.partiallyMuted.id}/downtime_matches`);
    expect(r.body.data).toHaveLength(1);
    expect(r.body.data[0].attributes).toMatchObject({ groups: [A.partiallyMuted.mutedGroup], scope: A.partiallyMuted.scope });
  });

  it('is empty for an unmuted monitor, and ignores scheduled downtimes until they start', async () => {
    const r = await t.call('GET', `/api/v2/monitor/${A.checkoutLatency.id}/downtime_matches`);
    expect(r.body).toEqual({ data: [], meta: { page: { total_filtered_count: 0 } } });
    const before = await t.call('GET', `/api/v2/monitor/${A.scheduled.monitorIds[1]}/downtime_matches`);
    expect(before.body.data).toEqual([]);
    t.clock.advance(A.scheduled.startsAfterSeedMs);
    const during = await t.call('GET', `/api/v2/monitor/${A.scheduled.monitorIds[1]}/downtime_matches`);
    expect(during.body.data.map((d: { id: string }) => d.id)).toEqual([A.scheduled.downtimeId]);
    expect(during.body.data[0].attributes.groups).toHaveLength(6);
  });

  it('leaves out downtimes whose scope covers none of the groups', async () => {
    await t.call('POST', '/api/v2/downtime', {
      data: { type: 'downtime', attributes: { monitor_identifier: { monitor_id: A.checkoutLatency.id }, scope: 'host:db-9' } },
    });
    const r = await t.call('GET', `/api/v2/monitor/${A.checkoutLatency.id}/downtime_matches`);
    expect(r.body.data).toEqual([]);
  });

  it('pages', async () => {
    for (const host of ['web-1', 'web-2', 'web-3']) {
      await t.call('POST', '/api/v2/downtime', {
        data: { type: 'downtime', attributes: { monitor_identifier: { monitor_id: A.checkoutLatency.id }, scope: `host:${host}` } },
      });
    }
    const r = await t.call('GET', `/api/v2/monitor/${A.checkoutLatency.id}/downtime_matches?page%5Blimit%5D=2&page%5Boffset%5D=1`);
    expect(r.body.data).toHaveLength(2);
    expect(r.body.meta.page.total_filtered_count).toBe(3);
  });

  it('answers the recorded 404 for an unknown monitor', async () => {
    const r = await t.call('GET', '/api/v2/monitor/0/downtime_matches');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ errors: ['Monitor with id 0 not found'] });
  });
});
