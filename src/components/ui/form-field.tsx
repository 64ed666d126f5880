import type { ReactNode, Ref } from 'react';

/** The ids a field's hint and error use (`<id>-hint`, `<id>-error`), and the aria attributes that point at them. */
export function fieldAria(id: string, { hint, error, required }: { hint?: ReactNode; error?: ReactNode; required?: boolean }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return {
    'aria-required': required || undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
}

/** A field's hint and error lines, with the ids fieldAria points at. */
export function FieldNotes({ id, hint, error }: { id: string; hint?: ReactNode; error?: ReactNode }) {
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

interface FieldLabelProps {
  /** The control the label names. */
  htmlFor: string;
  id?: string;
  label: string;
  /** "(required)" or "(optional)" beside the label, for the eye; the control says aria-required. */
  marker?: 'required' | 'optional' | null;
  /** Only for screen readers (a row of inputs under one visible legend). */
  hidden?: boolean;
}

/**
 * A field's label, with its "(required)"/"(optional)" marker beside it and
 * outside it, so the control's accessible name is exactly the label.
 */
export function FieldLabel({ htmlFor, id, label, marker = null, hidden = false }: FieldLabelProps) {
  return (
    <div className={hidden ? 'visually-hidden' : 'field__label-row'}>
      <label className="field__label" id={id} htmlFor={htmlFor}>
        {label}
      </label>
      {marker && (
        <span className={marker === 'required' ? 'field__req' : 'field__opt'} aria-hidden="true">
          ({marker})
        </span>
      )}
    </div>
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
  /** Shows "(optional)" beside the label. */
  optional?: boolean;
  mono?: boolean;
  multiline?: boolean;
  rows?: number;
  readOnly?: boolean;
  placeholder?: string;
  maxLength?: number;
  type?: 'text' | 'url';
  inputMode?: 'text' | 'numeric' | 'url';
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
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
  optional = false,
  mono = false,
  multiline = false,
  rows = 6,
  readOnly = false,
  placeholder,
  maxLength,
  type = 'text',
  inputMode,
  inputRef,
  className,
}: TextFieldProps) {
  const common = {
    id,
    value,
    readOnly,
    placeholder,
    maxLength,
    spellCheck: false,
    autoComplete: 'off',
    onBlur,
    className: ['input', mono ? 'input--mono' : null, className].filter(Boolean).join(' '),
    ...fieldAria(id, { hint, error, required }),
  };
  return (
    <div className="field">
      <FieldLabel htmlFor={id} label={label} marker={readOnly ? null : required ? 'required' : optional ? 'optional' : null} />
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} ref={inputRef} type={type} inputMode={inputMode} autoCapitalize="none" onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
