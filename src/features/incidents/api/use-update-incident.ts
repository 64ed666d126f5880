import { useMutation, useQueryClient } from '@tanstack/react-query';
import { incidentPaths } from '../../../contract/api-paths';
import { IncidentSummarySchema, type IncidentDetail, type IncidentSummary, type UpdateIncidentRequest } from '../../../contract/incidents';
import { api } from '../../../lib/api-client';
import { incidentMutationKeys, incidentQueries, refreshIncident } from './incident-queries';

export interface UpdateIncidentVariables {
  change: UpdateIncidentRequest;
  /** How the incident looks after the change (e.g. the new commander's name), shown at once. */
  preview?: Partial<IncidentSummary>;
}

export function updateIncident(id: string, change: UpdateIncidentRequest) {
  return api.patch(incidentPaths.incident(id), change, IncidentSummarySchema);
}

/**
 * PATCH /api/incidents/:id. The change shows at once (optimistic) and is rolled
 * back if the BFF refuses it; each control uses its own instance, so each has
 * its own pending state and error.
 */
export function useUpdateIncident(id: string) {
  const queryClient = useQueryClient();
  const mutationKey = incidentMutationKeys.update(id);
  const detailKey = incidentQueries.detail(id).queryKey;
  return useMutation({
    mutationKey,
    mutationFn: ({ change }: UpdateIncidentVariables) => updateIncident(id, change),
    onMutate: async ({ change, preview }) => {
      await queryClient.cancelQueries({ queryKey: detailKey, exact: true });
      const previous = queryClient.getQueryData(detailKey);
      if (previous) {
        const { commanderId: _commander, ...plain } = change;
        queryClient.setQueryData(detailKey, { ...previous, ...(plain as Partial<IncidentDetail>), ...preview });
      }
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(detailKey, context.previous);
    },
    onSuccess: (summary) => {
      if (queryClient.isMutating({ mutationKey }) > 1) return;
      queryClient.setQueryData(detailKey, (detail) => (detail ? { ...detail, ...summary, todos: detail.todos } : detail));
    },
    onSettled: () => {
      // With several changes in flight, only the last one to settle refetches,
      // so an early answer does not overwrite the others' optimistic state.
      if (queryClient.isMutating({ mutationKey }) > 1) return;
      return refreshIncident(queryClient, id);
    },
  });
}
