import type { MuteSummary } from '../../../contract/monitors';
import { formatDuration, formatFullTime, plural } from '../../../lib/format-time';
import { useNow } from '../../../lib/use-now';
import type { PendingChange } from '../utils/optimistic';

interface MuteMarkerProps {
  mute: MuteSummary;
  pending?: PendingChange | null;
}

/** "Muted · 2h 13m left", "Muted indefinitely", "3 groups muted"; nothing when not muted. */
export function muteText(mute: MuteSummary, now: number): string | null {
  if (mute.state === 'all') {
    if (mute.endsAt === null) return 'Muted indefinitely';
    return mute.endsAt > now ? `Muted · ${formatDuration(mute.endsAt - now)} left` : 'Muted · ending';
  }
  if (mute.state === 'partial' || mute.mutedGroups > 0) {
    return mute.mutedGroups > 0 ? `${plural(mute.mutedGroups, 'group')} muted` : 'Partly muted';
  }
  return null;
}

export function MuteMarker({ mute, pending }: MuteMarkerProps) {
  const now = useNow(30_000);
  const text = muteText(mute, now);
  const title =
    mute.endsAt !== null && text
      ? `${mute.state === 'all' ? 'Ends' : 'Soonest end'} ${formatFullTime(mute.endsAt)}`
      : undefined;
  if (!text && !pending) return <span className="muted-text">—</span>;
  return (
    <span className="mute-marker" title={title}>
      {text}
      {!text && pending === 'unmute' && 'Unmuted'}
      {pending && (
        <span className="pending-chip" title="Sent; waiting for the next refresh to confirm">
          {pending === 'mute' ? 'mute pending' : 'unmute pending'}
        </span>
      )}
    </span>
  );
}
