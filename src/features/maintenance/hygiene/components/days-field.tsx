import { useId, useState } from 'react';
import { LONG_ACTIVE_MAX_DAYS, LONG_ACTIVE_MIN_DAYS, parseLongActiveDays } from '../utils/hygiene-params';

interface DaysFieldProps {
  /** The value in the URL, as it is written there (possibly not a valid number). */
  raw: string;
  onChange: (days: number) => void;
  /** The N of the report on screen: while the field says another valid N, that report is loading. */
  reportDays: number;
}

/**
 * "Active longer than [7] days". A valid number goes to the URL at once; anything else stays in
 * the field with an error, and the report keeps using the last good value.
 */
export function DaysField({ raw, onChange, reportDays }: DaysFieldProps) {
  const inputId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState(raw);
  const [seenRaw, setSeenRaw] = useState(raw);
  // The URL changed from elsewhere (Back, a link): show its value unless the draft already says it.
  if (raw !== seenRaw) {
    setSeenRaw(raw);
    const current = parseLongActiveDays(draft);
    if (!current.ok || String(current.days) !== raw) setDraft(raw);
  }
  const parsed = parseLongActiveDays(draft);
  // Not from the URL: a search change renders in a transition, so the screen keeps the old URL until the new report is in.
  const updating = parsed.ok && parsed.days !== reportDays;

  return (
    <div className="field field--inline hygiene-days">
      <label className="field__label" htmlFor={inputId}>
        Active longer than
      </label>
      <input
        id={inputId}
        className="input input--sm hygiene-days__input"
        type="number"
        inputMode="numeric"
        min={LONG_ACTIVE_MIN_DAYS}
        max={LONG_ACTIVE_MAX_DAYS}
        step={1}
        value={draft}
        aria-invalid={parsed.ok ? undefined : true}
        aria-describedby={parsed.ok ? undefined : errorId}
        onChange={(event) => {
          const value = event.target.value;
          setDraft(value);
          const next = parseLongActiveDays(value);
          if (next.ok) onChange(next.days);
        }}
      />
      <span>days</span>
      {updating && (
        <span className="muted-text" role="status">
          Updating…
        </span>
      )}
      {!parsed.ok && (
        <p className="field__error" id={errorId}>
          {parsed.message}
        </p>
      )}
    </div>
  );
}
