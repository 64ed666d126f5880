import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import { appConfigQueryOptions } from '../../../lib/app-config-query';
import { requireSession, sessionQueryOptions } from '../../../lib/session';
import { monitorQueries } from '../../../features/monitors/api/monitor-queries';
import { ListSkeleton } from '../../../features/monitors/components/list-skeleton';
import { MonitorList } from '../../../features/monitors/components/monitor-list';

/**
 * Loads the session, the config (for the refresh interval) and the monitor list into the cache
 * before rendering. The three requests go out together: asking for the list only after the
 * session and then the config had answered put two round trips in front of the first rows.
 * Someone not signed in gets a 401 for the list, which is dropped: the session check sends them
 * to the sign-in page. (When the cache already knows nobody is signed in, the list is not asked for.)
 */
export const loader = (queryClient: QueryClient) => async ({ request }: LoaderFunctionArgs) => {
  const knownSignedOut = queryClient.getQueryData(sessionQueryOptions.queryKey) === null;
  const list = knownSignedOut ? null : queryClient.ensureQueryData(monitorQueries.list());
  const config = queryClient.ensureQueryData(appConfigQueryOptions);
  // Not awaited when the session check redirects: their failures then mean nothing.
  list?.catch(() => undefined);
  config.catch(() => undefined);
  await requireSession(queryClient, request);
  // The refresh interval only sets how often the list is polled, not what is fetched.
  const { refreshIntervalMs } = await config;
  await (list ?? queryClient.ensureQueryData(monitorQueries.list(refreshIntervalMs)));
  return null;
};

export function Component() {
  return (
    <Suspense fallback={<ListSkeleton />}>
      <MonitorList />
    </Suspense>
  );
}
