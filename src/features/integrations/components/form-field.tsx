import type { ReactNode, Ref } from 'react';

/** The ids a field's hint and error use, and the aria attributes that point at them. */
export function fieldAria(id: string, { hint, error }: { hint?: ReactNode; error?: string | null }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
}

/** A field's hint and error lines, with the ids fieldAria points at. */
export function FieldNotes({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | null }) {
  return (
    <>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | null;
  hint?: ReactNode;
  required?: boolean;
  mono?: boolean;
  multiline?: boolean;
  rows?: number;
  readOnly?: boolean;
  placeholder?: string;
  maxLength?: number;
  type?: 'text' | 'url';
  inputMode?: 'text' | 'numeric' | 'url';
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A labelled text input (or textarea): its accessible name is exactly `label`
 * (the "required" marker is for the eye; the input says aria-required), its
 * hint and error are its description, and aria-invalid marks an error.
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  onBlur,
  error,
  hint,
  required = false,
  mono = false,
  multiline = false,
  rows = 6,
  readOnly = false,
  placeholder,
  maxLength,
  type = 'text',
  inputMode,
  inputRef,
}: TextFieldProps) {
  const common = {
    id,
    value,
    readOnly,
    placeholder,
    maxLength,
    spellCheck: false,
    autoComplete: 'off',
    'aria-required': required || undefined,
    onBlur,
    ...fieldAria(id, { hint, error }),
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
        {required && (
          <span className="field__req" aria-hidden="true">
            {' '}
            (required)
          </span>
        )}
      </label>
      {multiline ? (
        <textarea {...common} className={`input${mono ? ' input--mono' : ''}`} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          ref={inputRef}
          type={type}
          inputMode={inputMode}
          autoCapitalize="none"
          className={`input${mono ? ' input--mono' : ''}`}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
