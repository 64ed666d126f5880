import { NOW } from '../../testing/fixtures';
import { addUser, apiError, setup } from '../../testing/test-app';

const CANARY_PASSWORD = 'canary-user-password-51c0de';
const MIN = 60_000;

async function throttled() {
  let now = NOW;
  let address = '198.51.100.7';
  const t = setup({ as: null, now: () => now, clientAddress: () => address });
  await addUser(t.store, 'alice', 'responder', CANARY_PASSWORD);
  const login = (username: string, password: string) => t.callAs(null, 'POST', '/api/session', { username, password });
  return { ...t, login, advance: (ms: number) => (now += ms), from: (ip: string) => (address = ip) };
}

describe('sign-in throttling', () => {
  it('locks an account after 5 failures for 15 minutes: 429 rate_limited with Retry-After, even with the right password', async () => {
    const { login, advance, from } = await throttled();
    for (let i = 0; i < 5; i++) {
      from(`198.51.100.${i + 10}`);
      expect((await login('alice', 'wrong-password-0000')).status).toBe(401);
    }
    const locked = await login('alice', CANARY_PASSWORD);
    expect(locked.status).toBe(429);
    expect(apiError(locked)).toMatchObject({ code: 'rate_limited', retryAfter: 900 });
    expect(locked.res.headers.get('retry-after')).toBe('900');
    expect(locked.res.headers.getSetCookie()).toEqual([]);
    advance(15 * MIN);
    expect((await login('alice', CANARY_PASSWORD)).status).toBe(200);
  });

  it('counts unknown usernames the same way (no enumeration by lockout)', async () => {
    const { login } = await throttled();
    for (let i = 0; i < 5; i++) await login('ghost', 'wrong-password-0000');
    expect((await login('ghost', 'wrong-password-0000')).status).toBe(429);
  });

  it('blocks a client address after 20 failures across accounts, read from the socket', async () => {
    const { login, from } = await throttled();
    from('203.0.113.9');
    for (let i = 0; i < 20; i++) expect((await login(`user${i}`, 'wrong-password-0000')).status).toBe(401);
    const blocked = await login('alice', CANARY_PASSWORD);
    expect([blocked.status, apiError(blocked).code]).toEqual([429, 'rate_limited']);
    from('203.0.113.10');
    expect((await login('alice', CANARY_PASSWORD)).status).toBe(200);
  });

  it('ignores X-Forwarded-For when counting by address', async () => {
    const { callAs, from } = await throttled();
    from('203.0.113.9');
    for (let i = 0; i < 20; i++) {
      await callAs(null, 'POST', '/api/session', { username: `u${i}`, password: 'wrong-password-0000' }, { 'X-Forwarded-For': `10.0.0.${i}` });
    }
    const blocked = await callAs(null, 'POST', '/api/session', { username: 'alice', password: CANARY_PASSWORD }, { 'X-Forwarded-For': '10.9.9.9' });
    expect(blocked.status).toBe(429);
  });

  it('a success resets the account count', async () => {
    const { login } = await throttled();
    for (let i = 0; i < 4; i++) await login('alice', 'wrong-password-0000');
    expect((await login('alice', CANARY_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('alice', 'wrong-password-0000')).status).toBe(401);
    expect((await login('alice', CANARY_PASSWORD)).status).toBe(200);
  });
});
