import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import type { CheckResult } from '../../../contract/service-checks';
import { InlineError } from '../../../components/errors/inline-error';
import { formatAgo, formatFullTime } from '../../../lib/format-time';
import { useNow } from '../../../lib/use-now';
import { SERVICE_CHECKS_REFRESH_MS, serviceCheckQueries } from '../api/service-check-queries';
import { statusLabel } from '../utils/check-form';
import { buildCheckGrid, checkStatusStyle, type CheckGrid } from '../utils/check-grid';
import { CheckCell } from './check-cell';

const SOURCE_NOTES: Record<string, string> = {
  watchdeck: 'Only results submitted through watchdeck: Datadog cannot list service check runs',
  local: 'Every result the local Datadog received, from watchdeck or from anywhere else.',
};

function StatusText({ status }: { status: number }) {
  const style = checkStatusStyle(status);
  return (
    <span className={`pill pill--sm ${style.cls}`}>
      <span className="pill__icon" aria-hidden="true">
        {style.icon}
      </span>
      <span className="pill__text">{statusLabel(status)}</span>
    </span>
  );
}

/** Rows are checks, columns are hosts; each cell the latest status there. */
function ResultsGrid({ grid, now }: { grid: CheckGrid; now: number }) {
  return (
    // No scroller around the grid: it would clip the tooltips (a wide grid becomes the list instead).
    <table className="table check-grid" aria-label="Latest status by check and host">
      <thead>
        <tr>
          <th scope="col">Check</th>
          {grid.hosts.map((host) => (
            <th key={host} scope="col" className="check-grid__host">
              {host}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.checks.map((check) => (
          <tr key={check}>
            <th scope="row">
              <code>{check}</code>
            </th>
            {grid.hosts.map((host) => {
              const result = grid.cell(check, host);
              return (
                <td key={host} className="check-grid__cell">
                  {result ? (
                    <CheckCell result={result} now={now} />
                  ) : (
                    <span className="muted-text">
                      <span aria-hidden="true">—</span>
                      <span className="visually-hidden">No result</span>
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Many hosts: one row per check and host, the message in its own column. */
function ResultsList({ results, now }: { results: CheckResult[]; now: number }) {
  return (
    <div className="table-scroll">
      <table className="table check-list" aria-label="Latest result per check and host">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Check</th>
            <th scope="col">Host</th>
            <th scope="col">When</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={`${r.check}\u0000${r.host}`}>
              <td>
                <StatusText status={r.status} />
              </td>
              <th scope="row">
                <code>{r.check}</code>
              </th>
              <td>
                <code>{r.host}</code>
              </td>
              <td>
                <time dateTime={new Date(r.at).toISOString()} title={formatFullTime(r.at)}>
                  {formatAgo(r.at, now)}
                </time>
              </td>
              <td className="check-list__message">{r.message ?? <span className="muted-text">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The latest status per check and host: a small grid (a list when there are many hosts), refreshed every 10 s and after a submit. */
export function RecentResults() {
  const titleId = useId();
  const { data, error, isRefetchError, isFetching } = useSuspenseQuery(serviceCheckQueries.recent());
  const now = useNow(5_000);
  const grid = useMemo(() => buildCheckGrid(data.results), [data.results]);
  const note = SOURCE_NOTES[data.source];
  return (
    <section className="card check-results" aria-labelledby={titleId}>
      <div className="card__head">
        <h2 id={titleId}>Recent results</h2>
        <span className="muted-text check-results__refresh">
          {isFetching ? 'Refreshing…' : `Refreshes every ${Math.round(SERVICE_CHECKS_REFRESH_MS / 1000)} s`}
        </span>
      </div>
      {note && (
        <p className="check-results__source muted-text">{note}</p>
      )}
      {isRefetchError && (
        <div className="check-results__error">
          <InlineError error={error} prefix="Refresh failed; showing the results loaded before" />
        </div>
      )}
      {grid.latest.length === 0 ? (
        <p className="card__empty">No service check results yet.</p>
      ) : grid.compact ? (
        <ResultsList results={grid.latest} now={now} />
      ) : (
        <ResultsGrid grid={grid} now={now} />
      )}
    </section>
  );
}
