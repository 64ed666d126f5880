import type { RouteMatch } from '../routes/route-index';
import type { ServerDeps } from './deps';
import type { AuditNote, Identity } from './request-context';

/** Hono bindings shared by the app, its middleware and the route table. */
export interface AppEnv {
  Variables: {
    requestId: string;
    deps: ServerDeps;
    /** The socket peer (never a header). */
    clientAddress: string;
    /** This request's entry in the route table, or null (404/405). */
    route: RouteMatch | null;
    identity: Identity;
    audit: AuditNote;
  };
}
