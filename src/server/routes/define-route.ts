import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { ServerDeps } from '../lib/deps';
import { HttpError, validationError } from '../lib/errors';
import type { AppEnv } from '../lib/app-env';

/**
 * The route table: each route declares its method, path, input schemas and
 * responses. One middleware (`registerRoute`) validates params, query and
 * body against them before the handler runs, so a bad request never reaches
 * an upstream. openapi.ts renders the same table.
 */
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
}
export type Responses = Record<number, ResponseSpec>;
export type FieldErrors = Record<string, string[]>;

const EmptyQuery = z.strictObject({});
type EmptyQueryType = typeof EmptyQuery;

export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends Responses = Responses,
> {
  method: Method;
  /** Hono-style template: "/api/monitors/:id". */
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  responses: R;
  /** Error statuses this route is known to answer (all with the ApiError body). */
  errors: number[];
  /** Not listed in openapi.json (test controls). */
  hidden?: boolean;
  /** Checks that need more than the schema (the clock, a scope parser); runs before the handler. */
  check?: (input: RouteInput<P, Q, B>, now: number) => FieldErrors | null;
}

export interface RouteInput<P, Q, B> {
  params: P extends z.ZodType ? z.output<P> : Record<string, never>;
  query: Q extends z.ZodType ? z.output<Q> : Record<string, never>;
  body: B extends z.ZodType ? z.output<B> : undefined;
}

type ReplyFor<R extends Responses, S extends keyof R & number> = R[S]['schema'] extends z.ZodType
  ? { status: S; body: z.input<R[S]['schema']>; headers?: Record<string, string> }
  : { status: S; body?: undefined; headers?: Record<string, string> };
export type Reply<R extends Responses> = { [S in keyof R & number]: ReplyFor<R, S> }[keyof R & number];

export type Handler<T> =
  T extends RouteSpec<infer P, infer Q, infer B, infer R>
    ? (input: RouteInput<P, Q, B> & { deps: ServerDeps; requestId: string }) => Promise<Reply<R>>
    : never;

export interface BoundRoute {
  spec: RouteSpec;
  handler: (input: {
    params: unknown;
    query: unknown;
    body: unknown;
    deps: ServerDeps;
    requestId: string;
  }) => Promise<{ status: number; body?: unknown; headers?: Record<string, string> }>;
}

export function defineRoute<
  P extends z.ZodType = EmptyQueryType,
  Q extends z.ZodType = EmptyQueryType,
  B extends z.ZodType | undefined = undefined,
  R extends Responses = Responses,
>(spec: RouteSpec<P, Q, B, R>): RouteSpec<P, Q, B, R> {
  return spec;
}

export function bind<T extends RouteSpec<z.ZodType, z.ZodType, z.ZodType | undefined, Responses>>(
  spec: T,
  handler: Handler<T>,
): BoundRoute {
  return { spec: spec as unknown as RouteSpec, handler: handler as unknown as BoundRoute['handler'] };
}

export const MAX_BODY_BYTES = 64 * 1024;
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** zod issues -> { "scope": ["..."], "query.page": ["..."] }; unknown keys are listed under their own names. */
/** A field map without a prototype, so a "__proto__" field name is just a name. */
export const fieldErrors = (): FieldErrors => Object.create(null) as FieldErrors;

export function issuesToFields(
  issues: readonly z.core.$ZodIssue[],
  prefix: string,
  into: FieldErrors = fieldErrors(),
): FieldErrors {
  const add = (path: readonly PropertyKey[], message: string) => {
    const key = [prefix, ...path.map(String)].filter(Boolean).join('.') || 'body';
    (into[key] ??= []).push(message);
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) add([...issue.path, k], 'Unknown field');
    } else {
      add(issue.path, issue.message);
    }
  }
  return into;
}

function parsePart(schema: z.ZodType | undefined, value: unknown, prefix: string, fields: FieldErrors): unknown {
  const result = (schema ?? EmptyQuery).safeParse(value);
  if (result.success) return result.data;
  issuesToFields(result.error.issues, prefix, fields);
  return undefined;
}

function readQuery(c: Context, fields: FieldErrors): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const [k, values] of Object.entries(c.req.queries())) {
    if (values.length > 1) (fields[`query.${k}`] ??= []).push('Give this parameter once');
    out[k] = values[0] ?? '';
  }
  return out;
}

const tooLarge = () => new HttpError(413, 'payload_too_large', `The body is over ${MAX_BODY_BYTES} bytes`);

/** Reads at most `limit` bytes, refusing (413) by Content-Length up front or as soon as a stream passes the limit. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  if (Number(request.headers.get('content-length') ?? '0') > limit) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

async function readJsonBody(c: Context, fields: FieldErrors): Promise<unknown> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json');
  }
  const bytes = await readLimited(c.req.raw, MAX_BODY_BYTES);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    fields.body = ['The body is not valid JSON'];
    return undefined;
  }
}

export function registerRoute(app: Hono<AppEnv>, route: BoundRoute): void {
  const { spec } = route;
  app.on(spec.method.toUpperCase(), spec.path, async (c) => {
    const deps = c.get('deps');
    const fields = fieldErrors();
    const params = parsePart(spec.params, c.req.param(), 'params', fields);
    const query = parsePart(spec.query, readQuery(c, fields), 'query', fields);
    let body: unknown = undefined;
    if (spec.body) {
      const raw = await readJsonBody(c, fields);
      if (!fields.body) body = parsePart(spec.body, raw, '', fields);
    }
    if (Object.keys(fields).length > 0) throw validationError(fields);
    const input = { params, query, body } as RouteInput<z.ZodType, z.ZodType, z.ZodType>;
    const extra = spec.check?.(input, deps.now());
    if (extra && Object.keys(extra).length > 0) throw validationError(extra);

    const reply = await route.handler({ ...input, deps, requestId: c.get('requestId') });
    const headers = { ...reply.headers };
    if (reply.body === undefined) return c.body(null, reply.status as 204, headers);
    // Upstream data passes through here; no form of a key may leave, whatever field it hid in (SECURITY 1).
    const text = deps.datadog.redact(JSON.stringify(reply.body));
    return c.body(text, reply.status as 200, { ...headers, 'Content-Type': JSON_CONTENT_TYPE });
  });
}

/** "/api/monitors/:id" -> a RegExp for the 405 check. */
export function pathPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}
