import type { CleanupResponse, MaintenanceWindow } from '../../../../contract/maintenance';
import { windowTitle } from '../../calendar/utils/entry-labels';
import { outcomeOf, outcomeSummary } from '../utils/cleanup-outcome';

/** One line per window: canceled, or failed with the reason. */
export function CleanupResults({ windows, result }: { windows: readonly MaintenanceWindow[]; result: CleanupResponse }) {
  const outcomes = windows.map((w) => ({ window: w, outcome: outcomeOf(result, w.id) }));
  const canceled = outcomes.filter((o) => o.outcome.state === 'canceled').length;
  const failed = outcomes.length - canceled;
  return (
    <div className="bulk-run">
      <p className={`bulk-run__summary${failed > 0 ? ' has-failures' : ''}`} role="status">
        {outcomeSummary(canceled, failed)}
      </p>
      <ul className="results" aria-label="Results per window">
        {outcomes.map(({ window: w, outcome }) => (
          <li key={w.id} className={`results__item ${outcome.state === 'canceled' ? 'is-ok' : 'is-failed'}`}>
            <span className="results__mark" aria-hidden="true">
              {outcome.state === 'canceled' ? '✓' : '✕'}
            </span>
            <span className="results__name">{windowTitle(w)}</span>
            <span className="results__text">
              {outcome.state === 'canceled' && 'Canceled'}
              {outcome.state === 'failed' && `Failed: ${outcome.error}`}
              {outcome.state === 'unknown' && 'Not confirmed: the server did not report on this window. Check it before trying again.'}
            </span>
          </li>
        ))}
      </ul>
      {failed > 0 && <p className="muted-text">Failed windows stay selected in the report, so you can try them again.</p>}
    </div>
  );
}
