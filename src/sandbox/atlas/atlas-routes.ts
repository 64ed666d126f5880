import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { Db } from '../store/db';
import { objectId, type AtlasDeps } from './atlas-deps';
import { AtlasError, ATLAS_V2_MEDIA_TYPE, atlasErrorResponse, clip } from './atlas-http';
import { registerAtlasIntegrationRoutes } from './atlas-integration-routes';
import { registerAtlasProjectRoutes } from './atlas-project-routes';
import { AtlasStore } from './atlas-store';
import { digestAuth, type DigestAuthOptions } from './digest-auth';

export const DEFAULT_ATLAS_PUBLIC_KEY = 'sandbox-atlas-public-key';
export const DEFAULT_ATLAS_PRIVATE_KEY = 'sandbox-atlas-private-key';

export interface AtlasRoutesOptions {
  db: Db;
  /** Epoch milliseconds. */
  now: () => number;
  publicKey: string;
  privateKey: string;
  /** Nonce lifetime and bounds (tests shorten them). */
  nonces?: Pick<DigestAuthOptions, 'ttlMs' | 'max' | 'window'>;
}

/** Media types a v2 request may accept: the 2023-01-01 version, plain JSON, or anything. */
const ACCEPTED = new Set(['*/*', 'application/*', 'application/json', ATLAS_V2_MEDIA_TYPE]);

/** v2 answers 406 when the Accept header names only other media types (another version date, say). */
const acceptV2: MiddlewareHandler = async (c, next) => {
  const header = c.req.header('accept');
  if (header === undefined || header.trim() === '') return next();
  const types = header.split(',').map((t) => t.split(';')[0]!.trim().toLowerCase());
  if (types.some((t) => ACCEPTED.has(t))) return next();
  throw new AtlasError(
    406,
    'INVALID_VERSION_DATE',
    `The Accept header ${clip(header)} names no supported version: use ${ATLAS_V2_MEDIA_TYPE} (or application/json).`,
    [clip(header)],
  );
};

/** Each path the local Atlas serves, with its methods, for 405 versus 404. */
const KNOWN: readonly [RegExp, readonly string[]][] = [
  [/^\/api\/atlas\/(v2|v1\.0)\/groups$/, ['GET']],
  [/^\/api\/atlas\/(v2|v1\.0)\/groups\/[^/]+$/, ['GET']],
  [/^\/api\/atlas\/(v2|v1\.0)\/groups\/[^/]+\/integrations$/, ['GET']],
  [/^\/api\/atlas\/(v2|v1\.0)\/groups\/[^/]+\/integrations\/[^/]+$/, ['GET', 'POST', 'PUT', 'DELETE']],
];

function fallback(c: Context): Response {
  const path = c.req.path;
  const known = KNOWN.find(([re]) => re.test(path));
  if (known) {
    const e = new AtlasError(405, 'METHOD_NOT_ALLOWED', `The local Atlas does not serve ${c.req.method} on ${clip(path, 200)}.`, [c.req.method]);
    const res = atlasErrorResponse(c, e);
    res.headers.set('Allow', known[1].join(', '));
    return res;
  }
  return atlasErrorResponse(c, new AtlasError(404, 'RESOURCE_NOT_FOUND', `Cannot find resource ${clip(path, 200)}.`, [clip(path, 200)]));
}

/**
 * The local Atlas Admin API under /api/atlas/: v2 and v1.0 over the same
 * store, behind HTTP Digest with the sandbox's Atlas key pair. Register it
 * before the Datadog key check; the fault middleware registered earlier still applies.
 */
export function registerAtlasRoutes(app: Hono, o: AtlasRoutesOptions): void {
  const deps: AtlasDeps = { store: new AtlasStore(o.db), now: o.now, newId: () => objectId(o.now()) };
  const atlas = new Hono();
  atlas.use('*', digestAuth({ username: o.publicKey, password: o.privateKey, now: o.now, ...o.nonces }));
  atlas.use('/v2/*', acceptV2);
  for (const version of ['v2', 'v1.0']) {
    const routes = new Hono();
    registerAtlasProjectRoutes(routes, deps);
    registerAtlasIntegrationRoutes(routes, deps);
    atlas.route(`/${version}`, routes);
  }
  atlas.all('*', fallback);
  atlas.onError((err, c) => {
    if (err instanceof AtlasError) return atlasErrorResponse(c, err);
    console.error('[sandbox] unhandled Atlas error:', err instanceof Error ? err.message : 'unknown');
    return atlasErrorResponse(c, new AtlasError(500, 'UNEXPECTED_ERROR', 'Unexpected error.'));
  });
  app.route('/api/atlas', atlas);
}
