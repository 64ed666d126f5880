import { useEffect, useRef, useState, type FocusEvent } from 'react';
import { FieldLabel, FieldNotes } from './form-field';

interface SecretFieldProps {
  /** The password input's id (the label points at it); the hint and error ids derive from it. */
  id: string;
  label: string;
  /** What the BFF read back (`******7890`), or null when nothing is stored (a new integration). */
  mask: string | null;
  /** undefined: keep the stored secret (nothing is sent); a string: the new value. */
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  /** An optional secret that may be removed (it then goes in the update's `clear` list). */
  clearable?: boolean;
  cleared?: boolean;
  onClearChange?: (cleared: boolean) => void;
  error?: string | null;
  required?: boolean;
  help?: string;
  /** The label only for screen readers (a value in a row of inputs, under a visible legend). */
  hideLabel?: boolean;
  /** The id of an error shown outside the field (under a row of inputs): the field points at it and is marked invalid. */
  errorId?: string;
  /** Focus left the input (or the buttons beside it). */
  onBlur?: () => void;
}

type FocusTarget = 'input' | 'replace' | 'undo' | null;

/**
 * A write-only secret (Grafana's "configured" + Reset). With a mask, the stored
 * secret shows as its mask, read only, with Replace (and Remove when clearable);
 * Replace opens an empty password input and Keep current goes back to the stored
 * value. Without a mask, it is a plain password input. A mask never goes into an input.
 */
export function SecretField({
  id,
  label,
  mask,
  value,
  onChange,
  clearable = false,
  cleared = false,
  onClearChange,
  error,
  required = false,
  help,
  hideLabel = false,
  errorId: outsideErrorId,
  onBlur,
}: SecretFieldProps) {
  const [shown, setShown] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const replaceRef = useRef<HTMLButtonElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<FocusTarget>(null);

  const stored = mask !== null;
  const showInput = !stored || (value !== undefined && !cleared);

  // Replace, Keep current, Remove and Undo swap what is on screen: the focus follows to what replaced the button.
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    (target === 'input' ? inputRef : target === 'undo' ? undoRef : replaceRef).current?.focus();
  });

  const labelId = `${id}-label`;
  const helpId = `${id}-hint`;
  const currentId = `${id}-current`;
  const errorId = `${id}-error`;
  const invalid = Boolean(error) || outsideErrorId !== undefined;
  const describedBy =
    [help ? helpId : null, stored ? currentId : null, error ? errorId : null, outsideErrorId].filter(Boolean).join(' ') || undefined;

  const replacesNote = (
    <p className="field__hint" id={currentId}>
      Replaces the configured value <code>{mask}</code>.
    </p>
  );

  return (
    <div
      className="field secret-field"
      // With no input on screen, the group carries the label, the mask and the error.
      role={showInput ? undefined : 'group'}
      aria-labelledby={showInput ? undefined : labelId}
      aria-describedby={showInput ? undefined : describedBy}
      onBlur={(event: FocusEvent<HTMLDivElement>) => {
        // Moving between the input and its own buttons is not leaving the field.
        if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
        onBlur?.();
      }}
    >
      {showInput ? (
        <FieldLabel htmlFor={id} id={labelId} label={label} hidden={hideLabel} marker={stored ? null : required ? 'required' : 'optional'} />
      ) : (
        <span className={hideLabel ? 'visually-hidden' : 'field__label'} id={labelId}>
          {label}
        </span>
      )}
      <FieldNotes id={id} hint={help} />

      {showInput ? (
        <>
          {/* In a row of inputs (hideLabel) the note goes under the input, so the row's inputs stay in line. */}
          {stored && !hideLabel && replacesNote}
          <div className="secret-field__row">
            <input
              ref={inputRef}
              id={id}
              type={shown ? 'text' : 'password'}
              className="input input--mono secret-field__input"
              autoComplete="new-password"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              value={value ?? ''}
              onChange={(e) => onChange(e.target.value)}
              aria-required={required && !stored ? true : undefined}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
            />
            <button
              type="button"
              className="btn btn--sm"
              aria-controls={id}
              aria-label={`${shown ? 'Hide' : 'Show'} ${label}`}
              onClick={() => setShown((s) => !s)}
            >
              {shown ? 'Hide' : 'Show'}
            </button>
            {stored && (
              <button
                type="button"
                className="btn btn--sm"
                aria-label={`Keep current ${label}`}
                onClick={() => {
                  focusNext.current = 'replace';
                  setShown(false);
                  onChange(undefined);
                }}
              >
                Keep current
              </button>
            )}
          </div>
          {stored && hideLabel && replacesNote}
        </>
      ) : cleared ? (
        <div className="secret-field__row">
          <p className="secret-field__current secret-field__current--cleared" id={currentId}>
            Removed when you save (was <code>{mask}</code>).
          </p>
          <button
            ref={undoRef}
            type="button"
            className="btn btn--sm"
            aria-label={`Undo remove ${label}`}
            onClick={() => {
              focusNext.current = 'replace';
              onClearChange?.(false);
            }}
          >
            Undo
          </button>
        </div>
      ) : (
        <div className="secret-field__row">
          <p className="secret-field__current" id={currentId}>
            Configured: <code>{mask}</code>
          </p>
          <button
            ref={replaceRef}
            type="button"
            className="btn btn--sm"
            aria-label={`Replace ${label}`}
            onClick={() => {
              focusNext.current = 'input';
              onChange('');
            }}
          >
            Replace
          </button>
          {clearable && onClearChange && (
            <button
              type="button"
              className="btn btn--sm btn--danger-outline"
              aria-label={`Remove ${label}`}
              onClick={() => {
                focusNext.current = 'undo';
                onClearChange(true);
              }}
            >
              Remove
            </button>
          )}
        </div>
      )}

      <FieldNotes id={id} error={error} />
    </div>
  );
}
