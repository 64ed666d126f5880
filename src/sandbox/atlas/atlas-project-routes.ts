import type { Hono } from 'hono';
import type { AtlasDeps } from './atlas-deps';
import { projectOr404 } from './atlas-deps';
import { atlasJson } from './atlas-http';
import { atlasPage, checkCommonParams, readListParams } from './atlas-query';
import { renderProject } from './atlas-view';

/** `GET /groups` and `GET /groups/{groupId}` (mounted under each API version). */
export function registerAtlasProjectRoutes(r: Hono, deps: AtlasDeps): void {
  r.get('/groups', (c) => {
    const p = readListParams(c);
    return atlasJson(c, 200, atlasPage(deps.store.listProjects().map(renderProject), p));
  });

  r.get('/groups/:groupId', (c) => {
    checkCommonParams(c);
    return atlasJson(c, 200, renderProject(projectOr404(deps, c.req.param('groupId'))));
  });
}
