import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import { auditQueries } from '../../../features/admin/api/audit-queries';
import { AuditPage } from '../../../features/admin/components/audit-page';
import { readAuditFilters } from '../../../features/admin/utils/audit-filters';
import { requireRole } from '../../../lib/session';
import { PageLoading } from '../../../components/ui/page-loading';

/** Admins only; loads the first page for the filters in the URL (a filter change reruns it). */
export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireRole(queryClient, request, 'admin');
    const filters = readAuditFilters(new URL(request.url).searchParams);
    await queryClient.ensureInfiniteQueryData(auditQueries.list(filters));
    return null;
  };

export function Component() {
  return (
    <Suspense fallback={<PageLoading />}>
      <AuditPage />
    </Suspense>
  );
}
