import type { Role } from '../../contract/auth';
import type { AuthMode } from '../env';
import type { SessionRow } from '../store/sessions-store';

/** Who is acting on this request, as the middleware established it. */
export interface Actor {
  username: string;
  role: Role;
  authMode: AuthMode;
}

export interface Identity {
  actor: Actor | null;
  /** Local mode: the live session the request's cookie names. */
  session: SessionRow | null;
  /** Proxy mode: a user the proxy vouched for whose groups grant no role (403, not 401). */
  unmappedUser: string | null;
}

/**
 * What the audit record of this request will say. The route resolver fills
 * action and target, identification the actor, the route the detail; anyone
 * later may refine it (login names the user who signed in).
 */
export interface AuditNote {
  action: string;
  target: string;
  actor: string;
  role: string | null;
  detail: string | null;
  /** Set when the status alone does not tell (our own 429 is "denied", an upstream failure "failed"). */
  outcome: string | null;
}

/** What a handler gets besides its validated input. */
export interface RequestContext {
  actor: Actor | null;
  identity: Identity;
  audit: AuditNote;
  clientAddress: string;
  /** A request header (Accept-Encoding, If-None-Match), for the routes that answer pre-serialized bodies. */
  header?: (name: string) => string | undefined;
  cookieHeader: string | undefined;
}
