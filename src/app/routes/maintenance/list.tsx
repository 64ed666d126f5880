import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import { appConfigQueryOptions } from '../../../lib/app-config-query';
import { requireSession } from '../../../lib/session';
import { maintenanceQueries } from '../../../features/maintenance/api/window-queries';
import { WindowsSkeleton } from '../../../features/maintenance/components/maintenance-skeleton';
import { WindowsPage } from '../../../features/maintenance/components/windows-page';

/** Everyone signed in sees the windows; the config gives the responder cap for Extend. */
export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireSession(queryClient, request);
    await Promise.all([queryClient.ensureQueryData(appConfigQueryOptions), queryClient.ensureQueryData(maintenanceQueries.list())]);
    return null;
  };

export function Component() {
  return (
    <Suspense fallback={<WindowsSkeleton />}>
      <WindowsPage />
    </Suspense>
  );
}
