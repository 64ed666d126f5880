import { PeopleResponseSchema } from '../../../contract/incidents';
import { rawUserFull, USER_ADA, USER_GRACE } from '../../testing/incident-fixtures';
import { apiError, setup } from '../../testing/test-app';

describe('GET /api/people', () => {
  it('asks Datadog for up to 100 users matching the text, and leaves disabled ones out', async () => {
    const { call, fake } = setup({ as: 'viewer' });
    fake.on('GET', '/api/v2/users', {
      body: {
        data: [rawUserFull(USER_ADA, 'Ada'), rawUserFull(USER_GRACE, null), rawUserFull('u-gone', 'Gone', { disabled: true }), 7],
        meta: { page: { total_count: 4 } },
      },
    });
    const answer = await call('GET', '/api/people?q=%20ad%20');
    expect(answer.status).toBe(200);
    expect(PeopleResponseSchema.parse(answer.json).people).toEqual([
      { id: USER_ADA, name: 'Ada', handle: 'ada@example.com', email: 'ada@example.com' },
      { id: USER_GRACE, name: null, handle: 'nobody@example.com', email: 'nobody@example.com' },
    ]);
    expect(fake.requests.map((r) => [r.method, r.path, r.query, r.body])).toEqual([
      ['GET', '/api/v2/users', { filter: 'ad', 'page[size]': '100' }, undefined],
    ]);
  });

  it('sends no filter without a search text', async () => {
    const { call, fake } = setup();
    fake.on('GET', '/api/v2/users', { body: { data: [] } });
    expect(PeopleResponseSchema.parse((await call('GET', '/api/people')).json).people).toEqual([]);
    expect(fake.requests[0]?.query).toEqual({ 'page[size]': '100' });
  });

  it('rejects a text over 200 characters and unknown parameters with 400 and nothing upstream', async () => {
    const { call, fake } = setup();
    expect(Object.keys(apiError(await call('GET', `/api/people?q=${'x'.repeat(201)}`)).fields ?? {})).toEqual(['query.q']);
    expect(Object.keys(apiError(await call('GET', '/api/people?filter=x')).fields ?? {})).toEqual(['query.filter']);
    expect(fake.requests).toHaveLength(0);
  });

  it('keeps each role’s answers apart', async () => {
    const { callAs, fake } = setup();
    fake.on('GET', '/api/v2/users', { body: { data: [rawUserFull(USER_ADA, 'Ada')] } });
    await callAs('viewer', 'GET', '/api/people');
    await callAs('viewer', 'GET', '/api/people');
    await callAs('admin', 'GET', '/api/people');
    expect(fake.requests).toHaveLength(2);
  });
});
