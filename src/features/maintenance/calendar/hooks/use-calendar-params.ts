import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { DayKey } from '../utils/calendar-dates';
import { readCalendarParams, writeCalendarParams, type CalendarParams } from '../utils/calendar-params';

/**
 * The calendar's view and date, kept in the URL so a view can be shared as a link.
 * Each move is a history entry, so Back returns to the week or month seen before.
 */
export function useCalendarParams(today: DayKey) {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => readCalendarParams(searchParams, today), [searchParams, today]);
  const go = useCallback(
    (next: CalendarParams) => setSearchParams((prev) => writeCalendarParams(next, prev), { preventScrollReset: true }),
    [setSearchParams],
  );
  return { ...state, go };
}
