import { type MaintenanceWindow } from '../../../../contract/maintenance';
import { calendarEntries, type CalendarEntry } from '../../../../contract/maintenance-schedule';
import { entryLabel, windowTitle } from './entry-labels';

/** One occurrence of a window on the calendar, with everything its link shows and says. */
export interface CalendarItem extends CalendarEntry {
  /** Unique per occurrence (a recurring window has many entries). */
  key: string;
  window: MaintenanceWindow;
  title: string;
  /** A one-off window with no end: drawn to the edge of the view. */
  indefinite: boolean;
  /** Over (its occurrence ended, or the window did): drawn muted. */
  ended: boolean;
  /** The titles of the windows it overlaps, in time and targets. */
  overlapNames: string[];
  /** The link's accessible name. */
  label: string;
}

/**
 * Expands the windows over [from, to) (recurring ones into each occurrence, in the browser's
 * timezone; canceled ones left out) and names each entry for the calendar.
 */
export function buildCalendarItems(windows: readonly MaintenanceWindow[], from: number, to: number, now: number): CalendarItem[] {
  const byId = new Map(windows.map((w) => [w.id, w]));
  const titles = new Map(windows.map((w) => [w.id, windowTitle(w)]));
  const items: CalendarItem[] = [];
  for (const entry of calendarEntries(windows, from, to, now)) {
    const window = byId.get(entry.windowId);
    if (!window) continue;
    const indefinite = window.schedule.kind === 'once' && window.schedule.end === null;
    const ended = window.status === 'ended' || (!indefinite && entry.end <= now);
    const overlapNames = [...new Set(entry.overlapsWith.map((id) => titles.get(id) ?? id))];
    const title = titles.get(window.id)!;
    items.push({
      ...entry,
      key: `${entry.windowId}@${entry.start}`,
      window,
      title,
      indefinite,
      ended,
      overlapNames,
      label: entryLabel({ title, start: entry.start, end: entry.end, indefinite, ended, overlapNames }),
    });
  }
  return items;
}
