import { useMutation, useQueryClient } from '@tanstack/react-query';
import { incidentPaths } from '../../../contract/api-paths';
import { TeamSchema, type CreateTeamRequest } from '../../../contract/teams';
import { api } from '../../../lib/api-client';
import { refreshTeamLists } from './team-queries';

export function createTeam(body: CreateTeamRequest) {
  return api.post(incidentPaths.teams, body, TeamSchema);
}

/** POST /api/teams (admins): 201 with the team; 409 when the handle is taken; 400 with field errors. */
export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTeam,
    onSuccess: () => {
      void refreshTeamLists(queryClient);
    },
  });
}
