import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { socketAddress } from './auth/client-address';
import type { AuthConfig } from './env';
import { rawMonitor } from './testing/fixtures';
import { setup, TEST_AUTH } from './testing/test-app';

/**
 * The app behind a real socket on 127.0.0.1 (as index.ts runs it): what only
 * a socket shows: TRACE, an absolute-URI request line, the peer address.
 */
interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function raw(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function listen(auth: AuthConfig = TEST_AUTH) {
  const t = setup({ config: { auth }, clientAddress: socketAddress });
  t.fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1)] });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return { ...t, port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('over a real socket', () => {
  let s: Awaited<ReturnType<typeof listen>> | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });

  it('answers TRACE with 405 everywhere, before any other check', async () => {
    s = await listen();
    for (const path of ['/api/healthz', '/api/monitors', '/api/nope', '/']) {
      const answer = await raw(s.port, 'TRACE', path);
      expect([path, answer.status]).toEqual([path, 405]);
      expect(answer.body).not.toContain('TRACE /');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(s.store.audit.query({ limit: 10 }).filter((r) => r.status === 405)).toHaveLength(3);
    expect(s.fake.requests).toHaveLength(0);
  });

  it('cannot be pointed elsewhere by an absolute-URI request line, Host or X-Forwarded-Host', async () => {
    s = await listen();
    const headers = { 'X-CSRF': '1', Cookie: s.cookies.viewer, Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' };
    const answer = await raw(s.port, 'GET', 'http://evil.example/api/monitors?site=evil.example', headers);
    // The unknown "site" query parameter is refused before anything goes out.
    expect(answer.status).toBe(400);
    const plain = await raw(s.port, 'GET', 'http://evil.example/api/monitors', headers);
    expect(plain.status).toBe(200);
    expect(s.fake.requests.map((r) => r.url.host)).toEqual(['datadog.test']);
  });

  it('reads the client address from the socket, never from X-Forwarded-For', async () => {
    s = await listen();
    for (let i = 0; i < 20; i++) {
      const res = await raw(s.port, 'POST', '/api/session', { 'X-CSRF': '1', 'Content-Type': 'application/json', 'X-Forwarded-For': `10.1.1.${i}` }, JSON.stringify({ username: `u${i}`, password: 'wrong-password-0' }));
      expect(res.status).toBe(401);
    }
    const blocked = await raw(s.port, 'POST', '/api/session', { 'X-CSRF': '1', 'Content-Type': 'application/json', 'X-Forwarded-For': '10.9.9.9' }, JSON.stringify({ username: 'other', password: 'wrong-password-0' }));
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBe('900');
  });

  it('believes X-Forwarded-User only when the socket peer is a trusted proxy', async () => {
    const roles = [{ group: '*', role: 'viewer' as const }];
    const identity = { 'X-CSRF': '1', 'X-Forwarded-User': 'alice', 'X-Forwarded-Groups': 'oncall' };
    s = await listen({ ...TEST_AUTH, mode: 'proxy', trustedProxies: ['127.0.0.1/32'], proxyRoles: roles });
    expect((await raw(s.port, 'GET', '/api/session', identity)).status).toBe(200);
    await s.close();
    s = await listen({ ...TEST_AUTH, mode: 'proxy', trustedProxies: ['10.0.0.0/8', '::1'], proxyRoles: roles });
    expect((await raw(s.port, 'GET', '/api/session', identity)).status).toBe(401);
  });
});
