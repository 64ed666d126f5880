import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readNotificationFilters, writeNotificationFilters, type NotificationFilters } from '../utils/notification-filters';

/** The notification log's filters and page in the URL; a filter change goes back to the first page. */
export function useNotificationFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readNotificationFilters(searchParams), [searchParams]);
  const setFilters = useCallback(
    (update: Partial<NotificationFilters>) => {
      setSearchParams(
        (prev) => {
          const next = { ...readNotificationFilters(prev), ...update };
          return writeNotificationFilters('page' in update ? next : { ...next, page: 0 });
        },
        { preventScrollReset: true },
      );
    },
    [setSearchParams],
  );
  return { filters, setFilters };
}
