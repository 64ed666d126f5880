import { useMutationState } from '@tanstack/react-query';
import { useState } from 'react';
import { InlineError } from '../../../components/errors/inline-error';
import { monitorMutationKeys } from '../api/monitor-queries';

/**
 * The last mute/unmute of this monitor that failed after its dialog was
 * closed, shown beside the buttons (the optimistic change was rolled back).
 */
export function ChangeErrorNote({ monitorId }: { monitorId: number }) {
  const [dismissedAt, setDismissedAt] = useState(0);
  const latest = useMutationState({
    filters: { mutationKey: monitorMutationKeys.all(), predicate: (m) => m.options.mutationKey?.at(-1) === monitorId },
    select: (m) => ({ status: m.state.status, error: m.state.error, at: m.state.submittedAt, kind: String(m.options.mutationKey?.at(-2)) }),
  })
    .filter((m) => m.status !== 'idle')
    .sort((a, b) => b.at - a.at)[0];
  if (!latest || latest.status !== 'error' || latest.at <= dismissedAt) return null;
  const what = latest.kind === 'mute' ? 'Mute' : latest.kind === 'unmute' ? 'Unmute' : 'Cancel';
  return (
    <div className="change-error">
      <InlineError error={latest.error} prefix={`${what} failed, nothing was changed`} />
      <button type="button" className="btn btn--ghost btn--sm" onClick={() => setDismissedAt(latest.at)}>
        Dismiss
      </button>
    </div>
  );
}
