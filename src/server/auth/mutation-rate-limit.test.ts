import { NOW, rawDowntime, rawMonitor, UUID_A } from '../testing/fixtures';
import { apiError, setup } from '../testing/test-app';

/** WATCHDECK_USER_MUTATIONS_PER_MINUTE: a token bucket per user on changes. */
describe('per-user rate limit on changes', () => {
  it('answers 429 rate_limited with Retry-After past the burst, with nothing upstream, per user', async () => {
    let now = NOW;
    const { call, callAs, fake } = setup({ config: { userMutationsPerMinute: 3 }, now: () => now });
    fake.on('POST', '/api/v2/downtime', { body: { data: rawDowntime(UUID_A) } });
    fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1)] });
    const mute = { end: NOW + 3_600_000, reason: 'r' };
    for (let i = 0; i < 3; i++) expect((await call('POST', '/api/monitors/1/mute', mute)).status).toBe(200);
    const limited = await call('POST', '/api/monitors/1/mute', mute);
    expect([limited.status, apiError(limited).code, apiError(limited).retryAfter]).toEqual([429, 'rate_limited', 20]);
    expect(limited.res.headers.get('retry-after')).toBe('20');
    expect(fake.calls('POST')).toHaveLength(3);
    // Reads are not limited, other users have their own bucket.
    expect((await call('GET', '/api/monitors')).status).toBe(200);
    expect((await callAs('admin', 'POST', '/api/monitors/1/mute', mute)).status).toBe(200);
    now += 20_000;
    expect((await call('POST', '/api/monitors/1/mute', mute)).status).toBe(200);
    expect((await call('POST', '/api/monitors/1/mute', mute)).status).toBe(429);
  });

  it('defaults to 600 a minute', async () => {
    const { config } = setup();
    expect(config.userMutationsPerMinute).toBe(600);
  });
});
