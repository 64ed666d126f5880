import type { MiddlewareHandler } from 'hono';
import { roleAtLeast } from '../../contract/auth';
import type { AppEnv } from '../lib/app-env';
import { HttpError } from '../lib/errors';

/**
 * The policy table at work: a route's `minRole` against the actor's role.
 * No session is 401 (never a redirect); too low a role is 403. Runs before
 * the route, so a denied request never reaches validation or an upstream.
 * Paths outside the table fall through to 404/405.
 */
export function authorize(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const match = c.get('route');
    if (!match || match.route.spec.minRole === 'public') return next();
    const needed = match.route.spec.minRole;
    const { actor, unmappedUser } = c.get('identity');
    if (!actor) {
      if (unmappedUser !== null) {
        throw new HttpError(403, 'forbidden', 'Your groups from the auth proxy grant no watchdeck role');
      }
      throw new HttpError(401, 'unauthorized', 'Sign in first');
    }
    if (!roleAtLeast(actor.role, needed)) {
      throw new HttpError(403, 'forbidden', `This needs the ${needed} role; you are a ${actor.role}`);
    }
    return next();
  };
}

/** Token bucket per user on every /api change (WATCHDECK_USER_MUTATIONS_PER_MINUTE): 429 with Retry-After, nothing upstream. */
export function limitMutations(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { actor } = c.get('identity');
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || !actor || !c.get('route')) return next();
    const wait = c.get('deps').mutationBuckets.take(actor.username);
    if (wait > 0) {
      c.get('audit').outcome = 'denied';
      throw new HttpError(429, 'rate_limited', `Too many changes; retry in ${wait} s`, {
        retryAfter: wait,
        headers: { 'Retry-After': String(wait) },
      });
    }
    return next();
  };
}
