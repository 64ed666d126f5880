import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { readListFilters, writeListFilters, type ListFilters } from '../utils/list-filters';

/**
 * How long the search text waits for a pause in typing before it is written to the URL. The list
 * filters on every keystroke from the text itself; only the URL waits. Writing it per keystroke
 * made each one a router navigation and a re-render of every row (their links carry the list's
 * search for the way back), which at 10,000 monitors cost more than the filtering.
 */
export const SEARCH_URL_DELAY_MS = 300;

type FiltersUpdate = Partial<ListFilters> | ((f: ListFilters) => ListFilters);

/**
 * The list's filters, read from and written to the URL search params, so a view can be shared as a
 * link and the back button steps through filters. The search text alone is held back (see
 * SEARCH_URL_DELAY_MS); any other change writes at once, taking the text typed so far with it.
 * `searchParams` is the URL as it is, without text still waiting.
 */
export function useListFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const urlFilters = useMemo(() => readListFilters(searchParams), [searchParams]);
  /** Search text typed but not yet in the URL. */
  const [draft, setDraft] = useState<string | null>(null);
  const draftRef = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The text this hook last wrote, to tell its own URL changes from the back button's. */
  const written = useRef<string | null>(null);

  const cancelTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  const keepDraft = (q: string | null) => {
    draftRef.current = q;
    setDraft(q);
  };

  // The URL's text changed: this hook's own write caught up with the draft (drop it), or the URL
  // was changed elsewhere (back, forward, a link, Clear), which wins over text not yet written.
  // A write that lands while newer text waits leaves that text alone.
  const urlQ = urlFilters.q;
  const urlQRef = useRef(urlQ);
  urlQRef.current = urlQ;
  const [seenUrlQ, setSeenUrlQ] = useState(urlQ);
  if (urlQ !== seenUrlQ) {
    setSeenUrlQ(urlQ);
    if (draft !== null && (urlQ === draft || urlQ !== written.current)) {
      draftRef.current = null;
      setDraft(null);
    }
  }
  useEffect(() => {
    if (draftRef.current === null) cancelTimer();
  }, [urlQ]);
  useEffect(() => cancelTimer, []);

  const write = useCallback(
    (update: FiltersUpdate, replace: boolean) => {
      cancelTimer();
      setSearchParams(
        (prev) => {
          const current = readListFilters(prev);
          const typed = draftRef.current;
          const base = typed === null ? current : { ...current, q: typed };
          const next = typeof update === 'function' ? update(base) : { ...base, ...update };
          written.current = next.q;
          return writeListFilters(next, prev);
        },
        { replace },
      );
    },
    [setSearchParams],
  );

  const setFilters = useCallback(
    (update: FiltersUpdate, options: { replace?: boolean } = {}) => {
      // Text alone waits for a pause; everything else goes to the URL now (with the text so far).
      if (typeof update !== 'function' && Object.keys(update).length === 1 && update.q !== undefined) {
        const q = update.q;
        keepDraft(q);
        cancelTimer();
        timer.current = setTimeout(() => {
          timer.current = null;
          // Typing on in a search already in the URL replaces its entry, so the back button steps
          // through searches, not keys; a new search, or clearing one, is an entry of its own.
          write({ q }, urlQRef.current !== '' && q !== '');
        }, SEARCH_URL_DELAY_MS);
        return;
      }
      write(update, options.replace ?? false);
    },
    [write],
  );

  const filters = useMemo(() => (draft === null ? urlFilters : { ...urlFilters, q: draft }), [urlFilters, draft]);
  return { filters, setFilters, searchParams };
}
