import { createProxyIdentity } from './proxy-identity';

const identify = createProxyIdentity({
  trustedProxies: ['10.0.0.5', 'fd00::/64'],
  proxyRoles: [
    { group: 'sre-admins', role: 'admin' },
    { group: 'oncall', role: 'responder' },
    { group: '*', role: 'viewer' },
  ],
});
const headers = (h: Record<string, string>) => (name: string) => h[name.toLowerCase()];

describe('trusted-proxy identity', () => {
  it('reads the user, email and groups from a trusted proxy; the highest role wins', () => {
    const h = headers({ 'x-forwarded-user': 'alice', 'x-forwarded-email': 'alice@example.com', 'x-forwarded-groups': 'oncall, sre-admins' });
    expect(identify('10.0.0.5', h)).toEqual({ kind: 'user', username: 'alice', email: 'alice@example.com', role: 'admin' });
    expect(identify('fd00::7', headers({ 'x-forwarded-user': 'bob', 'x-forwarded-groups': 'oncall' }))).toMatchObject({ role: 'responder' });
    expect(identify('10.0.0.5', headers({ 'x-forwarded-user': 'carol' }))).toMatchObject({ role: 'viewer' });
  });

  it('ignores the headers from any other address', () => {
    const h = headers({ 'x-forwarded-user': 'mallory', 'x-forwarded-groups': 'sre-admins' });
    for (const address of ['10.0.0.6', '127.0.0.1', 'fd01::1', 'unknown']) expect(identify(address, h)).toEqual({ kind: 'none' });
  });

  it('never reads underscore or odd-case variants, even from the proxy', () => {
    const h = headers({ x_forwarded_user: 'mallory', 'x-forwarded_user': 'mallory', x_forwarded_groups: 'sre-admins' });
    expect(identify('10.0.0.5', h)).toEqual({ kind: 'none' });
  });

  it('refuses a missing, empty, doubled or odd username', () => {
    for (const user of ['', '  ', 'alice, mallory', 'a b', 'x'.repeat(129), 'bob\r\nX-Evil: 1']) {
      expect(identify('10.0.0.5', headers({ 'x-forwarded-user': user }))).toEqual({ kind: 'none' });
    }
  });

  it('reports a user whose groups map to no role when there is no "*" rule', () => {
    const strict = createProxyIdentity({ trustedProxies: ['10.0.0.5'], proxyRoles: [{ group: 'oncall', role: 'responder' }] });
    expect(strict('10.0.0.5', headers({ 'x-forwarded-user': 'dave', 'x-forwarded-groups': 'marketing' }))).toEqual({
      kind: 'no_role',
      username: 'dave',
    });
  });
});
