import type { Hono } from 'hono';
import { z } from 'zod';
import type { Role } from '../../contract/auth';
import type { ServerConfig } from '../env';
import type { ServerDeps } from '../lib/deps';
import { HttpError, validationError } from '../lib/errors';
import type { AppEnv } from '../lib/app-env';
import type { Actor, RequestContext } from '../lib/request-context';
import { readJsonBody, readQuery } from './read-request';

/**
 * The route table: each route declares its method, path, lowest role, audit
 * action, input schemas and responses. The same table drives the auth
 * middleware, the audit trail, openapi.json and the role matrix test.
 * `registerRoute` validates params, query and body before the handler runs,
 * so a bad request never reaches an upstream.
 */
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Lowest role allowed. `public` needs no session (the session routes check
 * for one themselves where they need it). Roles include the ones below them.
 */
export type MinRole = 'public' | Role;

export interface AuthorizeContext {
  actor: Actor | null;
  config: ServerConfig;
  now: number;
}

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** A non-JSON answer (the audit CSV). */
  contentType?: string;
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
  minRole: MinRole;
  /** Audit action, e.g. "monitor.mute"; every mutation is recorded under it. */
  action: string;
  /** Audit target from the raw path parameters, e.g. "monitor:42"; the path when absent. */
  target?: (params: Record<string, string>) => string;
  /** Audit detail from the validated input (never a secret: no password, no key). */
  auditDetail?: (input: RouteInput<P, Q, B>) => string | null;
  operationId: string;
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  /** Query parameters that may be given more than once; they reach the schema as lists. */
  repeatableQuery?: readonly string[];
  body?: B;
  responses: R;
  /** Error statuses this route is known to answer (all with the ApiError body). */
  errors: readonly number[];
  /** Not listed in openapi.json (test controls). */
  hidden?: boolean;
  /** Checks that need more than the schema (the clock, a scope parser); runs before the handler. */
  check?: (input: RouteInput<P, Q, B>, now: number) => FieldErrors | null;
  /** Rules that depend on the input and the role (a responder's longest mute): a message means 403. */
  authorize?: (input: RouteInput<P, Q, B>, ctx: AuthorizeContext) => string | null;
}

export interface RouteInput<P, Q, B> {
  params: P extends z.ZodType ? z.output<P> : Record<string, never>;
  query: Q extends z.ZodType ? z.output<Q> : Record<string, never>;
  body: B extends z.ZodType ? z.output<B> : undefined;
}

/**
 * A body serialized (and redacted) by the handler ahead of time, maybe compressed: the monitor
 * list at 10,000 monitors is serialized once per refresh, not once per request.
 */
export interface PreparedReply<S> {
  status: S;
  bytes: Uint8Array;
  headers: Record<string, string>;
}

type ReplyFor<R extends Responses, S extends keyof R & number> = R[S]['schema'] extends z.ZodType
  ? { status: S; body: z.input<R[S]['schema']>; headers?: Record<string, string> } | PreparedReply<S>
  : { status: S; body?: undefined; headers?: Record<string, string>; text?: string };
export type Reply<R extends Responses> = { [S in keyof R & number]: ReplyFor<R, S> }[keyof R & number];

export interface HandlerExtras {
  deps: ServerDeps;
  requestId: string;
  req: RequestContext;
}

export type Handler<T> =
  T extends RouteSpec<infer P, infer Q, infer B, infer R>
    ? (input: RouteInput<P, Q, B> & HandlerExtras) => Promise<Reply<R>>
    : never;

export interface BoundRoute {
  spec: RouteSpec;
  handler: (input: { params: unknown; query: unknown; body: unknown } & HandlerExtras) => Promise<{
    status: number;
    body?: unknown;
    /** A non-JSON body (CSV); its Content-Type comes in headers. */
    text?: string;
    /** A body the handler already serialized and redacted (PreparedReply). */
    bytes?: Uint8Array;
    headers?: Record<string, string>;
  }>;
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

export function registerRoute(app: Hono<AppEnv>, route: BoundRoute): void {
  const { spec } = route;
  app.on(spec.method.toUpperCase(), spec.path, async (c) => {
    const deps = c.get('deps');
    const identity = c.get('identity');
    const audit = c.get('audit');
    const fields = fieldErrors();
    const params = parsePart(spec.params, c.req.param(), 'params', fields);
    const query = parsePart(spec.query, readQuery(c, fields, spec.repeatableQuery), 'query', fields);
    let body: unknown = undefined;
    if (spec.body) {
      const raw = await readJsonBody(c, fields);
      if (!fields.body) body = parsePart(spec.body, raw, '', fields);
    }
    if (Object.keys(fields).length > 0) throw validationError(fields);
    const input = { params, query, body } as RouteInput<z.ZodType, z.ZodType, z.ZodType>;
    audit.detail = spec.auditDetail?.(input) ?? audit.detail;
    const now = deps.now();
    const extra = spec.check?.(input, now);
    if (extra && Object.keys(extra).length > 0) throw validationError(extra);
    const denial = spec.authorize?.(input, { actor: identity.actor, config: deps.config, now });
    if (denial) throw new HttpError(403, 'forbidden', denial);

    const req: RequestContext = {
      actor: identity.actor,
      identity,
      audit,
      clientAddress: c.get('clientAddress'),
      cookieHeader: c.req.header('cookie'),
      header: (name) => c.req.header(name),
    };
    const reply = await route.handler({ ...input, deps, requestId: c.get('requestId'), req });
    const headers = { ...reply.headers };
    if (reply.text !== undefined) return c.body(reply.text, reply.status as 200, headers);
    // Already redacted by whoever prepared it (the snapshot's serializer runs deps.redact once per refresh).
    if (reply.bytes !== undefined) return c.body(reply.bytes as Uint8Array<ArrayBuffer>, reply.status as 200, headers);
    if (reply.body === undefined) return c.body(null, reply.status as 204, headers);
    // Upstream data passes through here; no form of a key may leave, whatever field it hid in (SECURITY 1).
    const text = deps.redact(JSON.stringify(reply.body));
    return c.body(text, reply.status as 200, { ...headers, 'Content-Type': JSON_CONTENT_TYPE });
  });
}

/** "/api/monitors/:id" -> a RegExp with one named group per parameter. */
export function pathPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) => (part.startsWith(':') ? `(?<${part.slice(1)}>[^/]+)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}
