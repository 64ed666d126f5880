import { createHash } from 'node:crypto';
import { SessionResponseSchema } from '../../../contract/auth';
import { SESSION_COOKIE } from '../../auth/session-cookie';
import { NOW } from '../../testing/fixtures';
import { addUser, apiError, sessionCookieOf, setup, testPasswords } from '../../testing/test-app';

const CANARY_PASSWORD = 'canary-user-password-51c0de';
const MIN = 60_000;

async function withAlice(options: Parameters<typeof setup>[0] = {}) {
  let now = NOW;
  const t = setup({ as: null, now: () => now, ...options });
  await addUser(t.store, 'alice', 'responder', CANARY_PASSWORD);
  const login = (password = CANARY_PASSWORD, headers: Record<string, string> = {}) =>
    t.callAs(null, 'POST', '/api/session', { username: 'alice', password }, headers);
  const as = (cookie: string, method: string, path: string, body?: unknown) => t.callAs(null, method, path, body, { Cookie: cookie });
  return { ...t, login, as, advance: (ms: number) => (now += ms) };
}

describe('POST /api/session', () => {
  it('signs in: 200 with the user and expiries, and one __Host- cookie: Secure, HttpOnly, SameSite=Strict, Path=/, no Domain', async () => {
    const { login, store } = await withAlice();
    const answer = await login();
    expect(answer.status).toBe(200);
    expect(SessionResponseSchema.parse(answer.json)).toEqual({
      user: { username: 'alice', role: 'responder', authMode: 'local' },
      expiresAt: NOW + 12 * 60 * MIN,
      idleExpiresAt: NOW + 60 * MIN,
    });
    const setCookies = answer.res.headers.getSetCookie();
    expect(setCookies).toHaveLength(1);
    const [pair, ...attributes] = (setCookies[0] as string).split('; ');
    expect(pair).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}$`));
    expect(attributes.sort()).toEqual(['HttpOnly', 'Max-Age=43200', 'Path=/', 'SameSite=Strict', 'Secure']);
    expect((setCookies[0] as string).toLowerCase()).not.toContain('domain');
    // Only a SHA-256 of the id is stored.
    const id = (pair as string).split('=')[1] as string;
    const hash = createHash('sha256').update(id).digest('hex');
    expect(store.sessions.get(hash)).toMatchObject({ username: 'alice' });
    expect(store.sessions.get(id)).toBeNull();
    expect(store.users.get('alice')?.lastLoginAt).toBe(NOW);
  });

  it('gives a new session id at every sign-in, and ends the one the browser came with', async () => {
    const { login, as } = await withAlice();
    const first = sessionCookieOf((await login()).res) as string;
    const second = sessionCookieOf((await login(CANARY_PASSWORD, { Cookie: first })).res) as string;
    expect(second).not.toBe(first);
    expect((await as(first, 'GET', '/api/session')).status).toBe(401);
    expect((await as(second, 'GET', '/api/session')).status).toBe(200);
  });

  it('answers a wrong password and an unknown user alike: 401 invalid_credentials, one message, the hash work done', async () => {
    const { login, callAs } = await withAlice();
    const nothing = vi.spyOn(testPasswords, 'verifyNothing');
    try {
      const wrong = await login('not-the-password-000');
      const unknown = await callAs(null, 'POST', '/api/session', { username: 'nobody', password: CANARY_PASSWORD });
      for (const answer of [wrong, unknown]) {
        expect(answer.status).toBe(401);
        expect(apiError(answer).code).toBe('invalid_credentials');
        expect(answer.res.headers.getSetCookie()).toEqual([]);
      }
      expect(apiError(wrong).message).toBe(apiError(unknown).message);
      expect(apiError(wrong).message).toMatch(/wrong username or password/i);
      expect(nothing).toHaveBeenCalledTimes(1);
    } finally {
      nothing.mockRestore();
    }
  });

  it('refuses a disabled user with the same answer, even with the right password', async () => {
    const { login, store } = await withAlice();
    store.users.update('alice', { disabled: true });
    const answer = await login();
    expect([answer.status, apiError(answer).code]).toEqual([401, 'invalid_credentials']);
  });

  it('rejects bad bodies with 400 and never echoes the password', async () => {
    const { callAs } = await withAlice();
    for (const body of [{ username: 'alice' }, { username: 'alice', password: CANARY_PASSWORD, role: 'admin' }, { username: '', password: 'x' }]) {
      const answer = await callAs(null, 'POST', '/api/session', body);
      expect(answer.status).toBe(400);
      expect(answer.text).not.toContain(CANARY_PASSWORD);
    }
  });

  it('takes no returnUrl and never redirects: the way back is the SPA’s, on its own origin (SECURITY 12)', async () => {
    const { callAs } = await withAlice();
    const body = { username: 'alice', password: CANARY_PASSWORD, returnUrl: 'https://evil.example/' };
    const answer = await callAs(null, 'POST', '/api/session', body);
    expect([answer.status, Object.keys(apiError(answer).fields ?? {})]).toEqual([400, ['returnUrl']]);
    const query = await callAs(null, 'POST', '/api/session?returnUrl=https://evil.example/', { username: 'alice', password: CANARY_PASSWORD });
    expect([query.status, query.res.headers.get('location')]).toEqual([400, null]);
    const ok = await callAs(null, 'POST', '/api/session', { username: 'alice', password: CANARY_PASSWORD });
    expect([ok.status, ok.res.headers.get('location')]).toEqual([200, null]);
  });

  it('needs X-CSRF like every API call', async () => {
    const { login } = await withAlice();
    const answer = await login(CANARY_PASSWORD, { 'X-CSRF': '' });
    expect([answer.status, answer.res.headers.getSetCookie()]).toEqual([403, []]);
  });

  it('does not exist in proxy mode, with a message that says why', async () => {
    const { callAs } = await withAlice({
      config: { auth: { mode: 'proxy', adminPassword: null, sessionIdleMs: 1, sessionMaxMs: 1, trustedProxies: ['10.0.0.1'], proxyRoles: [{ group: '*', role: 'viewer' }] } },
    });
    const login = await callAs(null, 'POST', '/api/session', { username: 'alice', password: CANARY_PASSWORD });
    expect(login.status).toBe(404);
    expect(apiError(login).message).toMatch(/auth proxy/);
    const logout = await callAs(null, 'DELETE', '/api/session');
    expect([logout.status, apiError(logout).message]).toEqual([404, expect.stringMatching(/auth proxy/)]);
  });
});

describe('GET /api/session', () => {
  it('answers the user, role and expiries; 401 JSON without a session', async () => {
    const { login, as, callAs, advance } = await withAlice();
    const cookie = sessionCookieOf((await login()).res) as string;
    advance(10 * MIN);
    const answer = await as(cookie, 'GET', '/api/session');
    expect(SessionResponseSchema.parse(answer.json)).toEqual({
      user: { username: 'alice', role: 'responder', authMode: 'local' },
      expiresAt: NOW + 12 * 60 * MIN,
      idleExpiresAt: NOW + 70 * MIN,
    });
    const anonymous = await callAs(null, 'GET', '/api/session');
    expect([anonymous.status, apiError(anonymous).code]).toEqual([401, 'unauthorized']);
    expect(anonymous.res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(anonymous.res.headers.get('location')).toBeNull();
  });
});

describe('DELETE /api/session', () => {
  it('signs out: 204, the session ends on the server, the cookie is cleared, Clear-Site-Data: "cookies"', async () => {
    const { login, as, store } = await withAlice();
    const cookie = sessionCookieOf((await login()).res) as string;
    const answer = await as(cookie, 'DELETE', '/api/session');
    expect(answer.status).toBe(204);
    expect(answer.res.headers.get('clear-site-data')).toBe('"cookies"');
    expect(answer.res.headers.getSetCookie()).toEqual([`${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict`]);
    expect(store.sessions.countForUser('alice')).toBe(0);
    // Replaying the old cookie gets 401.
    for (const [method, path] of [['GET', '/api/session'], ['GET', '/api/monitors'], ['DELETE', '/api/session']] as const) {
      expect((await as(cookie, method, path)).status).toBe(401);
    }
  });

  it('needs X-CSRF: without it, no sign-out', async () => {
    const { login, callAs, store } = await withAlice();
    const cookie = sessionCookieOf((await login()).res) as string;
    expect((await callAs(null, 'DELETE', '/api/session', undefined, { Cookie: cookie, 'X-CSRF': '' })).status).toBe(403);
    expect(store.sessions.countForUser('alice')).toBe(1);
  });
});

describe('session expiry (frozen clock)', () => {
  it('ends after WATCHDECK_SESSION_IDLE_MINUTES without a request; activity keeps it alive', async () => {
    const { login, as, advance } = await withAlice();
    const cookie = sessionCookieOf((await login()).res) as string;
    advance(59 * MIN);
    expect((await as(cookie, 'GET', '/api/session')).status).toBe(200);
    advance(59 * MIN);
    expect((await as(cookie, 'GET', '/api/session')).status).toBe(200);
    advance(60 * MIN);
    expect((await as(cookie, 'GET', '/api/session')).status).toBe(401);
    advance(-60 * MIN + 1);
    expect((await as(cookie, 'GET', '/api/session')).status).toBe(401);
  });

  it('ends at WATCHDECK_SESSION_MAX_HOURS however active', async () => {
    const { login, as, advance } = await withAlice();
    const cookie = sessionCookieOf((await login()).res) as string;
    for (let i = 0; i < 23; i++) {
      advance(30 * MIN);
      expect((await as(cookie, 'GET', '/api/session')).status).toBe(200);
    }
    advance(30 * MIN);
    expect((await as(cookie, 'GET', '/api/session')).status).toBe(401);
  });

  it('honours configured lengths', async () => {
    const { login, as, advance } = await withAlice({ config: { auth: { ...setup().config.auth, sessionIdleMs: 5 * MIN, sessionMaxMs: 60 * MIN } } });
    const cookie = sessionCookieOf((await login()).res) as string;
    advance(5 * MIN);
    expect((await as(cookie, 'GET', '/api/session')).status).toBe(401);
  });
});
