import { useId, type Ref } from 'react';
import { parseScope } from '../../../contract/scope';

interface ScopeInputProps {
  value: string;
  onChange: (value: string) => void;
  label?: string;
  /** A server field error for `scope`, shown under the live parse error. */
  serverError?: string | null;
  inputRef?: Ref<HTMLInputElement>;
  disabled?: boolean;
}

/** A typed downtime scope, checked live with the contract's parser. */
export function ScopeInput({ value, onChange, label = 'Scope', serverError, inputRef, disabled }: ScopeInputProps) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const parsed = parseScope(value);
  const error = !parsed.ok ? parsed.error : serverError;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        className="input input--mono"
        value={value}
        spellCheck={false}
        autoComplete="off"
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${hintId}${error ? ` ${errorId}` : ''}`}
      />
      <p className="field__hint" id={hintId}>
        <code>*</code> for everything, or tags like <code>env:prod AND host:web-*</code>; <code>NOT</code> and{' '}
        <code>key:(a OR b)</code> work too.
      </p>
      {error && (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
