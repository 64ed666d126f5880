import { useMutation, useQueryClient } from '@tanstack/react-query';
import { maintenancePaths } from '../../../../contract/api-paths';
import { CleanupResponseSchema } from '../../../../contract/maintenance';
import { api } from '../../../../lib/api-client';
import { refreshAfterWindowChange } from '../../api/window-queries';

export function cleanupWindows(windowIds: string[]) {
  return api.post(maintenancePaths.cleanup, { windowIds }, CleanupResponseSchema);
}

/**
 * POST /api/maintenance/cleanup (admins): cancels each window's downtimes. The answer says,
 * per window, whether it was canceled or why not; a partial failure is an answer, not an error.
 * Either way, every maintenance view and the monitors' mute state load again.
 */
export function useCleanupWindows() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cleanupWindows,
    // Not awaited: the per-window results show at once, and the report reloads behind them.
    onSettled: () => {
      void refreshAfterWindowChange(queryClient);
    },
  });
}
