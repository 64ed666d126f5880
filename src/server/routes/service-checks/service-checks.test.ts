import { serviceCheckPaths } from '../../../contract/api-paths';
import { ApiErrorBodySchema } from '../../../contract/errors';
import {
  MonitorHistoryResponseSchema,
  NotificationListResponseSchema,
  RecentChecksResponseSchema,
  ServiceCheckSubmitResponseSchema,
} from '../../../contract/service-checks';
import { NOW, rawMonitor } from '../../testing/fixtures';
import { apiError, CANARY, expectNoSecrets, setup, TEST_USERS, type SetupOptions } from '../../testing/test-app';
import { NOTIFICATIONS_NEED_LOCAL_DATADOG } from './service-checks.handlers';

const CHECK_RUN = '/api/v1/check_run';
const LATEST = '/api/sandbox/check_runs/latest';
const NOTIFICATIONS = '/api/sandbox/notifications';
const transitionsOf = (id: number) => `/api/sandbox/monitor/${id}/transitions`;
const ACCEPTED = { status: 202, body: { status: 'ok' }, headers: { 'Content-Type': 'text/json' } };
const NOW_S = Math.floor(NOW / 1000);
const DAY = 86_400_000;

const embedded = (over: SetupOptions = {}) => setup({ ...over, config: { mode: 'embedded', upstream: null, ...over.config } });
const valid = { check: 'app.ok', host: 'app-1', status: 2, tags: ['env:prod', 'service:app'], message: 'disk full on app-1' };

describe(`POST ${serviceCheckPaths.submit}`, () => {
  it('sends one run to Datadog (epoch seconds, API key), answers 202, records it and audits it', async () => {
    const { call, fake, store } = setup();
    fake.on('POST', CHECK_RUN, ACCEPTED);
    const answer = await call('POST', serviceCheckPaths.submit, valid);
    expect(answer.status).toBe(202);
    expect(ServiceCheckSubmitResponseSchema.parse(answer.json)).toEqual({ accepted: true, messageDropped: false });
    expect(fake.requests.map((r) => [r.method, r.path, r.query, r.body])).toEqual([
      [
        'POST',
        CHECK_RUN,
        {},
        [{ check: 'app.ok', host_name: 'app-1', status: 2, tags: ['env:prod', 'service:app'], timestamp: NOW_S, message: 'disk full on app-1' }],
      ],
    ]);
    const sent = fake.requests[0]?.headers ?? {};
    expect(sent['dd-api-key']).toBe(CANARY.apiKey);
    expect(sent['content-type']).toBe('application/json');
    expect(sent.cookie).toBeUndefined();
    expect(sent['x-csrf']).toBeUndefined();
    expect(store.checkSubmissions.list()).toEqual([
      {
        id: expect.any(Number),
        check: 'app.ok',
        host: 'app-1',
        status: 2,
        tags: ['env:prod', 'service:app'],
        message: 'disk full on app-1',
        at: NOW,
        by: TEST_USERS.responder,
      },
    ]);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({
      action: 'service_check.submit',
      target: 'check:app.ok@app-1',
      actor: TEST_USERS.responder,
      outcome: 'allowed',
      status: 202,
      upstreamStatus: 202,
      detail: 'status=2 (CRITICAL); tags=env:prod,service:app',
    });
    expect(store.audit.query({ limit: 1 })[0]?.detail).not.toContain('disk full');
    expectNoSecrets(answer);
  });

  it('converts a given time from ms to seconds, and trims names and tags', async () => {
    const { call, fake, store } = setup();
    fake.on('POST', CHECK_RUN, ACCEPTED);
    const at = NOW - 5 * 60_000 + 999;
    const answer = await call('POST', serviceCheckPaths.submit, {
      check: ' db.up ',
      host: ' db-1 ',
      status: 1,
      tags: [' role:db '],
      timestamp: at,
    });
    expect(answer.status).toBe(202);
    expect(fake.requests[0]?.body).toEqual([{ check: 'db.up', host_name: 'db-1', status: 1, tags: ['role:db'], timestamp: Math.floor(at / 1000) }]);
    expect(store.checkSubmissions.list()[0]).toMatchObject({ check: 'db.up', host: 'db-1', at, message: null, tags: ['role:db'] });
  });

  it('takes a run exactly 10 minutes old, and one within the clock leeway', async () => {
    const { call, fake } = setup();
    fake.on('POST', CHECK_RUN, ACCEPTED);
    expect((await call('POST', serviceCheckPaths.submit, { ...valid, timestamp: NOW - 10 * 60_000 })).status).toBe(202);
    expect((await call('POST', serviceCheckPaths.submit, { ...valid, timestamp: NOW + 30_000 })).status).toBe(202);
    expect(fake.requests.map((r) => (r.body as { timestamp: number }[])[0]?.timestamp)).toEqual([NOW_S - 600, NOW_S + 30]);
  });

  it('says the message of an OK run is dropped, and neither sends nor keeps it', async () => {
    const { call, fake, store } = setup();
    fake.on('POST', CHECK_RUN, ACCEPTED);
    const answer = await call('POST', serviceCheckPaths.submit, { ...valid, status: 0, message: 'all good' });
    expect([answer.status, answer.json]).toEqual([202, { accepted: true, messageDropped: true }]);
    expect(fake.requests[0]?.body).toEqual([{ check: 'app.ok', host_name: 'app-1', status: 0, tags: ['env:prod', 'service:app'], timestamp: NOW_S }]);
    expect(store.checkSubmissions.list()[0]?.message).toBeNull();
    expect(store.audit.query({ limit: 1 })[0]?.detail).toBe('status=0 (OK); tags=env:prod,service:app');
  });

  it('sends no message when none or an empty one is given, and defaults the tags to none', async () => {
    const { call, fake, store } = setup();
    fake.on('POST', CHECK_RUN, ACCEPTED);
    for (const body of [{ check: 'app.ok', host: 'app-1', status: 0 }, { check: 'app.ok', host: 'app-1', status: 0, message: '' }]) {
      expect((await call('POST', serviceCheckPaths.submit, body)).json).toEqual({ accepted: true, messageDropped: false });
    }
    expect(fake.requests.map((r) => r.body)).toEqual([
      [{ check: 'app.ok', host_name: 'app-1', status: 0, tags: [], timestamp: NOW_S }],
      [{ check: 'app.ok', host_name: 'app-1', status: 0, tags: [], timestamp: NOW_S }],
    ]);
    expect(store.audit.query({ limit: 1 })[0]?.detail).toBe('status=0 (OK); tags=none');
    expect(store.checkSubmissions.count()).toBe(2);
  });

  it('keeps a 500-character message whole, and names at most 20 tags in the audit', async () => {
    const { call, fake, store } = setup();
    fake.on('POST', CHECK_RUN, ACCEPTED);
    const tags = Array.from({ length: 23 }, (_, i) => `t:${i}`);
    const message = 'm'.repeat(500);
    expect((await call('POST', serviceCheckPaths.submit, { ...valid, tags, message })).status).toBe(202);
    expect((fake.requests[0]?.body as { message: string }[])[0]?.message).toBe(message);
    expect(store.audit.query({ limit: 1 })[0]?.detail).toBe(`status=2 (CRITICAL); tags=${tags.slice(0, 20).join(',')} (+3 more)`);
  });

  const INVALID: [string, Record<string, unknown>, string][] = [
    ['a status that is not 0-3', { ...valid, status: 4 }, 'status'],
    ['a status as a string', { ...valid, status: '2' }, 'status'],
    ['a check name with a space', { ...valid, check: 'app ok' }, 'check'],
    ['a check name starting with a digit', { ...valid, check: '1app' }, 'check'],
    ['an empty host', { ...valid, host: '' }, 'host'],
    ['a tag with a comma', { ...valid, tags: ['a,b'] }, 'tags.0'],
    ['a message of 501 characters', { ...valid, message: 'x'.repeat(501) }, 'message'],
    ['an unknown field', { ...valid, by: 'someone-else' }, 'by'],
    ['no check', { host: 'app-1', status: 2 }, 'check'],
    ['a time that is not an integer', { ...valid, timestamp: NOW - 0.5 }, 'timestamp'],
  ];
  it.each(INVALID)('refuses %s with 400 on that field, and sends nothing', async (_, body, field) => {
    const { call, fake, store } = setup();
    const answer = await call('POST', serviceCheckPaths.submit, body);
    expect([answer.status, apiError(answer).code]).toEqual([400, 'validation_failed']);
    expect(Object.keys(apiError(answer).fields ?? {})).toContain(field);
    expect(fake.requests).toHaveLength(0);
    expect(store.checkSubmissions.count()).toBe(0);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'service_check.submit', status: 400 });
  });

  it('refuses a run 11 minutes old with 400 on timestamp, and sends nothing', async () => {
    const { call, fake, store } = setup();
    const answer = await call('POST', serviceCheckPaths.submit, { ...valid, timestamp: NOW - 11 * 60_000 });
    expect(answer.status).toBe(400);
    expect(apiError(answer).fields).toEqual({ timestamp: ['Datadog refuses a result more than 10 minutes old'] });
    expect(fake.requests).toHaveLength(0);
    expect(store.checkSubmissions.count()).toBe(0);
  });

  it('refuses a run in the future with 400 on timestamp, and sends nothing', async () => {
    const { call, fake } = setup();
    const answer = await call('POST', serviceCheckPaths.submit, { ...valid, timestamp: NOW + 2 * 60_000 });
    expect(answer.status).toBe(400);
    expect(apiError(answer).fields).toEqual({ timestamp: ['The time is in the future'] });
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a body that is not JSON (415) and one over 64 KB (413), sending nothing', async () => {
    const { call, fake } = setup();
    expect((await call('POST', serviceCheckPaths.submit, 'check=app.ok', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await call('POST', serviceCheckPaths.submit, { ...valid, tags: ['x'.repeat(70_000)] })).status).toBe(413);
    expect(fake.requests).toHaveLength(0);
  });

  it('is forbidden to a viewer (403), who sends nothing and is audited as denied', async () => {
    const { callAs, fake, store } = setup();
    const answer = await callAs('viewer', 'POST', serviceCheckPaths.submit, valid);
    expect([answer.status, apiError(answer).code]).toEqual([403, 'forbidden']);
    expect(fake.requests).toHaveLength(0);
    expect(store.checkSubmissions.count()).toBe(0);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'service_check.submit', actor: TEST_USERS.viewer, outcome: 'denied' });
  });

  it('is open to an admin, and needs a session (401)', async () => {
    const { callAs, fake, store } = setup();
    fake.on('POST', CHECK_RUN, ACCEPTED);
    expect((await callAs('admin', 'POST', serviceCheckPaths.submit, valid)).status).toBe(202);
    expect(store.checkSubmissions.list()[0]?.by).toBe(TEST_USERS.admin);
    expect((await callAs(null, 'POST', serviceCheckPaths.submit, valid)).status).toBe(401);
    expect(fake.requests).toHaveLength(1);
  });

  it("passes Datadog's 400 on with its words, and records nothing", async () => {
    const { call, fake, store } = setup();
    fake.on('POST', CHECK_RUN, { status: 400, body: { errors: ["check run 0: 'timestamp' is more than 10 minutes in the past"] } });
    const answer = await call('POST', serviceCheckPaths.submit, valid);
    expect([answer.status, apiError(answer).code]).toEqual([400, 'upstream_rejected']);
    expect(apiError(answer).upstream).toEqual(["check run 0: 'timestamp' is more than 10 minutes in the past"]);
    expect(store.checkSubmissions.count()).toBe(0);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ outcome: 'failed', upstreamStatus: 400 });
  });

  it.each([
    [413, 413, 'upstream_rejected'],
    [403, 502, 'upstream_auth'],
    [429, 429, 'rate_limited'],
  ])('maps a Datadog %s to %s %s', async (upstream, status, code) => {
    const { call, fake, store } = setup();
    fake.on('POST', CHECK_RUN, { status: upstream, body: { errors: ['Payload too large'] } });
    const answer = await call('POST', serviceCheckPaths.submit, valid);
    expect([answer.status, apiError(answer).code]).toEqual([status, code]);
    expect(store.checkSubmissions.count()).toBe(0);
    expectNoSecrets(answer);
  });

  it('answers a Datadog 5xx with 502 "not confirmed", never retried, never echoing its body', async () => {
    const { call, fake, store } = setup({ retries: 2 });
    fake.on('POST', CHECK_RUN, { status: 503, body: { errors: [`bad key ${CANARY.apiKey}`] } });
    const answer = await call('POST', serviceCheckPaths.submit, valid);
    expect([answer.status, apiError(answer).code]).toEqual([502, 'upstream_error']);
    expect(apiError(answer).message).toContain('not confirmed');
    ApiErrorBodySchema.parse(answer.json);
    expect(fake.calls('POST', CHECK_RUN)).toHaveLength(1);
    expect(store.checkSubmissions.count()).toBe(0);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ outcome: 'failed', upstreamStatus: 503 });
    expectNoSecrets(answer);
  });

  it('answers a stalled Datadog with 504 within the deadline, aborting the call', async () => {
    const { call, fake, store } = setup({ timeoutMs: 200 });
    fake.on('POST', CHECK_RUN, { stall: true });
    const started = Date.now();
    const answer = await call('POST', serviceCheckPaths.submit, valid);
    expect(Date.now() - started).toBeLessThan(700);
    expect([answer.status, apiError(answer).code]).toEqual([504, 'upstream_timeout']);
    expect(fake.aborted).toHaveLength(1);
    expect(store.checkSubmissions.count()).toBe(0);
  });

  it('answers 502 when the 202 body cannot be read', async () => {
    const { call, fake, store } = setup();
    fake.on('POST', CHECK_RUN, { status: 202, body: 'accepted, probably', headers: { 'Content-Type': 'text/json' } });
    const answer = await call('POST', serviceCheckPaths.submit, valid);
    expect([answer.status, apiError(answer).code]).toEqual([502, 'upstream_error']);
    expect(store.checkSubmissions.count()).toBe(0);
  });

  it('still answers 202 when Datadog took the run but the BFF could not record it (logged)', async () => {
    const { call, fake, store, logs } = setup();
    fake.on('POST', CHECK_RUN, ACCEPTED);
    vi.spyOn(store.checkSubmissions, 'add').mockImplementation(() => {
      throw new Error('disk I/O error');
    });
    const answer = await call('POST', serviceCheckPaths.submit, valid);
    expect([answer.status, answer.json]).toEqual([202, { accepted: true, messageDropped: false }]);
    expect(logs.some((l) => l.includes('service check run could not be recorded') && l.includes('check:app.ok@app-1'))).toBe(true);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ outcome: 'allowed', status: 202 });
  });

  it('makes cached monitor reads old (a run changes group states)', async () => {
    const { call, fake } = setup();
    fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1)] });
    fake.on('POST', CHECK_RUN, ACCEPTED);
    await call('GET', '/api/monitors');
    await call('GET', '/api/monitors');
    expect(fake.calls('GET', '/api/v1/monitor')).toHaveLength(1);
    await call('POST', serviceCheckPaths.submit, valid);
    await call('GET', '/api/monitors');
    expect(fake.calls('GET', '/api/v1/monitor')).toHaveLength(2);
  });

  it('keeps only the newest 1000 submissions', async () => {
    const { store } = setup();
    for (let i = 0; i < 1005; i++) {
      store.checkSubmissions.add({ check: 'app.ok', host: `h-${i}`, status: 0, tags: [], message: null, at: NOW + i, by: 'x' });
    }
    expect(store.checkSubmissions.count()).toBe(1000);
    expect(store.checkSubmissions.list().at(-1)?.host).toBe('h-5');
  });
});

describe(`GET ${serviceCheckPaths.recent}`, () => {
  it('outside embedded mode lists the latest run per check and host submitted through watchdeck, asking Datadog nothing', async () => {
    const { call, callAs, fake } = setup();
    fake.on('POST', CHECK_RUN, ACCEPTED);
    await call('POST', serviceCheckPaths.submit, { ...valid, timestamp: NOW - 60_000 });
    await callAs('admin', 'POST', serviceCheckPaths.submit, { ...valid, status: 0, message: 'fine' });
    await call('POST', serviceCheckPaths.submit, { ...valid, host: 'app-2', status: 1, timestamp: NOW - 120_000 });
    // An older run sent later does not replace the newer one.
    await call('POST', serviceCheckPaths.submit, { ...valid, status: 3, timestamp: NOW - 300_000 });
    fake.requests.length = 0;

    const answer = await callAs('viewer', 'GET', serviceCheckPaths.recent);
    expect(answer.status).toBe(200);
    expect(RecentChecksResponseSchema.parse(answer.json)).toEqual({
      source: 'watchdeck',
      results: [
        { check: 'app.ok', host: 'app-1', status: 0, tags: ['env:prod', 'service:app'], message: null, at: NOW, by: TEST_USERS.admin },
        {
          check: 'app.ok',
          host: 'app-2',
          status: 1,
          tags: ['env:prod', 'service:app'],
          message: 'disk full on app-1',
          at: NOW - 120_000,
          by: TEST_USERS.responder,
        },
      ],
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('outside embedded mode answers an empty list when nothing was submitted', async () => {
    const { call, fake } = setup({ config: { mode: 'real' } });
    expect((await call('GET', serviceCheckPaths.recent)).json).toEqual({ results: [], source: 'watchdeck' });
    expect(fake.requests).toHaveLength(0);
  });

  it("in embedded mode reads the local Datadog's latest runs, naming who submitted the ones sent through watchdeck", async () => {
    const { call, fake } = embedded();
    fake.on('POST', CHECK_RUN, ACCEPTED);
    await call('POST', serviceCheckPaths.submit, { ...valid, timestamp: NOW - 30_500 });
    fake.on('GET', LATEST, {
      body: {
        runs: [
          // The run submitted above, as the local Datadog keeps it (seconds).
          { check: 'app.ok', host_name: 'app-1', status: 2, tags: ['env:prod', 'service:app'], message: 'disk full on app-1', timestamp: NOW_S - 31 },
          // Same check and host, another second: someone else's run.
          { check: 'app.ok', host_name: 'app-2', status: 2, tags: [], message: null, timestamp: NOW_S - 31 },
          { check: 'db.up', host_name: 'db-1', status: 0, tags: ['role:db'], message: null, timestamp: NOW_S - 5, extra: 'kept' },
          { check: 'broken' },
        ],
      },
    });
    const answer = await call('GET', serviceCheckPaths.recent);
    expect(answer.status).toBe(200);
    const body = RecentChecksResponseSchema.parse(answer.json);
    expect(body.source).toBe('local');
    expect(body.results).toEqual([
      { check: 'app.ok', host: 'app-1', status: 2, tags: ['env:prod', 'service:app'], message: 'disk full on app-1', at: (NOW_S - 31) * 1000, by: TEST_USERS.responder },
      { check: 'app.ok', host: 'app-2', status: 2, tags: [], message: null, at: (NOW_S - 31) * 1000, by: null },
      { check: 'db.up', host: 'db-1', status: 0, tags: ['role:db'], message: null, at: (NOW_S - 5) * 1000, by: null },
    ]);
    expect(fake.calls('GET').map((r) => [r.path, r.query])).toEqual([[LATEST, {}]]);
  });

  it('in embedded mode does not name a submitter for a run with another status at the same second', async () => {
    const { call, fake } = embedded();
    fake.on('POST', CHECK_RUN, ACCEPTED);
    await call('POST', serviceCheckPaths.submit, valid);
    fake.on('GET', LATEST, { body: { runs: [{ check: 'app.ok', host_name: 'app-1', status: 0, tags: [], message: null, timestamp: NOW_S }] } });
    expect(RecentChecksResponseSchema.parse((await call('GET', serviceCheckPaths.recent)).json).results[0]?.by).toBeNull();
  });

  it('in embedded mode maps a failing local Datadog to 502, and a stalled one to 504', async () => {
    const { call, fake } = embedded({ timeoutMs: 200 });
    fake.on('GET', LATEST, { status: 500, body: { errors: ['boom'] } });
    expect(apiError(await call('GET', serviceCheckPaths.recent)).code).toBe('upstream_error');
    fake.on('GET', LATEST, { stall: true });
    const answer = await call('GET', serviceCheckPaths.recent);
    expect([answer.status, apiError(answer).code]).toEqual([504, 'upstream_timeout']);
  });

  it('needs a session', async () => {
    const { callAs, fake } = embedded();
    expect((await callAs(null, 'GET', serviceCheckPaths.recent)).status).toBe(401);
    expect(fake.requests).toHaveLength(0);
  });
});

const rawNotification = (over: Record<string, unknown> = {}) => ({
  id: 7,
  at: NOW - 1000,
  monitor_id: 42,
  monitor_name: '[prod] app.ok service check',
  group: 'host:app-1',
  from_status: 'OK',
  to_status: 'Alert',
  from: 'OK',
  to: 'Alert',
  transition: 'OK → Alert',
  handle: '@webhook-ops-bridge',
  outcome: 'delivered',
  downtime_id: null,
  receiver_status: 200,
  message: 'app.ok is failing on app-1',
  detail: 'HTTP 200 after 1 attempt',
  ...over,
});

describe(`GET ${serviceCheckPaths.notifications}`, () => {
  it("maps the filters to the local Datadog's parameters and its rows to the contract", async () => {
    const { callAs, fake } = embedded();
    fake.on('GET', NOTIFICATIONS, {
      body: {
        notifications: [
          rawNotification(),
          rawNotification({
            id: 6,
            handle: '@slack-ops-alerts',
            outcome: 'suppressed',
            downtime_id: '00000000-0000-4000-8000-000000000001',
            receiver_status: null,
            detail: 'muted by downtime',
          }),
        ],
        total: 31,
        page: 2,
        per_page: 10,
      },
    });
    const answer = await callAs('viewer', 'GET', `${serviceCheckPaths.notifications}?monitorId=42&handle=%40webhook-ops-bridge&outcome=suppressed&page=2&size=10`);
    expect(answer.status).toBe(200);
    expect(fake.requests.map((r) => [r.method, r.path, r.query])).toEqual([
      ['GET', NOTIFICATIONS, { monitor_id: '42', handle: '@webhook-ops-bridge', outcome: 'suppressed', page: '2', per_page: '10' }],
    ]);
    expect(NotificationListResponseSchema.parse(answer.json)).toEqual({
      total: 31,
      page: 2,
      size: 10,
      notifications: [
        {
          id: 7,
          at: NOW - 1000,
          monitorId: 42,
          monitorName: '[prod] app.ok service check',
          group: 'host:app-1',
          transition: 'OK → Alert',
          fromStatus: 'OK',
          toStatus: 'Alert',
          handle: '@webhook-ops-bridge',
          outcome: 'delivered',
          downtimeId: null,
          receiverStatus: 200,
          message: 'app.ok is failing on app-1',
          detail: 'HTTP 200 after 1 attempt',
        },
        expect.objectContaining({ id: 6, outcome: 'suppressed', downtimeId: '00000000-0000-4000-8000-000000000001', receiverStatus: null }),
      ],
    });
  });

  it('asks for the first page of 50 by default, with no filters', async () => {
    const { call, fake } = embedded();
    fake.on('GET', NOTIFICATIONS, { body: { notifications: [], total: 0 } });
    expect((await call('GET', serviceCheckPaths.notifications)).json).toEqual({ notifications: [], total: 0, page: 0, size: 50 });
    expect(fake.requests[0]?.query).toEqual({ page: '0', per_page: '50' });
  });

  it('keeps unknown outcomes as data, reads the short status names, and drops rows it cannot read', async () => {
    const { call, fake } = embedded();
    const { from_status: _f, to_status: _t, ...short } = rawNotification({ id: 9, from: null, to: 'No Data', outcome: 'deferred', transition: null });
    fake.on('GET', NOTIFICATIONS, { body: { notifications: [short, { id: 'x' }, null], total: 3 } });
    const body = NotificationListResponseSchema.parse((await call('GET', serviceCheckPaths.notifications)).json);
    expect(body.notifications).toEqual([expect.objectContaining({ id: 9, fromStatus: null, toStatus: 'No Data', outcome: 'deferred', transition: '— → No Data' })]);
    expect(body.total).toBe(3);
  });

  it.each(['outcome=bogus', 'size=0', 'size=201', 'page=-1', 'monitorId=abc', 'monitorId=0', 'monitor_id=1', 'page=1&page=2'])(
    'refuses ?%s with 400 and asks nothing',
    async (qs) => {
      const { call, fake } = embedded();
      const answer = await call('GET', `${serviceCheckPaths.notifications}?${qs}`);
      expect([answer.status, apiError(answer).code]).toEqual([400, 'validation_failed']);
      expect(fake.requests).toHaveLength(0);
    },
  );

  it.each(['pointed', 'real'] as const)('is 404 in %s mode, asking nothing', async (mode) => {
    const { call, fake } = setup({ config: { mode } });
    const answer = await call('GET', serviceCheckPaths.notifications);
    expect([answer.status, apiError(answer).code, apiError(answer).message]).toEqual([404, 'not_found', NOTIFICATIONS_NEED_LOCAL_DATADOG]);
    expect(fake.requests).toHaveLength(0);
  });

  it('maps a failing local Datadog to 502 (retrying GETs), and a stalled one to 504', async () => {
    const { call, fake } = embedded({ retries: 2, timeoutMs: 300 });
    fake.on('GET', NOTIFICATIONS, { status: 503, body: {} });
    expect((await call('GET', serviceCheckPaths.notifications)).status).toBe(502);
    expect(fake.calls('GET', NOTIFICATIONS)).toHaveLength(3);
    fake.on('GET', NOTIFICATIONS, { stall: true });
    expect(apiError(await call('GET', `${serviceCheckPaths.notifications}?page=1`)).code).toBe('upstream_timeout');
  });

  it('answers the last good page when the local Datadog fails later (stale-if-error)', async () => {
    let now = NOW;
    const { call, fake } = embedded({ now: () => now });
    fake.on('GET', NOTIFICATIONS, { body: { notifications: [rawNotification()], total: 1 } });
    expect((await call('GET', serviceCheckPaths.notifications)).status).toBe(200);
    now += 10_000;
    fake.on('GET', NOTIFICATIONS, { status: 500, body: {} });
    const answer = await call('GET', serviceCheckPaths.notifications);
    expect(answer.status).toBe(200);
    expect(NotificationListResponseSchema.parse(answer.json).notifications).toHaveLength(1);
  });
});

describe(`GET ${serviceCheckPaths.monitorHistory(':id')}`, () => {
  const rawTransitions = {
    monitor_id: 42,
    from_ms: NOW - DAY,
    to_ms: NOW,
    initial: { 'host:app-1': 'OK', 'host:app-2': null },
    transitions: [
      { group: 'host:app-1', from: 'Alert', to: 'OK', at: NOW - 1000 },
      { group: 'host:app-1', from: 'OK', to: 'Alert', at: NOW - 60_000 },
      { group: 'host:app-2', from: null, to: 'OK', at: NOW - 30_000 },
      { group: 7 },
    ],
    mutes: [
      { downtime_id: 'dt-1', scope: 'host:app-1', start: NOW - 120_000, end: NOW + 3_600_000, status: 'active', groups: ['host:app-1'] },
      { downtime_id: 'dt-2', scope: '*', start: NOW - 7_200_000, end: null, status: 'active', groups: [] },
    ],
  };

  it('in embedded mode reads the last 24 h of transitions and mutes by default', async () => {
    const { callAs, fake } = embedded();
    fake.on('GET', transitionsOf(42), { body: rawTransitions });
    const answer = await callAs('viewer', 'GET', serviceCheckPaths.monitorHistory(42));
    expect(answer.status).toBe(200);
    expect(fake.requests.map((r) => [r.method, r.path, r.query])).toEqual([['GET', transitionsOf(42), { from: String((NOW - DAY) / 1000) }]]);
    expect(MonitorHistoryResponseSchema.parse(answer.json)).toEqual({
      from: NOW - DAY,
      to: NOW,
      available: true,
      initial: { 'host:app-1': 'OK', 'host:app-2': null },
      transitions: [
        { group: 'host:app-1', at: NOW - 60_000, fromStatus: 'OK', toStatus: 'Alert' },
        { group: 'host:app-2', at: NOW - 30_000, fromStatus: null, toStatus: 'OK' },
        { group: 'host:app-1', at: NOW - 1000, fromStatus: 'Alert', toStatus: 'OK' },
      ],
      mutes: [
        { downtimeId: 'dt-1', scope: 'host:app-1', start: NOW - 120_000, end: NOW + 3_600_000, groups: ['host:app-1'] },
        { downtimeId: 'dt-2', scope: '*', start: NOW - 7_200_000, end: null, groups: [] },
      ],
    });
  });

  it('sends a given start in seconds', async () => {
    const { call, fake } = embedded();
    fake.on('GET', transitionsOf(42), { body: { initial: {}, transitions: [], mutes: [] } });
    const from = NOW - 3_600_000 + 750;
    const body = MonitorHistoryResponseSchema.parse((await call('GET', `${serviceCheckPaths.monitorHistory(42)}?from=${from}`)).json);
    expect(fake.requests[0]?.query).toEqual({ from: String(Math.floor(from / 1000)) });
    expect(body).toEqual({ from, to: NOW, initial: {}, transitions: [], mutes: [], available: true });
  });

  it('passes a missing monitor on as 404', async () => {
    const { call, fake } = embedded();
    fake.on('GET', transitionsOf(9), { status: 404, body: { errors: ['Monitor not found'] } });
    const answer = await call('GET', serviceCheckPaths.monitorHistory(9));
    expect([answer.status, apiError(answer).code, apiError(answer).upstream]).toEqual([404, 'not_found', ['Monitor not found']]);
  });

  it.each(['pointed', 'real'] as const)('in %s mode answers "not available" with nothing in it, asking nothing', async (mode) => {
    const { call, fake } = setup({ config: { mode } });
    const answer = await call('GET', `${serviceCheckPaths.monitorHistory(42)}?from=${NOW - 3_600_000}`);
    expect(answer.status).toBe(200);
    expect(MonitorHistoryResponseSchema.parse(answer.json)).toEqual({
      from: NOW - 3_600_000,
      to: NOW,
      initial: {},
      transitions: [],
      mutes: [],
      available: false,
    });
    expect((await call('GET', serviceCheckPaths.monitorHistory(42))).json).toMatchObject({ from: NOW - DAY, available: false });
    expect(fake.requests).toHaveLength(0);
  });

  it.each(['/api/monitors/abc/history', '/api/monitors/1e3/history', '/api/monitors/42/history?from=-1', '/api/monitors/42/history?to=1'])(
    'refuses %s with 400 and asks nothing',
    async (p) => {
      const { call, fake } = embedded();
      expect((await call('GET', p)).status).toBe(400);
      expect(fake.requests).toHaveLength(0);
    },
  );

  it('maps a failing local Datadog to 502', async () => {
    const { call, fake } = embedded();
    fake.on('GET', transitionsOf(42), { status: 502, body: {} });
    expect(apiError(await call('GET', serviceCheckPaths.monitorHistory(42))).code).toBe('upstream_error');
  });
});
