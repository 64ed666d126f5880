import { useSuspenseQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { StaleBanner } from '../../../../components/ui/stale-banner';
import { plural } from '../../../../lib/format-time';
import { useNow } from '../../../../lib/use-now';
import { maintenanceQueries, WINDOWS_REFRESH_MS } from '../../api/window-queries';
import { MaintenanceTabs } from '../../components/maintenance-tabs';
import { useCalendarParams } from '../hooks/use-calendar-params';
import {
  dayKeyOf,
  daysRange,
  formatMonthTitle,
  formatWeekTitle,
  monthWeeks,
  stepDate,
  weekDays,
  type CalendarViewKind,
  type DayKey,
} from '../utils/calendar-dates';
import { buildCalendarItems, type CalendarItem } from '../utils/calendar-items';
import { bucketByDay } from '../utils/day-buckets';
import { CalendarToolbar } from './calendar-toolbar';
import { MonthView } from './month-view';
import { WeekView } from './week-view';

/** The now-line and "today" move once a minute. */
const CLOCK_TICK_MS = 60_000;

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'your local time';
}

/** "This week: 2 windows, 5 occurrences, 2 overlapping.": what the range holds, read out when it changes. */
function summarise(items: readonly CalendarItem[], where: string): string {
  if (items.length === 0) return `No maintenance windows ${where}.`;
  const windows = new Set(items.map((i) => i.windowId)).size;
  const parts = [plural(windows, 'window')];
  if (items.length > windows) parts.push(plural(items.length, 'occurrence'));
  const overlapping = items.filter((i) => i.overlapNames.length > 0).length;
  if (overlapping > 0) parts.push(`${overlapping} overlapping`);
  return `${where.charAt(0).toUpperCase()}${where.slice(1)}: ${parts.join(', ')}.`;
}

/**
 * /maintenance/calendar: the week or the month, in the browser's timezone, with recurring windows
 * expanded, overlaps flagged and a now-line. View and date live in the URL.
 */
export function CalendarPage() {
  const now = useNow(CLOCK_TICK_MS);
  const today = dayKeyOf(now);
  const { view, date, problems, go } = useCalendarParams(today);
  const { data, error } = useSuspenseQuery(maintenanceQueries.list());

  const weeks = useMemo(() => (view === 'week' ? [weekDays(date)] : monthWeeks(date)), [view, date]);
  const days = useMemo(() => weeks.flat(), [weeks]);
  const { from, to } = daysRange(days);
  const items = useMemo(() => buildCalendarItems(data.windows, from, to, now), [data.windows, from, to, now]);
  const buckets = useMemo(() => bucketByDay(items, days), [items, days]);

  const title = view === 'week' ? formatWeekTitle(days) : formatMonthTitle(date);
  const where = view === 'month' ? `in ${title}` : days.includes(today) ? 'this week' : 'in the week shown';
  const move = (next: { view?: CalendarViewKind; date?: DayKey }) => go({ view: next.view ?? view, date: next.date ?? date });

  return (
    <main className="page calendar-page">
      <MaintenanceTabs />
      <div className="page__head">
        <h1>Maintenance calendar</h1>
        <p className="muted-text cal-zone">Times in {browserTimeZone()}</p>
      </div>

      {(data.stale || error !== null) && <StaleBanner fetchedAt={data.fetchedAt} error={error} refreshIntervalMs={WINDOWS_REFRESH_MS} />}
      {problems.map((p) => (
        <p key={p} className="notice notice--warn" role="status">
          {p}
        </p>
      ))}

      <CalendarToolbar
        view={view}
        title={title}
        onPrevious={() => move({ date: stepDate(view, date, -1) })}
        onToday={() => move({ date: today })}
        onNext={() => move({ date: stepDate(view, date, 1) })}
        onView={(v) => move({ view: v })}
      />

      <p className="list-count cal-summary" role="status">
        {summarise(items, where)}
      </p>

      {view === 'week' ? (
        <WeekView days={days} buckets={buckets} today={today} now={now} />
      ) : (
        <MonthView weeks={weeks} month={date} buckets={buckets} today={today} onShowWeek={(day) => move({ view: 'week', date: day })} />
      )}
    </main>
  );
}
