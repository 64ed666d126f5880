import { parseDayKey, type CalendarViewKind, type DayKey } from './calendar-dates';

/** What the calendar's URL holds: `?view=week|month&date=YYYY-MM-DD`. */
export interface CalendarParams {
  view: CalendarViewKind;
  /** The day the view is built around; today when the URL gives none. */
  date: DayKey;
}

export interface ReadCalendarParams extends CalendarParams {
  /** What in the URL could not be used, said plainly; the view falls back to a default for it. */
  problems: string[];
}

export const DEFAULT_VIEW: CalendarViewKind = 'week';

/** Reads the URL, falling back (and saying so) on a value it cannot use, so a bad link still opens a calendar. */
export function readCalendarParams(params: URLSearchParams, today: DayKey): ReadCalendarParams {
  const problems: string[] = [];
  const rawView = params.get('view');
  let view: CalendarViewKind = DEFAULT_VIEW;
  if (rawView === 'week' || rawView === 'month') view = rawView;
  else if (rawView !== null) problems.push(`The link asks for a “${rawView}” view; showing the week. Use week or month.`);

  const rawDate = params.get('date');
  let date = today;
  if (rawDate !== null && rawDate !== '') {
    if (parseDayKey(rawDate)) date = rawDate;
    else problems.push(`The link’s date “${rawDate}” is not a date like 2026-11-28; showing today.`);
  }
  return { view, date, problems };
}

/** Writes the calendar's state into the URL's search, keeping any other parameters. */
export function writeCalendarParams(next: CalendarParams, prev: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(prev);
  params.set('view', next.view);
  params.set('date', next.date);
  return params;
}
