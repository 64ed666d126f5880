import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { ServerConfig } from './env';
import type { AppEnv } from './lib/app-env';
import type { ServerDeps, TestControls } from './lib/deps';
import { errorBody, fromUpstreamError, HttpError } from './lib/errors';
import { createLogger, type Logger } from './lib/logger';
import { csrfGuard } from './lib/security';
import { SnapshotCache } from './lib/snapshot-cache';
import { createSpaHandler } from './lib/spa-static';
import { JSON_CONTENT_TYPE, pathPattern, registerRoute } from './routes/define-route';
import { routeTable } from './routes/route-table';
import type { DatadogClient } from './upstreams/datadog/client';
import { isUpstreamError } from './upstreams/upstream-error';

export interface AppOptions {
  config: ServerConfig;
  datadog: DatadogClient;
  now?: () => number;
  /** Built SPA to serve; default "dist", null serves none. */
  staticDir?: string | null;
  testControls?: TestControls | null;
  logger?: Logger;
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

export function createApp(options: AppOptions): Hono<AppEnv> {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? createLogger({ redact: options.datadog.redact });
  const testControls = options.config.mode === 'embedded' ? (options.testControls ?? null) : null;
  const deps: ServerDeps = {
    config: options.config,
    datadog: options.datadog,
    now,
    logger,
    testControls,
    snapshots: new SnapshotCache({
      freshMs: FRESH_MS,
      now,
      serveStaleOn: (err) => isUpstreamError(err) && STALE_OK.has(err.kind),
    }),
  };
  const routes = routeTable({ testControls: testControls !== null });
  const patterns = routes.map((r) => ({ pattern: pathPattern(r.spec.path), method: r.spec.method.toUpperCase() }));

  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const requestId = randomUUID();
    c.set('requestId', requestId);
    c.set('deps', deps);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) {
      c.header('Cache-Control', 'no-store');
      if (c.res.status !== 204 && c.res.body !== null) c.header('Content-Type', JSON_CONTENT_TYPE);
    }
    logger.info('request', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });

  app.use('/api/*', csrfGuard());

  for (const route of routes) registerRoute(app, route);

  app.all('/api/*', (c) => {
    const allowed = patterns.filter((p) => p.pattern.test(c.req.path)).map((p) => p.method);
    if (allowed.length === 0) throw new HttpError(404, 'not_found', 'No such API route');
    const allow = [...new Set(allowed.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])))].join(', ');
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
    let httpError: HttpError;
    if (err instanceof HttpError) {
      httpError = err;
    } else if (isUpstreamError(err)) {
      httpError = fromUpstreamError(err);
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
    if (httpError.status === 400 || httpError.status === 403) {
      logger.warn('request refused', { requestId, code: httpError.code, fields: httpError.extra.fields ?? null });
    }
    return c.body(deps.datadog.redact(JSON.stringify(errorBody(httpError, requestId))), httpError.status as 400, {
      ...httpError.extra.headers,
      'Content-Type': JSON_CONTENT_TYPE,
      'Cache-Control': 'no-store',
    });
  });

  return app;
}
