import { z } from 'zod';
import {
  ATLAS_FIELDS,
  ATLAS_PROJECT_ID_PATTERN,
  ATLAS_TYPES,
  atlasInputSchema,
  isSecretKind,
  AtlasIntegrationSchema,
  AtlasIntegrationsResponseSchema,
  AtlasProjectsResponseSchema,
  AtlasTypeSchema,
  type AtlasType,
} from '../../../contract/atlas';
import { isMasked } from '../../../contract/secrets';
import { defineRoute, fieldErrors, issuesToFields, type FieldErrors } from '../define-route';
import { CONFLICT_WRITE_ERRORS, READ_ERRORS as BASE_READ_ERRORS, withStatuses } from '../route-errors';

/**
 * MongoDB Atlas third-party integrations (issue 5): one configuration per
 * type per project. Admins only, every change audited. The project id and
 * type are checked before anything else; the body is then checked against
 * the type's own schema (contract atlasInputSchema), so a bad request never
 * reaches Atlas.
 */
/** 503: the BFF has no Atlas keys; 409: the type is configured already. */
const READ_ERRORS = withStatuses(BASE_READ_ERRORS, 503);
const WRITE_ERRORS = withStatuses(CONFLICT_WRITE_ERRORS, 503);
const tags = ['integrations', 'atlas'];

export const ATLAS_ACTION_PREFIX = 'integration.atlas.';
export const atlasTarget = (projectId: string, type?: string) => `atlas:${projectId}${type === undefined ? '' : `:${type}`}`;

const projectId = z.string().regex(ATLAS_PROJECT_ID_PATTERN, 'An Atlas project id is 24 lowercase hexadecimal characters');
export const AtlasProjectParamsSchema = z.strictObject({ projectId });
export const AtlasIntegrationParamsSchema = z.strictObject({ projectId, type: AtlasTypeSchema });

const fieldList = ATLAS_TYPES.map(
  (t) =>
    `${t}: ${ATLAS_FIELDS[t]
      .filter((f) => !f.responseOnly)
      .map((f) => `${f.name}${f.required ? '*' : ''}`)
      .join(', ')}`,
).join('; ');

/**
 * Any JSON object, passed on untouched: which fields are allowed depends on
 * the type in the path, so `check` below validates it with that type's
 * strict schema. (A z.record would copy the object and lose a "__proto__"
 * key, which must be refused as an unknown field instead.)
 */
const AtlasBodySchema = z
  .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'The body must be a JSON object')
  .meta({
    type: 'object',
    description: `The fields of the type in the path (* = required on create). ${fieldList}. On update every field may be omitted (= unchanged); a secret sent as its mask is unchanged; "clear" lists optional fields (texts and secrets) to remove.`,
  });

/** The type's own rules: field errors by field name, unknown fields included. */
export function atlasBodyErrors(type: AtlasType, mode: 'create' | 'update', body: unknown): FieldErrors | null {
  const parsed = atlasInputSchema(type, mode).safeParse(body);
  if (!parsed.success) return issuesToFields(parsed.error.issues, '');
  const data = parsed.data as Record<string, unknown>;
  const clear = (data.clear as string[] | undefined) ?? [];
  const fields = fieldErrors();
  for (const name of clear) {
    const given = data[name];
    const secret = ATLAS_FIELDS[type].some((s) => s.name === name && isSecretKind(s.kind));
    // A secret's mask or an empty secret means "unchanged", so it may stand beside clear; a new value may not.
    const unchanged = secret && typeof given === 'string' && (given === '' || isMasked(given));
    if (given !== undefined && !unchanged) fields[name] = ['Give a new value or clear it, not both'];
  }
  return Object.keys(fields).length > 0 ? fields : null;
}

export const listAtlasProjectsRoute = defineRoute({
  method: 'get',
  path: '/api/integrations/atlas/projects',
  minRole: 'admin',
  action: 'integration.atlas.projects',
  target: () => 'atlas',
  operationId: 'listAtlasProjects',
  summary:
    'Atlas projects with the integration types configured in each, and the last Atlas change made through watchdeck. available=false when the BFF has no Atlas keys; error says why Atlas could not be read',
  tags,
  responses: { 200: { description: 'The projects', schema: AtlasProjectsResponseSchema } },
  errors: [401, 403],
});

export const getAtlasProjectRoute = defineRoute({
  method: 'get',
  path: '/api/integrations/atlas/projects/:projectId',
  minRole: 'admin',
  action: 'integration.atlas.project',
  target: (p) => atlasTarget(p.projectId ?? ''),
  operationId: 'getAtlasProject',
  summary: 'One Atlas project and its integrations, secrets masked (****** + last 4), each with its last change through watchdeck',
  tags,
  params: AtlasProjectParamsSchema,
  responses: { 200: { description: 'The project and its integrations', schema: AtlasIntegrationsResponseSchema } },
  errors: READ_ERRORS,
});

const integrationTarget = (p: Record<string, string>) => atlasTarget(p.projectId ?? '', p.type ?? '');

export const createAtlasIntegrationRoute = defineRoute({
  method: 'post',
  path: '/api/integrations/atlas/projects/:projectId/:type',
  minRole: 'admin',
  action: 'integration.atlas.create',
  target: integrationTarget,
  operationId: 'createAtlasIntegration',
  summary: 'Configure one integration type in a project (409 conflict when it is configured already: edit it instead)',
  tags,
  params: AtlasIntegrationParamsSchema,
  body: AtlasBodySchema,
  check: ({ params, body }) => atlasBodyErrors(params.type, 'create', body),
  responses: { 201: { description: 'The integration, secrets masked', schema: AtlasIntegrationSchema } },
  errors: WRITE_ERRORS,
});

export const updateAtlasIntegrationRoute = defineRoute({
  method: 'put',
  path: '/api/integrations/atlas/projects/:projectId/:type',
  minRole: 'admin',
  action: 'integration.atlas.update',
  target: integrationTarget,
  operationId: 'updateAtlasIntegration',
  summary:
    'Change one integration. Secrets are write-only: omitted or sent as their mask they stay as stored, a new value replaces them. "clear" removes optional fields (an optional text, such as SLACK channelName, or secret)',
  tags,
  params: AtlasIntegrationParamsSchema,
  body: AtlasBodySchema,
  check: ({ params, body }) => atlasBodyErrors(params.type, 'update', body),
  responses: { 200: { description: 'The integration as changed, secrets masked', schema: AtlasIntegrationSchema } },
  errors: WRITE_ERRORS,
});

export const deleteAtlasIntegrationRoute = defineRoute({
  method: 'delete',
  path: '/api/integrations/atlas/projects/:projectId/:type',
  minRole: 'admin',
  action: 'integration.atlas.delete',
  target: integrationTarget,
  operationId: 'deleteAtlasIntegration',
  summary: 'Remove one integration from a project',
  tags,
  params: AtlasIntegrationParamsSchema,
  responses: { 204: { description: 'Removed' } },
  errors: READ_ERRORS,
});
