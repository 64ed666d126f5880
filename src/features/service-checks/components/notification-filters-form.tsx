import { useId, useState, type FormEvent } from 'react';
import { NOTIFICATION_OUTCOMES } from '../../../contract/service-checks';
import {
  EMPTY_NOTIFICATION_FILTERS,
  hasNotificationFilters,
  isNotificationOutcome,
  parseMonitorId,
  type NotificationFilters,
} from '../utils/notification-filters';

interface NotificationFiltersFormProps {
  filters: NotificationFilters;
  onApply: (filters: Partial<NotificationFilters>) => void;
}

/** Monitor id, handle and outcome. Text applies with Enter or "Apply filters"; a new outcome applies at once. */
export function NotificationFiltersForm({ filters, onApply }: NotificationFiltersFormProps) {
  const id = useId();
  const [monitor, setMonitor] = useState(filters.monitor === null ? '' : String(filters.monitor));
  const [handle, setHandle] = useState(filters.handle);
  const [monitorError, setMonitorError] = useState<string | null>(null);

  /** The text fields as filters, or null (with the error shown) when the monitor id is not a number. */
  const readText = (): Pick<NotificationFilters, 'monitor' | 'handle'> | null => {
    const monitorId = parseMonitorId(monitor);
    if (monitor.trim() && monitorId === null) {
      setMonitorError('A monitor id is a whole number, e.g. 1000012');
      return null;
    }
    setMonitorError(null);
    return { monitor: monitorId, handle: handle.trim() };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = readText();
    if (text) onApply(text);
  };

  return (
    <form className="audit-filters notification-filters" aria-label="Filter notifications" noValidate onSubmit={submit}>
      <div className="field field--inline">
        <label className="field__label" htmlFor={`${id}-monitor`}>
          Monitor
        </label>
        <input
          id={`${id}-monitor`}
          className="input"
          inputMode="numeric"
          value={monitor}
          placeholder="Monitor id"
          autoComplete="off"
          aria-invalid={monitorError ? true : undefined}
          aria-describedby={monitorError ? `${id}-monitor-error` : undefined}
          onChange={(e) => {
            setMonitor(e.target.value);
            if (monitorError) setMonitorError(null);
          }}
        />
      </div>
      <div className="field field--inline">
        <label className="field__label" htmlFor={`${id}-handle`}>
          Handle
        </label>
        <input
          id={`${id}-handle`}
          className="input"
          value={handle}
          placeholder="@webhook-ops"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={200}
          onChange={(e) => setHandle(e.target.value)}
        />
      </div>
      <div className="field field--inline">
        <label className="field__label" htmlFor={`${id}-outcome`}>
          Outcome
        </label>
        <select
          id={`${id}-outcome`}
          className="input"
          value={filters.outcome}
          onChange={(e) => {
            const value = e.target.value;
            const outcome = isNotificationOutcome(value) ? value : '';
            const text = readText();
            onApply(text ? { ...text, outcome } : { outcome });
          }}
        >
          <option value="">Any outcome</option>
          {NOTIFICATION_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
      <div className="audit-filters__actions">
        <button type="submit" className="btn btn--primary">
          Apply filters
        </button>
        {hasNotificationFilters(filters) && (
          <button type="button" className="btn" onClick={() => onApply(EMPTY_NOTIFICATION_FILTERS)}>
            Clear filters
          </button>
        )}
      </div>
      {monitorError && (
        <p className="field__error audit-filters__error" id={`${id}-monitor-error`} role="alert">
          {monitorError}
        </p>
      )}
    </form>
  );
}
