import {
  DEFAULT_LONG_ACTIVE_DAYS,
  HygieneResponseSchema,
  PreviewResponseSchema,
  WindowDetailResponseSchema,
  WindowListResponseSchema,
} from '../../../contract/maintenance';
import { iso, NOW, rawDowntime, rawUser } from '../../testing/fixtures';
import { apiError, TEST_USERS } from '../../testing/test-app';
import { formatWindowMessage } from '../../lib/maintenance-message';
import { HOUR, lines, maintenanceSetup, plan } from './maintenance-test-kit';

const DAY = 86_400_000;
const W1 = '11111111-1111-4111-8111-111111111111';
const marker = (reason: string, windowId: string, username = 'ana', ticket: string | null = null) =>
  formatWindowMessage({ reason, ticket, overrideReason: null, username, windowId });
const once = (start: number, end: number | null) => ({ start: iso(start), end: end === null ? null : iso(end) });

describe('GET /api/maintenance/windows', () => {
  const downtimes = [
    rawDowntime('dt-a', { monitor_identifier: { monitor_id: 1 }, scope: 'env:prod', message: marker('Upgrade', W1) }),
    rawDowntime('dt-b', { monitor_identifier: { monitor_tags: ['team:payments'] }, scope: 'env:prod', message: marker('Upgrade', W1) }),
    rawDowntime('dt-soon', { status: 'scheduled', schedule: once(NOW + HOUR, NOW + 2 * HOUR), message: 'Made in Datadog' }),
    rawDowntime('dt-old', { status: 'ended', schedule: once(NOW - 40 * DAY, NOW - 35 * DAY) }),
    rawDowntime('dt-canceled', { status: 'canceled', canceled: iso(NOW - DAY), schedule: once(NOW - 2 * DAY, NOW + DAY) }),
  ];

  it('lists live windows first, then those finished in the last 31 days, with the time of the answer', async () => {
    const { call, fake } = maintenanceSetup({ downtimes, as: 'viewer' });
    const answer = await call('GET', '/api/maintenance/windows');
    expect(answer.status).toBe(200);
    const body = WindowListResponseSchema.parse(answer.json);
    expect(body.windows.map((w) => [w.id, w.status, w.planned])).toEqual([
      [W1, 'active', true],
      ['dt-soon', 'scheduled', false],
      ['dt-canceled', 'canceled', false],
    ]);
    expect(body.windows[0]).toMatchObject({
      downtimeIds: ['dt-a', 'dt-b'],
      targets: { monitorIds: [1], monitorTags: ['team:payments'], monitorNames: { 1: 'Checkout latency' } },
      creator: { name: 'ana' },
    });
    expect(body.windows[1]?.creator).toEqual({ name: 'Grace', handle: 'grace@example.com', email: 'grace@example.com' });
    expect([body.fetchedAt, body.stale]).toEqual([NOW, false]);
    expect(lines(fake.requests).sort()).toEqual(['GET /api/v1/monitor', 'GET /api/v2/downtime']);
    expect(fake.calls('GET', '/api/v2/downtime')[0]?.query).toEqual({ include: 'created_by', 'page[limit]': '100', 'page[offset]': '0' });
  });

  it('serves a fresh copy from the cache, coalesces concurrent loads, and falls back to the last one, marked stale', async () => {
    let now = NOW;
    const { call, fake } = maintenanceSetup({ downtimes, now: () => now });
    await Promise.all([call('GET', '/api/maintenance/windows'), call('GET', '/api/maintenance/windows')]);
    await call('GET', '/api/maintenance/windows');
    expect(fake.calls('GET', '/api/v2/downtime')).toHaveLength(1);
    now += 5000;
    fake.on('GET', '/api/v2/downtime', { status: 503, body: {} });
    const stale = WindowListResponseSchema.parse((await call('GET', '/api/maintenance/windows')).json);
    expect([stale.stale, stale.fetchedAt, stale.windows.length]).toEqual([true, NOW, 3]);
  });

  it('passes an upstream failure on when there is nothing to fall back to', async () => {
    const { call, fake } = maintenanceSetup();
    fake.on('GET', '/api/v2/downtime', { status: 500, body: {} });
    const answer = await call('GET', '/api/maintenance/windows');
    expect([answer.status, apiError(answer).code]).toEqual([502, 'upstream_error']);
  });
});

describe('GET /api/maintenance/windows/:id', () => {
  it('answers the window with every monitor × group it covers now', async () => {
    const { call, fake } = maintenanceSetup({
      as: 'viewer',
      downtimes: [
        rawDowntime('dt-a', { monitor_identifier: { monitor_id: 1 }, scope: 'env:prod', message: marker('Upgrade', W1) }),
        rawDowntime('dt-b', { monitor_identifier: { monitor_tags: ['team:payments'] }, scope: 'env:prod', message: marker('Upgrade', W1) }),
      ],
    });
    const answer = await call('GET', `/api/maintenance/windows/${W1}`);
    expect(answer.status).toBe(200);
    const body = WindowDetailResponseSchema.parse(answer.json);
    expect(body.window.id).toBe(W1);
    // Monitor 1's groups are keyed by host only, so env:prod covers none of them; monitor 2's db-1 is env:prod.
    expect(body.preview).toEqual({
      groups: [
        {
          monitorId: 2,
          monitorName: 'Payments DB',
          group: 'env:prod,host:db-1',
          state: 'Warn',
          matchedBy: { picked: false, monitorTags: ['team:payments'] },
          scopeTags: ['env:prod'],
        },
      ],
      monitorCount: 1,
      futureMonitorCount: 0,
      mutesEverything: false,
      truncated: false,
      guardrails: { problems: [] },
      fetchedAt: NOW,
      stale: false,
    });
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('finds a downtime made elsewhere by its own id, and answers 404 for an unknown window', async () => {
    const { call } = maintenanceSetup({ downtimes: [rawDowntime('dt-x', { monitor_identifier: { monitor_id: 3 } })] });
    const found = WindowDetailResponseSchema.parse((await call('GET', '/api/maintenance/windows/dt-x')).json);
    expect(found.preview.groups.map((g) => g.group)).toEqual(['host:web-9']);
    const missing = await call('GET', '/api/maintenance/windows/nope');
    expect([missing.status, apiError(missing).code]).toEqual([404, 'not_found']);
    const bad = await call('GET', '/api/maintenance/windows/..%2Fv1');
    expect([bad.status, apiError(bad).fields]).toEqual([400, { 'params.id': ['must be a window id'] }]);
  });
});

describe('POST /api/maintenance/preview', () => {
  it('lists the exact groups a plan would mute, with the guardrails for the signed-in user, and changes nothing', async () => {
    const { callAs, fake, store } = maintenanceSetup();
    const answer = await callAs('viewer', 'POST', '/api/maintenance/preview', plan({ targets: { monitorIds: [1], monitorTags: ['team:payments'] } }));
    expect(answer.status).toBe(200);
    const body = PreviewResponseSchema.parse(answer.json);
    expect(body.groups.map((g) => `${g.monitorId} ${g.group} ${g.state}`)).toEqual([
      '1 host:web-1 Alert',
      '1 host:web-2 OK',
      '2 env:prod,host:db-1 Warn',
      '2 env:staging,host:db-2 OK',
    ]);
    expect(body.groups[0]?.matchedBy).toEqual({ picked: true, monitorTags: ['team:payments'] });
    expect([body.monitorCount, body.futureMonitorCount, body.mutesEverything, body.guardrails.problems]).toEqual([2, 0, false, []]);
    expect(lines(fake.requests)).toEqual(['GET /api/v1/monitor']);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'maintenance.preview', outcome: 'allowed' });
  });

  it('counts tag-matched monitors the scope does not reach yet as caught later', async () => {
    const { call } = maintenanceSetup();
    const body = PreviewResponseSchema.parse(
      (await call('POST', '/api/maintenance/preview', plan({ targets: { monitorIds: [], monitorTags: ['team:payments'] }, scope: 'env:staging' }))).json,
    );
    expect([body.groups.map((g) => g.group), body.monitorCount, body.futureMonitorCount]).toEqual([['env:staging,host:db-2'], 1, 1]);
  });

  it('never refuses on the guardrails: it reports them', async () => {
    const { callAs } = maintenanceSetup();
    const answer = await callAs('responder', 'POST', '/api/maintenance/preview', plan({ targets: { monitorIds: [], monitorTags: [] } }));
    expect(answer.status).toBe(200);
    const body = PreviewResponseSchema.parse(answer.json);
    expect(body.mutesEverything).toBe(true);
    expect(body.monitorCount).toBe(3);
    expect(body.guardrails.problems).toEqual([{ field: 'scope', message: 'Only an admin can mute every monitor and group', status: 403 }]);
  });

  it('answers 400 only for a request that fails its schema, before any read', async () => {
    const { call, fake } = maintenanceSetup();
    const answer = await call('POST', '/api/maintenance/preview', plan({ scope: 'host:a OR' }));
    expect([answer.status, Object.keys(apiError(answer).fields ?? {})]).toEqual([400, ['scope']]);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('GET /api/maintenance/hygiene', () => {
  const W_DISABLED = '22222222-2222-4222-8222-222222222222';
  const W_OK = '33333333-3333-4333-8333-333333333333';
  const downtimes = [
    // Planned by a watchdeck user who is now disabled.
    rawDowntime('dt-disabled', { monitor_identifier: { monitor_id: 1 }, message: marker('Upgrade', W_DISABLED, TEST_USERS.disabled) }),
    // Matches no monitor.
    rawDowntime('dt-nothing', { monitor_identifier: { monitor_tags: ['team:nobody'] }, message: 'Old team' }),
    // Active for ten days.
    rawDowntime('dt-long', { monitor_identifier: { monitor_id: 3 }, schedule: once(NOW - 10 * DAY, NOW + DAY), message: 'Long job' }),
    // Never ends, no ticket.
    rawDowntime('dt-forever', { monitor_identifier: { monitor_id: 2 }, schedule: once(NOW - HOUR, null), message: 'Decommissioning' }),
    // Made by a Datadog user Datadog marks disabled.
    rawDowntime('dt-dd-disabled', { monitor_identifier: { monitor_id: 2 }, message: 'x' }, { relationships: { created_by: { data: { type: 'users', id: 'user-2' } } } }),
    // Healthy: planned, a ticket, covers groups.
    rawDowntime('dt-ok', { monitor_identifier: { monitor_id: 1 }, message: marker('Fine', W_OK, 'ana', 'https://t.example.com/1') }),
    // Finished windows are not reported, whatever they match.
    rawDowntime('dt-ended', { status: 'ended', monitor_identifier: { monitor_tags: ['team:nobody'] }, schedule: once(NOW - 2 * DAY, NOW - DAY) }),
  ];
  const users = [rawUser('user-1', 'Grace'), { ...rawUser('user-2', 'Dora'), attributes: { name: 'Dora', handle: 'dora@example.com', disabled: true } }];

  it('finds each kind, one plain sentence per kind', async () => {
    const { call } = maintenanceSetup({ downtimes, users, as: 'viewer' });
    const answer = await call('GET', '/api/maintenance/hygiene');
    expect(answer.status).toBe(200);
    const body = HygieneResponseSchema.parse(answer.json);
    expect(body.longActiveDays).toBe(DEFAULT_LONG_ACTIVE_DAYS);
    const byId = Object.fromEntries(body.findings.map((f) => [f.window.id, [f.kinds, f.details]]));
    expect(byId).toEqual({
      [W_DISABLED]: [['disabled_creator'], [`Its creator, ${TEST_USERS.disabled}, is disabled.`]],
      'dt-nothing': [['matches_nothing'], ['It matches no monitor or group right now.']],
      'dt-long': [['long_active'], ['It has been active for 10 days, longer than 7.']],
      'dt-forever': [['indefinite_no_reason'], ['It never ends, and has no ticket.']],
      'dt-dd-disabled': [['disabled_creator'], ['Its creator, Dora, is disabled.']],
    });
  });

  it('takes the number of days from the query', async () => {
    const { call } = maintenanceSetup({ downtimes, users });
    const body = HygieneResponseSchema.parse((await call('GET', '/api/maintenance/hygiene?longActiveDays=30')).json);
    expect(body.longActiveDays).toBe(30);
    expect(body.findings.map((f) => f.window.id)).not.toContain('dt-long');
  });

  it('reports an indefinite window with neither reason nor ticket, and one matching nothing, together', async () => {
    const { call } = maintenanceSetup({
      downtimes: [rawDowntime('dt-bare', { monitor_identifier: { monitor_tags: ['team:gone'] }, schedule: once(NOW - HOUR, null), message: null })],
    });
    const [finding] = HygieneResponseSchema.parse((await call('GET', '/api/maintenance/hygiene')).json).findings;
    expect([finding?.kinds, finding?.details]).toEqual([
      ['matches_nothing', 'indefinite_no_reason'],
      ['It matches no monitor or group right now.', 'It never ends, and has no reason or ticket.'],
    ]);
  });

  it.each(['0', '366', 'abc', '7.5', ''])('refuses longActiveDays=%j with 400 and no upstream call', async (value) => {
    const { call, fake } = maintenanceSetup();
    const answer = await call('GET', `/api/maintenance/hygiene?longActiveDays=${value}`);
    expect([answer.status, Object.keys(apiError(answer).fields ?? {})]).toEqual([400, ['query.longActiveDays']]);
    expect(fake.requests).toHaveLength(0);
  });
});
