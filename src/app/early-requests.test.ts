import { apiPaths, authPaths } from '../contract/api-paths';
import { MonitorListResponseSchema } from '../contract/monitors';
import { CSRF_HEADER, CSRF_VALUE } from '../contract/errors';
import { paths } from '../config/paths';
import { api } from '../lib/api-client';
import { EARLY_REQUESTS_KEY } from '../lib/early-responses';
import { mockApi, reply } from '../testing/mock-api';
import { listResponse } from '../testing/monitor-fixtures';
import { EARLY_HEADERS, EARLY_KEY, EARLY_PAGES, EARLY_PATHS, sendEarlyRequests } from './early-requests';

const page = globalThis as unknown as Record<string, unknown>;

afterEach(() => {
  delete page[EARLY_KEY];
});

describe('early requests (the first script on the page)', () => {
  it('writes out the same paths, header and hand-over key as the app uses (it imports nothing)', () => {
    expect(EARLY_PATHS).toEqual([authPaths.session, apiPaths.config, apiPaths.monitors]);
    expect(EARLY_HEADERS).toEqual({ Accept: 'application/json', [CSRF_HEADER]: CSRF_VALUE });
    expect(EARLY_PAGES).toEqual([paths.home.path, paths.monitors.path]);
    expect(EARLY_KEY).toBe(EARLY_REQUESTS_KEY);
  });

  it('on the monitor list sends the session, config and list requests at once, as the api client would', () => {
    const mock = mockApi({ 'GET /api/session': {}, 'GET /api/config': {}, 'GET /api/monitors': listResponse() });
    sendEarlyRequests('/monitors', page, fetch);
    expect(mock.calls.map((c) => c.path)).toEqual(['/api/session', '/api/config', '/api/monitors']);
    for (const call of mock.calls) expect(call.headers.get(CSRF_HEADER)).toBe(CSRF_VALUE);
    expect(Object.keys(page[EARLY_KEY] as object)).toEqual(EARLY_PATHS);
  });

  it('sends nothing on other pages', () => {
    const send = vi.fn<typeof fetch>();
    for (const pathname of ['/login', '/monitors/12', '/maintenance', '/incidents']) sendEarlyRequests(pathname, page, send);
    expect(send).not.toHaveBeenCalled();
    expect(page[EARLY_KEY]).toBeUndefined();
  });

  it('the api client uses each early answer once, then asks again', async () => {
    const mock = mockApi({ 'GET /api/session': {}, 'GET /api/config': {}, 'GET /api/monitors': listResponse() });
    sendEarlyRequests('/', page, fetch);
    await expect(api.get(apiPaths.monitors, MonitorListResponseSchema)).resolves.toMatchObject({ stale: false });
    expect(mock.callsTo('GET', '/api/monitors')).toHaveLength(1);
    await api.get(apiPaths.monitors, MonitorListResponseSchema);
    expect(mock.callsTo('GET', '/api/monitors')).toHaveLength(2);
  });

  it('an early answer that failed is reported like any failed request (and was not an unhandled rejection)', async () => {
    mockApi({
      'GET /api/session': () => reply.networkError(),
      'GET /api/config': () => reply.error(502, 'upstream_auth', 'Datadog refused the key'),
      'GET /api/monitors': listResponse(),
    });
    sendEarlyRequests('/monitors', page, fetch);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(api.get(authPaths.session, MonitorListResponseSchema)).rejects.toMatchObject({ code: 'network' });
    await expect(api.get(apiPaths.config, MonitorListResponseSchema)).rejects.toMatchObject({ status: 502, code: 'upstream_auth' });
  });
});
