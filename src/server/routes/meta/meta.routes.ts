import { z } from 'zod';
import { AppConfigSchema, HealthSchema } from '../../../contract/monitors';
import { defineRoute } from '../define-route';

export const healthzRoute = defineRoute({
  method: 'get',
  path: '/api/healthz',
  minRole: 'public',
  action: 'meta.health',
  operationId: 'getHealth',
  summary: 'Liveness: the BFF is up and which mode it runs in',
  tags: ['meta'],
  responses: { 200: { description: 'Ready', schema: HealthSchema } },
  errors: [],
});

export const configRoute = defineRoute({
  method: 'get',
  path: '/api/config',
  minRole: 'public',
  action: 'meta.config',
  operationId: 'getConfig',
  summary: 'Non-secret settings the SPA shows and uses (mode, site, refresh interval, auth mode, longest responder mute)',
  tags: ['meta'],
  responses: { 200: { description: 'The configuration', schema: AppConfigSchema } },
  errors: [],
});

export const openapiRoute = defineRoute({
  method: 'get',
  path: '/api/openapi.json',
  minRole: 'public',
  action: 'meta.openapi',
  operationId: 'getOpenApi',
  summary: 'This API, as an OpenAPI 3.1 document generated from the route table',
  tags: ['meta'],
  responses: { 200: { description: 'OpenAPI document', schema: z.record(z.string(), z.unknown()) } },
  errors: [],
});
