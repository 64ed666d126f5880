import { useMutation, useQueryClient } from '@tanstack/react-query';
import { incidentPaths } from '../../../contract/api-paths';
import { api } from '../../../lib/api-client';
import { incidentQueries, refreshIncidentLists } from './incident-queries';

export function deleteIncident(id: string) {
  return api.delete(incidentPaths.incident(id));
}

/**
 * DELETE /api/incidents/:id (admins): 204. The lists load again; the caller
 * leaves the page, then drops the detail with forgetIncident.
 */
export function useDeleteIncident(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteIncident(id),
    onSuccess: async () => {
      await queryClient.cancelQueries({ queryKey: incidentQueries.detail(id).queryKey });
      await refreshIncidentLists(queryClient);
    },
  });
}
