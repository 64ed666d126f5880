import { MonitorDetailSchema, MonitorListResponseSchema } from '../../../contract/monitors';
import { NOW, nowSeconds, rawDowntime, rawMonitor, rawUser, UUID_A, UUID_B } from '../../testing/fixtures';
import { apiError, CANARY, expectNoSecrets, setup } from '../../testing/test-app';
import { LIST_FRESH_MS, LIST_REVALIDATE_MS } from './monitors.handlers';
import { PAGE_CONCURRENCY } from './monitors.load';

const pageOf = (from: number, count: number) => Array.from({ length: count }, (_, i) => rawMonitor(from + i));

describe('GET /api/monitors', () => {
  it('fetches every page with group states and downtimes, and maps them', async () => {
    const { call, fake } = setup();
    fake.on('GET', '/api/v1/monitor', (req) =>
      req.query.page === '0' ? { body: pageOf(1, 1000) } : { body: pageOf(1001, 3) },
    );
    const answer = await call('GET', '/api/monitors');
    expect(answer.status).toBe(200);
    const body = MonitorListResponseSchema.parse(answer.json);
    expect(body.monitors).toHaveLength(1003);
    expect(body.fetchedAt).toBe(NOW);
    expect(body.stale).toBe(false);
    expect(body.monitors[0]).toMatchObject({ id: 1, groupCounts: { Alert: 1, OK: 2 }, mute: { state: 'none' } });

    // Page 0 alone, then up to PAGE_CONCURRENCY at once: pages past the short page 1 may be asked for (and ignored).
    const asked = fake.requests.map((r) => [r.method, r.path, r.query]);
    expect(asked.slice(0, 2)).toEqual([
      ['GET', '/api/v1/monitor', { group_states: 'all', with_downtimes: 'true', page: '0', page_size: '1000' }],
      ['GET', '/api/v1/monitor', { group_states: 'all', with_downtimes: 'true', page: '1', page_size: '1000' }],
    ]);
    expect(asked.length).toBeLessThanOrEqual(1 + PAGE_CONCURRENCY);
    for (const r of fake.requests) {
      expect(r.headers['dd-api-key']).toBe(CANARY.apiKey);
      expect(r.headers['dd-application-key']).toBe(CANARY.appKey);
      expect(r.body).toBeUndefined();
    }
  });

  it('shows mute state from matching downtimes', async () => {
    const { call, fake } = setup();
    fake.on('GET', '/api/v1/monitor', {
      body: [
        rawMonitor(1, {
          matching_downtimes: [
            { id: 9, monitor_id: 1, start: nowSeconds(-60), end: nowSeconds(600), scope: ['host:web-1'], groups: ['host:web-1'], active: true },
          ],
        }),
      ],
    });
    const body = MonitorListResponseSchema.parse((await call('GET', '/api/monitors')).json);
    expect(body.monitors[0]?.mute).toEqual({ state: 'partial', endsAt: nowSeconds(600) * 1000, mutedGroups: 1, downtimes: 1 });
  });

  it('never lets a key that Datadog echoes inside monitor data reach the browser', async () => {
    const { call, fake } = setup();
    fake.on('GET', '/api/v1/monitor', {
      body: [rawMonitor(1, { message: `key ${CANARY.apiKey}`, tags: [`k:${encodeURIComponent(CANARY.appKey)}`] })],
    });
    const answer = await call('GET', '/api/monitors');
    expect(answer.status).toBe(200);
    expectNoSecrets(answer);
    expect(MonitorListResponseSchema.parse(answer.json).monitors[0]?.message).toBe('key [redacted]');
  });

  it('coalesces 20 concurrent requests into one upstream list request', async () => {
    const { call, fake } = setup();
    fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1)], delayMs: 30 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => call('GET', '/api/monitors')));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(fake.calls('GET', '/api/v1/monitor')).toHaveLength(1);
  });

  it('serves the last good list, marked stale with its time, when Datadog then fails', async () => {
    let now = NOW;
    const { call, fake } = setup({ now: () => now });
    fake.enqueue({ body: [rawMonitor(1)] }, { status: 500, body: { errors: ['boom'] } });
    const first = MonitorListResponseSchema.parse((await call('GET', '/api/monitors')).json);
    now += LIST_REVALIDATE_MS;
    const answer = await call('GET', '/api/monitors');
    expect(answer.status).toBe(200);
    const second = MonitorListResponseSchema.parse(answer.json);
    expect(second).toEqual({ ...first, stale: true, fetchedAt: NOW });
    expect(fake.requests).toHaveLength(2);
  });

  it('answers from the cache for LIST_FRESH_MS (10 s), then asks again', async () => {
    let now = NOW;
    const { call, fake } = setup({ now: () => now });
    fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1)] });
    await call('GET', '/api/monitors');
    now += LIST_FRESH_MS - 500;
    await call('GET', '/api/monitors');
    expect(fake.requests).toHaveLength(1);
    now += 1000;
    await call('GET', '/api/monitors');
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.requests).toHaveLength(2);
  });

  it('fails with the mapped error when there is no good copy', async () => {
    const { call, fake } = setup();
    fake.enqueue({ status: 503, body: {} });
    const answer = await call('GET', '/api/monitors');
    expect(answer.status).toBe(502);
    expect(apiError(answer).code).toBe('upstream_error');
  });
});

describe('GET /api/monitors/:id', () => {
  function upstream(fake: ReturnType<typeof setup>['fake']) {
    fake.on('GET', '/api/v1/monitor/42', {
      body: rawMonitor(42, {
        matching_downtimes: [
          { id: 5, monitor_id: 42, start: nowSeconds(-60), end: nowSeconds(3600), scope: ['host:web-1'], groups: ['host:web-1'], active: true },
        ],
      }),
    });
    fake.on('GET', '/api/v2/downtime', (req) =>
      req.query['page[offset]'] === '0'
        ? {
            body: {
              data: [
                rawDowntime(UUID_A, { monitor_identifier: { monitor_id: 42 }, scope: 'host:web-1' }),
                ...Array.from({ length: 99 }, (_, i) =>
                  rawDowntime(`00000000-0000-0000-0000-${String(i).padStart(12, '0')}`, { monitor_identifier: { monitor_id: 7 } }),
                ),
              ],
              included: [rawUser('user-1', 'Grace')],
              meta: { page: { total_filtered_count: 101 } },
            },
          }
        : {
            body: {
              data: [rawDowntime(UUID_B, { monitor_identifier: { monitor_tags: ['team:web'] }, scope: 'host:(web-2 OR web-3)' })],
              meta: { page: { total_filtered_count: 101 } },
            },
          },
    );
  }

  it('answers the monitor, its groups and the current downtimes that target it', async () => {
    const { call, fake } = setup();
    upstream(fake);
    const answer = await call('GET', '/api/monitors/42');
    expect(answer.status).toBe(200);
    const detail = MonitorDetailSchema.parse(answer.json);
    expect(detail).toMatchObject({ id: 42, fetchedAt: NOW, stale: false, mute: { state: 'partial', mutedGroups: 1 } });
    expect(detail.groups.map((g) => [g.name, g.status, g.muted, g.mutedUntil])).toEqual([
      ['host:web-1', 'Alert', true, nowSeconds(3600) * 1000],
      ['host:web-2', 'OK', false, null],
      ['host:web-3', 'OK', false, null],
    ]);
    expect(detail.groups[0]?.tags).toEqual(['host:web-1']);
    expect(detail.downtimes.map((d) => [d.id, d.groups, d.creator?.name ?? null])).toEqual([
      [UUID_A, ['host:web-1'], 'Grace'],
      [UUID_B, ['host:web-2', 'host:web-3'], 'Grace'],
    ]);

    expect(fake.calls('GET', '/api/v1/monitor/42')[0]?.query).toEqual({ group_states: 'all', with_downtimes: 'true' });
    expect(fake.calls('GET', '/api/v2/downtime').map((r) => r.query)).toEqual([
      { include: 'created_by', 'page[limit]': '100', 'page[offset]': '0' },
      { include: 'created_by', 'page[limit]': '100', 'page[offset]': '100' },
    ]);
    expect(fake.unhandled).toEqual([]);
  });

  it('answers 404 not_found when Datadog has no such monitor', async () => {
    const { call, fake } = setup();
    fake.on('GET', '/api/v1/monitor/9', { status: 404, body: { errors: ['Monitor not found'] } });
    fake.on('GET', '/api/v2/downtime', { body: { data: [] } });
    const answer = await call('GET', '/api/monitors/9');
    expect(answer.status).toBe(404);
    expect(apiError(answer)).toMatchObject({ code: 'not_found', upstream: ['Monitor not found'] });
  });

  it('serves the last good detail, stale, when Datadog then fails', async () => {
    let now = NOW;
    const { call, fake } = setup({ now: () => now });
    upstream(fake);
    await call('GET', '/api/monitors/42');
    fake.reset();
    fake.on('GET', /.*/, { status: 500, body: {} });
    now += 60_000;
    const answer = await call('GET', '/api/monitors/42');
    expect(answer.status).toBe(200);
    expect(MonitorDetailSchema.parse(answer.json)).toMatchObject({ id: 42, stale: true, fetchedAt: NOW });
  });

  it.each(['abc', '-1', '0', '1e3', '0x10', '1.5', '%20 1', '12345678901234567'])(
    'rejects the id %j with 400 and no upstream call',
    async (id) => {
      const { call, fake } = setup();
      const answer = await call('GET', `/api/monitors/${id}`);
      expect(answer.status).toBe(400);
      const error = apiError(answer);
      expect(error.code).toBe('validation_failed');
      expect(Object.keys(error.fields ?? {})).toEqual(['params.id']);
      expect(fake.requests).toHaveLength(0);
    },
  );

  it('rejects unknown and duplicate query parameters', async () => {
    const { call, fake } = setup();
    const unknown = await call('GET', '/api/monitors/1?debug=1');
    expect(apiError(unknown).fields).toEqual({ 'query.debug': ['Unknown field'] });
    const dup = await call('GET', '/api/monitors?x=1&x=2');
    expect(apiError(dup).fields?.['query.x']).toContain('Give this parameter once');
    const proto = await call('GET', '/api/monitors?__proto__=1&constructor=2');
    expect(proto.status).toBe(400);
    expect(Object.keys(apiError(proto).fields ?? {}).sort()).toEqual(['query.__proto__', 'query.constructor']);
    expect(fake.requests).toHaveLength(0);
  });
});
