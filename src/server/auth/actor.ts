import { HttpError } from '../lib/errors';
import type { Actor, RequestContext } from '../lib/request-context';

/** The policy lets no anonymous request reach a role-gated handler; this keeps a miswired route from acting as nobody. */
export function actorOf(req: RequestContext): Actor {
  if (!req.actor) throw new HttpError(401, 'unauthorized', 'Sign in first');
  return req.actor;
}
