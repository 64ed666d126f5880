import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { appConfigQueryOptions } from '../../../lib/app-config-query';
import { requireRole } from '../../../lib/session';
import { maintenanceQueries } from '../../../features/maintenance/api/window-queries';
import { PlannerSkeleton } from '../../../features/maintenance/components/maintenance-skeleton';
import type { MonitorOption } from '../../../features/maintenance/components/monitor-picker';
import { PlanPage } from '../../../features/maintenance/components/plan-page';
import { parseMonitorIds } from '../../../features/maintenance/utils/plan-form';
import { monitorQueries } from '../../../features/monitors/api/monitor-queries';
import { ScopeInput } from '../../../features/monitors/components/scope-input';

/**
 * The planner: responders and admins. It needs the monitor list (for the picker) and, for
 * `?clone=<id>`, that window. Composes the maintenance planner with the monitors feature's list
 * and scope input.
 */
export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireRole(queryClient, request, 'responder');
    const config = await queryClient.ensureQueryData(appConfigQueryOptions);
    const cloneId = new URL(request.url).searchParams.get('clone');
    await Promise.all([
      queryClient.ensureQueryData(monitorQueries.list(config.refreshIntervalMs)),
      cloneId ? queryClient.ensureQueryData(maintenanceQueries.detail(cloneId)) : null,
    ]);
    return null;
  };

function useMonitorOptions(): MonitorOption[] {
  const { data: config } = useSuspenseQuery(appConfigQueryOptions);
  const { data } = useSuspenseQuery(monitorQueries.list(config.refreshIntervalMs));
  return data.monitors.map((m) => ({ id: m.id, name: m.name, tags: m.tags, overallState: m.overallState }));
}

function Planner({ monitorIds }: { monitorIds: number[] }) {
  const monitors = useMonitorOptions();
  return <PlanPage monitors={monitors} ScopeField={ScopeInput} clone={null} monitorIds={monitorIds} />;
}

function ClonedPlanner({ cloneId }: { cloneId: string }) {
  const monitors = useMonitorOptions();
  const { data } = useSuspenseQuery(maintenanceQueries.detail(cloneId));
  return <PlanPage monitors={monitors} ScopeField={ScopeInput} clone={data.window} monitorIds={[]} />;
}

export function Component() {
  const [params] = useSearchParams();
  const cloneId = params.get('clone');
  return (
    <Suspense fallback={<PlannerSkeleton />}>
      {/* A new ?clone= or ?monitors= starts a new plan. */}
      {cloneId ? <ClonedPlanner key={params.toString()} cloneId={cloneId} /> : <Planner key={params.toString()} monitorIds={parseMonitorIds(params.get('monitors'))} />}
    </Suspense>
  );
}
