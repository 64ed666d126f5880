import { MaintenanceWindowSchema, MUTE_EVERYTHING_CONFIRMATION } from '../../../contract/maintenance';
import { NOW, rawMonitor } from '../../testing/fixtures';
import { apiError, CANARY, TEST_USERS } from '../../testing/test-app';
import { demoMonitors, downtimeId, HOUR, lines, maintenanceSetup, plan, writes } from './maintenance-test-kit';

const PATH = '/api/maintenance/windows';
const END = new Date(NOW + 2 * HOUR).toISOString();
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('POST /api/maintenance/windows', () => {
  it('creates one downtime per picked monitor and one for the tags, all tied by the marker, and answers 201 with the window', async () => {
    const { call, fake, store } = maintenanceSetup();
    const answer = await call(
      'POST',
      PATH,
      plan({
        targets: { monitorIds: [1, 2], monitorTags: ['team:payments'] },
        scope: 'env:prod',
        ticket: 'https://jira.example.com/browse/OPS-42',
        endSettings: { notifyEndStates: ['alert'], notifyEndTypes: ['expired'], muteFirstRecovery: true },
      }),
    );
    expect(answer.status).toBe(201);
    const window = MaintenanceWindowSchema.parse(answer.json);
    expect(window.id).toMatch(UUID_RE);
    const message = `Database upgrade\nTicket: https://jira.example.com/browse/OPS-42\n— planned in watchdeck by ${TEST_USERS.responder} · window ${window.id}`;
    expect(window).toEqual({
      id: window.id,
      downtimeIds: [downtimeId(1), downtimeId(2), downtimeId(3)],
      planned: true,
      reason: 'Database upgrade',
      ticket: 'https://jira.example.com/browse/OPS-42',
      targets: { monitorIds: [1, 2], monitorTags: ['team:payments'], monitorNames: { 1: 'Checkout latency', 2: 'Payments DB' } },
      scope: 'env:prod',
      schedule: { kind: 'once', start: NOW, end: NOW + 2 * HOUR },
      status: 'active',
      endSettings: { notifyEndStates: ['alert'], notifyEndTypes: ['expired'], muteFirstRecovery: true },
      displayTimezone: 'UTC',
      creator: { name: TEST_USERS.responder, handle: TEST_USERS.responder, email: null, disabled: false },
      createdAt: NOW,
      modifiedAt: NOW,
      untilRecovered: false,
    });
    // One read to check the picked monitors exist, then the three creates.
    expect(lines(fake.requests)).toEqual(['GET /api/v1/monitor', 'POST /api/v2/downtime', 'POST /api/v2/downtime', 'POST /api/v2/downtime']);
    const shared = {
      scope: 'env:prod',
      schedule: { end: END },
      message,
      display_timezone: 'UTC',
      notify_end_states: ['alert'],
      notify_end_types: ['expired'],
      mute_first_recovery_notification: true,
    };
    expect(writes(fake).map((r) => r.body)).toEqual([
      { data: { type: 'downtime', attributes: { monitor_identifier: { monitor_id: 1 }, ...shared } } },
      { data: { type: 'downtime', attributes: { monitor_identifier: { monitor_id: 2 }, ...shared } } },
      { data: { type: 'downtime', attributes: { monitor_identifier: { monitor_tags: ['team:payments'] }, ...shared } } },
    ]);
    expect(writes(fake)[0]?.headers['dd-api-key']).toBe(CANARY.apiKey);
    const audit = store.audit.query({ limit: 1 })[0];
    expect(audit).toMatchObject({ action: 'maintenance.plan', target: `maintenance-window:${window.id}`, outcome: 'allowed', status: 201 });
    expect(audit?.detail).toBe(
      `monitors=1,2 tags=team:payments scope=env:prod schedule=once now to ${END} reason=Database upgrade ticket=https://jira.example.com/browse/OPS-42`,
    );
  });

  it('plans a tag-only window with no read, and a recurring one in its timezone', async () => {
    const { call, fake } = maintenanceSetup();
    const answer = await call(
      'POST',
      PATH,
      plan({
        targets: { monitorIds: [], monitorTags: ['team:payments'] },
        schedule: { kind: 'recurring', rrule: 'FREQ=WEEKLY;BYDAY=SA', duration: '2h', start: '2026-09-05T02:00', timezone: 'Europe/Berlin' },
      }),
    );
    expect(answer.status).toBe(201);
    expect(lines(fake.requests)).toEqual(['POST /api/v2/downtime']);
    expect((fake.requests[0]?.body as { data: { attributes: Record<string, unknown> } }).data.attributes).toMatchObject({
      monitor_identifier: { monitor_tags: ['team:payments'] },
      schedule: { recurrences: [{ rrule: 'FREQ=WEEKLY;BYDAY=SA', duration: '2h', start: '2026-09-05T02:00' }], timezone: 'Europe/Berlin' },
      display_timezone: 'Europe/Berlin',
    });
    const window = MaintenanceWindowSchema.parse(answer.json);
    // 2026-09-05 is a Saturday; 02:00 in Berlin (summer time) is 00:00 UTC.
    expect(window.schedule).toEqual({
      kind: 'recurring',
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      duration: '2h',
      start: '2026-09-05T02:00',
      timezone: 'Europe/Berlin',
      current: { start: Date.parse('2026-09-05T00:00:00Z'), end: Date.parse('2026-09-05T02:00:00Z') },
    });
    expect(window.status).toBe('scheduled');
  });

  it('lets an admin mute everything with the typed confirmation: one downtime for every monitor', async () => {
    const { callAs, fake } = maintenanceSetup();
    const answer = await callAs(
      'admin',
      'POST',
      PATH,
      plan({ targets: { monitorIds: [], monitorTags: [] }, confirm: ` ${MUTE_EVERYTHING_CONFIRMATION.toUpperCase()} ` }),
    );
    expect(answer.status).toBe(201);
    expect(lines(fake.requests)).toEqual(['POST /api/v2/downtime']);
    expect((fake.requests[0]?.body as { data: { attributes: { monitor_identifier: unknown } } }).data.attributes.monitor_identifier).toEqual({
      monitor_tags: ['*'],
    });
  });

  it('lets an admin go past maxMuteHours with a reason, which goes in the message and the audit record', async () => {
    const { callAs, fake, store } = maintenanceSetup({ config: { maxMuteHours: 24 } });
    const answer = await callAs(
      'admin',
      'POST',
      PATH,
      plan({ schedule: { kind: 'once', start: null, end: NOW + 48 * HOUR }, overrideReason: 'Vendor migration runs two days' }),
    );
    expect(answer.status).toBe(201);
    const message = (writes(fake)[0]?.body as { data: { attributes: { message: string } } }).data.attributes.message;
    expect(message.split('\n')[1]).toBe('Override: Vendor migration runs two days');
    expect(store.audit.query({ limit: 1 })[0]?.detail).toContain('override=Vendor migration runs two days');
  });

  it('names picked monitors that do not exist, with 400 and nothing written', async () => {
    const { call, fake } = maintenanceSetup();
    const answer = await call('POST', PATH, plan({ targets: { monitorIds: [1, 99, 98], monitorTags: [] } }));
    expect(answer.status).toBe(400);
    expect(apiError(answer)).toMatchObject({ code: 'validation_failed', fields: { 'targets.monitorIds': ['No such monitors: 99, 98'] } });
    expect(lines(fake.requests)).toEqual(['GET /api/v1/monitor']);
  });

  it('cancels the downtimes it made when the 2nd create fails, and answers the mapped error', async () => {
    const { call, fake, dd, store } = maintenanceSetup();
    dd.failCreate.set(2, { status: 500, body: { errors: ['boom'] } });
    const answer = await call('POST', PATH, plan({ targets: { monitorIds: [1, 2, 3], monitorTags: [] } }));
    expect(answer.status).toBe(502);
    expect(apiError(answer)).toMatchObject({ code: 'upstream_error' });
    expect(apiError(answer).message).toMatch(/not confirmed/);
    // All three creates were in flight together (concurrency 4); the two that worked are canceled.
    expect(fake.calls('POST')).toHaveLength(3);
    expect(fake.calls('DELETE').map((r) => r.path).sort()).toEqual([`/api/v2/downtime/${downtimeId(1)}`, `/api/v2/downtime/${downtimeId(2)}`]);
    expect(dd.downtimes.map((d) => (d.attributes as { status: string }).status)).toEqual(['canceled', 'canceled']);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'maintenance.plan', outcome: 'failed', status: 502 });
  });

  it('starts no new create after a failure: only those already in flight are made, then canceled', async () => {
    const monitors = [...demoMonitors(), rawMonitor(4), rawMonitor(5), rawMonitor(6)];
    const { call, fake, dd } = maintenanceSetup({ monitors });
    dd.failCreate.set(2, { status: 400, body: { errors: ['Scope is not valid'] } });
    dd.createDelayMs = 20;
    const answer = await call('POST', PATH, plan({ targets: { monitorIds: [1, 2, 3, 4, 5, 6], monitorTags: [] } }));
    expect(answer.status).toBe(400);
    expect(apiError(answer)).toMatchObject({ code: 'upstream_rejected', upstream: ['Scope is not valid'] });
    expect(fake.calls('POST')).toHaveLength(4);
    expect(fake.calls('DELETE')).toHaveLength(3);
    expect(dd.downtimes.every((d) => (d.attributes as { status: string }).status === 'canceled')).toBe(true);
  });

  it('makes the next window list ask Datadog again', async () => {
    const { call, fake } = maintenanceSetup();
    await call('GET', PATH);
    await call('POST', PATH, plan());
    const list = await call('GET', PATH);
    expect(fake.calls('GET', '/api/v2/downtime')).toHaveLength(2);
    expect((list.json as { windows: unknown[] }).windows).toHaveLength(1);
  });
});

describe('POST /api/maintenance/windows: the guardrails, before anything goes upstream', () => {
  const FAR = NOW + 169 * HOUR;
  it.each([
    ['a responder, too long', 'responder', plan({ schedule: { kind: 'once', start: null, end: FAR } }), 403, ['schedule.end']],
    [
      'a responder, indefinite (with a ticket)',
      'responder',
      plan({ schedule: { kind: 'once', start: null, end: null }, ticket: 'https://t.example.com/1' }),
      403,
      ['schedule.end'],
    ],
    ['a responder, indefinite and no ticket: the 403 wins', 'responder', plan({ schedule: { kind: 'once', start: null, end: null } }), 403, ['schedule.end']],
    ['a responder muting everything', 'responder', plan({ targets: { monitorIds: [], monitorTags: [] } }), 403, ['scope']],
    ['a responder muting everything by a * tag', 'responder', plan({ targets: { monitorIds: [1], monitorTags: ['*'] } }), 403, ['scope']],
    ['an admin, too long, without an override reason', 'admin', plan({ schedule: { kind: 'once', start: null, end: FAR } }), 400, ['overrideReason']],
    [
      'an admin, indefinite, without a ticket',
      'admin',
      plan({ schedule: { kind: 'once', start: null, end: null }, overrideReason: 'decommissioning' }),
      400,
      ['ticket'],
    ],
    [
      'an admin muting everything without the typed confirmation',
      'admin',
      plan({ targets: { monitorIds: [], monitorTags: [] } }),
      400,
      ['confirm'],
    ],
    [
      'an admin muting everything with the wrong confirmation',
      'admin',
      plan({ targets: { monitorIds: [], monitorTags: [] }, confirm: 'yes' }),
      400,
      ['confirm'],
    ],
    ['an end in the past', 'responder', plan({ schedule: { kind: 'once', start: NOW - 2 * HOUR, end: NOW - HOUR } }), 400, ['schedule.end']],
  ] as const)('refuses %s, and sends nothing upstream', async (_name, role, body, status, fields) => {
    const { callAs, fake, store } = maintenanceSetup();
    const answer = await callAs(role, 'POST', PATH, body);
    expect(answer.status).toBe(status);
    const error = apiError(answer);
    expect(error.code).toBe(status === 403 ? 'forbidden' : 'validation_failed');
    expect(Object.keys(error.fields ?? {})).toEqual(fields);
    expect(fake.requests).toHaveLength(0);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'maintenance.plan', outcome: status === 403 ? 'denied' : 'invalid' });
  });

  it.each([
    ['no reason', { ...plan(), reason: '  ' }, ['reason']],
    ['a bad scope', plan({ scope: 'web-1' }), ['scope']],
    ['a bad RRULE', plan({ schedule: { kind: 'recurring', rrule: 'FREQ=HOURLY', duration: '1h', start: '2026-09-05T02:00', timezone: 'UTC' } }), ['schedule.rrule']],
    ['an end before the start', plan({ schedule: { kind: 'once', start: NOW + 2 * HOUR, end: NOW + HOUR } }), ['schedule.end']],
    ['a ticket that is not a link', plan({ ticket: 'OPS-42' }), ['ticket']],
    ['an unknown field', { ...plan(), monitor_identifier: { monitor_tags: ['*'] } }, ['monitor_identifier']],
    ['a bad tag', plan({ targets: { monitorIds: [], monitorTags: ['team payments'] } }), ['targets.monitorTags.0']],
  ])('answers %s with 400 field errors (checked before the guardrails) and sends nothing', async (_name, body, fields) => {
    const { callAs, fake } = maintenanceSetup();
    const answer = await callAs('responder', 'POST', PATH, body);
    expect(answer.status).toBe(400);
    expect(apiError(answer).code).toBe('validation_failed');
    expect(Object.keys(apiError(answer).fields ?? {})).toEqual(fields);
    expect(fake.requests).toHaveLength(0);
  });
});
