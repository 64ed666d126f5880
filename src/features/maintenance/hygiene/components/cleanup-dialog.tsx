import type { CleanupResponse, MaintenanceWindow } from '../../../../contract/maintenance';
import { InlineError } from '../../../../components/errors/inline-error';
import { Modal } from '../../../../components/ui/modal';
import { plural } from '../../../../lib/format-time';
import { windowTitle } from '../../calendar/utils/entry-labels';
import { useCleanupWindows } from '../api/use-cleanup-windows';
import { downtimeCount, statusLabel, targetsText } from '../utils/window-facts';
import { CleanupResults } from './cleanup-results';

interface CleanupDialogProps {
  /** The windows as they were when the preview opened: the report may reload underneath. */
  windows: readonly MaintenanceWindow[];
  onClose: () => void;
  /** After the BFF answered: which windows are gone. */
  onDone: (result: CleanupResponse) => void;
}

/**
 * Cleanup in two steps: a preview of exactly what will be canceled, then, after Confirm,
 * what happened to each window. A request that fails as a whole keeps the preview, with the
 * error next to the button, so it can be tried again.
 */
export function CleanupDialog({ windows, onClose, onDone }: CleanupDialogProps) {
  const cleanup = useCleanupWindows();
  const count = windows.length;
  const confirm = () =>
    cleanup.mutate(
      windows.map((w) => w.id),
      { onSuccess: onDone },
    );

  if (cleanup.data) {
    return (
      // A new dialog (key), so focus moves to Close once the results replace the preview.
      <Modal
        key="results"
        title="Cleanup results"
        onClose={onClose}
        size="lg"
        footer={
          <button type="button" className="btn btn--primary" onClick={onClose} data-autofocus>
            Close
          </button>
        }
      >
        <CleanupResults windows={windows} result={cleanup.data} />
      </Modal>
    );
  }

  return (
    <Modal
      key="preview"
      title={`Clean up ${plural(count, 'window')}?`}
      onClose={onClose}
      size="lg"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} data-autofocus>
            Keep them
          </button>
          <button type="button" className="btn btn--danger" disabled={cleanup.isPending} onClick={confirm}>
            {cleanup.isPending ? 'Canceling…' : `Cancel ${plural(count, 'window')}`}
          </button>
        </>
      }
    >
      <p>
        This cancels {count === 1 ? 'this window' : `these ${count} windows`} in Datadog, ending {plural(downtimeCount(windows), 'downtime')}. The
        monitors they mute can notify again straight away.
      </p>
      <ul className="cleanup-list" aria-label="Windows to cancel">
        {windows.map((w) => (
          <li key={w.id} className="cleanup-list__item">
            <p className="cleanup-list__title">{windowTitle(w)}</p>
            <dl className="facts cleanup-list__facts">
              <div>
                <dt>Reason</dt>
                <dd>{w.reason?.trim() ? w.reason : <span className="muted-text">None given</span>}</dd>
              </div>
              <div>
                <dt>Targets</dt>
                <dd>{targetsText(w)}</dd>
              </div>
              <div>
                <dt>Scope</dt>
                <dd>
                  <code>{w.scope}</code>
                </dd>
              </div>
              <div>
                <dt>Status</dt>
                <dd>{statusLabel(w.status)}</dd>
              </div>
              <div>
                <dt>Downtimes</dt>
                <dd>{w.downtimeIds.length}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      {cleanup.isError && <InlineError error={cleanup.error} prefix="Nothing was cleaned up" />}
    </Modal>
  );
}
