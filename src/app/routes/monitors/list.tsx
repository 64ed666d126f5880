import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import { appConfigQueryOptions } from '../../../lib/app-config-query';
import { requireSession } from '../../../lib/session';
import { monitorQueries } from '../../../features/monitors/api/monitor-queries';
import { ListSkeleton } from '../../../features/monitors/components/list-skeleton';
import { MonitorList } from '../../../features/monitors/components/monitor-list';

/**
 * Loads the config (for the refresh interval) and the monitor list into the cache before rendering;
 * after the session check, so nobody signed in sends a request that can only be refused.
 */
export const loader = (queryClient: QueryClient) => async ({ request }: LoaderFunctionArgs) => {
  await requireSession(queryClient, request);
  const config = await queryClient.ensureQueryData(appConfigQueryOptions);
  await queryClient.ensureQueryData(monitorQueries.list(config.refreshIntervalMs));
  return null;
};

export function Component() {
  return (
    <Suspense fallback={<ListSkeleton />}>
      <MonitorList />
    </Suspense>
  );
}

export const HydrateFallback = ListSkeleton;
