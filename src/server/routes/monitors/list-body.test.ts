import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { MonitorListResponseSchema } from '../../../contract/monitors';
import { NOW, nowSeconds, rawMonitor } from '../../testing/fixtures';
import { CANARY, setup } from '../../testing/test-app';
import { chooseEncoding } from './list-body';
import { LIST_FRESH_MS } from './monitors.handlers';

const listed = (fake: ReturnType<typeof setup>['fake'], monitors = [rawMonitor(1), rawMonitor(2)]) =>
  fake.on('GET', '/api/v1/monitor', { body: monitors });

describe('GET /api/monitors, prepared once per snapshot', () => {
  it('answers brotli or gzip when accepted, the same JSON as uncompressed, with Vary and an ETag per encoding', async () => {
    const { app, call, fake, cookies } = setup();
    listed(fake);
    const plain = await call('GET', '/api/monitors');
    const request = (encoding: string) =>
      app.request('/api/monitors', { headers: { 'X-CSRF': '1', Cookie: cookies.responder ?? '', 'Accept-Encoding': encoding } });
    const br = await request('gzip, deflate, br');
    const gz = await request('gzip;q=1, br;q=0');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(br.headers.get('vary')).toContain('Accept-Encoding');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString('utf8')).toBe(plain.text);
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(plain.text);
    const tags = new Set([plain.res.headers.get('etag'), br.headers.get('etag'), gz.headers.get('etag')]);
    expect(tags.size).toBe(3);
    expect(plain.res.headers.get('content-type')).toContain('application/json');
    expect(fake.calls('GET', '/api/v1/monitor')).toHaveLength(1);
  });

  it('answers 304 with no body when If-None-Match names the current list, and 200 once it changed', async () => {
    let now = NOW;
    const { call, fake } = setup({ now: () => now });
    fake.enqueue({ body: [rawMonitor(1)] }, { body: [rawMonitor(1), rawMonitor(2)] });
    const first = await call('GET', '/api/monitors');
    const etag = first.res.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await call('GET', '/api/monitors', undefined, { 'If-None-Match': `W/${etag}` });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    // Past the revalidation window the list is read again, and its ETag changes with it.
    now += 60_000;
    const changed = await call('GET', '/api/monitors', undefined, { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(MonitorListResponseSchema.parse(changed.json).monitors).toHaveLength(2);
    expect(changed.res.headers.get('etag')).not.toBe(etag);
  });

  it('redacts a key Datadog echoes before the body is kept and compressed', async () => {
    const { app, fake, cookies } = setup();
    listed(fake, [rawMonitor(1, { message: `key ${CANARY.apiKey}` })]);
    const res = await app.request('/api/monitors', { headers: { 'X-CSRF': '1', Cookie: cookies.responder ?? '', 'Accept-Encoding': 'gzip' } });
    const text = gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
    expect(text).not.toContain(CANARY.apiKey);
    expect(text).toContain('key [redacted]');
  });

  it('serves the cached list at once past the fresh window while one reload runs, with its own fetchedAt', async () => {
    let now = NOW;
    const { call, fake } = setup({ now: () => now });
    fake.enqueue({ body: [rawMonitor(1)] }, { body: [rawMonitor(1), rawMonitor(2)], delayMs: 50 });
    await call('GET', '/api/monitors');
    now += LIST_FRESH_MS + 1000;
    const served = await Promise.all([call('GET', '/api/monitors'), call('GET', '/api/monitors')]);
    for (const answer of served) {
      const body = MonitorListResponseSchema.parse(answer.json);
      expect(body).toMatchObject({ fetchedAt: NOW, stale: false });
      expect(body.monitors).toHaveLength(1);
    }
    expect(fake.calls('GET', '/api/v1/monitor')).toHaveLength(2); // one background reload for both reads
    await new Promise((r) => setTimeout(r, 100));
    const after = MonitorListResponseSchema.parse((await call('GET', '/api/monitors')).json);
    expect(after.monitors).toHaveLength(2);
    expect(after.fetchedAt).toBe(now);
  });

  it('rebuilds the body without asking Datadog when a mute ends', async () => {
    let now = NOW;
    const { call, fake } = setup({ now: () => now });
    fake.on('GET', '/api/v1/monitor', {
      body: [rawMonitor(1, { matching_downtimes: [{ id: 9, monitor_id: 1, start: nowSeconds(-60), end: nowSeconds(1), scope: ['*'], active: true }] })],
    });
    const before = MonitorListResponseSchema.parse((await call('GET', '/api/monitors')).json);
    expect(before.monitors[0]?.mute.state).not.toBe('none');
    now += 1500; // still fresh, but past the mute's end
    const after = MonitorListResponseSchema.parse((await call('GET', '/api/monitors')).json);
    expect(after.monitors[0]?.mute.state).toBe('none');
    expect(fake.calls('GET', '/api/v1/monitor')).toHaveLength(1);
  });
});

describe('list-body helpers', () => {
  it('picks br, then gzip, honouring q=0 and *', () => {
    expect(chooseEncoding(undefined)).toBe('identity');
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('*;q=0')).toBe('identity');
    expect(chooseEncoding('identity')).toBe('identity');
    expect(chooseEncoding('*')).toBe('br');
  });
});
