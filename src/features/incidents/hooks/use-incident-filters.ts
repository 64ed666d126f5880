import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readIncidentFilters, writeIncidentFilters, type IncidentFilters } from '../utils/list-filters';

/**
 * The incident list's filters and page, read from and written to the URL. Any
 * filter change goes back to the first page; only `offset` itself keeps it.
 */
export function useIncidentFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readIncidentFilters(searchParams), [searchParams]);
  const setFilters = useCallback(
    (update: Partial<IncidentFilters> | ((f: IncidentFilters) => IncidentFilters), options: { replace?: boolean } = {}) => {
      setSearchParams(
        (prev) => {
          const current = readIncidentFilters(prev);
          const next = typeof update === 'function' ? update(current) : { ...current, ...update };
          const keepsPage = typeof update !== 'function' && 'offset' in update;
          return writeIncidentFilters(keepsPage ? next : { ...next, offset: 0 }, prev);
        },
        { replace: options.replace ?? false, preventScrollReset: true },
      );
    },
    [setSearchParams],
  );
  return { filters, setFilters, search: searchParams.toString() };
}
