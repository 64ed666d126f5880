import { useQuery } from '@tanstack/react-query';
import { forecastEnd, type PreviewGroup } from '../../../contract/maintenance';
import { Modal } from '../../../components/ui/modal';
import { StatusPill } from '../../../components/ui/status-pill';
import { InlineError } from '../../../components/errors/inline-error';
import { plural } from '../../../lib/format-time';
import { maintenanceQueries } from '../api/window-queries';
import { useEndWindow } from '../api/use-end-window';
import { byStateThenName, stateCounts } from './preview-groups';

interface EndNowDialogProps {
  windowId: string;
  /** For the title: what the window is about. */
  title: string;
  onClose: () => void;
  onEnded?: () => void;
}

/** The monitors a list of groups spans, with how many groups each: "Checkout API (3 groups)". */
function monitorsOf(groups: readonly PreviewGroup[]): { id: number; name: string; count: number }[] {
  const byId = new Map<number, { id: number; name: string; count: number }>();
  for (const g of groups) {
    const m = byId.get(g.monitorId) ?? { id: g.monitorId, name: g.monitorName, count: 0 };
    m.count += 1;
    byId.set(g.monitorId, m);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const MAX_LISTED = 12;

/**
 * "End now" (or, before it starts, "Cancel"): confirms with what it unmutes and which groups will
 * notify as it ends early (forecastEnd with "canceled"). It loads the window itself, so the list
 * page can open it too; if that fails, ending is still possible, with a warning.
 */
export function EndNowDialog({ windowId, title, onClose, onEnded }: EndNowDialogProps) {
  const end = useEndWindow(windowId);
  const detail = useQuery(maintenanceQueries.detail(windowId));
  const w = detail.data?.window;
  const scheduled = w?.status === 'scheduled';
  const groups = detail.data?.preview.groups ?? [];
  const notify = w ? [...forecastEnd(groups, w.endSettings, 'canceled').notify].sort(byStateThenName) : [];
  const monitors = monitorsOf(groups);

  const confirmLabel = scheduled ? 'Cancel the window' : 'End now';
  return (
    <Modal
      title={scheduled ? `Cancel “${title}”?` : `End “${title}” now?`}
      onClose={onClose}
      size="lg"
      footer={
        <>
          {/* The safe choice has the focus. */}
          <button type="button" className="btn" onClick={onClose} data-autofocus>
            Keep it
          </button>
          <button
            type="button"
            className="btn btn--danger"
            // Wait for the list of what it touches before offering to end it (unless that list failed to load).
            disabled={end.isPending || detail.isPending}
            onClick={() => end.mutate(undefined, { onSuccess: () => (onEnded ?? onClose)() })}
          >
            {end.isPending ? (scheduled ? 'Canceling…' : 'Ending…') : confirmLabel}
          </button>
        </>
      }
    >
      {detail.isPending && (
        <p className="muted-text" role="status">
          Checking what it covers…
        </p>
      )}
      {detail.isError && (
        <>
          <InlineError error={detail.error} prefix="Couldn't check what it covers" />
          <p className="notice notice--warn">You can still end it, but without a list of what it unmutes or who will be notified.</p>
        </>
      )}
      {w && scheduled && <p>It has not started, so it mutes nothing yet: canceling removes it from the schedule.</p>}
      {w && !scheduled && (
        <div className="mw-end-summary">
          <p>
            {groups.length === 0 ? (
              'It mutes no group right now.'
            ) : (
              <>
                <strong>
                  Unmutes {plural(groups.length, 'group')} on {plural(monitors.length, 'monitor')}
                </strong>
                : {stateCounts(groups)}.
              </>
            )}
          </p>
          {monitors.length > 0 && (
            <ul className="mw-end-monitors" aria-label="Monitors it unmutes">
              {monitors.slice(0, MAX_LISTED).map((m) => (
                <li key={m.id}>
                  {m.name} <span className="muted-text">({plural(m.count, 'group')})</span>
                </li>
              ))}
              {monitors.length > MAX_LISTED && <li className="muted-text">and {plural(monitors.length - MAX_LISTED, 'more monitor')}</li>}
            </ul>
          )}
          {notify.length > 0 ? (
            <>
              <p className="notice notice--warn">
                <strong>{plural(notify.length, 'group')} will notify as it ends</strong> ({notify.length === 1 ? 'it is' : 'they are'} not OK
                now, and its end settings notify on an early end):
              </p>
              <ul className="mw-forecast__list" aria-label="Groups that will notify">
                {notify.map((g) => (
                  <li key={`${g.monitorId}|${g.group}`}>
                    <StatusPill status={g.state} size="sm" /> {g.monitorName} <span className="mono">{g.group}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>
              <span aria-hidden="true">✓ </span>
              No group notifies as it ends
              {w.endSettings.notifyEndTypes.includes('canceled') ? ': none is in a state its end settings notify for.' : ': its end settings do not notify on an early end.'}{' '}
              Groups still not OK notify again on their next change.
            </p>
          )}
        </div>
      )}
      {end.isError && <InlineError error={end.error} prefix={scheduled ? 'Not canceled' : 'Not ended'} />}
    </Modal>
  );
}
