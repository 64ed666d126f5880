import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readListFilters, writeListFilters, type ListFilters } from '../utils/list-filters';

/**
 * The list's filters, read from and written to the URL search params, so a
 * view can be shared as a link and the back button steps through filters.
 */
export function useListFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readListFilters(searchParams), [searchParams]);
  const setFilters = useCallback(
    (update: Partial<ListFilters> | ((f: ListFilters) => ListFilters), options: { replace?: boolean } = {}) => {
      setSearchParams(
        (prev) => {
          const current = readListFilters(prev);
          const next = typeof update === 'function' ? update(current) : { ...current, ...update };
          return writeListFilters(next, prev);
        },
        { replace: options.replace ?? false },
      );
    },
    [setSearchParams],
  );
  return { filters, setFilters, searchParams };
}
