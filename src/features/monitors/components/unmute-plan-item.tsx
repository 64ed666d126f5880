import type { UseQueryResult } from '@tanstack/react-query';
import type { MonitorDetail, MonitorSummary } from '../../../contract/monitors';
import { StatusPill } from '../../../components/ui/status-pill';
import { toApiError } from '../../../lib/api-client';
import { plural } from '../../../lib/format-time';
import type { UnmuteImpact } from '../utils/mute-preview';
import { groupLabel } from './groups-table';

interface UnmutePlanItemProps {
  monitor: MonitorSummary;
  detail: UseQueryResult<MonitorDetail>;
  /** What unmuting everything would do, once the detail is loaded. */
  impact: UnmuteImpact | null;
}

function ImpactText({ name, impact }: { name: string; impact: UnmuteImpact }) {
  const { unmuted, loud, keptByTags } = impact;
  return (
    <>
      {loud.length > 0 ? (
        <>
          <p className="unmute-plan__loud">{plural(loud.length, 'group')} not OK will notify at once:</p>
          <ul className="target-list" aria-label={`Groups of ${name} that will notify`}>
            {loud.map((g) => (
              <li key={g.name}>
                <StatusPill status={g.status} size="sm" /> <span className="mono">{groupLabel(g)}</span>
              </li>
            ))}
          </ul>
          {unmuted.length > loud.length && (
            <p className="muted-text">{plural(unmuted.length - loud.length, 'other group')} that are OK will be unmuted too.</p>
          )}
        </>
      ) : (
        <p className="muted-text">
          {unmuted.length > 0
            ? `${plural(unmuted.length, 'group')} unmuted, all OK: nothing should notify at once.`
            : 'No group is muted by its own downtimes right now.'}
        </p>
      )}
      {keptByTags > 0 && (
        <p className="muted-text">
          {plural(keptByTags, 'downtime')} {keptByTags === 1 ? 'targets' : 'target'} monitor tags and also{' '}
          {keptByTags === 1 ? 'mutes' : 'mute'} other monitors; {keptByTags === 1 ? 'it stays' : 'they stay'}.
        </p>
      )}
    </>
  );
}

/** One monitor of a bulk unmute: which of its groups would notify, or why that is not known. */
export function UnmutePlanItem({ monitor, detail, impact }: UnmutePlanItemProps) {
  return (
    <li className={`unmute-plan__item${impact && impact.loud.length > 0 ? ' is-loud' : ''}`}>
      <p className="unmute-plan__name">
        <StatusPill status={monitor.overallState} size="sm" /> <strong>{monitor.name}</strong>
      </p>
      {detail.isPending && <p className="muted-text">Checking its groups…</p>}
      {detail.isError && !impact && (
        <p className="field__error">
          Could not load its groups ({toApiError(detail.error).message}, <code>{toApiError(detail.error).code}</code>): groups
          that are not OK may notify at once.
        </p>
      )}
      {impact && <ImpactText name={monitor.name} impact={impact} />}
    </li>
  );
}
