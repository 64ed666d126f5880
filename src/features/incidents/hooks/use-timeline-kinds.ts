import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const KINDS_PARAM = 'kinds';

/** The timeline's kind filter, kept in the URL as repeated `kinds` (group ids or single kinds). */
export function useTimelineKinds() {
  const [params, setParams] = useSearchParams();
  const raw = params.getAll(KINDS_PARAM).join('\u0000');
  const tokens = useMemo(() => (raw ? [...new Set(raw.split('\u0000').filter(Boolean))] : []), [raw]);
  const setTokens = useCallback(
    (next: string[]) => {
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev);
          out.delete(KINDS_PARAM);
          next.forEach((t) => out.append(KINDS_PARAM, t));
          return out;
        },
        { replace: true, preventScrollReset: true },
      );
    },
    [setParams],
  );
  return { tokens, setTokens };
}
