import { useLayoutEffect, useRef } from 'react';
import { formatDayLabel, formatDayShort, type DayKey } from '../utils/calendar-dates';
import type { CalendarItem } from '../utils/calendar-items';
import { layoutDay, nowOffsetPct, type DaySegment } from '../utils/day-buckets';
import { formatHm } from '../utils/entry-labels';
import { CalendarEntryLink } from './calendar-entry-link';

interface WeekViewProps {
  days: readonly DayKey[];
  buckets: ReadonlyMap<DayKey, DaySegment<CalendarItem>[]>;
  today: DayKey;
  now: number;
}

const HOURS = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);
/** Shown above the first entry (or the now-line) when the week opens, so 02:00 work is in view without scrolling. */
const SCROLL_MARGIN_PX = 48;

/**
 * Seven day columns over a 24-hour scale. Each day is a region named by its date
 * ("Saturday 28 November 2026") holding its entries as a list of links, in time order.
 */
export function WeekView({ days, buckets, today, now }: WeekViewProps) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const firstDay = days[0];

  // On opening a week, scroll the hour scale to the now-line (this week) or the earliest entry.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const target = scroller.querySelector<HTMLElement>('.cal-now') ?? earliestEntry(scroller);
    if (!target) return;
    const body = target.closest<HTMLElement>('.cal-day__body');
    scroller.scrollTop = Math.max(0, (body?.offsetTop ?? 0) + target.offsetTop - SCROLL_MARGIN_PX);
    // Only when the week changes (firstDay): a minute's tick must not yank the view back.
  }, [firstDay]);

  return (
    <div className="cal-week" ref={scrollerRef}>
      <div className="cal-week__grid">
        <div className="cal-week__hours" aria-hidden="true">
          <div className="cal-day__head" />
          <div className="cal-week__hour-labels">
            {HOURS.map((h) => (
              <span key={h}>{h}</span>
            ))}
          </div>
        </div>
        {days.map((day) => (
          <WeekDay key={day} day={day} segments={buckets.get(day) ?? []} isToday={day === today} now={now} />
        ))}
      </div>
    </div>
  );
}

function earliestEntry(scroller: HTMLElement): HTMLElement | null {
  let best: HTMLElement | null = null;
  for (const el of scroller.querySelectorAll<HTMLElement>('.cal-week__entry')) {
    if (!best || el.offsetTop < best.offsetTop) best = el;
  }
  return best;
}

function WeekDay({ day, segments, isToday, now }: { day: DayKey; segments: DaySegment<CalendarItem>[]; isToday: boolean; now: number }) {
  const placed = layoutDay(segments, day);
  const nowPct = isToday ? nowOffsetPct(day, now) : null;
  return (
    <section className={`cal-day${isToday ? ' is-today' : ''}`} aria-label={formatDayLabel(day)} aria-current={isToday ? 'date' : undefined}>
      <h3 className="cal-day__head">
        {formatDayShort(day)}
        {isToday && <span className="cal-today-badge">Today</span>}
      </h3>
      <div className="cal-day__body">
        {nowPct !== null && (
          <div className="cal-now" style={{ top: `${nowPct}%` }}>
            <span className="visually-hidden">Now, {formatHm(now)}</span>
          </div>
        )}
        {placed.length === 0 ? (
          <p className="visually-hidden">No windows</p>
        ) : (
          <ul className="cal-day__entries">
            {placed.map((p) => (
              <li
                key={p.entry.key}
                className="cal-week__entry"
                style={{
                  top: `${p.topPct}%`,
                  height: `${p.heightPct}%`,
                  left: `${(p.lane / p.lanes) * 100}%`,
                  width: `${100 / p.lanes}%`,
                }}
              >
                <CalendarEntryLink segment={p} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
