import { ApiErrorBodySchema } from '../../contract/errors';
import { NOW, UUID_A } from '../testing/fixtures';
import type { FakeReply } from '../testing/fake-upstream';
import { apiError, CANARY, expectNoSecrets, secretForms, setup } from '../testing/test-app';

/** How Datadog failures reach the browser, on every route that calls Datadog. */
const ROUTES: [string, string, unknown?][] = [
  ['GET', '/api/monitors'],
  ['GET', '/api/monitors/42'],
  ['POST', '/api/monitors/42/mute', { scope: '*', end: NOW + 3_600_000, reason: 'deploy' }],
  ['POST', '/api/monitors/42/unmute', { all: true }],
  ['DELETE', `/api/downtimes/${UUID_A}`],
];

const echo = { errors: [`your key ${CANARY.apiKey} / ${CANARY.appKey}`, ...secretForms()] };

const CASES: [string, FakeReply, number, string][] = [
  ['404', { status: 404, body: { errors: ['Not found'] } }, 404, 'not_found'],
  ['429', { status: 429, headers: { 'X-RateLimit-Reset': '17' }, body: { errors: ['Rate limit'] } }, 429, 'rate_limited'],
  ['500 echoing the key', { status: 500, body: echo }, 502, 'upstream_error'],
  ['503', { status: 503, body: 'Service Unavailable' }, 502, 'upstream_error'],
  ['401', { status: 401, body: { errors: ['Unauthorized'] } }, 502, 'upstream_auth'],
  ['403', { status: 403, body: { errors: ['API key required'] } }, 502, 'upstream_auth'],
  ['400 echoing the key', { status: 400, body: echo }, 400, 'upstream_rejected'],
  ['409', { status: 409, body: { errors: [{ status: '409', title: 'Conflict', detail: 'Already exists' }] } }, 409, 'upstream_rejected'],
  ['422', { status: 422, body: { errors: ['Unprocessable'] } }, 422, 'upstream_rejected'],
];

describe.each(ROUTES)('%s %s', (method, path, body) => {
  it.each(CASES)('maps a Datadog %s', async (_name, reply, status, code) => {
    const { call, fake, logs } = setup();
    fake.on('GET', /.*/, reply).on('POST', /.*/, reply).on('DELETE', /.*/, reply);
    const answer = await call(method, path, body);
    expect(answer.status).toBe(status);
    ApiErrorBodySchema.parse(answer.json);
    const error = apiError(answer);
    expect(error.code).toBe(code);
    expect(error.requestId).toBe(answer.res.headers.get('x-request-id'));
    if (status === 429) {
      expect(answer.res.headers.get('retry-after')).toBe('17');
      expect(error.retryAfter).toBe(17);
    }
    if (status >= 500) expect(error.upstream).toBeUndefined();
    expectNoSecrets(answer);
    for (const form of secretForms()) expect(logs.join('\n')).not.toContain(form);
  });

  it('answers 504 for a stalled Datadog within the timeout + 0.5 s, aborting the request', async () => {
    const { call, fake } = setup({ timeoutMs: 200 });
    fake.on('GET', /.*/, { stall: true }).on('POST', /.*/, { stall: true }).on('DELETE', /.*/, { stall: true });
    const started = Date.now();
    const answer = await call(method, path, body);
    expect(Date.now() - started).toBeLessThan(200 + 500);
    expect(answer.status).toBe(504);
    expect(apiError(answer).code).toBe('upstream_timeout');
    expect(fake.aborted.length).toBeGreaterThan(0);
    expectNoSecrets(answer);
  });
});

describe('upstream rejection messages', () => {
  it('are passed on for 4xx, scrubbed of every key form', async () => {
    const { call, fake } = setup();
    fake.on('POST', '/api/v2/downtime', { status: 400, body: echo });
    const answer = await call('POST', '/api/monitors/42/mute', { scope: '*', end: NOW + 3_600_000, reason: 'deploy' });
    const error = apiError(answer);
    expect(error.upstream?.[0]).toBe('your key [redacted] / [redacted]');
    expect(error.upstream?.slice(1).every((m) => m === '[redacted]')).toBe(true);
  });

  it('are never passed on for 5xx: a generic message and the request id only', async () => {
    const { call, fake } = setup();
    fake.on('GET', /.*/, { status: 500, body: echo });
    const answer = await call('GET', '/api/monitors/42');
    expect(Object.keys(apiError(answer)).sort()).toEqual(['code', 'message', 'requestId']);
  });

  it('keeps answering 429 during the rate-limit cooldown without calling Datadog', async () => {
    const { call, fake } = setup();
    fake.on('GET', '/api/v1/monitor', { status: 429, headers: { 'X-RateLimit-Reset': '17' } });
    await call('GET', '/api/monitors');
    const again = await call('GET', '/api/monitors');
    expect(again.status).toBe(429);
    expect(again.res.headers.get('retry-after')).toBe('17');
    expect(fake.requests).toHaveLength(1);
  });
});
