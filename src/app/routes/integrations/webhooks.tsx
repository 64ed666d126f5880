import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import { integrationQueries } from '../../../features/integrations/api/integration-queries';
import { IntegrationsSkeleton } from '../../../features/integrations/components/integrations-skeleton';
import { WebhooksPage } from '../../../features/integrations/components/webhooks-page';
import { requireRole } from '../../../lib/session';

/** The webhooks and custom variables, and the overview (it says whether test deliveries work here). */
export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireRole(queryClient, request, 'admin');
    await Promise.all([queryClient.ensureQueryData(integrationQueries.webhooks()), queryClient.ensureQueryData(integrationQueries.overview())]);
    return null;
  };

export function Component() {
  return (
    <Suspense fallback={<IntegrationsSkeleton />}>
      <WebhooksPage />
    </Suspense>
  );
}
