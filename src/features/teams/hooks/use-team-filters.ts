import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readTeamFilters, writeTeamFilters, type TeamFilters } from '../utils/list-params';

/** The team list's search and page in the URL; a new search goes back to the first page. */
export function useTeamFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readTeamFilters(searchParams), [searchParams]);
  const setFilters = useCallback(
    (update: Partial<TeamFilters>, options: { replace?: boolean } = {}) => {
      setSearchParams(
        (prev) => {
          const current = readTeamFilters(prev);
          const next = { ...current, ...update };
          return writeTeamFilters('page' in update ? next : { ...next, page: 0 }, prev);
        },
        { replace: options.replace ?? false, preventScrollReset: true },
      );
    },
    [setSearchParams],
  );
  return { filters, setFilters };
}
