import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { data, useParams, type LoaderFunctionArgs } from 'react-router';
import { IncidentIdParamSchema } from '../../../contract/incidents';
import { requireSession } from '../../../lib/session';
import { incidentQueries } from '../../../features/incidents/api/incident-queries';
import { IncidentDetailView } from '../../../features/incidents/components/incident-detail';
import { IncidentDetailSkeleton } from '../../../features/incidents/components/incident-detail-skeleton';
import { TeamHandleChoices } from '../../../features/teams/components/team-handle-choices';

function parseId(raw: string | undefined): string | null {
  return IncidentIdParamSchema.safeParse({ id: raw }).success ? raw! : null;
}

/**
 * The incident and its timeline. A timeline that fails to load does not take the
 * page down: its section shows the error with Retry.
 */
export const loader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const id = parseId(params.id);
    if (id === null) throw data('No such incident', { status: 404 });
    await requireSession(queryClient, request);
    await Promise.all([
      queryClient.ensureQueryData(incidentQueries.detail(id)),
      queryClient.ensureQueryData(incidentQueries.timeline(id)).catch(() => null),
    ]);
    return null;
  };

export function Component() {
  const id = parseId(useParams().id);
  if (id === null) return null;
  return (
    <Suspense fallback={<IncidentDetailSkeleton />}>
      <IncidentDetailView key={id} id={id} teamChoices={TeamHandleChoices} />
    </Suspense>
  );
}
