import type { Downtime } from '../../../contract/monitors';
import { formatDuration, formatFullTime, formatShortTime } from '../../../lib/format-time';
import { useNow } from '../../../lib/use-now';

/** "43m left (ends 14:05)", "indefinitely", or "starts in 2h (14:05)". */
export function DowntimeTiming({ downtime: d }: { downtime: Downtime }) {
  const now = useNow(30_000);
  if (d.status === 'scheduled') {
    if (d.startAt === null) return <span>scheduled</span>;
    return (
      <span title={formatFullTime(d.startAt)}>
        starts in {formatDuration(d.startAt - now)} ({formatShortTime(d.startAt, now)})
      </span>
    );
  }
  if (d.endAt === null) return <span>indefinitely</span>;
  return (
    <span title={formatFullTime(d.endAt)}>
      {d.endAt > now ? `${formatDuration(d.endAt - now)} left` : 'ending'} (ends {formatShortTime(d.endAt, now)})
    </span>
  );
}
