import { z } from 'zod';
import { CSRF_HEADER, CSRF_VALUE } from '../contract/errors';
import { mockApi, reply } from '../testing/mock-api';
import { api, ApiError, apiDownload, apiRequest, filenameFromDisposition, onUnauthenticated, toApiError } from './api-client';
import { shouldRetry } from './query-client';

const Thing = z.object({ id: z.number() });

describe('api-client', () => {
  it('parses a success body with the schema it is given', async () => {
    mockApi({ 'GET /api/things': { id: 7 } });
    await expect(api.get('/api/things', Thing)).resolves.toEqual({ id: 7 });
  });

  it('maps a BFF error body to ApiError with status, code, message, requestId, fields and retryAfter', async () => {
    mockApi({
      'POST /api/things': () =>
        reply.error(400, 'validation_failed', 'Scope is invalid', {
          requestId: 'req-42',
          fields: { scope: ['All values must have a key'] },
        }),
      'GET /api/slow': () => reply.error(429, 'rate_limited', 'Slow down', { retryAfter: 12 }),
    });
    const error = await api.post('/api/things', { scope: 'x' }, Thing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'Scope is invalid',
      requestId: 'req-42',
      fields: { scope: ['All values must have a key'] },
    });
    const limited = await api.get('/api/slow', Thing).catch((e: unknown) => e);
    expect(limited).toMatchObject({ status: 429, code: 'rate_limited', retryAfter: 12 });
  });

  it('maps an error without a JSON body to http_<status>, keeping the request id header', async () => {
    mockApi({ 'GET /api/things': () => ({ status: 502, headers: { 'x-request-id': 'hdr-1' } }) });
    const error = await api.get('/api/things', Thing).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'http_502', requestId: 'hdr-1' });
  });

  it('maps a network failure to code "network"', async () => {
    mockApi({ 'GET /api/things': () => reply.networkError() });
    const error = await api.get('/api/things', Thing).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network' });
  });

  it('rejects a success body that does not match the contract as invalid_response', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    mockApi({ 'GET /api/things': { id: 'seven' } });
    const error = await api.get('/api/things', Thing).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_response' });
  });

  it('sends JSON bodies and accepts 204', async () => {
    const mock = mockApi({ 'DELETE /api/things/:id': () => reply.noContent(), 'POST /api/echo': (r) => reply.json({ id: (r.body as { n: number }).n }) });
    await expect(api.delete('/api/things/abc')).resolves.toBeUndefined();
    await expect(api.post('/api/echo', { n: 3 }, Thing)).resolves.toEqual({ id: 3 });
    expect(mock.callsTo('POST', '/api/echo')[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('sends the CSRF header on every request, reads included (the BFF refuses any /api call without it)', async () => {
    const mock = mockApi({
      'GET /api/things': { id: 1 },
      'POST /api/things': { id: 2 },
      'PATCH /api/things/:id': { id: 3 },
      'DELETE /api/things/:id': () => reply.noContent(),
    });
    await api.get('/api/things', Thing);
    await api.post('/api/things', {}, Thing);
    await api.patch('/api/things/x', { n: 1 }, Thing);
    await api.delete('/api/things/x');
    expect(mock.calls).toHaveLength(4);
    for (const call of mock.calls) expect(call.headers.get(CSRF_HEADER)).toBe(CSRF_VALUE);
  });

  it('reports a 401 to the onUnauthenticated listeners, except for calls that expect one', async () => {
    mockApi({
      'GET /api/things': () => reply.error(401, 'unauthenticated', 'Session expired'),
      'POST /api/session': () => reply.error(401, 'invalid_credentials', 'Wrong username or password'),
      'GET /api/other': () => reply.error(403, 'forbidden', 'Needs responder'),
    });
    const listener = vi.fn();
    const unsubscribe = onUnauthenticated(listener);
    await expect(api.get('/api/things', Thing)).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]![0]).toMatchObject({ code: 'unauthenticated' });

    await expect(apiRequest('/api/session', { method: 'POST', body: {}, authRequired: false })).rejects.toMatchObject({ status: 401 });
    await expect(api.get('/api/other', Thing)).rejects.toMatchObject({ status: 403 });
    expect(listener).toHaveBeenCalledTimes(1);

    unsubscribe();
    await api.get('/api/things', Thing).catch(() => {});
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('downloads a file with the CSRF header and the name the BFF gives it', async () => {
    const mock = mockApi({
      'GET /api/audit.csv': () => reply.text('id,actor\n1,alice\n', 'text/csv', { 'Content-Disposition': 'attachment; filename="audit-2025.csv"' }),
    });
    const file = await apiDownload('/api/audit.csv?actor=alice', { accept: 'text/csv' });
    expect(file.filename).toBe('audit-2025.csv');
    expect(await file.blob.text()).toBe('id,actor\n1,alice\n');
    expect(mock.calls[0]!.headers.get(CSRF_HEADER)).toBe(CSRF_VALUE);
    expect(mock.calls[0]!.headers.get('accept')).toBe('text/csv');
    expect(mock.calls[0]!.url.search).toBe('?actor=alice');
  });

  it('keeps only a safe file name from Content-Disposition', () => {
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(filenameFromDisposition("attachment; filename*=UTF-8''audit%20log.csv")).toBe('audit_log.csv');
    expect(filenameFromDisposition('attachment')).toBeNull();
    expect(filenameFromDisposition(null)).toBeNull();
  });

  it('refuses paths outside /api', async () => {
    await expect(apiRequest('https://evil.example/x')).rejects.toThrow(/only calls the BFF/);
  });

  it('toApiError wraps anything', () => {
    expect(toApiError(new Error('boom'))).toMatchObject({ code: 'client_error', message: 'boom' });
  });
});

describe('shouldRetry', () => {
  it('never retries a 4xx and retries other failures at most twice', () => {
    const e4 = new ApiError({ status: 404, code: 'not_found', message: 'x' });
    const e429 = new ApiError({ status: 429, code: 'rate_limited', message: 'x' });
    const e5 = new ApiError({ status: 502, code: 'upstream_error', message: 'x' });
    const net = new ApiError({ status: 0, code: 'network', message: 'x' });
    expect(shouldRetry(0, e4)).toBe(false);
    expect(shouldRetry(0, e429)).toBe(false);
    expect(shouldRetry(0, e5)).toBe(true);
    expect(shouldRetry(1, net)).toBe(true);
    expect(shouldRetry(2, e5)).toBe(false);
  });
});
