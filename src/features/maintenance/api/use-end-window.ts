import { useMutation, useQueryClient } from '@tanstack/react-query';
import { maintenancePaths } from '../../../contract/api-paths';
import { apiRequest } from '../../../lib/api-client';
import { refreshAfterWindowChange } from './window-queries';

/** POST /api/maintenance/windows/:id/end: ends an active window now, or cancels a scheduled one (its downtimes are canceled). */
export function useEndWindow(windowId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // The answer lists the canceled downtimes; the page reloads the window instead of reading it.
    mutationFn: () => apiRequest(maintenancePaths.end(windowId), { method: 'POST' }),
    onSuccess: () => refreshAfterWindowChange(queryClient),
  });
}
