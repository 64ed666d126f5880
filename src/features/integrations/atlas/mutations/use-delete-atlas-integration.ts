import { useMutation, useQueryClient } from '@tanstack/react-query';
import { integrationPaths } from '../../../../contract/api-paths';
import type { AtlasType } from '../../../../contract/atlas';
import { api } from '../../../../lib/api-client';
import { refreshAtlasProject } from '../api';

export function deleteAtlasIntegration(projectId: string, type: AtlasType): Promise<void> {
  return api.delete(integrationPaths.atlasIntegration(projectId, type));
}

/** DELETE /api/integrations/atlas/projects/:id/:type (admins): 204; the project loads again before the caller hears back. */
export function useDeleteAtlasIntegration(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (type: AtlasType) => deleteAtlasIntegration(projectId, type),
    onSettled: () => refreshAtlasProject(queryClient, projectId),
  });
}
