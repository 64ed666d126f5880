import { formatFullTime, formatRelative } from '../../lib/format-time';
import { useNow } from '../../lib/use-now';

interface RelativeTimeProps {
  at: number | null;
  /** Shown when `at` is null. */
  empty?: string;
}

/** "3 min ago" / "in 43m", with the absolute local time in the title and a <time> element. */
export function RelativeTime({ at, empty = '—' }: RelativeTimeProps) {
  const now = useNow(15_000);
  if (at === null) return <span className="muted-text">{empty}</span>;
  return (
    <time dateTime={new Date(at).toISOString()} title={formatFullTime(at)}>
      {formatRelative(at, now)}
    </time>
  );
}
