import { NOW, UUID_A } from '../testing/fixtures';
import { apiError, setup } from '../testing/test-app';
import { routeTable } from '../routes/route-table';

/** SECURITY 8-9: X-CSRF on every /api request but the liveness probe; no foreign origin; no CORS. */
const table = routeTable({ testControls: true });
const concrete = (path: string) => path.replace(':username', 'test-viewer').replace('/api/downtimes/:id', `/api/downtimes/${UUID_A}`).replace(':id', '42');
const controls = { reset: () => {}, setUpstreamFault: () => {} };
const mute = { end: NOW + 3_600_000, reason: 'r' };

describe('CSRF header on every API request', () => {
  const everyRoute = table.filter((r) => r.spec.path !== '/api/healthz').map((r) => [r.spec.method.toUpperCase(), r.spec.path] as const);

  it.each(everyRoute)('%s %s without X-CSRF: 1 is 403 forbidden, nothing upstream, whoever asks', async (method, path) => {
    const { callAs, fake } = setup({ config: { mode: 'embedded', upstream: null, testControls: true }, testControls: controls });
    for (const caller of ['admin', null] as const) {
      for (const value of ['', '0', 'true', 'yes']) {
        const answer = await callAs(caller, method, concrete(path), method === 'GET' ? undefined : {}, { 'X-CSRF': value });
        expect([value, answer.status, apiError(answer).code]).toEqual([value, 403, 'forbidden']);
      }
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('also guards unknown paths and other methods, and leaves only GET /api/healthz open', async () => {
    const { callAs } = setup();
    const cases: [string, string][] = [['GET', '/api/nope'], ['OPTIONS', '/api/monitors'], ['PUT', '/api/monitors/1'], ['HEAD', '/api/monitors']];
    for (const [method, path] of cases) {
      expect([method, path, (await callAs('admin', method, path, undefined, { 'X-CSRF': '' })).status]).toEqual([method, path, 403]);
    }
    const health = await callAs(null, 'GET', '/api/healthz', undefined, { 'X-CSRF': '' });
    expect(health.status).toBe(200);
    expect((await callAs(null, 'POST', '/api/healthz', undefined, { 'X-CSRF': '' })).status).toBe(403);
  });
});

describe('cross-origin requests', () => {
  it.each([
    ['a foreign Origin', { Origin: 'https://evil.example' }],
    ['a look-alike Origin', { Origin: 'http://localhost.evil.example' }],
    ['an opaque Origin', { Origin: 'null' }],
    ['an unparseable Origin', { Origin: 'not a url' }],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
  ])('refuses %s with 403 and no upstream request, for changes and reads alike', async (_name, headers) => {
    const { call, fake } = setup();
    for (const [method, path, body] of [
      ['POST', '/api/monitors/1/mute', mute],
      ['POST', '/api/monitors/1/unmute', { all: true }],
      ['DELETE', `/api/downtimes/${UUID_A}`, undefined],
      ['GET', '/api/monitors', undefined],
    ] as const) {
      const answer = await call(method, `http://localhost${path}`, body, headers);
      expect([method, answer.status, apiError(answer).code]).toEqual([method, 403, 'forbidden']);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('accepts same-origin and same-site browser requests', async () => {
    const { call, fake } = setup();
    fake.on('POST', '/api/v2/downtime', { status: 400, body: { errors: ['stop here'] } });
    for (const site of ['same-origin', 'same-site', 'none']) {
      const answer = await call('POST', 'http://localhost/api/monitors/1/mute', mute, { Origin: 'http://localhost', 'Sec-Fetch-Site': site });
      expect([site, apiError(answer).code]).toEqual([site, 'upstream_rejected']);
    }
  });

  it('never sends Access-Control-Allow-* headers, to a preflight or anything else', async () => {
    const { call, callAs } = setup();
    const answers = [
      await callAs(null, 'OPTIONS', '/api/monitors', undefined, {
        Origin: 'https://evil.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'x-csrf',
        'X-CSRF': '',
      }),
      await call('GET', '/api/monitors', undefined, { Origin: 'https://evil.example' }),
      await call('GET', '/api/healthz', undefined, { Origin: 'https://evil.example' }),
    ];
    for (const answer of answers) {
      expect([...answer.res.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
    }
  });
});
