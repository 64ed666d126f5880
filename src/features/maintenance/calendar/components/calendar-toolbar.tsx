import { useId } from 'react';
import type { CalendarViewKind } from '../utils/calendar-dates';

interface CalendarToolbarProps {
  view: CalendarViewKind;
  /** "23 – 29 November 2026" or "November 2026". */
  title: string;
  onPrevious: () => void;
  onToday: () => void;
  onNext: () => void;
  onView: (view: CalendarViewKind) => void;
}

const VIEWS: { value: CalendarViewKind; label: string }[] = [
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
];

/** Previous / Today / Next, the range shown (announced as it changes), and the Week/Month choice (arrow keys move it). */
export function CalendarToolbar({ view, title, onPrevious, onToday, onNext, onView }: CalendarToolbarProps) {
  const name = useId();
  return (
    <div className="cal-toolbar">
      <div className="cal-toolbar__nav">
        <button type="button" className="btn" onClick={onPrevious} aria-label={`Previous ${view}`}>
          <span aria-hidden="true">‹</span> Previous
        </button>
        <button type="button" className="btn" onClick={onToday}>
          Today
        </button>
        <button type="button" className="btn" onClick={onNext} aria-label={`Next ${view}`}>
          Next <span aria-hidden="true">›</span>
        </button>
      </div>
      <h2 className="cal-toolbar__title" aria-live="polite">
        {title}
      </h2>
      <fieldset className="cal-toolbar__views">
        <legend className="visually-hidden">View</legend>
        <div className="segmented">
          {VIEWS.map((v) => (
            <label key={v.value} className={`segmented__option${view === v.value ? ' is-checked' : ''}`}>
              <input type="radio" name={name} value={v.value} checked={view === v.value} onChange={() => onView(v.value)} />
              {v.label}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
