import { useId, type Ref } from 'react';
import { PASSWORD_MAX } from '../../../contract/auth';
import { passwordStrength } from '../utils/password-strength';

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
}

/** A new password, with a live strength hint (read out politely) and its error. */
export function PasswordField({ label, value, onChange, error, inputRef }: PasswordFieldProps) {
  const id = useId();
  const strength = passwordStrength(value);
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="password"
        className="input"
        autoComplete="new-password"
        maxLength={PASSWORD_MAX + 1}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-strength${error ? ` ${id}-error` : ''}`}
      />
      <p className={`field__hint strength strength--${strength.level}`} id={`${id}-strength`} aria-live="polite">
        {strength.text}
      </p>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
