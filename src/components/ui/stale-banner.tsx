import { isApiError } from '../../lib/api-client';
import { formatAgo, formatClock } from '../../lib/format-time';
import { useNow } from '../../lib/use-now';

interface StaleBannerProps {
  /** When the data on screen was fetched from Datadog. */
  fetchedAt: number;
  /** The last refresh failure, if the refresh failed (rather than the BFF answering stale data). */
  error: unknown;
  refreshIntervalMs: number;
}

function cause(error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'network') return "Can't reach the watchdeck server";
    if (error.code === 'rate_limited') return 'Datadog is rate-limiting requests';
    if (error.code === 'upstream_auth') return 'Datadog rejected watchdeck’s API key';
    if (error.status === 404) return 'This no longer exists in Datadog';
  }
  return "Can't reach Datadog";
}

/** Shown when a refresh failed or the BFF served its last good copy: the data stays on screen, with its age. */
export function StaleBanner({ fetchedAt, error, refreshIntervalMs }: StaleBannerProps) {
  const now = useNow(1000);
  const every = Math.round(refreshIntervalMs / 1000);
  return (
    <div className="banner banner--stale" role="status">
      <span className="banner__icon" aria-hidden="true">
        ⚠
      </span>
      <p>
        <strong>{cause(error)}</strong> — showing data from {formatClock(fetchedAt)} ({formatAgo(fetchedAt, now)}).
        Retrying every {every} s.
        {isApiError(error) && (
          <span className="banner__meta">
            {' '}
            <code>{error.code}</code>
            {error.requestId && (
              <>
                {' · request '}
                <code>{error.requestId}</code>
              </>
            )}
          </span>
        )}
      </p>
    </div>
  );
}
