import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { appConfigQueryOptions } from '../../../lib/app-config-query';
import { monitorQueries } from '../../../features/monitors/api/monitor-queries';
import { ListSkeleton } from '../../../features/monitors/components/list-skeleton';
import { MonitorList } from '../../../features/monitors/components/monitor-list';

/** Loads the config (for the refresh interval) and the monitor list into the cache before rendering. */
export const loader = (queryClient: QueryClient) => async () => {
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
