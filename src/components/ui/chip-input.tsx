import { useId, useState, type ClipboardEvent, type KeyboardEvent, type Ref } from 'react';
import { fieldAria, FieldLabel, FieldNotes } from './form-field';

interface ChipInputProps {
  /** Id of the text input (the label points at it). */
  id?: string;
  label: string;
  value: readonly string[];
  onChange: (chips: string[]) => void;
  /** Why one chip's text is not acceptable, or null when it is. */
  validate?: (chip: string) => string | null;
  /** An error for the list as a whole (a schema or server error). */
  error?: string | null;
  hint?: string;
  placeholder?: string;
  /** Called when focus leaves the text input (after any typed text became a chip). */
  onBlur?: () => void;
  /** The text typed but not (yet) a chip: a form can refuse to send while it holds refused text. */
  onPendingChange?: (text: string) => void;
  /** Shown after the label: "(optional)". */
  optional?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** Splits pasted or typed text on commas and line breaks, dropping empty pieces. */
export function splitChips(text: string): string[] {
  return text
    .split(/[,\n\r]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A list of short values (tags) as chips. Type and press Enter or comma to add
 * one; Backspace in the empty box removes the last; each chip has its own
 * remove button. A paste of "a:b, c:d" adds both. Text that does not pass
 * `validate` stays in the box with its error, so nothing typed is lost.
 */
export function ChipInput({
  id,
  label,
  value,
  onChange,
  validate,
  error,
  hint,
  placeholder,
  onBlur,
  onPendingChange,
  optional = false,
  inputRef,
}: ChipInputProps) {
  const autoId = useId();
  const inputId = id ?? `${autoId}-input`;
  const [text, setTextState] = useState('');
  const setText = (next: string) => {
    setTextState(next);
    onPendingChange?.(next);
  };
  const [textError, setTextError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const shownError = textError ?? error ?? null;

  /** Adds the valid pieces; returns the pieces that were refused (with the first reason). */
  const add = (pieces: string[]): { rest: string[]; reason: string | null } => {
    const next = [...value];
    const rest: string[] = [];
    let reason: string | null = null;
    for (const piece of pieces) {
      const problem = validate?.(piece) ?? null;
      if (problem) {
        rest.push(piece);
        reason ??= problem;
        continue;
      }
      if (!next.includes(piece)) next.push(piece);
    }
    const added = next.slice(value.length);
    if (added.length > 0) {
      onChange(next);
      setAnnouncement(`Added ${added.join(', ')}`);
    }
    return { rest, reason };
  };

  const commit = (raw: string) => {
    const pieces = splitChips(raw);
    if (pieces.length === 0) {
      setText('');
      setTextError(null);
      return;
    }
    const { rest, reason } = add(pieces);
    setText(rest.join(', '));
    setTextError(reason);
  };

  const remove = (chip: string) => {
    onChange(value.filter((c) => c !== chip));
    setAnnouncement(`Removed ${chip}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit(text);
      return;
    }
    if (event.key === 'Backspace' && text === '' && value.length > 0) {
      event.preventDefault();
      remove(value[value.length - 1]!);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    if (!/[,\n\r]/.test(pasted)) return; // one value: let it land in the box as usual
    event.preventDefault();
    const input = event.currentTarget;
    const start = input.selectionStart ?? text.length;
    const end = input.selectionEnd ?? text.length;
    commit(text.slice(0, start) + pasted + text.slice(end));
  };

  return (
    <div className="field chip-input">
      <FieldLabel htmlFor={inputId} label={label} marker={optional ? 'optional' : null} />
      <div className={`chip-input__box${shownError ? ' is-invalid' : ''}`}>
        {value.length > 0 && (
          <ul className="chips chip-input__chips" aria-label={label}>
            {value.map((chip) => (
              <li key={chip} className="chip chip--active">
                <span>{chip}</span>
                <button type="button" className="chip__remove" aria-label={`Remove ${chip}`} onClick={() => remove(chip)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          ref={inputRef}
          id={inputId}
          className="chip-input__text"
          value={text}
          placeholder={value.length === 0 ? placeholder : undefined}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          {...fieldAria(inputId, { hint, error: shownError })}
          onChange={(e) => {
            setText(e.target.value);
            if (textError) setTextError(null);
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => {
            commit(text);
            onBlur?.();
          }}
        />
      </div>
      <FieldNotes id={inputId} hint={hint} error={shownError} />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
