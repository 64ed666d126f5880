import { useId } from 'react';
import { REASON_MAX } from '../../../contract/monitors';

interface ReasonFieldProps {
  value: string;
  onChange: (value: string) => void;
  required: boolean;
  error?: string | null;
}

export function ReasonField({ value, onChange, required, error }: ReasonFieldProps) {
  const id = useId();
  const errorId = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        Reason {required ? <span className="field__req">(required)</span> : <span className="field__opt">(optional)</span>}
      </label>
      <textarea
        id={id}
        className="input"
        rows={2}
        maxLength={REASON_MAX}
        value={value}
        placeholder="e.g. DB failover, CHG-1234"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
