import { useMutation, useQueryClient } from '@tanstack/react-query';
import { incidentPaths } from '../../../contract/api-paths';
import { IncidentSummarySchema } from '../../../contract/incidents';
import { api } from '../../../lib/api-client';
import { incidentQueries, refreshIncidentLists } from './incident-queries';

export function resolveIncident(id: string) {
  return api.post(incidentPaths.resolve(id), {}, IncidentSummarySchema);
}

/**
 * POST /api/incidents/:id/resolve: the BFF records the resolution time and ends
 * customer impact. The detail and its timeline load again before the change
 * counts as done, so the header and the timeline say "resolved" together.
 */
export function useResolveIncident(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => resolveIncident(id),
    onSuccess: async (summary) => {
      await queryClient.invalidateQueries({ queryKey: incidentQueries.detail(id).queryKey });
      queryClient.setQueryData(incidentQueries.detail(id).queryKey, (detail) =>
        detail ? { ...detail, ...summary, todos: detail.todos } : detail,
      );
      void refreshIncidentLists(queryClient);
    },
  });
}
