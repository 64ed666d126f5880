import { useId } from 'react';
import { END_PRESETS, type EndChoice, type EndMode } from '../utils/mute-end';

interface EndFieldProps {
  value: EndChoice;
  onChange: (value: EndChoice) => void;
  /** Error for the "until" time, or a server field error for `end`. */
  error?: string | null;
  /** The earliest datetime-local value the "until" input offers. */
  minUntil?: string;
}

const MODES: { mode: EndMode; label: string }[] = [
  ...END_PRESETS.map((p) => ({ mode: p.id, label: p.label })),
  { mode: 'until', label: 'Until…' },
  { mode: 'indefinite', label: 'Indefinitely' },
];

/** How long a mute lasts: 1 h, 4 h, 1 d, until a local date-time, or indefinitely. */
export function EndField({ value, onChange, error, minUntil }: EndFieldProps) {
  const name = useId();
  const untilId = useId();
  const errorId = useId();
  return (
    <fieldset className="field">
      <legend className="field__label">Ends</legend>
      <div className="segmented">
        {MODES.map((m) => (
          <label key={m.mode} className={`segmented__option${value.mode === m.mode ? ' is-checked' : ''}`}>
            <input
              type="radio"
              name={name}
              value={m.mode}
              checked={value.mode === m.mode}
              onChange={() => onChange({ ...value, mode: m.mode })}
            />
            {m.label}
          </label>
        ))}
      </div>
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
