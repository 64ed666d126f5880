import { useMutation, useQueryClient } from '@tanstack/react-query';
import { integrationPaths } from '../../../../contract/api-paths';
import { apiRequest } from '../../../../lib/api-client';
import { refreshAtlasProject } from '../api';
import type { AtlasWriteVariables } from './use-create-atlas-integration';

export function updateAtlasIntegration(projectId: string, { type, body }: AtlasWriteVariables): Promise<void> {
  return apiRequest(integrationPaths.atlasIntegration(projectId, type), { method: 'PUT', body });
}

/**
 * PUT /api/integrations/atlas/projects/:id/:type (admins): only the fields that
 * changed; a secret left out is kept, `clear` removes optional ones. The project
 * loads again before the caller hears back.
 */
export function useUpdateAtlasIntegration(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: AtlasWriteVariables) => updateAtlasIntegration(projectId, variables),
    onSettled: () => refreshAtlasProject(queryClient, projectId),
  });
}
