import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import { userQueries } from '../../../features/admin/api/user-queries';
import { UsersPage } from '../../../features/admin/components/users-page';
import { requireRole } from '../../../lib/session';
import { PageLoading } from '../../../components/ui/page-loading';

/** Admins only: the role is checked before anything is fetched; others get "You need the admin role". */
export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireRole(queryClient, request, 'admin');
    await queryClient.ensureQueryData(userQueries.list());
    return null;
  };

export function Component() {
  return (
    <Suspense fallback={<PageLoading />}>
      <UsersPage />
    </Suspense>
  );
}
