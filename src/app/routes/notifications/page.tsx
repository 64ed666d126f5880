import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import { appConfigQueryOptions } from '../../../lib/app-config-query';
import { requireSession } from '../../../lib/session';
import { serviceCheckQueries } from '../../../features/service-checks/api/service-check-queries';
import { NotificationsPage } from '../../../features/service-checks/components/notifications-page';
import { NotificationsSkeleton } from '../../../features/service-checks/components/service-checks-skeleton';
import { readNotificationFilters, toNotificationQuery } from '../../../features/service-checks/utils/notification-filters';

/**
 * The page of the log the URL asks for (filters and pages run on the BFF, so a
 * search change reruns this). Only embedded mode keeps a log: elsewhere nothing is fetched.
 */
export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireSession(queryClient, request);
    const config = await queryClient.ensureQueryData(appConfigQueryOptions);
    if (config.mode !== 'embedded') return null;
    const filters = readNotificationFilters(new URL(request.url).searchParams);
    await queryClient.ensureQueryData(serviceCheckQueries.notificationList(toNotificationQuery(filters)));
    return null;
  };

export function Component() {
  return (
    <Suspense fallback={<NotificationsSkeleton />}>
      <NotificationsPage />
    </Suspense>
  );
}
