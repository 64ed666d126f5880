import { SessionResponseSchema } from '../../contract/auth';
import type { AuthConfig } from '../env';
import { NOW, rawDowntime, rawMonitor, UUID_A } from '../testing/fixtures';
import { apiError, setup, TEST_AUTH } from '../testing/test-app';

/** WATCHDECK_AUTH=proxy through the whole app (SECURITY 16). */
const PROXY: AuthConfig = {
  ...TEST_AUTH,
  mode: 'proxy',
  trustedProxies: ['10.0.0.5', 'fd00::/64'],
  proxyRoles: [
    { group: 'sre-admins', role: 'admin' },
    { group: 'oncall', role: 'responder' },
    { group: 'staff', role: 'viewer' },
  ],
};

function proxied(auth: AuthConfig = PROXY) {
  let address = '10.0.0.5';
  const t = setup({ as: null, config: { auth }, clientAddress: () => address });
  t.fake.on('GET', '/api/v1/monitor', { body: [rawMonitor(1)] });
  t.fake.on('POST', '/api/v2/downtime', { body: { data: rawDowntime(UUID_A) } });
  const as = (user: Record<string, string>, method: string, path: string, body?: unknown) => t.callAs(null, method, path, body, user);
  return { ...t, as, from: (a: string) => (address = a) };
}

const alice = { 'X-Forwarded-User': 'alice', 'X-Forwarded-Email': 'alice@example.com', 'X-Forwarded-Groups': 'staff,oncall' };

describe('trusted-proxy mode', () => {
  it('takes the user and role from a trusted proxy; the highest group role wins', async () => {
    const { as } = proxied();
    const session = await as(alice, 'GET', '/api/session');
    expect(SessionResponseSchema.parse(session.json)).toEqual({
      user: { username: 'alice', role: 'responder', authMode: 'proxy' },
      expiresAt: null,
      idleExpiresAt: null,
    });
    expect((await as({ ...alice, 'X-Forwarded-Groups': 'staff, sre-admins' }, 'GET', '/api/audit')).status).toBe(200);
  });

  it('names the proxy user upstream and in the audit log', async () => {
    const { as, fake, store } = proxied();
    expect((await as(alice, 'POST', '/api/monitors/1/mute', { end: NOW + 3_600_000, reason: 'r' })).status).toBe(200);
    expect((fake.calls('POST')[0]?.body as { data: { attributes: { message: string } } }).data.attributes.message).toBe(
      'by alice via watchdeck: r',
    );
    expect(store.audit.query({ limit: 1 })[0]).toMatchObject({ actor: 'alice', role: 'responder', outcome: 'allowed' });
  });

  it('ignores the headers from any other address: 401 and nothing upstream', async () => {
    const { as, from, fake } = proxied();
    const admin = { 'X-Forwarded-User': 'mallory', 'X-Forwarded-Groups': 'sre-admins' };
    for (const address of ['10.0.0.6', '127.0.0.1', 'fd01::1', '::ffff:10.0.0.9']) {
      from(address);
      const answer = await as(admin, 'GET', '/api/monitors');
      expect([address, answer.status, apiError(answer).code]).toEqual([address, 401, 'unauthorized']);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('never reads case or underscore variants of the identity headers', async () => {
    const { as, fake } = proxied();
    const cases: [Record<string, string>, number][] = [
      [{ X_Forwarded_User: 'mallory', X_Forwarded_Groups: 'sre-admins' }, 401],
      [{ 'x-forwarded_user': 'mallory', 'x-forwarded_groups': 'sre-admins' }, 401],
      // alice is read, her groups are not (only the variant carries them): no role.
      [{ 'X-Forwarded-User': 'alice', x_forwarded_groups: 'sre-admins', X_Forwarded_Email: 'root@example.com' }, 403],
    ];
    for (const [headers, status] of cases) expect((await as(headers, 'GET', '/api/audit')).status).toBe(status);
    expect(fake.requests).toHaveLength(0);
  });

  it('answers 403 when the groups map to no role and there is no "*" rule', async () => {
    const { as } = proxied();
    const answer = await as({ 'X-Forwarded-User': 'dave', 'X-Forwarded-Groups': 'marketing' }, 'GET', '/api/monitors');
    expect([answer.status, apiError(answer).code]).toEqual([403, 'forbidden']);
    expect(apiError(answer).message).toMatch(/groups/);
  });

  it('gives everyone the "*" role when configured', async () => {
    const { as } = proxied({ ...PROXY, proxyRoles: [...PROXY.proxyRoles, { group: '*', role: 'viewer' }] });
    expect((await as({ 'X-Forwarded-User': 'dave' }, 'GET', '/api/monitors')).status).toBe(200);
    expect((await as({ 'X-Forwarded-User': 'dave' }, 'DELETE', `/api/downtimes/${UUID_A}`)).status).toBe(403);
  });

  it('has no sign-in, sign-out or local users, and ignores session cookies', async () => {
    const { as, cookies } = proxied();
    for (const [method, path, body] of [
      ['POST', '/api/session', { username: 'admin', password: 'whatever-password' }],
      ['DELETE', '/api/session', undefined],
      ['GET', '/api/users', undefined],
    ] as const) {
      const answer = await as({ ...alice, 'X-Forwarded-Groups': 'sre-admins' }, method, path, body);
      expect([path, answer.status]).toEqual([path, 404]);
      expect(apiError(answer).message).toMatch(/proxy/);
    }
    expect((await as({ Cookie: cookies.admin }, 'GET', '/api/monitors')).status).toBe(401);
  });
});

describe('local mode', () => {
  it('never takes an identity from X-Forwarded-* headers', async () => {
    const { callAs, fake } = setup();
    const headers = {
      'X-Forwarded-User': 'admin',
      'X-Forwarded-Groups': 'sre-admins',
      'X-Forwarded-Email': 'a@example.com',
      X_Forwarded_Email: 'a@example.com',
      'x-forwarded_user': 'admin',
    };
    expect((await callAs(null, 'GET', '/api/monitors', undefined, headers)).status).toBe(401);
    const viewer = await callAs('viewer', 'DELETE', `/api/downtimes/${UUID_A}`, undefined, headers);
    expect(viewer.status).toBe(403);
    expect(fake.requests).toHaveLength(0);
  });
});
