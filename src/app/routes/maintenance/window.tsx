import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { data, useLocation, useParams, type LoaderFunctionArgs } from 'react-router';
import { appConfigQueryOptions } from '../../../lib/app-config-query';
import { requireSession } from '../../../lib/session';
import { maintenanceQueries } from '../../../features/maintenance/api/window-queries';
import { WindowSkeleton } from '../../../features/maintenance/components/maintenance-skeleton';
import type { PlannedState } from '../../../features/maintenance/components/plan-page';
import { WindowPage } from '../../../features/maintenance/components/window-page';

/** A window id as the BFF gives them (a bundle id or a downtime id); anything else is not found. */
function parseId(raw: string | undefined): string | null {
  return raw && raw.length <= 200 ? raw : null;
}

export const loader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const id = parseId(params.id);
    if (id === null) throw data('No such maintenance window', { status: 404 });
    await requireSession(queryClient, request);
    await Promise.all([queryClient.ensureQueryData(appConfigQueryOptions), queryClient.ensureQueryData(maintenanceQueries.detail(id))]);
    return null;
  };

export function Component() {
  const id = parseId(useParams().id);
  const state = useLocation().state as PlannedState | null;
  if (id === null) return null;
  return (
    <Suspense fallback={<WindowSkeleton />}>
      <WindowPage key={id} id={id} untilRecoveredError={state?.untilRecoveredError ?? null} />
    </Suspense>
  );
}
