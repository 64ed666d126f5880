import type { MonitorSummary } from '../../../contract/monitors';
import { toApiError } from '../../../lib/api-client';

export type BulkResult =
  | { state: 'queued' }
  | { state: 'ok'; note?: string }
  | { state: 'skipped'; note: string }
  | { state: 'failed'; error: unknown };

interface BulkMuteResultsProps {
  monitors: MonitorSummary[];
  results: ReadonlyMap<number, BulkResult>;
  /** What a success reads as: "Muted" or "Unmuted". */
  okLabel?: string;
}

const MARKS = { ok: '✓', skipped: '–', queued: '…' } as const;

function resultText(r: Exclude<BulkResult, { state: 'failed' }>, okLabel: string): string {
  if (r.state === 'queued') return 'Waiting';
  if (r.state === 'skipped') return `Skipped: ${r.note}`;
  return r.note ? `${okLabel}: ${r.note}` : okLabel;
}

/** One line per monitor: done, skipped, failed (with the reason and code), or still queued. */
export function BulkMuteResults({ monitors, results, okLabel = 'Muted' }: BulkMuteResultsProps) {
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
              {MARKS[r.state]}
            </span>
            <span className="results__name">{m.name}</span>
            <span className="results__text">{resultText(r, okLabel)}</span>
          </li>
        );
      })}
    </ul>
  );
}
