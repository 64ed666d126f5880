import { useSuspenseQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useState } from 'react';
import type { CleanupResponse, MaintenanceWindow } from '../../../../contract/maintenance';
import { formatClock, plural } from '../../../../lib/format-time';
import { useCan } from '../../../../lib/session';
import { useNow } from '../../../../lib/use-now';
import { maintenanceQueries } from '../../api/window-queries';
import { MaintenanceTabs } from '../../components/maintenance-tabs';
import { useLongActiveDays } from '../hooks/use-long-active-days';
import { countByKind, kindSummary } from '../utils/hygiene-kinds';
import { CleanupDialog } from './cleanup-dialog';
import { DaysField } from './days-field';
import { FindingsTable } from './findings-table';

const ADMIN_ONLY_NOTE = 'Only admins can clean up windows';

/**
 * /maintenance/hygiene: windows that match nothing, have been active too long, have no end and
 * no reason or ticket, or were made by a disabled user. Admins select some and clean them up,
 * after a preview of exactly what will be canceled.
 */
export function HygienePage() {
  const canClean = useCan('admin');
  const now = useNow(60_000);
  const { days, raw, setDays } = useLongActiveDays();
  // A new N loads in the background while the last report stays on screen (also when the router renders it in a transition).
  const shownDays = useDeferredValue(days);
  const { data } = useSuspenseQuery(maintenanceQueries.hygiene(shownDays));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [preview, setPreview] = useState<MaintenanceWindow[] | null>(null);
  const noteId = useId();

  const findings = data.findings;
  // Only what is in the report now counts: a window cleaned up elsewhere drops out of the selection.
  const selectedWindows = findings.filter((f) => selected.has(f.window.id)).map((f) => f.window);
  const count = selectedWindows.length;

  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const setAll = (on: boolean) => setSelected(on ? new Set(findings.map((f) => f.window.id)) : new Set());
  const onDone = (result: CleanupResponse) =>
    setSelected((prev) => new Set([...prev].filter((id) => !result.canceled.includes(id))));

  return (
    <main className="page hygiene-page">
      <MaintenanceTabs />
      <div className="page__head">
        <h1>Hygiene report</h1>
      </div>
      <p className="muted-text hygiene-intro">
        Windows worth a second look: they match no monitor or group, have been active a long time, have no end and no reason or ticket,
        or were planned by someone whose account is disabled.
      </p>

      {data.stale && (
        <p className="notice notice--warn" role="status">
          Datadog could not be reached: this report uses the windows loaded at {formatClock(data.fetchedAt)}.
        </p>
      )}

      <div className="toolbar toolbar--compact hygiene-toolbar">
        <DaysField raw={raw} onChange={setDays} reportDays={shownDays} />
        <span className="bulkbar__spacer" />
        {findings.length > 0 && (
          <div className="hygiene-actions">
            {canClean && count > 0 && <span className="bulkbar__count">{count} selected</span>}
            <button
              type="button"
              className="btn btn--danger-outline"
              disabled={!canClean || count === 0}
              aria-describedby={!canClean || count === 0 ? noteId : undefined}
              onClick={() => setPreview(selectedWindows)}
            >
              {canClean && count > 0 ? `Clean up ${plural(count, 'window')}…` : 'Clean up windows…'}
            </button>
            {!canClean && (
              <span className="muted-text" id={noteId}>
                {ADMIN_ONLY_NOTE}
              </span>
            )}
            {canClean && count === 0 && (
              <span className="muted-text" id={noteId}>
                Select the windows to clean up
              </span>
            )}
          </div>
        )}
      </div>

      {findings.length === 0 ? (
        <div className="empty card card--padded hygiene-empty">
          <p className="empty__title">Nothing to tidy up</p>
          <p className="muted-text">
            Every window matches something, none has been active longer than {plural(data.longActiveDays, 'day')}, every window with no end has
            a reason and a ticket, and no creator is disabled.
          </p>
        </div>
      ) : (
        <>
          <ul className="hygiene-summary" aria-label="Summary">
            {countByKind(findings).map(({ kind, count: n }) => (
              <li key={kind}>{kindSummary(kind, n, data.longActiveDays)}</li>
            ))}
          </ul>
          <FindingsTable
            findings={findings}
            longActiveDays={data.longActiveDays}
            now={now}
            selection={canClean ? { selected, toggle, setAll } : null}
          />
        </>
      )}

      {preview && <CleanupDialog windows={preview} onClose={() => setPreview(null)} onDone={onDone} />}
    </main>
  );
}
