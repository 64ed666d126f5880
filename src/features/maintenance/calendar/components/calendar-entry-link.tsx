import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../../config/paths';
import type { CalendarItem } from '../utils/calendar-items';
import type { DaySegment } from '../utils/day-buckets';
import { formatSegmentTime } from '../utils/entry-labels';

interface CalendarEntryLinkProps {
  segment: DaySegment<CalendarItem>;
  style?: CSSProperties;
}

function statusClass(item: CalendarItem): string {
  if (item.ended) return 'is-ended';
  return item.window.status === 'active' ? 'is-active' : 'is-scheduled';
}

/**
 * One window's part of one day: a link to the window. Its accessible name says the whole
 * story ("Nightly search reindex, Saturday 02:00–04:00, overlaps with …"); the visible text
 * is the short version, and an overlap carries a marker that is not colour alone.
 */
export function CalendarEntryLink({ segment, style }: CalendarEntryLinkProps) {
  const item = segment.entry;
  const overlaps = item.overlapNames.length > 0;
  const className = ['cal-entry', statusClass(item), overlaps ? 'has-overlap' : ''].filter(Boolean).join(' ');
  return (
    <Link to={paths.maintenanceWindow.getHref(item.windowId)} className={className} style={style} aria-label={item.label} title={item.label}>
      <span className="cal-entry__time">{formatSegmentTime(segment, item.indefinite)}</span>
      <span className="cal-entry__title">{item.title}</span>
      {overlaps && (
        <span className="cal-entry__overlap" aria-hidden="true">
          ⚠ Overlap
        </span>
      )}
    </Link>
  );
}
