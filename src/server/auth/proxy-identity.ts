import { ROLES, type Role } from '../../contract/auth';
import type { ProxyRoleRule } from '../env';
import { addressMatcher } from './client-address';

/**
 * Trusted-proxy mode (WATCHDECK_AUTH=proxy): the identity comes from
 * X-Forwarded-User, X-Forwarded-Email and X-Forwarded-Groups, and only when
 * the socket peer is a trusted proxy. From any other address those headers
 * are not read at all. Only the canonical names count: a variant such as
 * X_Forwarded_User or x-forwarded_user is a different header and is never
 * read. Groups map to roles by WATCHDECK_PROXY_ROLES; the highest role wins.
 */
export type ProxyIdentity =
  | { kind: 'none' }
  | { kind: 'user'; username: string; email: string | null; role: Role }
  /** The proxy vouched for this user, but none of their groups maps to a role. */
  | { kind: 'no_role'; username: string };

const PROXY_USER = /^[A-Za-z0-9._@+|:-]{1,128}$/;
const PROXY_EMAIL = /^[^\s,;"<>\\]{3,254}$/;

export function createProxyIdentity(options: { trustedProxies: readonly string[]; proxyRoles: readonly ProxyRoleRule[] }) {
  const trusted = addressMatcher(options.trustedProxies);

  function roleFor(groups: readonly string[]): Role | null {
    let best = -1;
    for (const rule of options.proxyRoles) {
      if (rule.group === '*' || groups.includes(rule.group)) best = Math.max(best, ROLES.indexOf(rule.role));
    }
    return best < 0 ? null : (ROLES[best] as Role);
  }

  return (address: string, header: (name: string) => string | undefined): ProxyIdentity => {
    if (!trusted(address)) return { kind: 'none' };
    const username = header('X-Forwarded-User')?.trim();
    // Missing, empty, or two values joined by a comma (a client copy the proxy appended to): no identity.
    if (!username || !PROXY_USER.test(username)) return { kind: 'none' };
    const emailHeader = header('X-Forwarded-Email')?.trim();
    const email = emailHeader && PROXY_EMAIL.test(emailHeader) ? emailHeader : null;
    const groups = (header('X-Forwarded-Groups') ?? '')
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean);
    const role = roleFor(groups);
    return role === null ? { kind: 'no_role', username } : { kind: 'user', username, email, role };
  };
}
