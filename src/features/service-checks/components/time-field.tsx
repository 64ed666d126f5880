import type { Ref } from 'react';
import { useNow } from '../../../lib/use-now';
import { timestampBounds } from '../utils/check-form';

interface TimeFieldProps {
  id: string;
  when: 'now' | 'at';
  at: string;
  onChange: (change: { when: 'now' | 'at'; at: string }) => void;
  onBlur: () => void;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * When the result happened: now (the default), or a local date and time from
 * the last 10 minutes (Datadog refuses older results, and future ones). The
 * picker's min and max follow the clock; a value outside is refused on submit.
 */
export function TimeField({ id, when, at, onChange, onBlur, error, inputRef }: TimeFieldProps) {
  const now = useNow(15_000);
  const { min, max } = timestampBounds(now);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <fieldset className="field" aria-describedby={error ? errorId : undefined}>
      <legend className="field__label">Time</legend>
      <div className="segmented">
        <label className={`segmented__option${when === 'now' ? ' is-checked' : ''}`}>
          <input type="radio" name={`${id}-when`} value="now" checked={when === 'now'} onChange={() => onChange({ when: 'now', at })} />
          Now
        </label>
        <label className={`segmented__option${when === 'at' ? ' is-checked' : ''}`}>
          <input
            type="radio"
            name={`${id}-when`}
            value="at"
            checked={when === 'at'}
            onChange={() => onChange({ when: 'at', at: at || max })}
          />
          Earlier…
        </label>
      </div>
      {when === 'at' && (
        <div className="field__sub">
          <label htmlFor={`${id}-at`}>Time of the result (your local time)</label>
          <input
            ref={inputRef}
            id={`${id}-at`}
            type="datetime-local"
            className="input check-time__input"
            value={at}
            min={min}
            max={max}
            aria-invalid={error ? true : undefined}
            aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}
            onChange={(e) => onChange({ when: 'at', at: e.target.value })}
            onBlur={onBlur}
          />
          <p className="field__hint" id={hintId}>
            Datadog accepts results from the last 10 minutes, and none from the future.
          </p>
        </div>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
