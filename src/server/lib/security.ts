import type { MiddlewareHandler } from 'hono';
import { CSRF_HEADER, CSRF_VALUE } from '../../contract/errors';
import type { AppEnv } from './app-env';
import { HttpError } from './errors';

/**
 * Cross-site request guard for /api (SECURITY 8-9). Every request, whatever
 * its method, except the liveness probe GET /api/healthz, must:
 * - carry the custom header `X-CSRF: 1`, which a cross-site page cannot send
 *   without a CORS preflight, and the BFF grants none (no Access-Control-* ever);
 * - not come from a foreign (or opaque) Origin;
 * - not be marked cross-site by the browser (Sec-Fetch-Site).
 */
const EXEMPT = new Set(['GET /api/healthz', 'HEAD /api/healthz']);

export function csrfGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (EXEMPT.has(`${c.req.method} ${c.req.path}`)) return next();
    if (c.req.header('sec-fetch-site') === 'cross-site') {
      throw new HttpError(403, 'forbidden', 'Cross-site requests are not allowed');
    }
    const origin = c.req.header('origin');
    if (origin === 'null') throw new HttpError(403, 'forbidden', 'Requests from an opaque origin are not allowed');
    if (origin !== undefined) {
      const host = URL.canParse(origin) ? new URL(origin).host : null;
      if (host === null || host !== (c.req.header('host') ?? new URL(c.req.url).host)) {
        throw new HttpError(403, 'forbidden', 'Requests from another origin are not allowed');
      }
    }
    if (c.req.header(CSRF_HEADER) !== CSRF_VALUE) {
      throw new HttpError(403, 'forbidden', `Send the header ${CSRF_HEADER}: ${CSRF_VALUE} with every API request`);
    }
    return next();
  };
}
