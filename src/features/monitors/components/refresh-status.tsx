import { formatAgo, formatFullTime } from '../../../lib/format-time';
import { useNow } from '../../../lib/use-now';

interface RefreshStatusProps {
  fetchedAt: number;
  isFetching: boolean;
  onRefresh: () => void;
  refreshIntervalMs: number;
}

/** "Updated 12 s ago", ticking, and a manual Refresh button. */
export function RefreshStatus({ fetchedAt, isFetching, onRefresh, refreshIntervalMs }: RefreshStatusProps) {
  const now = useNow(1000);
  return (
    <div className="refresh">
      <span className="refresh__age" title={`Data from ${formatFullTime(fetchedAt)}; refreshes every ${Math.round(refreshIntervalMs / 1000)} s`}>
        {isFetching ? 'Refreshing…' : `Updated ${formatAgo(fetchedAt, now)}`}
      </span>
      <button type="button" className="btn btn--sm" onClick={onRefresh} disabled={isFetching}>
        Refresh
      </button>
    </div>
  );
}
