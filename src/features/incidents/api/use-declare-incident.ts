import { useMutation, useQueryClient } from '@tanstack/react-query';
import { incidentPaths } from '../../../contract/api-paths';
import { IncidentSummarySchema, type DeclareIncidentRequest } from '../../../contract/incidents';
import { api } from '../../../lib/api-client';
import { refreshIncidentLists } from './incident-queries';

export function declareIncident(body: DeclareIncidentRequest) {
  return api.post(incidentPaths.incidents, body, IncidentSummarySchema);
}

/** POST /api/incidents: 201 with the new incident; 400 with field errors. */
export function useDeclareIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: declareIncident,
    // Not awaited: the new incident's page opens at once.
    onSuccess: () => {
      void refreshIncidentLists(queryClient);
    },
  });
}
