import { useCallback, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';

export const GROUP_PARAM = { q: 'gq', status: 'gstatus' } as const;

/** The detail page's group filter (text and one status), kept in the URL as gq and gstatus. */
export function useGroupFilters() {
  const [params, setParams] = useSearchParams();
  // Keep the location state (the list filters for the back link) across filter changes.
  const { state } = useLocation();
  const filters = useMemo(
    () => ({ q: params.get(GROUP_PARAM.q) ?? '', status: params.get(GROUP_PARAM.status) ?? '' }),
    [params],
  );
  const setFilter = useCallback(
    (name: 'q' | 'status', value: string, replace = false) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(GROUP_PARAM[name], value);
          else next.delete(GROUP_PARAM[name]);
          return next;
        },
        { replace, preventScrollReset: true, state },
      );
    },
    [setParams, state],
  );
  return { filters, setFilter };
}
