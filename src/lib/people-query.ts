import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { incidentPaths } from '../contract/api-paths';
import { PeopleResponseSchema } from '../contract/incidents';
import { api } from './api-client';

/**
 * Datadog users (not watchdeck accounts), for picking commanders and team members.
 * Shared by the incidents and teams features, so it lives here: all() -> search(q).
 */
export const peopleQueries = {
  all: () => ['people'] as const,
  search: (q: string) =>
    queryOptions({
      queryKey: [...peopleQueries.all(), 'search', q.trim()] as const,
      queryFn: ({ signal }) => {
        const query = q.trim();
        return api.get(`${incidentPaths.people}${query ? `?${new URLSearchParams({ q: query }).toString()}` : ''}`, PeopleResponseSchema, signal);
      },
      staleTime: 60_000,
      placeholderData: keepPreviousData,
    }),
};
