import type { MiddlewareHandler } from 'hono';

/**
 * Datadog's API rate limits, as the sandbox enforces them (issue 8). Datadog documents the mechanism, not
 * the numbers (https://docs.datadoghq.com/api/latest/rate-limits/): limits are per organization and per
 * bucket of endpoints, counted in fixed windows of `X-RateLimit-Period` seconds aligned to the calendar
 * (epoch multiples), and every answer of a limited endpoint carries X-RateLimit-Limit, -Period, -Remaining,
 * -Reset (seconds until the window resets) and -Name (the bucket, to quote when asking for an increase).
 * Past the limit the answer is 429. The defaults below are the sandbox's choice (see deviations.md).
 */

export type RateLimitGroup =
  | 'monitors_read'
  | 'monitors_write'
  | 'downtimes_read'
  | 'downtimes_write'
  | 'check_run'
  | 'api_default';

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  /** Window length in seconds. */
  periodS: number;
}

/**
 * Reads are generous (a 10,000-monitor org pages its list and details freely); writes are the scarce
 * resource, as with Datadog: 600 downtime changes per 10 s lets a 500-monitor bulk mute through in one
 * burst, but not a second one in the same window.
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<RateLimitGroup, RateLimit>> = {
  monitors_read: { limit: 6000, periodS: 10 },
  monitors_write: { limit: 600, periodS: 10 },
  downtimes_read: { limit: 6000, periodS: 10 },
  downtimes_write: { limit: 600, periodS: 10 },
  check_run: { limit: 3000, periodS: 10 },
  api_default: { limit: 3000, periodS: 60 },
};

export interface RateLimitOptions {
  /** Multiplies every limit (rounded up, at least 1): 0.1 to try a client against tight limits, 10 to relax them. */
  scale?: number;
  /** Per-group overrides, applied before `scale`. */
  limits?: Partial<Record<RateLimitGroup, RateLimit>>;
}

/** Not limited: the sandbox's own endpoints (not Datadog's) and the local Atlas, which is another service. */
const UNLIMITED_PREFIXES = ['/api/sandbox/', '/api/atlas/'];

const READ_METHODS = new Set(['GET', 'HEAD']);

/** The bucket a request counts against, or null when the path is not rate limited. */
export function rateLimitGroup(method: string, path: string): RateLimitGroup | null {
  if (UNLIMITED_PREFIXES.some((p) => path.startsWith(p))) return null;
  const read = READ_METHODS.has(method.toUpperCase());
  if (path === '/api/v1/check_run') return 'check_run';
  // downtime_matches lists downtimes, though it sits under /monitor/.
  if (/^\/api\/v2\/monitor\/[^/]+\/downtime_matches$/.test(path)) return 'downtimes_read';
  if (/^\/api\/v[12]\/downtime(\/|$)/.test(path)) return read ? 'downtimes_read' : 'downtimes_write';
  // The legacy mute and unmute change a monitor (options.silenced), like Datadog's v1 monitor writes.
  if (/^\/api\/v1\/monitor(\/|$)/.test(path)) return read ? 'monitors_read' : 'monitors_write';
  return 'api_default';
}

export interface RateLimiter {
  /** Counts one request of `orgId` against `group` at `nowMs` and answers the headers to send. */
  take(orgId: number, group: RateLimitGroup, nowMs: number): { allowed: boolean; headers: Record<string, string> };
}

/** Fixed calendar-aligned windows, one counter per org and group. */
export function createRateLimiter(o: RateLimitOptions = {}): RateLimiter {
  const scale = o.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`rate limit scale must be a positive number, got ${scale}`);
  const limits = new Map<RateLimitGroup, RateLimit>();
  for (const [group, base] of Object.entries({ ...DEFAULT_RATE_LIMITS, ...o.limits }) as [RateLimitGroup, RateLimit][]) {
    limits.set(group, { limit: Math.max(1, Math.ceil(base.limit * scale)), periodS: base.periodS });
  }
  const windows = new Map<string, { startMs: number; used: number }>();
  return {
    take(orgId, group, nowMs) {
      const { limit, periodS } = limits.get(group)!;
      const periodMs = periodS * 1000;
      const startMs = Math.floor(nowMs / periodMs) * periodMs;
      const key = `${orgId}:${group}`;
      let w = windows.get(key);
      if (!w || w.startMs !== startMs) {
        w = { startMs, used: 0 };
        windows.set(key, w);
      }
      // Refused requests are not counted: a client hammering at 429 does not push its own reset back.
      const allowed = w.used < limit;
      if (allowed) w.used++;
      const resetS = Math.max(1, Math.ceil((startMs + periodMs - nowMs) / 1000));
      return {
        allowed,
        headers: {
          'X-RateLimit-Limit': String(limit),
          'X-RateLimit-Period': String(periodS),
          'X-RateLimit-Remaining': String(limit - w.used),
          'X-RateLimit-Reset': String(resetS),
          'X-RateLimit-Name': group,
        },
      };
    },
  };
}

export const RATE_LIMIT_EXCEEDED = 'Rate limit exceeded';

/**
 * Counts each authenticated request (it runs after the key check, as Datadog knows the org only then) and
 * puts the X-RateLimit-* headers on every answer of a limited endpoint, errors included.
 */
export function rateLimitMiddleware(limiter: RateLimiter, orgId: number, nowMs: () => number): MiddlewareHandler {
  return async (c, next) => {
    const group = rateLimitGroup(c.req.method, c.req.path);
    if (group === null) return next();
    const { allowed, headers } = limiter.take(orgId, group, nowMs());
    if (!allowed) return c.json({ errors: [RATE_LIMIT_EXCEEDED] }, 429, headers);
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}
