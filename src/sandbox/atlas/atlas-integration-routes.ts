import type { Context, Hono } from 'hono';
import type { AtlasType } from '../../contract/atlas';
import type { AtlasDeps } from './atlas-deps';
import { integrationType, projectOr404 } from './atlas-deps';
import { AtlasError, atlasJson } from './atlas-http';
import { parseCreateBody, parseUpdateBody } from './atlas-input';
import { atlasPage, checkCommonParams, readListParams, type AtlasListParams } from './atlas-query';
import type { AtlasIntegrationRow } from './atlas-store';
import { renderIntegration } from './atlas-view';

const MAX_BODY_CHARS = 1_000_000;

async function readBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.length > MAX_BODY_CHARS) throw new AtlasError(400, 'INVALID_JSON', 'The request body is too large.');
  if (text.trim() === '') throw new AtlasError(400, 'INVALID_JSON', 'The request body must be a JSON object.');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AtlasError(400, 'INVALID_JSON', 'The request body is not valid JSON.');
  }
}

function notConfigured(type: AtlasType, projectId: string): AtlasError {
  return new AtlasError(404, 'INTEGRATION_NOT_FOUND', `No ${type} integration is configured for group ${projectId}.`, [type, projectId]);
}

/**
 * Third-party integrations, one configuration per type per project:
 * `/groups/{groupId}/integrations[/{TYPE}]` (mounted under each API version).
 * Every answer redacts secrets; POST and PUT answer with the project's list.
 */
export function registerAtlasIntegrationRoutes(r: Hono, deps: AtlasDeps): void {
  const page = (c: Context, projectId: string, p: AtlasListParams) =>
    atlasJson(c, 200, atlasPage(deps.store.listIntegrations(projectId).map(renderIntegration), p));

  /** The project and type a path names, and the stored configuration if any. */
  const target = (c: Context) => {
    const project = projectOr404(deps, c.req.param('groupId') ?? '');
    const type = integrationType(c.req.param('type') ?? '');
    return { projectId: project.id, type, row: deps.store.getIntegration(project.id, type) };
  };

  r.get('/groups/:groupId/integrations', (c) => {
    const p = readListParams(c);
    return page(c, projectOr404(deps, c.req.param('groupId')).id, p);
  });

  r.get('/groups/:groupId/integrations/:type', (c) => {
    checkCommonParams(c);
    const { projectId, type, row } = target(c);
    if (!row) throw notConfigured(type, projectId);
    return atlasJson(c, 200, renderIntegration(row));
  });

  r.post('/groups/:groupId/integrations/:type', async (c) => {
    const p = readListParams(c);
    const { projectId, type, row } = target(c);
    if (row) {
      throw new AtlasError(
        409,
        'INTEGRATION_ALREADY_CONFIGURED',
        `A ${type} integration is already configured for group ${projectId}: change it with PUT.`,
        [type, projectId],
      );
    }
    const values = parseCreateBody(type, await readBody(c));
    const nowUs = deps.now() * 1000;
    const created: AtlasIntegrationRow = { id: deps.newId(), project_id: projectId, type, values, created_us: nowUs, modified_us: nowUs };
    if (!deps.store.insertIntegration(created)) {
      throw new AtlasError(409, 'INTEGRATION_ALREADY_CONFIGURED', `A ${type} integration is already configured for group ${projectId}.`, [type, projectId]);
    }
    return page(c, projectId, p);
  });

  r.put('/groups/:groupId/integrations/:type', async (c) => {
    const p = readListParams(c);
    const { projectId, type, row } = target(c);
    if (!row) throw notConfigured(type, projectId);
    const values = parseUpdateBody(type, await readBody(c), row.values);
    deps.store.updateValues(projectId, type, values, deps.now() * 1000);
    return page(c, projectId, p);
  });

  r.delete('/groups/:groupId/integrations/:type', (c) => {
    checkCommonParams(c);
    const { projectId, type, row } = target(c);
    if (!row || !deps.store.deleteIntegration(projectId, type)) throw notConfigured(type, projectId);
    return atlasJson(c, 204, null);
  });
}
