import { useMutation, useQueryClient } from '@tanstack/react-query';
import { maintenancePaths } from '../../../contract/api-paths';
import { MaintenanceWindowSchema, type EndSettings } from '../../../contract/maintenance';
import { apiRequest } from '../../../lib/api-client';
import { refreshAfterWindowChange } from './window-queries';

/** PUT /api/maintenance/windows/:id/end-settings: who notifies when the window ends, and whether the first recovery is muted. */
export function useUpdateEndSettings(windowId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (endSettings: EndSettings) =>
      apiRequest(maintenancePaths.endSettings(windowId), { method: 'PUT', body: { endSettings }, schema: MaintenanceWindowSchema }),
    onSuccess: () => refreshAfterWindowChange(queryClient),
  });
}
