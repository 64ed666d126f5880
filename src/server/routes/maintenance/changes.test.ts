import { CleanupResponseSchema, MaintenanceWindowSchema, WindowListResponseSchema, type MaintenanceWindow } from '../../../contract/maintenance';
import { type PlanRequest } from '../../../contract/maintenance-schedule';
import { NOW, rawDowntime } from '../../testing/fixtures';
import { apiError, type TestCaller } from '../../testing/test-app';
import { downtimeId, HOUR, lines, maintenanceSetup, MINUTE, plan, writes } from './maintenance-test-kit';

const iso = (ms: number) => new Date(ms).toISOString();
type Setup = ReturnType<typeof maintenanceSetup>;

/** Plans a window through the route, then forgets the requests it took (the tests look at what comes next). */
async function planned(t: Setup, body: PlanRequest = plan({ targets: { monitorIds: [1, 2], monitorTags: [] } }), as: TestCaller = 'responder'): Promise<MaintenanceWindow> {
  const answer = await t.callAs(as, 'POST', '/api/maintenance/windows', body);
  expect(answer.status).toBe(201);
  t.fake.requests.length = 0;
  return MaintenanceWindowSchema.parse(answer.json);
}

const patchBodies = (t: Setup) => t.fake.calls('PATCH').map((r) => [r.path, r.body]);

describe('POST /api/maintenance/windows/:id/extend', () => {
  it('adds the minutes to the current end, not to now, on every downtime', async () => {
    let now = NOW;
    const t = maintenanceSetup({ now: () => now });
    const w = await planned(t);
    // Within the session's idle time: the clock moves, the window's end stays.
    now = NOW + 50 * MINUTE;
    const answer = await t.call('POST', `/api/maintenance/windows/${w.id}/extend`, { minutes: 30 });
    expect(answer.status).toBe(200);
    const end = NOW + 2 * HOUR + 30 * MINUTE;
    expect(MaintenanceWindowSchema.parse(answer.json)).toMatchObject({
      id: w.id,
      schedule: { kind: 'once', start: NOW, end },
      targets: { monitorIds: [1, 2], monitorNames: { 1: 'Checkout latency', 2: 'Payments DB' } },
      creator: { name: 'test-responder' },
    });
    // One read of the downtimes and of the monitors (for the names), then one PATCH per downtime.
    const sent = lines(t.fake.requests);
    expect(sent.slice(0, 2).sort()).toEqual(['GET /api/v1/monitor', 'GET /api/v2/downtime']);
    expect(sent.slice(2)).toEqual([`PATCH /api/v2/downtime/${downtimeId(1)}`, `PATCH /api/v2/downtime/${downtimeId(2)}`]);
    expect(patchBodies(t)).toEqual(
      [downtimeId(1), downtimeId(2)].map((id) => [`/api/v2/downtime/${id}`, { data: { type: 'downtime', id, attributes: { schedule: { end: iso(end) } } } }]),
    );
    expect(t.store.audit.query({ limit: 1 })[0]).toMatchObject({
      action: 'maintenance.extend',
      target: `maintenance-window:${w.id}`,
      outcome: 'allowed',
      detail: `end ${iso(NOW + 2 * HOUR)} -> ${iso(end)} (+30 min)`,
    });
  });

  it('refuses a recurring or an indefinite window with 400, and changes nothing', async () => {
    const t = maintenanceSetup();
    const recurring = await planned(
      t,
      plan({ schedule: { kind: 'recurring', rrule: 'FREQ=DAILY', duration: '1h', start: '2026-09-02T03:00', timezone: 'UTC' } }),
    );
    const forever = await planned(t, plan({ schedule: { kind: 'once', start: null, end: null }, ticket: 'https://t.example.com/1', overrideReason: 'decommission' }), 'admin');
    const a = await t.call('POST', `/api/maintenance/windows/${recurring.id}/extend`, { minutes: 30 });
    expect([a.status, apiError(a).message]).toEqual([400, 'A recurring window has no single end to move: change its rule, or end it']);
    const b = await t.call('POST', `/api/maintenance/windows/${forever.id}/extend`, { minutes: 30 });
    expect([b.status, apiError(b).message]).toEqual([400, 'This window has no end to move: it lasts until it is ended']);
    expect(writes(t.fake)).toHaveLength(0);
  });

  it('answers 409 for a window that has ended or was canceled', async () => {
    const t = maintenanceSetup();
    const w = await planned(t);
    await t.call('POST', `/api/maintenance/windows/${w.id}/end`);
    t.fake.requests.length = 0;
    const answer = await t.call('POST', `/api/maintenance/windows/${w.id}/extend`, { minutes: 30 });
    expect([answer.status, apiError(answer).code]).toEqual([409, 'conflict']);
    expect(writes(t.fake)).toHaveLength(0);
  });

  it('caps the total length: 403 for a responder, 400 for an admin without a reason, and the reason goes in the message', async () => {
    const t = maintenanceSetup({ config: { maxMuteHours: 3 } });
    const w = await planned(t);
    const responder = await t.call('POST', `/api/maintenance/windows/${w.id}/extend`, { minutes: 61 });
    expect([responder.status, apiError(responder).code, apiError(responder).message]).toEqual([403, 'forbidden', 'Windows longer than 3 hours need an admin']);
    const admin = await t.callAs('admin', 'POST', `/api/maintenance/windows/${w.id}/extend`, { minutes: 61 });
    expect([admin.status, apiError(admin).fields]).toEqual([400, { overrideReason: ['Say why this window is longer than 3 hours'] }]);
    expect(writes(t.fake)).toHaveLength(0);
    // Exactly at the cap is fine for a responder.
    expect((await t.call('POST', `/api/maintenance/windows/${w.id}/extend`, { minutes: 60 })).status).toBe(200);
    t.fake.requests.length = 0;
    const ok = await t.callAs('admin', 'POST', `/api/maintenance/windows/${w.id}/extend`, { minutes: 60, overrideReason: 'Vendor is late' });
    expect(ok.status).toBe(200);
    const message = (t.fake.calls('PATCH')[0]?.body as { data: { attributes: { message: string } } }).data.attributes.message;
    expect(message).toBe(`Database upgrade\nOverride: Vendor is late\n— planned in watchdeck by test-responder · window ${w.id}`);
    expect(MaintenanceWindowSchema.parse(ok.json).schedule).toMatchObject({ end: NOW + 4 * HOUR });
  });

  it('puts the changed downtimes back when one PATCH fails, and answers the error', async () => {
    const t = maintenanceSetup();
    const w = await planned(t);
    t.dd.failPatch.set(downtimeId(2), { status: 500, body: {} });
    const answer = await t.call('POST', `/api/maintenance/windows/${w.id}/extend`, { minutes: 30 });
    expect([answer.status, apiError(answer).code]).toEqual([502, 'upstream_error']);
    const first = t.fake.calls('PATCH', `/api/v2/downtime/${downtimeId(1)}`).map((r) => (r.body as { data: { attributes: { schedule: { end: string } } } }).data.attributes.schedule.end);
    expect(first).toEqual([iso(NOW + 2.5 * HOUR), iso(NOW + 2 * HOUR)]);
    expect((t.dd.find(downtimeId(1))?.attributes as { schedule: { end: string } }).schedule.end).toBe(iso(NOW + 2 * HOUR));
  });

  it.each([
    ['no minutes', {}],
    ['zero minutes', { minutes: 0 }],
    ['more than a week', { minutes: 7 * 24 * 60 + 1 }],
    ['fractional minutes', { minutes: 1.5 }],
    ['an unknown field', { minutes: 30, end: NOW }],
  ])('refuses %s with 400 and no upstream call', async (_name, body) => {
    const t = maintenanceSetup();
    const answer = await t.call('POST', `/api/maintenance/windows/${downtimeId(1)}/extend`, body);
    expect([answer.status, apiError(answer).code]).toEqual([400, 'validation_failed']);
    expect(t.fake.requests).toHaveLength(0);
  });

  it('answers 404 for an unknown window, after reading only', async () => {
    const t = maintenanceSetup();
    const answer = await t.call('POST', '/api/maintenance/windows/nope/extend', { minutes: 30 });
    expect([answer.status, apiError(answer).code]).toEqual([404, 'not_found']);
    expect(lines(t.fake.requests).sort()).toEqual(['GET /api/v1/monitor', 'GET /api/v2/downtime']);
  });
});

describe('POST /api/maintenance/windows/:id/end', () => {
  it('cancels every downtime of the window and answers their ids', async () => {
    const t = maintenanceSetup();
    const w = await planned(t, plan({ targets: { monitorIds: [1, 2], monitorTags: ['team:web'] } }));
    const answer = await t.call('POST', `/api/maintenance/windows/${w.id}/end`);
    expect(answer.status).toBe(200);
    const ids = [downtimeId(1), downtimeId(2), downtimeId(3)];
    expect(answer.json).toEqual({ canceled: ids });
    expect(t.fake.calls('DELETE').map((r) => [r.path, r.body])).toEqual(ids.map((id) => [`/api/v2/downtime/${id}`, undefined]));
    expect(t.store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'maintenance.end', detail: `canceled=${ids.join(',')}` });
    const list = WindowListResponseSchema.parse((await t.call('GET', '/api/maintenance/windows')).json);
    expect(list.windows.find((x) => x.id === w.id)?.status).toBe('canceled');
  });

  it('ends a downtime made elsewhere by its own id; 409 once it is over', async () => {
    const t = maintenanceSetup({ downtimes: [rawDowntime('dt-x', { monitor_identifier: { monitor_id: 3 } })] });
    expect((await t.call('POST', '/api/maintenance/windows/dt-x/end')).json).toEqual({ canceled: ['dt-x'] });
    const again = await t.call('POST', '/api/maintenance/windows/dt-x/end');
    expect([again.status, apiError(again).message]).toEqual([409, 'This window has been canceled; plan a new one instead']);
    expect(t.fake.calls('DELETE')).toHaveLength(1);
  });

  it('tries every downtime, then answers the failure when one could not be canceled', async () => {
    const t = maintenanceSetup();
    const w = await planned(t);
    t.dd.failDelete.set(downtimeId(1), { status: 500, body: {} });
    const answer = await t.call('POST', `/api/maintenance/windows/${w.id}/end`);
    expect([answer.status, apiError(answer).code]).toEqual([502, 'upstream_error']);
    expect(t.fake.calls('DELETE')).toHaveLength(2);
    expect(t.store.audit.query({ limit: 1 })[0]?.detail).toContain(`canceled=${downtimeId(2)}`);
  });
});

describe('PUT /api/maintenance/windows/:id/end-settings', () => {
  it('sets the end settings on every downtime and answers the window', async () => {
    const t = maintenanceSetup();
    const w = await planned(t);
    const endSettings = { notifyEndStates: ['alert' as const], notifyEndTypes: ['expired' as const, 'canceled' as const], muteFirstRecovery: true };
    const answer = await t.call('PUT', `/api/maintenance/windows/${w.id}/end-settings`, { endSettings });
    expect(answer.status).toBe(200);
    expect(MaintenanceWindowSchema.parse(answer.json).endSettings).toEqual(endSettings);
    const attributes = { notify_end_states: ['alert'], notify_end_types: ['expired', 'canceled'], mute_first_recovery_notification: true };
    expect(patchBodies(t)).toEqual([downtimeId(1), downtimeId(2)].map((id) => [`/api/v2/downtime/${id}`, { data: { type: 'downtime', id, attributes } }]));
    expect(t.store.audit.query({ limit: 1 })[0]).toMatchObject({
      action: 'maintenance.end_settings',
      detail: 'states=alert types=expired,canceled muteFirstRecovery=true',
    });
  });

  it('refuses settings outside the contract with 400 and no upstream call', async () => {
    const t = maintenanceSetup();
    const answer = await t.call('PUT', `/api/maintenance/windows/${downtimeId(1)}/end-settings`, {
      endSettings: { notifyEndStates: ['ok'], notifyEndTypes: [], muteFirstRecovery: false },
    });
    expect([answer.status, Object.keys(apiError(answer).fields ?? {})]).toEqual([400, ['endSettings.notifyEndStates.0']]);
    expect(t.fake.requests).toHaveLength(0);
  });
});

describe('POST /api/maintenance/cleanup', () => {
  it('cancels every downtime of each window, answers per window, and audits each window once', async () => {
    const t = maintenanceSetup({ downtimes: [rawDowntime('dt-x', { monitor_identifier: { monitor_id: 3 } })] });
    const w = await planned(t);
    const before = t.store.audit.count();
    const answer = await t.callAs('admin', 'POST', '/api/maintenance/cleanup', { windowIds: [w.id, 'dt-x', 'nope', w.id] });
    expect(answer.status).toBe(200);
    expect(CleanupResponseSchema.parse(answer.json)).toEqual({ canceled: [w.id, 'dt-x'], failed: [{ id: 'nope', error: 'No such maintenance window' }] });
    expect(t.fake.calls('DELETE').map((r) => r.path).sort()).toEqual(
      [downtimeId(1), downtimeId(2), 'dt-x'].map((id) => `/api/v2/downtime/${id}`).sort(),
    );
    const records = t.store.audit.query({ limit: 10 }).slice(0, t.store.audit.count() - before);
    expect(records.map((r) => [r.action, r.target, r.outcome, r.actor]).reverse()).toEqual([
      ['maintenance.cleanup.window', `maintenance-window:${w.id}`, 'allowed', 'test-admin'],
      ['maintenance.cleanup.window', 'maintenance-window:dt-x', 'allowed', 'test-admin'],
      ['maintenance.cleanup.window', 'maintenance-window:nope', 'invalid', 'test-admin'],
      ['maintenance.cleanup', '/api/maintenance/cleanup', 'allowed', 'test-admin'],
    ]);
    expect(new Set(records.map((r) => r.requestId)).size).toBe(1);
  });

  it('reports a window it could not cancel as failed and goes on with the rest', async () => {
    const t = maintenanceSetup({ downtimes: [rawDowntime('dt-x', { monitor_identifier: { monitor_id: 3 } }), rawDowntime('dt-y')] });
    t.dd.failDelete.set('dt-x', { status: 500, body: {} });
    const body = CleanupResponseSchema.parse((await t.callAs('admin', 'POST', '/api/maintenance/cleanup', { windowIds: ['dt-x', 'dt-y'] })).json);
    expect(body.canceled).toEqual(['dt-y']);
    expect(body.failed).toEqual([{ id: 'dt-x', error: expect.stringMatching(/^Datadog failed \(status 500\)/) }]);
  });

  it('is for admins only: a responder gets 403 and nothing is read or changed', async () => {
    const t = maintenanceSetup({ downtimes: [rawDowntime('dt-x')] });
    const answer = await t.callAs('responder', 'POST', '/api/maintenance/cleanup', { windowIds: ['dt-x'] });
    expect([answer.status, apiError(answer).code]).toEqual([403, 'forbidden']);
    expect(t.fake.requests).toHaveLength(0);
  });

  it.each([[{ windowIds: [] }], [{ windowIds: ['x'.repeat(201)] }], [{ windowIds: 'dt-x' }], [{}]])('refuses %j with 400 before any call', async (body) => {
    const t = maintenanceSetup();
    const answer = await t.callAs('admin', 'POST', '/api/maintenance/cleanup', body);
    expect(answer.status).toBe(400);
    expect(t.fake.requests).toHaveLength(0);
  });
});
