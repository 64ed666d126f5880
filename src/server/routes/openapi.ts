import { z } from 'zod';
import { ApiErrorBodySchema, CSRF_HEADER } from '../../contract/errors';
import { SESSION_COOKIE } from '../auth/session-cookie';
import type { BoundRoute, RouteSpec } from './define-route';

/**
 * openapi.json, rendered from the route table with z.toJSONSchema: request
 * schemas as the client sends them (io: input), responses as it receives them.
 */
type JsonSchema = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid request (see error.fields)',
  401: 'No valid session (sign in); never a redirect',
  403: 'Role too low, cross-site request, or missing X-CSRF header',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Body too large',
  415: 'Body is not application/json',
  429: 'Rate limited: upstream, per-user changes, or sign-in throttling (see Retry-After)',
  500: 'Internal error',
  502: 'Upstream failed, or refused the BFF credentials',
  504: 'Upstream timed out',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete out.$schema;
  return out;
}

function parameters(spec: RouteSpec): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue;
    const js = jsonSchema(schema, 'input');
    const required = new Set((js.required as string[] | undefined) ?? []);
    for (const [name, prop] of Object.entries((js.properties as Record<string, JsonSchema> | undefined) ?? {})) {
      out.push({ name, in: where, required: where === 'path' || required.has(name), schema: prop });
    }
  }
  return out;
}

function operation(spec: RouteSpec): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, r] of Object.entries(spec.responses)) {
    responses[status] = r.schema
      ? { description: r.description, content: { 'application/json': { schema: jsonSchema(r.schema, 'output') } } }
      : r.contentType
        ? { description: r.description, content: { [r.contentType]: { schema: { type: 'string' } } } }
        : { description: r.description };
  }
  const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } };
  for (const status of spec.errors) {
    responses[String(status)] = { description: STATUS_TEXT[status] ?? 'Error', content: errorContent };
  }
  responses.default = { description: 'Any other error', content: errorContent };
  // Every operation but the liveness probe needs the CSRF header; every non-public one a session.
  const csrf = spec.path === '/api/healthz' ? {} : { csrf: [] };
  const security = spec.minRole === 'public' ? [csrf] : [{ session: [], ...csrf }];
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    tags: spec.tags,
    'x-min-role': spec.minRole,
    security,
    parameters: parameters(spec),
    ...(spec.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } } }
      : {}),
    responses,
  };
}

export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

export function buildOpenApi(routes: readonly BoundRoute[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const { spec } of routes) {
    if (spec.hidden) continue;
    const path = openApiPath(spec.path);
    (paths[path] ??= {})[spec.method] = operation(spec);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'watchdeck BFF',
      version: '0.1.0',
      description:
        'The API the watchdeck SPA calls. Every error answers with the ApiError body. Every request but GET /api/healthz needs the header X-CSRF: 1. ' +
        'x-min-role on each operation is the lowest role allowed (viewer < responder < admin; public needs no session).',
    },
    paths,
    components: {
      schemas: { ApiError: jsonSchema(ApiErrorBodySchema, 'output') },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /api/session (local mode)' },
        csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER, description: 'Always the value 1' },
      },
    },
  };
}
