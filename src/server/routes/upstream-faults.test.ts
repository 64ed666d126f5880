import { MonitorDetailSchema, MonitorListResponseSchema } from '../../contract/monitors';
import { backoffMs } from '../upstreams/datadog/http';
import { NOW, rawDowntime, rawMonitor, UUID_A } from '../testing/fixtures';
import { apiError, CANARY, expectNoSecrets, setup } from '../testing/test-app';

/** SECURITY 22, 23, 27-31 and garbage from upstream, through the routes. */
const mute = { end: NOW + 3_600_000, reason: 'deploy' };

describe('upstream 429 (SECURITY 27)', () => {
  it('reaches the browser as 429 with Retry-After after exactly one call, then cools down without calling', async () => {
    let now = NOW;
    const { call, fake } = setup({ retries: 2, now: () => now });
    fake.on('GET', '/api/v1/monitor', { status: 429, headers: { 'X-RateLimit-Reset': '17' }, body: { errors: ['Too many'] } });
    const first = await call('GET', '/api/monitors');
    expect([first.status, first.res.headers.get('retry-after'), apiError(first).retryAfter]).toEqual([429, '17', 17]);
    expect(fake.requests).toHaveLength(1);
    now += 5000;
    const second = await call('GET', '/api/monitors');
    expect([second.status, second.res.headers.get('retry-after')]).toEqual([429, '12']);
    expect(fake.requests).toHaveLength(1);
    now += 12_000;
    fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1)] });
    expect((await call('GET', '/api/monitors')).status).toBe(200);
    expect(fake.requests).toHaveLength(2);
  });

  it('cools a mutation bucket down the same way, and other buckets stay open', async () => {
    const { call, fake } = setup({ retries: 2 });
    fake.on('POST', '/api/v2/downtime', { status: 429, headers: { 'X-RateLimit-Reset': '30' } });
    fake.on('DELETE', `/api/v2/downtime/${UUID_A}`, { status: 204 });
    expect((await call('POST', '/api/monitors/1/mute', mute)).status).toBe(429);
    expect((await call('POST', '/api/monitors/2/mute', mute)).status).toBe(429);
    expect(fake.calls('POST')).toHaveLength(1);
    expect((await call('DELETE', `/api/downtimes/${UUID_A}`)).status).toBe(204);
  });
});

describe('retries (SECURITY 28)', () => {
  it('retries a GET at most twice on 5xx, a mutation never', async () => {
    const { call, fake } = setup({ retries: 2 });
    fake.on('GET', /.*/, { status: 503, body: {} });
    fake.on('POST', '/api/v2/downtime', { status: 503, body: {} });
    fake.on('DELETE', `/api/v2/downtime/${UUID_A}`, { status: 502, body: {} });
    expect((await call('GET', '/api/monitors')).status).toBe(502);
    expect(fake.calls('GET', '/api/v1/monitor')).toHaveLength(3);
    expect((await call('POST', '/api/monitors/1/mute', mute)).status).toBe(502);
    expect((await call('DELETE', `/api/downtimes/${UUID_A}`)).status).toBe(502);
    expect(fake.calls('POST')).toHaveLength(1);
    expect(fake.calls('DELETE')).toHaveLength(1);
  });

  it('jitters the backoff: base x 2^n x [0.5, 1.5)', () => {
    expect([backoffMs(100, 0, 0), backoffMs(100, 0, 0.999), backoffMs(100, 1, 0.5)]).toEqual([50, 149.9, 200]);
  });

  it('never retries past the deadline', async () => {
    const { call, fake } = setup({ retries: 2, timeoutMs: 300, retryBaseMs: 200 });
    fake.on('GET', /.*/, { status: 503, body: {}, delayMs: 120 });
    const started = Date.now();
    const answer = await call('GET', '/api/monitors/1');
    expect(Date.now() - started).toBeLessThan(300 + 500);
    // 502 when the next retry would not fit, 504 when the deadline cut an attempt short (a busy machine).
    expect([502, 504]).toContain(answer.status);
    // 120 ms + a backoff of 100-300 ms + 120 ms more would pass 300 ms twice over: at most one retry fits.
    expect(fake.calls('GET', '/api/v1/monitor/1').length).toBeLessThanOrEqual(2);
  });
});

describe('coalescing and the role in the cache key (SECURITY 29)', () => {
  it('turns 50 concurrent identical GETs into 1 upstream request', async () => {
    const { call, fake } = setup();
    fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1)], delayMs: 30 });
    const answers = await Promise.all(Array.from({ length: 50 }, () => call('GET', '/api/monitors')));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(fake.calls('GET', '/api/v1/monitor')).toHaveLength(1);
  });

  it('keeps roles apart: one load per role, never one role’s copy for another', async () => {
    const { callAs, fake } = setup();
    fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1)], delayMs: 30 });
    const roles = ['viewer', 'responder', 'admin'] as const;
    await Promise.all(Array.from({ length: 48 }, (_, i) => callAs(roles[i % 3] as (typeof roles)[number], 'GET', '/api/monitors')));
    expect(fake.calls('GET', '/api/v1/monitor')).toHaveLength(3);
    await callAs('viewer', 'GET', '/api/monitors');
    expect(fake.calls('GET', '/api/v1/monitor')).toHaveLength(3);
  });
});

describe('upstream down (SECURITY 31)', () => {
  it('serves reads from the last good copy, marked stale with its time', async () => {
    let now = NOW;
    const { call, fake } = setup({ now: () => now });
    fake.enqueue({ body: rawMonitor(7) }, { body: { data: [] } });
    const fresh = MonitorDetailSchema.parse((await call('GET', '/api/monitors/7')).json);
    expect(fresh.stale).toBe(false);
    now += 60_000;
    fake.on('GET', /.*/, { status: 503, body: 'down' });
    const stale = await call('GET', '/api/monitors/7');
    expect(stale.status).toBe(200);
    expect(MonitorDetailSchema.parse(stale.json)).toMatchObject({ id: 7, stale: true, fetchedAt: NOW });
  });

  it('fails mutations closed with a clear message, and nothing is served from a cache', async () => {
    const { call, fake } = setup();
    fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1)] });
    await call('GET', '/api/monitors');
    fake.reset();
    fake.on('DELETE', /.*/, { status: 503, body: {} });
    const down = setup({ timeoutMs: 100 });
    down.fake.on('POST', /.*/, { stall: true });
    const timedOut = await down.call('POST', '/api/monitors/1/mute', mute);
    expect([timedOut.status, apiError(timedOut).code]).toEqual([504, 'upstream_timeout']);
    expect(apiError(timedOut).message).toMatch(/not confirmed/);
    const failed = await call('DELETE', `/api/downtimes/${UUID_A}`);
    expect([failed.status, apiError(failed).code]).toEqual([502, 'upstream_error']);
    expect(apiError(failed).message).toMatch(/Datadog failed \(status 503\)\. The change was not confirmed/);
    expect(MonitorListResponseSchema.safeParse(failed.json).success).toBe(false);
    const unreachable = setup();
    unreachable.fake.on('DELETE', /.*/, () => {
      throw new Error('connect ECONNREFUSED');
    });
    const network = await unreachable.call('DELETE', `/api/downtimes/${UUID_A}`);
    expect([network.status, apiError(network).code]).toEqual([502, 'upstream_error']);
    expect(apiError(network).message).toMatch(/could not be reached\. The change was not confirmed/);
    expect(network.text).not.toContain('ECONNREFUSED');
  });
});

describe('garbage from upstream', () => {
  it.each([
    ['non-JSON', { body: '<html>502 Bad Gateway</html>' }],
    ['truncated JSON', { body: '[{"id": 1, "name": "Mon' }],
    ['the wrong shape', { body: { monitors: 'nope' } }],
    ['a body cut off mid-stream', { body: [rawMonitor(1), rawMonitor(2)], truncate: true }],
  ])('answers %s with 502 upstream_error and a request id, never a crash or a stack', async (_name, reply) => {
    const { call, fake, logs } = setup();
    fake.on('GET', /.*/, reply);
    const answer = await call('GET', '/api/monitors');
    expect(answer.status).toBe(502);
    expect(apiError(answer)).toEqual({ code: 'upstream_error', message: expect.any(String), requestId: answer.res.headers.get('x-request-id') });
    expect(answer.text).not.toMatch(/ at |Error:|stack/);
    expect(logs.some((l) => l.includes('"level":"error"'))).toBe(false);
    expectNoSecrets(answer);
  });

  it('answers a mutation whose reply is unreadable with 502 too', async () => {
    const { call, fake } = setup();
    fake.on('POST', '/api/v2/downtime', { body: { data: rawDowntime(UUID_A), extra: 1 }, truncate: true });
    const answer = await call('POST', '/api/monitors/1/mute', mute);
    expect([answer.status, apiError(answer).code]).toEqual([502, 'upstream_error']);
  });
});

describe('headers in both directions (SECURITY 22, 23)', () => {
  const browser = {
    Authorization: 'Bearer user-token',
    'X-Forwarded-User': 'mallory',
    'X-Forwarded-For': '10.0.0.1',
    'X-Forwarded-Host': 'evil.example',
    Origin: 'http://localhost',
    Referer: 'http://localhost/monitors',
    'User-Agent': 'browser',
    'Accept-Language': 'en',
    'DD-API-KEY': 'client-supplied-key',
  };

  it.each([
    ['GET', '/api/monitors', undefined, ['accept', 'dd-api-key', 'dd-application-key']],
    ['POST', '/api/monitors/1/mute', mute, ['accept', 'content-type', 'dd-api-key', 'dd-application-key']],
    ['DELETE', `/api/downtimes/${UUID_A}`, undefined, ['accept', 'dd-api-key', 'dd-application-key']],
  ] as const)('%s %s sends the upstream only its own headers', async (method, path, body, expected) => {
    const { call, fake, cookies } = setup();
    fake.on('GET', /.*/, { body: [rawMonitor(1)] }).on('POST', /.*/, { body: { data: rawDowntime(UUID_A) } }).on('DELETE', /.*/, { status: 204 });
    const answer = await call(method, `http://localhost${path}`, body, { ...browser, Cookie: `${cookies.responder}; other=1` });
    expect(answer.status).toBeLessThan(300);
    for (const req of fake.requests) {
      expect(Object.keys(req.headers).sort()).toEqual(expected);
      expect(req.headers['dd-api-key']).toBe(CANARY.apiKey);
    }
  });

  it('never passes upstream Set-Cookie, Server or rate-limit headers to the browser, on success or failure', async () => {
    const { call, fake } = setup();
    const leaky = { 'Set-Cookie': 'dd=1', Server: 'datadog', 'X-RateLimit-Remaining': '5', 'Access-Control-Allow-Origin': '*' };
    fake.on('POST', /.*/, { status: 400, body: { errors: ['bad'] }, headers: leaky });
    fake.on('GET', /.*/, { body: rawMonitor(1), headers: leaky });
    for (const answer of [await call('POST', '/api/monitors/1/mute', mute), await call('GET', '/api/monitors/1')]) {
      for (const name of ['set-cookie', 'server', 'x-ratelimit-remaining', 'access-control-allow-origin']) {
        expect(answer.res.headers.get(name)).toBeNull();
      }
    }
  });
});
