import type { Downtime, MonitorDetail } from '../../../contract/monitors';
import { isTriggered } from '../../../contract/states';
import { InlineError } from '../../../components/errors/inline-error';
import { Modal } from '../../../components/ui/modal';
import { StatusPill } from '../../../components/ui/status-pill';
import { plural } from '../../../lib/format-time';
import { useCancelDowntime } from '../api/use-cancel-downtime';
import { groupsUnmutedByCanceling, targetsMonitorTags } from '../utils/optimistic';
import { groupLabel } from './groups-table';

interface CancelDowntimeDialogProps {
  monitor: MonitorDetail;
  downtime: Downtime;
  onClose: () => void;
}

/** Confirms cancelling a downtime: what it unmutes here, which of those are not OK, and other monitors it covers. */
export function CancelDowntimeDialog({ monitor, downtime, onClose }: CancelDowntimeDialogProps) {
  const cancel = useCancelDowntime(monitor.id);
  const unmuted = groupsUnmutedByCanceling(monitor, downtime.id);
  const loud = unmuted.filter((g) => isTriggered(g.status));
  const scheduled = downtime.status !== 'active';

  return (
    <Modal
      title="Cancel downtime?"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Keep it
          </button>
          <button
            type="button"
            className="btn btn--danger"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate(downtime.id, { onSuccess: () => onClose() })}
          >
            {cancel.isPending ? 'Cancelling…' : 'Cancel downtime'}
          </button>
        </>
      }
    >
      <p>
        Scope <code>{downtime.scope}</code>
        {downtime.message && <> — “{downtime.message}”</>}
      </p>
      {scheduled ? (
        <p>It has not started yet; cancelling it means it never starts.</p>
      ) : (
        <p>
          {unmuted.length > 0
            ? `This unmutes ${plural(unmuted.length, 'group')} of this monitor.`
            : 'No group of this monitor is muted by this downtime alone, so nothing here unmutes.'}
        </p>
      )}
      {loud.length > 0 && (
        <section className="notice notice--danger" role="alert" aria-label="Groups that will notify">
          <p>
            <strong>{plural(loud.length, 'group')} not OK will notify at once:</strong>
          </p>
          <ul className="target-list">
            {loud.map((g) => (
              <li key={g.name}>
                <StatusPill status={g.status} size="sm" /> <span className="mono">{groupLabel(g)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {targetsMonitorTags(downtime) && (
        <p className="notice notice--warn">
          This downtime also mutes other monitors tagged <code>{downtime.monitorTags!.join(', ')}</code>; cancelling it
          unmutes them too.
        </p>
      )}
      {cancel.error && <InlineError error={cancel.error} prefix="Cancel failed, the downtime is still in place" />}
    </Modal>
  );
}
