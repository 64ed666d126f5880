import { FakeUpstream } from '../../testing/fake-upstream';
import { rawDowntime, UUID_A } from '../../testing/fixtures';
import { CANARY } from '../../testing/test-app';
import { failure } from '../../testing/upstream-failure';
import { createDatadogClient } from './client';
import { rateLimitWindow } from './http';

/** A client on a fake clock: sleeping advances it, and every wait is recorded. */
function setup(maxPaceMs = 30_000) {
  let now = 1_000_000;
  const waits: number[] = [];
  const fake = new FakeUpstream();
  const client = createDatadogClient({
    baseUrl: 'https://api.datadoghq.test/',
    ...CANARY,
    fetch: fake.fetch,
    timeoutMs: 1000,
    retries: 0,
    now: () => now,
    maxPaceMs,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  });
  return { fake, client, waits, advance: (ms: number) => (now += ms) };
}

const mute = {
  data: {
    type: 'downtime' as const,
    attributes: { monitor_identifier: { monitor_id: 7 }, scope: '*', schedule: { end: null }, message: 'm', display_timezone: 'UTC' },
  },
};

const limited = (remaining: number, reset: number) => ({
  body: { data: rawDowntime(UUID_A) },
  headers: { 'X-RateLimit-Limit': '5', 'X-RateLimit-Period': '10', 'X-RateLimit-Remaining': String(remaining), 'X-RateLimit-Reset': String(reset) },
});

describe('pacing mutations by X-RateLimit-*', () => {
  it('waits for the window to reset when none remain, instead of earning a 429', async () => {
    const { fake, client, waits } = setup();
    fake.enqueue(limited(1, 10), limited(0, 10), limited(4, 10));
    await client.createDowntime(mute);
    await client.createDowntime(mute);
    expect(waits).toEqual([]);
    await client.createDowntime(mute); // none left: waits the 10 s until the reset
    expect(waits).toEqual([10_000]);
    expect(fake.calls('POST', '/api/v2/downtime')).toHaveLength(3);
  });

  it('counts its own requests in flight, so concurrent mutations do not all spend the last slot', async () => {
    const { fake, client, waits } = setup();
    fake.enqueue(limited(2, 5));
    await client.createDowntime(mute);
    fake.on('POST', '/api/v2/downtime', limited(9, 5));
    await Promise.all([client.createDowntime(mute), client.createDowntime(mute), client.createDowntime(mute)]);
    // Two went at once, the third waited for the reset.
    expect(waits).toEqual([5_000]);
    expect(fake.calls('POST', '/api/v2/downtime')).toHaveLength(4);
  });

  it('fails with 429 and the wait, without calling Datadog, when the reset is further than it will wait', async () => {
    const { fake, client, waits } = setup(2_000);
    fake.enqueue(limited(0, 60));
    await client.createDowntime(mute);
    const err = await failure(client.createDowntime(mute));
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAfterSeconds).toBe(60);
    expect(waits).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('paces per operation, never reads, and not at all once the window has passed', async () => {
    const { fake, client, waits, advance } = setup();
    fake.enqueue(limited(0, 3));
    await client.createDowntime(mute);
    fake.on('GET', /.*/, { body: { data: rawDowntime(UUID_A) }, headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '30' } });
    fake.on('DELETE', /.*/, { status: 204 });
    await client.getDowntime(UUID_A);
    await client.getDowntime(UUID_A);
    await client.cancelDowntime(UUID_A);
    expect(waits).toEqual([]);
    advance(3_000);
    fake.on('POST', '/api/v2/downtime', limited(4, 10));
    await client.createDowntime(mute);
    expect(waits).toEqual([]);
  });

  it('reads the window only from whole numbers in both headers', () => {
    const res = (headers: Record<string, string>) => new Response(null, { headers });
    expect(rateLimitWindow(res({ 'X-RateLimit-Remaining': '3', 'X-RateLimit-Reset': '7' }))).toEqual({ remaining: 3, resetSeconds: 7 });
    expect(rateLimitWindow(res({ 'X-RateLimit-Remaining': '3' }))).toBeNull();
    expect(rateLimitWindow(res({ 'X-RateLimit-Remaining': 'lots', 'X-RateLimit-Reset': '7' }))).toBeNull();
    expect(rateLimitWindow(res({ 'X-RateLimit-Remaining': '-1', 'X-RateLimit-Reset': '7' }))).toBeNull();
  });
});
