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

/**
 * How often the "time left" markers refresh. Every marker reads the same shared clock (useNow keeps
 * one interval per tick length), so a list of thousands of muted monitors has one timer, not one each.
 */
export const MUTE_CLOCK_MS = 30_000;

/** Only a whole-monitor mute with an end counts down; no other marker depends on the time. */
export function hasCountdown(mute: MuteSummary): boolean {
  return mute.state === 'all' && mute.endsAt !== null;
}

/**
 * The marker. Only markers with a countdown subscribe to the clock, so its tick re-renders those
 * few rows and leaves every other row alone.
 */
export function MuteMarker(props: MuteMarkerProps) {
  return hasCountdown(props.mute) ? <CountdownMarker {...props} /> : <MarkerBody {...props} now={null} />;
}

function CountdownMarker(props: MuteMarkerProps) {
  const now = useNow(MUTE_CLOCK_MS);
  return <MarkerBody {...props} now={now} />;
}

/** `now` is null when nothing shown depends on it (see hasCountdown). */
function MarkerBody({ mute, pending, now }: MuteMarkerProps & { now: number | null }) {
  const text = muteText(mute, now ?? 0);
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
