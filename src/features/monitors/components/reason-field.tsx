import { useId } from 'react';
import { REASON_MAX } from '../../../contract/monitors';

interface ReasonFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  /** Take the focus when the dialog opens (the `m` shortcut: everything else is preset). */
  autoFocus?: boolean;
}

/** Why this mute: required (1–1000 characters), with a counter. It goes upstream as "by <user> via watchdeck: <reason>". */
export function ReasonField({ value, onChange, error, autoFocus = false }: ReasonFieldProps) {
  const id = useId();
  const errorId = useId();
  const counterId = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        Reason <span className="field__req">(required)</span>
      </label>
      <textarea
        id={id}
        className="input"
        rows={2}
        maxLength={REASON_MAX}
        value={value}
        placeholder="e.g. DB failover, CHG-1234"
        required
        data-autofocus={autoFocus || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${errorId} ${counterId}` : counterId}
        onChange={(e) => onChange(e.target.value)}
      />
      <p className="field__hint field__counter" id={counterId}>
        {value.length} / {REASON_MAX} characters
      </p>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
