import { describe, expect, it } from 'vitest';
import { createTempSandbox, disposedAfterEach, TEST_NOW_MS } from '../testing/temp-sandbox';
import { createRateLimiter, DEFAULT_RATE_LIMITS, RATE_LIMIT_EXCEEDED, rateLimitGroup } from './rate-limit';

const make = disposedAfterEach(createTempSandbox);

/** A sandbox with small limits so a test can reach them. */
function limited() {
  return make({
    rateLimits: { limits: { monitors_read: { limit: 3, periodS: 10 }, downtimes_write: { limit: 2, periodS: 60 } } },
  });
}

function rate(headers: Headers) {
  return {
    limit: headers.get('x-ratelimit-limit'),
    period: headers.get('x-ratelimit-period'),
    remaining: headers.get('x-ratelimit-remaining'),
    reset: headers.get('x-ratelimit-reset'),
    name: headers.get('x-ratelimit-name'),
  };
}

describe('rate limits', () => {
  it('puts the X-RateLimit-* headers on every answer, errors included', async () => {
    const t = limited();
    // TEST_NOW_MS is on a whole minute: the 10 s window has all 10 s left.
    const ok = await t.call('GET', '/api/v1/monitor?page=0&page_size=1');
    expect(ok.status).toBe(200);
    expect(rate(ok.headers)).toEqual({ limit: '3', period: '10', remaining: '2', reset: '10', name: 'monitors_read' });
    t.clock.advance(2500);
    const missing = await t.call('GET', '/api/v1/monitor/999999999');
    expect(missing.status).toBe(404);
    expect(rate(missing.headers)).toEqual({ limit: '3', period: '10', remaining: '1', reset: '8', name: 'monitors_read' });
    const bad = await t.call('GET', '/api/v1/monitor?group_states=nope');
    expect(bad.status).toBe(400);
    expect(rate(bad.headers).remaining).toBe('0');
    // Other groups carry their own headers.
    const incidents = await t.call('GET', '/api/v2/incidents');
    expect(rate(incidents.headers)).toMatchObject({ name: 'api_default', limit: String(DEFAULT_RATE_LIMITS.api_default.limit) });
  });

  it('answers 429 at limit + 1, with the headers, and lets requests through again after the period', async () => {
    const t = limited();
    for (let i = 0; i < 3; i++) expect((await t.call('GET', '/api/v1/monitor?page=0&page_size=1')).status).toBe(200);
    const refused = await t.call('GET', '/api/v1/monitor?page=0&page_size=1');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ errors: [RATE_LIMIT_EXCEEDED] });
    expect(refused.headers.get('content-type')).toContain('application/json');
    expect(rate(refused.headers)).toEqual({ limit: '3', period: '10', remaining: '0', reset: '10', name: 'monitors_read' });
    // Still refused late in the window; the reset counts down.
    t.clock.advance(9_001);
    const late = await t.call('GET', '/api/v1/monitor/1');
    expect(late.status).toBe(429);
    expect(late.headers.get('x-ratelimit-reset')).toBe('1');
    // The window is calendar aligned: it resets on the 10 s boundary, not 10 s after the first request.
    t.clock.advance(999);
    const again = await t.call('GET', '/api/v1/monitor?page=0&page_size=1');
    expect(again.status).toBe(200);
    expect(rate(again.headers)).toMatchObject({ remaining: '2', reset: '10' });
  });

  it('counts each group on its own', async () => {
    const t = limited();
    for (let i = 0; i < 3; i++) await t.call('GET', '/api/v1/monitor?page=0&page_size=1');
    expect((await t.call('GET', '/api/v1/monitor?page=0&page_size=1')).status).toBe(429);
    // Monitor reads are spent; downtime reads and writes are not.
    const list = await t.call('GET', '/api/v2/downtime');
    expect(list.status).toBe(200);
    expect(rate(list.headers).name).toBe('downtimes_read');
    const body = { data: { type: 'downtime', attributes: { scope: '*', monitor_identifier: { monitor_tags: ['*'] } } } };
    const created = await t.call('POST', '/api/v2/downtime', body);
    expect(created.status).toBe(200);
    expect(rate(created.headers)).toEqual({ limit: '2', period: '60', remaining: '1', reset: '60', name: 'downtimes_write' });
    await t.call('POST', '/api/v2/downtime', body);
    const third = await t.call('POST', '/api/v2/downtime', body);
    expect(third.status).toBe(429);
    // A refused write changed nothing.
    const after = await t.call('GET', '/api/v2/downtime');
    expect(after.body.data.length).toBe(list.body.data.length + 2);
  });

  it('leaves the key check, the sandbox-only reads and the local Atlas alone', async () => {
    const t = limited();
    const denied = await t.call('GET', '/api/v1/monitor', undefined, { 'DD-API-KEY': 'wrong' });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('x-ratelimit-limit')).toBeNull();
    const own = await t.call('GET', '/api/sandbox/notifications');
    expect(own.headers.get('x-ratelimit-limit')).toBeNull();
    // The refused key spent nothing.
    expect((await t.call('GET', '/api/v1/monitor?page=0&page_size=1')).headers.get('x-ratelimit-remaining')).toBe('2');
  });

  it('is off unless asked for', async () => {
    const t = make();
    const r = await t.call('GET', '/api/v1/monitor?page=0&page_size=1');
    expect(r.headers.get('x-ratelimit-limit')).toBeNull();
  });
});

describe('createRateLimiter', () => {
  it('scales every limit, rounding up, and keeps orgs apart', () => {
    const l = createRateLimiter({ scale: 0.001 });
    const first = l.take(1, 'downtimes_write', TEST_NOW_MS);
    expect(first.headers['X-RateLimit-Limit']).toBe('1');
    expect(l.take(1, 'downtimes_write', TEST_NOW_MS).allowed).toBe(false);
    expect(l.take(2, 'downtimes_write', TEST_NOW_MS).allowed).toBe(true);
    expect(() => createRateLimiter({ scale: 0 })).toThrow(/positive/);
  });

  it.each([
    ['GET', '/api/v1/monitor', 'monitors_read'],
    ['GET', '/api/v1/monitor/groups/search', 'monitors_read'],
    ['PUT', '/api/v1/monitor/12', 'monitors_write'],
    ['POST', '/api/v1/monitor/12/mute', 'monitors_write'],
    ['GET', '/api/v2/monitor/12/downtime_matches', 'downtimes_read'],
    ['DELETE', '/api/v2/downtime/abc', 'downtimes_write'],
    ['POST', '/api/v1/check_run', 'check_run'],
    ['GET', '/api/v2/teams', 'api_default'],
    ['GET', '/api/atlas/v1.0/groups', null],
    ['GET', '/api/sandbox/notifications', null],
  ])('%s %s counts against %s', (method, path, group) => {
    expect(rateLimitGroup(method, path)).toBe(group);
  });
});
