import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { maintenancePaths } from '../../../contract/api-paths';
import {
  HygieneResponseSchema,
  WindowDetailResponseSchema,
  WindowListResponseSchema,
} from '../../../contract/maintenance';
import { api } from '../../../lib/api-client';

/** Windows refresh this often: the banner's countdown and "ends soon" highlight stay honest. */
export const WINDOWS_REFRESH_MS = 30_000;

/**
 * Query keys and options for maintenance windows, from generic to specific:
 * all() -> list(), all() -> detail(id), all() -> hygiene(days).
 * Invalidate through these, never through literal arrays.
 */
export const maintenanceQueries = {
  all: () => ['maintenance'] as const,
  /** GET /api/maintenance/windows: scheduled and active windows, and those ended or canceled in the last 31 days. */
  list: () =>
    queryOptions({
      queryKey: [...maintenanceQueries.all(), 'windows'] as const,
      queryFn: ({ signal }) => api.get(maintenancePaths.windows, WindowListResponseSchema, signal),
      refetchInterval: WINDOWS_REFRESH_MS,
      staleTime: 10_000,
      meta: { staleBanner: true },
    }),
  /** GET /api/maintenance/windows/:id: one window with what it covers now. */
  detail: (id: string) =>
    queryOptions({
      queryKey: [...maintenanceQueries.all(), 'window', id] as const,
      queryFn: ({ signal }) => api.get(maintenancePaths.window(id), WindowDetailResponseSchema, signal),
      refetchInterval: WINDOWS_REFRESH_MS,
      staleTime: 10_000,
      meta: { staleBanner: true },
    }),
  /** GET /api/maintenance/hygiene?longActiveDays=N */
  hygiene: (longActiveDays: number) =>
    queryOptions({
      queryKey: [...maintenanceQueries.all(), 'hygiene', longActiveDays] as const,
      queryFn: ({ signal }) =>
        api.get(`${maintenancePaths.hygiene}?longActiveDays=${longActiveDays}`, HygieneResponseSchema, signal),
      staleTime: 10_000,
    }),
};

/** After any change to a window: every maintenance view, and the monitors (their mute state), load again. */
export function refreshAfterWindowChange(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: maintenanceQueries.all() }),
    queryClient.invalidateQueries({ queryKey: ['monitors'] }),
  ]);
}
