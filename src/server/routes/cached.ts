import { actorOf } from '../auth/actor';
import type { ServerDeps } from '../lib/deps';
import type { RequestContext } from '../lib/request-context';

/**
 * Shared by the incident, people and team routes: cached reads are kept per
 * role (SECURITY 29: one role's answer is never served to another), and a
 * change makes every cached read old, whether it worked or not.
 */
export const roleKey = (req: RequestContext, resource: string) => `${actorOf(req).role}:${resource}`;

export async function mutating<T>(deps: ServerDeps, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    deps.snapshots.invalidate();
  }
}
