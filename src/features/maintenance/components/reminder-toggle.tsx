import { ENDING_SOON_MS } from '../../../contract/maintenance';
import { formatShortTime } from '../../../lib/format-time';
import { useReminderOptIn } from '../hooks/use-end-reminder';

interface ReminderToggleProps {
  windowId: string;
  /** The current end; the reminder comes 10 minutes before it. */
  end: number;
  now: number;
}

/**
 * For the window's creator: "Remind me 10 minutes before it ends", a browser notification shown
 * while watchdeck is open (the banner keeps the timers, on every page). Denied or missing
 * notification support is said plainly, with what to do.
 */
export function ReminderToggle({ windowId, end, now }: ReminderToggleProps) {
  const { permission, optedIn, asking, enable, disable } = useReminderOptIn(windowId);
  if (permission === 'unsupported') {
    return <p className="muted-text mw-reminder">This browser cannot show notifications, so it cannot remind you before the end.</p>;
  }
  if (permission === 'denied') {
    return (
      <p className="notice notice--warn mw-reminder" role="status">
        Notifications are blocked for this site, so no reminder can be shown. Allow them in your browser&rsquo;s site settings, then reload this page.
      </p>
    );
  }
  const at = formatShortTime(end - ENDING_SOON_MS, now);
  if (optedIn && permission === 'granted') {
    return (
      <div className="mw-reminder">
        <p role="status">
          <span aria-hidden="true">🔔 </span>
          You&rsquo;ll be reminded at {at}, while watchdeck is open in this browser.
        </p>
        <button type="button" className="btn btn--sm btn--ghost" onClick={disable}>
          Don&rsquo;t remind me
        </button>
      </div>
    );
  }
  return (
    <div className="mw-reminder">
      <button type="button" className="btn btn--sm" onClick={() => void enable()} disabled={asking}>
        {asking ? 'Asking the browser…' : 'Remind me 10 minutes before it ends'}
      </button>
    </div>
  );
}
