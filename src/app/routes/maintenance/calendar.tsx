import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import { requireSession } from '../../../lib/session';
import { maintenanceQueries } from '../../../features/maintenance/api/window-queries';
import { CalendarPage } from '../../../features/maintenance/calendar/components/calendar-page';
import { CalendarSkeleton } from '../../../features/maintenance/calendar/components/calendar-skeleton';

/** Everyone signed in: every window (the calendar expands them over the view in the browser). */
export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireSession(queryClient, request);
    await queryClient.ensureQueryData(maintenanceQueries.list());
    return null;
  };

export function Component() {
  return (
    <Suspense fallback={<CalendarSkeleton />}>
      <CalendarPage />
    </Suspense>
  );
}

