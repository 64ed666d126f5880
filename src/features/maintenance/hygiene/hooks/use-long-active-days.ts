import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { LONG_ACTIVE_PARAM, readLongActiveDays } from '../utils/hygiene-params';

/** The report's "active longer than N days", kept in the URL (a typed change replaces the entry: no history per keystroke). */
export function useLongActiveDays() {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => readLongActiveDays(searchParams), [searchParams]);
  const setDays = useCallback(
    (days: number) =>
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set(LONG_ACTIVE_PARAM, String(days));
          return next;
        },
        { replace: true, preventScrollReset: true },
      ),
    [setSearchParams],
  );
  return { ...state, setDays };
}
