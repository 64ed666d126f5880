import { afterEach, describe, expect, it } from 'vitest';
import { createTempSandbox, type Json, type TempSandbox } from '../testing/temp-sandbox';
import { DEMO_ANCHORS } from './anchors';
import { TEAMS } from './catalog-types';

const open: TempSandbox[] = [];
function make(...args: Parameters<typeof createTempSandbox>): TempSandbox {
  const t = createTempSandbox(...args);
  open.push(t);
  return t;
}
afterEach(() => {
  while (open.length) open.pop()!.dispose();
});

async function allMonitors(t: TempSandbox): Promise<Json[]> {
  return (await t.call('GET', '/api/v1/monitor?group_states=all&with_downtimes=true')).body;
}

describe('demo seed', () => {
  it('has at least 60 monitors with ids from 1000001', async () => {
    const monitors = await allMonitors(make());
    expect(monitors.length).toBeGreaterThanOrEqual(60);
    expect(monitors.length).toBe(DEMO_ANCHORS.monitorCount);
    expect(monitors.map((m) => m.id)).toEqual(monitors.map((_, i) => 1000001 + i));
  });

  it('covers every required type (metric alert is stored as query alert)', async () => {
    const types = new Set((await allMonitors(make())).map((m) => m.type));
    for (const type of [
      'query alert',
      'service check',
      'log alert',
      'composite',
      'event-v2 alert',
      'synthetics alert',
      'process alert',
      'trace-analytics alert',
      'rum alert',
      'slo alert',
    ]) {
      expect(types, type).toContain(type);
    }
    expect(types).not.toContain('metric alert');
  });

  it('covers every group status and overall state', async () => {
    const monitors = await allMonitors(make());
    const statuses = new Set(monitors.flatMap((m) => Object.values(m.state.groups).map((g: Json) => g.status)));
    for (const s of ['OK', 'Warn', 'Alert', 'No Data', 'Unknown', 'Ignored', 'Skipped']) expect(statuses, s).toContain(s);
    const okGroups = monitors.flatMap((m) => Object.values(m.state.groups)).filter((g: Json) => g.status === 'OK');
    const allGroups = monitors.flatMap((m) => Object.values(m.state.groups));
    expect(okGroups.length / allGroups.length).toBeGreaterThan(0.6);
    const overall = new Set(monitors.map((m) => m.overall_state));
    for (const s of ['OK', 'Warn', 'Alert', 'No Data']) expect(overall, s).toContain(s);
  });

  it('has the 6 teams, each owning at least 6 monitors, with env and service tags', async () => {
    const monitors = await allMonitors(make());
    const byTeam = new Map<string, number>();
    for (const m of monitors) {
      const teams = m.tags.filter((t: string) => t.startsWith('team:'));
      expect(teams, m.name).toHaveLength(1);
      expect(m.tags.some((t: string) => t.startsWith('service:')), m.name).toBe(true);
      byTeam.set(teams[0].slice(5), (byTeam.get(teams[0].slice(5)) ?? 0) + 1);
    }
    expect([...byTeam.keys()].sort()).toEqual([...TEAMS].sort());
    for (const [team, n] of byTeam) expect(n, team).toBeGreaterThanOrEqual(6);
    expect(monitors.filter((m) => m.tags.some((t: string) => t.startsWith('env:'))).length).toBeGreaterThan(50);
  });

  it('is realistic: mostly multi with 2-12 groups, priorities 1-5 and null, several creators, @-mentions', async () => {
    const monitors = await allMonitors(make());
    const multi = monitors.filter((m) => m.multi);
    expect(multi.length / monitors.length).toBeGreaterThan(0.6);
    for (const m of multi) {
      const n = Object.keys(m.state.groups).length;
      expect(n, m.name).toBeGreaterThanOrEqual(2);
      expect(n, m.name).toBeLessThanOrEqual(12);
    }
    for (const m of monitors.filter((x) => !x.multi)) expect(Object.keys(m.state.groups)).toEqual(['total']);
    expect(new Set(monitors.map((m) => m.priority))).toEqual(new Set([1, 2, 3, 4, 5, null]));
    expect(new Set(monitors.map((m) => m.creator.handle)).size).toBeGreaterThanOrEqual(5);
    for (const m of monitors) expect(m.message, m.name).toMatch(/@[\w.-]+/);
    expect(monitors.some((m) => m.name === 'Disk space low on {{host.name}}')).toBe(true);
  });

  it('gives groups plausible timestamps relative to the seed time', async () => {
    const t = make();
    const nowS = Math.floor(t.clock.now / 1000);
    for (const m of await allMonitors(t)) {
      for (const g of Object.values(m.state.groups) as Json[]) {
        for (const k of ['last_triggered_ts', 'last_resolved_ts', 'last_nodata_ts', 'last_notified_ts']) {
          expect(g[k]).toBeLessThanOrEqual(nowS);
          if (g[k] !== 0) expect(g[k]).toBeGreaterThan(nowS - 60 * 86400);
        }
        if (g.status === 'Alert' || g.status === 'Warn') expect(g.last_triggered_ts).toBeGreaterThan(0);
        if (g.status === 'No Data') expect(g.last_nodata_ts).toBeGreaterThan(0);
      }
      expect(m.created_at).toBeLessThan(t.clock.now);
    }
  });

  it('matches DEMO_ANCHORS', async () => {
    const t = make();
    const A = DEMO_ANCHORS;
    const byId = new Map((await allMonitors(t)).map((m) => [m.id, m]));
    const chk: Json = byId.get(A.checkoutLatency.id);
    expect(chk.name).toBe(A.checkoutLatency.name);
    expect(chk.overall_state).toBe('Alert');
    expect(chk.matching_downtimes).toEqual([]);
    expect(Object.fromEntries(Object.entries(chk.state.groups).map(([k, g]: [string, Json]) => [k, g.status]))).toEqual({
      'env:prod,host:web-1': 'OK',
      'env:prod,host:web-2': 'Alert',
      'env:prod,host:web-3': 'OK',
      'env:prod,host:web-4': 'OK',
    });
    const full: Json = byId.get(A.fullyMuted.id);
    expect(full.name).toBe(A.fullyMuted.name);
    expect(full.matching_downtimes[0].groups).toEqual(Object.keys(full.state.groups));
    const partial: Json = byId.get(A.partiallyMuted.id);
    expect(partial.state.groups[A.partiallyMuted.mutedGroup].status).toBe('Alert');
    expect(partial.matching_downtimes[0].groups).toEqual([A.partiallyMuted.mutedGroup]);
    const indefinite: Json = byId.get(A.indefinitelyMuted.id);
    expect(indefinite.matching_downtimes[0]).toMatchObject({ end: null, scope: ['env:staging'] });
    for (const id of A.bulkMuteTeam.monitorIds) {
      const m: Json = byId.get(id);
      expect(m.tags).toContain('team:search');
      expect(m.matching_downtimes).toEqual([]);
    }
    const searchStatuses = A.bulkMuteTeam.monitorIds.flatMap((id) =>
      Object.values((byId.get(id) as Json).state.groups).map((g: Json) => g.status),
    );
    expect(searchStatuses).toEqual(expect.arrayContaining(['Alert', 'Warn']));
    const composite: Json = byId.get(A.composite.id);
    expect(composite.type).toBe('composite');
    expect(composite.query).toBe(`${A.composite.references[0]} && ${A.composite.references[1]}`);
    const scheduled = await t.call('GET', `/api/v2/downtime/${A.scheduled.downtimeId}`);
    expect(scheduled.body.data.attributes).toMatchObject({
      status: 'scheduled',
      scope: A.scheduled.scope,
      monitor_identifier: { monitor_tags: A.scheduled.monitorTags },
      message: A.scheduled.message,
    });
  });

  it('is deterministic', async () => {
    const a = await allMonitors(make());
    const b = await allMonitors(make());
    expect(b).toEqual(a);
  });
});

describe('seedMonitors', () => {
  it('generates N monitors of about 20 groups each, quickly', async () => {
    const started = Date.now();
    const t = make({ seed: 'empty', seedMonitors: 10_000 });
    const seededMs = Date.now() - started;
    expect(seededMs).toBeLessThan(15_000);
    const page = await t.call('GET', '/api/v1/monitor?page=99&page_size=100&group_states=all');
    expect(page.body).toHaveLength(100);
    expect(page.body[99].id).toBe(1000000 + 10_000);
    for (const m of page.body) {
      const n = Object.keys(m.state.groups).length;
      expect(n).toBeGreaterThanOrEqual(16);
      expect(n).toBeLessThanOrEqual(24);
    }
    const search = await t.call('GET', '/api/v1/monitor/groups/search?query=status:Alert&per_page=10');
    expect(search.body.metadata.total_count).toBeGreaterThan(1000);
  }, 60_000);

  it('adds them after the curated monitors for seed "demo"', async () => {
    const t = make({ seedMonitors: 12 });
    const list = (await t.call('GET', '/api/v1/monitor')).body;
    expect(list).toHaveLength(DEMO_ANCHORS.monitorCount + 12);
    expect(list[0].name).toBe((await t.call('GET', '/api/v1/monitor/1000001')).body.name);
  });
});
