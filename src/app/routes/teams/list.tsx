import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import { requireSession } from '../../../lib/session';
import { teamQueries } from '../../../features/teams/api/team-queries';
import { TeamsPage } from '../../../features/teams/components/teams-page';
import { TeamsSkeleton } from '../../../features/teams/components/teams-skeleton';
import { readTeamFilters, toTeamListParams } from '../../../features/teams/utils/list-params';

/** Loads the page of teams the URL asks for (search and page run on the BFF). */
export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireSession(queryClient, request);
    const filters = readTeamFilters(new URL(request.url).searchParams);
    await queryClient.ensureQueryData(teamQueries.list(toTeamListParams(filters)));
    return null;
  };

export function Component() {
  return (
    <Suspense fallback={<TeamsSkeleton />}>
      <TeamsPage />
    </Suspense>
  );
}
