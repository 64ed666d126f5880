import { queryOptions } from '@tanstack/react-query';
import { apiPaths, serviceCheckPaths } from '../../../contract/api-paths';
import { MonitorDetailSchema, MonitorListResponseSchema } from '../../../contract/monitors';
import { api } from '../../../lib/api-client';
import { DEFAULT_REFRESH_INTERVAL_MS } from '../../../lib/app-config-query';

/**
 * Query keys and options for monitors, from generic to specific:
 * all() -> lists() -> list(), all() -> details() -> detail(id), and all() -> histories() -> history(id).
 * Invalidate through these, never through literal arrays.
 */
export const monitorQueries = {
  all: () => ['monitors'] as const,
  lists: () => [...monitorQueries.all(), 'list'] as const,
  /** Every monitor; the list filters run in the browser, over this one cached list. */
  list: (refreshIntervalMs: number = DEFAULT_REFRESH_INTERVAL_MS) =>
    queryOptions({
      queryKey: [...monitorQueries.lists(), 'all'] as const,
      queryFn: ({ signal }) => api.get(apiPaths.monitors, MonitorListResponseSchema, signal),
      refetchInterval: refreshIntervalMs,
      staleTime: Math.min(15_000, refreshIntervalMs / 2),
      meta: { staleBanner: true },
    }),
  details: () => [...monitorQueries.all(), 'detail'] as const,
  detail: (id: number, refreshIntervalMs: number = DEFAULT_REFRESH_INTERVAL_MS) =>
    queryOptions({
      queryKey: [...monitorQueries.details(), id] as const,
      queryFn: ({ signal }) => api.get(apiPaths.monitor(id), MonitorDetailSchema, signal),
      refetchInterval: refreshIntervalMs,
      staleTime: Math.min(15_000, refreshIntervalMs / 2),
      meta: { staleBanner: true },
    }),
  histories: () => [...monitorQueries.all(), 'history'] as const,
  /**
   * GET /api/monitors/:id/history: each group's transitions and mute periods over the last 24 h
   * (available in embedded mode only). No interval of its own: the detail page refetches it
   * whenever the monitor itself was fetched again, so the strip and the groups table agree.
   */
  history: (id: number) =>
    queryOptions({
      queryKey: [...monitorQueries.histories(), id] as const,
      queryFn: async ({ signal }) => {
        // Loaded with the detail page, not with the list: the service-checks contract is not needed to show the list.
        const { MonitorHistoryResponseSchema } = await import('../../../contract/service-checks');
        return api.get(serviceCheckPaths.monitorHistory(id), MonitorHistoryResponseSchema, signal);
      },
      staleTime: 5_000,
      meta: { staleBanner: true },
    }),
};

/** Mutation keys, so pending and failed mutations can be found with useMutationState. */
export const monitorMutationKeys = {
  all: () => [...monitorQueries.all(), 'mutation'] as const,
  mute: (id: number) => [...monitorMutationKeys.all(), 'mute', id] as const,
  unmute: (id: number) => [...monitorMutationKeys.all(), 'unmute', id] as const,
  cancelDowntime: (id: number) => [...monitorMutationKeys.all(), 'cancel-downtime', id] as const,
};
