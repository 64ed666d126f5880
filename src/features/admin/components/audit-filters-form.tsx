import { useId, useState, type FormEvent } from 'react';
import {
  AUDIT_OUTCOMES,
  EMPTY_AUDIT_FILTERS,
  hasAuditFilters,
  parseUtcInput,
  toUtcInput,
  type AuditFilters,
} from '../utils/audit-filters';

interface AuditFiltersFormProps {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

/** Actor, action, target, outcome and a UTC time range; applied together (Enter or "Apply filters"). */
export function AuditFiltersForm({ filters, onApply }: AuditFiltersFormProps) {
  const id = useId();
  const [actor, setActor] = useState(filters.actor);
  const [action, setAction] = useState(filters.action);
  const [target, setTarget] = useState(filters.target);
  const [outcome, setOutcome] = useState(filters.outcome);
  const [from, setFrom] = useState(filters.from === null ? '' : toUtcInput(filters.from));
  const [to, setTo] = useState(filters.to === null ? '' : toUtcInput(filters.to));
  const [rangeError, setRangeError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fromAt = parseUtcInput(from);
    const toAt = parseUtcInput(to);
    if ((from && fromAt === null) || (to && toAt === null)) {
      setRangeError('Enter a valid date and time');
      return;
    }
    if (fromAt !== null && toAt !== null && fromAt > toAt) {
      setRangeError('"From" must be before "To"');
      return;
    }
    setRangeError(null);
    onApply({ actor: actor.trim(), action: action.trim(), target: target.trim(), outcome, from: fromAt, to: toAt });
  };

  const text = (label: string, value: string, set: (v: string) => void, placeholder: string) => (
    <div className="field field--inline">
      <label className="field__label" htmlFor={`${id}-${label}`}>
        {label}
      </label>
      <input
        id={`${id}-${label}`}
        className="input"
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => set(e.target.value)}
      />
    </div>
  );

  return (
    <form className="audit-filters" aria-label="Filter audit records" noValidate onSubmit={submit}>
      {text('Actor', actor, setActor, 'e.g. alice')}
      {text('Action', action, setAction, 'e.g. monitor.mute')}
      {text('Target', target, setTarget, 'e.g. monitor:1000012')}
      <div className="field field--inline">
        <label className="field__label" htmlFor={`${id}-outcome`}>
          Outcome
        </label>
        <select id={`${id}-outcome`} className="input" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          <option value="">Any outcome</option>
          {AUDIT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label className="field__label" htmlFor={`${id}-from`}>
          From (UTC)
        </label>
        <input
          id={`${id}-from`}
          type="datetime-local"
          className="input"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          aria-invalid={rangeError ? true : undefined}
          aria-describedby={rangeError ? `${id}-range-error` : undefined}
        />
      </div>
      <div className="field field--inline">
        <label className="field__label" htmlFor={`${id}-to`}>
          To (UTC)
        </label>
        <input
          id={`${id}-to`}
          type="datetime-local"
          className="input"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          aria-invalid={rangeError ? true : undefined}
          aria-describedby={rangeError ? `${id}-range-error` : undefined}
        />
      </div>
      <div className="audit-filters__actions">
        <button type="submit" className="btn btn--primary">
          Apply filters
        </button>
        {hasAuditFilters(filters) && (
          <button type="button" className="btn" onClick={() => onApply(EMPTY_AUDIT_FILTERS)}>
            Clear filters
          </button>
        )}
      </div>
      {rangeError && (
        <p className="field__error audit-filters__error" id={`${id}-range-error`} role="alert">
          {rangeError}
        </p>
      )}
    </form>
  );
}
