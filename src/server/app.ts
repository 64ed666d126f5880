import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { auditTrail } from './audit/audit-trail';
import { authorize, limitMutations } from './auth/authorize';
import { socketAddress, type ClientAddress } from './auth/client-address';
import { identify } from './auth/identify';
import { LoginThrottle } from './auth/login-throttle';
import { createPasswordHasher, type PasswordHasher } from './auth/password';
import { createProxyIdentity } from './auth/proxy-identity';
import { Sessions } from './auth/sessions';
import { TokenBuckets } from './auth/token-bucket';
import type { ServerConfig } from './env';
import type { AppEnv } from './lib/app-env';
import type { ServerDeps, TestControls } from './lib/deps';
import { errorBody, fromUpstreamError, HttpError } from './lib/errors';
import { createLogger, type Logger } from './lib/logger';
import { startMaintenanceWatcher } from './lib/maintenance-watch';
import { csrfGuard } from './lib/security';
import { SnapshotCache } from './lib/snapshot-cache';
import { createSpaHandler } from './lib/spa-static';
import { JSON_CONTENT_TYPE, registerRoute } from './routes/define-route';
import { createRouteIndex } from './routes/route-index';
import { routeTable } from './routes/route-table';
import { openStore, type BffStore } from './store/open-store';
import type { AtlasClient } from './upstreams/atlas/client';
import { fromAtlasError, isAtlasError } from './upstreams/atlas/errors';
import type { DatadogClient } from './upstreams/datadog/client';
import { isUpstreamError } from './upstreams/upstream-error';

export interface AppOptions {
  config: ServerConfig;
  datadog: DatadogClient;
  /** Atlas's client; null or absent = Atlas not configured. */
  atlas?: AtlasClient | null;
  now?: () => number;
  /** Built SPA to serve; default "dist", null serves none. */
  staticDir?: string | null;
  testControls?: TestControls | null;
  logger?: Logger;
  /** Users, sessions, audit; default an in-memory store (index.ts passes the file). */
  store?: BffStore;
  /** Default: scrypt at the production cost; tests inject a cheap one. */
  passwords?: PasswordHasher;
  /** Default: the socket peer from @hono/node-server. */
  clientAddress?: ClientAddress;
  /** Run the maintenance until-recovered watcher this often (ms); absent or null = not at all (tests tick it by hand). */
  maintenanceWatchMs?: number | null;
}

/** How long a good upstream answer is served without asking again. */
export const FRESH_MS = 2000;

// Failures where the last good copy is better than an error (the upstream is down or busy, not "it's gone").
const STALE_OK = new Set(['server', 'timeout', 'network', 'rate_limited', 'auth', 'bad_response']);

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Strict-Transport-Security': 'max-age=31536000',
};

/** Statuses that are the caller's doing; logged at warn (SECURITY 35). */
const REFUSED = new Set([400, 401, 403, 405, 409, 413, 415, 429]);
const NEVER_METHODS = new Set(['TRACE', 'TRACK', 'CONNECT']);

function buildDeps(options: AppOptions): ServerDeps {
  const { config } = options;
  const now = options.now ?? Date.now;
  const store = options.store ?? openStore(':memory:');
  const atlas = options.atlas ?? null;
  const redact = atlas ? (text: string) => atlas.redact(options.datadog.redact(text)) : options.datadog.redact;
  return {
    config,
    datadog: options.datadog,
    atlas,
    redact,
    now,
    logger: options.logger ?? createLogger({ redact, level: config.logLevel }),
    testControls: config.mode === 'embedded' ? (options.testControls ?? null) : null,
    snapshots: new SnapshotCache({
      freshMs: FRESH_MS,
      now,
      serveStaleOn: (err) => isUpstreamError(err) && STALE_OK.has(err.kind),
    }),
    store,
    sessions: new Sessions({ store, idleMs: config.auth.sessionIdleMs, maxMs: config.auth.sessionMaxMs, now }),
    passwords: options.passwords ?? createPasswordHasher(),
    loginThrottle: new LoginThrottle(now),
    mutationBuckets: new TokenBuckets(config.userMutationsPerMinute, now),
    proxyIdentity: config.auth.mode === 'proxy' ? createProxyIdentity(config.auth) : null,
  };
}

export function createApp(options: AppOptions): Hono<AppEnv> {
  const deps = buildDeps(options);
  const { logger } = deps;
  if (options.maintenanceWatchMs) startMaintenanceWatcher(deps, options.maintenanceWatchMs);
  const clientAddress = options.clientAddress ?? socketAddress;
  const routes = routeTable({ testControls: deps.testControls !== null });
  const index = createRouteIndex(routes);

  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const requestId = randomUUID();
    c.set('requestId', requestId);
    c.set('deps', deps);
    c.set('clientAddress', clientAddress(c));
    const started = performance.now();
    await next();
    // Set on the answer's own headers, without reading its body: c.header() or c.res.body after
    // the handler rebuild the Response around a stream of its body, and the Node adapter then
    // copies a byte body (the 7 MB monitor list, per request) and streams the copy, where it
    // otherwise writes the bytes it was given as they are.
    const headers = c.res.headers;
    headers.set('X-Request-Id', requestId);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) {
      headers.set('Cache-Control', 'no-store');
      const type = headers.get('content-type') ?? '';
      // 204 and 304 carry no body; every other API answer is JSON, except the CSV export.
      if (c.res.status !== 204 && c.res.status !== 304 && !type.startsWith('text/csv')) headers.set('Content-Type', JSON_CONTENT_TYPE);
    }
    logger.info('request', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      actor: c.get('audit')?.actor ?? null,
      ms: Math.round(performance.now() - started),
    });
  });

  // Order matters: audit wraps everything; then TRACE, which route, who, CSRF, role, rate.
  app.use('/api/*', auditTrail());
  app.use('*', async (c, next) => {
    if (!NEVER_METHODS.has(c.req.method)) return next();
    const allow = c.req.path.startsWith('/api/') ? index.allowedMethods(c.req.path).join(', ') : 'GET, HEAD';
    throw new HttpError(405, 'method_not_allowed', `${c.req.method} is not allowed`, { headers: allow ? { Allow: allow } : {} });
  });

  app.use('/api/*', async (c, next) => {
    const match = index.match(c.req.method, c.req.path);
    c.set('route', match);
    if (match) {
      const audit = c.get('audit');
      audit.action = match.route.spec.action;
      audit.target = match.route.spec.target?.(match.params) ?? c.req.path;
    }
    return next();
  });
  app.use('/api/*', identify());
  app.use('/api/*', csrfGuard());
  app.use('/api/*', authorize());
  app.use('/api/*', limitMutations());

  for (const route of routes) registerRoute(app, route);

  app.all('/api/*', (c) => {
    const allowed = index.allowedMethods(c.req.path);
    if (allowed.length === 0) throw new HttpError(404, 'not_found', 'No such API route');
    const allow = allowed.join(', ');
    throw new HttpError(405, 'method_not_allowed', `Use ${allow} on this path`, { headers: { Allow: allow } });
  });

  const staticDir = options.staticDir === undefined ? 'dist' : options.staticDir;
  const spa = staticDir === null ? null : createSpaHandler(staticDir);
  app.all('*', (c) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return c.text('Method not allowed', 405, { Allow: 'GET, HEAD' });
    }
    return spa ? spa(c) : c.text('Not found', 404);
  });

  app.onError((err, c) => {
    const requestId = c.get('requestId') ?? randomUUID();
    const audit = c.get('audit');
    let httpError: HttpError;
    if (err instanceof HttpError) {
      httpError = err;
    } else if (isUpstreamError(err)) {
      const mutation = c.req.method !== 'GET' && c.req.method !== 'HEAD';
      httpError = isAtlasError(err) ? fromAtlasError(err, { mutation }) : fromUpstreamError(err, { mutation });
      if (audit) audit.outcome = 'failed';
      logger.warn('upstream failed', {
        requestId,
        operation: err.operation,
        kind: err.kind,
        upstreamStatus: err.status ?? null,
      });
    } else {
      httpError = new HttpError(500, 'internal', 'Something went wrong in the BFF');
      logger.error('unhandled error', { requestId, error: err });
    }
    if (REFUSED.has(httpError.status) && !isUpstreamError(err)) {
      logger.warn('request refused', {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: httpError.status,
        code: httpError.code,
        fields: httpError.extra.fields ? Object.keys(httpError.extra.fields) : null,
      });
    }
    if (audit) {
      const why = httpError.extra.fields ? `${httpError.code}: ${Object.keys(httpError.extra.fields).join(', ')}` : `${httpError.code}: ${httpError.message}`;
      audit.detail = audit.detail ? `${audit.detail}; ${why}` : why;
    }
    return c.body(deps.redact(JSON.stringify(errorBody(httpError, requestId))), httpError.status as 400, {
      ...httpError.extra.headers,
      'Content-Type': JSON_CONTENT_TYPE,
      'Cache-Control': 'no-store',
    });
  });

  return app;
}
