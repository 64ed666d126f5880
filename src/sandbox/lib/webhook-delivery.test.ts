import { afterEach, describe, expect, it } from 'vitest';
import { deliverWebhook, type WebhookDeliveryOptions } from './webhook-delivery';
import { closedPort, startTestReceiver, type TestReceiver } from './webhook-test-receiver';

const receivers: TestReceiver[] = [];
async function receiver(...args: Parameters<typeof startTestReceiver>): Promise<TestReceiver> {
  const r = await startTestReceiver(...args);
  receivers.push(r);
  return r;
}
afterEach(async () => {
  while (receivers.length) await receivers.pop()!.close();
});

/** Fast, recorded backoff. */
function quick(over: Partial<WebhookDeliveryOptions> = {}) {
  const sleeps: number[] = [];
  const opts: Partial<WebhookDeliveryOptions> = { sleep: async (ms) => void sleeps.push(ms), timeoutMs: 2000, ...over };
  return { opts, sleeps };
}

const request = (url: string) => ({
  url,
  headers: { 'content-type': 'application/json', 'X-Custom': 'yes' },
  body: '{"hello": "world"}',
});

describe('deliverWebhook', () => {
  it('sends exactly one POST with the body and headers; 2xx is ok; the answer is cut at 2000 characters', async () => {
    const r = await receiver(() => ({ status: 202, body: 'x'.repeat(5000) }));
    const { opts, sleeps } = quick();
    const result = await deliverWebhook(request(`${r.url}/hook?a=1`), opts);
    expect(r.requests).toHaveLength(1);
    expect(r.requests[0]).toMatchObject({ method: 'POST', url: '/hook?a=1', body: '{"hello": "world"}' });
    expect(r.requests[0]!.headers['content-type']).toBe('application/json');
    expect(r.requests[0]!.headers['x-custom']).toBe('yes');
    expect(result).toMatchObject({ ok: true, status: 202, attempts: 1 });
    expect(result.body).toBe('x'.repeat(2000));
    expect(result.duration_ms).toBeGreaterThanOrEqual(0);
    expect(sleeps).toEqual([]);
  });

  it('retries a 5xx twice with backoff, then reports the last answer', async () => {
    const r = await receiver((_req, n) => ({ status: 500, body: `boom ${n}` }));
    const { opts, sleeps } = quick({ backoffMs: (n) => n * 10 });
    const result = await deliverWebhook(request(r.url), opts);
    expect(r.requests).toHaveLength(3);
    expect(result).toEqual({ ok: false, status: 500, body: 'boom 3', duration_ms: expect.any(Number), attempts: 3 });
    expect(sleeps).toEqual([10, 20]);
  });

  it('stops retrying once the receiver recovers', async () => {
    const r = await receiver((_req, n) => (n === 1 ? { status: 503 } : { status: 200, body: 'ok' }));
    const result = await deliverWebhook(request(r.url), quick().opts);
    expect(result).toMatchObject({ ok: true, status: 200, body: 'ok', attempts: 2 });
    expect(r.requests).toHaveLength(2);
  });

  it('does not retry a 4xx', async () => {
    const r = await receiver(() => ({ status: 404, body: 'no such hook' }));
    const result = await deliverWebhook(request(r.url), quick().opts);
    expect(result).toMatchObject({ ok: false, status: 404, body: 'no such hook', attempts: 1 });
    expect(r.requests).toHaveLength(1);
  });

  it('an unreachable receiver: status null, the network error as body, after the retries', async () => {
    const port = await closedPort();
    const { opts, sleeps } = quick();
    const result = await deliverWebhook(request(`http://127.0.0.1:${port}/hook`), opts);
    expect(result.status).toBeNull();
    expect(result.ok).toBe(false);
    expect(result.attempts).toBe(3);
    expect(result.body).toContain('ECONNREFUSED');
    expect(sleeps).toHaveLength(2);
  });

  it('a receiver that never answers times out (per attempt)', async () => {
    const r = await receiver(() => 'hang');
    const result = await deliverWebhook(request(r.url), quick({ timeoutMs: 150, retries: 1 }).opts);
    expect(result).toMatchObject({ ok: false, status: null, body: 'Timed out after 150 ms', attempts: 2 });
    expect(r.requests).toHaveLength(2);
  });

  it('an overall deadline bounds a stalled receiver: each attempt gets at most the time left, no retry without enough of it', async () => {
    const r = await receiver(() => 'hang');
    // The real sleep: the backoff counts against the deadline.
    const started = Date.now();
    const result = await deliverWebhook(request(r.url), { timeoutMs: 300, deadlineMs: 500, minAttemptMs: 100, backoffMs: () => 50 });
    const elapsed = Date.now() - started;
    // Without the deadline: 3 x 300 ms plus backoff. With it: 300 ms, then the ~150 ms left after the backoff.
    expect(result).toMatchObject({ ok: false, status: null, attempts: 2 });
    const second = Number(/^Timed out after (\d+) ms$/.exec(result.body)?.[1]);
    expect(second).toBeGreaterThan(0);
    expect(second).toBeLessThanOrEqual(150);
    expect(r.requests).toHaveLength(2);
    expect(elapsed).toBeLessThan(800);
  });

  it('a deadline shorter than one attempt cuts the first attempt, and nothing is retried', async () => {
    const r = await receiver(() => 'hang');
    const { opts, sleeps } = quick({ timeoutMs: 5000, deadlineMs: 200, minAttemptMs: 100 });
    const result = await deliverWebhook(request(r.url), opts);
    expect(result).toMatchObject({ ok: false, status: null, body: 'Timed out after 200 ms', attempts: 1 });
    expect(result.duration_ms).toBeLessThan(1000);
    expect(sleeps).toEqual([]);
  });

  it('a deadline with room to spare changes nothing: a failing receiver still gets every retry', async () => {
    const r = await receiver(() => ({ status: 502 }));
    const { opts, sleeps } = quick({ deadlineMs: 60_000, backoffMs: (n) => n });
    expect(await deliverWebhook(request(r.url), opts)).toMatchObject({ ok: false, status: 502, attempts: 3 });
    expect(sleeps).toEqual([1, 2]);
  });

  it('uses the injected fetch and clock; a request the fetch refuses outright is not retried', async () => {
    let calls = 0;
    const fetchFn = (async () => {
      calls += 1;
      throw new TypeError('Invalid header value');
    }) as typeof fetch;
    let now = 1000;
    const result = await deliverWebhook(request('http://unused.invalid/'), {
      ...quick().opts,
      fetch: fetchFn,
      now: () => (now += 7),
    });
    expect(calls).toBe(1);
    expect(result).toEqual({ ok: false, status: null, body: 'Invalid header value', duration_ms: 7, attempts: 1 });
  });
});
