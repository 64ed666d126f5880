import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths } from '../../../contract/api-paths';
import { api } from '../../../lib/api-client';
import { applyCancelToDetail, summaryFromDetail } from '../utils/optimistic';
import { monitorMutationKeys, monitorQueries } from './monitor-queries';
import { applyOptimistic, restoreSnapshot, type CacheSnapshot } from './optimistic-cache';

export function cancelDowntime(downtimeId: string) {
  return api.delete(apiPaths.downtime(downtimeId));
}

/**
 * Cancels one downtime, seen from monitor `monitorId`. A downtime may target
 * monitor tags and mute other monitors too, so every monitor query refetches.
 */
export function useCancelDowntime(monitorId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: monitorMutationKeys.cancelDowntime(monitorId),
    mutationFn: (downtimeId: string) => cancelDowntime(downtimeId),
    onMutate: (downtimeId): Promise<CacheSnapshot> =>
      applyOptimistic(
        queryClient,
        monitorId,
        (detail) => applyCancelToDetail(detail, downtimeId),
        (row, detail) => (detail ? summaryFromDetail(row, detail, 'unmute') : row),
      ),
    onError: (_error, _id, snapshot) => restoreSnapshot(queryClient, monitorId, snapshot),
    onSettled: () => queryClient.invalidateQueries({ queryKey: monitorQueries.all() }),
  });
}
