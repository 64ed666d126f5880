import { useMutation, useQueryClient } from '@tanstack/react-query';
import { maintenancePaths } from '../../../contract/api-paths';
import { MaintenanceWindowSchema } from '../../../contract/maintenance';
import { api } from '../../../lib/api-client';
import { refreshAfterWindowChange } from './window-queries';

export interface ExtendInput {
  minutes: number;
  /** An admin going past maxMuteHours says why. */
  overrideReason?: string;
}

/** POST /api/maintenance/windows/:id/extend: adds `minutes` to the current end (never to now). */
export function useExtendWindow(windowId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ExtendInput) => api.post(maintenancePaths.extend(windowId), input, MaintenanceWindowSchema),
    onSuccess: () => refreshAfterWindowChange(queryClient),
  });
}
