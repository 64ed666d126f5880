import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { MaintenanceWindow } from '../../../contract/maintenance';
import { paths } from '../../../config/paths';
import { StaleBanner } from '../../../components/ui/stale-banner';
import { formatDuration, formatShortTime } from '../../../lib/format-time';
import { useCan, useSession } from '../../../lib/session';
import { useNow } from '../../../lib/use-now';
import { maintenanceQueries, WINDOWS_REFRESH_MS } from '../api/window-queries';
import { useMuteCap } from '../hooks/use-mute-cap';
import { currentEnd, currentStart, endedAt, isEndingSoon } from '../utils/window-timing';
import { EndNowDialog } from './end-now-dialog';
import { ExtendButtons } from './extend-buttons';
import { MaintenanceTabs } from './maintenance-tabs';
import { PreviewGroups } from './preview-groups';
import { ReminderToggle } from './reminder-toggle';
import { Occurrences, WindowDetails } from './window-details';
import { WindowForecast } from './window-forecast';
import { windowTitle } from './window-row';
import { WindowStatus } from './window-status';

/** The one line under the title that says where the window stands. */
function timingSentence(w: MaintenanceWindow, now: number): string {
  const end = currentEnd(w);
  const start = currentStart(w);
  if (w.status === 'active') {
    return end === null ? 'Active, with no end: it mutes until someone ends it.' : `Ends ${formatShortTime(end, now)} · ${formatDuration(end - now)} left`;
  }
  if (w.status === 'scheduled') {
    if (start === null) return 'Scheduled, with no more occurrences.';
    const until = end === null ? ', with no end' : `, until ${formatShortTime(end, now)}`;
    return `Starts ${formatShortTime(start, now)} (in ${formatDuration(start - now)})${until}`;
  }
  const at = endedAt(w);
  const word = w.status === 'canceled' ? 'Ended early (canceled)' : w.status === 'ended' ? 'Ended' : `Status: ${w.status}`;
  return at === null ? word : `${word} ${formatShortTime(at, now)}`;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card card--padded mw-detail-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

interface WindowPageProps {
  id: string;
  /** Set when the planner saved this window but could not turn on "extend until they recover". */
  untilRecoveredError?: string | null;
}

/**
 * /maintenance/windows/:id: the window, what it covers now, the forecast of its end with one-click
 * fixes, Extend (+30 m / +1 h / +4 h from the current end), End now (confirmed), Clone, and for its
 * creator an opt-in reminder 10 minutes before it ends.
 */
export function WindowPage({ id, untilRecoveredError = null }: WindowPageProps) {
  const { data, error } = useSuspenseQuery(maintenanceQueries.detail(id));
  const { window: w, preview } = data;
  const now = useNow(15_000);
  const session = useSession();
  const canChange = useCan('responder');
  const cap = useMuteCap();
  const [ending, setEnding] = useState(false);

  const live = w.status === 'active' || w.status === 'scheduled';
  const soon = isEndingSoon(w, now);
  const end = currentEnd(w);
  const title = windowTitle(w);
  const isCreator = !!session && !!w.creator?.handle && session.user.username === w.creator.handle;
  const byTags = w.targets.monitorTags.length > 0 && !w.targets.monitorTags.includes('*');

  return (
    <main className="page mw-page">
      <MaintenanceTabs />
      <div className="page__head">
        <Link className="back-link" to={paths.maintenance.getHref()}>
          ← Windows
        </Link>
      </div>
      {(data.preview.stale || error !== null) && <StaleBanner fetchedAt={preview.fetchedAt} error={error} refreshIntervalMs={WINDOWS_REFRESH_MS} />}
      {untilRecoveredError && (
        <p className="notice notice--warn" role="alert">
          The window was saved, but &ldquo;extend until they recover&rdquo; was not turned on: {untilRecoveredError} Try again from the forecast below.
        </p>
      )}

      <header className={`card card--padded mw-head${soon ? ' mw-head--soon' : ''}`}>
        <div className="mw-head__title">
          <h1>{title}</h1>
          <WindowStatus status={w.status} endingSoon={soon} />
        </div>
        <p className="mw-head__timing">{timingSentence(w, now)}</p>
        {w.untilRecovered && live && <p className="muted-text">Kept alive in 30-minute steps until the groups in its forecast recover.</p>}
        {canChange && (
          <div className="mw-head__actions">
            {live && end !== null && <ExtendButtons window={w} now={now} cap={cap} label="Extend" />}
            <div className="mw-actions">
              {live && (
                <button type="button" className="btn btn--danger-outline" onClick={() => setEnding(true)}>
                  {w.status === 'active' ? 'End now' : 'Cancel the window'}
                </button>
              )}
              <Link className="btn" to={paths.maintenancePlan.getHref(new URLSearchParams({ clone: w.id }))}>
                Clone
              </Link>
            </div>
          </div>
        )}
        {isCreator && live && end !== null && <ReminderToggle windowId={w.id} end={end} now={now} />}
      </header>

      <Section title="Details">
        <WindowDetails window={w} now={now} />
        {w.schedule.kind === 'recurring' && (
          <>
            <h3 className="section-title">Next occurrences ({w.schedule.timezone})</h3>
            <Occurrences schedule={w.schedule} now={now} />
          </>
        )}
      </Section>

      {live && (
        <>
          <Section title={w.status === 'active' ? 'What it covers now' : 'What it would cover, as things stand'}>
            <PreviewGroups preview={preview} byTags={byTags} verb={w.status === 'active' ? 'Mutes' : 'Would mute'} />
          </Section>
          <WindowForecast window={w} groups={preview.groups} now={now} canChange={canChange} />
        </>
      )}

      {ending && (
        <EndNowDialog windowId={w.id} title={title} onClose={() => setEnding(false)} />
      )}
    </main>
  );
}
