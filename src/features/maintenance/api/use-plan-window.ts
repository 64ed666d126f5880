import { useMutation, useQueryClient } from '@tanstack/react-query';
import { maintenancePaths } from '../../../contract/api-paths';
import { MaintenanceWindowSchema } from '../../../contract/maintenance';
import { type PlanRequestParsed } from '../../../contract/maintenance-schedule';
import { api } from '../../../lib/api-client';
import { refreshAfterWindowChange } from './window-queries';

/** POST /api/maintenance/windows: plan a window (201 with the window; 400 field errors; 403 guardrails). */
export function usePlanWindow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (plan: PlanRequestParsed) => api.post(maintenancePaths.windows, plan, MaintenanceWindowSchema),
    onSuccess: () => refreshAfterWindowChange(queryClient),
  });
}
