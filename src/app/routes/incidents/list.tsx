import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import { requireSession } from '../../../lib/session';
import { incidentQueries } from '../../../features/incidents/api/incident-queries';
import { IncidentList } from '../../../features/incidents/components/incident-list';
import { IncidentListSkeleton } from '../../../features/incidents/components/incident-list-skeleton';
import { readIncidentFilters, toListParams } from '../../../features/incidents/utils/list-filters';
import { TeamHandleChoices } from '../../../features/teams/components/team-handle-choices';

/** Loads the page of incidents the URL asks for; a filter or page change reruns it (the filtering is the BFF's). */
export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireSession(queryClient, request);
    const filters = readIncidentFilters(new URL(request.url).searchParams);
    await queryClient.ensureQueryData(incidentQueries.list(toListParams(filters)));
    return null;
  };

/** The incident list, with the teams feature's picker for the declare form. */
export function Component() {
  return (
    <Suspense fallback={<IncidentListSkeleton />}>
      <IncidentList teamChoices={TeamHandleChoices} />
    </Suspense>
  );
}
