import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths } from '../../../contract/api-paths';
import { DowntimeSchema, type MuteRequest } from '../../../contract/monitors';
import { api } from '../../../lib/api-client';
import { applyMuteToDetail, applyMuteToSummary } from '../utils/optimistic';
import { monitorMutationKeys } from './monitor-queries';
import { applyOptimistic, refetchAfterChange, restoreSnapshot, type CacheSnapshot } from './optimistic-cache';

export interface MuteVariables {
  scope: string;
  /** Epoch ms, or null for indefinitely (admins only). */
  end: number | null;
  /** Required by the BFF (1–1000 characters); upstream it reads "by <user> via watchdeck: <reason>". */
  reason: string;
}

export function muteMonitor(id: number, vars: MuteVariables) {
  const body: MuteRequest = { scope: vars.scope, end: vars.end, reason: vars.reason.trim() };
  return api.post(apiPaths.mute(id), body, DowntimeSchema);
}

/** Mutes the monitor (or the part a scope matches); shows at once, rolls back on error. */
export function useMuteMonitor(id: number) {
  const queryClient = useQueryClient();
  const mutationKey = monitorMutationKeys.mute(id);
  return useMutation({
    mutationKey,
    mutationFn: (vars: MuteVariables) => muteMonitor(id, vars),
    onMutate: (vars): Promise<CacheSnapshot> => {
      const now = Date.now();
      return applyOptimistic(
        queryClient,
        id,
        (detail) => applyMuteToDetail(detail, vars, now),
        (row, detail) => applyMuteToSummary(row, vars, detail),
      );
    },
    onError: (_error, _vars, snapshot) => restoreSnapshot(queryClient, id, snapshot),
    onSettled: () => refetchAfterChange(queryClient, id, mutationKey),
  });
}
