import type { Ref } from 'react';
import { CHECK_MESSAGE_MAX } from '../../../contract/service-checks';
import { messageCountState } from '../utils/check-form';

interface MessageFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  error?: string;
  /** The status chosen is OK: Datadog will drop the message, so say so next to it. */
  okStatus: boolean;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

/**
 * The check's message, with a live "N / 500" count (a warning near Datadog's cut, an
 * error past it; nothing is cut here, the form refuses to send instead), and a note
 * when the status is OK, whose message Datadog drops.
 */
export function MessageField({ id, value, onChange, onBlur, error, okStatus, textareaRef }: MessageFieldProps) {
  const count = value.length;
  const state = messageCountState(count);
  const countId = `${id}-count`;
  const okId = `${id}-ok`;
  const errorId = `${id}-error`;
  const describedBy = [okStatus ? okId : null, countId, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        Message
        <span className="field__opt" aria-hidden="true">
          {' '}
          (optional)
        </span>
      </label>
      <textarea
        ref={textareaRef}
        id={id}
        className="input"
        rows={3}
        value={value}
        spellCheck
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      <div className="check-message__meta">
        {okStatus && (
          <p className="field__hint check-message__ok" id={okId}>
            Datadog drops the message of an OK check
          </p>
        )}
        <p className={`field__hint field__counter check-count is-${state}`} id={countId} aria-live="polite">
          <span>
            {count} / {CHECK_MESSAGE_MAX}
          </span>
          {state === 'near' && <span> · {CHECK_MESSAGE_MAX - count} left</span>}
          {state === 'over' && <span> · {count - CHECK_MESSAGE_MAX} too many</span>}
        </p>
      </div>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
