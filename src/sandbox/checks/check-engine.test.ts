import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from '../seed/anchors';
import { demoMonitorId } from '../seed/catalog';
import { APP_OK, harness, type CheckHarness, type RunSpec } from '../testing/check-helpers';
import { TEST_NOW_MS, type Json } from '../testing/temp-sandbox';

const NOW_S = TEST_NOW_MS / 1000;
const MIN = 60_000;
const open: CheckHarness[] = [];
function make(): CheckHarness {
  const h = harness();
  open.push(h);
  return h;
}
afterEach(() => {
  while (open.length) open.pop()!.t.dispose();
});

async function createCheckMonitor(h: CheckHarness, query: string, options: Record<string, unknown>, message = 'svc on {{host.name}}'): Promise<number> {
  const r = await h.t.call('POST', '/api/v1/monitor', { name: `svc ${query}`, type: 'service check', query, message, tags: ['team:platform'], options });
  expect(r.status).toBe(200);
  return r.body.id;
}

async function transitions(h: CheckHarness, id: number): Promise<Json[]> {
  return (await h.t.call('GET', `/api/sandbox/monitor/${id}/transitions?from=0`)).body.transitions;
}

describe('the seeded app.ok monitor', () => {
  it('CRITICAL turns its group Alert (timestamps, overall state), OK recovers it', async () => {
    const h = make();
    const before = (await h.t.call('GET', `/api/v1/monitor/${APP_OK.id}`)).body;
    expect(before.overall_state).toBe('OK');

    h.t.clock.advance(MIN);
    expect((await h.submit({ host_name: 'app-1', status: 2, message: 'connection refused' })).status).toBe(202);
    const alert = (await h.t.call('GET', `/api/v1/monitor/${APP_OK.id}?group_states=all`)).body;
    expect(alert.overall_state).toBe('Alert');
    expect(alert.overall_state_modified).toBe(new Date(TEST_NOW_MS + MIN).toISOString().slice(0, 19) + '+00:00');
    expect(alert.state.groups['host:app-1']).toMatchObject({ status: 'Alert', last_triggered_ts: NOW_S + 60, last_notified_ts: NOW_S + 60 });
    expect(alert.state.groups['host:app-2'].status).toBe('OK');

    h.t.clock.advance(MIN);
    await h.submit({ host_name: 'app-1', status: 0 });
    const groups = await h.groups();
    expect(groups['host:app-1']).toMatchObject({ status: 'OK', last_resolved_ts: NOW_S + 120, last_triggered_ts: NOW_S + 60 });
    expect((await h.t.call('GET', `/api/v1/monitor/${APP_OK.id}`)).body.overall_state).toBe('OK');
    expect(await transitions(h, APP_OK.id)).toEqual([
      { group: 'host:app-1', from: 'OK', to: 'Alert', at: TEST_NOW_MS + MIN },
      { group: 'host:app-1', from: 'Alert', to: 'OK', at: TEST_NOW_MS + 2 * MIN },
    ]);
  });

  it('WARNING is Warn, UNKNOWN is Unknown; the same status again is no transition', async () => {
    const h = make();
    await h.submit({ host_name: 'app-1', status: 1 }, { host_name: 'app-2', status: 3 });
    expect(await h.statuses()).toEqual({ 'host:app-1': 'Warn', 'host:app-2': 'Unknown' });
    await h.submit({ host_name: 'app-1', status: 1 });
    expect(await transitions(h, APP_OK.id)).toHaveLength(2);
  });

  it('ignores runs outside its scope: another env, another check', async () => {
    const h = make();
    await h.submit({ host_name: 'app-1', status: 2, tags: ['env:staging'] }, { check: 'app.other', host_name: 'app-1', status: 2 });
    expect(await h.statuses()).toEqual({ 'host:app-1': 'OK', 'host:app-2': 'OK' });
    expect(await transitions(h, APP_OK.id)).toEqual([]);
  });

  it('a run for a new host creates its group: OK quietly, or Alert from nothing', async () => {
    const h = make();
    await h.submit({ host_name: 'app-3', status: 0 }, { host_name: 'app-4', status: 2, message: 'boom' });
    expect(await h.statuses()).toEqual({ 'host:app-1': 'OK', 'host:app-2': 'OK', 'host:app-3': 'OK', 'host:app-4': 'Alert' });
    expect(await transitions(h, APP_OK.id)).toEqual([
      { group: 'host:app-3', from: null, to: 'OK', at: TEST_NOW_MS },
      { group: 'host:app-4', from: null, to: 'Alert', at: TEST_NOW_MS },
    ]);
    const log = await h.notifications(`&monitor_id=${APP_OK.id}`);
    expect(new Set(log.map((n: Json) => n.group))).toEqual(new Set(['host:app-4']));
    expect(log[0].transition).toBe('(new) → Alert');
  });

  it('the latest run is the newest by timestamp, not by arrival', async () => {
    const h = make();
    await h.submit({ host_name: 'app-1', status: 2, timestamp: NOW_S - 10 });
    await h.submit({ host_name: 'app-1', status: 0, timestamp: NOW_S - 60 });
    expect((await h.statuses())['host:app-1']).toBe('Alert');
  });
});

describe('thresholds over the last N runs', () => {
  it('critical 2, warning 1, ok 2 over last(3): Warn, then Alert, then back through Warn to OK', async () => {
    const h = make();
    const id = await createCheckMonitor(h, '"svc.up".over("*").by("host").last(3).count_by_status()', { thresholds: { critical: 2, warning: 1, ok: 2 } });
    const seq: [RunSpec['status'], string][] = [
      [0, 'OK'],
      [2, 'Warn'],
      [2, 'Alert'],
      [0, 'Alert'],
      [0, 'Warn'],
      [0, 'OK'],
    ];
    for (const [status, expected] of seq) {
      h.t.clock.advance(1000);
      await h.submit({ check: 'svc.up', host_name: 'h1', status, tags: [] });
      expect((await h.statuses(id))['host:h1'], `after ${status}`).toBe(expected);
    }
    expect((await transitions(h, id)).map((t) => `${t.from}>${t.to}`)).toEqual(['null>OK', 'OK>Warn', 'Warn>Alert', 'Alert>Warn', 'Warn>OK']);
  });

  it('hysteresis: with ok 2, one OK after UNKNOWN keeps Unknown; the second recovers', async () => {
    const h = make();
    const id = await createCheckMonitor(h, '"svc.up".over("*").by("host").last(3).count_by_status()', { thresholds: { ok: 2 } });
    for (const [status, expected] of [
      [3, 'Unknown'],
      [0, 'Unknown'],
      [0, 'OK'],
    ] as const) {
      h.t.clock.advance(1000);
      await h.submit({ check: 'svc.up', host_name: 'h1', status, tags: [] });
      expect((await h.statuses(id))['host:h1']).toBe(expected);
    }
  });

  it('groups by host and a tag, in by-order; a run without the tag is in no group', async () => {
    const h = make();
    const id = await createCheckMonitor(h, '"http.ok".over("env:prod").by("host","instance").last(1).count_by_status()', {});
    await h.submit(
      { check: 'http.ok', host_name: 'web-1', status: 2, tags: ['instance:api', 'env:prod'] },
      { check: 'http.ok', host_name: 'web-1', status: 0, tags: ['env:prod', 'instance:admin'] },
      { check: 'http.ok', host_name: 'web-2', status: 2, tags: ['env:prod'] },
    );
    expect(await h.statuses(id)).toEqual({ 'host:web-1,instance:admin': 'OK', 'host:web-1,instance:api': 'Alert' });
  });
});

describe('no data', () => {
  it('a silent group goes No Data after no_data_timeframe, and a run brings it back', async () => {
    const h = make();
    const id = await createCheckMonitor(h, '"svc.up".over("*").by("host").last(1).count_by_status()', { notify_no_data: true, no_data_timeframe: 5 });
    await h.submit({ check: 'svc.up', host_name: 'h1', status: 0, tags: [] });
    await h.advanceAndTick(4 * MIN);
    expect((await h.statuses(id))['host:h1']).toBe('OK');
    await h.advanceAndTick(2 * MIN);
    const g = (await h.groups(id))['host:h1'];
    expect(g).toMatchObject({ status: 'No Data', last_nodata_ts: NOW_S + 360 });
    expect((await h.t.call('GET', `/api/v1/monitor/${id}`)).body.overall_state).toBe('No Data');
    await h.advanceAndTick(10 * MIN);
    expect((await transitions(h, id)).filter((t) => t.to === 'No Data')).toHaveLength(1);

    await h.submit({ check: 'svc.up', host_name: 'h1', status: 0, tags: [] });
    expect((await h.groups(id))['host:h1']).toMatchObject({ status: 'OK', last_resolved_ts: NOW_S + 960 });
  });

  it('defaults the timeframe to 10 minutes, and does nothing without notify_no_data', async () => {
    const h = make();
    const withDefault = await createCheckMonitor(h, '"svc.up".over("*").by("host").last(1).count_by_status()', { notify_no_data: true });
    const without = await createCheckMonitor(h, '"svc.up".over("*").by("host").last(1).count_by_status()', { notify_no_data: false });
    await h.submit({ check: 'svc.up', host_name: 'h1', status: 0, tags: [] });
    await h.advanceAndTick(9 * MIN);
    expect((await h.statuses(withDefault))['host:h1']).toBe('OK');
    await h.advanceAndTick(2 * MIN);
    expect((await h.statuses(withDefault))['host:h1']).toBe('No Data');
    expect((await h.statuses(without))['host:h1']).toBe('OK');
  });

  it('the sandbox clock ticks by itself with evaluateEveryMs', async () => {
    const h = harness({ evaluateEveryMs: 10 });
    open.push(h);
    const id = await createCheckMonitor(h, '"svc.up".over("*").by("host").last(1).count_by_status()', { notify_no_data: true, no_data_timeframe: 1 });
    await h.submit({ check: 'svc.up', host_name: 'h1', status: 0, tags: [] });
    h.t.clock.advance(2 * MIN);
    await expect.poll(async () => (await h.statuses(id))['host:h1'], { timeout: 2000, interval: 20 }).toBe('No Data');
  });
});

describe('the other seeded service check monitors', () => {
  it('drive their existing groups, even when a group name carries more tags than by()', async () => {
    const h = make();
    const nodeReady = demoMonitorId('platform-k8s-node-ready');
    const before = await h.statuses(nodeReady);
    await h.submit({ check: 'kubernetes_state.node.ready', host_name: 'k8s-node-2', status: 2, tags: ['env:prod'] });
    const after = await h.statuses(nodeReady);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after['env:prod,host:k8s-node-2']).toBe('Alert');

    const http = demoMonitorId('checkout-http-check');
    await h.submit(
      { check: 'http.can_connect', host_name: 'web-1', status: 2, tags: ['env:prod', 'service:checkout-web', 'instance:checkout-web'] },
      { check: 'http.can_connect', host_name: 'web-1', status: 2, tags: ['env:prod', 'service:checkout-web', 'instance:checkout-web'] },
    );
    expect((await h.statuses(http))['host:web-1,instance:checkout-web']).toBe('Alert');
  });

  it('groups that never saw a run, and metric monitors, stay as seeded however long the clock runs', async () => {
    const h = make();
    const all = async () => (await h.t.call('GET', '/api/v1/monitor?group_states=all')).body.map((m: Json) => [m.id, m.state.groups]);
    const before = await all();
    await h.advanceAndTick(6 * 60 * MIN);
    expect(await all()).toEqual(before);
    expect(await h.notifications()).toEqual([]);
    expect(DEMO_ANCHORS.checkoutLatency.overallState).toBe('Alert');
  });
});
