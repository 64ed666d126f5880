import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Notification } from '../../../contract/service-checks';
import { monitorDowntimeHref, paths } from '../../../config/paths';
import { OutcomePill, type OutcomeStyle } from '../../../components/ui/outcome-pill';
import { RelativeTime } from '../../../components/ui/relative-time';

const OUTCOMES: Record<string, OutcomeStyle> = {
  delivered: { cls: 'st-ok', icon: '✓' },
  failed: { cls: 'st-alert', icon: '✕' },
  suppressed: { cls: 'st-ignored', icon: '⊘' },
};

/** A delivery outcome as colour, shape and text. */
export function NotificationOutcomePill({ outcome }: { outcome: string }) {
  return <OutcomePill outcome={outcome} styles={OUTCOMES} />;
}

/** The first 8 characters of a downtime id: enough to tell them apart on screen. */
export function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}

const SNIPPET = 90;

function snippet(message: string): string {
  const flat = message.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET ? `${flat.slice(0, SNIPPET - 1)}…` : flat;
}

function groupName(group: string): string {
  return group === '*' || group === '' ? 'Whole monitor' : group;
}

function Outcome({ n }: { n: Notification }) {
  return (
    <div className="notification-outcome">
      <NotificationOutcomePill outcome={n.outcome} />
      {n.outcome === 'suppressed' &&
        (n.downtimeId ? (
          <Link to={monitorDowntimeHref(n.monitorId, n.downtimeId)} className="notification-outcome__link">
            Suppressed by downtime {shortId(n.downtimeId)}
          </Link>
        ) : (
          <span className="muted-text">Suppressed by a mute</span>
        ))}
      {n.outcome !== 'suppressed' && n.detail && <span className="notification-outcome__detail">{n.detail}</span>}
    </div>
  );
}

interface NotificationTableProps {
  notifications: Notification[];
  emptyContent: ReactNode;
}

/** One row per delivery to one @-handle: when, which monitor and group, the transition, and what happened. */
export function NotificationTable({ notifications, emptyContent }: NotificationTableProps) {
  return (
    <div className="table-scroll">
      <table className="table notification-table" aria-label="Notification log">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Monitor</th>
            <th scope="col">Group</th>
            <th scope="col">Transition</th>
            <th scope="col">Handle</th>
            <th scope="col">Outcome</th>
            <th scope="col">Receiver</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {notifications.length === 0 ? (
            <tr>
              <td colSpan={8} className="table__empty">
                {emptyContent}
              </td>
            </tr>
          ) : (
            notifications.map((n) => (
              <tr key={n.id}>
                <td className="notification-table__time">
                  <RelativeTime at={n.at} />
                </td>
                <td>
                  <Link to={paths.monitor.getHref(n.monitorId)}>{n.monitorName || `Monitor ${n.monitorId}`}</Link>
                </td>
                <td className="notification-table__nowrap">
                  <code>{groupName(n.group)}</code>
                </td>
                <td className="notification-table__transition">{n.transition}</td>
                <td className="notification-table__nowrap">
                  <code>{n.handle}</code>
                </td>
                <td>
                  <Outcome n={n} />
                </td>
                <td>{n.receiverStatus ?? <span className="muted-text">—</span>}</td>
                <td className="notification-table__message" title={n.message}>
                  {n.message ? snippet(n.message) : <span className="muted-text">—</span>}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
