import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../lib/app-env';
import type { Identity } from '../lib/request-context';

/**
 * Establishes who is acting, on every /api request:
 * - local mode: the session cookie, looked up (with its user) on every request;
 * - proxy mode: X-Forwarded-User/Email/Groups, only from a trusted proxy address.
 * Headers that name a user are never read in local mode.
 */
export function identify(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const deps = c.get('deps');
    let identity: Identity = { actor: null, session: null, unmappedUser: null };
    if (deps.config.auth.mode === 'local') {
      const live = deps.sessions.resolve(c.req.header('cookie'));
      if (live) {
        identity = { actor: { username: live.user.username, role: live.user.role, authMode: 'local' }, session: live.session, unmappedUser: null };
      }
    } else if (deps.proxyIdentity) {
      const found = deps.proxyIdentity(c.get('clientAddress'), (name) => c.req.header(name));
      if (found.kind === 'user') identity.actor = { username: found.username, role: found.role, authMode: 'proxy' };
      if (found.kind === 'no_role') identity.unmappedUser = found.username;
    }
    c.set('identity', identity);
    const audit = c.get('audit');
    audit.actor = identity.actor?.username ?? identity.unmappedUser ?? 'anonymous';
    audit.role = identity.actor?.role ?? null;
    return next();
  };
}
