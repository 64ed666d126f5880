import type { Ref } from 'react';
import { CHECK_STATUSES, type CheckStatus } from '../../../contract/service-checks';
import { checkStatusStyle } from '../utils/check-grid';
import { statusLabel } from '../utils/check-form';

interface StatusFieldProps {
  id: string;
  value: CheckStatus | null;
  onChange: (status: CheckStatus) => void;
  onBlur: () => void;
  error?: string;
  /** The first radio, to focus when the status is missing. */
  firstRef?: Ref<HTMLInputElement>;
}

/** OK, WARNING, CRITICAL or UNKNOWN (0–3 on the wire), each with its colour, shape and name. */
export function StatusField({ id, value, onChange, onBlur, error, firstRef }: StatusFieldProps) {
  const errorId = `${id}-error`;
  return (
    <fieldset className="field" aria-describedby={error ? errorId : undefined}>
      <legend className="field__label">Status</legend>
      <div className="segmented check-status">
        {CHECK_STATUSES.map((status, i) => {
          const style = checkStatusStyle(status);
          return (
            <label key={status} className={`segmented__option check-status__option ${style.cls}${value === status ? ' is-checked' : ''}`}>
              <input
                ref={i === 0 ? firstRef : undefined}
                type="radio"
                name={`${id}-status`}
                value={status}
                checked={value === status}
                onChange={() => onChange(status)}
                onBlur={onBlur}
              />
              <span className="check-status__icon" aria-hidden="true">
                {style.icon}
              </span>
              {statusLabel(status)}
            </label>
          );
        })}
      </div>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
