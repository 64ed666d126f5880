import { useMutation, useQueryClient } from '@tanstack/react-query';
import { integrationPaths } from '../../../../contract/api-paths';
import type { AtlasInput, AtlasType } from '../../../../contract/atlas';
import { apiRequest } from '../../../../lib/api-client';
import { refreshAtlasProject } from '../api';

export interface AtlasWriteVariables {
  type: AtlasType;
  body: AtlasInput;
}

export function createAtlasIntegration(projectId: string, { type, body }: AtlasWriteVariables): Promise<void> {
  return apiRequest(integrationPaths.atlasIntegration(projectId, type), { method: 'POST', body });
}

/**
 * POST /api/integrations/atlas/projects/:id/:type (admins): configures a type
 * that is not configured yet; 409 `conflict` when it is. Either way the project
 * loads again before the caller hears back, so after a 409 the fresh values are there.
 */
export function useCreateAtlasIntegration(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: AtlasWriteVariables) => createAtlasIntegration(projectId, variables),
    onSettled: () => refreshAtlasProject(queryClient, projectId),
  });
}
