import type { QueryClient } from '@tanstack/react-query';
import type { MonitorDetail, MonitorListResponse, MonitorSummary } from '../../../contract/monitors';
import { monitorQueries } from './monitor-queries';

/** What an optimistic update replaced, so an error can put it back. */
export interface CacheSnapshot {
  list: MonitorListResponse | undefined;
  detail: MonitorDetail | undefined;
}

/**
 * Stops in-flight refetches of the list and this monitor (they would overwrite
 * the optimistic data), then applies `updateDetail` and `updateRow`.
 */
export async function applyOptimistic(
  queryClient: QueryClient,
  id: number,
  updateDetail: (detail: MonitorDetail) => MonitorDetail,
  updateRow: (row: MonitorSummary, detail: MonitorDetail | undefined) => MonitorSummary,
): Promise<CacheSnapshot> {
  const listKey = monitorQueries.list().queryKey;
  const detailKey = monitorQueries.detail(id).queryKey;
  await Promise.all([
    queryClient.cancelQueries({ queryKey: listKey }),
    queryClient.cancelQueries({ queryKey: detailKey }),
  ]);
  const snapshot: CacheSnapshot = {
    list: queryClient.getQueryData(listKey),
    detail: queryClient.getQueryData(detailKey),
  };
  const nextDetail = snapshot.detail ? updateDetail(snapshot.detail) : undefined;
  if (nextDetail) queryClient.setQueryData(detailKey, nextDetail);
  if (snapshot.list) {
    queryClient.setQueryData(listKey, {
      ...snapshot.list,
      monitors: snapshot.list.monitors.map((m) => (m.id === id ? updateRow(m, nextDetail) : m)),
    });
  }
  return snapshot;
}

export function restoreSnapshot(queryClient: QueryClient, id: number, snapshot: CacheSnapshot | undefined): void {
  if (!snapshot) return;
  if (snapshot.detail) queryClient.setQueryData(monitorQueries.detail(id).queryKey, snapshot.detail);
  if (snapshot.list) queryClient.setQueryData(monitorQueries.list().queryKey, snapshot.list);
}

/** Refetch what the mutation touched; the refetch confirms (or corrects) the optimistic data and clears "pending". */
export async function refetchAfterChange(queryClient: QueryClient, id: number, mutationKey: readonly unknown[]) {
  // With several changes in flight, only the last one to settle refetches, so an early answer
  // does not overwrite the others' optimistic state.
  if (queryClient.isMutating({ mutationKey }) > 1) return;
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: monitorQueries.lists() }),
    queryClient.invalidateQueries({ queryKey: monitorQueries.detail(id).queryKey }),
  ]);
}

/** Updates one row of the cached list (e.g. marks a bulk-muted monitor "mute pending"). */
export function updateListRow(queryClient: QueryClient, id: number, update: (row: MonitorSummary) => MonitorSummary): void {
  queryClient.setQueryData(monitorQueries.list().queryKey, (list) =>
    list ? { ...list, monitors: list.monitors.map((m) => (m.id === id ? update(m) : m)) } : list,
  );
}
