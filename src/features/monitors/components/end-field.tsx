import { useId } from 'react';
import { ADMIN_LIMITS, END_PRESETS, INDEFINITE_ADMIN_ONLY, presetAllowed, type EndChoice, type EndMode, type MuteLimits } from '../utils/mute-end';

interface EndFieldProps {
  value: EndChoice;
  onChange: (value: EndChoice) => void;
  /** Error for the "until" time, or a server field error for `end`. */
  error?: string | null;
  /** The earliest datetime-local value the "until" input offers. */
  minUntil?: string;
  /** What this user may choose; options beyond it are disabled and explained. */
  limits?: MuteLimits;
}

const MODES: { mode: EndMode; label: string; ms?: number }[] = [
  ...END_PRESETS.map((p) => ({ mode: p.id, label: p.label, ms: p.ms })),
  { mode: 'until', label: 'Until…' },
  { mode: 'indefinite', label: 'Indefinitely' },
];

/** How long a mute lasts: 1 h, 4 h, 1 d, until a local date-time, or indefinitely (admins only). */
export function EndField({ value, onChange, error, minUntil, limits = ADMIN_LIMITS }: EndFieldProps) {
  const name = useId();
  const untilId = useId();
  const errorId = useId();
  const limitHintId = useId();
  const capped = limits.maxMs !== null;
  const allowed = (m: (typeof MODES)[number]) =>
    m.mode === 'indefinite' ? limits.indefinite : m.ms === undefined || presetAllowed(m.ms, limits);
  return (
    <fieldset className="field">
      <legend className="field__label">Ends</legend>
      <div className="segmented">
        {MODES.map((m) => {
          const enabled = allowed(m);
          return (
            <label
              key={m.mode}
              className={`segmented__option${value.mode === m.mode ? ' is-checked' : ''}${enabled ? '' : ' is-disabled'}`}
            >
              <input
                type="radio"
                name={name}
                value={m.mode}
                checked={value.mode === m.mode}
                disabled={!enabled}
                aria-describedby={enabled ? undefined : limitHintId}
                onChange={() => onChange({ ...value, mode: m.mode })}
              />
              {m.label}
            </label>
          );
        })}
      </div>
      {capped && (
        <p className="field__hint" id={limitHintId}>
          <span>{INDEFINITE_ADMIN_ONLY}</span>. You can mute for up to {limits.maxHours} h.
        </p>
      )}
      {value.mode === 'until' && (
        <div className="field__sub">
          <label htmlFor={untilId}>End date and time (your local time)</label>
          <input
            id={untilId}
            type="datetime-local"
            className="input"
            value={value.until}
            min={minUntil}
            onChange={(e) => onChange({ ...value, until: e.target.value })}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
        </div>
      )}
      {value.mode === 'indefinite' && (
        <p className="field__hint">
          An indefinite mute never ends by itself and is easy to forget, so a reason is required: it tells the next on-call
          why this monitor is silent.
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
