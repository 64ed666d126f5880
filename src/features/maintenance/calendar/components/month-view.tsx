import { formatDayLabel, formatWeekdayShort, isSameMonth, type DayKey } from '../utils/calendar-dates';
import type { CalendarItem } from '../utils/calendar-items';
import type { DaySegment } from '../utils/day-buckets';
import { CalendarEntryLink } from './calendar-entry-link';

/** A day cell shows this many entries; the rest are one click away in the week view. */
const MONTH_DAY_LIMIT = 3;

interface MonthViewProps {
  weeks: readonly (readonly DayKey[])[];
  /** Any day of the month shown; days of the months around it are drawn muted. */
  month: DayKey;
  buckets: ReadonlyMap<DayKey, DaySegment<CalendarItem>[]>;
  today: DayKey;
  onShowWeek: (day: DayKey) => void;
}

/** The month as weeks of day regions, each listing up to three entries and "+N more". */
export function MonthView({ weeks, month, buckets, today, onShowWeek }: MonthViewProps) {
  return (
    <div className="cal-month">
      <div className="cal-month__weekdays" aria-hidden="true">
        {(weeks[0] ?? []).map((day) => (
          <span key={day}>{formatWeekdayShort(day)}</span>
        ))}
      </div>
      {weeks.map((week) => (
        <div className="cal-month__week" key={week[0]}>
          {week.map((day) => (
            <MonthDay
              key={day}
              day={day}
              segments={buckets.get(day) ?? []}
              isToday={day === today}
              outside={!isSameMonth(day, month)}
              onShowWeek={onShowWeek}
            />
          ))}
        </div>
      ))}
    </div>
  );
}

interface MonthDayProps {
  day: DayKey;
  segments: DaySegment<CalendarItem>[];
  isToday: boolean;
  outside: boolean;
  onShowWeek: (day: DayKey) => void;
}

function MonthDay({ day, segments, isToday, outside, onShowWeek }: MonthDayProps) {
  const label = formatDayLabel(day);
  const shown = segments.slice(0, MONTH_DAY_LIMIT);
  const more = segments.length - shown.length;
  const className = ['cal-mday', isToday ? 'is-today' : '', outside ? 'is-outside' : ''].filter(Boolean).join(' ');
  return (
    <section className={className} aria-label={label} aria-current={isToday ? 'date' : undefined}>
      <h3 className="cal-mday__head">
        <span className="cal-mday__num">{Number(day.slice(8))}</span>
        {isToday && <span className="cal-today-badge">Today</span>}
      </h3>
      {shown.length > 0 && (
        <ul className="cal-mday__entries">
          {shown.map((s) => (
            <li key={s.entry.key}>
              <CalendarEntryLink segment={s} />
            </li>
          ))}
        </ul>
      )}
      {more > 0 && (
        <button type="button" className="btn btn--link cal-mday__more" onClick={() => onShowWeek(day)}>
          +{more} more <span className="visually-hidden">on {label}: show its week</span>
        </button>
      )}
    </section>
  );
}
