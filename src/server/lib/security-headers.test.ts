import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NOW } from '../testing/fixtures';
import { type Answer, setup } from '../testing/test-app';

/** SECURITY 37-38: the headers every response carries, whatever it is. */
describe('security headers', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'watchdeck-headers-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function everyKind(): Promise<[string, Answer, 'api' | 'csv' | 'html' | 'other'][]> {
    const { call, callAs } = setup({ staticDir: dir, as: 'admin' });
    return [
      ['API 200', await call('GET', '/api/healthz'), 'api'],
      ['API 400', await call('GET', '/api/healthz?x=1'), 'api'],
      ['API 401', await callAs(null, 'GET', '/api/monitors'), 'api'],
      ['API 403', await call('GET', '/api/monitors', undefined, { 'X-CSRF': '' }), 'api'],
      ['API 404', await call('GET', '/api/nope'), 'api'],
      ['API 405', await call('PUT', '/api/monitors/1', {}), 'api'],
      ['API 413', await call('POST', '/api/monitors/1/mute', { end: NOW + 1000, reason: 'x'.repeat(70_000) }), 'api'],
      ['API CSV', await callAs('admin', 'GET', '/api/audit.csv'), 'csv'],
      ['HTML', await call('GET', '/monitors/1'), 'html'],
      ['static 404', await call('GET', '/assets/missing.js'), 'other'],
      ['static 405', await call('POST', '/monitors', {}), 'other'],
      // Last: it ends the session.
      ['API 204', await call('DELETE', '/api/session'), 'api'],
    ];
  }

  it('on every response: nosniff, Referrer-Policy no-referrer, HSTS for a year, and no X-Powered-By', async () => {
    for (const [name, answer] of await everyKind()) {
      const h = answer.res.headers;
      expect([name, h.get('x-content-type-options')]).toEqual([name, 'nosniff']);
      expect([name, h.get('referrer-policy')]).toEqual([name, 'no-referrer']);
      expect([name, h.get('strict-transport-security')]).toEqual([name, 'max-age=31536000']);
      expect([name, h.get('x-powered-by')]).toEqual([name, null]);
      expect([name, h.get('x-frame-options')]).toEqual([name, 'DENY']);
    }
  });

  it('on the API: Cache-Control no-store and application/json; charset=utf-8 (CSV excepted)', async () => {
    for (const [name, answer, kind] of await everyKind()) {
      if (kind !== 'api' && kind !== 'csv') continue;
      expect([name, answer.res.headers.get('cache-control')]).toEqual([name, 'no-store']);
      const type = answer.res.headers.get('content-type');
      if (answer.status === 204) expect([name, type]).toEqual([name, null]);
      else expect([name, type]).toEqual([name, kind === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8']);
    }
  });

  it('on HTML: a CSP without unsafe-inline or unsafe-eval, with object-src, base-uri and frame-ancestors none', async () => {
    const html = (await everyKind()).find(([name]) => name === 'HTML')?.[1] as Answer;
    const csp = html.res.headers.get('content-security-policy') ?? '';
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "script-src 'self'", "default-src 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});
