import { useState } from 'react';
import { plural } from '../../../lib/format-time';

interface ListAnnouncerProps {
  selectedCount: number;
  /** A one-off message, e.g. why a shortcut did nothing. */
  notice: string;
}

/**
 * Polite, visually hidden live regions for screen readers: the selection
 * count as it changes ("3 monitors selected"), and one-off notices.
 */
export function ListAnnouncer({ selectedCount, notice }: ListAnnouncerProps) {
  // Silent until something was selected once, so the page does not open with "No monitors selected".
  const [touched, setTouched] = useState(false);
  if (selectedCount > 0 && !touched) setTouched(true);
  const selection = selectedCount > 0 ? `${plural(selectedCount, 'monitor')} selected` : touched ? 'No monitors selected' : '';
  return (
    <div className="visually-hidden">
      <p role="status" aria-live="polite">
        {selection}
      </p>
      <p role="status" aria-live="polite">
        {notice}
      </p>
    </div>
  );
}
