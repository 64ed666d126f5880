import { FakeUpstream } from '../../testing/fake-upstream';
import { rawDowntime, rawMonitor, UUID_A } from '../../testing/fixtures';
import { CANARY, secretForms } from '../../testing/test-app';
import { failure } from '../../testing/upstream-failure';
import { createDatadogClient } from './client';

function setup(options: { timeoutMs?: number; retries?: number; now?: () => number } = {}) {
  const fake = new FakeUpstream();
  const client = createDatadogClient({
    baseUrl: 'https://api.datadoghq.test/',
    ...CANARY,
    fetch: fake.fetch,
    timeoutMs: options.timeoutMs ?? 1000,
    retries: options.retries ?? 0,
    retryBaseMs: 5,
    now: options.now,
  });
  return { fake, client };
}

describe('createDatadogClient', () => {
  it('sends only the keys, Accept and (with a body) Content-Type', async () => {
    const { fake, client } = setup();
    fake.on('GET', '/api/v1/monitor/7', { body: rawMonitor(7) });
    fake.on('POST', '/api/v2/downtime', { body: { data: rawDowntime(UUID_A) } });
    await client.getMonitor(7);
    await client.createDowntime({
      data: {
        type: 'downtime',
        attributes: {
          monitor_identifier: { monitor_id: 7 },
          scope: '*',
          schedule: { end: null },
          message: 'm',
          display_timezone: 'UTC',
        },
      },
    });
    const [get, post] = fake.requests;
    const ours = (h: Record<string, string>) => Object.keys(h);
    expect(get?.headers['dd-api-key']).toBe(CANARY.apiKey);
    expect(get?.headers['dd-application-key']).toBe(CANARY.appKey);
    expect(get?.headers.accept).toBe('application/json');
    expect(ours(get?.headers ?? {}).sort()).toEqual(['accept', 'dd-api-key', 'dd-application-key']);
    expect(ours(post?.headers ?? {}).sort()).toEqual(['accept', 'content-type', 'dd-api-key', 'dd-application-key']);
    expect(post?.headers['content-type']).toBe('application/json');
  });

  it('builds URLs on the base URL with encoded path segments', async () => {
    const { fake, client } = setup();
    fake.on('GET', /.*/, { body: { data: rawDowntime(UUID_A) } });
    await client.getDowntime('../v1/org?x=1');
    expect(fake.requests[0]?.url.href).toBe('https://api.datadoghq.test/api/v2/downtime/..%2Fv1%2Forg%3Fx%3D1');
  });

  it('sends the list query Datadog documents', async () => {
    const { fake, client } = setup();
    fake.on('GET', '/api/v1/monitor', { body: [] });
    fake.on('GET', '/api/v2/downtime', { body: { data: [] } });
    await client.readMonitorsPage(2, 1000, () => {});
    await client.listDowntimesPage(200, 100);
    expect(fake.requests[0]?.query).toEqual({ group_states: 'all', with_downtimes: 'true', page: '2', page_size: '1000' });
    expect(fake.requests[1]?.query).toEqual({
      include: 'created_by',
      'page[limit]': '100',
      'page[offset]': '200',
    });
  });

  it.each([
    [404, 'not_found'],
    [429, 'rate_limited'],
    [401, 'auth'],
    [403, 'auth'],
    [400, 'rejected'],
    [409, 'rejected'],
    [422, 'rejected'],
    [500, 'server'],
    [503, 'server'],
  ])('classifies a %i as %s', async (status, kind) => {
    const { fake, client } = setup();
    fake.on('GET', '/api/v1/monitor/1', { status, body: { errors: ['nope'] } });
    const err = await failure(client.getMonitor(1));
    expect(err.kind).toBe(kind);
    expect(err.status).toBe(status);
  });

  it('keeps 4xx messages from both error shapes, redacted, and no 5xx body', async () => {
    const { fake, client } = setup();
    fake.enqueue(
      { status: 400, body: { errors: [`bad key ${CANARY.apiKey}`, 'second'] } },
      { status: 409, body: { errors: [{ status: '409', title: 'Conflict', detail: 'already there' }, { title: 'Only title' }] } },
      { status: 500, body: { errors: [`internal ${CANARY.appKey}`] } },
    );
    expect((await failure(client.getMonitor(1))).messages).toEqual(['bad key [redacted]', 'second']);
    expect((await failure(client.getMonitor(1))).messages).toEqual(['already there', 'Only title']);
    const err = await failure(client.getMonitor(1));
    expect(err.messages).toEqual([]);
    expect(JSON.stringify({ ...err, message: err.message })).not.toContain(CANARY.appKey);
  });

  it('reads Retry-After seconds from X-RateLimit-Reset, 1 when absent or bad', async () => {
    const { fake, client } = setup();
    fake.enqueue(
      { status: 429, headers: { 'X-RateLimit-Reset': '17' }, body: { errors: ['slow down'] } },
    );
    expect((await failure(client.getMonitor(1))).retryAfterSeconds).toBe(17);
    const other = setup();
    other.fake.enqueue({ status: 429, body: {} }, { status: 429, headers: { 'X-RateLimit-Reset': 'soon' } });
    expect((await failure(other.client.getMonitor(1))).retryAfterSeconds).toBe(1);
    expect((await failure(other.client.getDowntime(UUID_A))).retryAfterSeconds).toBe(1);
  });

  it('answers 429 itself during the cooldown, without calling Datadog', async () => {
    let now = 1_000_000;
    const { fake, client } = setup({ now: () => now });
    fake.enqueue({ status: 429, headers: { 'X-RateLimit-Reset': '10' } });
    fake.on('GET', '/api/v1/monitor/1', { body: rawMonitor(1) });
    await failure(client.getMonitor(1));
    now += 4000;
    const err = await failure(client.getMonitor(1));
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAfterSeconds).toBe(6);
    expect(fake.requests).toHaveLength(1);
    now += 6000;
    await client.getMonitor(1);
    expect(fake.requests).toHaveLength(2);
  });

  it('times out a stalled call within the deadline and aborts the request', async () => {
    const { fake, client } = setup({ timeoutMs: 150 });
    fake.on('GET', '/api/v1/monitor/1', { stall: true });
    const started = Date.now();
    const err = await failure(client.getMonitor(1));
    expect(err.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(150 + 500);
    expect(fake.aborted).toHaveLength(1);
  });

  it('times out even when the fetch ignores its signal', async () => {
    const client = createDatadogClient({
      baseUrl: 'http://x.test',
      ...CANARY,
      fetch: () => new Promise<Response>(() => {}),
      timeoutMs: 100,
      retries: 0,
    });
    const started = Date.now();
    expect((await failure(client.getMonitor(1))).kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(600);
  });

  it('reports a network failure without its text', async () => {
    const client = createDatadogClient({
      baseUrl: 'http://x.test',
      ...CANARY,
      fetch: () => Promise.reject(new Error(`connect ECONNREFUSED ${CANARY.apiKey}`)),
      timeoutMs: 100,
      retries: 0,
    });
    const err = await failure(client.getMonitor(1));
    expect(err.kind).toBe('network');
    expect(err.message).not.toContain(CANARY.apiKey);
  });

  it('retries a GET at most twice on 5xx, and never a mutation', async () => {
    const { fake, client } = setup({ retries: 2 });
    fake.on('GET', '/api/v1/monitor/1', { status: 503, body: {} });
    fake.on('DELETE', `/api/v2/downtime/${UUID_A}`, { status: 503, body: {} });
    expect((await failure(client.getMonitor(1))).kind).toBe('server');
    expect(fake.calls('GET')).toHaveLength(3);
    await failure(client.cancelDowntime(UUID_A));
    expect(fake.calls('DELETE')).toHaveLength(1);
  });

  it('recovers when a retried GET succeeds, and does not retry a 4xx', async () => {
    const { fake, client } = setup({ retries: 2 });
    fake.enqueue({ status: 502, body: {} });
    fake.on('GET', '/api/v1/monitor/1', { body: rawMonitor(1) });
    fake.on('GET', '/api/v1/monitor/2', { status: 404, body: { errors: ['Monitor not found'] } });
    expect((await client.getMonitor(1)).id).toBe(1);
    await failure(client.getMonitor(2));
    expect(fake.calls('GET', '/api/v1/monitor/2')).toHaveLength(1);
  });

  it('turns an unreadable 2xx into bad_response', async () => {
    const { fake, client } = setup();
    fake.enqueue({ body: 'not json' }, { body: { no: 'id' } });
    expect((await failure(client.getMonitor(1))).kind).toBe('bad_response');
    expect((await failure(client.getMonitor(1))).kind).toBe('bad_response');
  });

  it('accepts a 204 without a body for DELETE', async () => {
    const { fake, client } = setup();
    fake.on('DELETE', `/api/v2/downtime/${UUID_A}`, { status: 204 });
    await expect(client.cancelDowntime(UUID_A)).resolves.toBeUndefined();
  });

  it('never puts a key form in an error', async () => {
    const { fake, client } = setup();
    const echo = secretForms().join(' ');
    fake.enqueue({ status: 400, body: { errors: [echo] } }, { status: 404, body: { errors: [{ detail: echo }] } });
    for (let i = 0; i < 2; i++) {
      const err = await failure(client.getMonitor(1));
      const text = JSON.stringify({ message: err.message, messages: err.messages });
      for (const form of secretForms()) expect(text).not.toContain(form);
    }
  });

  describe('the monitor list, read monitor by monitor', () => {
    it('hands each monitor over slimmed, in order, and answers how many there were', async () => {
      const { fake, client } = setup();
      fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1), rawMonitor(2, { options: { huge: 'x'.repeat(1000) } }), rawMonitor(3)] });
      const seen: unknown[] = [];
      expect(await client.readMonitorsPage(0, 1000, (m) => seen.push(m))).toBe(3);
      expect(seen.map((m) => (m as { id: number }).id)).toEqual([1, 2, 3]);
      expect(seen.every((m) => !('options' in (m as object)))).toBe(true);
    });

    it('answers 0 for an empty page', async () => {
      const { fake, client } = setup();
      fake.on('GET', '/api/v1/monitor', { body: [] });
      expect(await client.readMonitorsPage(3, 1000, () => {})).toBe(0);
    });

    it('turns an answer that is not a list of monitors into bad_response', async () => {
      const { fake, client } = setup();
      fake.enqueue(
        { body: 'not json' },
        { body: { monitors: [] } },
        { body: [rawMonitor(1), { name: 'no id' }] },
        { body: `[${JSON.stringify(rawMonitor(1))},` },
        { body: [rawMonitor(1), rawMonitor(2)], truncate: true },
      );
      for (let i = 0; i < 5; i++) expect((await failure(client.readMonitorsPage(0, 1000, () => {}))).kind).toBe('bad_response');
    });

    it('passes on what the caller\'s handler throws, as it is', async () => {
      const { fake, client } = setup();
      fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1)] });
      await expect(
        client.readMonitorsPage(0, 1000, () => {
          throw new RangeError('ours');
        }),
      ).rejects.toThrow(RangeError);
    });

    it('retries a 5xx page like any GET, and times out a stalled one', async () => {
      const { fake, client } = setup({ retries: 1, timeoutMs: 200 });
      fake.enqueue({ status: 503, body: {} }, { body: [rawMonitor(1)] });
      expect(await client.readMonitorsPage(0, 1000, () => {})).toBe(1);
      expect(fake.calls('GET', '/api/v1/monitor')).toHaveLength(2);
      fake.enqueue({ stall: true }, { stall: true });
      expect((await failure(client.readMonitorsPage(0, 1000, () => {}))).kind).toBe('timeout');
    });
  });
});
