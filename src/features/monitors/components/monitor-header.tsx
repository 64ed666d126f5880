import type { ReactNode } from 'react';
import type { MonitorDetail } from '../../../contract/monitors';
import { StatusPill } from '../../../components/ui/status-pill';
import { TagChips } from '../../../components/ui/tag-chips';
import { pendingChange } from '../utils/optimistic';
import { MuteMarker } from './mute-marker';
import { priorityLabel } from './monitor-row';

interface MonitorHeaderProps {
  monitor: MonitorDetail;
  /** The Mute…/Unmute… buttons and any note about a failed change. */
  actions: ReactNode;
}

/** The monitor's state, name, facts, query, message and tags. */
export function MonitorHeader({ monitor: m, actions }: MonitorHeaderProps) {
  const creator = m.creator?.name || m.creator?.handle || m.creator?.email || 'unknown';
  return (
    <header className="detail-head">
      <div className="detail-head__title">
        <StatusPill status={m.overallState} />
        <h1>{m.name}</h1>
      </div>
      <dl className="facts">
        <div>
          <dt>Type</dt>
          <dd>{m.type}</dd>
        </div>
        <div>
          <dt>Priority</dt>
          <dd>{priorityLabel(m.priority)}</dd>
        </div>
        <div>
          <dt>Muted</dt>
          <dd>
            <MuteMarker mute={m.mute} pending={pendingChange(m)} />
          </dd>
        </div>
        <div>
          <dt>Created by</dt>
          <dd>{creator}</dd>
        </div>
        <div>
          <dt>Id</dt>
          <dd>{m.id}</dd>
        </div>
      </dl>
      <div className="detail-head__actions">{actions}</div>
      <div className="detail-head__body">
        <h2 className="section-title">Query</h2>
        <pre className="query">{m.query}</pre>
        {m.message && (
          <>
            <h2 className="section-title">Message</h2>
            <p className="message">{m.message}</p>
          </>
        )}
        {m.tags.length > 0 && (
          <>
            <h2 className="section-title">Tags</h2>
            <TagChips tags={m.tags} />
          </>
        )}
      </div>
    </header>
  );
}
