import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths } from '../../../contract/api-paths';
import { UnmuteResponseSchema, type UnmuteRequest } from '../../../contract/monitors';
import { api } from '../../../lib/api-client';
import { applyUnmuteToDetail, applyUnmuteToSummary, type UnmuteInput } from '../utils/optimistic';
import { monitorMutationKeys } from './monitor-queries';
import { applyOptimistic, refetchAfterChange, restoreSnapshot, type CacheSnapshot } from './optimistic-cache';

export function unmuteMonitor(id: number, input: UnmuteInput) {
  const body: UnmuteRequest = 'all' in input ? { all: true } : { scope: input.scope };
  return api.post(apiPaths.unmute(id), body, UnmuteResponseSchema);
}

/** Cancels this monitor's downtimes for one scope, or all; shows at once, rolls back on error. */
export function useUnmuteMonitor(id: number) {
  const queryClient = useQueryClient();
  const mutationKey = monitorMutationKeys.unmute(id);
  return useMutation({
    mutationKey,
    mutationFn: (input: UnmuteInput) => unmuteMonitor(id, input),
    onMutate: (input): Promise<CacheSnapshot> =>
      applyOptimistic(
        queryClient,
        id,
        (detail) => applyUnmuteToDetail(detail, input),
        (row, detail) => applyUnmuteToSummary(row, input, detail),
      ),
    onError: (_error, _input, snapshot) => restoreSnapshot(queryClient, id, snapshot),
    onSettled: () => refetchAfterChange(queryClient, id, mutationKey),
  });
}
