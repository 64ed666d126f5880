import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import { requireSession } from '../../../lib/session';
import { serviceCheckQueries } from '../../../features/service-checks/api/service-check-queries';
import { ServiceChecksPage } from '../../../features/service-checks/components/service-checks-page';
import { ServiceChecksSkeleton } from '../../../features/service-checks/components/service-checks-skeleton';

/** Everyone signed in: the recent results (the form needs no data). */
export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireSession(queryClient, request);
    await queryClient.ensureQueryData(serviceCheckQueries.recent());
    return null;
  };

export function Component() {
  return (
    <Suspense fallback={<ServiceChecksSkeleton />}>
      <ServiceChecksPage />
    </Suspense>
  );
}
