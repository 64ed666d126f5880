import type { GroupState } from '../../../contract/monitors';
import { formatDuration, formatFullTime, formatShortTime } from '../../../lib/format-time';
import { useNow } from '../../../lib/use-now';

/** "—", "in 43m (14:05)" or "indefinitely". */
export function MutedUntil({ group }: { group: Pick<GroupState, 'muted' | 'mutedUntil'> }) {
  const now = useNow(30_000);
  if (!group.muted) return <span className="muted-text">—</span>;
  if (group.mutedUntil === null) return <span>indefinitely</span>;
  return (
    <time dateTime={new Date(group.mutedUntil).toISOString()} title={formatFullTime(group.mutedUntil)}>
      {group.mutedUntil > now ? `in ${formatDuration(group.mutedUntil - now)}` : 'ending'} ({formatShortTime(group.mutedUntil, now)})
    </time>
  );
}
