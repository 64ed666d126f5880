import type { Context } from 'hono';

/**
 * How the local Atlas answers: Atlas's error body, its two API versions and
 * their content types, and the `envelope` / `pretty` query flags.
 */

export type AtlasVersion = 'v2' | 'v1.0';

export const ATLAS_V2_MEDIA_TYPE = 'application/vnd.atlas.2023-01-01+json';
export const ATLAS_V1_MEDIA_TYPE = 'application/json';

export const ATLAS_PREFIX = '/api/atlas/';

/** `/api/atlas/v1.0/...` is v1.0; everything else under /api/atlas/ answers like v2. */
export function atlasVersionOf(path: string): AtlasVersion {
  return path.startsWith(`${ATLAS_PREFIX}v1.0/`) || path === `${ATLAS_PREFIX}v1.0` ? 'v1.0' : 'v2';
}

export function atlasMediaType(v: AtlasVersion): string {
  return v === 'v2' ? ATLAS_V2_MEDIA_TYPE : ATLAS_V1_MEDIA_TYPE;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  500: 'Internal Server Error',
};

export type AtlasErrorStatus = 400 | 401 | 404 | 405 | 406 | 409 | 500;

/** Atlas's error body: `{"detail","error","errorCode","parameters","reason"}`. */
export interface AtlasErrorBody {
  detail: string;
  error: number;
  errorCode: string;
  parameters: string[];
  reason: string;
}

/** Thrown by the Atlas handlers; the Atlas app's error handler renders it. */
export class AtlasError extends Error {
  constructor(
    readonly status: AtlasErrorStatus,
    readonly errorCode: string,
    readonly detail: string,
    readonly parameters: string[] = [],
  ) {
    super(detail);
  }

  body(): AtlasErrorBody {
    return { detail: this.detail, error: this.status, errorCode: this.errorCode, parameters: this.parameters, reason: REASONS[this.status]! };
  }
}

/** Echoed input is cut short, so an error never carries a whole request body back. */
export function clip(s: string, max = 64): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

export interface RenderOptions {
  /** Wrap as `{status, content}` with HTTP 200 (the `envelope=true` flag). */
  envelope?: boolean;
  pretty?: boolean;
  headers?: Record<string, string>;
}

/** A JSON answer in the version's media type; 204 has no body (unless enveloped). */
export function atlasResponse(version: AtlasVersion, status: number, body: unknown, o: RenderOptions = {}): Response {
  const headers = new Headers(o.headers);
  if (o.envelope) {
    body = { status, content: body ?? {} };
    status = 200;
  }
  if (status === 204) return new Response(null, { status, headers });
  headers.set('content-type', atlasMediaType(version));
  return new Response(JSON.stringify(body, null, o.pretty ? 2 : undefined), { status, headers });
}

/** The flags as the renderer reads them: only a literal true turns them on (a bad value is a 400 elsewhere). */
function flag(c: Context, name: string): boolean {
  return c.req.query(name)?.toLowerCase() === 'true';
}

/** Answers a handler's result, honouring `envelope` and `pretty`. */
export function atlasJson(c: Context, status: number, body: unknown): Response {
  return atlasResponse(atlasVersionOf(c.req.path), status, body, { envelope: flag(c, 'envelope'), pretty: flag(c, 'pretty') });
}

export function atlasErrorResponse(c: Context, e: AtlasError): Response {
  return atlasJson(c, e.status, e.body());
}
