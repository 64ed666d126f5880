import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ENDING_SOON_MS, nearestEnd } from '../../../contract/maintenance';
import { paths } from '../../../config/paths';
import { formatShortTime, plural } from '../../../lib/format-time';
import { useNow } from '../../../lib/use-now';
import { maintenanceQueries } from '../api/window-queries';
import { useEndReminders } from '../hooks/use-end-reminder';
import { currentEnd } from '../utils/window-timing';

/** "in 8 min", "in 2h 5m": how long until the next end, for the banner. */
function timeUntil(end: number, now: number): string {
  const minutes = Math.max(0, Math.ceil((end - now) / 60_000));
  if (minutes < 60) return `in ${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `in ${h}h ${m}m` : `in ${h}h`;
}

/**
 * The global banner: "2 maintenance windows active · next ends 14:30 (in 8 min)", linking to
 * /maintenance, styled "ending soon" within 10 minutes; nothing when no window is active. It also
 * runs the creator's opt-in end reminders, so they come on whatever page is open.
 *
 * Quiet for screen readers: the live region's words change only when the count, the next end or
 * the ending-soon state changes; the ticking countdown beside them is hidden from it.
 */
export function ActiveWindowsBanner() {
  const { data } = useQuery(maintenanceQueries.list());
  const now = useNow(15_000);
  const active = data?.windows.filter((w) => w.status === 'active') ?? [];
  useEndReminders(active.map((w) => ({ windowId: w.id, end: currentEnd(w), title: w.reason ?? 'A maintenance window' })));
  if (active.length === 0) return null;

  const next = nearestEnd(active);
  const soon = next !== null && next.end - now <= ENDING_SOON_MS;
  return (
    <div className={`mw-banner${soon ? ' mw-banner--soon' : ''}`} role="status">
      <Link to={paths.maintenance.getHref()} className="mw-banner__link">
        <span className="mw-banner__icon" aria-hidden="true">
          {soon ? '⚠' : '◐'}
        </span>
        <strong>{plural(active.length, 'maintenance window')} active</strong>
        {next ? (
          <>
            {' · next ends '}
            {formatShortTime(next.end, now)} <span aria-hidden="true">({timeUntil(next.end, now)})</span>
            {soon && <strong className="mw-banner__soon"> · ending soon</strong>}
          </>
        ) : (
          ' · none has an end'
        )}
      </Link>
    </div>
  );
}
