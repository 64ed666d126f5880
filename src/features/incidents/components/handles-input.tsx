import { useId, useState } from 'react';
import { handleError } from '../utils/declare-form';

interface HandlesInputProps {
  value: string[];
  onChange: (handles: string[]) => void;
  /** A server or schema error for the list as a whole. */
  error?: string | null;
}

/** Notification handles (@slack-ops, @pagerduty-payments) as chips: type one, Enter or Add; × removes it. */
export function HandlesInput({ value, onChange, error }: HandlesInputProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | null>(null);
  const shown = draftError ?? error ?? null;

  const add = () => {
    const handle = draft.trim();
    if (!handle) return;
    const problem = handleError(handle);
    if (problem) {
      setDraftError(problem);
      return;
    }
    setDraftError(null);
    setDraft('');
    if (!value.includes(handle)) onChange([...value, handle]);
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        Notify <span className="field__opt">(optional)</span>
      </label>
      <div className="handles-input">
        <input
          id={id}
          className="input"
          data-field="notificationHandles"
          value={draft}
          placeholder="@slack-incidents"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={shown ? true : undefined}
          aria-describedby={`${id}-hint${shown ? ` ${id}-error` : ''}`}
          onChange={(e) => {
            setDraft(e.target.value);
            if (draftError) setDraftError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="btn btn--sm" onClick={add}>
          Add handle
        </button>
      </div>
      <p className="field__hint" id={`${id}-hint`}>
        Handles Datadog notifies, each starting with @. Enter adds one.
      </p>
      {value.length > 0 && (
        <ul className="chips" aria-label="Handles to notify">
          {value.map((h) => (
            <li key={h} className="chip chip--active">
              {h}
              <button type="button" className="chip__remove" aria-label={`Remove ${h}`} onClick={() => onChange(value.filter((x) => x !== h))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {shown && (
        <p className="field__error" id={`${id}-error`}>
          {shown}
        </p>
      )}
    </div>
  );
}
