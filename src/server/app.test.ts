import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApiErrorBodySchema } from '../contract/errors';
import { rawMonitor } from './testing/fixtures';
import { NOW } from './testing/fixtures';
import { apiError, expectNoSecrets, setup } from './testing/test-app';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('app middleware', () => {
  it('gives every response a fresh X-Request-Id, echoed in errors', async () => {
    const { call } = setup();
    const a = await call('GET', '/api/healthz');
    const b = await call('GET', '/api/nope');
    expect(a.res.headers.get('x-request-id')).toMatch(UUID_RE);
    expect(b.res.headers.get('x-request-id')).not.toBe(a.res.headers.get('x-request-id'));
    expect(apiError(b).requestId).toBe(b.res.headers.get('x-request-id'));
  });

  it('ignores a client-sent request id', async () => {
    const { call } = setup();
    const a = await call('GET', '/api/healthz', undefined, { 'X-Request-Id': 'forged' });
    expect(a.res.headers.get('x-request-id')).not.toBe('forged');
  });

  it('marks API responses no-store JSON with nosniff and no X-Powered-By', async () => {
    const { call } = setup();
    for (const answer of [await call('GET', '/api/healthz'), await call('GET', '/api/nope')]) {
      expect(answer.res.headers.get('cache-control')).toBe('no-store');
      expect(answer.res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(answer.res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('answers unknown /api paths with a JSON 404 and no upstream call', async () => {
    const { call, fake } = setup();
    const paths = [
      '/api/nope',
      '/api/v1/../v2/users',
      '/api/v1/%2e%2e/v2/users',
      '/api/monitors%2F1',
      '/api/%252e%252e/monitors',
      '/api/monitors/',
      '/api/monitors;x=1',
      '/api/v1/org',
      '/api/v2/api_keys',
      '/api/v1/monitor',
      '/api//monitors',
      '/api/monitors//mute',
      '/api/v2/users',
    ];
    for (const p of paths) {
      const answer = await call('GET', p);
      expect([p, answer.status]).toEqual([p, 404]);
      ApiErrorBodySchema.parse(answer.json);
      expect(apiError(answer).code).toBe('not_found');
    }
    // An encoded slash stays inside the id, which must be digits only.
    for (const p of ['/api/monitors/1%2Fmute', '/api/monitors/..%2F..%2Fv1%2Forg', '/api/monitors/1;x']) {
      const answer = await call('GET', p);
      expect([p, answer.status, apiError(answer).code]).toEqual([p, 400, 'validation_failed']);
    }
    // Not under /api at all: the SPA handler's plain 404.
    expect((await call('GET', '//api/monitors')).status).toBe(404);
    // The URL parser turns "\\" into "/" and resolves dot segments before routing: nothing escapes the table.
    expect((await call('GET', '/api/monitors\\..\\..\\v1\\org')).status).toBe(404);
    expect(fake.requests).toHaveLength(0);
  });

  it('answers a known path with a wrong method 405, with Allow, and no upstream call', async () => {
    const { call, fake } = setup();
    const put = await call('PUT', '/api/monitors/1', {});
    expect(put.status).toBe(405);
    expect(apiError(put).code).toBe('method_not_allowed');
    expect(put.res.headers.get('allow')).toBe('GET, HEAD');
    const get = await call('GET', '/api/monitors/1/mute');
    expect(get.status).toBe(405);
    expect(get.res.headers.get('allow')).toBe('POST');
    const patch = await call('PATCH', '/api/downtimes/845e9a1e-0187-11ee-817a-da7ad0900002', {});
    expect(patch.status).toBe(405);
    expect(patch.res.headers.get('allow')).toBe('DELETE');
    expect(fake.requests).toHaveLength(0);
  });

  it('turns an unexpected error into a 500 "internal" that hides the message', async () => {
    const broken = setup();
    broken.datadog.readMonitorsPage = () => {
      throw new TypeError('secret detail: stack and internals');
    };
    const answer = await broken.call('GET', '/api/monitors');
    expect(answer.status).toBe(500);
    expect(apiError(answer).code).toBe('internal');
    expect(answer.text).not.toContain('secret detail');
    expect(answer.text).not.toContain('at ');
    expect(broken.logs.some((l) => l.includes('unhandled error'))).toBe(true);
  });

  it('does not let a browser header reach the upstream', async () => {
    const { call, fake, cookies } = setup();
    fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1)] });
    await call('GET', '/api/monitors', undefined, {
      Cookie: `${cookies.responder}; session=abc`,
      Authorization: 'Bearer user-token',
      'X-CSRF': '1',
      'X-Forwarded-Host': 'evil.example',
      Host: 'evil.example',
    });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.url.host).toBe('datadog.test');
    expect(Object.keys(fake.requests[0]?.headers ?? {}).sort()).toEqual(['accept', 'dd-api-key', 'dd-application-key']);
  });

  it('does not pass upstream headers such as Set-Cookie or Server to the browser', async () => {
    const { call, fake } = setup();
    fake.on('GET', '/api/v1/monitor', {
      body: [rawMonitor(1)],
      headers: { 'Set-Cookie': 'dd=1', Server: 'datadog', 'X-RateLimit-Remaining': '5' },
    });
    const answer = await call('GET', '/api/monitors');
    expect(answer.status).toBe(200);
    expect(answer.res.headers.get('set-cookie')).toBeNull();
    expect(answer.res.headers.get('server')).toBeNull();
    expect(answer.res.headers.get('x-ratelimit-remaining')).toBeNull();
    expectNoSecrets(answer);
  });
});

describe('cross-site guard on changes', () => {
  const mute = { scope: '*', end: NOW + 3_600_000, reason: 'deploy' };

  it('refuses a change without X-CSRF: 1, before any upstream call', async () => {
    const { call, fake } = setup();
    for (const value of [undefined, '0', 'true']) {
      const answer = await call('POST', '/api/monitors/1/mute', mute, value === undefined ? { 'X-CSRF': '' } : { 'X-CSRF': value });
      expect(answer.status).toBe(403);
      expect(apiError(answer).code).toBe('forbidden');
    }
    const del = await call('DELETE', '/api/downtimes/845e9a1e-0187-11ee-817a-da7ad0900002', undefined, { 'X-CSRF': '' });
    expect(del.status).toBe(403);
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a foreign Origin or a cross-site fetch', async () => {
    const { call, fake } = setup();
    const foreign = await call('POST', '/api/monitors/1/mute', mute, { Origin: 'https://evil.example' });
    const crossSite = await call('POST', '/api/monitors/1/mute', mute, { 'Sec-Fetch-Site': 'cross-site' });
    const opaque = await call('POST', '/api/monitors/1/mute', mute, { Origin: 'null' });
    expect([foreign.status, crossSite.status, opaque.status]).toEqual([403, 403, 403]);
    expect(fake.requests).toHaveLength(0);
  });

  it('accepts a same-origin change', async () => {
    const { call, fake } = setup();
    fake.on('POST', '/api/v2/downtime', { status: 400, body: { errors: ['stop here'] } });
    const answer = await call('POST', 'http://localhost/api/monitors/1/mute', mute, {
      Origin: 'http://localhost',
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(answer.status).toBe(400);
    expect(apiError(answer).code).toBe('upstream_rejected');
  });

  it('grants no CORS preflight', async () => {
    const { call } = setup();
    // A real preflight: foreign Origin and no X-CSRF (a browser never adds custom headers to one): refused.
    const answer = await call('OPTIONS', '/api/monitors/1/mute', undefined, {
      Origin: 'https://evil.example',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'x-csrf, content-type',
      'X-CSRF': '',
    });
    expect(answer.status).toBe(403);
    expect([...answer.res.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
    // Same origin, with the header: OPTIONS is simply not a method of the route.
    const same = await call('OPTIONS', '/api/monitors/1/mute');
    expect(same.status).toBe(405);
    expect([...same.res.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
  });
});

describe('serving the SPA', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'watchdeck-spa-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
    writeFileSync(path.join(tmpdir(), 'watchdeck-outside.txt'), 'outside');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves index.html for / and for client routes, revalidated, with a CSP', async () => {
    const { call } = setup({ staticDir: dir });
    for (const p of ['/', '/monitors/123', '/monitors?status=Alert']) {
      const answer = await call('GET', p);
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('<div id="root">');
      expect(answer.res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(answer.res.headers.get('cache-control')).toBe('no-cache');
      const csp = answer.res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(answer.res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('serves hashed assets with a long cache, and 404s a missing one', async () => {
    const { call } = setup({ staticDir: dir });
    const asset = await call('GET', '/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.text).toBe('console.log(1)');
    expect(asset.res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await call('GET', '/assets/missing-000.js')).status).toBe(404);
    expect((await call('GET', '/favicon.svg')).res.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('never serves a file outside the build folder', async () => {
    const { call } = setup({ staticDir: dir });
    for (const p of ['/../watchdeck-outside.txt', '/%2e%2e/watchdeck-outside.txt', '/assets/%2e%2e%2f%2e%2e%2fwatchdeck-outside.txt']) {
      const answer = await call('GET', p);
      expect(answer.text).not.toBe('outside');
    }
  });

  it('does not fall back to index.html under /api, and refuses other methods', async () => {
    const { call } = setup({ staticDir: dir });
    expect((await call('GET', '/api/unknown')).status).toBe(404);
    expect((await call('POST', '/monitors', {})).status).toBe(405);
  });

  it('answers 404 when there is no build', async () => {
    const { call } = setup({ staticDir: path.join(dir, 'does-not-exist') });
    expect((await call('GET', '/')).status).toBe(404);
  });
});
