import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHORS } from '../seed/anchors';
import { APP_OK, harness, type CheckHarness } from '../testing/check-helpers';
import { TEST_API_KEY, TEST_NOW_MS, type Json } from '../testing/temp-sandbox';

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

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

async function downtime(h: CheckHarness, attributes: Record<string, unknown>): Promise<string> {
  const r = await h.t.call('POST', '/api/v2/downtime', { data: { type: 'downtime', attributes } });
  expect(r.status, r.text).toBe(200);
  return r.body.data.id;
}

describe('the sandbox-only reads need both keys', () => {
  it.each(['/api/sandbox/notifications', `/api/sandbox/monitor/${APP_OK.id}/transitions`, '/api/sandbox/check_runs/latest'])('%s', async (path) => {
    const h = make();
    expect((await h.t.call('GET', path, undefined, { 'DD-APPLICATION-KEY': 'nope' })).status).toBe(403);
    const apiOnly = await h.t.sandbox.fetch(new Request(`http://sandbox${path}`, { headers: { 'DD-API-KEY': TEST_API_KEY } }));
    expect(apiOnly.status).toBe(403);
    expect((await h.t.call('GET', path)).status).toBe(200);
  });
});

describe('GET /api/sandbox/notifications', () => {
  it('lists newest first, filters by monitor, handle and outcome, and pages', async () => {
    const h = make();
    await h.submit({ host_name: 'app-1', status: 2 });
    h.t.clock.advance(MIN);
    await h.submit({ host_name: 'app-1', status: 0 });
    const other = await h.t.call('POST', '/api/v1/monitor', {
      name: 'other',
      type: 'service check',
      query: '"svc.up".over("*").by("host").last(1).count_by_status()',
      message: 'down @slack-ops-alerts',
      options: {},
    });
    await h.submit({ check: 'svc.up', host_name: 'h1', status: 2, tags: [] });

    const all = await h.t.call('GET', '/api/sandbox/notifications');
    expect(all.body).toMatchObject({ total: 5, page: 0, per_page: 50 });
    expect(all.body.notifications.map((n: Json) => n.id)).toEqual([5, 4, 3, 2, 1]);
    expect(Object.keys(all.body.notifications[0]).sort()).toEqual(
      [
        'at',
        'detail',
        'downtime_id',
        'from',
        'from_status',
        'group',
        'handle',
        'id',
        'message',
        'monitor_id',
        'monitor_name',
        'outcome',
        'receiver_status',
        'to',
        'to_status',
        'transition',
      ].sort(),
    );

    const mine = await h.t.call('GET', `/api/sandbox/notifications?monitor_id=${other.body.id}`);
    expect(mine.body.total).toBe(1);
    expect(mine.body.notifications[0]).toMatchObject({ monitor_name: 'other', group: 'host:h1', handle: '@slack-ops-alerts' });

    for (const handle of ['@webhook-ops-bridge', 'webhook-ops-bridge', '@WEBHOOK-ops-bridge']) {
      const r = await h.t.call('GET', `/api/sandbox/notifications?handle=${encodeURIComponent(handle)}`);
      expect(r.body.total, handle).toBe(2);
    }
    // The demo webhook points at example.com, which tests never reach.
    expect((await h.t.call('GET', '/api/sandbox/notifications?outcome=failed')).body.total).toBe(2);
    expect((await h.t.call('GET', '/api/sandbox/notifications?outcome=delivered')).body.total).toBe(3);

    const p1 = await h.t.call('GET', '/api/sandbox/notifications?per_page=2&page=1');
    expect(p1.body).toMatchObject({ total: 5, page: 1, per_page: 2 });
    expect(p1.body.notifications.map((n: Json) => n.id)).toEqual([3, 2]);
    expect((await h.t.call('GET', '/api/sandbox/notifications?per_page=1000')).body.per_page).toBe(200);
  });

  it('refuses a bad outcome, page or monitor id', async () => {
    const h = make();
    expect((await h.t.call('GET', '/api/sandbox/notifications?outcome=lost')).status).toBe(400);
    expect((await h.t.call('GET', '/api/sandbox/notifications?page=-1')).status).toBe(400);
    expect((await h.t.call('GET', '/api/sandbox/notifications?monitor_id=abc')).status).toBe(400);
    expect((await h.t.call('GET', '/api/sandbox/notifications?per_page=0')).status).toBe(400);
  });
});

describe('GET /api/sandbox/monitor/{id}/transitions', () => {
  it('gives each group its status at `from`, the transitions since, and the mutes that overlap (ended and canceled too)', async () => {
    const h = make();
    // 10:00 app-1 Alert, 10:30 app-1 OK; the window starts 10:15.
    await h.submit({ host_name: 'app-1', status: 2 });
    h.t.clock.advance(15 * MIN);
    const windowFrom = h.t.clock.now;
    const ended = await downtime(h, { scope: 'host:app-2', monitor_identifier: { monitor_id: APP_OK.id }, schedule: { end: iso(h.t.clock.now + 5 * MIN) } });
    const canceled = await downtime(h, { scope: '*', monitor_identifier: { monitor_tags: ['team:platform'] } });
    await downtime(h, { scope: 'host:elsewhere', monitor_identifier: { monitor_id: APP_OK.id } });
    await downtime(h, { scope: '*', monitor_identifier: { monitor_id: APP_OK.id }, schedule: { start: iso(h.t.clock.now + 60 * MIN) } });
    h.t.clock.advance(5 * MIN);
    await h.t.call('DELETE', `/api/v2/downtime/${canceled}`);
    h.t.clock.advance(10 * MIN);
    await h.submit({ host_name: 'app-1', status: 0 }, { host_name: 'app-3', status: 1 });

    const r = await h.t.call('GET', `/api/sandbox/monitor/${APP_OK.id}/transitions?from=${windowFrom / 1000}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      monitor_id: APP_OK.id,
      from_ms: windowFrom,
      to_ms: h.t.clock.now,
      initial: { 'host:app-1': 'Alert', 'host:app-2': 'OK', 'host:app-3': null },
      transitions: [
        { group: 'host:app-1', from: 'Alert', to: 'OK', at: h.t.clock.now },
        { group: 'host:app-3', from: null, to: 'Warn', at: h.t.clock.now },
      ],
      mutes: [
        { downtime_id: ended, scope: 'host:app-2', start: windowFrom, end: windowFrom + 5 * MIN, status: 'ended', groups: ['host:app-2'] },
        {
          downtime_id: canceled,
          scope: '*',
          start: windowFrom,
          end: windowFrom + 5 * MIN,
          status: 'canceled',
          groups: ['host:app-1', 'host:app-2', 'host:app-3'],
        },
      ],
    });

    // From before anything happened, app-1 starts OK; by default the window is the last 24 h.
    const whole = await h.t.call('GET', `/api/sandbox/monitor/${APP_OK.id}/transitions?from=${NOW_S - 60}`);
    expect(whole.body.initial['host:app-1']).toBe('OK');
    expect(whole.body.transitions).toHaveLength(3);
    expect((await h.t.call('GET', `/api/sandbox/monitor/${APP_OK.id}/transitions`)).body.from_ms).toBe(h.t.clock.now - 86_400_000);
  });

  it('a seeded monitor without history has its current statuses as initial, and its active mute', async () => {
    const h = make();
    const A = DEMO_ANCHORS.partiallyMuted;
    const r = await h.t.call('GET', `/api/sandbox/monitor/${A.id}/transitions`);
    expect(r.body.transitions).toEqual([]);
    expect(r.body.initial[A.mutedGroup]).toBe('Alert');
    expect(r.body.mutes).toEqual([
      { downtime_id: A.downtimeId, scope: A.scope, start: expect.any(Number), end: TEST_NOW_MS + A.endsAfterSeedMs, status: 'active', groups: [A.mutedGroup] },
    ]);
  });

  it('404 for an unknown monitor, 400 for a bad from', async () => {
    const h = make();
    expect((await h.t.call('GET', '/api/sandbox/monitor/999/transitions')).status).toBe(404);
    expect((await h.t.call('GET', `/api/sandbox/monitor/${APP_OK.id}/transitions?from=yesterday`)).status).toBe(400);
  });
});

describe('GET /api/sandbox/check_runs/latest', () => {
  it('the latest run per check and host, ordered by check then host', async () => {
    const h = make();
    await h.submit(
      { host_name: 'app-2', status: 2, message: 'first', timestamp: NOW_S - 30 },
      { host_name: 'app-2', status: 1, message: 'second', timestamp: NOW_S - 10 },
      { host_name: 'app-1', status: 0 },
      { check: 'db.ok', host_name: 'db-1', status: 3, tags: ['role:db'], message: 'who knows' },
    );
    expect((await h.t.call('GET', '/api/sandbox/check_runs/latest')).body).toEqual({
      runs: [
        { check: 'app.ok', host_name: 'app-1', status: 0, tags: ['env:prod'], message: null, timestamp: NOW_S },
        { check: 'app.ok', host_name: 'app-2', status: 1, tags: ['env:prod'], message: 'second', timestamp: NOW_S - 10 },
        { check: 'db.ok', host_name: 'db-1', status: 3, tags: ['role:db'], message: 'who knows', timestamp: NOW_S },
      ],
    });
  });
});

describe('reset()', () => {
  it('empties runs, transitions and the log, and the seeded groups are OK again', async () => {
    const h = make();
    await h.submit({ host_name: 'app-1', status: 2 });
    h.t.sandbox.reset();
    expect((await h.t.call('GET', '/api/sandbox/check_runs/latest')).body.runs).toEqual([]);
    expect((await h.t.call('GET', '/api/sandbox/notifications')).body.total).toBe(0);
    expect((await h.t.call('GET', `/api/sandbox/monitor/${APP_OK.id}/transitions?from=0`)).body.transitions).toEqual([]);
    expect(await h.statuses()).toEqual({ 'host:app-1': 'OK', 'host:app-2': 'OK' });
  });
});
