import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import { requireSession } from '../../../lib/session';
import { maintenanceQueries } from '../../../features/maintenance/api/window-queries';
import { HygienePage } from '../../../features/maintenance/hygiene/components/hygiene-page';
import { HygieneSkeleton } from '../../../features/maintenance/hygiene/components/hygiene-skeleton';
import { readLongActiveDays } from '../../../features/maintenance/hygiene/utils/hygiene-params';

/** Everyone signed in reads the report (for the N in the URL); only admins clean up, which the BFF enforces too. */
export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireSession(queryClient, request);
    const { days } = readLongActiveDays(new URL(request.url).searchParams);
    await queryClient.ensureQueryData(maintenanceQueries.hygiene(days));
    return null;
  };

export function Component() {
  return (
    <Suspense fallback={<HygieneSkeleton />}>
      <HygienePage />
    </Suspense>
  );
}

