import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from '../seed/anchors';
import { createTempSandbox, TEST_NOW_MS, type Json, type TempSandbox } from '../testing/temp-sandbox';

let t: TempSandbox;
beforeEach(() => {
  t = createTempSandbox();
});
afterEach(() => t.dispose());

const A = DEMO_ANCHORS;
const q = (query: string, extra = '') => t.call('GET', `/api/v1/monitor/groups/search?query=${encodeURIComponent(query)}${extra}`);

describe('GET /api/v1/monitor/groups/search', () => {
  it('returns counts, a page of groups and metadata (per_page 30 by default)', async () => {
    const r = await t.call('GET', '/api/v1/monitor/groups/search');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['counts', 'groups', 'metadata']);
    expect(Object.keys(r.body.counts).sort()).toEqual(['muted', 'status', 'tag', 'type']);
    expect(r.body.groups).toHaveLength(30);
    expect(r.body.metadata).toEqual({
      page: 0,
      per_page: 30,
      total_count: expect.any(Number),
      page_count: Math.ceil(r.body.metadata.total_count / 30),
    });
    expect(r.body.metadata.total_count).toBeGreaterThan(150);
    // Most severe first by default.
    expect(r.body.groups[0].status).toBe('Alert');
    const statuses = r.body.counts.status.map((s: Json) => s.name);
    expect(statuses).toEqual(expect.arrayContaining(['OK', 'Alert', 'Warn', 'No Data', 'Unknown', 'Ignored', 'Skipped']));
  });

  it('describes each group like the recording', async () => {
    const r = await q(`monitor_id:${A.checkoutLatency.id}`, '&sort=group,asc');
    expect(r.body.groups.map((g: Json) => g.group)).toEqual(A.checkoutLatency.groups);
    const alert = r.body.groups[1];
    expect(alert).toEqual({
      status: 'Alert',
      last_nodata_ts: 0,
      env_tags: ['prod'],
      muted_remaining: null,
      muted_until_ts: null,
      all_tags: ['env:prod', 'service:checkout-api', 'team:checkout'],
      monitor_name: A.checkoutLatency.name,
      team_tags: ['checkout'],
      last_triggered_ts: expect.any(Number),
      group: A.checkoutLatency.alertGroup,
      downtimes: [],
      monitor_id: A.checkoutLatency.id,
      priority: 1,
      muted: false,
      group_tags: ['env:prod', 'host:web-2'],
    });
  });

  it('names the single group of an ungrouped monitor "total"', async () => {
    const r = await q(`monitor_id:${A.ungrouped.id}`);
    expect(r.body.groups.map((g: Json) => [g.group, g.group_tags])).toEqual([['total', ['total']]]);
  });

  it('marks muted groups with their downtime and remaining time', async () => {
    const r = await q(`monitor_id:${A.partiallyMuted.id}`, '&sort=group,asc');
    const muted = r.body.groups.filter((g: Json) => g.muted);
    expect(muted.map((g: Json) => g.group)).toEqual([A.partiallyMuted.mutedGroup]);
    const until = Math.floor((TEST_NOW_MS + A.partiallyMuted.endsAfterSeedMs) / 1000);
    expect(muted[0]).toMatchObject({
      muted_until_ts: until,
      muted_remaining: until - Math.floor(TEST_NOW_MS / 1000),
      downtimes: [{ id: A.partiallyMuted.downtimeId, scope: A.partiallyMuted.scope, start: expect.any(Number), end: until }],
    });
    const forever = await q(`monitor_id:${A.indefinitelyMuted.id}`);
    expect(forever.body.groups.every((g: Json) => g.muted && g.muted_until_ts === null && g.muted_remaining === null)).toBe(true);
  });

  it('filters by status, muted, tag, monitor_id and free text', async () => {
    const alerts = await q('status:Alert', '&per_page=1000');
    expect(alerts.body.groups.every((g: Json) => g.status === 'Alert')).toBe(true);
    expect(alerts.body.counts.status).toEqual([{ count: alerts.body.metadata.total_count, name: 'Alert' }]);
    const nodata = await q('status:"No Data"', '&per_page=1000');
    expect(nodata.body.groups.length).toBeGreaterThan(0);
    expect(nodata.body.groups.every((g: Json) => g.status === 'No Data')).toBe(true);
    const muted = await q('muted:true', '&per_page=1000');
    expect(muted.body.groups.every((g: Json) => g.muted)).toBe(true);
    expect(new Set(muted.body.groups.map((g: Json) => g.monitor_id))).toEqual(
      new Set([A.fullyMuted.id, A.partiallyMuted.id, A.indefinitelyMuted.id]),
    );
    const team = await q('tag:"team:search" status:Alert', '&per_page=1000');
    expect(team.body.groups.length).toBeGreaterThan(0);
    expect(team.body.groups.every((g: Json) => g.team_tags.includes('search') && g.status === 'Alert')).toBe(true);
    const host = await q('tag:"host:web-2"', '&per_page=1000');
    expect(host.body.groups.map((g: Json) => g.group)).toContain(A.checkoutLatency.alertGroup);
    const text = await q('p99 latency above 800ms');
    expect(new Set(text.body.groups.map((g: Json) => g.monitor_id))).toEqual(new Set([A.checkoutLatency.id]));
    const either = await q('status:(Alert OR Warn) team:search', '&per_page=1000');
    expect(either.body.groups.every((g: Json) => ['Alert', 'Warn'].includes(g.status))).toBe(true);
    const notOk = await q(`-status:OK monitor_id:${A.checkoutLatency.id}`);
    expect(notOk.body.groups.map((g: Json) => g.group)).toEqual([A.checkoutLatency.alertGroup]);
  });

  it('pages and sorts', async () => {
    const p0 = await t.call('GET', '/api/v1/monitor/groups/search?per_page=5&page=0&sort=monitor_id,asc');
    const p1 = await t.call('GET', '/api/v1/monitor/groups/search?per_page=5&page=1&sort=monitor_id,asc');
    expect(p0.body.groups).toHaveLength(5);
    expect(p0.body.metadata).toMatchObject({ page: 0, per_page: 5 });
    expect(p1.body.groups[0].monitor_id).toBeGreaterThanOrEqual(p0.body.groups[4].monitor_id);
    const desc = await t.call('GET', '/api/v1/monitor/groups/search?per_page=1&sort=monitor_id,desc');
    expect(desc.body.groups[0].monitor_id).toBe(A.firstMonitorId + A.monitorCount - 1);
    expect((await t.call('GET', '/api/v1/monitor/groups/search?sort=colour,asc')).status).toBe(400);
  });

  it('answers the recorded 400 for a bad status', async () => {
    const r = await q('status:notastatus');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ errors: ["Query parsing error: 'notastatus' is not a valid monitor status"] });
    expect((await q('muted:maybe')).status).toBe(400);
  });
});
