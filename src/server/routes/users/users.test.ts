import { UserListResponseSchema, UserSchema } from '../../../contract/auth';
import { NOW, rawMonitor } from '../../testing/fixtures';
import { addUser, apiError, sessionCookieOf, setup, signInDirectly, TEST_USERS } from '../../testing/test-app';

const CANARY_PASSWORD = 'canary-user-password-51c0de';
const NEW_PASSWORD = 'canary-new-password-7e11aa';

describe('GET /api/users', () => {
  it('lists every user, never a password hash', async () => {
    const { call } = setup({ as: 'admin' });
    const answer = await call('GET', '/api/users');
    expect(answer.status).toBe(200);
    const { users } = UserListResponseSchema.parse(answer.json);
    expect(users.map((u) => u.username)).toEqual([...Object.values(TEST_USERS)].sort());
    expect(answer.text).not.toMatch(/scrypt|password|hash/i);
    expect(users.find((u) => u.username === TEST_USERS.disabled)).toMatchObject({ disabled: true });
  });
});

describe('POST /api/users', () => {
  it('creates a user who can then sign in; 201', async () => {
    const { call, callAs } = setup({ as: 'admin' });
    const answer = await call('POST', '/api/users', { username: ' Bob.Smith ', password: CANARY_PASSWORD, role: 'viewer' });
    expect(answer.status).toBe(201);
    expect(UserSchema.parse(answer.json)).toEqual({ username: 'bob.smith', role: 'viewer', disabled: false, createdAt: NOW, lastLoginAt: null });
    expect(answer.text).not.toContain(CANARY_PASSWORD);
    const login = await callAs(null, 'POST', '/api/session', { username: 'bob.smith', password: CANARY_PASSWORD });
    expect(login.status).toBe(200);
  });

  it('answers 409 conflict for a taken username', async () => {
    const { call } = setup({ as: 'admin' });
    const answer = await call('POST', '/api/users', { username: TEST_USERS.viewer, password: CANARY_PASSWORD, role: 'admin' });
    expect([answer.status, apiError(answer).code]).toEqual([409, 'conflict']);
  });

  it.each([
    ['a short password', { username: 'bob', password: 'short', role: 'viewer' }, ['password']],
    ['a bad username', { username: 'Bob Smith!', password: CANARY_PASSWORD, role: 'viewer' }, ['username']],
    ['an unknown role', { username: 'bob', password: CANARY_PASSWORD, role: 'root' }, ['role']],
    ['an extra field', { username: 'bob', password: CANARY_PASSWORD, role: 'viewer', disabled: true }, ['disabled']],
  ])('rejects %s with 400', async (_name, body, fields) => {
    const { call, store } = setup({ as: 'admin' });
    const answer = await call('POST', '/api/users', body);
    expect(answer.status).toBe(400);
    expect(Object.keys(apiError(answer).fields ?? {})).toEqual(fields);
    expect(answer.text).not.toContain(CANARY_PASSWORD);
    expect(store.users.get('bob')).toBeNull();
  });
});

describe('PATCH /api/users/:username', () => {
  it('changes a role, applied on the user’s very next request', async () => {
    const { call, callAs, fake } = setup({ as: 'admin' });
    fake.on('POST', '/api/v2/downtime', { status: 400, body: { errors: ['stop'] } });
    const mute = { end: NOW + 3_600_000, reason: 'r' };
    expect((await callAs('responder', 'POST', '/api/monitors/1/mute', mute)).status).toBe(400);
    const answer = await call('PATCH', `/api/users/${TEST_USERS.responder}`, { role: 'viewer' });
    expect([answer.status, UserSchema.parse(answer.json).role]).toEqual([200, 'viewer']);
    const next = await callAs('responder', 'POST', '/api/monitors/1/mute', mute);
    expect([next.status, apiError(next).code]).toEqual([403, 'forbidden']);
    expect(fake.requests).toHaveLength(1);
    expect((await call('PATCH', `/api/users/${TEST_USERS.viewer}`, { role: 'responder' })).status).toBe(200);
    expect((await callAs('viewer', 'POST', '/api/monitors/1/mute', mute)).status).toBe(400);
  });

  it('disables a user: refused (401) on their very next request, sessions gone; enabling lets them sign in again', async () => {
    const { call, callAs, fake, store } = setup({ as: 'admin' });
    fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1)] });
    expect((await callAs('viewer', 'GET', '/api/monitors')).status).toBe(200);
    const answer = await call('PATCH', `/api/users/${TEST_USERS.viewer}`, { disabled: true });
    expect([answer.status, UserSchema.parse(answer.json).disabled]).toEqual([200, true]);
    expect(store.sessions.countForUser(TEST_USERS.viewer)).toBe(0);
    const next = await callAs('viewer', 'GET', '/api/monitors');
    expect([next.status, apiError(next).code]).toEqual([401, 'unauthorized']);
    expect(fake.requests).toHaveLength(1);
    expect((await call('PATCH', `/api/users/${TEST_USERS.viewer}`, { disabled: false })).status).toBe(200);
  });

  it('refuses a disabled user even if a session of theirs survived', async () => {
    const { callAs, store } = setup();
    store.users.update(TEST_USERS.viewer, { disabled: true });
    expect(store.sessions.countForUser(TEST_USERS.viewer)).toBe(1);
    expect((await callAs('viewer', 'GET', '/api/session')).status).toBe(401);
    expect(store.sessions.countForUser(TEST_USERS.viewer)).toBe(0);
  });

  it('resets a password: the old one stops working and every session of theirs ends', async () => {
    const { call, callAs, store } = setup({ as: 'admin' });
    await addUser(store, 'carol', 'viewer', CANARY_PASSWORD);
    const cookie = sessionCookieOf((await callAs(null, 'POST', '/api/session', { username: 'carol', password: CANARY_PASSWORD })).res) as string;
    const answer = await call('PATCH', '/api/users/carol', { password: NEW_PASSWORD });
    expect(answer.status).toBe(200);
    expect(answer.text).not.toContain(NEW_PASSWORD);
    expect((await callAs(null, 'GET', '/api/session', undefined, { Cookie: cookie })).status).toBe(401);
    expect((await callAs(null, 'POST', '/api/session', { username: 'carol', password: CANARY_PASSWORD })).status).toBe(401);
    expect((await callAs(null, 'POST', '/api/session', { username: 'carol', password: NEW_PASSWORD })).status).toBe(200);
  });

  it('keeps the admin’s own current session when they reset their own password', async () => {
    const { call, store } = setup({ as: 'admin' });
    expect((await call('PATCH', `/api/users/${TEST_USERS.admin}`, { password: NEW_PASSWORD })).status).toBe(200);
    expect((await call('GET', '/api/session')).status).toBe(200);
    expect(store.sessions.countForUser(TEST_USERS.admin)).toBe(1);
  });

  it('will not let an admin disable or demote themselves (400)', async () => {
    const { call, store } = setup({ as: 'admin' });
    for (const body of [{ disabled: true }, { role: 'responder' }, { role: 'viewer' }]) {
      const answer = await call('PATCH', `/api/users/${TEST_USERS.admin}`, body);
      expect([answer.status, apiError(answer).code]).toEqual([400, 'validation_failed']);
    }
    expect(store.users.get(TEST_USERS.admin)).toMatchObject({ role: 'admin', disabled: false });
  });

  it('keeps the last enabled admin (409) when two admins demote each other at once', async () => {
    const { callAs, store, cookies } = setup();
    store.users.create({ username: 'other-admin', role: 'admin', passwordHash: 'none', createdAt: NOW });
    const otherCookie = signInDirectly(store, 'other-admin');
    // Both pass the role check; test-admin's change then waits on a password hash, so other-admin's demotion
    // of test-admin lands first, and test-admin's own change would leave no enabled admin.
    const [slow, fast] = await Promise.all([
      callAs(null, 'PATCH', '/api/users/other-admin', { role: 'viewer', password: NEW_PASSWORD }, { Cookie: cookies.admin }),
      callAs(null, 'PATCH', `/api/users/${TEST_USERS.admin}`, { role: 'viewer' }, { Cookie: otherCookie }),
    ]);
    expect(fast.status).toBe(200);
    expect([slow.status, apiError(slow).code]).toEqual([409, 'conflict']);
    expect(store.users.countEnabledAdmins()).toBe(1);
    expect(store.users.get('other-admin')).toMatchObject({ role: 'admin', disabled: false });
  });

  it('answers 404 for an unknown user and 400 for a bad name or an empty change', async () => {
    const { call } = setup({ as: 'admin' });
    expect((await call('PATCH', '/api/users/nobody', { role: 'viewer' })).status).toBe(404);
    expect((await call('PATCH', '/api/users/..%2Fadmin', { role: 'viewer' })).status).toBe(400);
    expect((await call('PATCH', `/api/users/${TEST_USERS.viewer}`, {})).status).toBe(400);
  });
});
