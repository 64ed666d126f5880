import type { SessionResponse } from '../../../contract/auth';
import { clearedSessionCookie, sessionCookie } from '../../auth/session-cookie';
import type { ServerDeps } from '../../lib/deps';
import { HttpError } from '../../lib/errors';
import type { RequestContext } from '../../lib/request-context';
import { bind, type BoundRoute } from '../define-route';
import { getSessionRoute, loginRoute, logoutRoute } from './session.routes';

const INVALID = 'Wrong username or password';

function localOnly(deps: ServerDeps, what: string): void {
  if (deps.config.auth.mode !== 'local') {
    throw new HttpError(404, 'not_found', `${what} is done at your auth proxy: watchdeck runs with WATCHDECK_AUTH=proxy`);
  }
}

function needSession(req: RequestContext) {
  const { actor, unmappedUser } = req.identity;
  if (actor) return actor;
  if (unmappedUser !== null) throw new HttpError(403, 'forbidden', 'Your groups from the auth proxy grant no watchdeck role');
  throw new HttpError(401, 'unauthorized', 'Sign in first');
}

const login = bind(loginRoute, async ({ deps, body, req }) => {
  localOnly(deps, 'Signing in');
  // A failed sign-in names the account only if it exists: people type passwords into the username field.
  const user = deps.store.users.get(body.username);
  req.audit.target = user ? `user:${user.username}` : 'user:(unknown)';
  const verdict = deps.loginThrottle.begin(body.username, req.clientAddress);
  if (!verdict.ok) {
    req.audit.outcome = 'denied';
    req.audit.detail = 'too many failed sign-ins';
    throw new HttpError(429, 'rate_limited', `Too many failed sign-ins; try again in ${verdict.retryAfterSeconds} s`, {
      retryAfter: verdict.retryAfterSeconds,
      headers: { 'Retry-After': String(verdict.retryAfterSeconds) },
    });
  }
  // The same hash work whether or not the user exists, and the same answer for every failure.
  const ok = user ? await deps.passwords.verify(body.password, user.passwordHash) : await deps.passwords.verifyNothing(body.password);
  if (!user || !ok || user.disabled) {
    verdict.failed();
    throw new HttpError(401, 'invalid_credentials', INVALID);
  }
  verdict.succeeded();
  // Rotation: whatever session this browser came with ends; the new one has a new id.
  if (req.identity.session) deps.sessions.end(req.identity.session.idHash);
  const { id, session } = deps.sessions.create(user.username);
  deps.store.users.recordLogin(user.username, session.createdAt);
  req.audit.actor = user.username;
  req.audit.role = user.role;
  const reply: SessionResponse = { user: { username: user.username, role: user.role, authMode: 'local' }, ...deps.sessions.expiries(session) };
  return { status: 200, body: reply, headers: { 'Set-Cookie': sessionCookie(id, deps.sessions.maxAgeSeconds) } };
});

const getSession = bind(getSessionRoute, async ({ deps, req }) => {
  const actor = needSession(req);
  const session = req.identity.session;
  const expiries = session ? deps.sessions.expiries(session) : { expiresAt: null, idleExpiresAt: null };
  return { status: 200, body: { user: { username: actor.username, role: actor.role, authMode: actor.authMode }, ...expiries } };
});

const logout = bind(logoutRoute, async ({ deps, req }) => {
  localOnly(deps, 'Signing out');
  req.audit.target = `user:${needSession(req).username}`;
  if (req.identity.session) deps.sessions.end(req.identity.session.idHash);
  return { status: 204, headers: { 'Set-Cookie': clearedSessionCookie(), 'Clear-Site-Data': '"cookies"' } };
});

export const sessionRoutes: BoundRoute[] = [login, getSession, logout];
