import { MaintenanceWindowSchema, WindowListResponseSchema, type MaintenanceWindow } from '../../../contract/maintenance';
import { type PlanRequest } from '../../../contract/maintenance-schedule';
import { NOW, rawDowntime } from '../../testing/fixtures';
import { apiError, TEST_AUTH, TEST_USERS, type TestCaller } from '../../testing/test-app';
import { downtimeId, HOUR, lines, maintenanceSetup, MINUTE, plan, writes } from './maintenance-test-kit';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A frozen clock the test moves by hand (sessions outlive the hours it moves), with the test
 * controls on, as in the e2e runs: the watcher is run through POST /api/_test/maintenance-tick.
 */
function clocked(extra: Parameters<typeof maintenanceSetup>[0] = {}) {
  const clock = { now: NOW };
  const t = maintenanceSetup({
    now: () => clock.now,
    testControls: { reset: () => {}, setUpstreamFault: () => {} },
    ...extra,
    config: {
      mode: 'embedded',
      upstream: null,
      testControls: true,
      auth: { ...TEST_AUTH, sessionIdleMs: 100 * HOUR, sessionMaxMs: 100 * HOUR },
      ...extra.config,
    },
  });
  return { ...t, clock };
}
type Clocked = ReturnType<typeof clocked>;

async function planned(t: Clocked, body: PlanRequest = plan(), as: TestCaller = 'responder'): Promise<MaintenanceWindow> {
  const answer = await t.callAs(as, 'POST', '/api/maintenance/windows', body);
  expect(answer.status).toBe(201);
  return MaintenanceWindowSchema.parse(answer.json);
}

/** Runs the watcher once, through the deps the app was built with (the test control's path). */
async function tick(t: Clocked) {
  const answer = await t.callAs(null, 'POST', '/api/_test/maintenance-tick');
  expect(answer.status).toBe(200);
  return answer.json as { checked: number; extended: string[]; ended: string[]; stopped: string[]; failed: string[] };
}

/** The newest audit record of this action (the tick's own request is audited too, as test.maintenance_tick). */
const lastAudit = (t: Clocked, action: string) => t.store.audit.query({ limit: 1, action })[0];

const endOf = (t: Clocked, id: string) => Date.parse((t.dd.find(id)?.attributes as { schedule: { end: string } }).schedule.end);

describe('POST /api/maintenance/windows/:id/until-recovered', () => {
  it('watches the groups that would notify at the end, with a cap, and changes nothing upstream', async () => {
    const t = clocked();
    const w = await planned(t, plan({ targets: { monitorIds: [1, 2], monitorTags: [] } }));
    t.fake.requests.length = 0;
    const answer = await t.call('POST', `/api/maintenance/windows/${w.id}/until-recovered`);
    expect(answer.status).toBe(200);
    expect(MaintenanceWindowSchema.parse(answer.json)).toMatchObject({ id: w.id, untilRecovered: true });
    expect(t.store.maintenanceWatches.get(w.id)).toEqual({
      windowId: w.id,
      // web-1 is in Alert and db-1 in Warn; the OK groups would not notify.
      groups: [
        { monitorId: 1, group: 'host:web-1' },
        { monitorId: 2, group: 'env:prod,host:db-1' },
      ],
      createdBy: TEST_USERS.responder,
      createdAt: NOW,
      capAt: NOW + 168 * HOUR,
    });
    expect(writes(t.fake)).toHaveLength(0);
    expect(t.store.audit.query({ limit: 1 })[0]).toMatchObject({
      action: 'maintenance.until_recovered',
      target: `maintenance-window:${w.id}`,
      detail: `watching 2 group(s) until they recover; cap ${iso(NOW + 168 * HOUR)}`,
    });
    const list = WindowListResponseSchema.parse((await t.call('GET', '/api/maintenance/windows')).json);
    expect(list.windows[0]?.untilRecovered).toBe(true);
  });

  it('watches only the states the end settings name, and puts no cap on an admin’s watch', async () => {
    const t = clocked();
    const w = await planned(
      t,
      plan({
        targets: { monitorIds: [1, 2], monitorTags: [] },
        endSettings: { notifyEndStates: ['warn'], notifyEndTypes: ['expired'], muteFirstRecovery: false },
      }),
    );
    expect((await t.callAs('admin', 'POST', `/api/maintenance/windows/${w.id}/until-recovered`)).status).toBe(200);
    expect(t.store.maintenanceWatches.get(w.id)).toMatchObject({ groups: [{ monitorId: 2, group: 'env:prod,host:db-1' }], capAt: null });
  });

  it.each([
    ['nothing would notify (every group OK)', plan({ targets: { monitorIds: [3], monitorTags: [] } }), 409, 'No group in this window would notify when it ends: there is nothing to wait for'],
    [
      'the end settings notify nothing on expiry',
      plan({ endSettings: { notifyEndStates: ['alert'], notifyEndTypes: ['canceled'], muteFirstRecovery: false } }),
      409,
      'No group in this window would notify when it ends: there is nothing to wait for',
    ],
    [
      'the window has not started',
      plan({ schedule: { kind: 'once', start: NOW + HOUR, end: NOW + 2 * HOUR } }),
      409,
      'This window has not started yet: nothing is muted to wait for',
    ],
  ])('refuses when %s, recording nothing', async (_name, body, status, message) => {
    const t = clocked();
    const w = await planned(t, body);
    const answer = await t.call('POST', `/api/maintenance/windows/${w.id}/until-recovered`);
    expect([answer.status, apiError(answer).message]).toEqual([status, message]);
    expect(t.store.maintenanceWatches.list()).toEqual([]);
  });

  it('refuses a recurring window (400) and an unknown one (404)', async () => {
    const t = clocked();
    const rec = rawDowntime('dt-r', {
      status: 'active',
      schedule: {
        recurrences: [{ rrule: 'FREQ=DAILY', duration: '4h', start: '2026-08-01T10:00' }],
        timezone: 'UTC',
        current_downtime: { start: iso(NOW - 2 * HOUR), end: iso(NOW + 2 * HOUR) },
      },
    });
    t.dd.downtimes.push(rec);
    const a = await t.call('POST', '/api/maintenance/windows/dt-r/until-recovered');
    expect([a.status, apiError(a).code]).toEqual([400, 'validation_failed']);
    const b = await t.call('POST', '/api/maintenance/windows/nope/until-recovered');
    expect(b.status).toBe(404);
    expect(t.store.maintenanceWatches.list()).toEqual([]);
  });
});

describe('the until-recovered watcher, under a frozen clock', () => {
  it('extends in 30-minute steps while a group is in Alert, then ends the window a minute after it recovers', async () => {
    const t = clocked();
    const w = await planned(t, plan({ targets: { monitorIds: [1, 2], monitorTags: [] } }));
    await t.call('POST', `/api/maintenance/windows/${w.id}/until-recovered`);
    const [a, b] = [downtimeId(1), downtimeId(2)];

    // Two hours to go: nothing to do yet.
    t.fake.requests.length = 0;
    expect(await tick(t)).toEqual({ checked: 1, extended: [], ended: [], stopped: [], failed: [] });
    expect(lines(t.fake.requests).sort()).toEqual(['GET /api/v1/monitor', 'GET /api/v2/downtime']);

    // Ten minutes before the end, web-1 still in Alert: the end moves 30 minutes, on both downtimes.
    t.clock.now = NOW + 110 * MINUTE;
    t.fake.requests.length = 0;
    expect(await tick(t)).toMatchObject({ extended: [w.id] });
    expect(t.fake.calls('PATCH').map((r) => [r.path, r.body])).toEqual(
      [a, b].map((id) => [`/api/v2/downtime/${id}`, { data: { type: 'downtime', id, attributes: { schedule: { end: iso(NOW + 150 * MINUTE) } } } }]),
    );
    expect(lastAudit(t, 'maintenance.until_recovered.extend')).toMatchObject({
      actor: 'watchdeck',
      action: 'maintenance.until_recovered.extend',
      detail: `end ${iso(NOW + 2 * HOUR)} -> ${iso(NOW + 150 * MINUTE)}; 2 group(s) still not OK`,
    });

    // db-1 recovers, web-1 does not: one more step from the current end.
    t.dd.setGroup(2, 'env:prod,host:db-1', 'OK');
    t.clock.now = NOW + 140 * MINUTE;
    expect(await tick(t)).toMatchObject({ extended: [w.id] });
    expect([endOf(t, a), endOf(t, b)]).toEqual([NOW + 180 * MINUTE, NOW + 180 * MINUTE]);

    // web-1 recovers: the window ends a minute from now and the watch stops.
    t.dd.setGroup(1, 'host:web-1', 'OK');
    t.clock.now = NOW + 150 * MINUTE;
    t.fake.requests.length = 0;
    expect(await tick(t)).toMatchObject({ extended: [], ended: [w.id] });
    expect(t.fake.calls('PATCH').map((r) => (r.body as { data: { attributes: unknown } }).data.attributes)).toEqual([
      { schedule: { end: iso(NOW + 151 * MINUTE) } },
      { schedule: { end: iso(NOW + 151 * MINUTE) } },
    ]);
    expect(t.store.maintenanceWatches.get(w.id)).toBeNull();
    expect(lastAudit(t, 'maintenance.until_recovered.end')).toMatchObject({ actor: 'watchdeck', outcome: 'allowed', target: `maintenance-window:${w.id}` });
    const list = WindowListResponseSchema.parse((await t.call('GET', '/api/maintenance/windows')).json);
    expect(list.windows.find((x) => x.id === w.id)?.untilRecovered).toBe(false);

    // Nothing watched: the next pass reads nothing.
    t.fake.requests.length = 0;
    expect(await tick(t)).toEqual({ checked: 0, extended: [], ended: [], stopped: [], failed: [] });
    expect(t.fake.requests).toHaveLength(0);
  });

  it('counts a group that is gone as recovered', async () => {
    const t = clocked();
    const w = await planned(t);
    await t.call('POST', `/api/maintenance/windows/${w.id}/until-recovered`);
    t.dd.setGroup(1, 'host:web-1', null);
    expect(await tick(t)).toMatchObject({ ended: [w.id] });
    expect(endOf(t, downtimeId(1))).toBe(NOW + 60_000);
  });

  it('never extends past the cap; at the cap it stops and says so in the audit log', async () => {
    const t = clocked({ config: { maxMuteHours: 1 } });
    const w = await planned(t, plan({ schedule: { kind: 'once', start: null, end: NOW + 30 * MINUTE } }));
    await t.call('POST', `/api/maintenance/windows/${w.id}/until-recovered`);
    expect(t.store.maintenanceWatches.get(w.id)?.capAt).toBe(NOW + HOUR);

    // 30 more minutes would be NOW + 60 min: exactly the cap, allowed.
    t.clock.now = NOW + 20 * MINUTE;
    expect(await tick(t)).toMatchObject({ extended: [w.id] });
    expect(endOf(t, downtimeId(1))).toBe(NOW + HOUR);

    // Another step would pass the cap: the watch stops, the window ends at the cap.
    t.clock.now = NOW + 50 * MINUTE;
    t.fake.requests.length = 0;
    expect(await tick(t)).toMatchObject({ extended: [], stopped: [w.id] });
    expect(writes(t.fake)).toHaveLength(0);
    expect(t.store.maintenanceWatches.get(w.id)).toBeNull();
    expect(lastAudit(t, 'maintenance.until_recovered.cap')).toMatchObject({
      actor: 'watchdeck',
      action: 'maintenance.until_recovered.cap',
      detail: `The window reached its cap (${iso(NOW + HOUR)}) with 1 group(s) still not OK; it ends then`,
    });
  });

  it('stops watching a window that was ended meanwhile', async () => {
    const t = clocked();
    const w = await planned(t);
    await t.call('POST', `/api/maintenance/windows/${w.id}/until-recovered`);
    Object.assign(t.dd.find(downtimeId(1))!.attributes as object, { status: 'canceled' });
    expect(await tick(t)).toMatchObject({ stopped: [w.id] });
    expect(t.store.maintenanceWatches.list()).toEqual([]);
  });

  it('keeps the watch when a change fails, and tries again on the next pass', async () => {
    const t = clocked();
    const w = await planned(t);
    await t.call('POST', `/api/maintenance/windows/${w.id}/until-recovered`);
    t.clock.now = NOW + 110 * MINUTE;
    t.dd.failPatch.set(downtimeId(1), { status: 503, body: {} });
    expect(await tick(t)).toMatchObject({ extended: [], failed: [w.id] });
    expect(t.store.maintenanceWatches.get(w.id)).not.toBeNull();
    expect(lastAudit(t, 'maintenance.until_recovered.error')).toMatchObject({ actor: 'watchdeck', outcome: 'failed' });
    t.dd.failPatch.clear();
    expect(await tick(t)).toMatchObject({ extended: [w.id] });
  });

  it('ending the window drops its watch', async () => {
    const t = clocked();
    const w = await planned(t);
    await t.call('POST', `/api/maintenance/windows/${w.id}/until-recovered`);
    await t.call('POST', `/api/maintenance/windows/${w.id}/end`);
    expect(t.store.maintenanceWatches.list()).toEqual([]);
  });
});

describe('the watcher’s schedule and its test control', () => {
  it('joins a pass already running instead of starting a second', async () => {
    const t = clocked();
    const w = await planned(t);
    await t.call('POST', `/api/maintenance/windows/${w.id}/until-recovered`);
    t.clock.now = NOW + 110 * MINUTE;
    t.fake.requests.length = 0;
    const [one, two] = await Promise.all([tick(t), tick(t)]);
    expect(one).toEqual(two);
    expect(t.fake.calls('PATCH')).toHaveLength(1);
  });

  it('is a test control only: 404 without them', async () => {
    const t = maintenanceSetup();
    const answer = await t.callAs(null, 'POST', '/api/_test/maintenance-tick');
    expect([answer.status, apiError(answer).code]).toEqual([404, 'not_found']);
  });
});
