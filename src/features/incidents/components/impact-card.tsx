import { useId } from 'react';
import type { IncidentSummary } from '../../../contract/incidents';
import { RelativeTime } from '../../../components/ui/relative-time';

/** Whether customers are affected, how, since when and until when; responders edit it. */
export function ImpactCard({ incident: i, onEdit }: { incident: IncidentSummary; onEdit?: () => void }) {
  const titleId = useId();
  return (
    <section className="card card--padded impact" aria-labelledby={titleId}>
      <h2 id={titleId}>Customer impact</h2>
      {i.customerImpacted ? (
        <dl className="impact__facts">
          <div>
            <dt>Scope</dt>
            <dd className="impact__scope">{i.customerImpactScope ?? <span className="muted-text">Not described</span>}</dd>
          </div>
          <div>
            <dt>Began</dt>
            <dd>
              <RelativeTime at={i.customerImpactStart} empty="Not recorded" />
            </dd>
          </div>
          <div>
            <dt>Ended</dt>
            <dd>{i.customerImpactEnd === null ? <strong>Ongoing</strong> : <RelativeTime at={i.customerImpactEnd} />}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted-text">No customer impact recorded.</p>
      )}
      {onEdit && (
        <button type="button" className="btn btn--sm" onClick={onEdit}>
          Edit customer impact…
        </button>
      )}
    </section>
  );
}
