import { MemberSchema, TeamDetailSchema, TeamListResponseSchema, TeamSchema } from '../../../contract/teams';
import { NOW } from '../../testing/fixtures';
import { rawMembership, rawTeam, rawUserFull, TEAM_ID, USER_ADA, USER_GRACE } from '../../testing/incident-fixtures';
import { apiError, setup } from '../../testing/test-app';

const ONE = `/api/v2/team/${TEAM_ID}`;
const MEMBERSHIPS = `${ONE}/memberships`;

const numberSize = (o: { number: number; size: number; total: number }) => ({
  pagination: {
    number: o.number,
    first_number: 0,
    prev_number: Math.max(0, o.number - 1),
    next_number: o.number + 1,
    last_number: o.total === 0 ? 0 : Math.ceil(o.total / o.size) - 1,
    size: o.size,
    type: 'number_size',
    total: o.total,
  },
});

describe('GET /api/teams', () => {
  it('searches by keyword, one page at a time, with the total and the last page', async () => {
    const { call, fake } = setup({ as: 'viewer' });
    fake.on('GET', '/api/v2/team', { body: { data: [rawTeam({ userCount: 4, description: 'Owns checkout' })], meta: numberSize({ number: 1, size: 2, total: 3 }) } });
    const answer = await call('GET', '/api/teams?q=%20pay%20&page=1&size=2');
    expect(answer.status).toBe(200);
    const body = TeamListResponseSchema.parse(answer.json);
    expect(body).toMatchObject({ total: 3, page: 1, size: 2, lastPage: 1 });
    expect(body.teams).toEqual([
      {
        id: TEAM_ID,
        name: 'Payments',
        handle: 'payments',
        description: 'Owns checkout',
        userCount: 4,
        createdAt: NOW - 86_400_000,
        modifiedAt: NOW - 3_600_000,
      },
    ]);
    expect(fake.requests.map((r) => [r.method, r.path, r.query])).toEqual([
      ['GET', '/api/v2/team', { 'filter[keyword]': 'pay', 'page[number]': '1', 'page[size]': '2' }],
    ]);
  });

  it('defaults to the first page of 25 and sends no keyword without a search', async () => {
    const { call, fake } = setup();
    fake.on('GET', '/api/v2/team', { body: { data: [rawTeam()], meta: numberSize({ number: 0, size: 25, total: 1 }) } });
    expect(TeamListResponseSchema.parse((await call('GET', '/api/teams')).json)).toMatchObject({ page: 0, size: 25, total: 1, lastPage: 0 });
    expect(fake.requests[0]?.query).toEqual({ 'page[number]': '0', 'page[size]': '25' });
  });

  it('answers an empty list with last page 0', async () => {
    const { call, fake } = setup();
    fake.on('GET', '/api/v2/team', { body: { data: [], meta: numberSize({ number: 0, size: 25, total: 0 }) } });
    expect(TeamListResponseSchema.parse((await call('GET', '/api/teams?q=none')).json)).toMatchObject({ teams: [], total: 0, lastPage: 0 });
  });

  it('answers a page past the end with no teams and the real last page', async () => {
    const { call, fake } = setup();
    fake.on('GET', '/api/v2/team', { body: { data: [], meta: numberSize({ number: 9, size: 2, total: 3 }) } });
    expect(TeamListResponseSchema.parse((await call('GET', '/api/teams?page=9&size=2')).json)).toMatchObject({
      teams: [],
      total: 3,
      page: 9,
      lastPage: 1,
    });
  });

  it('works the last page out from the total when Datadog answers the offset form', async () => {
    const { call, fake } = setup();
    fake.on('GET', '/api/v2/team', {
      body: { data: [rawTeam()], meta: { pagination: { offset: 0, limit: 100, type: 'offset_limit', total: 51, last_offset: 0 } } },
    });
    expect(TeamListResponseSchema.parse((await call('GET', '/api/teams?size=10')).json)).toMatchObject({ total: 51, lastPage: 5 });
  });

  it('rejects bad paging with 400 and nothing upstream', async () => {
    const { call, fake } = setup();
    for (const qs of ['?page=-1', '?size=0', '?size=101', '?keyword=x']) expect((await call('GET', `/api/teams${qs}`)).status).toBe(400);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('POST /api/teams', () => {
  it('creates the team (name and handle, no members) and answers 201', async () => {
    const { callAs, fake, store } = setup();
    fake.on('POST', '/api/v2/team', { status: 201, body: { data: rawTeam({ name: 'Checkout crew', handle: 'checkout-crew', description: 'We ship carts' }) } });
    const answer = await callAs('admin', 'POST', '/api/teams', { name: ' Checkout crew ', handle: 'checkout-crew', description: 'We ship carts' });
    expect(answer.status).toBe(201);
    expect(TeamSchema.parse(answer.json)).toMatchObject({ id: TEAM_ID, name: 'Checkout crew', handle: 'checkout-crew', description: 'We ship carts', userCount: 0 });
    expect(fake.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      [
        'POST',
        '/api/v2/team',
        {
          data: {
            type: 'team',
            attributes: { name: 'Checkout crew', handle: 'checkout-crew', description: 'We ship carts' },
            relationships: { users: { data: [] } },
          },
        },
      ],
    ]);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'team.create', target: `team:${TEAM_ID}`, outcome: 'allowed', status: 201, detail: 'handle=checkout-crew' });
  });

  it('answers a taken name or handle with 409 conflict, Datadog’s message and field errors', async () => {
    const { callAs, fake, store } = setup();
    fake.on('POST', '/api/v2/team', { status: 409, body: { errors: ['Team name and handle must be unique'] } });
    const answer = await callAs('admin', 'POST', '/api/teams', { name: 'Payments', handle: 'payments' });
    expect(answer.status).toBe(409);
    expect(apiError(answer)).toMatchObject({
      code: 'conflict',
      message: 'Team name and handle must be unique',
      upstream: ['Team name and handle must be unique'],
      fields: { name: ['Team name and handle must be unique'], handle: ['Team name and handle must be unique'] },
    });
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'team.create', outcome: 'invalid', status: 409, upstreamStatus: 409 });
  });

  it.each([
    ['an empty name', { name: ' ', handle: 'x' }, ['name']],
    ['a handle with capitals and spaces', { name: 'x', handle: 'Web Team' }, ['handle']],
    ['no handle', { name: 'x' }, ['handle']],
  ])('rejects %s with 400 and nothing upstream', async (_name, body, fields) => {
    const { callAs, fake } = setup();
    const answer = await callAs('admin', 'POST', '/api/teams', body);
    expect([answer.status, Object.keys(apiError(answer).fields ?? {})]).toEqual([400, fields]);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('GET /api/teams/:id', () => {
  it('answers the team with its members, named from the included users', async () => {
    const { call, fake } = setup({ as: 'viewer' });
    fake.on('GET', ONE, { body: { data: rawTeam({ userCount: 2 }) } });
    fake.on('GET', MEMBERSHIPS, {
      body: { data: [rawMembership(USER_ADA, 'admin'), rawMembership(USER_GRACE)], included: [rawUserFull(USER_ADA, 'Ada')] },
    });
    const answer = await call('GET', `/api/teams/${TEAM_ID}`);
    expect(answer.status).toBe(200);
    const team = TeamDetailSchema.parse(answer.json);
    expect(team).toMatchObject({ id: TEAM_ID, name: 'Payments', userCount: 2 });
    expect(team.members).toEqual([
      { id: USER_ADA, name: 'Ada', handle: 'ada@example.com', email: 'ada@example.com', membershipId: expect.stringContaining('TeamMembership-'), role: 'admin' },
      { id: USER_GRACE, name: null, handle: USER_GRACE, email: null, membershipId: expect.any(String), role: null },
    ]);
    expect(fake.requests.map((r) => [r.method, r.path, r.query]).sort()).toEqual([
      ['GET', ONE, {}],
      ['GET', MEMBERSHIPS, { 'page[number]': '0', 'page[size]': '100' }],
    ]);
  });

  it('reads every page of members', async () => {
    const { call, fake } = setup();
    fake.on('GET', ONE, { body: { data: rawTeam() } });
    const users = Array.from({ length: 130 }, (_, i) => `user-${i}`);
    fake.on('GET', MEMBERSHIPS, (req) => {
      const page = Number(req.query['page[number]']);
      return { body: { data: users.slice(page * 100, page * 100 + 100).map((u) => ({ ...rawMembership(u), id: `m-${u}` })) } };
    });
    expect(TeamDetailSchema.parse((await call('GET', `/api/teams/${TEAM_ID}`)).json).members).toHaveLength(130);
    expect(fake.calls('GET', MEMBERSHIPS).map((r) => r.query['page[number]'])).toEqual(['0', '1']);
  });

  it('answers 404 with Datadog’s message', async () => {
    const { call, fake } = setup();
    fake.on('GET', /.*/, { status: 404, body: { errors: [`Team for ID ${TEAM_ID} not found`] } });
    const answer = await call('GET', `/api/teams/${TEAM_ID}`);
    expect([answer.status, apiError(answer).upstream]).toEqual([404, [`Team for ID ${TEAM_ID} not found`]]);
  });
});

describe('PATCH /api/teams/:id', () => {
  it('renames the team, sending the current handle too (Datadog requires both)', async () => {
    const { callAs, fake, store } = setup();
    fake.on('GET', ONE, { body: { data: rawTeam({ description: 'Owns checkout' }) } });
    fake.on('PATCH', ONE, { body: { data: rawTeam({ name: 'Payments & billing', description: 'Owns checkout' }) } });
    const answer = await callAs('admin', 'PATCH', `/api/teams/${TEAM_ID}`, { name: 'Payments & billing' });
    expect(answer.status).toBe(200);
    expect(TeamSchema.parse(answer.json).name).toBe('Payments & billing');
    expect(fake.requests.map((r) => [r.method, r.path])).toEqual([
      ['GET', ONE],
      ['PATCH', ONE],
    ]);
    expect(fake.requests[1]?.body).toEqual({ data: { type: 'team', attributes: { name: 'Payments & billing', handle: 'payments' } } });
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'team.update', target: `team:${TEAM_ID}`, detail: 'fields=name' });
  });

  it('clears the description with null', async () => {
    const { callAs, fake } = setup();
    fake.on('GET', ONE, { body: { data: rawTeam({ description: 'old' }) } });
    fake.on('PATCH', ONE, { body: { data: rawTeam() } });
    await callAs('admin', 'PATCH', `/api/teams/${TEAM_ID}`, { description: null });
    expect(fake.requests[1]?.body).toEqual({ data: { type: 'team', attributes: { name: 'Payments', handle: 'payments', description: '' } } });
  });

  it('answers a taken handle with 409 conflict on the handle', async () => {
    const { callAs, fake } = setup();
    fake.on('GET', ONE, { body: { data: rawTeam() } });
    fake.on('PATCH', ONE, { status: 409, body: { errors: ['Team name and handle must be unique'] } });
    const answer = await callAs('admin', 'PATCH', `/api/teams/${TEAM_ID}`, { handle: 'web' });
    expect([answer.status, apiError(answer).code, Object.keys(apiError(answer).fields ?? {})]).toEqual([409, 'conflict', ['handle']]);
  });

  it('rejects nothing to change, and a bad handle, with 400 and nothing upstream', async () => {
    const { callAs, fake } = setup();
    expect((await callAs('admin', 'PATCH', `/api/teams/${TEAM_ID}`, {})).status).toBe(400);
    expect((await callAs('admin', 'PATCH', `/api/teams/${TEAM_ID}`, { handle: '-x' })).status).toBe(400);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('DELETE /api/teams/:id', () => {
  it('deletes the team: 204, then 404 with Datadog’s message', async () => {
    const { callAs, fake, store } = setup();
    fake.enqueue({ status: 204 }, { status: 404, body: { errors: [`Team for ID ${TEAM_ID} not found`] } });
    const answer = await callAs('admin', 'DELETE', `/api/teams/${TEAM_ID}`);
    expect([answer.status, answer.text]).toEqual([204, '']);
    expect(fake.requests.map((r) => [r.method, r.path, r.body])).toEqual([['DELETE', ONE, undefined]]);
    expect((await callAs('admin', 'DELETE', `/api/teams/${TEAM_ID}`)).status).toBe(404);
    expect(store.audit.query({ limit: 2 }).map((r) => [r.action, r.status])).toEqual([
      ['team.delete', 404],
      ['team.delete', 204],
    ]);
  });
});

describe('team members', () => {
  it('adds a user: 201 with the member, named from the answer', async () => {
    const { callAs, fake, store } = setup();
    fake.on('POST', MEMBERSHIPS, {
      headers: { 'Content-Type': 'application/vnd.api+json' },
      body: { data: rawMembership(USER_ADA), included: [rawUserFull(USER_ADA, 'Ada')] },
    });
    const answer = await callAs('admin', 'POST', `/api/teams/${TEAM_ID}/members`, { userId: USER_ADA });
    expect(answer.status).toBe(201);
    expect(MemberSchema.parse(answer.json)).toMatchObject({ id: USER_ADA, name: 'Ada', role: null, membershipId: expect.stringContaining('TeamMembership-') });
    expect(fake.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', MEMBERSHIPS, { data: { type: 'team_memberships', relationships: { user: { data: { type: 'users', id: USER_ADA } } } } }],
    ]);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'team.member.add', target: `team:${TEAM_ID}`, detail: `user=${USER_ADA}` });
  });

  it('names a member by id when the answer leaves the user out', async () => {
    const { callAs, fake } = setup();
    fake.on('POST', MEMBERSHIPS, { body: { data: { id: 'm1', type: 'team_memberships', attributes: {} } } });
    const member = MemberSchema.parse((await callAs('admin', 'POST', `/api/teams/${TEAM_ID}/members`, { userId: USER_GRACE })).json);
    expect(member).toEqual({ id: USER_GRACE, name: null, handle: USER_GRACE, email: null, membershipId: 'm1', role: null });
  });

  it('answers a user already on the team with 409 conflict and Datadog’s JSON:API message', async () => {
    const { callAs, fake } = setup();
    const detail = `users already present on the team [${USER_ADA}]`;
    fake.on('POST', MEMBERSHIPS, {
      status: 409,
      headers: { 'Content-Type': 'application/vnd.api+json' },
      body: { errors: [{ status: '409', title: 'Conflict', detail }] },
    });
    const answer = await callAs('admin', 'POST', `/api/teams/${TEAM_ID}/members`, { userId: USER_ADA });
    expect(answer.status).toBe(409);
    expect(apiError(answer)).toMatchObject({ code: 'conflict', message: detail, upstream: [detail], fields: { userId: [detail] } });
  });

  it('removes a user by id: 204, the id encoded into the path', async () => {
    const { callAs, fake, store } = setup();
    fake.on('DELETE', /^\/api\/v2\/team\/.*\/memberships\/.*$/, { status: 204 });
    const answer = await callAs('admin', 'DELETE', `/api/teams/${TEAM_ID}/members/${encodeURIComponent('a b/c')}`);
    expect(answer.status).toBe(204);
    expect(fake.requests[0]?.url.pathname).toBe(`${MEMBERSHIPS}/a%20b%2Fc`);
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ action: 'team.member.remove', detail: 'user=a b/c' });
  });

  it('rejects a missing user id and a bad team id with 400 and nothing upstream', async () => {
    const { callAs, fake } = setup();
    expect((await callAs('admin', 'POST', `/api/teams/${TEAM_ID}/members`, {})).status).toBe(400);
    expect((await callAs('admin', 'POST', '/api/teams/payments/members', { userId: 'x' })).status).toBe(400);
    expect((await callAs('admin', 'DELETE', `/api/teams/payments/members/x`)).status).toBe(400);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('only admins change teams (SECURITY 14)', () => {
  it.each([
    ['POST', '/api/teams', { name: 'x', handle: 'x' }],
    ['PATCH', `/api/teams/${TEAM_ID}`, { name: 'x' }],
    ['DELETE', `/api/teams/${TEAM_ID}`, undefined],
    ['POST', `/api/teams/${TEAM_ID}/members`, { userId: 'x' }],
    ['DELETE', `/api/teams/${TEAM_ID}/members/x`, undefined],
  ])('a responder gets 403 for %s %s, and nothing goes upstream', async (method, path, body) => {
    const { callAs, fake } = setup();
    const answer = await callAs('responder', method, path, body);
    expect([answer.status, apiError(answer).code]).toEqual([403, 'forbidden']);
    expect(fake.requests).toHaveLength(0);
  });
});
