import { useMutation, useQueryClient } from '@tanstack/react-query';
import { incidentPaths } from '../../../contract/api-paths';
import { MemberSchema, type AddMemberRequest } from '../../../contract/teams';
import { api } from '../../../lib/api-client';
import { refreshTeam, teamQueries } from './team-queries';

export function addMember(teamId: string, body: AddMemberRequest) {
  return api.post(incidentPaths.members(teamId), body, MemberSchema);
}

/** POST /api/teams/:id/members (admins): 201 with the member, shown at once; the page and lists (member counts) load again. */
export function useAddMember(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddMemberRequest) => addMember(teamId, body),
    onSuccess: (member) => {
      queryClient.setQueryData(teamQueries.detail(teamId).queryKey, (detail) =>
        detail && !detail.members.some((m) => m.id === member.id)
          ? { ...detail, members: [...detail.members, member], userCount: detail.userCount + 1 }
          : detail,
      );
    },
    onSettled: () => refreshTeam(queryClient, teamId),
  });
}
