import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { errorJson } from './errors';

/** The recorded 403 body (auth.validate.403.response.json). */
export const AUTH_ERROR = 'API key required';

/** Constant-time comparison, whatever the lengths (both sides are hashed first). */
export function safeEqual(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** Paths that need the API key only (no application key). */
const API_KEY_ONLY = new Set(['/api/v1/validate', '/api/v1/check_run']);

/** The local Atlas checks its own HTTP Digest credentials; DD keys play no part there. */
const OWN_AUTH_PREFIX = '/api/atlas/';

export function requireKeys(apiKey: string, appKey: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.path.startsWith(OWN_AUTH_PREFIX)) return next();
    // Headers, or the query parameters the 2018 examples use (Datadog's v1 API accepted both).
    const apiOk = safeEqual(c.req.header('DD-API-KEY') ?? c.req.query('api_key'), apiKey);
    const appOk =
      API_KEY_ONLY.has(c.req.path) || safeEqual(c.req.header('DD-APPLICATION-KEY') ?? c.req.query('application_key'), appKey);
    if (!apiOk || !appOk) return errorJson(c, 403, AUTH_ERROR);
    await next();
  };
}
