import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { data, useParams, type LoaderFunctionArgs } from 'react-router';
import { TeamIdParamSchema } from '../../../contract/teams';
import { requireSession } from '../../../lib/session';
import { incidentQueries } from '../../../features/incidents/api/incident-queries';
import { openIncidentsForTeam } from '../../../features/incidents/utils/list-filters';
import { teamQueries } from '../../../features/teams/api/team-queries';
import { TeamPageSkeleton } from '../../../features/teams/components/teams-skeleton';
import { TeamPage } from './team-page';

function parseId(raw: string | undefined): string | null {
  return TeamIdParamSchema.safeParse({ id: raw }).success ? raw! : null;
}

/** The team (awaited); its open incidents start loading at once, and show in their own section when they arrive. */
export const loader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const id = parseId(params.id);
    if (id === null) throw data('No such team', { status: 404 });
    await requireSession(queryClient, request);
    const team = await queryClient.ensureQueryData(teamQueries.detail(id));
    void queryClient.prefetchQuery(incidentQueries.list(openIncidentsForTeam(team.handle)));
    return null;
  };

export function Component() {
  const id = parseId(useParams().id);
  if (id === null) return null;
  return (
    <Suspense fallback={<TeamPageSkeleton />}>
      <TeamPage key={id} id={id} />
    </Suspense>
  );
}
