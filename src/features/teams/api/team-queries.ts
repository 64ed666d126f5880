import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import { incidentPaths } from '../../../contract/api-paths';
import { TeamDetailSchema, TeamListResponseSchema } from '../../../contract/teams';
import { api } from '../../../lib/api-client';
import { teamListSearch, type TeamListParams } from '../utils/list-params';

/**
 * Query keys and options for teams, from generic to specific:
 * all() -> lists() -> list(params), and all() -> details() -> detail(id).
 * Invalidate through these, never through literal arrays.
 */
export const teamQueries = {
  all: () => ['teams'] as const,
  lists: () => [...teamQueries.all(), 'list'] as const,
  list: (params: TeamListParams) =>
    queryOptions({
      queryKey: [...teamQueries.lists(), params] as const,
      queryFn: ({ signal }) => api.get(`${incidentPaths.teams}?${teamListSearch(params).toString()}`, TeamListResponseSchema, signal),
      staleTime: 15_000,
    }),
  /** The same list for a picker: keeps the last answer on screen while a new search runs. */
  choices: (q: string) => ({ ...teamQueries.list({ q: q.trim(), page: 0, size: 100 }), placeholderData: keepPreviousData }),
  details: () => [...teamQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...teamQueries.details(), id] as const,
      queryFn: ({ signal }) => api.get(incidentPaths.team(id), TeamDetailSchema, signal),
      staleTime: 15_000,
    }),
};

/** After a change: lists on screen load again; lists not on screen are dropped, so the next visit is fresh. */
export function refreshTeamLists(queryClient: QueryClient): Promise<unknown> {
  queryClient.removeQueries({ queryKey: teamQueries.lists(), type: 'inactive' });
  return queryClient.invalidateQueries({ queryKey: teamQueries.lists() });
}

/** After a change to one team: its page and the lists. */
export function refreshTeam(queryClient: QueryClient, id: string): Promise<unknown> {
  return Promise.all([queryClient.invalidateQueries({ queryKey: teamQueries.detail(id).queryKey }), refreshTeamLists(queryClient)]);
}

/** A deleted team: once its page has gone, it leaves the cache. */
export function forgetTeam(queryClient: QueryClient, id: string): void {
  queryClient.removeQueries({ queryKey: teamQueries.detail(id).queryKey });
}
