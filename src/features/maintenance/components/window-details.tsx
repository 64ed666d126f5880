import { Link } from 'react-router';
import type { MaintenanceWindow } from '../../../contract/maintenance';
import { paths } from '../../../config/paths';
import { formatShortTime } from '../../../lib/format-time';
import { describeEndSettings, describeRecurrence, nextOccurrences } from '../utils/schedule-text';
import { formatClockIn, formatDayTimeIn } from '../utils/zoned-time';

function Targets({ targets }: { targets: MaintenanceWindow['targets'] }) {
  const everything = (targets.monitorIds.length === 0 && targets.monitorTags.length === 0) || targets.monitorTags.includes('*');
  if (everything) return <strong>Every monitor</strong>;
  return (
    <>
      {targets.monitorIds.length > 0 && (
        <ul className="mw-target-list" aria-label="Monitors">
          {targets.monitorIds.map((id) => (
            <li key={id}>
              <Link to={paths.monitor.getHref(id)}>{targets.monitorNames?.[String(id)] ?? `Monitor #${id}`}</Link>
            </li>
          ))}
        </ul>
      )}
      {targets.monitorTags.length > 0 && (
        <p className="mw-target-tags">
          Every monitor tagged{' '}
          <span className="chips chips--inline">
            {targets.monitorTags.map((t) => (
              <span key={t} className="chip">
                {t}
              </span>
            ))}
          </span>{' '}
          (including monitors created later)
        </p>
      )}
    </>
  );
}

/** The occurrences of a recurring window: the one in progress or next, then the next five, in its timezone. */
export function Occurrences({ schedule, now }: { schedule: Extract<MaintenanceWindow['schedule'], { kind: 'recurring' }>; now: number }) {
  const tz = schedule.timezone;
  const list = nextOccurrences(schedule, tz, now, 5);
  if (list.length === 0) return <p className="muted-text">The rule has no more occurrences.</p>;
  return (
    <ol className="mw-occurrences" aria-label={`Next occurrences (${tz})`}>
      {list.map((o) => (
        <li key={o.start}>
          {formatDayTimeIn(o.start, tz)} – {formatClockIn(o.end, tz)}
          {o.start <= now && o.end > now && <strong> (now)</strong>}
        </li>
      ))}
    </ol>
  );
}

/** Everything a window is: schedule, targets, scope, reason, ticket, creator, end settings. */
export function WindowDetails({ window: w, now }: { window: MaintenanceWindow; now: number }) {
  const s = w.schedule;
  return (
    <dl className="mw-facts">
      <div>
        <dt>Schedule</dt>
        <dd>
          {s.kind === 'once' ? (
            <>
              One-off, from {formatShortTime(s.start, now)} {s.end === null ? 'with no end (indefinite)' : `until ${formatShortTime(s.end, now)}`}
              <span className="muted-text"> (your time)</span>
            </>
          ) : (
            <>
              {describeRecurrence(s, s.timezone)}
              {s.current && (
                <span className="mw-facts__sub">
                  {s.current.start <= now ? 'This occurrence' : 'Next occurrence'}: {formatDayTimeIn(s.current.start, s.timezone)} –{' '}
                  {formatClockIn(s.current.end, s.timezone)}
                </span>
              )}
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>Targets</dt>
        <dd>
          <Targets targets={w.targets} />
        </dd>
      </div>
      <div>
        <dt>Scope</dt>
        <dd>
          <code className="mw-scope">{w.scope}</code>
        </dd>
      </div>
      <div>
        <dt>Reason</dt>
        <dd>{w.reason?.trim() ? w.reason : <span className="muted-text">No reason given</span>}</dd>
      </div>
      <div>
        <dt>Ticket</dt>
        <dd>
          {w.ticket ? (
            <a href={w.ticket} target="_blank" rel="noreferrer noopener">
              {w.ticket}
            </a>
          ) : (
            <span className="muted-text">None</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Created by</dt>
        <dd>
          {w.creator ? (w.creator.name ?? w.creator.handle ?? 'unknown') : <span className="muted-text">unknown</span>}
          {w.creator?.disabled && <span className="muted-text"> (disabled user)</span>}
          {w.createdAt !== null && <span className="muted-text"> · {formatShortTime(w.createdAt, now)}</span>}
          {!w.planned && <span className="muted-text"> · made outside watchdeck</span>}
        </dd>
      </div>
      <div>
        <dt>End settings</dt>
        <dd>{describeEndSettings(w.endSettings)}</dd>
      </div>
      <div>
        <dt>Timezone</dt>
        <dd>{w.displayTimezone}</dd>
      </div>
    </dl>
  );
}
