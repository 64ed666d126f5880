import { useMutation, useQueryClient } from '@tanstack/react-query';
import { incidentPaths } from '../../../contract/api-paths';
import { api } from '../../../lib/api-client';
import { refreshTeam, teamQueries } from './team-queries';

export function removeMember(teamId: string, userId: string) {
  return api.delete(incidentPaths.member(teamId, userId));
}

/** DELETE /api/teams/:id/members/:userId (admins): 204; the member leaves the page at once. */
export function useRemoveMember(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeMember(teamId, userId),
    onSuccess: (_void, userId) => {
      queryClient.setQueryData(teamQueries.detail(teamId).queryKey, (detail) =>
        detail ? { ...detail, members: detail.members.filter((m) => m.id !== userId), userCount: Math.max(0, detail.userCount - 1) } : detail,
      );
    },
    onSettled: () => refreshTeam(queryClient, teamId),
  });
}
