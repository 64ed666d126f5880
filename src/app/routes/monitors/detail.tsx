import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { data, useParams, type LoaderFunctionArgs } from 'react-router';
import { appConfigQueryOptions } from '../../../lib/app-config-query';
import { requireSession } from '../../../lib/session';
import { monitorQueries } from '../../../features/monitors/api/monitor-queries';
import { DetailSkeleton } from '../../../features/monitors/components/detail-skeleton';
import { MonitorDetailView } from '../../../features/monitors/components/monitor-detail';

function parseId(raw: string | undefined): number | null {
  if (!raw || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export const loader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const id = parseId(params.id);
    if (id === null) throw data('No such monitor', { status: 404 });
    await requireSession(queryClient, request);
    const config = await queryClient.ensureQueryData(appConfigQueryOptions);
    await queryClient.ensureQueryData(monitorQueries.detail(id, config.refreshIntervalMs));
    return null;
  };

export function Component() {
  const id = parseId(useParams().id);
  if (id === null) return null;
  return (
    <Suspense fallback={<DetailSkeleton />}>
      <MonitorDetailView key={id} id={id} />
    </Suspense>
  );
}
