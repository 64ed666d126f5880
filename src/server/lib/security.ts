import type { MiddlewareHandler } from 'hono';
import { CSRF_HEADER, CSRF_VALUE } from '../../contract/errors';
import type { AppEnv } from './app-env';
import { HttpError } from './errors';

/**
 * Cross-site request guard for /api mutations (SECURITY 8-9): they must carry
 * the custom header `X-CSRF: 1` (which a cross-site form cannot send without a
 * CORS preflight, and we answer no preflight), must not come from a foreign
 * Origin, and must not be marked cross-site by the browser.
 */
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function csrfGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!CHANGES.has(c.req.method)) return next();
    if (c.req.header('sec-fetch-site') === 'cross-site') {
      throw new HttpError(403, 'forbidden', 'Cross-site requests are not allowed');
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== 'null') {
      const host = URL.canParse(origin) ? new URL(origin).host : null;
      if (host === null || host !== (c.req.header('host') ?? new URL(c.req.url).host)) {
        throw new HttpError(403, 'forbidden', 'Requests from another origin are not allowed');
      }
    } else if (origin === 'null') {
      throw new HttpError(403, 'forbidden', 'Requests from an opaque origin are not allowed');
    }
    if (c.req.header(CSRF_HEADER) !== CSRF_VALUE) {
      throw new HttpError(403, 'forbidden', `Send the header ${CSRF_HEADER}: ${CSRF_VALUE} with every change`);
    }
    return next();
  };
}
