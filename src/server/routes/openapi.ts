import { z } from 'zod';
import { ApiErrorBodySchema } from '../../contract/errors';
import type { BoundRoute, RouteSpec } from './define-route';

/**
 * openapi.json, rendered from the route table with z.toJSONSchema: request
 * schemas as the client sends them (io: input), responses as it receives them.
 */
type JsonSchema = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid request (see error.fields)',
  403: 'Cross-site request or missing X-CSRF header',
  404: 'Not found',
  413: 'Body too large',
  415: 'Body is not application/json',
  429: 'Upstream rate limit (see Retry-After)',
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
      : { description: r.description };
  }
  const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } };
  for (const status of spec.errors) {
    responses[String(status)] = { description: STATUS_TEXT[status] ?? 'Error', content: errorContent };
  }
  responses.default = { description: 'Any other error', content: errorContent };
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    tags: spec.tags,
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
        'The API the watchdeck SPA calls. Every error answers with the ApiError body. Mutations need the header X-CSRF: 1.',
    },
    paths,
    components: { schemas: { ApiError: jsonSchema(ApiErrorBodySchema, 'output') } },
  };
}
