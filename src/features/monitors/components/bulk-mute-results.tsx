import type { MonitorSummary } from '../../../contract/monitors';
import { toApiError } from '../../../lib/api-client';

export type BulkResult = { state: 'queued' } | { state: 'ok' } | { state: 'failed'; error: unknown };

interface BulkMuteResultsProps {
  monitors: MonitorSummary[];
  results: ReadonlyMap<number, BulkResult>;
}

/** One line per monitor: muted, failed (with the reason and code), or still queued. */
export function BulkMuteResults({ monitors, results }: BulkMuteResultsProps) {
  return (
    <ul className="results" aria-label="Results per monitor">
      {monitors.map((m) => {
        const r = results.get(m.id) ?? { state: 'queued' };
        if (r.state === 'failed') {
          const e = toApiError(r.error);
          return (
            <li key={m.id} className="results__item is-failed">
              <span className="results__mark" aria-hidden="true">
                ✕
              </span>
              <span className="results__name">{m.name}</span>
              <span className="results__text">
                Failed: {e.message} <code>{e.code}</code>
                {e.requestId && (
                  <>
                    {' '}
                    <span className="muted-text">request {e.requestId}</span>
                  </>
                )}
              </span>
            </li>
          );
        }
        return (
          <li key={m.id} className={`results__item is-${r.state}`}>
            <span className="results__mark" aria-hidden="true">
              {r.state === 'ok' ? '✓' : '…'}
            </span>
            <span className="results__name">{m.name}</span>
            <span className="results__text">{r.state === 'ok' ? 'Muted' : 'Waiting'}</span>
          </li>
        );
      })}
    </ul>
  );
}
