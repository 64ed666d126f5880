import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import { integrationQueries } from '../../../features/integrations/api/integration-queries';
import { atlasProjectsQueryOptions } from '../../../features/integrations/atlas/api';
import { IntegrationsPage } from '../../../features/integrations/components/integrations-page';
import { IntegrationsSkeleton } from '../../../features/integrations/components/integrations-skeleton';
import { requireRole } from '../../../lib/session';

/** Admins only. The Datadog tiles are awaited; the Atlas tile starts loading at once and shows when it arrives. */
export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireRole(queryClient, request, 'admin');
    void queryClient.prefetchQuery(atlasProjectsQueryOptions());
    await queryClient.ensureQueryData(integrationQueries.overview());
    return null;
  };

export function Component() {
  return (
    <Suspense fallback={<IntegrationsSkeleton />}>
      <IntegrationsPage />
    </Suspense>
  );
}
