import { useMutation, useQueryClient } from '@tanstack/react-query';
import { maintenancePaths } from '../../../contract/api-paths';
import { MaintenanceWindowSchema } from '../../../contract/maintenance';
import { api } from '../../../lib/api-client';
import { refreshAfterWindowChange } from './window-queries';

/**
 * POST /api/maintenance/windows/:id/until-recovered: the BFF keeps the window alive in 30 m steps
 * until the groups the forecast lists have recovered. Takes the window id when called, so the
 * planner can use it right after saving.
 */
export function useUntilRecovered() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (windowId: string) => api.post(maintenancePaths.untilRecovered(windowId), undefined, MaintenanceWindowSchema),
    onSuccess: () => refreshAfterWindowChange(queryClient),
  });
}
