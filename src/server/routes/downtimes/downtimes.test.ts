import { rawMonitor, UUID_A } from '../../testing/fixtures';
import { apiError, CANARY, setup } from '../../testing/test-app';

describe('DELETE /api/downtimes/:id', () => {
  it('cancels the downtime upstream and answers 204 with no body', async () => {
    const { call, fake } = setup();
    fake.on('DELETE', `/api/v2/downtime/${UUID_A}`, { status: 204 });
    const answer = await call('DELETE', `/api/downtimes/${UUID_A}`);
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0];
    expect([req?.method, req?.path, req?.query, req?.body]).toEqual(['DELETE', `/api/v2/downtime/${UUID_A}`, {}, undefined]);
    expect(req?.headers['dd-application-key']).toBe(CANARY.appKey);
    expect(req?.headers['content-type']).toBeUndefined();
  });

  it('answers 404 not_found for an unknown downtime', async () => {
    const { call, fake } = setup();
    fake.on('DELETE', `/api/v2/downtime/${UUID_A}`, { status: 404, body: { errors: [`Downtime ${UUID_A} not found`] } });
    const answer = await call('DELETE', `/api/downtimes/${UUID_A}`);
    expect(answer.status).toBe(404);
    expect(apiError(answer)).toMatchObject({ code: 'not_found', upstream: [`Downtime ${UUID_A} not found`] });
  });

  it('makes the next monitor list ask Datadog again', async () => {
    const { call, fake } = setup();
    fake.on('DELETE', `/api/v2/downtime/${UUID_A}`, { status: 204 });
    fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1)] });
    await call('GET', '/api/monitors');
    await call('DELETE', `/api/downtimes/${UUID_A}`);
    await call('GET', '/api/monitors');
    expect(fake.calls('GET', '/api/v1/monitor')).toHaveLength(2);
  });

  it.each(['not-a-uuid', '845e9a1e-0187-11ee-817a', '845e9a1e0187-11ee-817a-da7ad0900002x', '..%2F..%2Fv1%2Forg'])(
    'rejects the id %j with 400 and no upstream call',
    async (id) => {
      const { call, fake } = setup();
      const answer = await call('DELETE', `/api/downtimes/${id}`);
      expect(answer.status).toBe(400);
      expect(apiError(answer).fields).toEqual({ 'params.id': ['must be a UUID'] });
      expect(fake.requests).toHaveLength(0);
    },
  );
});
