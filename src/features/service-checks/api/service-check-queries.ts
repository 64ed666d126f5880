import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { serviceCheckPaths } from '../../../contract/api-paths';
import {
  NotificationListResponseSchema,
  RecentChecksResponseSchema,
  type NotificationQuery,
} from '../../../contract/service-checks';
import { api } from '../../../lib/api-client';
import { notificationApiSearch } from '../utils/notification-filters';

/** The recent results and the notification log refresh this often (a check posted elsewhere shows within one refresh). */
export const SERVICE_CHECKS_REFRESH_MS = 10_000;

/**
 * Query keys and options for service checks, from generic to specific:
 * all() -> recent(), and all() -> notifications() -> notificationList(query).
 * Invalidate through these, never through literal arrays.
 */
export const serviceCheckQueries = {
  all: () => ['service-checks'] as const,
  /** GET /api/service-checks/recent: the latest result per check and host. */
  recent: () =>
    queryOptions({
      queryKey: [...serviceCheckQueries.all(), 'recent'] as const,
      queryFn: ({ signal }) => api.get(serviceCheckPaths.recent, RecentChecksResponseSchema, signal),
      refetchInterval: SERVICE_CHECKS_REFRESH_MS,
      staleTime: 5_000,
      // The page says itself when a refresh failed; no toast every 10 s.
      meta: { staleBanner: true },
    }),
  notifications: () => [...serviceCheckQueries.all(), 'notifications'] as const,
  /** GET /api/notifications (embedded mode only; 404 otherwise): one page of the log, newest first. */
  notificationList: (query: NotificationQuery) =>
    queryOptions({
      queryKey: [...serviceCheckQueries.notifications(), query] as const,
      queryFn: ({ signal }) =>
        api.get(`${serviceCheckPaths.notifications}?${notificationApiSearch(query).toString()}`, NotificationListResponseSchema, signal),
      refetchInterval: SERVICE_CHECKS_REFRESH_MS,
      staleTime: 5_000,
      meta: { staleBanner: true },
    }),
};

/** After a submit: the results grid and the notification log (a state change may have notified) load again. */
export function refreshAfterSubmit(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: serviceCheckQueries.recent().queryKey }),
    queryClient.invalidateQueries({ queryKey: serviceCheckQueries.notifications() }),
  ]);
}
