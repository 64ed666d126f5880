import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { integrationPaths } from '../../../contract/api-paths';
import { AtlasIntegrationsResponseSchema, AtlasProjectsResponseSchema } from '../../../contract/atlas';
import { api } from '../../../lib/api-client';

/**
 * Query keys for the MongoDB Atlas integrations, from generic to specific:
 * all() -> projects() (the project list, with each project's configured types),
 * and all() -> details() -> detail(projectId) (one project's integrations).
 * Invalidate through these, never through literal arrays.
 */
export const atlasKeys = {
  all: () => ['integrations', 'atlas'] as const,
  projects: () => [...atlasKeys.all(), 'projects'] as const,
  details: () => [...atlasKeys.all(), 'project'] as const,
  detail: (projectId: string) => [...atlasKeys.details(), projectId] as const,
};

/** GET /api/integrations/atlas/projects: whether Atlas is reachable, its projects and their configured types. */
export function atlasProjectsQueryOptions() {
  return queryOptions({
    queryKey: atlasKeys.projects(),
    queryFn: ({ signal }) => api.get(integrationPaths.atlasProjects, AtlasProjectsResponseSchema, signal),
    staleTime: 15_000,
  });
}

/** GET /api/integrations/atlas/projects/:id: one project and its integrations (secrets masked). */
export function atlasProjectQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: atlasKeys.detail(projectId),
    queryFn: ({ signal }) => api.get(integrationPaths.atlasProject(projectId), AtlasIntegrationsResponseSchema, signal),
    staleTime: 15_000,
  });
}

/** After a change in one project: its integrations and the project list (configured types, last change) load again. */
export function refreshAtlasProject(queryClient: QueryClient, projectId: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: atlasKeys.detail(projectId) }),
    queryClient.invalidateQueries({ queryKey: atlasKeys.projects() }),
  ]);
}
