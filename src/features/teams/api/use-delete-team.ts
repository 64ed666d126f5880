import { useMutation, useQueryClient } from '@tanstack/react-query';
import { incidentPaths } from '../../../contract/api-paths';
import { api } from '../../../lib/api-client';
import { refreshTeamLists, teamQueries } from './team-queries';

export function deleteTeam(id: string) {
  return api.delete(incidentPaths.team(id));
}

/** DELETE /api/teams/:id (admins): 204; the lists load again. A caller on the team's page leaves it, then calls forgetTeam. */
export function useDeleteTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteTeam,
    onSuccess: async (_void, id) => {
      await queryClient.cancelQueries({ queryKey: teamQueries.detail(id).queryKey });
      await refreshTeamLists(queryClient);
    },
  });
}
