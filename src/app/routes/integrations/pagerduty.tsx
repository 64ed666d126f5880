import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import { integrationQueries } from '../../../features/integrations/api/integration-queries';
import { PagerDutyPage } from '../../../features/integrations/components/pagerduty-page';
import { IntegrationsSkeleton } from '../../../features/integrations/components/integrations-skeleton';
import { requireRole } from '../../../lib/session';

export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireRole(queryClient, request, 'admin');
    await queryClient.ensureQueryData(integrationQueries.pagerduty());
    return null;
  };

export function Component() {
  return (
    <Suspense fallback={<IntegrationsSkeleton />}>
      <PagerDutyPage />
    </Suspense>
  );
}
