import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { MonitorListResponseSchema } from '../contract/monitors';
import { rawMonitor } from './testing/fixtures';
import { setup } from './testing/test-app';

/**
 * Through the real Node adapter, as index.ts serves the app. The adapter writes a byte body as it
 * is, unless something after the handler reads the answer's body (or sets a header with
 * c.header()), which rebuilds the Response around a stream of a copy: for the 7 MB monitor list,
 * a copy per request. The app's own headers are set without doing that.
 */
describe('the app behind the Node adapter', () => {
  it('answers the cached list without touching its body, with every header the app adds', async () => {
    const { app, fake, cookies } = setup();
    fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1), rawMonitor(2)] });
    const server = createAdaptorServer({ fetch: app.fetch });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/monitors`;
    const get = () => fetch(url, { headers: { 'X-CSRF': '1', Cookie: cookies.responder ?? '' } });
    // The adapter puts its own Response in place of the global one; reading its body (or its
    // other stream parts) makes the real Response through one method: count its calls.
    const proto = globalThis.Response.prototype as unknown as Record<symbol, (...args: unknown[]) => unknown>;
    const make = Object.getOwnPropertySymbols(proto).find((s) => s.description === 'getResponseCache');
    expect(make).toBeDefined();
    const original = proto[make as symbol] as (...args: unknown[]) => unknown;
    let reads = 0;
    try {
      expect((await get()).status).toBe(200); // loads the list (the upstream answers' bodies are read)
      proto[make as symbol] = function (this: unknown, ...args: unknown[]) {
        reads++;
        return original.apply(this, args);
      };
      const res = await get();
      expect(res.status).toBe(200);
      expect(MonitorListResponseSchema.parse(await res.json()).monitors.map((m) => m.id)).toEqual([1, 2]);
      expect(reads).toBe(0);
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('etag')).toMatch(/^"/);
      expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0);
    } finally {
      proto[make as symbol] = original;
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
