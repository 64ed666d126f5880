import { useMutation, useQueryClient } from '@tanstack/react-query';
import { incidentPaths } from '../../../contract/api-paths';
import { TeamSchema, type UpdateTeamRequest } from '../../../contract/teams';
import { api } from '../../../lib/api-client';
import { refreshTeam, teamQueries } from './team-queries';

export interface UpdateTeamVariables {
  id: string;
  change: UpdateTeamRequest;
}

export function updateTeam({ id, change }: UpdateTeamVariables) {
  return api.patch(incidentPaths.team(id), change, TeamSchema);
}

/** PATCH /api/teams/:id (admins): rename, new handle or description; the page and lists show it at once. */
export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateTeam,
    onSuccess: (team, { id }) => {
      queryClient.setQueryData(teamQueries.detail(id).queryKey, (detail) => (detail ? { ...detail, ...team, members: detail.members } : detail));
    },
    onSettled: (_team, _error, { id }) => refreshTeam(queryClient, id),
  });
}
