import type { AuditRecord } from '../../../contract/auth';
import type { LastChange } from '../../../contract/integrations';
import type { ServerDeps } from '../../lib/deps';
import { HttpError } from '../../lib/errors';
import type { RequestContext } from '../../lib/request-context';
import type { IntegrationNameKind } from '../../store/integration-names-store';
import { isUpstreamError, type UpstreamError } from '../../upstreams/upstream-error';
import { actorOf } from '../../auth/actor';

/** Shared by the Datadog integration routes: every one is admin-only (SECURITY 14). */
export const tags = ['integrations'];

/** The audit action prefix of each tile; `integration.<kind>.<verb>`. */
export const ACTION_PREFIX = {
  aws: 'integration.aws.',
  slack: 'integration.slack.',
  pagerduty: 'integration.pagerduty.',
  webhooks: 'integration.webhooks.',
} as const;
export type TileKind = keyof typeof ACTION_PREFIX;

/** A test delivery changes nothing, so it is no tile's last change. */
export const WEBHOOK_TEST_ACTION = 'integration.webhooks.test';

/** An audit record as a tile's or an Atlas integration's "last change". */
export const lastChangeOf = (r: AuditRecord | null | undefined): LastChange => (r ? { at: r.time, by: r.actor, action: r.action } : null);

/** The newest change made through watchdeck to this integration, from the audit log. */
export function lastChange(deps: ServerDeps, kind: TileKind): LastChange {
  return lastChangeOf(
    deps.store.audit.newestByActionPrefix({
      actionPrefix: ACTION_PREFIX[kind],
      outcome: 'allowed',
      except: kind === 'webhooks' ? [WEBHOOK_TEST_ACTION] : [],
    }),
  );
}

/** A 2018 listing Datadog does not serve (404, or 400 from a site that rejects the old path). */
export function isAbsent(err: unknown): err is UpstreamError {
  return isUpstreamError(err) && (err.kind === 'not_found' || (err.kind === 'rejected' && err.status === 400));
}

/** The local Datadog's 404 for an integration with nothing in it ("The pagerduty integration is not configured"). */
export function isNotConfigured(err: unknown): boolean {
  return isUpstreamError(err) && err.kind === 'not_found' && err.messages.some((m) => /\bnot configured\b/i.test(m));
}

export const isNotFound = (err: unknown): err is UpstreamError => isUpstreamError(err) && err.kind === 'not_found';

/**
 * Datadog answers a missing AWS account with 400 "AWS account … does not
 * exist in integration" (aws.delete.400): that is a 404 `not_found` with its words.
 */
export async function missingAs404<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isUpstreamError(err) && err.kind === 'rejected' && err.status === 400) {
      const message = err.messages.find((m) => /does not exist/i.test(m));
      if (message) throw new HttpError(404, 'not_found', message, { upstream: err.messages });
    }
    throw err;
  }
}

/**
 * Removes an item watchdeck knows by name. Gone from Datadog either way
 * (deleted, or a 404 because it already was), its name is forgotten so it
 * is no longer asked for; the 404 still reaches the caller.
 */
export async function deleteKnown(deps: ServerDeps, kind: IntegrationNameKind, name: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (err) {
    if (isNotFound(err)) deps.store.integrationNames.remove(kind, name);
    throw err;
  }
  deps.store.integrationNames.remove(kind, name);
}

/** Who is acting, for the known-names table. */
export const actorName = (req: RequestContext) => actorOf(req).username;
