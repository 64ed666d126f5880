import type { LastChange } from '../../../contract/integrations';
import type { ServerDeps } from '../../lib/deps';
import { HttpError } from '../../lib/errors';
import type { RequestContext } from '../../lib/request-context';
import { isUpstreamError, type UpstreamError } from '../../upstreams/upstream-error';
import { actorOf } from '../../auth/actor';

/** Shared by the Datadog integration routes: every one is admin-only (SECURITY 14). */
export const READ_ERRORS = [400, 401, 403, 404, 429, 502, 504];
export const WRITE_ERRORS = [400, 401, 403, 404, 409, 413, 415, 429, 502, 504];
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

/** The newest change made through watchdeck to this integration, from the audit log. */
export function lastChange(deps: ServerDeps, kind: TileKind): LastChange {
  const record = deps.store.audit.latestByActionPrefix({
    prefix: ACTION_PREFIX[kind],
    outcome: 'allowed',
    except: kind === 'webhooks' ? [WEBHOOK_TEST_ACTION] : [],
  });
  return record ? { at: record.time, by: record.actor, action: record.action } : null;
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

/** Datadog's 409 on a create (a name already taken) becomes 409 `conflict`, with its words on the fields the person can change. */
export async function conflictsAs<T>(fields: string[], fallback: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!isUpstreamError(err) || err.status !== 409) throw err;
    const message = err.messages[0] ?? fallback;
    throw new HttpError(409, 'conflict', message, {
      upstream: err.messages,
      fields: Object.fromEntries(fields.map((f) => [f, [message]])),
    });
  }
}

/** Who is acting, for the known-names table. */
export const actorName = (req: RequestContext) => actorOf(req).username;
