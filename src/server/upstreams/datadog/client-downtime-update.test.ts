import { FakeUpstream } from '../../testing/fake-upstream';
import { rawDowntime, UUID_A } from '../../testing/fixtures';
import { CANARY } from '../../testing/test-app';
import { createDatadogClient } from './client';

function setup() {
  const fake = new FakeUpstream();
  const client = createDatadogClient({ baseUrl: 'https://api.datadoghq.test/', ...CANARY, fetch: fake.fetch, timeoutMs: 1000, retries: 2, retryBaseMs: 1 });
  return { fake, client };
}

describe('updateDowntime (PATCH /api/v2/downtime/{id})', () => {
  it('sends only the attributes to change, with the keys, and reads the answer', async () => {
    const { fake, client } = setup();
    fake.on('PATCH', `/api/v2/downtime/${UUID_A}`, { body: { data: rawDowntime(UUID_A, { schedule: { start: null, end: '2026-09-01T14:00:00.000Z' } }) } });
    const body = {
      data: { type: 'downtime' as const, id: UUID_A, attributes: { schedule: { end: '2026-09-01T14:00:00.000Z' }, mute_first_recovery_notification: true } },
    };
    const answer = await client.updateDowntime(UUID_A, body);
    expect(answer.data.attributes?.schedule?.end).toBe('2026-09-01T14:00:00.000Z');
    const [req] = fake.requests;
    expect([req?.method, req?.path, req?.body]).toEqual(['PATCH', `/api/v2/downtime/${UUID_A}`, body]);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.headers['dd-api-key']).toBe(CANARY.apiKey);
  });

  it('encodes the id into the path', async () => {
    const { fake, client } = setup();
    fake.on('PATCH', /.*/, { body: { data: rawDowntime(UUID_A) } });
    await client.updateDowntime('../v1/org', { data: { type: 'downtime', id: '../v1/org', attributes: {} } });
    expect(fake.requests[0]?.url.pathname).toBe('/api/v2/downtime/..%2Fv1%2Forg');
  });

  it('never retries a PATCH, and classifies a 404', async () => {
    const { fake, client } = setup();
    fake.on('PATCH', /.*/, { status: 503, body: {} });
    await expect(client.updateDowntime(UUID_A, { data: { type: 'downtime', id: UUID_A, attributes: {} } })).rejects.toMatchObject({ kind: 'server' });
    expect(fake.requests).toHaveLength(1);
    fake.reset();
    fake.on('PATCH', /.*/, { status: 404, body: { errors: ['Downtime not found'] } });
    await expect(client.updateDowntime(UUID_A, { data: { type: 'downtime', id: UUID_A, attributes: {} } })).rejects.toMatchObject({
      kind: 'not_found',
      messages: ['Downtime not found'],
    });
  });
});
