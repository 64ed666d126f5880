import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import type { Downtime } from '../../../contract/monitors';
import { downtimeAnchorId } from '../../../config/paths';
import { RelativeTime } from '../../../components/ui/relative-time';
import { isPendingDowntime, targetsMonitorTags } from '../utils/optimistic';
import { DowntimeTiming } from './downtime-timing';

interface DowntimesSectionProps {
  downtimes: Downtime[];
  /** Absent for users who may not cancel downtimes: no Cancel buttons then. */
  onCancel?: (downtime: Downtime) => void;
}

function personName(d: Downtime): string {
  return d.creator?.name || d.creator?.handle || 'unknown';
}

/** The downtime id a `#downtime-<id>` in the URL points at (a link from the notification log), or null. */
function targetedDowntime(hash: string): string | null {
  let anchor: string;
  try {
    anchor = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return null;
  }
  const prefix = downtimeAnchorId('');
  return anchor.startsWith(prefix) && anchor.length > prefix.length ? anchor.slice(prefix.length) : null;
}

/**
 * Active and scheduled downtimes that apply to this monitor, each with a Cancel button for those who may cancel.
 * Each has the id `downtime-<id>`; a link to it (`#downtime-<id>`) scrolls to it, focuses and highlights it,
 * or says that it no longer applies.
 */
export function DowntimesSection({ downtimes, onCancel }: DowntimesSectionProps) {
  const shown = downtimes
    .filter((d) => d.status === 'active' || d.status === 'scheduled')
    .sort((a, b) => (a.status === b.status ? (a.startAt ?? 0) - (b.startAt ?? 0) : a.status === 'active' ? -1 : 1));
  const targeted = targetedDowntime(useLocation().hash);
  const found = targeted !== null && shown.some((d) => d.id === targeted);
  const targetRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!found) return;
    targetRef.current?.scrollIntoView({ block: 'center' });
    targetRef.current?.focus({ preventScroll: true });
  }, [targeted, found]);
  return (
    <section className="card" aria-labelledby="downtimes-title">
      <div className="card__head">
        <h2 id="downtimes-title">
          Downtimes <span className="muted-text">({shown.length})</span>
        </h2>
      </div>
      {targeted !== null && !found && (
        <p className="notice downtime-gone" role="status">
          Downtime <code>{targeted.slice(0, 8)}</code> no longer applies to this monitor: it ended or was canceled.
        </p>
      )}
      {shown.length === 0 ? (
        <p className="card__empty">No active or scheduled downtime applies to this monitor.</p>
      ) : (
        <ul className="downtimes">
          {shown.map((d) => {
            const pending = isPendingDowntime(d);
            return (
              <li
                key={d.id}
                id={downtimeAnchorId(d.id)}
                ref={d.id === targeted ? targetRef : undefined}
                tabIndex={d.id === targeted ? -1 : undefined}
                className={`downtime${d.id === targeted ? ' is-targeted' : ''}`}
              >
                <div className="downtime__main">
                  <p className="downtime__scope">
                    <span className={`chip chip--status is-${d.status}`}>{d.status}</span>
                    <code>{d.scope}</code>
                    {pending && <span className="pending-chip">mute pending</span>}
                  </p>
                  {d.message && <p className="downtime__message">{d.message}</p>}
                  {targetsMonitorTags(d) && (
                    <p className="notice notice--warn downtime__tags">
                      Targets monitor tags: also mutes other monitors tagged <code>{d.monitorTags!.join(', ')}</code>.
                    </p>
                  )}
                  <p className="downtime__meta">
                    <span>By {personName(d)}</span>
                    {d.status === 'active' && (
                      <span>
                        Started <RelativeTime at={d.startAt} empty="—" />
                      </span>
                    )}
                    <span>
                      <DowntimeTiming downtime={d} />
                    </span>
                  </p>
                </div>
                {!pending && onCancel && (
                  <button type="button" className="btn btn--sm" onClick={() => onCancel(d)} aria-label={`Cancel downtime ${d.scope}`}>
                    Cancel…
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
