import { Link } from 'react-router';
import type { MaintenanceWindow } from '../../../contract/maintenance';
import { paths } from '../../../config/paths';
import { formatDuration, formatShortTime } from '../../../lib/format-time';
import type { MuteCap } from '../hooks/use-mute-cap';
import { describeRecurrence, describeTargets } from '../utils/schedule-text';
import { currentEnd, currentStart, endedAt, isEndingSoon } from '../utils/window-timing';
import { ExtendButtons } from './extend-buttons';
import { WindowStatus } from './window-status';

export type WindowSection = 'active' | 'upcoming' | 'ended';

/** What a window is about, in one line: its reason, else what it targets. */
export function windowTitle(w: MaintenanceWindow): string {
  return w.reason?.trim() || `Maintenance of ${describeTargets(w.targets)}`;
}

function Timing({ w, section, now }: { w: MaintenanceWindow; section: WindowSection; now: number }) {
  const end = currentEnd(w);
  const start = currentStart(w);
  if (section === 'active') {
    if (end === null) return <span>No end (indefinite)</span>;
    return (
      <span className={isEndingSoon(w, now) ? 'mw-soon-text' : undefined}>
        ends {formatShortTime(end, now)} · <strong>{formatDuration(end - now)} left</strong>
      </span>
    );
  }
  if (section === 'upcoming') {
    if (start === null) return <span className="muted-text">no more occurrences</span>;
    return (
      <span>
        {w.schedule.kind === 'recurring' ? 'next ' : ''}starts {formatShortTime(start, now)} · in {formatDuration(start - now)}
      </span>
    );
  }
  const at = endedAt(w);
  const word = w.status === 'canceled' ? 'canceled' : w.status === 'ended' ? 'ended' : w.status;
  return <span>{at === null ? word : `${word} ${formatShortTime(at, now)}`}</span>;
}

interface WindowRowProps {
  window: MaintenanceWindow;
  section: WindowSection;
  now: number;
  /** Null for a viewer: no actions. */
  cap: MuteCap | null;
  onEnd: (w: MaintenanceWindow) => void;
}

/** One window in the list: status, what, scope, timing, and (for responders) its quick actions. */
export function WindowRow({ window: w, section, now, cap, onEnd }: WindowRowProps) {
  const soon = isEndingSoon(w, now);
  const title = windowTitle(w);
  return (
    <tr className={soon ? 'mw-row--soon' : undefined}>
      <td>
        <WindowStatus status={w.status} endingSoon={soon} />
      </td>
      <th scope="row" className="mw-row__what">
        <Link to={paths.maintenanceWindow.getHref(w.id)} className="row__link">
          {title}
        </Link>
        <span className="muted-text mw-row__targets">
          {describeTargets(w.targets)}
          {w.schedule.kind === 'recurring' && ` · ${describeRecurrence(w.schedule, w.schedule.timezone)}`}
        </span>
      </th>
      <td>
        <code className="mw-scope">{w.scope}</code>
      </td>
      <td className="mw-row__timing">
        <Timing w={w} section={section} now={now} />
      </td>
      {cap && (
        <td className="mw-row__actions">
          <div className="mw-actions">
            {section === 'active' && <ExtendButtons window={w} now={now} cap={cap} steps={[30]} label={`Extend ${title}`} />}
            {section !== 'ended' && (
              <button type="button" className="btn btn--sm btn--danger-outline" onClick={() => onEnd(w)} aria-label={`${section === 'active' ? 'End now' : 'Cancel'}: ${title}`}>
                {section === 'active' ? 'End now' : 'Cancel'}
              </button>
            )}
            <Link className="btn btn--sm" to={paths.maintenancePlan.getHref(new URLSearchParams({ clone: w.id }))} aria-label={`Clone: ${title}`}>
              Clone
            </Link>
          </div>
        </td>
      )}
    </tr>
  );
}
