import { useId, useState } from 'react';
import { EXTEND_STEPS_MINUTES, extendedEnd, type MaintenanceWindow } from '../../../contract/maintenance';
import { InlineError } from '../../../components/errors/inline-error';
import { TextField } from '../../../components/ui/form-field';
import { formatShortTime } from '../../../lib/format-time';
import { useExtendWindow } from '../api/use-extend-window';
import type { MuteCap } from '../hooks/use-mute-cap';
import { currentEnd, currentStart } from '../utils/window-timing';

interface ExtendButtonsProps {
  window: MaintenanceWindow;
  now: number;
  cap: MuteCap;
  /** The steps offered, in minutes; the list offers only +30 m. */
  steps?: readonly number[];
  /** Names the window for screen readers in a list ("Extend DB failover"). */
  label?: string;
}

function stepLabel(minutes: number): string {
  return minutes < 60 ? `+${minutes} m` : `+${minutes / 60} h`;
}

/**
 * Extend by +30 m / +1 h / +4 h. Each button says the new end and the old one: it adds to the
 * current end, never to now. A step past the responder cap is explained (and, for an admin, asks why).
 */
export function ExtendButtons({ window: w, now, cap, steps = EXTEND_STEPS_MINUTES, label = 'Extend' }: ExtendButtonsProps) {
  const extend = useExtendWindow(w.id);
  const [overrideReason, setOverrideReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const overrideId = useId();
  const end = currentEnd(w);
  const start = currentStart(w);
  if (end === null) return null;

  const capMs = cap.maxMuteHours * 3_600_000;
  const overCap = (minutes: number) => start !== null && extendedEnd(end, minutes) - start > capMs;
  const anyOver = steps.some(overCap);
  const send = (minutes: number) => {
    setDone(null);
    const reason = overrideReason.trim();
    extend.mutate(
      { minutes, ...(overCap(minutes) && reason ? { overrideReason: reason } : {}) },
      { onSuccess: () => setDone(`Extended: it now ends ${formatShortTime(extendedEnd(end, minutes), now)}.`) },
    );
  };

  return (
    <div className="mw-extend">
      <div className="mw-actions" role="group" aria-label={label}>
        {steps.map((minutes) => {
          const blocked = overCap(minutes) && (!cap.admin || overrideReason.trim() === '');
          const detail = `new end ${formatShortTime(extendedEnd(end, minutes), now)}, was ${formatShortTime(end, now)}`;
          return (
            <button
              key={minutes}
              type="button"
              className="btn btn--sm"
              disabled={extend.isPending || blocked}
              onClick={() => send(minutes)}
              aria-label={`${stepLabel(minutes)}: ${detail}`}
            >
              {stepLabel(minutes)}
              <span className="mw-btn-detail">{detail}</span>
            </button>
          );
        })}
      </div>
      {anyOver && !cap.admin && (
        <p className="field__hint">Windows longer than {cap.maxMuteHours} hours need an admin, so the longer steps are off.</p>
      )}
      {anyOver && cap.admin && (
        <TextField
          id={overrideId}
          label={`Why go past ${cap.maxMuteHours} hours? (override reason)`}
          value={overrideReason}
          onChange={setOverrideReason}
          hint="Needed for the steps past the cap; kept in the audit record."
        />
      )}
      {extend.isPending && (
        <p className="muted-text" role="status">
          Extending…
        </p>
      )}
      {done && !extend.isPending && (
        <p className="mw-done" role="status">
          {done}
        </p>
      )}
      {extend.isError && <InlineError error={extend.error} prefix="Not extended" />}
    </div>
  );
}
