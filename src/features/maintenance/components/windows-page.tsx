import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { MaintenanceWindow } from '../../../contract/maintenance';
import { paths } from '../../../config/paths';
import { StaleBanner } from '../../../components/ui/stale-banner';
import { useCan } from '../../../lib/session';
import { useNow } from '../../../lib/use-now';
import { maintenanceQueries, WINDOWS_REFRESH_MS } from '../api/window-queries';
import { useMuteCap, type MuteCap } from '../hooks/use-mute-cap';
import { splitWindows } from '../utils/window-timing';
import { EndNowDialog } from './end-now-dialog';
import { MaintenanceTabs } from './maintenance-tabs';
import { windowTitle, WindowRow, type WindowSection } from './window-row';

const SECTIONS: { key: WindowSection; title: string; empty: string }[] = [
  { key: 'active', title: 'Active', empty: 'No window is active: nothing is muted for maintenance right now.' },
  { key: 'upcoming', title: 'Upcoming', empty: 'Nothing is scheduled.' },
  { key: 'ended', title: 'Recently ended', empty: 'No window ended in the last 31 days.' },
];

interface SectionProps {
  section: (typeof SECTIONS)[number];
  windows: MaintenanceWindow[];
  now: number;
  cap: MuteCap | null;
  onEnd: (w: MaintenanceWindow) => void;
}

function Section({ section, windows, now, cap, onEnd }: SectionProps) {
  const headingId = useId();
  return (
    <section className="card mw-section" aria-labelledby={headingId}>
      <div className="card__head">
        <h2 id={headingId}>
          {section.title} <span className="muted-text">({windows.length})</span>
        </h2>
      </div>
      {windows.length === 0 ? (
        <p className="card__empty muted-text">{section.empty}</p>
      ) : (
        <div className="mw-scroll">
          <table className="table mw-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Window</th>
                <th scope="col">Scope</th>
                <th scope="col">{section.key === 'active' ? 'Ends' : section.key === 'upcoming' ? 'Starts' : 'Ended'}</th>
                {cap && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {windows.map((w) => (
                <WindowRow key={w.id} window={w} section={section.key} now={now} cap={cap} onEnd={onEnd} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * /maintenance: the windows, Active (soonest end first, ending soon highlighted), Upcoming (next
 * occurrence for recurring ones) and Recently ended. Responders get Extend +30 m, End now and Clone.
 */
export function WindowsPage() {
  const { data, error } = useSuspenseQuery(maintenanceQueries.list());
  const now = useNow(15_000);
  const canChange = useCan('responder');
  const cap = useMuteCap();
  const [ending, setEnding] = useState<MaintenanceWindow | null>(null);
  const sections = splitWindows(data.windows);

  return (
    <main className="page mw-page">
      <MaintenanceTabs />
      <div className="page__head">
        <h1>Maintenance windows</h1>
        {canChange && (
          <Link className="btn btn--primary" to={paths.maintenancePlan.getHref()}>
            Plan a window
          </Link>
        )}
      </div>
      {(data.stale || error !== null) && <StaleBanner fetchedAt={data.fetchedAt} error={error} refreshIntervalMs={WINDOWS_REFRESH_MS} />}
      {data.windows.length === 0 ? (
        <div className="card card--padded empty mw-empty">
          <p className="empty__title">No maintenance windows</p>
          <p className="muted-text">
            Plan one ahead of time or for right now: pick monitors or tags, see exactly which groups it mutes, and what will notify when it ends.
          </p>
          {canChange && (
            <Link className="btn btn--primary" to={paths.maintenancePlan.getHref()}>
              Plan a window
            </Link>
          )}
        </div>
      ) : (
        SECTIONS.map((s) => <Section key={s.key} section={s} windows={sections[s.key]} now={now} cap={canChange ? cap : null} onEnd={setEnding} />)
      )}
      {ending && <EndNowDialog windowId={ending.id} title={windowTitle(ending)} onClose={() => setEnding(null)} />}
    </main>
  );
}
