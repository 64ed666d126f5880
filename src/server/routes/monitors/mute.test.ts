import { DowntimeSchema, UnmuteResponseSchema } from '../../../contract/monitors';
import { NOW, rawDowntime, rawMonitor, rawUser, UUID_A, UUID_B, UUID_C } from '../../testing/fixtures';
import { apiError, CANARY, setup, TEST_USERS } from '../../testing/test-app';

const HOUR = 3_600_000;

describe('POST /api/monitors/:id/mute', () => {
  function created(fake: ReturnType<typeof setup>['fake']) {
    fake.on('POST', '/api/v2/downtime', (req) => {
      const attrs = (req.body as { data: { attributes: Record<string, unknown> } }).data.attributes;
      return {
        body: {
          data: rawDowntime(UUID_A, {
            ...attrs,
            schedule: { start: new Date(NOW).toISOString(), end: (attrs.schedule as { end: string | null }).end },
          }),
          included: [rawUser('user-1', 'Grace')],
        },
      };
    });
  }

  it('creates a downtime for the monitor and scope, and answers it', async () => {
    const { call, fake } = setup();
    created(fake);
    const answer = await call('POST', '/api/monitors/42/mute', { scope: 'host:web-1', end: NOW + HOUR, reason: 'deploy' });
    expect(answer.status).toBe(200);
    expect(DowntimeSchema.parse(answer.json)).toMatchObject({
      id: UUID_A,
      scope: 'host:web-1',
      monitorId: 42,
      endAt: NOW + HOUR,
      message: `by ${TEST_USERS.responder} via watchdeck: deploy`,
      creator: { name: 'Grace' },
    });
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0];
    expect([req?.method, req?.path, req?.query]).toEqual(['POST', '/api/v2/downtime', {}]);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.headers['dd-api-key']).toBe(CANARY.apiKey);
    expect(req?.body).toEqual({
      data: {
        type: 'downtime',
        attributes: {
          monitor_identifier: { monitor_id: 42 },
          scope: 'host:web-1',
          schedule: { end: new Date(NOW + HOUR).toISOString() },
          message: `by ${TEST_USERS.responder} via watchdeck: deploy`,
          display_timezone: 'UTC',
        },
      },
    });
  });

  it('mutes the whole monitor by default, indefinitely with a reason (an admin)', async () => {
    const { call, fake } = setup({ as: 'admin' });
    created(fake);
    const answer = await call('POST', '/api/monitors/42/mute', { end: null, reason: 'decommissioning' });
    expect(answer.status).toBe(200);
    const attrs = (fake.requests[0]?.body as { data: { attributes: Record<string, unknown> } }).data.attributes;
    expect(attrs).toMatchObject({ scope: '*', schedule: { end: null }, message: `by ${TEST_USERS.admin} via watchdeck: decommissioning` });
  });

  it('requires a reason for every mute, and trims it', async () => {
    const { call, fake } = setup();
    created(fake);
    for (const body of [{ scope: '*', end: NOW + HOUR }, { scope: '*', end: NOW + HOUR, reason: '   ' }]) {
      const answer = await call('POST', '/api/monitors/42/mute', body);
      expect([answer.status, Object.keys(apiError(answer).fields ?? {})]).toEqual([400, ['reason']]);
    }
    expect(fake.requests).toHaveLength(0);
    await call('POST', '/api/monitors/42/mute', { scope: '*', end: NOW + HOUR, reason: '  patching  ' });
    expect((fake.requests[0]?.body as { data: { attributes: { message: string } } }).data.attributes.message).toBe(
      `by ${TEST_USERS.responder} via watchdeck: patching`,
    );
  });

  it('lets a responder mute for up to WATCHDECK_MAX_MUTE_HOURS, and no longer or indefinitely', async () => {
    const { call, callAs, fake } = setup({ config: { maxMuteHours: 24 } });
    created(fake);
    expect((await call('POST', '/api/monitors/42/mute', { end: NOW + 24 * HOUR, reason: 'long job' })).status).toBe(200);
    for (const end of [NOW + 24 * HOUR + 1, null]) {
      const answer = await call('POST', '/api/monitors/42/mute', { end, reason: 'long job' });
      expect(answer.status).toBe(403);
      expect(apiError(answer).code).toBe('forbidden');
      expect(apiError(answer).message).toMatch(/an admin/);
    }
    expect(fake.requests).toHaveLength(1);
    expect((await callAs('admin', 'POST', '/api/monitors/42/mute', { end: NOW + 1000 * HOUR, reason: 'long job' })).status).toBe(200);
    expect(fake.requests).toHaveLength(2);
  });

  it('names the signed-in user upstream, whatever author the client claims', async () => {
    const { call, fake } = setup();
    created(fake);
    const forged = await call('POST', '/api/monitors/42/mute', { end: NOW + HOUR, reason: 'x', created_by: 'mallory', author: 'mallory' });
    expect([forged.status, Object.keys(apiError(forged).fields ?? {}).sort()]).toEqual([400, ['author', 'created_by']]);
    const answer = await call('POST', '/api/monitors/42/mute', { end: NOW + HOUR, reason: 'by mallory via watchdeck' }, {
      'X-Forwarded-User': 'mallory',
      'X-Forwarded-Email': 'mallory@example.com',
    });
    expect(answer.status).toBe(200);
    expect(fake.requests).toHaveLength(1);
    const message = (fake.requests[0]?.body as { data: { attributes: { message: string } } }).data.attributes.message;
    expect(message).toBe(`by ${TEST_USERS.responder} via watchdeck: by mallory via watchdeck`);
    expect(message.startsWith(`by ${TEST_USERS.responder} via watchdeck: `)).toBe(true);
  });

  it('binds every downtime to the one monitor in the path: no route makes one without a monitor id (SECURITY 15)', async () => {
    const { call, callAs, fake } = setup({ as: 'admin' });
    created(fake);
    const body = { scope: '*', end: NOW + HOUR, reason: 'r' };
    const attempts = [
      await call('POST', '/api/monitors//mute', body),
      await call('POST', '/api/monitors/%20/mute', body),
      await call('POST', '/api/monitors/*/mute', body),
      await call('POST', '/api/monitors/0/mute', body),
      await call('POST', '/api/downtimes', body),
      await call('POST', '/api/v2/downtime', { data: { attributes: { scope: '*' } } }),
      await call('POST', '/api/monitors/42/mute', { ...body, monitor_identifier: { monitor_tags: ['*'] } }),
      await call('POST', '/api/monitors/42/mute', { ...body, monitor_tags: ['env:prod'] }),
    ];
    expect(attempts.map((a) => a.status)).toEqual([404, 400, 400, 400, 404, 404, 400, 400]);
    expect(fake.requests).toHaveLength(0);
    // A whole-monitor scope is still one monitor: responders may use it.
    expect((await callAs('responder', 'POST', '/api/monitors/42/mute', { ...body, scope: '-host:web-1' })).status).toBe(200);
    expect((await callAs('responder', 'POST', '/api/monitors/42/mute', body)).status).toBe(200);
    for (const req of fake.requests) {
      expect((req.body as { data: { attributes: { monitor_identifier: unknown } } }).data.attributes.monitor_identifier).toEqual({ monitor_id: 42 });
    }
  });

  it('makes the next monitor list ask Datadog again', async () => {
    const { call, fake } = setup();
    created(fake);
    fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(42)] });
    await call('GET', '/api/monitors');
    await call('POST', '/api/monitors/42/mute', { scope: '*', end: NOW + HOUR, reason: 'deploy' });
    await call('GET', '/api/monitors');
    expect(fake.calls('GET', '/api/v1/monitor')).toHaveLength(2);
  });

  it.each([
    ['an indefinite mute without a reason', { scope: '*', end: null }, ['reason']],
    ['an end in the past', { scope: '*', end: NOW - 1, reason: 'r' }, ['end']],
    ['an end of now', { scope: '*', end: NOW, reason: 'r' }, ['end']],
    ['a bad scope', { scope: 'web-1', end: NOW + HOUR, reason: 'r' }, ['scope']],
    ['a top-level OR', { scope: 'host:a OR host:b', end: NOW + HOUR, reason: 'r' }, ['scope']],
    ['an unknown field', { scope: '*', end: NOW + HOUR, reason: 'r', monitor_id: 1 }, ['monitor_id']],
    ['monitor tags instead of the path id', { scope: '*', end: NOW + HOUR, reason: 'r', monitor_tags: ['team:web'] }, ['monitor_tags']],
    ['a __proto__ key', '{"scope":"*","end":null,"reason":"x","__proto__":{"admin":true}}', ['__proto__']],
    ['a constructor key', '{"scope":"*","end":null,"reason":"x","constructor":{"prototype":{"admin":true}}}', ['constructor']],
    ['a missing end', { scope: '*', reason: 'r' }, ['end']],
    ['an end that is not a number', { scope: '*', end: '2026-01-01', reason: 'r' }, ['end']],
    ['an empty scope', { scope: '  ', end: NOW + HOUR, reason: 'r' }, ['scope']],
    ['a reason too long', { scope: '*', end: NOW + HOUR, reason: 'x'.repeat(1001) }, ['reason']],
    ['not an object', '[1,2]', ['body']],
    ['broken JSON', '{"scope":', ['body']],
  ])('rejects %s with 400 and no upstream call', async (_name, body, fields) => {
    const { call, fake } = setup();
    const answer = await call('POST', '/api/monitors/42/mute', body);
    expect(answer.status).toBe(400);
    const error = apiError(answer);
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.fields ?? {})).toEqual(fields);
    expect(fake.requests).toHaveLength(0);
  });

  it("passes on the scope parser's message", async () => {
    const { call } = setup();
    const answer = await call('POST', '/api/monitors/42/mute', { scope: 'web-1', end: NOW + HOUR, reason: 'r' });
    expect(apiError(answer).fields).toEqual({ scope: ['All values must have a key'] });
  });

  it('rejects a bad id, a non-JSON body and a body over 64 KB, with no upstream call', async () => {
    const { app, call, fake, cookies } = setup();
    expect((await call('POST', '/api/monitors/abc/mute', { scope: '*', end: NOW + HOUR, reason: 'r' })).status).toBe(400);
    const text = await call('POST', '/api/monitors/1/mute', 'scope=*', { 'Content-Type': 'text/plain' });
    expect([text.status, apiError(text).code]).toEqual([415, 'unsupported_media_type']);
    const big = await call('POST', '/api/monitors/1/mute', { scope: '*', end: NOW + HOUR, reason: 'x'.repeat(70_000) });
    expect([big.status, apiError(big).code]).toEqual([413, 'payload_too_large']);
    // Streamed without a Content-Length: refused once it passes the limit.
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await app.request('/api/monitors/1/mute', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF': '1', Cookie: cookies.responder },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(fake.requests).toHaveLength(0);
  });

  it("passes Datadog's rejection on with its messages", async () => {
    const { call, fake } = setup();
    fake.on('POST', '/api/v2/downtime', { status: 400, body: { errors: ['All values must have a key'] } });
    const answer = await call('POST', '/api/monitors/42/mute', { scope: '*', end: NOW + HOUR, reason: 'r' });
    expect(answer.status).toBe(400);
    expect(apiError(answer)).toMatchObject({ code: 'upstream_rejected', upstream: ['All values must have a key'] });
  });
});

describe('POST /api/monitors/:id/unmute', () => {
  const match = (id: string, scope: string) => ({ type: 'downtime_match', id, attributes: { scope, groups: ['*'], start: null, end: null } });

  function upstream(fake: ReturnType<typeof setup>['fake']) {
    fake.on('GET', '/api/v2/monitor/42/downtime_matches', {
      body: {
        data: [match(UUID_A, 'host:web-1'), match(UUID_B, 'HOST:web-1'), match(UUID_C, 'env:prod')],
        meta: { page: { total_filtered_count: 3 } },
      },
    });
    fake.on('GET', `/api/v2/downtime/${UUID_A}`, {
      body: { data: rawDowntime(UUID_A, { scope: 'host:web-1', monitor_identifier: { monitor_id: 42 } }) },
    });
    fake.on('GET', `/api/v2/downtime/${UUID_B}`, {
      body: { data: rawDowntime(UUID_B, { scope: 'HOST:web-1', monitor_identifier: { monitor_tags: ['team:web'] } }) },
    });
    fake.on('GET', `/api/v2/downtime/${UUID_C}`, {
      body: { data: rawDowntime(UUID_C, { scope: 'env:prod', monitor_identifier: { monitor_id: 42 } }) },
    });
    fake.on('DELETE', /^\/api\/v2\/downtime\//, { status: 204 });
  }

  it("cancels the monitor's own downtimes for the scope and skips tag-wide ones", async () => {
    const { call, fake } = setup();
    upstream(fake);
    const answer = await call('POST', '/api/monitors/42/unmute', { scope: 'host:web-1' });
    expect(answer.status).toBe(200);
    const body = UnmuteResponseSchema.parse(answer.json);
    expect(body.canceled).toEqual([UUID_A]);
    expect(body.skipped).toEqual([{ id: UUID_B, scope: 'HOST:web-1', reason: expect.stringContaining('team:web') }]);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v2/monitor/42/downtime_matches',
      `GET /api/v2/downtime/${UUID_A}`,
      `DELETE /api/v2/downtime/${UUID_A}`,
      `GET /api/v2/downtime/${UUID_B}`,
    ]);
    expect(fake.calls('GET', '/api/v2/monitor/42/downtime_matches')[0]?.query).toEqual({
      'page[limit]': '100',
      'page[offset]': '0',
    });
    expect(fake.calls('DELETE')).toHaveLength(1);
    expect(fake.calls('DELETE')[0]?.body).toBeUndefined();
  });

  it('cancels every own downtime with all: true', async () => {
    const { call, fake } = setup();
    upstream(fake);
    const body = UnmuteResponseSchema.parse((await call('POST', '/api/monitors/42/unmute', { all: true })).json);
    expect(body.canceled.sort()).toEqual([UUID_A, UUID_C].sort());
    expect(body.skipped.map((s) => s.id)).toEqual([UUID_B]);
    expect(fake.calls('DELETE').map((r) => r.path).sort()).toEqual([`/api/v2/downtime/${UUID_A}`, `/api/v2/downtime/${UUID_C}`].sort());
  });

  it('answers empty lists when nothing matches', async () => {
    const { call, fake } = setup();
    upstream(fake);
    const answer = await call('POST', '/api/monitors/42/unmute', { scope: 'host:nothing' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ canceled: [], skipped: [] });
    expect(fake.calls('DELETE')).toHaveLength(0);
    expect(fake.calls('GET')).toHaveLength(1);
  });

  it.each([
    ['neither scope nor all', {}],
    ['both scope and all', { scope: '*', all: true }],
    ['an unknown field', { scope: '*', force: true }],
    ['all: false', { all: false }],
  ])('rejects %s with 400 and no upstream call', async (_name, body) => {
    const { call, fake } = setup();
    const answer = await call('POST', '/api/monitors/42/unmute', body);
    expect(answer.status).toBe(400);
    expect(apiError(answer).code).toBe('validation_failed');
    expect(fake.requests).toHaveLength(0);
  });

  it("answers 404 when Datadog doesn't know the monitor", async () => {
    const { call, fake } = setup();
    fake.on('GET', '/api/v2/monitor/7/downtime_matches', { status: 404, body: { errors: ['Monitor with id 7 not found'] } });
    const answer = await call('POST', '/api/monitors/7/unmute', { all: true });
    expect(answer.status).toBe(404);
    expect(apiError(answer).code).toBe('not_found');
  });
});
